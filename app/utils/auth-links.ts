// Query strings of the account pages: where to go after sign-in (redirectTo) and an email to
// prefill travel from sign-up to confirmation to sign-in (an invitation link starts the chain).
import { EmailSchema } from "~/validation/auth";

export function carryParams(redirectTo: string | null | undefined, email?: string | null): string {
  const params = new URLSearchParams();
  if (redirectTo) params.set("redirectTo", redirectTo);
  if (email) params.set("email", email);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The email from a query string if it is a valid address, else "". */
export function prefilledEmail(value: string | null | undefined): string {
  const parsed = EmailSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : "";
}
