// The mails of the Vertretungsbörse, for the one registry in app/.server/mail/render.ts.
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
import { template } from "../mail/template";

export const coverMailTemplates = {
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
};
