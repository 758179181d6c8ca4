// Sent to each coordinator of a circle when an interested Träger writes in through the public
// page; the link leads to the list where they admit or decline it.
import { z } from "zod";
import { absoluteUrl, paths } from "../app/utils/links";
import { ActionButton, EmailLayout, Paragraph, Quote, greeting } from "./components/layout";

export const JoinRequestReceivedPropsSchema = z.object({
  networkName: z.string().min(1),
  orgName: z.string().min(1),
  contactName: z.string().min(1),
  message: z.string().nullish(),
  recipientName: z.string().nullish(),
});
export type JoinRequestReceivedProps = z.infer<typeof JoinRequestReceivedPropsSchema> & { appUrl: string };

export function subject(props: JoinRequestReceivedProps): string {
  return `Neue Interessensmeldung: ${props.orgName}`;
}

export default function JoinRequestReceived(props: JoinRequestReceivedProps) {
  const url = absoluteUrl(props.appUrl, paths.joinRequests);
  const message = props.message?.trim();
  return (
    <EmailLayout
      preview={`${props.contactName} möchte mit ${props.orgName} im Kreis mitmachen.`}
      heading="Neue Interessensmeldung"
      footer={`Sie erhalten diese E-Mail, weil Ihr Träger den Kreis „${props.networkName}“ koordiniert.`}
    >
      <Paragraph>{greeting(props.recipientName)}</Paragraph>
      <Paragraph>
        {props.contactName} möchte mit {props.orgName} im Kreis „{props.networkName}“ mitmachen.
      </Paragraph>
      {message ? (
        <>
          <Paragraph>Die Nachricht dazu:</Paragraph>
          <Quote>{message}</Quote>
        </>
      ) : null}
      <Paragraph>Sie können die Anfrage annehmen oder mit einer kurzen Nachricht ablehnen.</Paragraph>
      <ActionButton href={url}>Anfrage ansehen</ActionButton>
    </EmailLayout>
  );
}

JoinRequestReceived.PreviewProps = {
  networkName: "Kooperationskreis Wesel · Duisburg · Oberhausen",
  orgName: "Jugendhilfe Rheinberg e. V.",
  contactName: "Jana Krüger",
  message: "Wir bieten ambulante Hilfen in Rheinberg und Kamp-Lintfort an und würden gern mitmachen.",
  recipientName: "Petra Schulte",
  appUrl: "http://localhost:3000",
} satisfies JoinRequestReceivedProps;
