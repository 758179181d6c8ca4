// The loader of the pages one enters by (sign-in, sign-up): only for visitors who are not signed
// in; the query may carry where to go afterwards and an email to prefill (utils/auth-links.ts).
import { getZodConstraint } from "@conform-to/zod/v4";
import type { z } from "zod";
import { requireAnonymous, safeRedirect } from "~/.server/auth/session";
import { prefilledEmail } from "~/validation/auth";

export async function anonymousEntry(request: Request, schema: z.ZodType) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    email: prefilledEmail(url.searchParams.get("email")),
    constraint: getZodConstraint(schema),
  };
}
