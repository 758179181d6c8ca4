// A small circle for the tests of the Fortbildungen screens: an organising Träger, two other
// Träger of the circle (X and Y) with an admin, a coordinator and members each, and a Träger of
// another circle that must see nothing. Plus shortcuts to call the routes as a person.
import type { Database } from "../../app/.server/db/connection";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "./fixtures";
import { callRoute, type RouteOutcome } from "./routes";

export type Org = { id: string; slug: string; name: string };

export type TrainingCircle = {
  network: { id: string; slug: string; name: string };
  organizerOrg: Org;
  orgX: Org;
  orgY: Org;
  outsiderOrg: Org;
  organizer: TestUser;
  organizerMember: TestUser;
  xAdmin: TestUser;
  xCoord: TestUser;
  xMembers: TestUser[];
  yAdmin: TestUser;
  yMembers: TestUser[];
  outsider: TestUser;
};

export async function trainingCircle(database: Database): Promise<TrainingCircle> {
  const network = await createNetwork(database, { name: "Kreis Fortbildungen" });
  const other = await createNetwork(database, { name: "Anderer Kreis" });
  const organizerOrg = await createOrg(database, { name: "Bildungswerk Niederrhein" });
  const orgX = await createOrg(database, { name: "Träger Xanten" });
  const orgY = await createOrg(database, { name: "Träger Ysselstein" });
  const outsiderOrg = await createOrg(database, { name: "Außenstehender Träger" });
  for (const org of [organizerOrg, orgX, orgY]) await joinNetwork(database, network.id, org.id);
  await joinNetwork(database, other.id, outsiderOrg.id);

  const organizer = await createUser(database, { fullName: "Olga Organisatorin" });
  const organizerMember = await createUser(database, { fullName: "Otto Mitglied" });
  await addMember(database, organizerOrg.id, organizer.id, "admin");
  await addMember(database, organizerOrg.id, organizerMember.id, "member");
  const xAdmin = await createUser(database, { fullName: "Xenia Admin" });
  const xCoord = await createUser(database, { fullName: "Xaver Koordination" });
  await addMember(database, orgX.id, xAdmin.id, "admin");
  await addMember(database, orgX.id, xCoord.id, "coordinator");
  const yAdmin = await createUser(database, { fullName: "Yvonne Admin" });
  await addMember(database, orgY.id, yAdmin.id, "admin");
  const xMembers: TestUser[] = [];
  const yMembers: TestUser[] = [];
  for (let i = 1; i <= 4; i++) {
    const x = await createUser(database, { fullName: `Xaverine Jürgens ${i}` });
    await addMember(database, orgX.id, x.id, "member");
    xMembers.push(x);
    const y = await createUser(database, { fullName: `Yannick Weiß ${i}` });
    await addMember(database, orgY.id, y.id, "member");
    yMembers.push(y);
  }
  const outsider = await createUser(database, { fullName: "Ola Außen" });
  await addMember(database, outsiderOrg.id, outsider.id, "owner");
  return { network, organizerOrg, orgX, orgY, outsiderOrg, organizer, organizerMember, xAdmin, xCoord, xMembers, yAdmin, yMembers, outsider };
}

type RouteFn = Parameters<typeof callRoute>[0];

/** Calls a loader (GET) or an action (with a form) as `user`. */
export async function call<T = any>(
  database: Database,
  fn: RouteFn,
  user: { id: string } | null,
  path: string,
  options: { form?: Record<string, string | string[]>; params?: Record<string, string> } = {},
): Promise<RouteOutcome<T>> {
  const request = await requestAs(database, user, path, options.form ? { form: options.form } : {});
  return callRoute<T>(fn, request, options.params ?? {});
}
