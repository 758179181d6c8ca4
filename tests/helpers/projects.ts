// A small circle for the project tests: the lead Träger (coordinator + member), a partner Träger
// (coordinator + member), a third Träger of the circle (coordinator + member), another circle's
// Träger, and a stranger. The project itself is made by the tests (saveProject etc.).
import type { Database } from "../../app/.server/db/connection";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, type TestUser } from "./fixtures";

export type ProjectCircle = {
  network: { id: string; slug: string; name: string };
  lead: { id: string; name: string };
  partner: { id: string; name: string };
  third: { id: string; name: string };
  outside: { id: string; name: string };
  leadCoord: TestUser;
  leadMember: TestUser;
  partnerCoord: TestUser;
  partnerMember: TestUser;
  thirdCoord: TestUser;
  thirdMember: TestUser;
  outsideCoord: TestUser;
  stranger: TestUser;
};

export async function projectCircle(database: Database): Promise<ProjectCircle> {
  const network = await createNetwork(database);
  const otherNetwork = await createNetwork(database);
  const lead = await createOrg(database, { name: "KIZ Niederrhein", hilfearten: ["p16"], gemeinden: ["wesel"] });
  const partner = await createOrg(database, { name: "Familienhilfe am Rhein", hilfearten: ["p31"], gemeinden: ["moers"] });
  const third = await createOrg(database, { name: "Kinderleicht", hilfearten: ["p16"], gemeinden: ["xanten"] });
  const outside = await createOrg(database, { name: "Anderswo e. V." });
  for (const org of [lead, partner, third]) await joinNetwork(database, network.id, org.id);
  await joinNetwork(database, otherNetwork.id, outside.id);
  const person = async (orgId: string, role: "coordinator" | "member", fullName: string) => {
    const user = await createUser(database, { fullName });
    await addMember(database, orgId, user.id, role, { contact: role === "coordinator" });
    return user;
  };
  return {
    network,
    lead,
    partner,
    third,
    outside,
    leadCoord: await person(lead.id, "coordinator", "Klara Leitung"),
    leadMember: await person(lead.id, "member", "Hanna Mitarbeit"),
    partnerCoord: await person(partner.id, "coordinator", "Paul Partner"),
    partnerMember: await person(partner.id, "member", "Pia Mitarbeit"),
    thirdCoord: await person(third.id, "coordinator", "Tom Dritter"),
    thirdMember: await person(third.id, "member", "Tina Dritte"),
    outsideCoord: await person(outside.id, "coordinator", "Olga Anders"),
    stranger: await createUser(database, { fullName: "Stefan Fremd" }),
  };
}

/** The fields of a valid idea form (ProjectFormSchema), with overrides. */
export function ideaForm(c: ProjectCircle, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    lead: `${c.network.id}:${c.lead.id}`,
    title: "Gemeinsames Ferienprogramm",
    goal: "Zwei Wochen Ferienprogramm für Kinder der Familien, die wir begleiten.",
    targetGroup: "Kinder im Grundschulalter",
    ageFrom: "6",
    ageTo: "12",
    hilfearten: ["p16", "p31"],
    gemeinden: ["wesel", "moers"],
    periodStart: "2027-07-05",
    periodEnd: "2027-07-16",
    funding: "Jugendamt, Aktion Mensch",
    wanted: "Räume, Fachkraftstunden, Türkisch",
    publish: "publish",
    ...overrides,
  };
}
