// Every change to meetings goes through one SQL function (supabase/migrations/2026120613*), called
// as the signed-in user (or anon for guests). A refusal comes back as a TK_* code that
// app/.server/db/errors.ts turns into German.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asAnon, asUser } from "../db/request";
import type { MeetingFormInput, PollOptionInput } from "~/validation/meetings";
import { berlinToInstant } from "~/utils/berlin-time";
import type { MinutesContent } from "./minutes";
import type { MeetingCard } from "./read";

function splitHost(host: string): { networkId: string; orgId: string } {
  const [networkId, orgId] = host.split(":") as [string, string];
  return { networkId, orgId };
}

export async function saveMeeting(
  user: SessionUser,
  meetingId: string | null,
  input: MeetingFormInput,
): Promise<string> {
  const { networkId, orgId } = splitHost(input.host);
  const startsAt = berlinToInstant(input.date, input.startTime);
  const endsAt = berlinToInstant(input.date, input.endTime);
  // The deadline is a day: registrations close at its end (Berlin).
  const deadline = input.registrationDeadline
    ? berlinToInstant(input.registrationDeadline, "23:59")
    : null;
  return asUser(user, async (tx) => {
    const row = await sql<{ id: string }>`
      select public.save_meeting(${meetingId}::uuid, ${networkId}::uuid, ${orgId}::uuid, ${input.title}, ${input.description},
        ${input.place}, ${input.gemeinde}, ${input.onlineUrl}, ${startsAt}::timestamptz, ${endsAt}::timestamptz,
        ${deadline}::timestamptz, ${input.capacity ?? null}::int, ${input.guestsWelcome}, ${input.previousMeetingId ?? null}::uuid) as id
    `.execute(tx);
    return row.rows[0]!.id;
  });
}

export async function cancelMeeting(
  user: SessionUser,
  meetingId: string,
  reason: string,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.cancel_meeting(${meetingId}::uuid, ${reason})`.execute(
      tx,
    ),
  );
}

export async function setRsvp(
  user: SessionUser,
  meetingId: string,
  answer: string,
  comment: string,
  delegate: boolean,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.set_rsvp(${meetingId}::uuid, ${answer}, ${comment || null}, ${delegate})`.execute(
      tx,
    ),
  );
}

export async function inviteGuest(
  user: SessionUser,
  meetingId: string,
  guest: { name: string; orgName: string; email: string },
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.invite_meeting_guest(${meetingId}::uuid, ${guest.name}, ${guest.orgName}, ${guest.email})`.execute(
      tx,
    ),
  );
}

export async function registerPublicGuest(
  meetingId: string,
  guest: { name: string; orgName: string; email: string },
): Promise<void> {
  await asAnon((tx) =>
    sql`select public.register_meeting_guest(${meetingId}::uuid, ${guest.name}, ${guest.orgName}, ${guest.email})`.execute(
      tx,
    ),
  );
}

export async function guestRsvp(
  token: string,
  meetingId: string,
  answer: string,
  comment: string,
): Promise<void> {
  await asAnon((tx) =>
    sql`select public.guest_rsvp(${token}, ${meetingId}::uuid, ${answer}, ${comment || null})`.execute(
      tx,
    ),
  );
}

export async function proposeTopic(
  user: SessionUser,
  meetingId: string,
  topic: { title: string; description: string; minutes?: number },
): Promise<string> {
  return asUser(user, async (tx) => {
    const row = await sql<{
      id: string;
    }>`select public.propose_topic(${meetingId}::uuid, ${topic.title}, ${topic.description}, ${topic.minutes ?? null}::int) as id`.execute(
      tx,
    );
    return row.rows[0]!.id;
  });
}

export async function decideTopic(
  user: SessionUser,
  meetingId: string,
  input: {
    itemId: string;
    decision: string;
    position?: number;
    minutes?: number;
    reason: string;
  },
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.decide_topic(${input.itemId}::uuid, ${input.decision}, ${meetingId}::uuid, ${input.position ?? null}::int,
      ${input.minutes ?? null}::int, ${input.reason || null})`.execute(tx),
  );
}

export async function saveAgendaItem(
  user: SessionUser,
  meetingId: string,
  input: {
    itemId?: string;
    title: string;
    description: string;
    presenterOrgId?: string;
    minutes?: number;
    position?: number;
  },
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.save_agenda_item(${input.itemId ?? null}::uuid, ${meetingId}::uuid, ${input.title}, ${input.description},
      ${input.presenterOrgId ?? null}::uuid, ${input.minutes ?? null}::int, ${input.position ?? null}::int)`.execute(
      tx,
    ),
  );
}

export async function removeAgendaItem(
  user: SessionUser,
  itemId: string,
  toPool: boolean,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.remove_agenda_item(${itemId}::uuid, ${toPool})`.execute(
      tx,
    ),
  );
}

export async function setProtokollant(
  user: SessionUser,
  meetingId: string,
  userId: string | null,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.set_protokollant(${meetingId}::uuid, ${userId}::uuid)`.execute(
      tx,
    ),
  );
}

export async function saveMinutes(
  user: SessionUser,
  meetingId: string,
  content: MinutesContent,
  expectedVersion: number,
  note: string,
): Promise<number> {
  return asUser(user, async (tx) => {
    const row = await sql<{ version: number }>`
      select public.save_minutes(${meetingId}::uuid, ${JSON.stringify(content)}::text::jsonb, ${expectedVersion}::int, ${note || null}) as version`.execute(
      tx,
    );
    return row.rows[0]!.version;
  });
}

export async function circulateMinutes(
  user: SessionUser,
  meetingId: string,
  days: number,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.circulate_minutes(${meetingId}::uuid, ${days}::int)`.execute(
      tx,
    ),
  );
}

export async function commentMinutes(
  user: SessionUser,
  meetingId: string,
  body: string,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.comment_minutes(${meetingId}::uuid, ${body})`.execute(tx),
  );
}

export async function approveMinutes(
  user: SessionUser,
  meetingId: string,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.approve_minutes(${meetingId}::uuid)`.execute(tx),
  );
}

export async function setActionItemStatus(
  user: SessionUser,
  itemId: string,
  status: "open" | "done",
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.set_action_item_status(${itemId}::uuid, ${status})`.execute(
      tx,
    ),
  );
}

export async function createPoll(
  user: SessionUser,
  input: {
    host: string;
    title: string;
    description: string;
    place: string | null;
    gemeinde: string | null;
    onlineUrl: string | null;
    durationMinutes: number;
    deadline: string | null;
    previousMeetingId?: string;
  },
  options: PollOptionInput[],
): Promise<string> {
  const { networkId, orgId } = splitHost(input.host);
  const deadline = input.deadline
    ? berlinToInstant(input.deadline, "23:59")
    : null;
  return asUser(user, async (tx) => {
    const row = await sql<{ id: string }>`
      select public.create_date_poll(${networkId}::uuid, ${orgId}::uuid, ${input.title}, ${input.description}, ${input.place},
        ${input.gemeinde}, ${input.onlineUrl}, ${input.durationMinutes}::int, ${deadline}::timestamptz, ${JSON.stringify(options)}::text::jsonb,
        ${input.previousMeetingId ?? null}::uuid) as id`.execute(tx);
    return row.rows[0]!.id;
  });
}

export async function votePoll(
  user: SessionUser,
  pollId: string,
  votes: Record<string, string>,
): Promise<void> {
  await asUser(user, (tx) =>
    sql`select public.vote_date_poll(${pollId}::uuid, ${JSON.stringify(votes)}::text::jsonb)`.execute(
      tx,
    ),
  );
}

export async function closePoll(
  user: SessionUser,
  pollId: string,
  optionId: string,
  startTime: string | null,
): Promise<string> {
  return asUser(user, async (tx) => {
    const row = await sql<{
      id: string;
    }>`select public.close_date_poll(${pollId}::uuid, ${optionId}::uuid, ${startTime}::time) as id`.execute(
      tx,
    );
    return row.rows[0]!.id;
  });
}

export type GuestView = {
  guestId: string;
  guestName: string;
  guestOrg: string;
  answer: "zusage" | "vielleicht" | "absage" | null;
  comment: string | null;
  meeting: {
    meetingId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    place: string | null;
    gemeinde: string | null;
    onlineUrl: string | null;
    hostName: string;
    networkName: string;
    icsUid: string;
    sequence: number;
    description: string;
    status: "planned" | "cancelled";
    cancelReason: string | null;
    capacity: number | null;
    rsvpYes: number;
    rsvpMaybe: number;
    rsvpNo: number;
  };
  agenda: Array<{
    title: string;
    description: string;
    minutes: number | null;
    presenter: string | null;
  }>;
  minutes: unknown;
};

/** The guest's page through their token (anon); null for an unknown or expired token. */
export async function guestView(token: string): Promise<GuestView | null> {
  if (!/^[0-9a-f]{20,128}$/.test(token)) return null;
  try {
    return await asAnon(async (tx) => {
      const row = await sql<{
        view: GuestView;
      }>`select public.guest_meeting(${token}) as view`.execute(tx);
      return row.rows[0]!.view;
    });
  } catch (error) {
    if (
      typeof error === "object" &&
      error &&
      (error as { message?: string }).message?.startsWith(
        "TK_GUEST_TOKEN_INVALID",
      )
    )
      return null;
    throw error;
  }
}

export type NextMeeting = Pick<MeetingCard, "id" | "title" | "startsAt" | "endsAt" | "place" | "gemeinde" | "online" | "hostName"> & {
  full: boolean;
};

/** The circle's public page: the next open meeting that welcomes guests. */
export async function nextPublicMeeting(
  slug: string,
): Promise<NextMeeting | null> {
  return asAnon(async (tx) => {
    const rows = await sql<{
      id: string;
      title: string;
      starts_at: Date;
      ends_at: Date;
      place: string | null;
      gemeinde: string | null;
      online: boolean;
      host_name: string;
      full: boolean;
    }>`
      select * from public.network_next_meeting(${slug})`.execute(tx);
    const r = rows.rows[0];
    return r
      ? {
          id: r.id,
          title: r.title,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          place: r.place,
          gemeinde: r.gemeinde,
          online: r.online,
          hostName: r.host_name,
          full: r.full,
        }
      : null;
  });
}
