// Sent to coordinators when a cover request reaches them (private.alert_cover_request):
//   addressed  their Träger was asked by name, before the rest of the circle;
//   published  the request went out to the circle and their Träger serves its Gemeinde and Hilfeart;
//   widened    an addressed request opened to the whole circle (nobody took it in time).
// Read on a phone between two families: urgency first, then what, where, when, how much, one button.
import { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  KIND_SHORT,
  NO_DETAILS_NOTE,
  Note,
  URGENCY,
  UrgencyBanner,
  coverUrl,
  formatHours,
  formatInstant,
  requestShort,
  sampleCoverProps,
} from "./components/cover";

export const CoverRequestAlertPropsSchema = CoverMailPropsSchema.extend({
  occasion: z.enum(["addressed", "published", "widened"]),
  // The request's widen_at (a timestamptz in jsonb); null for requests to the whole circle.
  widenAt: z.coerce.date().nullable(),
});
export type CoverRequestAlertProps = z.infer<typeof CoverRequestAlertPropsSchema> & { appUrl: string };

const OCCASION_SUFFIX = { addressed: " – direkt angefragt", published: "", widened: " – jetzt für den ganzen Kreis" };

export function subject(props: CoverRequestAlertProps): string {
  return `${URGENCY[props.urgency].subjectTag}: ${KIND_SHORT[props.kind]} ${requestShort(props)}, ${formatHours(props.hoursPerWeek)} Std./Woche${OCCASION_SUFFIX[props.occasion]}`;
}

function heading(props: CoverRequestAlertProps): string {
  const what = `${KIND_SHORT[props.kind]} gesucht`;
  if (props.occasion === "addressed") return `Direkt an Ihren Träger: ${what}`;
  if (props.occasion === "widened") return `Jetzt für den ganzen Kreis: ${what}`;
  return what;
}

export default function CoverRequestAlert(props: CoverRequestAlertProps) {
  const intro =
    props.occasion === "addressed"
      ? `${props.requesterOrgName} fragt Ihren Träger direkt an, bevor der ganze Kreis „${props.networkName}“ die Anfrage sieht.`
      : props.occasion === "widened"
        ? `${props.requesterOrgName} hatte zuerst einzelne Träger angefragt. Jetzt ist die Anfrage für den ganzen Kreis „${props.networkName}“ offen.`
        : `${props.requesterOrgName} sucht im Kreis „${props.networkName}“ Unterstützung.`;
  const footer =
    props.occasion === "addressed"
      ? `Sie erhalten diese E-Mail, weil ${props.requesterOrgName} Ihren Träger direkt angefragt hat und Sie dort koordinieren.`
      : `Sie erhalten diese E-Mail, weil Ihr Träger im Kreis „${props.networkName}“ diese Hilfeart in ${props.gemeindeName} anbietet und Sie dort koordinieren. Welche Anfragen Sie per E-Mail bekommen, stellen Sie in der Vertretungsbörse unter „Benachrichtigungen“ ein.`;
  return (
    <EmailLayout
      preview={`${URGENCY[props.urgency].banner}: ${requestShort(props)}, ${formatHours(props.hoursPerWeek)} Std./Woche – ${props.requesterOrgName}`}
      banner={<UrgencyBanner urgency={props.urgency} />}
      heading={heading(props)}
      footer={footer}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <CoverFacts props={props} showRequester />
      <ActionButton href={coverUrl(props)}>Anfrage ansehen und anbieten</ActionButton>
      {props.occasion === "addressed" && props.widenAt ? (
        <Note>Ab {formatInstant(props.widenAt)} sehen alle Träger des Kreises die Anfrage.</Note>
      ) : null}
      <Note>{NO_DETAILS_NOTE}</Note>
    </EmailLayout>
  );
}

CoverRequestAlert.PreviewProps = {
  ...sampleCoverProps,
  occasion: "addressed",
  widenAt: new Date("2026-11-30T13:30:00Z"),
} satisfies CoverRequestAlertProps;
