// The notifications of projects (the bell): each kind's facts schema and German text (private.notify_project_org: the project's title and the step's facts).
// Apart from the labels in ./projects.ts because these build zod schemas when the module loads: a page
// that shows a label must not load zod with it (first-load JavaScript, decision 019). Merged into the
// one registry in ./notifications.ts.
import { z } from "zod";
import { dayText } from "~/utils/format";
import { dayFact, excerpt, notificationText, optionalText, quoted, textFact } from "./notification-text";

const ProjectFacts = z.object({ projectTitle: textFact });
const PartnerFacts = ProjectFacts.extend({ orgName: textFact });
const inProject = (d: z.infer<typeof ProjectFacts>) => `Im Projekt ${quoted(d.projectTitle)}`;
const LINE = 140;

export const projectNotificationTexts = {
  "project.status": notificationText(ProjectFacts.extend({ status: z.string().nullish() }), (d) => ({
    title: `${d.status === "running" ? "Projekt läuft" : d.status === "completed" ? "Projekt abgeschlossen" : "Projekt beendet"}: ${d.projectTitle}`,
    body: "Der Status des gemeinsamen Projekts hat sich geändert.",
  })),
  "project.join_requested": notificationText(PartnerFacts, (d) => ({
    title: `Wir machen mit: ${d.orgName}`,
    body: `Zum Projekt ${quoted(d.projectTitle)}`,
  })),
  "project.join_accepted": notificationText(ProjectFacts.extend({ message: optionalText }), (d) => ({
    title: `Willkommen im Projekt: ${d.projectTitle}`,
    body: d.message ?? "Die Projektleitung hat entschieden.",
  })),
  "project.join_declined": notificationText(ProjectFacts.extend({ message: optionalText }), (d) => ({
    title: `Absage zum Projekt: ${d.projectTitle}`,
    body: d.message ?? "Die Projektleitung hat entschieden.",
  })),
  "project.invited": notificationText(ProjectFacts.extend({ message: optionalText }), (d) => ({
    title: `Einladung zum Projekt: ${d.projectTitle}`,
    body: d.message ?? "Ihr Träger ist eingeladen mitzumachen.",
  })),
  "project.partner_joined": notificationText(PartnerFacts, (d) => ({ title: `Neuer Partner: ${d.orgName}`, body: inProject(d) })),
  "project.invitation_declined": notificationText(PartnerFacts, (d) => ({ title: `Einladung abgelehnt: ${d.orgName}`, body: inProject(d) })),
  "project.lead_handed_over": notificationText(PartnerFacts, (d) => ({ title: `Neue Projektleitung: ${d.orgName}`, body: inProject(d) })),
  "project.partner_left": notificationText(PartnerFacts, (d) => ({ title: `Partner ausgestiegen: ${d.orgName}`, body: inProject(d) })),
  "project.update": notificationText(ProjectFacts.extend({ excerpt: textFact }), (d) => ({
    title: `Neues im Projekt: ${d.projectTitle}`,
    body: excerpt(d.excerpt, LINE),
  })),
  "project.comment": notificationText(ProjectFacts.extend({ excerpt: textFact }), (d) => ({
    title: `Kommentar im Projekt: ${d.projectTitle}`,
    body: excerpt(d.excerpt, LINE),
  })),
  "project.task_assigned": notificationText(ProjectFacts.extend({ taskTitle: textFact }), (d) => ({
    title: `Neue Aufgabe: ${excerpt(d.taskTitle, 120)}`,
    body: inProject(d),
  })),
  "project.task_due": notificationText(ProjectFacts.extend({ taskTitle: textFact, dueDate: dayFact }), (d) => ({
    title: `Aufgabe fällig: ${excerpt(d.taskTitle, 120)}`,
    body: `Fällig am ${dayText(d.dueDate)} · ${d.projectTitle}`,
  })),
};
