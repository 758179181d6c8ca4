-- The database's own Sozialdaten guard: the last line of defence behind the form and the action
-- (app/utils/sozialdaten.ts, app/validation/public-text.ts). Texts that other Träger read are
-- refused when they hold a hard identifier — a phone number, an e-mail address, a street with a
-- house number, a full date of birth, a name followed by an age, an Aktenzeichen. Names alone are
-- not refused here (the form warns and the person confirms).
--
-- The patterns mirror the TypeScript screen and are tested against the same example corpus
-- (tests/integration/sozialdaten-guard.test.ts). Every repetition is bounded, so the time is
-- linear in the text. Letters are spelled out as code-point ranges (Latin-1 and Latin
-- Extended-A: ı, ş, ğ, ł, ś, ż …) because [[:alpha:]] depends on the database's locale.
--
-- To guard a new table's texts (meetings, projects):
--   create trigger <table>_refuse_hard_sozialdaten before insert or update on public.<table>
--     for each row execute function private.refuse_hard_sozialdaten('title', 'description');

-- Capitalised words that are not names (mirrors SOZIALDATEN_COMMON_WORDS in TypeScript; a test
-- compares both lists).
create or replace function private.sozialdaten_common_words() returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'Der', 'Die', 'Das', 'Den', 'Dem', 'Des', 'Ein', 'Eine', 'Einen', 'Einem',
    'Einer', 'Sie', 'Er', 'Es', 'Ihr', 'Ihre', 'Ihrem', 'Ihren', 'Sein', 'Seine',
    'Seinem', 'Seinen', 'Im', 'In', 'Am', 'An', 'Auf', 'Aus', 'Bei', 'Mit',
    'Nach', 'Von', 'Vor', 'Zu', 'Zum', 'Zur', 'Und', 'Oder', 'Aber', 'Für',
    'Über', 'Unter', 'Ohne', 'Seit', 'Wegen', 'Ab', 'Bis', 'Familie', 'Familien', 'Kind',
    'Kinder', 'Kindern', 'Mutter', 'Vater', 'Eltern', 'Sohn', 'Tochter', 'Geschwister', 'Jugendliche', 'Jugendlicher',
    'Unterstützung', 'Hilfe', 'Hilfen', 'Begleitung', 'Betreuung', 'Beratung', 'Schule', 'Schulen', 'Kita', 'Kindergarten',
    'Alltag', 'Termin', 'Termine', 'Jugendamt', 'Wohngruppe', 'Einrichtung', 'Heim', 'Förderbedarf', 'Förderung', 'Erziehung',
    'Probleme', 'Schwierigkeiten', 'Krise', 'Verhalten', 'Fachkraft', 'Fachkräfte', 'Team', 'Hause', 'Haushalt', 'Gericht',
    'Umgang', 'Umgänge', 'Kontakt', 'Kontakte', 'Std', 'Stunden', 'Woche', 'Wochen', 'Tag', 'Tage',
    'Monat', 'Monate', 'Jahr', 'Jahre', 'Jahren', 'Alter', 'Hilfeplan', 'Hilfeplangespräch', 'Sprachmittlung', 'Dolmetscher',
    'Migrationshintergrund', 'Fluchterfahrung', 'Behinderung', 'Diagnose', 'Therapie', 'Klinik', 'Psychiatrie', 'Inobhutnahme', 'SPFH', 'ISE',
    'SGB', 'VIII', 'KJHG', 'Notfall', 'Vertretung', 'Krisenintervention', 'Umgangsbegleitung', 'Übernahme', 'Trennung', 'Scheidung',
    'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag', 'Wochenende', 'Januar', 'Februar',
    'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
    'Deutsch', 'Türkisch', 'Arabisch', 'Kurdisch', 'Farsi', 'Dari', 'Paschtu', 'Russisch', 'Ukrainisch', 'Polnisch',
    'Rumänisch', 'Bulgarisch', 'Englisch', 'Französisch', 'Albanisch', 'Serbisch', 'Kroatisch', 'Bosnisch', 'Tigrinya', 'Somali',
    'Gebärdensprache', 'Morgen', 'Vormittag', 'Mittag', 'Nachmittag', 'Abend', 'Anfang', 'Ende', 'Beginn', 'Zeitraum',
    'Schuljahr', 'Halbjahr', 'Quartal', 'Durchschnitt', 'Mädchen', 'Junge', 'Jungen', 'Jugendlichen', 'Zwillinge', 'Geschwisterkinder',
    'Teilnehmende', 'Teilnehmer', 'Teilnehmerinnen', 'Personen', 'Plätze', 'Platz', 'Gruppe', 'Gruppen', 'Klasse', 'Klassen',
    'Module', 'Modul', 'Einheiten', 'Einheit', 'Sitzungen', 'Sitzung', 'Seite', 'Seiten', 'Kapitel', 'Absatz',
    'Abs', 'Nr', 'Punkt', 'Punkte', 'Fälle', 'Fall', 'Anfragen', 'Angebote', 'Mitarbeitende', 'Kolleginnen',
    'Kollegen', 'Erwachsene', 'Stand', 'Ziffer', 'Anlage', 'Paragraph', 'Kurs', 'Kurse', 'Tagung', 'Workshop',
    'Referentin', 'Referent', 'Alle', 'Beide', 'Insgesamt', 'Ca', 'Circa', 'Alpen', 'Dinslaken', 'Hamminkeln',
    'Hünxe', 'Kamp-Lintfort', 'Moers', 'Neukirchen-Vluyn', 'Rheinberg', 'Schermbeck', 'Sonsbeck', 'Voerde', 'Wesel', 'Xanten',
    'Duisburg', 'Oberhausen', 'Kamp', 'Lintfort', 'Neukirchen', 'Vluyn', 'Niederrhein', 'Drevenack', 'Bruckhausen', 'Friedrichsfeld',
    'Spellen', 'Büderich', 'Flüren', 'Walsum', 'Hamborn', 'Marxloh', 'Meiderich', 'Rheinhausen', 'Homberg', 'Ruhrort',
    'Hochfeld', 'Neudorf', 'Wanheim', 'Huckingen', 'Rumeln', 'Baerl', 'Sterkrade', 'Osterfeld', 'Alstaden', 'Lirich',
    'Schmachtendorf', 'Holten', 'Lohberg', 'Hiesfeld', 'Eppinghoven', 'Bislich', 'Blumenkamp', 'Feldmark', 'Obrighoven', 'Lackhausen',
    'Ginderich', 'Birten', 'Vynen', 'Lüttingen', 'Borth', 'Budberg', 'Orsoy', 'Repelen', 'Asberg', 'Kapellen',
    'Schwafheim', 'Hülsdonk', 'Meerbeck', 'Gahlen', 'Bucholtwelmen', 'Mehrhoog', 'Dingden', 'Ringenberg', 'Ruhrgebiet', 'Rhein',
    'Ruhr', 'Emscher', 'Lippe', 'Nordrhein-Westfalen'
  ]::text[]
$$;

-- The kinds of hard identifiers in a text ('phone', 'email', 'address', 'birthdate', 'name_age',
-- 'case_number'), each once, in this order; empty when there are none.
create or replace function private.sozialdaten_hard_kinds(content text) returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  up constant text := 'A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ';
  letter constant text := 'A-Za-zÀ-ÖØ-öø-ɏ';
  lower_letter constant text := 'a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĸĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżž''’';
  s constant text := '[ \t\u00a0]{0,3}';
  s1 constant text := '[ \t\u00a0]{1,3}';
  word text;
  house_number text;
  suffix text;
  age_unit text;
  common text[];
  kinds text[] := '{}';
  m text[];
begin
  if content is null or content = '' then
    return kinds;
  end if;
  word := '[' || up || '][' || lower_letter || ']{1,30}';
  house_number := '(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]{1,4}[a-z]?(?![' || letter || '0-9])(?![.,][0-9])'
    || '(?!' || s || '(?:km|m|min|Min\.?|Minuten|Std\.?|Stunden|h|mal|Mal|x|Termine?|Kinder|Personen|Jahre?|Plätze|Tage?|Wochen?|Monate?|Uhr)(?![' || letter || ']))';
  suffix := 'straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|pfad|steig|wall|'
    || 'Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Chaussee|Pfad|Steig|Wall';
  age_unit := '(?:J\.|Jahren?(?![' || letter || '])|-?jährig(?:e|er)?(?![' || letter || ']))';
  common := private.sozialdaten_common_words();

  -- Phone numbers: +49 / 0049 / an area code, then at least 7 digits in all.
  for m in select regexp_matches(content,
      '(?<![' || letter || '0-9])((?:\+49|0049|\(0[0-9]{2,5}\)|0[0-9]{2,5})(?:[ \t\u00a0/-]{0,3}[0-9]){5,12})(?![0-9])', 'g') loop
    if length(regexp_replace(m[1], '[^0-9]', '', 'g')) >= 7 then
      kinds := kinds || 'phone'::text;
      exit;
    end if;
  end loop;

  if content ~ ('(?<![' || letter || '0-9._%+-])[' || letter || '0-9._%+-]{1,64}@[' || letter || '0-9-]{1,63}'
                || '(?:\.[' || letter || '0-9-]{1,63}){0,8}\.[' || letter || ']{2,24}(?![' || letter || '0-9])') then
    kinds := kinds || 'email'::text;
  end if;

  -- A street with a house number, or "Am Markt 3" (unless the word is a common one).
  if content ~ ('(?<![' || letter || '-])[' || up || '][' || letter || '-]{0,40}?(?:' || suffix || ')' || s || house_number)
     or content ~ ('(?<![' || letter || '-])[' || up || '][' || letter || ']{1,40}' || s1
                   || '(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer)' || s1 || house_number) then
    kinds := kinds || 'address'::text;
  else
    for m in select regexp_matches(content,
        '(?<![' || letter || '])(?:Am|An der|An den|Auf dem|Auf der|Auf den|Im|In der|In den|Zum|Zur|Hinter dem|Hinter der|Unter den|Vor dem)'
        || s1 || '([' || up || '][' || letter || '-]{1,40})' || s1 || house_number, 'g') loop
      if not (m[1] = any (common)) then
        kinds := kinds || 'address'::text;
        exit;
      end if;
    end loop;
  end if;

  -- A full date of birth: introduced, with day and month.
  if content ~* ('(?:(?<![' || letter || '])(?:geb\.|geboren|Geburtsdatum:?|Geburtstag:?)(?:' || s1 || 'am)?|\*)' || s
                 || '[0-9]{1,2}\.' || s || '[0-9]{1,2}\.') then
    kinds := kinds || 'birthdate'::text;
  end if;

  -- A name followed by an age: "Deniz (8)", "Lea, 8 J.".
  for m in select regexp_matches(content,
      '(?<![' || letter || '0-9-])(' || word || '(?:-' || word || '){0,2})'
      || '(?:' || s || '\(' || s || '[0-9]{1,2}(?![0-9])' || s || '(?:' || age_unit || ')?' || s || '\)'
      || '|,' || s || '[0-9]{1,2}(?![0-9])' || s || age_unit || ')', 'g') loop
    if not (m[1] = any (common) or split_part(m[1], '-', 1) = any (common)
            or m[1] ~ '(?:ung|heit|keit|schaft|tion|ität|nis|tum|ment|ismus|ierung|begleitung|betreuung|gruppe|kurs|stunde|stunden)$') then
      kinds := kinds || 'name_age'::text;
      exit;
    end if;
  end loop;

  -- Aktenzeichen: introduced ("Az. 51.2-1234/2025") or in the typical shape "512/0815/2025".
  if content ~ ('(?<![' || letter || '])(?:Az\.?|AZ|Akt\.?-?Z\.?|Aktenzeichen|Geschäftszeichen|Gz\.?|Fall-?Nr\.?|Fallnummer|Kassenzeichen)'
                || s || ':?' || s || '(?:[A-Z]{1,4}' || s || '[./-]?' || s || ')?[A-Z0-9]{0,4}[0-9]')
     or content ~ ('(?<![' || letter || '0-9./-])[0-9]{2,4}(?:\.[0-9]{1,3}){0,3}[-/][0-9]{3,8}[-/][0-9]{2,4}(?![0-9/-])') then
    kinds := kinds || 'case_number'::text;
  end if;

  return kinds;
end
$$;

-- German names of the kinds, for the message of a refusal raised in SQL.
create or replace function private.sozialdaten_kind_labels(kinds text[]) returns text
language sql
immutable
set search_path = ''
as $$
  select string_agg(case k
      when 'phone' then 'Telefonnummer'
      when 'email' then 'E-Mail-Adresse'
      when 'address' then 'Anschrift mit Hausnummer'
      when 'birthdate' then 'Geburtsdatum'
      when 'name_age' then 'Name mit Alter'
      when 'case_number' then 'Aktenzeichen'
      else k end, ', ')
  from unnest(kinds) as k
$$;

-- Trigger: refuses a row whose listed text columns (trigger arguments) hold a hard identifier.
-- On update only the columns that changed are screened, so a status change never fails on an
-- old text (texts from before this guard are screened by the hiding migration instead).
-- Raises TK_SOZIALDATEN with the kinds in DETAIL; the app maps it to a German message. Definer, so
-- anon's join request runs the screen without a grant on the helpers.
create or replace function private.refuse_hard_sozialdaten() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_row jsonb := to_jsonb(new);
  old_row jsonb := case when tg_op = 'UPDATE' then to_jsonb(old) end;
  col text;
  kinds text[];
begin
  foreach col in array tg_argv loop
    if tg_op = 'UPDATE' and (new_row ->> col) is not distinct from (old_row ->> col) then
      continue;
    end if;
    kinds := private.sozialdaten_hard_kinds(new_row ->> col);
    if cardinality(kinds) > 0 then
      raise exception 'TK_SOZIALDATEN' using errcode = 'P0001',
        detail = col || ': ' || array_to_string(kinds, ','),
        hint = private.sozialdaten_kind_labels(kinds);
    end if;
  end loop;
  return new;
end
$$;

-- Only the definer trigger and functions call these; the API roles need no grant.
grant execute on function private.sozialdaten_common_words(), private.sozialdaten_hard_kinds(text),
  private.sozialdaten_kind_labels(text[]) to service_role;

create trigger cover_requests_refuse_hard_sozialdaten before insert or update on public.cover_requests
  for each row execute function private.refuse_hard_sozialdaten('description', 'gender_reason');
create trigger cover_request_internals_refuse_hard_sozialdaten before insert or update on public.cover_request_internals
  for each row execute function private.refuse_hard_sozialdaten('cancel_reason');
create trigger cover_offers_refuse_hard_sozialdaten before insert or update on public.cover_offers
  for each row execute function private.refuse_hard_sozialdaten('message', 'decline_message');
create trigger trainings_refuse_hard_sozialdaten before insert or update on public.trainings
  for each row execute function private.refuse_hard_sozialdaten('description', 'cancel_reason');
create trigger training_queue_moves_refuse_hard_sozialdaten before insert or update on public.training_queue_moves
  for each row execute function private.refuse_hard_sozialdaten('reason');
create trigger join_requests_refuse_hard_sozialdaten before insert or update on public.join_requests
  for each row execute function private.refuse_hard_sozialdaten('message', 'decision_message');
create trigger organizations_refuse_hard_sozialdaten before insert or update on public.organizations
  for each row execute function private.refuse_hard_sozialdaten('leitbild');
create trigger networks_refuse_hard_sozialdaten before insert or update on public.networks
  for each row execute function private.refuse_hard_sozialdaten('description');
