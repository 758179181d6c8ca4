// Sent from "Passwort vergessen": the link leads to the form for a new password.
import { z } from "zod";
import { absoluteUrl, paths } from "../app/utils/links";
import { ActionButton, EmailLayout, Paragraph, greeting } from "./components/layout";

export const ResetPasswordPropsSchema = z.object({
  token: z.string().min(1),
  name: z.string().nullish(),
});
export type ResetPasswordProps = z.infer<typeof ResetPasswordPropsSchema> & { appUrl: string };

export function subject(_props: ResetPasswordProps): string {
  return "Neues Passwort für den Trägerkreis";
}

export default function ResetPassword(props: ResetPasswordProps) {
  const url = absoluteUrl(props.appUrl, paths.resetPassword(props.token));
  return (
    <EmailLayout
      preview="Mit diesem Link vergeben Sie ein neues Passwort."
      heading="Neues Passwort vergeben"
      footer="Sie erhalten diese E-Mail, weil für Ihre Adresse ein neues Passwort angefordert wurde. Waren Sie das nicht, können Sie die E-Mail löschen – Ihr bisheriges Passwort bleibt gültig."
    >
      <Paragraph>{greeting(props.name)}</Paragraph>
      <Paragraph>
        Sie möchten ein neues Passwort für den Trägerkreis vergeben. Über den folgenden Link geht das in
        wenigen Schritten. Der Link gilt nur kurze Zeit und lässt sich einmal verwenden.
      </Paragraph>
      <ActionButton href={url}>Neues Passwort vergeben</ActionButton>
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = { token: "beispiel-token", name: "Anna Berger", appUrl: "http://localhost:3000" } satisfies ResetPasswordProps;
