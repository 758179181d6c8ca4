// Downloads one attachment of a dev mailbox mail (e.g. the .ics of a training confirmation), as
// the recipient's mail program would save it. A resource route; never in production.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/.server/env";
import { readMailbox } from "~/.server/mail/mailbox";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ params }: LoaderFunctionArgs) {
  invariantResponse(env().NODE_ENV !== "production", "Nicht gefunden", { status: 404 });
  const mail = await readMailbox(params.id ?? "");
  invariantResponse(mail, "Nicht gefunden", { status: 404 });
  const index = /^\d{1,3}$/.test(params.index ?? "") ? Number(params.index) : -1;
  const attachment = mail.attachments?.[index];
  invariantResponse(attachment, "Nicht gefunden", { status: 404 });
  const body = Buffer.from(attachment.content, "base64");
  // The name as typed (RFC 5987) plus an ASCII fallback for old programs.
  const ascii = attachment.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(body.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
