// A short notice from the circle to the owners and admins of one Träger (admitted with its
// existing profile, removed from the circle, made or unmade coordinator). The SQL that writes the
// outbox row composes the sentences, so one template serves every such step.
import { z } from "zod";
import { absoluteUrl } from "../app/utils/links";
import { ActionButton, EmailLayout, Paragraph, Quote, greeting } from "./components/layout";

export const CircleNoticePropsSchema = z.object({
  subject: z.string().min(1).max(300),
  heading: z.string().min(1).max(200),
  recipientName: z.string().nullish(),
  paragraphs: z.array(z.string().min(1)).min(1).max(6),
  /** A message the coordinators wrote (a removal's reason), quoted as written. */
  quote: z.string().nullish(),
  linkPath: z.string().startsWith("/").nullish(),
  linkLabel: z.string().min(1).nullish(),
  reason: z.string().min(1),
});
export type CircleNoticeProps = z.infer<typeof CircleNoticePropsSchema> & { appUrl: string };

export function subject(props: CircleNoticeProps): string {
  return props.subject;
}

export default function CircleNotice(props: CircleNoticeProps) {
  const quote = props.quote?.trim();
  return (
    <EmailLayout preview={props.paragraphs[0]!} heading={props.heading} footer={props.reason}>
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      {props.paragraphs.map((p) => (
        <Paragraph key={p}>{p}</Paragraph>
      ))}
      {quote ? <Quote>{quote}</Quote> : null}
      {props.linkPath && props.linkLabel ? (
        <ActionButton href={absoluteUrl(props.appUrl, props.linkPath)}>{props.linkLabel}</ActionButton>
      ) : null}
    </EmailLayout>
  );
}

CircleNotice.PreviewProps = {
  subject: "Jugendhilfe Rheinberg e. V. ist jetzt im Kreis „Kooperationskreis Wesel · Duisburg · Oberhausen“",
  heading: "Willkommen im Kreis",
  recipientName: "Jana Krüger",
  paragraphs: ["die Koordination hat Jugendhilfe Rheinberg e. V. in den Kreis aufgenommen."],
  linkPath: "/traeger",
  linkLabel: "Zum Verzeichnis des Kreises",
  reason: "Sie erhalten diese E-Mail als Inhaber:in oder Admin von Jugendhilfe Rheinberg e. V.",
  appUrl: "http://localhost:3000",
} satisfies CircleNoticeProps;
