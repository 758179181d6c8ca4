// The mails of the Gemeinsame Fortbildungen, for the one registry in app/.server/mail/render.ts.
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
import { trainingCalendarAttachment } from "../mail/attachments";
import { template } from "../mail/template";

export const trainingMailTemplates = {
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
};
