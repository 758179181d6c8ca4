// The bench's base data: 200 Träger with 10 people each (2,000 users) in two circles, with
// Hilfearten and Gemeinden spread the way the region's Träger are (many SPFH/§ 31 and Heimerziehung,
// few Inobhutnahme; more Träger in Duisburg and Oberhausen than in Sonsbeck). Deterministic: every
// run writes the same data. Written with the owner connection, as tests/helpers/fixtures.ts does.
//
//   circle A "Bench-Kreis Niederrhein": Träger 0–179 (Träger 0 coordinates)
//   circle B "Bench-Kreis Ruhr":        Träger 170–199 (Träger 199 coordinates)
// so Träger 180–199 are invisible to circle A's members and row-level security has work to do.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Database } from "../../app/.server/db/connection";
import type { LegalForm, OrgKind, OrgRole } from "../../app/.server/db/schema";
import { signedInCookie } from "../../tests/helpers/fixtures";
import { rng } from "./stats";

export const TRAEGER_COUNT = 200;
export const PEOPLE_PER_TRAEGER = 10;
const CIRCLE_A = { from: 0, to: 179 };
const CIRCLE_B = { from: 170, to: 199 };

// Any bcrypt hash: bench users never sign in with a password (they get a session row directly).
const PASSWORD_HASH = "$2b$04$benchbenchbenchbenchbe8mOwTbn4W1bV8YJQa6NvNvzkG6tYp3S";

/** Weights: how often a Träger offers it. */
const HILFEARTEN: Record<string, number> = {
  p8a: 4, p16: 3, p18: 2, p19: 1, p27: 5, p28: 3, p29: 3, p30: 6,
  p31: 8, p32: 3, p33: 2, p34: 6, p35: 4, p35a: 3, p41: 4, p42: 1,
};

/** Weights: roughly where the region's Träger sit (by population). */
const GEMEINDEN: Record<string, { weight: number; name: string; postal: string }> = {
  duisburg: { weight: 10, name: "Duisburg", postal: "47051" },
  oberhausen: { weight: 6, name: "Oberhausen", postal: "46045" },
  moers: { weight: 4, name: "Moers", postal: "47441" },
  dinslaken: { weight: 3, name: "Dinslaken", postal: "46535" },
  wesel: { weight: 3, name: "Wesel", postal: "46483" },
  "kamp-lintfort": { weight: 2, name: "Kamp-Lintfort", postal: "47475" },
  voerde: { weight: 2, name: "Voerde (Niederrhein)", postal: "46562" },
  rheinberg: { weight: 2, name: "Rheinberg", postal: "47495" },
  "neukirchen-vluyn": { weight: 2, name: "Neukirchen-Vluyn", postal: "47506" },
  hamminkeln: { weight: 1.5, name: "Hamminkeln", postal: "46499" },
  xanten: { weight: 1, name: "Xanten", postal: "46509" },
  schermbeck: { weight: 1, name: "Schermbeck", postal: "46514" },
  huenxe: { weight: 1, name: "Hünxe", postal: "46569" },
  alpen: { weight: 0.6, name: "Alpen", postal: "46519" },
  sonsbeck: { weight: 0.5, name: "Sonsbeck", postal: "47665" },
};

const NAME_STEMS = [
  "Jugendhilfe", "Kinder- und Jugendhilfe", "Familienhilfe", "Erziehungshilfe", "Kinderhaus", "Jugendwerk",
  "Familienzentrum", "Sozialwerk", "Kinderschutzbund", "Wohngruppen", "Perspektive", "Neue Wege",
  "Brückenschlag", "Lichtblick", "Regenbogen", "Sprungbrett", "Kompass", "Weitblick", "Anker", "Lotse",
];
const LEGAL: Array<{ form: LegalForm; suffix: string; weight: number }> = [
  { form: "e_v", suffix: "e. V.", weight: 5 },
  { form: "ggmbh", suffix: "gGmbH", weight: 3 },
  { form: "gmbh", suffix: "GmbH", weight: 1 },
  { form: "stiftung", suffix: "Stiftung", weight: 0.5 },
];
const KINDS: Array<{ kind: OrgKind; weight: number }> = [
  { kind: "freier_traeger", weight: 85 },
  { kind: "beratungsstelle", weight: 8 },
  { kind: "schule", weight: 3 },
  { kind: "jugendamt", weight: 2 },
  { kind: "sonstige", weight: 2 },
];
const FIRST = ["Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hasan", "Ina", "Jonas", "Katharina", "Lukas",
  "Marie", "Niklas", "Olga", "Paul", "Rana", "Sophie", "Tim", "Ulrike", "Vera", "Yusuf", "Zoe", "Mehmet"];
const LAST = ["Becker", "Demir", "Fischer", "Hoffmann", "Jansen", "Kaya", "Kowalski", "Lange", "Meyer", "Müller",
  "Neumann", "Peters", "Richter", "Schmitz", "Schulz", "Terhorst", "van Dyck", "Wagner", "Weber", "Yılmaz"];

/** The ten people of each Träger: roles mixed, the first two (and every third Träger's fifth) are Ansprechpersonen. */
const ROLES: OrgRole[] = ["owner", "admin", "coordinator", "coordinator", "member", "member", "member", "member", "member", "member"];

function weighted<T>(random: () => number, items: Array<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

/** Distinct weighted picks. */
function pickSome(random: () => number, weights: Record<string, number>, count: number, first?: string): string[] {
  const chosen = new Set<string>(first ? [first] : []);
  while (chosen.size < count) {
    chosen.add(weighted(random, Object.entries(weights).filter(([code]) => !chosen.has(code))));
  }
  return [...chosen];
}

function slugify(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/ı/g, "i")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 70);
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export type BenchUser = {
  id: string;
  email: string;
  role: OrgRole;
  orgIndex: number;
  /** The Cookie header of a live session of this user. */
  cookie: string;
  /** How many Träger the directory shows this user (their own and their circles'). */
  visibleTraeger: number;
};

export type CircleSeed = {
  /** The users the bench signs in: one per simulated concurrent user, from different Träger. */
  users: BenchUser[];
  /** Filter combinations that match at least a few Träger (hilfeart + gemeinde). */
  filterCombos: Array<{ hilfeart: string; gemeinde: string }>;
  /** Name fragments for the "Name enthält" search. */
  searchTerms: string[];
};

export async function seedCircle(database: Database, signedInUsers: number): Promise<CircleSeed> {
  const random = rng(20261125);
  const { db } = database;

  const circleA = await db
    .insertInto("networks")
    .values({ slug: "bench-kreis-niederrhein", name: "Bench-Kreis Niederrhein", region: "Kreis Wesel, Duisburg, Oberhausen" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const circleB = await db
    .insertInto("networks")
    .values({ slug: "bench-kreis-ruhr", name: "Bench-Kreis Ruhr", region: "Duisburg, Oberhausen" })
    .returning("id")
    .executeTakeFirstOrThrow();

  // Träger
  const slugs = new Set<string>();
  const orgs = Array.from({ length: TRAEGER_COUNT }, (_, index) => {
    const home = weighted(random, Object.entries(GEMEINDEN).map(([code, g]) => [code, g.weight] as [string, number]));
    const gemeinde = GEMEINDEN[home]!;
    const legal = weighted(random, LEGAL.map((l) => [l, l.weight] as [typeof l, number]));
    let name = `${NAME_STEMS[Math.floor(random() * NAME_STEMS.length)]} ${gemeinde.name} ${legal.suffix}`;
    for (let n = 2; slugs.has(slugify(name)); n++) {
      name = `${NAME_STEMS[Math.floor(random() * NAME_STEMS.length)]} ${gemeinde.name} ${n} ${legal.suffix}`;
    }
    const slug = slugify(name);
    slugs.add(slug);
    return {
      id: randomUUID(),
      slug,
      name,
      kind: weighted(random, KINDS.map((k) => [k.kind, k.weight] as [OrgKind, number])),
      legal_form: legal.form,
      leitbild: `${name} begleitet Kinder, Jugendliche und Familien in ${gemeinde.name} und Umgebung.`,
      hilfearten: pickSome(random, HILFEARTEN, 1 + Math.floor(random() * 6)),
      gemeinden: pickSome(
        random,
        Object.fromEntries(Object.entries(GEMEINDEN).map(([code, g]) => [code, g.weight])),
        1 + Math.floor(random() * 5),
        home,
      ),
      street: `Hauptstraße ${1 + index}`,
      postal_code: gemeinde.postal,
      city: gemeinde.name,
      phone: `0203 0${String(100000 + index)}`,
      email: `kontakt@${slug}.example`,
      website: `https://${slug}.example`,
    };
  });
  await insertChunked(orgs, 100, (chunk) => db.insertInto("organizations").values(chunk).execute());

  // Circles
  const memberships: Array<{ network_id: string; org_id: string; role: "member" | "coordinator"; joined_at: Date }> = [];
  orgs.forEach((org, index) => {
    const joined_at = new Date(Date.now() - (TRAEGER_COUNT - index) * 86_400_000);
    if (index >= CIRCLE_A.from && index <= CIRCLE_A.to) {
      memberships.push({ network_id: circleA.id, org_id: org.id, role: index === CIRCLE_A.from ? "coordinator" : "member", joined_at });
    }
    if (index >= CIRCLE_B.from && index <= CIRCLE_B.to) {
      memberships.push({ network_id: circleB.id, org_id: org.id, role: index === CIRCLE_B.to ? "coordinator" : "member", joined_at });
    }
  });
  await insertChunked(memberships, 200, (chunk) => db.insertInto("network_members").values(chunk).execute());

  // People: 10 per Träger
  const people = orgs.flatMap((org, orgIndex) =>
    ROLES.map((role, slot) => {
      const fullName = `${FIRST[Math.floor(random() * FIRST.length)]} ${LAST[Math.floor(random() * LAST.length)]}`;
      const contact = slot < 2 || (slot === 4 && orgIndex % 3 === 0);
      return {
        id: randomUUID(),
        email: `bench-${orgIndex}-${slot}@bench.example`,
        fullName,
        orgId: org.id,
        orgIndex,
        slot,
        role,
        contact,
        contactTitle: contact ? (slot === 0 ? "Geschäftsführung" : slot === 1 ? "Fachbereichsleitung" : "Fachkraft") : null,
      };
    }),
  );
  const now = new Date();
  await insertChunked(people, 250, (chunk) =>
    db
      .insertInto("auth.users")
      .values(chunk.map((p) => ({ id: p.id, email: p.email, encrypted_password: PASSWORD_HASH, email_confirmed_at: now })))
      .execute(),
  );
  await insertChunked(people, 250, (chunk) =>
    db
      .insertInto("profiles")
      .values(chunk.map((p) => ({ user_id: p.id, full_name: p.fullName, email: p.email, phone: p.contact ? "0203 0555" : null })))
      .execute(),
  );
  await insertChunked(people, 250, (chunk) =>
    db
      .insertInto("org_members")
      .values(
        chunk.map((p) => ({
          org_id: p.orgId,
          user_id: p.id,
          role: p.role,
          is_contact_person: p.contact,
          contact_title: p.contactTitle,
        })),
      )
      .execute(),
  );
  await sql`analyze`.execute(db);

  // Who sees how many Träger: their circles' Träger (their own is always among them here).
  const inA = (i: number) => i >= CIRCLE_A.from && i <= CIRCLE_A.to;
  const inB = (i: number) => i >= CIRCLE_B.from && i <= CIRCLE_B.to;
  const visible = (i: number) =>
    orgs.filter((_, j) => (inA(i) && inA(j)) || (inB(i) && inB(j)) || i === j).length;

  // Signed-in users from different Träger spread over both circles, roles mixed
  // (Träger 3, 23, … 143 in circle A only; 173 in both; 193 in circle B only).
  const orgIndexes = [3, 23, 43, 63, 83, 103, 123, 143, 173, 193, 13, 33, 53, 73, 93, 113, 133, 153, 163, 183];
  const users: BenchUser[] = [];
  for (let k = 0; k < signedInUsers; k++) {
    const orgIndex = orgIndexes[k % orgIndexes.length]!;
    const person = people.find((p) => p.orgIndex === orgIndex && p.slot === k % PEOPLE_PER_TRAEGER)!;
    users.push({
      id: person.id,
      email: person.email,
      role: person.role,
      orgIndex,
      // Valid for a day: a 100× seed writes for longer than an hour after the circle.
      cookie: await signedInCookie(database, person, 24),
      visibleTraeger: visible(orgIndex),
    });
  }

  // Filters people would actually pick: combinations with at least 3 matches in circle A.
  const filterCombos: CircleSeed["filterCombos"] = [];
  for (const hilfeart of ["p31", "p34", "p27", "p30", "p35a", "p41", "p8a"]) {
    for (const gemeinde of ["duisburg", "oberhausen", "moers", "wesel", "dinslaken"]) {
      const n = orgs.filter((o, i) => inA(i) && o.hilfearten.includes(hilfeart) && o.gemeinden.includes(gemeinde)).length;
      if (n >= 3) filterCombos.push({ hilfeart, gemeinde });
    }
  }
  return { users, filterCombos, searchTerms: ["jugend", "familie", "duisburg", "e. v.", "kompass", "haus"] };
}
