import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AppFooter } from "~/components/app-footer";
import { AppHeader, BottomNav } from "~/components/app-header";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { Toaster } from "~/components/toaster";
import { ServiceWorker } from "~/components/service-worker";
import { getSessionUser } from "~/.server/auth/session";
import { headerInfo } from "~/.server/orgs/header";
import { newFormKey } from "~/.server/forms/idempotency";
import { env } from "~/.server/env";
import { readToast } from "~/.server/toast";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  // The installable app (issue 12): manifest, home-screen icon for iOS.
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon-180.png" },
];

export const meta: MetaFunction = () => [{ title: "Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { toast, headers }] = await Promise.all([getSessionUser(request), readToast(request)]);
  const header = user ? { fullName: user.fullName, email: user.email, ...(await headerInfo(user)) } : null;
  // formKey: the idempotency key of this render's create forms (<FormKeyField />).
  // The dev mailbox (/dev/mails) exists outside production; the footer links it in development.
  const devMailbox = env().NODE_ENV === "development";
  return data({ user: header, toast, formKey: newFormKey(), devMailbox }, { headers });
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="de">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#125d56" />
        <meta name="apple-mobile-web-app-title" content="Trägerkreis" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#inhalt" className="skip-link">
          Zum Inhalt springen
        </a>
        <AppHeader user={root?.user ?? null} />
        <main id="inhalt" className="app-main">
          {children}
        </main>
        <AppFooter devMailbox={root?.devMailbox ?? false} />
        <BottomNav user={root?.user ?? null} />
        <ServiceWorker signedIn={Boolean(root?.user)} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  return (
    <>
      <Outlet />
      <Toaster toast={toast} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
