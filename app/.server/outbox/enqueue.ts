// Queues a templated mail from TypeScript, in the caller's transaction (so it is sent only if
// that transaction commits). SQL functions call private.enqueue_mail directly; this wrapper adds
// the template's prop types and passes the props as text: postgres.js would JSON-encode a string
// parameter cast straight to jsonb a second time (`${json}::jsonb` becomes a jsonb *string* on
// the server, while PGlite parses it), so the cast goes through text.
import { sql } from "kysely";
import type { z } from "zod";
import type { Tx } from "../db/request";
import type { MailTemplateName, mailTemplates } from "../mail/render";

export type MailProps<T extends MailTemplateName> = z.input<(typeof mailTemplates)[T]["schema"]>;

/** Needs a transaction running as service_role (asServiceRole): only it may call enqueue_mail. */
export async function enqueueMail<T extends MailTemplateName>(tx: Tx, template: T, to: string, props: MailProps<T>): Promise<void> {
  await sql`select private.enqueue_mail(${template}, ${to}, ${JSON.stringify(props)}::text::jsonb)`.execute(tx);
}
