// Delivers one rendered mail (with its attachments, if any): through Resend when RESEND_API_KEY is set (RESEND_BASE_URL points
// the SDK at a local fake in tests), otherwise into the dev mailbox. Throws when the provider
// refuses or cannot be reached, so the outbox worker retries later.
import { Resend } from "resend";
import { env } from "../env";
import { attachmentBase64, attachmentBytes } from "./attachments";
import { writeToMailbox } from "./mailbox";
import type { RenderedMail } from "./render";

export type OutgoingMail = RenderedMail & {
  to: string;
  /** Resend drops a second request with the same key (for 24 h): a retried send is not a second mail. */
  idempotencyKey?: string;
};

export type SentMail = { id: string; via: "resend" | "mailbox" };

const SEND_TIMEOUT_MS = 20_000;

let warnedNoKey = false;

type Attachment = NonNullable<OutgoingMail["attachments"]>[number];

/** The message as the mailbox and the provider take it; attachments' content in the form `content` gives. */
function message<C>(from: string, mail: OutgoingMail, content: (a: Attachment) => C) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    ...(mail.attachments?.length
      ? { attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: content(a) })) }
      : {}),
  };
}

export async function sendMail(mail: OutgoingMail): Promise<SentMail> {
  const config = env();
  if (!config.RESEND_API_KEY) {
    if (config.NODE_ENV === "production" && !warnedNoKey) {
      warnedNoKey = true;
      console.warn(`[mail] RESEND_API_KEY is not set: mails are only written to ${config.MAILBOX_DIR}, nobody receives them.`);
    }
    const stored = await writeToMailbox(message(config.MAIL_FROM, mail, attachmentBase64));
    return { id: stored.id, via: "mailbox" };
  }

  const resend = new Resend(config.RESEND_API_KEY, { baseUrl: config.RESEND_BASE_URL });
  const { data, error } = await resend.emails.send(
    // Bytes, not a string: the SDK base64-encodes bytes but takes a string as base64 already.
    message(config.MAIL_FROM, mail, attachmentBytes),
    { idempotencyKey: mail.idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
  );
  if (error || !data) {
    const status = error && "statusCode" in error && error.statusCode ? ` ${error.statusCode}` : "";
    throw new Error(`Resend refused the mail (${error?.name ?? "no data"}${status}): ${error?.message ?? "empty response"}`);
  }
  return { id: data.id, via: "resend" };
}
