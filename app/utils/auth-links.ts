// Query strings of the account pages: where to go after sign-in (redirectTo) and an email to
// prefill travel from sign-up to confirmation to sign-in (an invitation link starts the chain).
// Without zod (pages import it): prefilledEmail, which reads such an email, is in app/validation/auth.ts.

export function carryParams(redirectTo: string | null | undefined, email?: string | null): string {
  const params = new URLSearchParams();
  if (redirectTo) params.set("redirectTo", redirectTo);
  if (email) params.set("email", email);
  const query = params.toString();
  return query ? `?${query}` : "";
}
