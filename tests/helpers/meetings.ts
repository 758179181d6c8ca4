// A small circle for the meeting tests: a host Träger with a coordinator and a member, two other
// Träger with a member each, and a signed-in user outside the circle.
import { sql } from "kysely";
import type { Database } from "../../app/.server/db/connection";
import { userMessageFor } from "../../app/.server/db/errors";
import { berlinParts } from "../../app/utils/berlin-time";
import {
  addMember,
  createNetwork,
  createOrg,
  createUser,
  joinNetwork,
  type TestUser,
} from "./fixtures";

export type MeetingCircle = {
  network: { id: string; slug: string; name: string };
  host: { id: string; name: string };
  other: { id: string; name: string };
  third: { id: string; name: string };
  coord: TestUser;
  hostMember: TestUser;
  otherMember: TestUser;
  thirdMember: TestUser;
  stranger: TestUser;
};

export async function meetingCircle(
  database: Database,
  options: { members?: number } = {},
): Promise<
  MeetingCircle & { extra: Array<{ user: TestUser; orgId: string }> }
> {
  const network = await createNetwork(database, { publicPage: true });
  const host = await createOrg(database, { name: "KIZ Niederrhein" });
  const other = await createOrg(database, { name: 'Du & Ich "e. V."' });
  const third = await createOrg(database, { name: "Kinderleicht" });
  for (const org of [host, other, third])
    await joinNetwork(database, network.id, org.id);
  const coord = await createUser(database, { fullName: "Klara Koordination" });
  const hostMember = await createUser(database, { fullName: "Hanna Host" });
  const otherMember = await createUser(database, { fullName: "Otto Anders" });
  const thirdMember = await createUser(database, { fullName: "Tina Dritte" });
  const stranger = await createUser(database, { fullName: "Stefan Fremd" });
  await addMember(database, host.id, coord.id, "coordinator");
  await addMember(database, host.id, hostMember.id, "member");
  await addMember(database, other.id, otherMember.id, "member");
  await addMember(database, third.id, thirdMember.id, "member");
  const extra: Array<{ user: TestUser; orgId: string }> = [];
  for (let i = 0; i < (options.members ?? 0); i++) {
    const orgId = [host, other, third][i % 3]!.id;
    const user = await createUser(database, { fullName: `Fachkraft ${i + 1}` });
    await addMember(database, orgId, user.id, "member");
    extra.push({ user, orgId });
  }
  return {
    network,
    host,
    other,
    third,
    coord,
    hostMember,
    otherMember,
    thirdMember,
    stranger,
    extra,
  };
}

/** Moves a meeting's times by the owner connection (tests of "after the meeting"). */
export async function moveMeeting(
  database: Database,
  meetingId: string,
  startsAt: Date,
  endsAt: Date,
): Promise<void> {
  await sql`update public.meetings set starts_at = ${startsAt}, ends_at = ${endsAt} where id = ${meetingId}::uuid`.execute(
    database.db,
  );
}

/** The Berlin date `days` from today, as a form sends it. */
export function inDays(days: number): string {
  return berlinParts(new Date(Date.now() + days * 86400_000)).date;
}

/** The German message of the refusal `promise` ends in; fails when it succeeds or fails otherwise. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const message = userMessageFor(error);
    if (!message) throw error;
    return message;
  }
  throw new Error("expected a refusal");
}
