// The calendar's cover periods (app/.server/calendar/sources/covers.ts): the periods of the own
// Träger's published requests and of the covers it gives, read through the ledger row every
// accepted offer has (decision 019, "Flat with data, second pass").
import { beforeAll, describe, expect, it } from "vitest";
import { loader as pageLoader } from "~/routes/kalender._index";
import type { Database } from "~/.server/db/connection";
import { acceptOffer, coverWorld, makeOffer, openRequest, type CoverWorld } from "../helpers/cover";
import { freshDatabase } from "../helpers/db";
import { requestAs } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Entry = { uid: string; start: string; end: string; allDay: boolean; title: string };

describe("the calendar's cover periods", () => {
  let database: Database;
  let world: CoverWorld;
  let requestId: string;
  let acceptedId: string;
  let openOfferId: string;

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 2 });
    requestId = await openRequest(world);
    acceptedId = await makeOffer(world.offerers[0]!, requestId, 10);
    openOfferId = await makeOffer(world.offerers[1]!, requestId, 5);
    await acceptOffer(world.requester.coordinator, requestId, acceptedId);
  });

  async function entries(user: CoverWorld["requester"]["member"], query = ""): Promise<Entry[]> {
    const page = await callRoute(pageLoader, await requestAs(database, user, `/kalender?art=cover${query}`));
    expect(page.status).toBe(200);
    return page.data.entries as Entry[];
  }

  it("shows the cover a Träger gives over its period, and the request to the requesting Träger", async () => {
    const given = (await entries(world.offerers[0]!.member)).find((e) => e.uid === `cover-given-${acceptedId}@traegerkreis`);
    expect(given).toMatchObject({ allDay: true, title: expect.stringContaining("Wir vertreten") });
    const own = (await entries(world.requester.member)).map((e) => e.uid);
    expect(own).toContain(`cover-request-${requestId}@traegerkreis`);
    expect(own).not.toContain(`cover-given-${acceptedId}@traegerkreis`);
  });

  it("shows no cover for an offer that was not accepted, nor outside its period", async () => {
    expect((await entries(world.offerers[1]!.member)).map((e) => e.uid)).not.toContain(`cover-given-${openOfferId}@traegerkreis`);
    const later = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    expect((await entries(world.offerers[0]!.member, `&datum=${later}`)).map((e) => e.uid)).not.toContain(
      `cover-given-${acceptedId}@traegerkreis`,
    );
  });
});
