// "A request cannot read another Träger's members through any loader." Every loader in app/routes
// is called by members of Träger A with every route parameter set to Träger B's slug and id.
// Träger A and B share a circle, so B's profile and its Ansprechperson are visible on purpose;
// B's other members, their emails and B's invitations must appear nowhere. The member pages of B
// answer 404 outright.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

const routesDir = path.join(process.cwd(), "app", "routes");

type RouteModule = { loader?: Parameters<typeof callRoute>[0] };
type RouteFile = { id: string; file: string; params: string[] };

/** Route files (flat files, or folders with route.tsx) and the names of their URL parameters. */
function routeFiles(): RouteFile[] {
  return fs
    .readdirSync(routesDir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) {
        const inner = ["route.tsx", "route.ts"].find((f) => fs.existsSync(path.join(routesDir, entry.name, f)));
        return inner ? [{ id: entry.name, file: path.join(routesDir, entry.name, inner) }] : [];
      }
      if (!/\.(tsx|ts)$/.test(entry.name) || /\.test\./.test(entry.name)) return [];
      return [{ id: entry.name.replace(/\.(tsx|ts)$/, ""), file: path.join(routesDir, entry.name) }];
    })
    .map((r) => ({
      ...r,
      params: r.id
        .split(".")
        .filter((segment) => segment.startsWith("$"))
        .map((segment) => segment.slice(1).replace(/_$/, "")),
    }));
}

/** The URL a browser would request for this route id with these parameter values. */
function urlFor(id: string, params: Record<string, string>): string {
  const segments = id
    .split(".")
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? encodeURIComponent(params[s.slice(1)] ?? "") : s));
  return `/${segments.join("/")}`;
}

function serialise(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

const OWN_MEMBER_PAGES = ["traeger_.$slug_.einstellungen", "traeger_.$slug_.mitglieder", "traeger_.$slug_.protokoll"];

describe("no loader reveals another Träger's members", () => {
  let database: Database;
  let a: { id: string; slug: string; name: string };
  let b: { id: string; slug: string; name: string };
  let aOwner: TestUser, aMember: TestUser;
  let bOwner: TestUser, bMember: TestUser, bContact: TestUser;
  const bInvitee = "eingeladen-bei-b@example.org";
  let secrets: string[];

  beforeAll(async () => {
    database = await freshDatabase();
    a = await createOrg(database, { name: "Träger A" });
    b = await createOrg(database, { name: "Träger B" });
    aOwner = await createUser(database, { fullName: "Alma Inhaberin-A" });
    aMember = await createUser(database, { fullName: "Arne Mitglied-A" });
    bOwner = await createUser(database, { fullName: "Berta Geheim-Inhaberin", email: "berta.geheim@traeger-b.example" });
    bMember = await createUser(database, { fullName: "Bruno Geheim-Mitglied", email: "bruno.geheim@traeger-b.example" });
    bContact = await createUser(database, { fullName: "Clara Ansprechperson-B", email: "clara@traeger-b.example" });
    await addMember(database, a.id, aOwner.id, "owner");
    await addMember(database, a.id, aMember.id, "member");
    await addMember(database, b.id, bOwner.id, "owner");
    await addMember(database, b.id, bMember.id, "coordinator");
    await addMember(database, b.id, bContact.id, "member", { contact: true });
    await database.db
      .insertInto("invitations")
      .values({ org_id: b.id, email: bInvitee, role: "member", token_hash: "f".repeat(64), expires_at: new Date(Date.now() + 86_400_000) })
      .execute();
    const circle = await createNetwork(database);
    await joinNetwork(database, circle.id, a.id, "coordinator");
    await joinNetwork(database, circle.id, b.id);
    secrets = [bOwner.fullName, bOwner.email, bMember.fullName, bMember.email, bInvitee];
  });

  it("finds the Träger pages to check", () => {
    const ids = routeFiles().map((r) => r.id);
    for (const id of OWN_MEMBER_PAGES) expect(ids).toContain(id);
    expect(routeFiles().filter((r) => r.params.includes("slug")).length).toBeGreaterThanOrEqual(4);
  });

  it("the check can see B's members where they are visible (B's own owner)", async () => {
    const mod = (await import(path.join(routesDir, "traeger_.$slug_.mitglieder", "route.tsx"))) as RouteModule;
    const outcome = await callRoute(mod.loader!, await requestAs(database, bOwner, urlFor("traeger_.$slug_.mitglieder", { slug: b.slug })), {
      slug: b.slug,
    });
    const text = serialise(outcome.data);
    for (const secret of secrets) expect(text).toContain(secret);
  });

  for (const persona of ["owner", "member"] as const) {
    it(`through every loader, for A's ${persona}`, async () => {
      const user = persona === "owner" ? aOwner : aMember;
      const checked: string[] = [];
      for (const route of routeFiles()) {
        const mod = (await import(route.file)) as RouteModule;
        if (!mod.loader) continue;
        const variants: Array<Record<string, string>> = route.params.length
          ? [b.slug, b.id].map((value) => Object.fromEntries(route.params.map((p) => [p, value])))
          : [{}];
        for (const params of variants) {
          const url = urlFor(route.id, params);
          const outcome = await callRoute(mod.loader, await requestAs(database, user, url), params);
          const text = serialise(outcome.data);
          for (const secret of secrets) {
            expect(text, `${route.id} ${url} shows "${secret}"`).not.toContain(secret);
          }
          if (OWN_MEMBER_PAGES.includes(route.id)) {
            expect(outcome.status, `${route.id} ${url}`).toBe(404);
          }
          checked.push(`${route.id} ${url} → ${outcome.status}`);
        }
      }
      if (process.env.SHOW_CHECKED) console.log(checked.join("\n"));
      expect(checked.length).toBeGreaterThan(10);
      // The profile of B is visible to the circle, with its Ansprechperson only.
      const profile = routeFiles().find((r) => r.id === "traeger.$slug._index");
      if (profile) {
        const mod = (await import(profile.file)) as RouteModule;
        const outcome = await callRoute(mod.loader!, await requestAs(database, user, `/traeger/${b.slug}`), { slug: b.slug });
        expect(outcome.status).toBe(200);
        expect(serialise(outcome.data)).toContain(bContact.fullName);
      }
    });
  }
});
