-- Foundation, part 1: the private schema, default privileges and the fixed reference lists
-- (Hilfearten after SGB VIII, Gemeinden of the region) that profiles and requests pick from.

create schema if not exists private;
revoke all on schema private from public;
-- Policies call helpers in private as the invoking role, so the API roles need usage (never
-- exposed through an API: PostgREST serves public only).
grant usage on schema private to authenticated, anon, service_role;

-- Nothing is executable by default; each function below is granted on purpose.
-- PostgreSQL grants EXECUTE to PUBLIC globally, and a per-schema default can only add to the
-- global one, never take away from it; so the PUBLIC grant is revoked globally (for the role that
-- runs the migrations). The per-schema lines drop the grants to the API roles that a Supabase
-- project adds by default in public; on the local shim they are no-ops.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated;
alter default privileges in schema private revoke execute on functions from anon, authenticated;
-- The API roles never use a sequence directly either: identity columns draw their values without a
-- sequence privilege, and every other nextval runs inside a definer function. A Supabase project
-- grants them USAGE/SELECT/UPDATE on every new sequence in public by default (UPDATE means setval:
-- anyone signed in could move audit_log's ids); taken back here for every sequence the migrations
-- create.
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema private revoke all on sequences from anon, authenticated;

-- Keeps updated_at honest without trusting the client.
create or replace function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Turns a name into a URL part: lower case, umlauts spelled out, dashes between words.
create or replace function private.slugify(value text) returns text
language sql immutable
set search_path = ''
as $$
  select trim(both '-' from regexp_replace(
    replace(replace(replace(replace(lower(value), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
    '[^a-z0-9]+', '-', 'g'))
$$;

-- The kinds of help a Träger offers, after SGB VIII. A fixed list: profiles, directory filters
-- and cover requests refer to these codes.
create table public.hilfearten (
  code text primary key,
  paragraph text not null,
  label text not null,
  sort_order int not null
);
alter table public.hilfearten enable row level security;
revoke all on public.hilfearten from anon, authenticated;
grant select on public.hilfearten to authenticated;
grant select, insert, update, delete on public.hilfearten to service_role;

-- Reference data is the same for everyone who is signed in.
create policy "signed-in users can read the hilfearten"
  on public.hilfearten for select to authenticated using (true);

insert into public.hilfearten (code, paragraph, label, sort_order) values
  ('p8a', '§ 8a', 'Schutzauftrag bei Kindeswohlgefährdung (insoweit erfahrene Fachkraft)', 10),
  ('p16', '§ 16', 'Allgemeine Förderung der Erziehung in der Familie', 20),
  ('p18', '§ 18', 'Beratung und Unterstützung bei Personensorge und Umgang (Umgangsbegleitung)', 30),
  ('p19', '§ 19', 'Gemeinsame Wohnformen für Mütter/Väter und Kinder', 40),
  ('p27', '§ 27', 'Hilfe zur Erziehung (flexible Hilfen)', 50),
  ('p28', '§ 28', 'Erziehungsberatung', 60),
  ('p29', '§ 29', 'Soziale Gruppenarbeit', 70),
  ('p30', '§ 30', 'Erziehungsbeistand, Betreuungshelfer', 80),
  ('p31', '§ 31', 'Sozialpädagogische Familienhilfe (SPFH)', 90),
  ('p32', '§ 32', 'Erziehung in einer Tagesgruppe', 100),
  ('p33', '§ 33', 'Vollzeitpflege', 110),
  ('p34', '§ 34', 'Heimerziehung, sonstige betreute Wohnform', 120),
  ('p35', '§ 35', 'Intensive sozialpädagogische Einzelbetreuung (ISE)', 130),
  ('p35a', '§ 35a', 'Eingliederungshilfe für seelisch behinderte Kinder und Jugendliche', 140),
  ('p41', '§ 41', 'Hilfe für junge Volljährige', 150),
  ('p42', '§ 42', 'Inobhutnahme', 160);

-- Gemeinden (municipalities) a Träger can serve; Kreis Wesel's thirteen plus Duisburg and Oberhausen.
create table public.gemeinden (
  code text primary key,
  name text not null,
  kreis text not null,
  sort_order int not null
);
alter table public.gemeinden enable row level security;
revoke all on public.gemeinden from anon, authenticated;
grant select on public.gemeinden to authenticated;
grant select, insert, update, delete on public.gemeinden to service_role;

create policy "signed-in users can read the gemeinden"
  on public.gemeinden for select to authenticated using (true);

insert into public.gemeinden (code, name, kreis, sort_order) values
  ('alpen', 'Alpen', 'Kreis Wesel', 10),
  ('dinslaken', 'Dinslaken', 'Kreis Wesel', 20),
  ('hamminkeln', 'Hamminkeln', 'Kreis Wesel', 30),
  ('huenxe', 'Hünxe', 'Kreis Wesel', 40),
  ('kamp-lintfort', 'Kamp-Lintfort', 'Kreis Wesel', 50),
  ('moers', 'Moers', 'Kreis Wesel', 60),
  ('neukirchen-vluyn', 'Neukirchen-Vluyn', 'Kreis Wesel', 70),
  ('rheinberg', 'Rheinberg', 'Kreis Wesel', 80),
  ('schermbeck', 'Schermbeck', 'Kreis Wesel', 90),
  ('sonsbeck', 'Sonsbeck', 'Kreis Wesel', 100),
  ('voerde', 'Voerde (Niederrhein)', 'Kreis Wesel', 110),
  ('wesel', 'Wesel', 'Kreis Wesel', 120),
  ('xanten', 'Xanten', 'Kreis Wesel', 130),
  ('duisburg', 'Duisburg', 'Kreisfreie Stadt', 200),
  ('oberhausen', 'Oberhausen', 'Kreisfreie Stadt', 210);
