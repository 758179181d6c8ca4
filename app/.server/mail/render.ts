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
import CircleNotice, { CircleNoticePropsSchema, subject as circleNoticeSubject } from "../../../emails/circle-notice";
import JoinRequestReceived, {
  JoinRequestReceivedPropsSchema,
  subject as joinRequestReceivedSubject,
} from "../../../emails/join-request-received";
import TrainingConfirmed, {
  TrainingConfirmedPropsSchema,
  subject as trainingConfirmedSubject,
} from "../../../emails/training-confirmed";
import TrainingWaitlisted, {
  TrainingWaitlistedPropsSchema,
  subject as trainingWaitlistedSubject,
} from "../../../emails/training-waitlisted";
import TrainingOffer, { TrainingOfferPropsSchema, subject as trainingOfferSubject } from "../../../emails/training-offer";
import TrainingRegistrationCancelled, {
  TrainingRegistrationCancelledPropsSchema,
  removesCalendarEntry,
  subject as trainingRegistrationCancelledSubject,
} from "../../../emails/training-registration-cancelled";
import TrainingCancelled, {
  TrainingCancelledPropsSchema,
  subject as trainingCancelledSubject,
} from "../../../emails/training-cancelled";
import TrainingReminder, {
  TrainingReminderPropsSchema,
  subject as trainingReminderSubject,
} from "../../../emails/training-reminder";
import TrainingApprovalRequested, {
  TrainingApprovalRequestedPropsSchema,
  subject as trainingApprovalRequestedSubject,
} from "../../../emails/training-approval-requested";
import TrainingGoNoGo, { TrainingGoNoGoPropsSchema, subject as trainingGoNoGoSubject } from "../../../emails/training-go-no-go";
import CoverRequestAlert, {
  CoverRequestAlertPropsSchema,
  subject as coverRequestAlertSubject,
} from "../../../emails/cover-request-alert";
import CoverOfferReceived, {
  CoverOfferReceivedPropsSchema,
  subject as coverOfferReceivedSubject,
} from "../../../emails/cover-offer-received";
import CoverOfferWithdrawn, {
  CoverOfferWithdrawnPropsSchema,
  subject as coverOfferWithdrawnSubject,
} from "../../../emails/cover-offer-withdrawn";
import CoverOfferAccepted, {
  CoverOfferAcceptedPropsSchema,
  subject as coverOfferAcceptedSubject,
} from "../../../emails/cover-offer-accepted";
import CoverOfferDeclined, {
  CoverOfferDeclinedPropsSchema,
  subject as coverOfferDeclinedSubject,
} from "../../../emails/cover-offer-declined";
import CoverRequestCancelled, {
  CoverRequestCancelledPropsSchema,
  subject as coverRequestCancelledSubject,
} from "../../../emails/cover-request-cancelled";
import CoverRequestExpired, {
  CoverRequestExpiredPropsSchema,
  subject as coverRequestExpiredSubject,
} from "../../../emails/cover-request-expired";
import MeetingNotice, { MeetingNoticePropsSchema, subject as meetingNoticeSubject } from "../../../emails/meeting-notice";
import MeetingNews, { MeetingNewsPropsSchema, subject as meetingNewsSubject } from "../../../emails/meeting-news";
import ProjectNews, { ProjectNewsPropsSchema, subject as projectNewsSubject } from "../../../emails/project-news";
import { meetingCalendarAttachment, trainingCalendarAttachment, type MailAttachment } from "./attachments";

type Template<S extends z.ZodType> = {
  schema: S;
  subject: (props: z.infer<S> & { appUrl: string }) => string;
  Component: ComponentType<z.infer<S> & { appUrl: string }>;
  /** Files the mail carries (e.g. a calendar entry), built from the same props. */
  attachments?: (props: z.infer<S> & { appUrl: string }) => MailAttachment[];
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
  "circle-notice": template({ schema: CircleNoticePropsSchema, subject: circleNoticeSubject, Component: CircleNotice }),
  // Gemeinsame Fortbildungen. A confirmed seat and the reminder carry the sessions as a calendar
  // file; a cancelled training, and a seat that was cancelled or removed, carry the file that
  // takes them out again. The offer carries none: the seat is not booked until accepted.
  "training-confirmed": template({
    schema: TrainingConfirmedPropsSchema,
    subject: trainingConfirmedSubject,
    Component: TrainingConfirmed,
    attachments: (props) => [trainingCalendarAttachment(props, "publish")],
  }),
  "training-waitlisted": template({
    schema: TrainingWaitlistedPropsSchema,
    subject: trainingWaitlistedSubject,
    Component: TrainingWaitlisted,
  }),
  "training-offer": template({ schema: TrainingOfferPropsSchema, subject: trainingOfferSubject, Component: TrainingOffer }),
  "training-registration-cancelled": template({
    schema: TrainingRegistrationCancelledPropsSchema,
    subject: trainingRegistrationCancelledSubject,
    Component: TrainingRegistrationCancelled,
    attachments: (props) => (removesCalendarEntry(props.reason) ? [trainingCalendarAttachment(props, "cancel")] : []),
  }),
  "training-cancelled": template({
    schema: TrainingCancelledPropsSchema,
    subject: trainingCancelledSubject,
    Component: TrainingCancelled,
    attachments: (props) => [trainingCalendarAttachment(props, "cancel")],
  }),
  "training-reminder": template({
    schema: TrainingReminderPropsSchema,
    subject: trainingReminderSubject,
    Component: TrainingReminder,
    attachments: (props) => [trainingCalendarAttachment(props, "publish")],
  }),
  "training-approval-requested": template({
    schema: TrainingApprovalRequestedPropsSchema,
    subject: trainingApprovalRequestedSubject,
    Component: TrainingApprovalRequested,
  }),
  "training-go-no-go": template({ schema: TrainingGoNoGoPropsSchema, subject: trainingGoNoGoSubject, Component: TrainingGoNoGo }),
  // Vertretungsbörse (props: private.cover_mail_props + the step's own, see the cover migration).
  "cover-request-alert": template({
    schema: CoverRequestAlertPropsSchema,
    subject: coverRequestAlertSubject,
    Component: CoverRequestAlert,
  }),
  "cover-offer-received": template({
    schema: CoverOfferReceivedPropsSchema,
    subject: coverOfferReceivedSubject,
    Component: CoverOfferReceived,
  }),
  "cover-offer-withdrawn": template({
    schema: CoverOfferWithdrawnPropsSchema,
    subject: coverOfferWithdrawnSubject,
    Component: CoverOfferWithdrawn,
  }),
  "cover-offer-accepted": template({
    schema: CoverOfferAcceptedPropsSchema,
    subject: coverOfferAcceptedSubject,
    Component: CoverOfferAccepted,
  }),
  "cover-offer-declined": template({
    schema: CoverOfferDeclinedPropsSchema,
    subject: coverOfferDeclinedSubject,
    Component: CoverOfferDeclined,
  }),
  "cover-request-cancelled": template({
    schema: CoverRequestCancelledPropsSchema,
    subject: coverRequestCancelledSubject,
    Component: CoverRequestCancelled,
  }),
  "cover-request-expired": template({
    schema: CoverRequestExpiredPropsSchema,
    subject: coverRequestExpiredSubject,
    Component: CoverRequestExpired,
  }),
  // Kooperationstreffen: invitation/update/reminder carry the meeting as METHOD:REQUEST (same UID,
  // the meeting's SEQUENCE), a cancellation as METHOD:CANCEL.
  "meeting-notice": template({
    schema: MeetingNoticePropsSchema,
    subject: meetingNoticeSubject,
    Component: MeetingNotice,
    attachments: (props) => [meetingCalendarAttachment(props, props.kind === "cancel")],
  }),
  "meeting-news": template({ schema: MeetingNewsPropsSchema, subject: meetingNewsSubject, Component: MeetingNews }),
  // Gemeinsame Projekte: joins, posts, tasks, status.
  "project-news": template({ schema: ProjectNewsPropsSchema, subject: projectNewsSubject, Component: ProjectNews }),
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
