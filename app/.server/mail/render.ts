// Turns an outbox payload (template name + props) into the subject, HTML and text of a mail.
// Props come from SQL (private.enqueue_mail), so they are validated here, per template, before
// anything is rendered: a mail with a missing token must fail loudly, not go out with a dead link.
import { createElement } from "react";
import { render, toPlainText } from "@react-email/render";
import { z } from "zod";
import { env } from "../env";
import ConfirmEmail, { ConfirmEmailPropsSchema, subject as confirmEmailSubject } from "../../../emails/confirm-email";
import ResetPassword, { ResetPasswordPropsSchema, subject as resetPasswordSubject } from "../../../emails/reset-password";
import Invitation, { InvitationPropsSchema, subject as invitationSubject } from "../../../emails/invitation";
import JoinRequestAdmitted, {
  JoinRequestAdmittedPropsSchema,
  subject as joinRequestAdmittedSubject,
} from "../../../emails/join-request-admitted";
import JoinRequestDeclined, {
  JoinRequestDeclinedPropsSchema,
  subject as joinRequestDeclinedSubject,
} from "../../../emails/join-request-declined";
import CircleNotice, { CircleNoticePropsSchema, subject as circleNoticeSubject } from "../../../emails/circle-notice";
import JoinRequestReceived, {
  JoinRequestReceivedPropsSchema,
  subject as joinRequestReceivedSubject,
} from "../../../emails/join-request-received";
import type { MailAttachment } from "./attachments";
import { template, type Template } from "./template";
import { coverMailTemplates } from "../cover/mails";
import { meetingMailTemplates } from "../meetings/mails";
import { projectMailTemplates } from "../projects/mails";
import { trainingMailTemplates } from "../trainings/mails";

/** The templates `private.enqueue_mail(template, …)` may name: the account and circle mails here,
 * each feature's from its own module, merged in this one place. */
export const mailTemplates = {
  "confirm-email": template({ schema: ConfirmEmailPropsSchema, subject: confirmEmailSubject, Component: ConfirmEmail }),
  "reset-password": template({ schema: ResetPasswordPropsSchema, subject: resetPasswordSubject, Component: ResetPassword }),
  invitation: template({ schema: InvitationPropsSchema, subject: invitationSubject, Component: Invitation }),
  "join-request-admitted": template({
    schema: JoinRequestAdmittedPropsSchema,
    subject: joinRequestAdmittedSubject,
    Component: JoinRequestAdmitted,
  }),
  "join-request-declined": template({
    schema: JoinRequestDeclinedPropsSchema,
    subject: joinRequestDeclinedSubject,
    Component: JoinRequestDeclined,
  }),
  "join-request-received": template({
    schema: JoinRequestReceivedPropsSchema,
    subject: joinRequestReceivedSubject,
    Component: JoinRequestReceived,
  }),
  "circle-notice": template({ schema: CircleNoticePropsSchema, subject: circleNoticeSubject, Component: CircleNotice }),
  ...trainingMailTemplates,
  ...coverMailTemplates,
  ...meetingMailTemplates,
  ...projectMailTemplates,
};

export type MailTemplateName = keyof typeof mailTemplates;
export type RenderedMail = { subject: string; html: string; text: string; attachments?: MailAttachment[] };
export type { MailAttachment };

/** A payload that can never become a mail (unknown template, invalid props): retrying won't help. */
export class MailRenderError extends Error {
  override name = "MailRenderError";
}

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(mailTemplates, name);
}

// html-to-text shouts headings in capitals by default; a German mail reads better as written.
const textOptions = {
  selectors: ["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
    selector,
    options: { uppercase: false },
  })),
};

export async function renderMail(
  name: string,
  props: unknown,
  options: { appUrl?: string } = {},
): Promise<RenderedMail> {
  if (!isMailTemplateName(name)) throw new MailRenderError(`Unknown mail template "${name}"`);
  const t = mailTemplates[name] as Template<z.ZodType<Record<string, unknown>>>;
  const parsed = t.schema.safeParse(props);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(props)"}: ${i.message}`).join("; ");
    throw new MailRenderError(`Invalid props for mail template "${name}": ${problems}`);
  }
  const full = { ...parsed.data, appUrl: options.appUrl ?? env().APP_URL };
  const html = await render(createElement(t.Component, full));
  const text = toPlainText(html, textOptions)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  // Names in subjects come from user input: one line, always.
  const subject = t.subject(full).replace(/\s+/g, " ").trim();
  const attachments = t.attachments?.(full) ?? [];
  return attachments.length > 0 ? { subject, html, text, attachments } : { subject, html, text };
}
