// One mail template as the outbox renders it: the props' schema (props come from SQL and are
// checked before anything is rendered), the subject, the React Email component, and optional
// attachments built from the same props. Each feature lists its templates with template(); the
// one registry is mailTemplates in render.ts.
import type { ComponentType } from "react";
import type { z } from "zod";
import type { MailAttachment } from "./attachments";

export type Template<S extends z.ZodType> = {
  schema: S;
  subject: (props: z.infer<S> & { appUrl: string }) => string;
  Component: ComponentType<z.infer<S> & { appUrl: string }>;
  /** Files the mail carries (e.g. a calendar entry), built from the same props. */
  attachments?: (props: z.infer<S> & { appUrl: string }) => MailAttachment[];
};

export function template<S extends z.ZodType>(t: Template<S>): Template<S> {
  return t;
}
