// The mails of the Gemeinsame Projekte, for the one registry in app/.server/mail/render.ts.
import ProjectNews, { ProjectNewsPropsSchema, subject as projectNewsSubject } from "../../../emails/project-news";
import { template } from "../mail/template";

export const projectMailTemplates = {
  // Joins, posts, tasks assigned and due, status changes (one template, its kind in the props).
  "project-news": template({ schema: ProjectNewsPropsSchema, subject: projectNewsSubject, Component: ProjectNews }),
};
