// The meeting form's starting values from a stored meeting (edit it, or plan the next of a series).
import type { MeetingFormDefaults } from "~/components/meetings/meeting-form";
import { berlinParts } from "~/utils/berlin-time";

/** The form's values from a meeting, moved to `startsAt`–`endsAt` (the next of a series keeps its place and host). */
export function meetingFormDefaults(
  meeting: {
    networkId: string;
    hostOrgId: string;
    title: string;
    description: string;
    place: string | null;
    gemeindeCode: string | null;
    onlineUrl: string | null;
    capacity: number | null;
    guestsWelcome: boolean;
  },
  startsAt: Date,
  endsAt: Date,
): MeetingFormDefaults {
  return {
    host: `${meeting.networkId}:${meeting.hostOrgId}`,
    title: meeting.title,
    description: meeting.description,
    place: meeting.place,
    gemeinde: meeting.gemeindeCode,
    onlineUrl: meeting.onlineUrl,
    date: berlinParts(startsAt).date,
    startTime: berlinParts(startsAt).time,
    endTime: berlinParts(endsAt).time,
    capacity: meeting.capacity,
    guestsWelcome: meeting.guestsWelcome,
  };
}
