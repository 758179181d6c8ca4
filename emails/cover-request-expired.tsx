// Sent to every Träger whose offer was still open when the request's period ended
// (private.expire_cover_requests): the offer is closed, nothing is left to do.
import type { z } from "zod";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";
import {
  CoverFacts,
  CoverMailPropsSchema,
  URGENCY,
  coverUrl,
  offererFooter,
  requestShort,
  sampleCoverProps,
} from "./components/cover";

export const CoverRequestExpiredPropsSchema = CoverMailPropsSchema;
export type CoverRequestExpiredProps = z.infer<typeof CoverRequestExpiredPropsSchema> & { appUrl: string };

export function subject(props: CoverRequestExpiredProps): string {
  return `Anfrage abgelaufen: ${requestShort(props)} (${URGENCY[props.urgency].word})`;
}

export default function CoverRequestExpired(props: CoverRequestExpiredProps) {
  return (
    <EmailLayout
      preview={`Der Zeitraum der Anfrage von ${props.requesterOrgName} ist vorbei. Sie müssen nichts weiter tun.`}
      heading="Die Anfrage ist abgelaufen"
      footer={offererFooter}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>
        der Zeitraum der Anfrage von <strong>{props.requesterOrgName}</strong> ist vorbei, ohne dass Ihr Angebot angenommen
        wurde. Ihr Angebot ist damit erledigt; Sie müssen nichts weiter tun.
      </Paragraph>
      <ActionButton href={coverUrl(props)}>Anfrage ansehen</ActionButton>
      <CoverFacts props={props} showRequester showUrgency />
    </EmailLayout>
  );
}

CoverRequestExpired.PreviewProps = { ...sampleCoverProps, urgency: "planbar" } satisfies CoverRequestExpiredProps;
