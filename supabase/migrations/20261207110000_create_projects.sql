-- Gemeinsame Projekte, part 1: the tables and who sees what (decision 017).
--
-- A project belongs to a circle. Its Träger are in project_partners with a role (lead, partner)
-- and a status (requested: "Wir machen mit" awaiting the lead; invited: the lead asked, awaiting
-- the Träger; active; declined; left). Exactly one active lead per project.
--
-- Who sees what:
--   * a draft: only the people of its lead Träger;
--   * the idea (projects row, every status but draft) and the names of its active partner Träger:
--     every Träger of the circle;
--   * the workspace (updates, comments, tasks, links, key dates) and every partner row with its
--     messages: only the people of the project's active partner Träger (the lead included). A
--     Träger with a pending request or invitation sees its own row, nothing of the workspace.
-- Every write goes through the functions of part 2, so the tables grant authenticated only SELECT.

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  -- The Träger that wrote the idea (the first lead); drafts stay inside it.
  created_by_org_id uuid not null references public.organizations (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  status text not null default 'draft' check (status in ('draft', 'idea', 'running', 'completed', 'abandoned')),
  title text not null check (length(title) between 3 and 200),
  goal text not null check (length(goal) between 10 and 4000),
  target_group text not null default '' check (length(target_group) <= 1000),
  age_from smallint check (age_from between 0 and 27),
  age_to smallint check (age_to between 0 and 27),
  hilfearten text[] not null default '{}',
  gemeinden text[] not null default '{}',
  period_start date,
  period_end date,
  funding text not null default '' check (length(funding) <= 2000),
  -- "Gesucht": what partners should bring.
  wanted text not null default '' check (length(wanted) <= 4000),
  -- The public summary (Steckbrief) the lead writes when the project is completed.
  summary text check (length(summary) <= 4000),
  status_reason text check (length(status_reason) <= 1000),
  published_at timestamptz,
  status_changed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint projects_period_order check (period_end is null or period_start is null or period_end >= period_start),
  constraint projects_age_order check (age_to is null or age_from is null or age_to >= age_from),
  constraint projects_completed_has_summary check (status <> 'completed' or summary is not null)
);
create index projects_network_idx on public.projects (network_id, status, updated_at desc);
-- /projekte lists ideas, running, draft, then completed projects, each newest first, 30 at a time:
-- this index gives them in that order (the expression is the list's order by, read.ts listOrder).
create index projects_list_idx on public.projects
  ((case status when 'idea' then 0 when 'running' then 1 when 'draft' then 2 else 3 end), updated_at desc, id);
create index projects_created_by_org_idx on public.projects (created_by_org_id);
create index projects_created_by_idx on public.projects (created_by);
create index projects_hilfearten_idx on public.projects using gin (hilfearten);
create index projects_gemeinden_idx on public.projects using gin (gemeinden);

create table public.project_partners (
  project_id uuid not null references public.projects (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  role text not null default 'partner' check (role in ('lead', 'partner')),
  status text not null check (status in ('requested', 'invited', 'active', 'declined', 'left')),
  -- The request's or invitation's message, and the answer to it.
  message text not null default '' check (length(message) <= 2000),
  answer text not null default '' check (length(answer) <= 2000),
  requested_by uuid references auth.users (id) on delete set null,
  decided_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  left_at timestamptz,
  primary key (project_id, org_id),
  constraint project_partners_lead_is_active check (role <> 'lead' or status = 'active')
);
-- With project_id: private.workspace_project_id_array() (every project the person's Träger take
-- part in, read by the projects' policies for each statement) reads the index alone; from the
-- table it read one row per project ever joined (/projekte at 10× the bench: 197 buffers, issue 14).
create index project_partners_org_idx on public.project_partners (org_id, status, project_id);
create index project_partners_requested_by_idx on public.project_partners (requested_by);
create index project_partners_decided_by_idx on public.project_partners (decided_by);
-- At most one lead; at least one is checked at commit (constraint trigger below).
create unique index project_partners_one_lead on public.project_partners (project_id) where role = 'lead';

create table public.project_updates (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete set null,
  author_id uuid references auth.users (id) on delete set null,
  body text not null check (length(body) between 1 and 5000),
  link_url text check (length(link_url) <= 500 and link_url ~ '^https?://[^[:space:]]+$'),
  created_at timestamptz not null default now()
);
create index project_updates_project_idx on public.project_updates (project_id, created_at desc);
create index project_updates_org_idx on public.project_updates (org_id);
create index project_updates_author_idx on public.project_updates (author_id);

create table public.project_comments (
  id uuid primary key default gen_random_uuid(),
  update_id uuid not null references public.project_updates (id) on delete cascade,
  project_id uuid not null references public.projects (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete set null,
  author_id uuid references auth.users (id) on delete set null,
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index project_comments_update_idx on public.project_comments (update_id, created_at);
create index project_comments_project_idx on public.project_comments (project_id);
create index project_comments_org_idx on public.project_comments (org_id);
create index project_comments_author_idx on public.project_comments (author_id);

create table public.project_tasks (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  title text not null check (length(title) between 3 and 300),
  owner_org_id uuid not null references public.organizations (id) on delete cascade,
  owner_user_id uuid references auth.users (id) on delete set null,
  due_date date,
  status text not null default 'open' check (status in ('open', 'in_progress', 'done')),
  created_by uuid references auth.users (id) on delete set null,
  reminded_at timestamptz,
  done_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index project_tasks_project_idx on public.project_tasks (project_id, status, due_date);
create index project_tasks_owner_org_idx on public.project_tasks (owner_org_id);
create index project_tasks_owner_user_idx on public.project_tasks (owner_user_id);
create index project_tasks_created_by_idx on public.project_tasks (created_by);
create index project_tasks_due_idx on public.project_tasks (due_date) where status <> 'done' and reminded_at is null;

-- Links only (no attachments: decision 017).
create table public.project_links (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  org_id uuid references public.organizations (id) on delete set null,
  added_by uuid references auth.users (id) on delete set null,
  title text not null check (length(title) between 2 and 200),
  url text not null check (length(url) <= 500 and url ~ '^https?://[^[:space:]]+$'),
  created_at timestamptz not null default now()
);
create index project_links_project_idx on public.project_links (project_id);
create index project_links_org_idx on public.project_links (org_id);
create index project_links_added_by_idx on public.project_links (added_by);

-- Key dates (Termine): the calendar shows them to the partners (app/.server/projects/dates.ts).
create table public.project_dates (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references public.projects (id) on delete cascade,
  title text not null check (length(title) between 2 and 200),
  starts_at timestamptz not null,
  ends_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint project_dates_end_after_start check (ends_at is null or ends_at >= starts_at)
);
create index project_dates_project_idx on public.project_dates (project_id, starts_at);
create index project_dates_created_by_idx on public.project_dates (created_by);

-- Exactly one lead at the end of every transaction that touches the partners (the functions
-- lock the project row first; this is the last line when two of them would still disagree).
create or replace function private.check_project_has_lead() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  pid uuid := coalesce(new.project_id, old.project_id);
begin
  if exists (select 1 from public.projects p where p.id = pid)
     and not exists (select 1 from public.project_partners pp where pp.project_id = pid and pp.role = 'lead') then
    raise exception 'TK_PROJECT_LAST_LEAD' using errcode = 'P0001';
  end if;
  return null;
end
$$;
create constraint trigger project_partners_keep_a_lead after insert or update or delete on public.project_partners
  deferrable initially deferred for each row execute function private.check_project_has_lead();

-- Policy helpers ------------------------------------------------------------------------------

-- Projects whose workspace the current user sees: a Träger of theirs is an active partner.
create or replace function private.workspace_project_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select pp.project_id from public.project_partners pp
  where pp.status = 'active' and pp.org_id in (select private.user_org_ids());
end
$$;

-- Projects the current user may read: the circle's non-drafts, and their own Träger's.
create or replace function private.visible_project_ids() returns setof uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return query
  select p.id from public.projects p
  where (p.status <> 'draft' and p.network_id in (select private.user_network_ids()))
     or p.id in (select private.workspace_project_ids());
end
$$;

-- True when the current user is owner/admin/coordinator of the project's active lead Träger.
create or replace function private.leads_project(project uuid) returns boolean
language plpgsql stable security definer set search_path = ''
as $$
begin
  return exists (
    select 1 from public.project_partners pp
    where pp.project_id = project and pp.role = 'lead'
      and pp.org_id in (select private.user_org_ids_with_role(array['owner', 'admin', 'coordinator'])));
end
$$;

grant execute on function private.workspace_project_ids(), private.visible_project_ids(),
  private.leads_project(uuid) to authenticated, service_role;

-- workspace_project_ids as one value, for the select policies (one InitPlan per statement, see
-- private.user_org_id_array).
create or replace function private.workspace_project_id_array() returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return array(select pp.project_id from public.project_partners pp
                 where pp.status = 'active' and pp.org_id = any (private.user_org_id_array()));
end
$$;
revoke all on function private.workspace_project_id_array() from public;
grant execute on function private.workspace_project_id_array() to authenticated, service_role;

-- Grants and policies -------------------------------------------------------------------------

alter table public.projects enable row level security;
alter table public.project_partners enable row level security;
alter table public.project_updates enable row level security;
alter table public.project_comments enable row level security;
alter table public.project_tasks enable row level security;
alter table public.project_links enable row level security;
alter table public.project_dates enable row level security;

revoke all on public.projects, public.project_partners, public.project_updates, public.project_comments,
  public.project_tasks, public.project_links, public.project_dates from anon, authenticated;
grant select on public.projects, public.project_partners, public.project_updates, public.project_comments,
  public.project_tasks, public.project_links, public.project_dates to authenticated;
grant select, insert, update, delete on public.projects, public.project_partners, public.project_updates,
  public.project_comments, public.project_tasks, public.project_links, public.project_dates to service_role;

create policy "the circle reads its project ideas, a Träger its drafts"
  on public.projects for select to authenticated
  using ((status <> 'draft' and network_id = any ((select private.user_network_id_array())::uuid[]))
         or id = any ((select private.workspace_project_id_array())::uuid[]));

-- The circle reads which Träger take part (active rows of visible projects); the partners read
-- every row (requests, invitations, answers); a Träger reads its own request or invitation.
create policy "the circle reads the partners, the partners every request, a Träger its own"
  on public.project_partners for select to authenticated
  using (org_id = any ((select private.user_org_id_array())::uuid[])
         or project_id = any ((select private.workspace_project_id_array())::uuid[])
         or (status = 'active' and exists (select 1 from public.projects p
                                           where p.id = project_partners.project_id
                                             and p.status <> 'draft'
                                             and p.network_id = any ((select private.user_network_id_array())::uuid[]))));

create policy "the partners read the updates"
  on public.project_updates for select to authenticated
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
create policy "the partners read the comments"
  on public.project_comments for select to authenticated
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
create policy "the partners read the tasks"
  on public.project_tasks for select to authenticated
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
create policy "the partners read the links"
  on public.project_links for select to authenticated
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));
create policy "the partners read the key dates"
  on public.project_dates for select to authenticated
  using (project_id = any ((select private.workspace_project_id_array())::uuid[]));

-- The Sozialdaten guard (decision 013): every text of the idea and the workspace refuses hard
-- identifiers. On update only a changed column is screened.
create trigger projects_refuse_hard_sozialdaten before insert or update on public.projects
  for each row execute function private.refuse_hard_sozialdaten('title', 'goal', 'target_group', 'funding', 'wanted', 'summary', 'status_reason');
create trigger project_partners_refuse_hard_sozialdaten before insert or update on public.project_partners
  for each row execute function private.refuse_hard_sozialdaten('message', 'answer');
create trigger project_updates_refuse_hard_sozialdaten before insert or update on public.project_updates
  for each row execute function private.refuse_hard_sozialdaten('body');
create trigger project_comments_refuse_hard_sozialdaten before insert or update on public.project_comments
  for each row execute function private.refuse_hard_sozialdaten('body');
create trigger project_tasks_refuse_hard_sozialdaten before insert or update on public.project_tasks
  for each row execute function private.refuse_hard_sozialdaten('title');
create trigger project_links_refuse_hard_sozialdaten before insert or update on public.project_links
  for each row execute function private.refuse_hard_sozialdaten('title');
create trigger project_dates_refuse_hard_sozialdaten before insert or update on public.project_dates
  for each row execute function private.refuse_hard_sozialdaten('title');
