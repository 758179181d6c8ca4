// The smaller steps around meetings: a date poll opened, a reminder to vote, minutes circulated
// for comments, an action item assigned or due. No calendar file.
import { z } from "zod";
import {
  ActionButton,
  EmailLayout,
  Paragraph,
  greeting,
} from "./components/layout";
import { formatDayTime, formatShortDay } from "./components/training";

export const MeetingNewsPropsSchema = z.object({
  kind: z.enum([
    "poll_opened",
    "poll_reminder",
    "minutes_circulated",
    "action_item_assigned",
    "action_item_due",
  ]),
  name: z.string().nullish(),
  title: z.string().min(1),
  meetingTitle: z.string().nullish(),
  deadline: z.coerce.date().nullish(),
  dueDate: z.coerce.date().nullish(),
  path: z.string().startsWith("/"),
});
export type MeetingNewsProps = z.infer<typeof MeetingNewsPropsSchema> & {
  appUrl: string;
};

export function subject(props: MeetingNewsProps): string {
  switch (props.kind) {
    case "poll_opened":
      return `Terminumfrage: ${props.title}`;
    case "poll_reminder":
      return `Bitte abstimmen: ${props.title}`;
    case "minutes_circulated":
      return `Protokoll zur Durchsicht: ${props.title}`;
    case "action_item_assigned":
      return `Neue Aufgabe: ${props.title}`;
    case "action_item_due":
      return `Aufgabe bald fällig: ${props.title}`;
  }
}

function body(props: MeetingNewsProps): string {
  const deadline = props.deadline ? formatDayTime(props.deadline) : null;
  const due = props.dueDate ? formatShortDay(props.dueDate) : null;
  switch (props.kind) {
    case "poll_opened":
      return `für das nächste Treffen „${props.title}“ wird ein Termin gesucht. Bitte stimmen Sie ab${deadline ? ` – bis ${deadline}` : ""}.`;
    case "poll_reminder":
      return `Sie haben in der Terminumfrage „${props.title}“ noch nicht abgestimmt${deadline ? `; sie endet ${deadline}` : ""}.`;
    case "minutes_circulated":
      return `das Protokoll des Treffens „${props.title}“ liegt zur Durchsicht vor.${deadline ? ` Anmerkungen sind bis ${deadline} möglich.` : ""}`;
    case "action_item_assigned":
      return `aus dem Protokoll${props.meetingTitle ? ` „${props.meetingTitle}“` : ""} hat Ihr Träger eine Aufgabe: „${props.title}“${due ? `, fällig am ${due}` : ""}.`;
    case "action_item_due":
      return `die Aufgabe „${props.title}“ ist${due ? ` am ${due}` : " bald"} fällig.`;
  }
}

export default function MeetingNews(props: MeetingNewsProps) {
  const link = `${props.appUrl.replace(/\/$/, "")}${props.path}`;
  return (
    <EmailLayout
      preview={subject(props)}
      heading={subject(props)}
      footer="Sie erhalten diese E-Mail, weil Ihr Träger zu einem Kreis im Trägerkreis gehört."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>{body(props)}</Paragraph>
      <ActionButton href={link}>Im Trägerkreis öffnen</ActionButton>
    </EmailLayout>
  );
}

MeetingNews.PreviewProps = {
  appUrl: "https://traegerkreis.example",
  kind: "poll_opened",
  name: "Anna Berger",
  title: "Kooperationstreffen Herbst",
  deadline: new Date("2026-10-01T16:00:00Z"),
  path: "/treffen/umfragen/x",
} satisfies MeetingNewsProps;
