// Mails of the Gemeinsame Projekte: a Träger answers "Wir machen mit", the lead accepts or
// declines, an invitation, a new partner or a partner leaving, a new post in the workspace, a
// task assigned or due, a change of status. Props come from SQL (private.notify_project_org and
// the task functions in supabase/migrations/20261207110100_add_project_functions.sql).
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import { formatShortDay } from "./components/training";

export const ProjectNewsPropsSchema = z.object({
  kind: z.enum([
    "join_requested",
    "join_accepted",
    "join_declined",
    "invited",
    "invitation_declined",
    "partner_joined",
    "partner_left",
    "lead_handed_over",
    "update",
    "status",
    "task_assigned",
    "task_due",
  ]),
  name: z.string().nullish(),
  projectTitle: z.string().min(1),
  orgName: z.string().nullish(),
  message: z.string().nullish(),
  excerpt: z.string().nullish(),
  taskTitle: z.string().nullish(),
  status: z.string().nullish(),
  dueDate: z.coerce.date().nullish(),
  path: z.string().startsWith("/"),
});
export type ProjectNewsProps = z.infer<typeof ProjectNewsPropsSchema> & { appUrl: string };

const STATUS: Record<string, string> = { running: "läuft", completed: "ist abgeschlossen", abandoned: "wurde beendet" };

export function subject(props: ProjectNewsProps): string {
  const t = props.projectTitle;
  switch (props.kind) {
    case "join_requested":
      return `Wir machen mit: ${props.orgName ?? "ein Träger"} · ${t}`;
    case "join_accepted":
      return `Willkommen im Projekt: ${t}`;
    case "join_declined":
      return `Absage zum Projekt: ${t}`;
    case "invited":
      return `Einladung zum Projekt: ${t}`;
    case "invitation_declined":
      return `Einladung abgelehnt: ${t}`;
    case "partner_joined":
      return `Neuer Partner im Projekt: ${t}`;
    case "partner_left":
      return `Partner ausgestiegen: ${t}`;
    case "lead_handed_over":
      return `Neue Projektleitung: ${t}`;
    case "update":
      return `Neues im Projekt: ${t}`;
    case "status":
      return `Projekt ${STATUS[props.status ?? ""] ?? "geändert"}: ${t}`;
    case "task_assigned":
      return `Neue Aufgabe: ${props.taskTitle ?? t}`;
    case "task_due":
      return `Aufgabe bald fällig: ${props.taskTitle ?? t}`;
  }
}

function body(props: ProjectNewsProps): string {
  const t = `„${props.projectTitle}“`;
  const due = props.dueDate ? formatShortDay(props.dueDate) : null;
  const org = props.orgName ?? "Ein Träger";
  switch (props.kind) {
    case "join_requested":
      return `${org} möchte beim Projekt ${t} mitmachen. Bitte nehmen Sie die Anfrage an oder lehnen Sie sie ab.`;
    case "join_accepted":
      return `Ihr Träger macht beim Projekt ${t} mit. Der Arbeitsraum steht Ihnen jetzt offen.`;
    case "join_declined":
      return `die Projektleitung hat die Anfrage Ihres Trägers zum Projekt ${t} abgelehnt.`;
    case "invited":
      return `Ihr Träger ist eingeladen, beim Projekt ${t} mitzumachen.`;
    case "invitation_declined":
      return `${org} hat die Einladung zum Projekt ${t} abgelehnt.`;
    case "partner_joined":
      return `${org} macht jetzt beim Projekt ${t} mit.`;
    case "partner_left":
      return `${org} ist aus dem Projekt ${t} ausgestiegen.`;
    case "lead_handed_over":
      return `${org} leitet jetzt das Projekt ${t}.`;
    case "update":
      return `${org} hat im Arbeitsraum des Projekts ${t} etwas Neues geschrieben.`;
    case "status":
      return `das Projekt ${t} ${STATUS[props.status ?? ""] ?? "hat einen neuen Status"}.`;
    case "task_assigned":
      return `im Projekt ${t} ist Ihnen oder Ihrem Träger eine Aufgabe zugeteilt: „${props.taskTitle ?? ""}“${due ? `, fällig am ${due}` : ""}.`;
    case "task_due":
      return `die Aufgabe „${props.taskTitle ?? ""}“ im Projekt ${t} ist${due ? ` am ${due}` : " bald"} fällig.`;
  }
}

export default function ProjectNews(props: ProjectNewsProps) {
  const link = `${props.appUrl.replace(/\/$/, "")}${props.path}`;
  return (
    <EmailLayout
      preview={subject(props)}
      heading={subject(props)}
      footer="Sie erhalten diese E-Mail, weil Ihr Träger bei einem gemeinsamen Projekt im Trägerkreis mitmacht oder angefragt ist."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>{body(props)}</Paragraph>
      {props.message ? <Paragraph>Nachricht: „{props.message}“</Paragraph> : null}
      {props.excerpt ? <Paragraph>„{props.excerpt}“</Paragraph> : null}
      <ActionButton href={link}>Im Trägerkreis öffnen</ActionButton>
    </EmailLayout>
  );
}

ProjectNews.PreviewProps = {
  appUrl: "https://traegerkreis.example",
  kind: "join_requested",
  name: "Anna Berger",
  projectTitle: "Gemeinsames Ferienprogramm",
  orgName: "Jugendhilfe Niederrhein e. V.",
  path: "/projekte/x",
} satisfies ProjectNewsProps;
