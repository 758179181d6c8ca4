-- Directory search: one field finds Träger by name, Hilfeart, Gemeinde and the words of
-- their Leitbild, with Postgres full-text search in the German configuration ("Familienhilfe"
-- finds the providers of "Sozialpädagogische Familienhilfe (SPFH)", "Erziehung" finds
-- "Hilfen zur Erziehung"). The vector is kept on the row by a trigger (a generated column cannot
-- read the Hilfeart labels and Gemeinde names), weighted name > Hilfearten/Gemeinden > Leitbild.
alter table public.organizations add column search_vector tsvector not null default ''::tsvector;
create index organizations_search_vector_idx on public.organizations using gin (search_vector);

create or replace function private.organization_search_vector(
  name text, leitbild text, hilfearten text[], gemeinden text[], city text
) returns tsvector
language sql stable security definer set search_path = ''
as $$
  select setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(name, '')), 'A')
    || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce((
         select string_agg(h.paragraph || ' ' || h.label, ' ') from public.hilfearten h
         where h.code = any (hilfearten)), '')), 'B')
    || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce((
         select string_agg(g.name, ' ') from public.gemeinden g where g.code = any (gemeinden)), '')
         || ' ' || coalesce(city, '')), 'B')
    || setweight(to_tsvector('pg_catalog.german'::regconfig, coalesce(leitbild, '')), 'C')
$$;

create or replace function private.set_organization_search_vector() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.search_vector := private.organization_search_vector(new.name, new.leitbild, new.hilfearten, new.gemeinden, new.city);
  return new;
end
$$;
create trigger organizations_search_vector before insert or update of name, leitbild, hilfearten, gemeinden, city
  on public.organizations for each row execute function private.set_organization_search_vector();

update public.organizations o
set search_vector = private.organization_search_vector(o.name, o.leitbild, o.hilfearten, o.gemeinden, o.city);
