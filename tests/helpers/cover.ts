// Builders for Vertretungsbörse tests: a circle with a requesting Träger and offering Träger, and
// the cover steps run through the real SQL functions as the signed-in user (asUser).
import type { Database } from "../../app/.server/db/connection";
import { asUser } from "../../app/.server/db/request";
import { dbErrorCode } from "../../app/.server/db/errors";
import type { NewCoverRequest } from "../../app/.server/db/schema";
import {
  acceptCoverOffer,
  cancelCoverRequest,
  makeCoverOffer,
  publishCoverRequest,
  withdrawCoverOffer,
} from "../../app/.server/cover/functions";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, type TestUser } from "./fixtures";

export type Side = { org: { id: string; slug: string; name: string }; coordinator: TestUser; member: TestUser };

export type CoverWorld = {
  network: { id: string; slug: string; name: string };
  requester: Side;
  offerers: Side[];
};

/** A circle with one requesting Träger and `offerers` Träger that serve Dinslaken and § 31. */
export async function coverWorld(database: Database, options: { offerers?: number } = {}): Promise<CoverWorld> {
  const network = await createNetwork(database);
  const side = async (label: string, serves: boolean): Promise<Side> => {
    const org = await createOrg(database, {
      name: `Träger ${label}`,
      hilfearten: serves ? ["p31"] : [],
      gemeinden: serves ? ["dinslaken"] : [],
    });
    await joinNetwork(database, network.id, org.id);
    const coordinator = await createUser(database, { fullName: `Koordination ${label}` });
    const member = await createUser(database, { fullName: `Mitglied ${label}` });
    await addMember(database, org.id, coordinator.id, "coordinator");
    await addMember(database, org.id, member.id, "member");
    return { org, coordinator, member };
  };
  const requester = await side("R", false);
  const offerers: Side[] = [];
  for (let i = 0; i < (options.offerers ?? 2); i++) offerers.push(await side(`O${i + 1}`, true));
  return { network, requester, offerers };
}

function isoDate(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * A confirmed draft of the requesting Träger, written through RLS as its coordinator. The case
 * reference (default "F-2026-014") goes where the form puts it: cover_request_internals.
 */
export async function draftRequest(
  world: CoverWorld,
  values: Partial<NewCoverRequest> & { case_reference?: string | null } = {},
  user: TestUser = world.requester.coordinator,
): Promise<string> {
  const { case_reference: caseReference = "F-2026-014", ...requestValues } = values;
  return asUser(user, async (tx) => {
    const row = await tx
      .insertInto("cover_requests")
      .values({
        network_id: world.network.id,
        org_id: world.requester.org.id,
        urgency: "notfall",
        hilfeart: "p31",
        gemeinde: "dinslaken",
        period_from: isoDate(0),
        period_to: isoDate(30),
        hours_per_week: 20,
        kind: "vertretung",
        description: "Familie mit drei Kindern braucht Unterstützung im Alltag.",
        no_sozialdaten_confirmed: true,
        ...requestValues,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .updateTable("cover_request_internals")
      .set({ case_reference: caseReference })
      .where("request_id", "=", row.id)
      .execute();
    return row.id;
  });
}

export async function publishRequest(user: TestUser, requestId: string): Promise<void> {
  await asUser(user, (tx) => publishCoverRequest(tx, requestId));
}

/** A published request (circle-wide unless values say otherwise). */
export async function openRequest(
  world: CoverWorld,
  values: Partial<NewCoverRequest> & { case_reference?: string | null } = {},
): Promise<string> {
  const id = await draftRequest(world, values);
  await publishRequest(world.requester.coordinator, id);
  return id;
}

export async function makeOffer(
  side: Side,
  requestId: string,
  hours: number | string,
  user: TestUser = side.coordinator,
): Promise<string> {
  return asUser(user, (tx) =>
    makeCoverOffer(tx, {
      requestId,
      orgId: side.org.id,
      hoursPerWeek: hours,
      availableFrom: isoDate(0),
      qualification: "Sozialpädagogin",
      languages: ["Türkisch", "Englisch"],
      message: "Wir können übernehmen.",
    }),
  );
}

export async function acceptOffer(
  user: TestUser,
  requestId: string,
  offerId: string,
  hours: number | null = null,
): Promise<string> {
  return asUser(user, (tx) => acceptCoverOffer(tx, requestId, offerId, hours));
}

export async function withdrawOffer(user: TestUser, offerId: string): Promise<void> {
  await asUser(user, (tx) => withdrawCoverOffer(tx, offerId));
}

export async function cancelRequest(user: TestUser, requestId: string, reason: string): Promise<void> {
  await asUser(user, (tx) => cancelCoverRequest(tx, requestId, reason));
}

/** The TK_ code a promise rejects with (fails the test if it resolves or throws something else). */
export async function tkCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const code = dbErrorCode(error);
    if (!code) throw error;
    return code;
  }
  throw new Error("expected a TK_ error, but the call succeeded");
}
