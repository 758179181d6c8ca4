// One round of transactions per page request (issue 14): inside the server's request scope the
// session is looked up once for the root loader and the route loader together, the header's data
// is read in that same transaction, and each list page adds one transaction of its own.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { newRequestScope, runInRequestScope } from "~/.server/http/request-scope";
import { headerInfo } from "~/.server/orgs/header";
import { loader as rootLoader } from "~/root";
import { loader as coverLoader } from "~/routes/vertretungen._index";
import { loader as directoryLoader } from "~/routes/traeger._index";
import { loader as trainingsLoader } from "~/routes/fortbildungen._index";
import { loader as meetingsLoader } from "~/routes/treffen._index";
import { freshDatabase } from "../helpers/db";
import { addMember, createNetwork, createOrg, createUser, joinNetwork, requestAs, type TestUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Loader = Parameters<typeof callRoute>[0];

describe("transactions per page request", () => {
  let database: Database;
  let alice: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    const n = await createNetwork(database, { name: "Kreis Nord" });
    const a = await createOrg(database, { name: "Alpha Jugendhilfe" });
    await joinNetwork(database, n.id, a.id, "coordinator");
    alice = await createUser(database, { fullName: "Alice Arnold" });
    await addMember(database, a.id, alice.id, "owner");
  });

  /** As Remix runs a document request: root and route loader at once, each with its own Request. */
  async function openPage(path: string, route: Loader, method = "GET") {
    const scope = newRequestScope(method);
    const rootRequest = await requestAs(database, alice, path);
    const [root, page] = await runInRequestScope(scope, async () => {
      const routeRequest = new Request(rootRequest.url, { headers: rootRequest.headers });
      return Promise.all([callRoute(rootLoader, rootRequest), callRoute(route, routeRequest)]);
    });
    return { scope, root, page };
  }

  for (const [path, route] of [
    ["/vertretungen", coverLoader],
    ["/traeger", directoryLoader],
    ["/fortbildungen", trainingsLoader],
    ["/treffen", meetingsLoader],
  ] as const) {
    it(`${path} runs at most two transactions, the header's data included`, async () => {
      const { scope, root, page } = await openPage(path, route as Loader);
      expect(page.status).toBe(200);
      expect(root.status).toBe(200);
      expect(scope.transactions).toBeLessThanOrEqual(2);
      const header = (root.data as { user: Record<string, unknown> }).user;
      expect(header).toMatchObject({ fullName: "Alice Arnold", email: alice.email, coordinates: true, unread: 0 });
      // The same as read on its own, outside a request.
      expect(header).toMatchObject(await headerInfo(alice));
    });
  }

  it("outside a GET (an action's request) looks the session up each time", async () => {
    const scope = newRequestScope("POST");
    const request = await requestAs(database, alice, "/vertretungen");
    await runInRequestScope(scope, async () => {
      await callRoute(rootLoader, request);
      await callRoute(rootLoader, new Request(request.url, { headers: request.headers }));
    });
    // Each root loader: the session, then the header as the user.
    expect(scope.transactions).toBe(4);
  });

  it("a data request that does not ask for the root loader does not read the header", async () => {
    const url = new URL("http://localhost:3000/vertretungen.data?_routes=routes%2Fvertretungen._index");
    const scope = newRequestScope("GET", url);
    const request = await requestAs(database, alice, "/vertretungen");
    const page = await runInRequestScope(scope, () => callRoute(coverLoader as Loader, request));
    expect(page.status).toBe(200);
    expect(scope.wantsHeader).toBe(false);
    expect(scope.headers.size).toBe(0);
    expect(scope.transactions).toBe(2);
    expect(newRequestScope("GET", new URL("http://localhost:3000/vertretungen.data?_routes=root%2Croutes%2Fvertretungen._index")).wantsHeader).toBe(true);
    expect(newRequestScope("GET", new URL("http://localhost:3000/vertretungen")).wantsHeader).toBe(true);
  });

  it("a request without a session cookie runs no transaction for the root loader", async () => {
    const scope = newRequestScope("GET");
    const root = await runInRequestScope(scope, () => callRoute(rootLoader, new Request("http://localhost:3000/")));
    expect((root.data as { user: unknown }).user).toBeNull();
    expect(scope.transactions).toBe(0);
  });
});
