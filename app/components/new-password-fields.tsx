// A new password and its repetition (sign-up, password reset, account): the same hint and the
// autocomplete that lets password managers offer a strong one.
import { Field, type AnyField } from "~/components/ui/field";
import { NEW_PASSWORD_HINT } from "~/i18n/auth";

export function NewPasswordFields({
  password,
  confirm,
  label = "Neues Passwort",
}: {
  password: AnyField;
  confirm: AnyField;
  /** "Passwort" where the account is new; the repetition is "<label> wiederholen". */
  label?: string;
}) {
  return (
    <>
      <Field label={label} hint={NEW_PASSWORD_HINT} field={password} type="password" inputProps={{ autoComplete: "new-password" }} />
      <Field label={`${label} wiederholen`} field={confirm} type="password" inputProps={{ autoComplete: "new-password" }} />
    </>
  );
}
