// Sent when a Träger's admin invites a colleague: the link shows the invitation, which the
// colleague accepts after signing in or signing up.
import { z } from "zod";
import { ROLE_LABELS } from "../app/i18n/labels";
import { absoluteUrl, paths } from "../app/utils/links";
import { ActionButton, EmailLayout, Paragraph, formatDate } from "./components/layout";

export const InvitationPropsSchema = z.object({
  token: z.string().min(1),
  orgName: z.string().min(1),
  role: z.enum(["owner", "admin", "coordinator", "member"]),
  inviterName: z.string().nullish(),
  expiresAt: z.coerce.date(),
});
export type InvitationProps = z.infer<typeof InvitationPropsSchema> & { appUrl: string };

export function subject(props: InvitationProps): string {
  return `Einladung: ${props.orgName} im Trägerkreis`;
}

export default function Invitation(props: InvitationProps) {
  const url = absoluteUrl(props.appUrl, paths.invitation(props.token));
  const inviter = props.inviterName?.trim();
  return (
    <EmailLayout
      preview={`Sie sind als ${ROLE_LABELS[props.role]} bei ${props.orgName} eingeladen.`}
      heading={`Einladung zu ${props.orgName}`}
      footer="Sie erhalten diese E-Mail, weil jemand Sie in einen Träger im Trägerkreis eingeladen hat. Möchten Sie nicht mitmachen, können Sie die E-Mail einfach löschen."
    >
      <Paragraph>Guten Tag,</Paragraph>
      <Paragraph>
        {inviter ? `${inviter} lädt Sie ein` : "Sie sind eingeladen"}, im Trägerkreis bei {props.orgName} mitzuarbeiten – als{" "}
        {ROLE_LABELS[props.role]}.
      </Paragraph>
      <Paragraph>
        Über den Link nehmen Sie die Einladung an. Haben Sie noch keinen Zugang, legen Sie ihn dabei an. Die
        Einladung gilt bis zum {formatDate(props.expiresAt)}.
      </Paragraph>
      <ActionButton href={url}>Einladung ansehen</ActionButton>
    </EmailLayout>
  );
}

Invitation.PreviewProps = {
  token: "beispiel-token",
  orgName: "KIZ Niederrhein",
  role: "coordinator",
  inviterName: "Petra Schulte",
  expiresAt: new Date("2026-12-02T12:00:00Z"),
  appUrl: "http://localhost:3000",
} satisfies InvitationProps;
