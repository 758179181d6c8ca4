// What the /treffen pages read, as the signed-in user: row-level security decides (the circle sees
// meetings, agendas, circulated minutes, decisions and action items; names of RSVPs only the hosts
// and the own Träger, through public.meeting_rsvp_names). Each list is one query with a limit.
import { sql, type Expression } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, type Tx } from "../db/request";
import type { MinutesStatus, RsvpAnswer } from "../db/schema";
import { asMinutesContent, type MinutesContent } from "./minutes";
import { rowLimit } from "~/.server/db/limits";

export type HostOption = {
  value: string;
  label: string;
  networkId: string;
  orgId: string;
};
export type GemeindeOption = { code: string; name: string; kreis: string };

/** The circle + host Träger pairs the user may plan for: their own Träger where they have a host
 *  role, and every Träger of a circle they coordinate. */
export async function hostOptions(
  tx: Tx,
  userId: string,
): Promise<HostOption[]> {
  const rows = await sql<{
    network_id: string;
    network_name: string;
    org_id: string;
    org_name: string;
  }>`
    -- The user's own Träger first (the default host), then the circle's others (for its coordinators).
    select n.id as network_id, n.name as network_name, o.id as org_id, o.name as org_name
    from public.networks n
    join public.network_members nm on nm.network_id = n.id and nm.status = 'active'
    join public.organizations o on o.id = nm.org_id
    left join lateral (select true as own from public.org_members m
                       where m.org_id = o.id and m.user_id = ${userId} and m.role in ('owner', 'admin', 'coordinator')) mine on true
    where mine.own or n.id in (select private.coordinated_network_ids())
    order by mine.own is null, n.name, o.name
  `.execute(tx);
  const circles = new Set(rows.rows.map((r) => r.network_id));
  return rows.rows.map((r) => ({
    value: `${r.network_id}:${r.org_id}`,
    label: circles.size > 1 ? `${r.org_name} (${r.network_name})` : r.org_name,
    networkId: r.network_id,
    orgId: r.org_id,
  }));
}

export { gemeindeOptions } from "../circle/reference";

/** `<column> in (select private.user_network_ids())`: the row belongs to one of the user's circles. */
function inMyCircles(column: Expression<string>) {
  return sql<boolean>`${column} in (select private.user_network_ids())`;
}

export type MeetingCard = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  gemeinde: string | null;
  online: boolean;
  hostName: string;
  status: "planned" | "cancelled";
  rsvpYes: number;
  rsvpMaybe: number;
  rsvpNo: number;
  orgsComing: number;
  myAnswer: RsvpAnswer | null;
  minutesStatus: MinutesStatus | null;
};

export type PollCard = {
  id: string;
  title: string;
  deadline: Date | null;
  hostName: string;
  options: number;
  voted: boolean;
};

export const MEETINGS_PAGE_SIZE = 30;

type MeetingListRow = {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  gemeinde: string | null;
  online: boolean;
  host_name: string;
  status: "planned" | "cancelled";
  rsvp_yes: number;
  rsvp_maybe: number;
  rsvp_no: number;
  my_answer: RsvpAnswer | null;
  minutes_status: MinutesStatus | null;
  orgs_coming: number;
};

/**
 * The list's SQL (also measured by the bench with and without RLS). The page's ids come first, in
 * meetings_time_idx (starts_at, ends_at) order: coming ones are those that start from now on (the
 * index in order, 30 rows) plus those running now (started, not ended: checked on the index
 * entries, from a day back: meetings_at_most_a_day); past ones end before now, so they started before now too (the index backwards). Filtering
 * `ends_at` and sorting by `starts_at` read every coming or past meeting of the circles.
 */
export function meetingListQuery(userId: string, past: boolean) {
  const inCircles = sql`mt.network_id in (select private.user_network_ids())`;
  // The page's rows carry the columns the card needs: joining meetings again by id let the planner
  // hash the whole table.
  const columns = sql`mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, mt.gemeinde, mt.online_url, mt.host_org_id,
    mt.status, mt.rsvp_yes, mt.rsvp_maybe, mt.rsvp_no, mt.rsvp_orgs`;
  const page = past
    ? sql`select ${columns} from public.meetings mt
          where ${inCircles} and mt.starts_at < now() and mt.ends_at < now()
          order by mt.starts_at desc limit ${rowLimit(MEETINGS_PAGE_SIZE)}`
    : sql`(select ${columns} from public.meetings mt
           where ${inCircles} and mt.starts_at >= now()
           order by mt.starts_at limit ${rowLimit(MEETINGS_PAGE_SIZE)})
          union all
          (select ${columns} from public.meetings mt
           where ${inCircles} and mt.starts_at < now() and mt.starts_at >= now() - interval '1 day' and mt.ends_at >= now())`;
  const order = past ? sql`mt.starts_at desc` : sql`mt.starts_at asc`;
  return sql<MeetingListRow>`
      with mt as (${page})
      select mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, g.name as gemeinde, mt.online_url is not null as online,
        o.name as host_name, mt.status, mt.rsvp_yes, mt.rsvp_maybe, mt.rsvp_no,
        (select r.answer from public.meeting_rsvps r where r.meeting_id = mt.id and r.user_id = ${userId}) as my_answer,
        (select m.status from public.minutes m where m.meeting_id = mt.id) as minutes_status,
        mt.rsvp_orgs as orgs_coming
      from mt
      join public.organizations o on o.id = mt.host_org_id
      left join public.gemeinden g on g.code = mt.gemeinde
      order by ${order}, mt.id
      limit ${rowLimit(MEETINGS_PAGE_SIZE)}
  `;
}

/** /treffen: the next (or past) meetings of the user's circles, and the open date polls. */
export async function listMeetings(
  user: SessionUser,
  past: boolean,
): Promise<{
  meetings: MeetingCard[];
  polls: PollCard[];
  canPlan: boolean;
  inCircle: boolean;
}> {
  return asUser(user, async (tx) => {
    const meetings = await meetingListQuery(user.id, past).execute(tx);
    const polls = await tx
      .selectFrom("date_polls as p")
      .innerJoin("organizations as o", "o.id", "p.host_org_id")
      .select((eb) => [
        "p.id",
        "p.title",
        "p.deadline",
        "o.name as host_name",
        eb
          .selectFrom("poll_options as x")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("x.poll_id", "=", "p.id")
          .as("options"),
        eb
          .exists(
            eb
              .selectFrom("poll_votes as v")
              .select(sql`1`.as("one"))
              .whereRef("v.poll_id", "=", "p.id")
              .where("v.user_id", "=", user.id),
          )
          .$castTo<boolean>()
          .as("voted"),
      ])
      .where((eb) => inMyCircles(eb.ref("p.network_id")))
      .where("p.status", "=", sql.lit("open"))
      .orderBy("p.created_at", "desc")
      .limit(sql.lit(20))
      .$narrowType<{ options: number }>()
      .execute();
    const meta = await sql<{ circles: number; can_plan: boolean }>`
      select (select count(*)::int from private.user_network_ids()) as circles,
        exists (select 1 from public.org_members m join public.network_members nm on nm.org_id = m.org_id and nm.status = 'active'
                where m.user_id = ${user.id} and m.role in ('owner', 'admin', 'coordinator')) as can_plan
    `.execute(tx);
    return {
      meetings: meetings.rows.map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.starts_at,
        endsAt: m.ends_at,
        place: m.place,
        gemeinde: m.gemeinde,
        online: m.online,
        hostName: m.host_name,
        status: m.status,
        rsvpYes: m.rsvp_yes,
        rsvpMaybe: m.rsvp_maybe,
        rsvpNo: m.rsvp_no,
        orgsComing: m.orgs_coming,
        myAnswer: m.my_answer,
        minutesStatus: m.minutes_status,
      })),
      polls: polls.map((p) => ({
        id: p.id,
        title: p.title,
        deadline: p.deadline,
        hostName: p.host_name,
        options: p.options,
        voted: p.voted,
      })),
      canPlan: meta.rows[0]!.can_plan,
      inCircle: meta.rows[0]!.circles > 0,
    };
  });
}

export type AgendaEntry = {
  id: string;
  kind: "topic" | "minutes_approval" | "action_items";
  position: number;
  title: string;
  description: string;
  presenterOrgId: string | null;
  presenterName: string | null;
  minutesPlanned: number | null;
  /** Hidden for Sozialdaten (only its Träger and the hosts still read it): the hide's id. */
  hideId: string | null;
  /** The person's own Träger proposed it (report does not apply). */
  ownTraeger: boolean;
  /** Planned start, from the meeting's start and the minutes before it. */
  plannedStart: Date;
};
export type Proposal = {
  id: string;
  status: "proposed" | "declined" | "pool";
  title: string;
  description: string;
  minutesPlanned: number | null;
  orgName: string | null;
  declineReason: string | null;
};
export type TraegerSummary = {
  orgId: string | null;
  orgName: string;
  zusagen: number;
  vielleicht: number;
  absagen: number;
  delegateName: string | null;
  isGuest: boolean;
};
export type RsvpName = {
  userId: string;
  fullName: string | null;
  orgName: string;
  answer: RsvpAnswer;
  comment: string | null;
  isDelegate: boolean;
};
export type GuestRow = {
  id: string;
  name: string;
  orgName: string;
  email: string;
  answer: RsvpAnswer | null;
  comment: string | null;
  source: "public" | "invited";
};
export type OpenAction = {
  id: string;
  title: string;
  ownerOrgName: string;
  dueDate: Date | null;
  meetingTitle: string;
};

export type MeetingDetail = {
  id: string;
  networkId: string;
  networkName: string;
  hostOrgId: string;
  hostName: string;
  title: string;
  description: string;
  place: string | null;
  gemeindeCode: string | null;
  gemeinde: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date | null;
  capacity: number | null;
  guestsWelcome: boolean;
  status: "planned" | "cancelled";
  cancelReason: string | null;
  sequence: number;
  rsvpYes: number;
  rsvpMaybe: number;
  rsvpNo: number;
  protokollantId: string | null;
  previousMeetingId: string | null;
  isHost: boolean;
  isWriter: boolean;
  /** The person belongs to the host Träger. */
  isOwnTraeger: boolean;
  /** The person coordinates the circle (hides a text directly). */
  coordinatesCircle: boolean;
  /** The meeting's texts are hidden for Sozialdaten (seen by those allowed to see the hide). */
  hideId: string | null;
  myAnswer: RsvpAnswer | null;
  myComment: string | null;
  myDelegate: boolean;
  summary: TraegerSummary[];
  names: RsvpName[];
  guests: GuestRow[];
  agenda: AgendaEntry[];
  plannedEnd: Date;
  proposals: Proposal[];
  pool: Proposal[];
  openActions: OpenAction[];
  minutesStatus: MinutesStatus | null;
  circleOrgs: Array<{ id: string; name: string }>;
  people: Array<{
    userId: string;
    fullName: string;
    orgId: string;
    orgName: string;
  }>;
};

/** The id of the active Sozialdaten hide of a meeting or agenda item, as a subquery of its row. */
function hideIdOf(tx: Tx, type: "meeting" | "agenda_item", subjectId: "mt.id" | "a.id") {
  return tx
    .selectFrom("sozialdaten_hides as h")
    .select("h.id")
    .where("h.subject_type", "=", sql.lit(type))
    .where("h.subject_id", "=", sql.ref<string>(subjectId))
    .where("h.released_at", "is", null);
}

/** Proposed, declined and pooled agenda items with the proposing Träger (the meeting page's two lists). */
function proposalsQuery(tx: Tx) {
  return tx
    .selectFrom("agenda_items as a")
    .leftJoin("organizations as o", "o.id", "a.proposed_by_org_id")
    .select(["a.id", "a.status", "a.title", "a.description", "a.minutes_planned", "o.name as org_name", "a.decline_reason"])
    .$narrowType<{ status: Proposal["status"] }>();
}

function toProposal(p: {
  id: string;
  status: Proposal["status"];
  title: string;
  description: string;
  minutes_planned: number | null;
  org_name: string | null;
  decline_reason: string | null;
}): Proposal {
  return {
    id: p.id,
    status: p.status,
    title: p.title,
    description: p.description,
    minutesPlanned: p.minutes_planned,
    orgName: p.org_name,
    declineReason: p.decline_reason,
  };
}

export async function loadMeeting(
  tx: Tx,
  user: SessionUser,
  id: string,
): Promise<MeetingDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const m = await tx
    .selectFrom("meetings as mt")
    .innerJoin("networks as n", "n.id", "mt.network_id")
    .innerJoin("organizations as o", "o.id", "mt.host_org_id")
    .leftJoin("gemeinden as g", "g.code", "mt.gemeinde")
    .select((eb) => [
      "mt.id",
      "mt.network_id",
      "n.name as network_name",
      "mt.host_org_id",
      "o.name as host_name",
      "mt.title",
      "mt.description",
      "mt.place",
      "mt.gemeinde as gemeinde_code",
      "g.name as gemeinde",
      "mt.online_url",
      "mt.starts_at",
      "mt.ends_at",
      "mt.registration_deadline",
      "mt.capacity",
      "mt.guests_welcome",
      "mt.status",
      "mt.cancel_reason",
      "mt.ics_sequence",
      "mt.rsvp_yes",
      "mt.rsvp_maybe",
      "mt.rsvp_no",
      "mt.protokollant_id",
      "mt.previous_meeting_id",
      sql<boolean>`private.hosts_meeting(${eb.ref("mt.id")})`.as("is_host"),
      sql<boolean>`${eb.ref("mt.id")} in (select private.minutes_writer_meeting_ids())`.as("is_writer"),
      sql<boolean>`${eb.ref("mt.host_org_id")} in (select private.user_org_ids())`.as("is_own_traeger"),
      sql<boolean>`${eb.ref("mt.network_id")} in (select private.coordinated_network_ids())`.as("coordinates_circle"),
      hideIdOf(tx, "meeting", "mt.id").as("hide_id"),
      eb
        .selectFrom("minutes as m")
        .select("m.status")
        .whereRef("m.meeting_id", "=", "mt.id")
        .as("minutes_status"),
    ])
    .where("mt.id", "=", id)
    .executeTakeFirst();
  if (!m) return null;
  const [
    summary,
    names,
    guests,
    agenda,
    proposals,
    pool,
    openActions,
    orgs,
    people,
  ] = await Promise.all([
    sql<{
      org_id: string | null;
      org_name: string;
      zusagen: number;
      vielleicht: number;
      absagen: number;
      delegate_name: string | null;
      is_guest: boolean;
    }>`
      select * from public.meeting_traeger_summary(${id}::uuid)`.execute(tx),
    sql<{
      user_id: string;
      full_name: string | null;
      org_name: string;
      answer: RsvpAnswer;
      comment: string | null;
      is_delegate: boolean;
    }>`
      select * from public.meeting_rsvp_names(${id}::uuid)`.execute(tx),
    tx
      .selectFrom("meeting_guests")
      .select(["id", "name", "org_name", "email", "answer", "comment", "source"])
      .where("meeting_id", "=", id)
      .orderBy("created_at")
      .execute(),
    tx
      .selectFrom("agenda_items as a")
      .leftJoin("organizations as o", "o.id", "a.presenter_org_id")
      .select((eb) => [
        "a.id",
        "a.kind",
        "a.position",
        "a.title",
        "a.description",
        "a.presenter_org_id",
        "o.name as presenter_name",
        "a.minutes_planned",
        hideIdOf(tx, "agenda_item", "a.id").as("hide_id"),
        sql<boolean>`coalesce(${eb.ref("a.proposed_by_org_id")}, (select x.host_org_id from public.meetings x where x.id = ${eb.ref("a.meeting_id")}))
          in (select private.user_org_ids())`.as("own_traeger"),
      ])
      .where("a.meeting_id", "=", id)
      .where("a.status", "=", sql.lit("scheduled"))
      .orderBy("a.position")
      .$narrowType<{ position: number }>()
      .execute(),
    proposalsQuery(tx)
      .where("a.meeting_id", "=", id)
      .where("a.status", "in", [sql.lit("proposed" as const), sql.lit("declined" as const)])
      .orderBy("a.created_at")
      .execute(),
    proposalsQuery(tx)
      .where("a.network_id", "=", m.network_id)
      .where("a.status", "=", sql.lit("pool"))
      .orderBy("a.created_at")
      .limit(sql.lit(50))
      .execute(),
    tx
      .selectFrom("action_items as a")
      .innerJoin("organizations as o", "o.id", "a.owner_org_id")
      .innerJoin("meetings as mt", "mt.id", "a.meeting_id")
      .select(["a.id", "a.title", "o.name as owner_org_name", "a.due_date", "mt.title as meeting_title"])
      .where("a.network_id", "=", m.network_id)
      .where("a.status", "=", sql.lit("open"))
      .where("a.meeting_id", "<>", id)
      .orderBy(sql`a.due_date nulls last`)
      .limit(sql.lit(50))
      .execute(),
    tx
      .selectFrom("network_members as nm")
      .innerJoin("organizations as o", "o.id", "nm.org_id")
      .select(["o.id", "o.name"])
      .where("nm.network_id", "=", m.network_id)
      .where("nm.status", "=", sql.lit("active"))
      .orderBy("o.name")
      .execute(),
    sql<{
      user_id: string;
      full_name: string;
      org_id: string;
      org_name: string;
    }>`
      select * from public.meeting_people(${id}::uuid)`.execute(tx),
  ]);
  let cursor = m.starts_at.getTime();
  const agendaEntries: AgendaEntry[] = agenda.map((a) => {
    const entry: AgendaEntry = {
      id: a.id,
      kind: a.kind,
      position: a.position,
      title: a.title,
      description: a.description,
      presenterOrgId: a.presenter_org_id,
      presenterName: a.presenter_name,
      minutesPlanned: a.minutes_planned,
      hideId: a.hide_id,
      ownTraeger: a.own_traeger,
      plannedStart: new Date(cursor),
    };
    cursor += (a.minutes_planned ?? 0) * 60_000;
    return entry;
  });
  const mine = names.rows.find((r) => r.user_id === user.id);
  return {
    id: m.id,
    networkId: m.network_id,
    networkName: m.network_name,
    hostOrgId: m.host_org_id,
    hostName: m.host_name,
    title: m.title,
    description: m.description,
    place: m.place,
    gemeindeCode: m.gemeinde_code,
    gemeinde: m.gemeinde,
    onlineUrl: m.online_url,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    registrationDeadline: m.registration_deadline,
    capacity: m.capacity,
    guestsWelcome: m.guests_welcome,
    status: m.status,
    cancelReason: m.cancel_reason,
    sequence: m.ics_sequence,
    rsvpYes: m.rsvp_yes,
    rsvpMaybe: m.rsvp_maybe,
    rsvpNo: m.rsvp_no,
    protokollantId: m.protokollant_id,
    previousMeetingId: m.previous_meeting_id,
    isHost: m.is_host,
    isWriter: m.is_writer,
    isOwnTraeger: m.is_own_traeger,
    coordinatesCircle: m.coordinates_circle,
    hideId: m.hide_id,
    myAnswer: mine?.answer ?? null,
    myComment: mine?.comment ?? null,
    myDelegate: mine?.is_delegate ?? false,
    summary: summary.rows.map((s) => ({
      orgId: s.org_id,
      orgName: s.org_name,
      zusagen: s.zusagen,
      vielleicht: s.vielleicht,
      absagen: s.absagen,
      delegateName: s.delegate_name,
      isGuest: s.is_guest,
    })),
    names: names.rows.map((r) => ({
      userId: r.user_id,
      fullName: r.full_name,
      orgName: r.org_name,
      answer: r.answer,
      comment: r.comment,
      isDelegate: r.is_delegate,
    })),
    guests: guests.map((g) => ({
      id: g.id,
      name: g.name,
      orgName: g.org_name,
      email: g.email,
      answer: g.answer,
      comment: g.comment,
      source: g.source,
    })),
    agenda: agendaEntries,
    plannedEnd: new Date(cursor),
    proposals: proposals.map(toProposal),
    pool: pool.map(toProposal),
    openActions: openActions.map((a) => ({
      id: a.id,
      title: a.title,
      ownerOrgName: a.owner_org_name,
      dueDate: a.due_date,
      meetingTitle: a.meeting_title,
    })),
    minutesStatus: m.minutes_status,
    circleOrgs: orgs,
    people: people.rows.map((p) => ({
      userId: p.user_id,
      fullName: p.full_name,
      orgId: p.org_id,
      orgName: p.org_name,
    })),
  };
}

export async function meetingDetail(
  user: SessionUser,
  id: string,
): Promise<MeetingDetail | null> {
  return asUser(user, (tx) => loadMeeting(tx, user, id));
}

export { rsvpLine } from "~/i18n/meetings";

export type MinutesVersion = {
  version: number;
  content: MinutesContent;
  note: string | null;
  createdAt: Date;
  authorName: string | null;
};
export type MinutesView = {
  status: MinutesStatus | null;
  currentVersion: number;
  circulatedVersion: number | null;
  approvedVersion: number | null;
  commentsUntil: Date | null;
  versions: MinutesVersion[];
  comments: Array<{
    id: string;
    body: string;
    orgName: string | null;
    createdAt: Date;
    version: number;
  }>;
};

export async function loadMinutes(
  tx: Tx,
  meetingId: string,
): Promise<MinutesView> {
  const [m, versions, comments] = await Promise.all([
    tx
      .selectFrom("minutes")
      .select(["status", "current_version", "circulated_version", "approved_version", "comments_until"])
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst(),
    sql<{
      version: number;
      content: unknown;
      note: string | null;
      created_at: Date;
      author: string | null;
    }>`
      select v.version, v.content, v.note, v.created_at, p.full_name as author
      from public.minutes_versions v left join public.meeting_people(${meetingId}::uuid) p on p.user_id = v.created_by
      where v.meeting_id = ${meetingId}::uuid order by v.version desc`.execute(
      tx,
    ),
    tx
      .selectFrom("minutes_comments as c")
      .leftJoin("organizations as o", "o.id", "c.org_id")
      .select(["c.id", "c.body", "o.name as org_name", "c.created_at", "c.version"])
      .where("c.meeting_id", "=", meetingId)
      .orderBy("c.created_at")
      .execute(),
  ]);
  const row = m;
  return {
    status: row?.status ?? null,
    currentVersion: row?.current_version ?? 0,
    circulatedVersion: row?.circulated_version ?? null,
    approvedVersion: row?.approved_version ?? null,
    commentsUntil: row?.comments_until ?? null,
    versions: versions.rows.map((v) => ({
      version: v.version,
      content: asMinutesContent(v.content),
      note: v.note,
      createdAt: v.created_at,
      authorName: v.author,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      orgName: c.org_name,
      createdAt: c.created_at,
      version: c.version,
    })),
  };
}

export type DecisionRow = {
  id: string;
  number: number;
  body: string;
  agendaTitle: string;
  meetingId: string;
  meetingTitle: string;
  meetingStartsAt: Date;
};

export async function listDecisions(
  user: SessionUser,
  q: string,
): Promise<DecisionRow[]> {
  return asUser(user, async (tx) => {
    const term = q.trim().slice(0, 100);
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    let query = tx
      .selectFrom("decisions as d")
      .innerJoin("meetings as mt", "mt.id", "d.meeting_id")
      .select(["d.id", "d.number", "d.body", "d.agenda_title", "d.meeting_id", "mt.title as meeting_title", "mt.starts_at"])
      .where((eb) => inMyCircles(eb.ref("d.network_id")));
    if (term) {
      query = query.where((eb) =>
        eb.or([eb("d.body", "ilike", pattern), eb("d.agenda_title", "ilike", pattern), eb("mt.title", "ilike", pattern)]),
      );
    }
    const rows = await query.orderBy("d.number", "desc").limit(sql.lit(200)).execute();
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      body: r.body,
      agendaTitle: r.agenda_title,
      meetingId: r.meeting_id,
      meetingTitle: r.meeting_title,
      meetingStartsAt: r.starts_at,
    }));
  });
}

export type ActionRow = {
  id: string;
  title: string;
  ownerOrgId: string;
  ownerOrgName: string;
  ownerName: string | null;
  dueDate: Date | null;
  status: "open" | "done";
  meetingId: string;
  meetingTitle: string;
  mine: boolean;
};

/** Action items of the user's circles; `onlyMine`: those of the user's own Träger (the dashboard). */
export async function listActionItems(
  tx: Tx,
  user: SessionUser,
  onlyMine: boolean,
): Promise<ActionRow[]> {
  let query = tx
    .selectFrom("action_items as a")
    .innerJoin("organizations as o", "o.id", "a.owner_org_id")
    .innerJoin("meetings as mt", "mt.id", "a.meeting_id")
    .select((eb) => [
      "a.id",
      "a.title",
      "a.owner_org_id",
      "o.name as owner_org_name",
      "a.owner_user_id",
      "a.due_date",
      "a.status",
      "a.meeting_id",
      "mt.title as meeting_title",
      sql<boolean>`${eb.ref("a.owner_org_id")} in (select private.user_org_ids())`.as("mine"),
    ])
    .where((eb) => inMyCircles(eb.ref("a.network_id")));
  if (onlyMine) {
    query = query
      .where((eb) => sql<boolean>`${eb.ref("a.owner_org_id")} in (select private.user_org_ids())`)
      .where("a.status", "=", sql.lit("open"));
  }
  const rows = await query
    .orderBy("a.status")
    .orderBy(sql`a.due_date nulls last`)
    .orderBy("a.created_at")
    .limit(sql.lit(200))
    .execute();
  // The responsible person's name: visible when they are a colleague (profiles' own policy).
  const ids = [
    ...new Set(
      rows
        .map((r) => r.owner_user_id)
        .filter((v): v is string => Boolean(v)),
    ),
  ];
  const names = ids.length
    ? await tx.selectFrom("profiles").select(["user_id", "full_name"]).where("user_id", "in", ids).execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.user_id, n.full_name]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: r.owner_org_name,
    ownerName: r.owner_user_id ? (nameOf.get(r.owner_user_id) ?? null) : null,
    dueDate: r.due_date,
    status: r.status,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    mine: r.mine,
  }));
}

export type PollDetail = {
  id: string;
  title: string;
  description: string;
  place: string | null;
  gemeinde: string | null;
  onlineUrl: string | null;
  durationMinutes: number;
  deadline: Date | null;
  status: "open" | "closed";
  hostName: string;
  meetingId: string | null;
  chosenOptionId: string | null;
  isHost: boolean;
  open: boolean;
  options: Array<{
    id: string;
    day: string;
    startTime: string | null;
    ja: number;
    wennNoetig: number;
    nein: number;
  }>;
  votes: Array<{
    userId: string;
    fullName: string | null;
    orgName: string;
    optionId: string;
    answer: "ja" | "wenn_noetig" | "nein";
  }>;
  myVotes: Record<string, "ja" | "wenn_noetig" | "nein">;
};

export async function pollDetail(
  user: SessionUser,
  id: string,
): Promise<PollDetail | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return asUser(user, async (tx) => {
    const p = await tx
      .selectFrom("date_polls as p")
      .innerJoin("organizations as o", "o.id", "p.host_org_id")
      .leftJoin("gemeinden as g", "g.code", "p.gemeinde")
      .select((eb) => [
        "p.id",
        "p.title",
        "p.description",
        "p.place",
        "g.name as gemeinde",
        "p.online_url",
        "p.duration_minutes",
        "p.deadline",
        "p.status",
        "o.name as host_name",
        "p.meeting_id",
        "p.chosen_option_id",
        sql<boolean>`private.hosts_poll(${eb.ref("p.id")})`.as("is_host"),
      ])
      .where("p.id", "=", id)
      .executeTakeFirst();
    if (!p) return null;
    const options = await tx
      .selectFrom("poll_options")
      .select((eb) => [
        "id",
        sql<string>`to_char(${eb.ref("day")}, 'YYYY-MM-DD')`.as("day"),
        sql<string | null>`to_char(${eb.ref("start_time")}, 'HH24:MI')`.as("start_time"),
      ])
      .where("poll_id", "=", id)
      .orderBy("position")
      .execute();
    const votes = await sql<{
      user_id: string;
      full_name: string | null;
      org_name: string;
      option_id: string;
      answer: "ja" | "wenn_noetig" | "nein";
    }>`
      select * from public.poll_vote_names(${id}::uuid)`.execute(tx);
    const myVotes: PollDetail["myVotes"] = {};
    for (const v of votes.rows)
      if (v.user_id === user.id) myVotes[v.option_id] = v.answer;
    return {
      id: p.id,
      title: p.title,
      description: p.description,
      place: p.place,
      gemeinde: p.gemeinde,
      onlineUrl: p.online_url,
      durationMinutes: p.duration_minutes,
      deadline: p.deadline,
      status: p.status,
      hostName: p.host_name,
      meetingId: p.meeting_id,
      chosenOptionId: p.chosen_option_id,
      isHost: p.is_host,
      open:
        p.status === "open" &&
        (!p.deadline || p.deadline.getTime() > Date.now()),
      options: options.map((o) => {
        const mine = votes.rows.filter((v) => v.option_id === o.id);
        return {
          id: o.id,
          day: o.day,
          startTime: o.start_time,
          ja: mine.filter((v) => v.answer === "ja").length,
          wennNoetig: mine.filter((v) => v.answer === "wenn_noetig").length,
          nein: mine.filter((v) => v.answer === "nein").length,
        };
      }),
      votes: votes.rows.map((v) => ({
        userId: v.user_id,
        fullName: v.full_name,
        orgName: v.org_name,
        optionId: v.option_id,
        answer: v.answer,
      })),
      myVotes,
    };
  });
}

export type MeetingDashboard = {
  next: {
    id: string;
    title: string;
    startsAt: Date;
    endsAt: Date;
    myAnswer: RsvpAnswer | null;
  } | null;
  actions: ActionRow[];
};

/** The dashboard: the next meeting of the user's circles and the open action items of their Träger. */
export async function loadMeetingDashboard(
  user: SessionUser,
): Promise<MeetingDashboard> {
  return asUser(user, async (tx) => {
    const n = await tx
      .selectFrom("meetings as mt")
      .select((eb) => [
        "mt.id",
        "mt.title",
        "mt.starts_at",
        "mt.ends_at",
        eb
          .selectFrom("meeting_rsvps as r")
          .select("r.answer")
          .whereRef("r.meeting_id", "=", "mt.id")
          .where("r.user_id", "=", user.id)
          .as("my_answer"),
      ])
      .where((eb) => inMyCircles(eb.ref("mt.network_id")))
      .where("mt.status", "=", sql.lit("planned"))
      .where("mt.ends_at", ">=", sql<Date>`now()`)
      .orderBy("mt.starts_at")
      .limit(sql.lit(1))
      .executeTakeFirst();
    return {
      next: n
        ? {
            id: n.id,
            title: n.title,
            startsAt: n.starts_at,
            endsAt: n.ends_at,
            myAnswer: n.my_answer,
          }
        : null,
      actions: (await listActionItems(tx, user, true)).slice(0, 10),
    };
  });
}
