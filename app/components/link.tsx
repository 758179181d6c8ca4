// Remix's <Link>, cheaper to render on the server (issue 14, decision 019, ninth sitting). A list
// page renders 50–80 links; each of Remix's runs a dozen hooks on the server (React Router's path
// resolution against the matched routes, the click handler's and the prefetch behaviour's state)
// only to write `<a … data-discover="true" href="/x">`. For the links that need none of it — `to`
// an absolute path of this app, no prefetch on render — the server writes that element directly:
// the same attributes in the same order (held equal to Remix's output by link.test.tsx, which also
// holds that the app has no basename, under which the href would change). In the browser, and for
// every other link, it is Remix's Link itself, so hydration, navigation, discovery and prefetching
// are unchanged.
import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import { forwardRef } from "react";

// A path of this app with an optional query and fragment, written back by React Router as it is:
// segments not empty and not starting with "." (it resolves "." and ".."; "//" it reads as another
// host), no empty "?" or "#" (which it drops).
const PLAIN_PATH = /^(?=\/)(?:\/[^/?#.][^/?#]*)*\/?(?:\?[^#]+)?(?:#.+)?$/;

/** The server's Link: Remix's markup without its hooks where that markup is known. */
export const ServerLink = /* @__PURE__ */ forwardRef<HTMLAnchorElement, LinkProps>(function ServerLink(
  { to, prefetch = "none", discover = "render", ...props },
  ref,
) {
  if (typeof to !== "string" || !PLAIN_PATH.test(to) || prefetch === "render") {
    return <RemixLink ref={ref} to={to} prefetch={prefetch} discover={discover} {...props} />;
  }
  // What React Router's Link leaves out of the element; the rest is written in its order, then
  // Remix's data-discover, then href and target (event handlers are not written on the server).
  const {
    onClick: _onClick,
    relative: _relative,
    reloadDocument,
    replace: _replace,
    state: _state,
    target,
    preventScrollReset: _preventScrollReset,
    viewTransition: _viewTransition,
    ...rest
  } = props;
  return <a {...rest} data-discover={discover === "render" && !reloadDocument ? "true" : undefined} href={to} target={target} />;
});

// Known at build time (Vite replaces import.meta.env?.SSR; written so, the browser bundle carries
// Remix's Link only — checked in build/client). Outside Vite (the bench scripts load the routes
// through tsx) import.meta.env is not set: there the server is where no document is.
const onServer = import.meta.env?.SSR ?? typeof document === "undefined";
export const Link = onServer ? ServerLink : RemixLink;
