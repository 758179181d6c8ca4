// Sent after sign-up: the link confirms the address and opens the account.
import { z } from "zod";
import { absoluteUrl, paths } from "../app/utils/links";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";

export const ConfirmEmailPropsSchema = z.object({
  token: z.string().min(1),
  name: z.string().nullish(),
});
export type ConfirmEmailProps = z.infer<typeof ConfirmEmailPropsSchema> & { appUrl: string };

export function subject(_props: ConfirmEmailProps): string {
  return "Bitte bestätigen Sie Ihre E-Mail-Adresse";
}

export default function ConfirmEmail(props: ConfirmEmailProps) {
  const url = absoluteUrl(props.appUrl, paths.confirmEmail(props.token));
  return (
    <EmailLayout
      preview="Ein Klick, und Ihr Zugang zum Trägerkreis ist bereit."
      heading="Willkommen beim Trägerkreis"
      footer="Sie erhalten diese E-Mail, weil sich jemand mit dieser Adresse beim Trägerkreis registriert hat. Waren Sie das nicht, können Sie die E-Mail einfach löschen – ohne Bestätigung wird kein Zugang angelegt."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        schön, dass Sie dabei sind. Bitte bestätigen Sie noch Ihre E-Mail-Adresse, dann können Sie sich anmelden.
      </Paragraph>
      <ActionButton href={url}>E-Mail-Adresse bestätigen</ActionButton>
    </EmailLayout>
  );
}

ConfirmEmail.PreviewProps = { token: "beispiel-token", name: "Anna Berger", appUrl: "http://localhost:3000" } satisfies ConfirmEmailProps;
