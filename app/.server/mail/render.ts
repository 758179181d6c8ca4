// Turns an outbox payload (template name + props) into the subject, HTML and text of a mail.
// Props come from SQL (private.enqueue_mail), so they are validated here, per template, before
// anything is rendered: a mail with a missing token must fail loudly, not go out with a dead link.
import { createElement, type ComponentType } from "react";
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
import JoinRequestReceived, {
  JoinRequestReceivedPropsSchema,
  subject as joinRequestReceivedSubject,
} from "../../../emails/join-request-received";

type Template<S extends z.ZodType> = {
  schema: S;
  subject: (props: z.infer<S> & { appUrl: string }) => string;
  Component: ComponentType<z.infer<S> & { appUrl: string }>;
};

function template<S extends z.ZodType>(t: Template<S>): Template<S> {
  return t;
}

/** The templates `private.enqueue_mail(template, …)` may name. */
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
};

export type MailTemplateName = keyof typeof mailTemplates;
export type RenderedMail = { subject: string; html: string; text: string };

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
  return { subject, html, text };
}
