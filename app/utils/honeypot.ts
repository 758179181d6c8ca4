// The honeypot of the public forms (sign-up, "Interesse melden", password reset, resend
// confirmation): a text field hidden from people (components/ui/honeypot.tsx) that naive
// bots fill in. One name and one check, so no form can get the condition the wrong way round.
export const HONEYPOT_FIELD = "website_url";

/** True when the hidden field came back filled in: a bot. Answer as for a person, write nothing. */
export function caughtByHoneypot(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return value !== null && value !== "";
}
