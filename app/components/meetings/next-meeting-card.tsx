// The circle's public page: the next open Kooperationstreffen, with "Als Gast anmelden" — the
// seed's "Interessierte Träger können sich … melden".
import { Link } from "~/components/link";
import { Card } from "~/components/ui/layout";
import { buttonClass } from "~/components/ui/button";
import { meetingWhen, whereText } from "~/i18n/meetings";

export type PublicNextMeeting = {
  id: string;
  title: string;
  startsAt: Date | string;
  endsAt: Date | string;
  place: string | null;
  gemeinde: string | null;
  online: boolean;
  hostName: string;
  full: boolean;
};

export function NextMeetingCard({
  slug,
  meeting,
}: {
  slug: string;
  meeting: PublicNextMeeting;
}) {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">
        Nächstes Kooperationstreffen
      </h2>
      <p className="mt-1 font-medium text-slate-900">{meeting.title}</p>
      <p className="text-slate-800">
        {meetingWhen(meeting.startsAt, meeting.endsAt)}
      </p>
      <p className="text-slate-700">
        {whereText(meeting)} · eingeladen von {meeting.hostName}
      </p>
      <p className="mt-2 text-slate-800">
        Interessierte Träger sind willkommen.
      </p>
      {meeting.full ? (
        <p className="mt-2 font-medium text-amber-800">
          Alle Plätze sind vergeben.
        </p>
      ) : (
        <Link to={`/k/${slug}/gast`} className={buttonClass("primary", "mt-3")}>
          Als Gast anmelden
        </Link>
      )}
    </Card>
  );
}
