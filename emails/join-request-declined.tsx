// Sent to the contact of an interested Träger when the circle's coordinators decline the
// request, with their message if they wrote one.
import { z } from "zod";
import { EmailLayout, Paragraph, Quote, greeting } from "./components/layout";

export const JoinRequestDeclinedPropsSchema = z.object({
  networkName: z.string().min(1),
  orgName: z.string().min(1),
  contactName: z.string().nullish(),
  message: z.string().nullish(),
});
export type JoinRequestDeclinedProps = z.infer<typeof JoinRequestDeclinedPropsSchema> & { appUrl: string };

export function subject(props: JoinRequestDeclinedProps): string {
  return `Ihre Anfrage an den Kreis „${props.networkName}“`;
}

export default function JoinRequestDeclined(props: JoinRequestDeclinedProps) {
  const message = props.message?.trim();
  return (
    <EmailLayout
      preview={`Antwort des Kreises „${props.networkName}“ auf Ihre Anfrage für ${props.orgName}.`}
      heading="Antwort auf Ihre Anfrage"
      footer={`Sie erhalten diese E-Mail, weil Sie über die Seite des Kreises „${props.networkName}“ Interesse für ${props.orgName} gemeldet haben.`}
    >
      <Paragraph>{greeting(props.contactName)}</Paragraph>
      <Paragraph>
        vielen Dank für Ihr Interesse am Kreis „{props.networkName}“. Die Koordination des Kreises hat entschieden, {props.orgName}{" "}
        im Moment nicht aufzunehmen.
      </Paragraph>
      {message ? (
        <>
          <Paragraph>Die Koordination schreibt dazu:</Paragraph>
          <Quote>{message}</Quote>
        </>
      ) : null}
      <Paragraph>Wir wünschen Ihnen und {props.orgName} alles Gute.</Paragraph>
    </EmailLayout>
  );
}

JoinRequestDeclined.PreviewProps = {
  networkName: "Kooperationskreis Wesel · Duisburg · Oberhausen",
  orgName: "Jugendhilfe Rheinberg e. V.",
  contactName: "Jana Krüger",
  message: "Der Kreis arbeitet bisher nur in Kreis Wesel, Duisburg und Oberhausen.",
  appUrl: "http://localhost:3000",
} satisfies JoinRequestDeclinedProps;
