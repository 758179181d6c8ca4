import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Link } from "~/components/link";

const titles: Record<number, string> = {
  400: "Die Anfrage ist ungültig",
  403: "Dazu fehlt Ihnen die Berechtigung",
  404: "Nicht gefunden",
  405: "Diese Aktion gibt es hier nicht",
  413: "Die Eingabe ist zu groß",
  429: "Zu viele Versuche",
  503: "Kurz nicht erreichbar",
};

/** A friendly page per status; never shows a stack trace or database text. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let status = 500;
  let detail: string | undefined;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (typeof error.data === "string" && error.data && status < 500) detail = error.data;
  } else if (typeof document !== "undefined") {
    console.error(error);
  }
  const title = titles[status] ?? "Da ist etwas schiefgegangen";
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">Fehler {status}</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">{title}</h1>
      {status === 404 ? (
        <p className="mt-3 text-slate-600">Die Seite gibt es nicht, oder sie ist für Sie nicht sichtbar.</p>
      ) : detail && detail !== title ? (
        <p className="mt-3 text-slate-600">{detail}</p>
      ) : status === 503 ? (
        <p className="mt-3 text-slate-600">
          Trägerkreis ist kurz nicht erreichbar, bitte versuchen Sie es gleich noch einmal.
        </p>
      ) : status >= 500 ? (
        <p className="mt-3 text-slate-600">Bitte versuchen Sie es gleich noch einmal.</p>
      ) : null}
      <Link to="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Zur Startseite
      </Link>
    </div>
  );
}
