// One mail of the dev mailbox: the HTML as the recipient sees it (in a sandboxed frame, scripts
// off; its links open a new tab), the links once more as a list that opens them in this tab, its
// attachments to download (dev.mails.$id_.anhang.$index), and the text version. Never in production.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { useEffect, useRef } from "react";
import { env } from "~/.server/env";
import { readMailbox } from "~/.server/mail/mailbox";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card } from "~/components/ui/layout";
import { formatDateTime } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";
import { numberText } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.mail.subject ?? "E-Mail"} · Postfach (Entwicklung) · Trägerkreis` },
];

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The distinct http(s) links of a rendered mail, in order. */
function linksOf(html: string): string[] {
  const found = [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)].map((m) => decodeEntities(m[1] ?? ""));
  return [...new Set(found.filter((href) => /^https?:\/\//i.test(href)))];
}

export async function loader({ params }: LoaderFunctionArgs) {
  invariantResponse(env().NODE_ENV !== "production", "Nicht gefunden", { status: 404 });
  const mail = await readMailbox(params.id ?? "");
  invariantResponse(mail, "Nicht gefunden", { status: 404 });
  // Links never open inside the frame: React Email marks them target="_blank" (a new tab, as in
  // webmail); any other link replaces this page.
  const srcDoc = mail.html.includes("<head>")
    ? mail.html.replace("<head>", '<head><base target="_top">')
    : `<base target="_top">${mail.html}`;
  // The attachments' names and sizes only; their content comes from the download route.
  const attachments = (mail.attachments ?? []).map((a, index) => ({
    index,
    filename: a.filename,
    contentType: a.contentType,
    size: Math.floor((a.content.length * 3) / 4) - (a.content.endsWith("==") ? 2 : a.content.endsWith("=") ? 1 : 0),
  }));
  return { mail: { ...mail, html: undefined, attachments: undefined }, srcDoc, links: linksOf(mail.html), attachments };
}

function MailFrame({ srcDoc, title }: { srcDoc: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  // Grow the frame to its content (possible because the sandbox keeps the document's origin;
  // scripts inside the mail still never run).
  function fit() {
    const frame = ref.current;
    const doc = frame?.contentDocument;
    if (frame && doc?.documentElement) frame.style.height = `${doc.documentElement.scrollHeight + 4}px`;
  }
  useEffect(() => {
    const frame = ref.current;
    if (frame?.contentDocument?.readyState === "complete") fit();
    window.addEventListener("resize", fit);
    return () => window.removeEventListener("resize", fit);
  }, [srcDoc]);
  return (
    <iframe
      ref={ref}
      title={title}
      srcDoc={srcDoc}
      onLoad={fit}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
      className="block h-[36rem] w-full rounded-lg border border-slate-200 bg-slate-50"
    />
  );
}

export default function DevMail() {
  const { mail, srcDoc, links, attachments } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to={paths.devMails} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          ← Zurück zum Postfach
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{mail.subject}</h1>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700">
          <dt className="font-semibold">An</dt>
          <dd className="break-all">{mail.to}</dd>
          <dt className="font-semibold">Von</dt>
          <dd className="break-all">{mail.from}</dd>
          <dt className="font-semibold">Gesendet</dt>
          <dd>
            <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
          </dd>
        </dl>
      </header>

      {links.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Links in dieser E-Mail</h2>
          <ul className="mt-2 space-y-1">
            {links.map((href) => (
              <li key={href}>
                <a href={href} className="inline-flex min-h-11 items-center break-all text-brand-700 underline">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {attachments.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Anhänge</h2>
          <ul className="mt-2 space-y-1">
            {attachments.map((a) => (
              <li key={a.index} className="flex flex-wrap items-center gap-x-2">
                <a
                  href={`${paths.devMails}/${mail.id}/anhang/${a.index}`}
                  download={a.filename}
                  className="inline-flex min-h-11 items-center break-all text-brand-700 underline"
                >
                  {a.filename}
                </a>
                <span className="text-sm text-slate-600">
                  ({a.contentType.split(";")[0]}, {numberText(a.size)} Byte)
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <section aria-labelledby="html-heading">
        <h2 id="html-heading" className="mb-2 text-lg font-semibold text-slate-900">
          So sieht die E-Mail aus
        </h2>
        <MailFrame srcDoc={srcDoc} title={`E-Mail: ${mail.subject}`} />
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-2 text-lg font-semibold text-slate-900">
          Textfassung
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-sans text-sm text-slate-800">
          {mail.text}
        </pre>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
