// The mails of the Kooperationstreffen, for the one registry in app/.server/mail/render.ts.
import MeetingNotice, { MeetingNoticePropsSchema, subject as meetingNoticeSubject } from "../../../emails/meeting-notice";
import MeetingNews, { MeetingNewsPropsSchema, subject as meetingNewsSubject } from "../../../emails/meeting-news";
import { meetingCalendarAttachment } from "../mail/attachments";
import { template } from "../mail/template";

export const meetingMailTemplates = {
  // Kooperationstreffen: invitation/update/reminder carry the meeting as METHOD:REQUEST (same UID,
  // the meeting's SEQUENCE), a cancellation as METHOD:CANCEL.
  "meeting-notice": template({
    schema: MeetingNoticePropsSchema,
    subject: meetingNoticeSubject,
    Component: MeetingNotice,
    attachments: (props) => [meetingCalendarAttachment(props, props.kind === "cancel")],
  }),
  "meeting-news": template({ schema: MeetingNewsPropsSchema, subject: meetingNewsSubject, Component: MeetingNews }),
};
