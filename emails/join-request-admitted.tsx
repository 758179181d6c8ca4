// Sent to the contact of an interested Träger when the circle's coordinators admit it: the
// Träger now exists in the circle, and this person is invited to become its owner.
import { z } from "zod";
import { absoluteUrl, paths } from "../app/utils/links";
import { ActionButton, EmailLayout, Paragraph, formatDate, greeting } from "./components/layout";
import { InvitationPropsSchema } from "./invitation";

export const JoinRequestAdmittedPropsSchema = InvitationPropsSchema.extend({
  networkName: z.string().min(1),
  contactName: z.string().nullish(),
});
export type JoinRequestAdmittedProps = z.infer<typeof JoinRequestAdmittedPropsSchema> & { appUrl: string };

export function subject(props: JoinRequestAdmittedProps): string {
  return `Willkommen im Kreis „${props.networkName}“`;
}

export default function JoinRequestAdmitted(props: JoinRequestAdmittedProps) {
  const url = absoluteUrl(props.appUrl, paths.invitation(props.token));
  return (
    <EmailLayout
      preview={`${props.orgName} gehört jetzt zum Kreis „${props.networkName}“.`}
      heading={`${props.orgName} ist jetzt dabei`}
      footer={`Sie erhalten diese E-Mail, weil Sie über die Seite des Kreises „${props.networkName}“ Interesse für ${props.orgName} gemeldet haben.`}
    >
      <Paragraph>{greeting(props.contactName)}</Paragraph>
      <Paragraph>
        gute Nachrichten: Der Kreis „{props.networkName}“ hat Ihre Anfrage angenommen. {props.orgName} gehört
        jetzt dazu.
      </Paragraph>
      <Paragraph>
        Damit Sie das Profil Ihres Trägers pflegen und Kolleg:innen einladen können, laden wir Sie als Inhaber:in
        von {props.orgName} ein. Über den Link nehmen Sie die Einladung an; haben Sie noch keinen Zugang, legen Sie
        ihn dabei an. Die Einladung gilt bis zum {formatDate(props.expiresAt)}.
      </Paragraph>
      <ActionButton href={url}>Einladung annehmen</ActionButton>
    </EmailLayout>
  );
}

JoinRequestAdmitted.PreviewProps = {
  token: "beispiel-token",
  orgName: "Jugendhilfe Rheinberg e. V.",
  role: "owner",
  inviterName: "Petra Schulte",
  expiresAt: new Date("2026-12-02T12:00:00Z"),
  networkName: "Kooperationskreis Wesel · Duisburg · Oberhausen",
  contactName: "Jana Krüger",
  appUrl: "http://localhost:3000",
} satisfies JoinRequestAdmittedProps;
