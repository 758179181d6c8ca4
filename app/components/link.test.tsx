// The server's Link (app/components/link.tsx) writes exactly what Remix's Link writes: for every
// kind of link the app renders (and a few it does not), both are rendered on the server inside a
// static router and compared as HTML. The page and its hydration therefore cannot tell them apart.
import fs from "node:fs";
import path from "node:path";
import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { Link, ServerLink } from "./link";

const VARIANTS: LinkProps[] = [
  { to: "/vertretungen" },
  { to: "/" },
  { to: "/vertretungen/3f0c6a1e-8d2b-4c55-9a77-0b1e2d3c4f5a", className: "stretched", discover: "none" },
  { to: "/vertretungen?ansicht=angebote&seite=2", className: "btn btn-secondary", "aria-label": "Nächste Seite" },
  { to: "/vertretungen/x#angebote", "aria-current": "page", className: "nav-link", title: "T" },
  { to: "/traeger/", className: "a" },
  { to: "/traeger/kiz?", className: "empty query" },
  { to: "/traeger/kiz#", className: "empty fragment" },
  { to: "/traeger/kiz?#frag", className: "empty query, fragment" },
  { to: "/a/../b/./c", className: "dot segments" },
  { to: "/ä ö?q=ü ß#x y", className: "unencoded" },
  { to: "/konto", target: "_blank", rel: "noreferrer", className: "x" },
  { to: "/konto", reloadDocument: true, className: "reload" },
  { to: "/konto", replace: true, state: { a: 1 }, preventScrollReset: true, relative: "path", viewTransition: true },
  { to: "/konto", prefetch: "intent", onClick: () => {}, onMouseEnter: () => {}, style: { color: "red" } },
  { to: "/konto", prefetch: "render" },
  { to: "/konto", prefetch: "viewport", discover: "none" },
  { to: "/konto", id: "k", tabIndex: -1, "data-x": "1", role: "button", children: "Konto" } as LinkProps,
  { to: "//example.org/a" },
  { to: "https://example.org/a", className: "external" },
  { to: "mailto:team@example.org" },
  { to: "relative/path" },
  { to: "../up" },
  { to: "." },
  { to: "" },
  { to: "?seite=3" },
  { to: "#anker" },
  { to: { pathname: "/vertretungen", search: "?a=1" } },
];

function render(Component: typeof RemixLink, props: LinkProps, at: string): string {
  const routes = [
    {
      id: "root",
      path: "/",
      element: <Component {...props}>{props.children ?? "Text"}</Component>,
      children: [{ id: "child", path: "vertretungen/:id", element: <Component {...props}>{props.children ?? "Text"}</Component> }],
    },
  ];
  const handler = createStaticHandler(routes);
  return handler.query(new Request(`http://localhost${at}`)).then((context) => {
    if (context instanceof Response) throw new Error("unexpected response");
    return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
  }) as unknown as string;
}

describe("the server's Link", () => {
  test("is the server's Link in the server build", () => {
    expect(Link).toBe(ServerLink);
  });

  test("writes what Remix's Link writes, for every kind of link", async () => {
    for (const at of ["/", "/vertretungen/abc"]) {
      for (const props of VARIANTS) {
        const label = `${JSON.stringify(props.to)} ${JSON.stringify(Object.keys(props))} at ${at}`;
        const theirs = await render(RemixLink, props, at);
        expect(theirs, label).toContain("<a");
        expect(await render(ServerLink, props, at), label).toBe(theirs);
      }
    }
  });

  test("writes plain paths itself, without React Router (outside a router, where Remix's Link throws)", () => {
    for (const to of ["/vertretungen", "/", "/traeger/kiz?seite=2", "/hilfe#konto", "/fortbildungen/x/kosten.csv"]) {
      expect(renderToString(<ServerLink to={to} className="c">T</ServerLink>)).toBe(`<a class="c" data-discover="true" href="${to}">T</a>`);
    }
    expect(() => renderToString(<ServerLink to="/a/../b">T</ServerLink>)).toThrow();
  });

  test("the app has no basename (under one, Remix's Link would prefix every href)", () => {
    const config = fs.readFileSync(path.resolve(__dirname, "../../vite.config.ts"), "utf8");
    expect(config).not.toMatch(/basename/);
  });
});
