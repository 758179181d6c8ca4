// The patch on @remix-run/router's server build (patches/@remix-run+router+*.patch, decision 019,
// "Eighth sitting"): matchRoutes keeps the ranked branches per routes array and compilePath each
// compiled pattern. Its oracle is the same package's browser build, which is not patched: for every
// route of this app (as Remix's flat-routes convention reads app/routes) and for paths made from
// each, both builds must find the same matches, params and pathnames, repeatedly and with other
// route arrays in between.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, test } from "vitest";

const require = createRequire(import.meta.url);
const serverBuildFile = require.resolve("@remix-run/router");
const patched = require(serverBuildFile) as typeof import("@remix-run/router");
const unpatched = (await import(
  path.join(path.dirname(serverBuildFile), "router.js")
)) as typeof import("@remix-run/router");
const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
  flatRoutes: (appDirectory: string) => Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }>;
};

type Route = import("@remix-run/router").AgnosticRouteObject;

const appDirectory = path.resolve(__dirname, "../..");
const manifest = { root: { id: "root", path: "" }, ...flatRoutes(appDirectory) };

function tree(parentId: string | undefined): Route[] {
  return Object.values(manifest)
    .filter((r) => ("parentId" in r ? r.parentId : undefined) === parentId)
    .map((r): Route => ("index" in r && r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, children: tree(r.id) }));
}
const routes = tree(undefined);

function fullPaths(list: Route[], prefix: string): string[] {
  return list.flatMap((r) => {
    const here = r.path ? `${prefix.replace(/\/$/, "")}/${r.path}` : prefix;
    return [here || "/", ...fullPaths((!r.index && r.children) || [], here)];
  });
}

const SAMPLES: Record<string, string> = { id: "3f0c6a1e-8d2b-4c55-9a77-0b1e2d3c4f5a", slug: "kiz-niederrhein", token: "tok_123", file: "kreis.ics", index: "2" };
const fill = (pattern: string) =>
  pattern.replace(/:([\w-]+)\??/g, (_, name: string) => SAMPLES[name] ?? "x").replace(/\*$/, "a/b/c");

const patterns = [...new Set(fullPaths(routes, ""))];
const paths = [
  ...patterns.map(fill),
  ...patterns.map((p) => fill(p) + "/"),
  ...patterns.map((p) => fill(p).toUpperCase()),
  "/",
  "/unbekannt",
  "/vertretungen/neu/zu/tief",
  "/fortbildungen/abc/kosten.csv",
  "/fortbildungen/abc/kosten.pdf",
  "/traeger/%C3%A4rger",
  "/traeger/..%2F",
  "//vertretungen",
  "/kalender/%00",
];

const shape = (matches: ReturnType<typeof patched.matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("route matching on the server (patched @remix-run/router)", () => {
  test("the server build carries the patch", () => {
    const source = fs.readFileSync(serverBuildFile, "utf8");
    expect(source).toContain("rankedBranchesCache");
    expect(source).toContain("compiledPathCache");
    expect(fs.readFileSync(path.join(path.dirname(serverBuildFile), "router.js"), "utf8")).not.toContain("rankedBranchesCache");
  });

  test("every route of the app matches as without the patch, again and again", () => {
    expect(patterns.length).toBeGreaterThan(60);
    const other: Route[] = [{ id: "x", path: "/", children: [{ id: "y", path: "vertretungen/:a", children: [] }] }];
    for (let round = 0; round < 3; round++) {
      for (const p of paths) {
        expect(shape(patched.matchRoutes(routes, p)), p).toEqual(shape(unpatched.matchRoutes(routes, p)));
        // Another routes array in between must not be answered from the first one's branches.
        expect(shape(patched.matchRoutes(other, p)), `${p} (other routes)`).toEqual(shape(unpatched.matchRoutes(other, p)));
      }
    }
  });

  test("matchPath with the same pattern in different modes keeps them apart", () => {
    for (const [pattern, pathname] of [
      ["/traeger/:slug", "/traeger/kiz"],
      ["/traeger", "/traeger/kiz"],
      ["/Traeger", "/traeger"],
      ["/files/*", "/files/a/b"],
    ] as const) {
      for (const options of [{ end: true }, { end: false }, { caseSensitive: true }, {}]) {
        for (let round = 0; round < 2; round++) {
          expect(patched.matchPath({ path: pattern, ...options }, pathname)).toEqual(unpatched.matchPath({ path: pattern, ...options }, pathname));
        }
      }
    }
  });
});
