import { z } from "zod";

/** "Erneut senden" on /unzustellbare-mails. */
export const RequeueMailSchema = z.object({
  intent: z.literal("requeue"),
  id: z.string().regex(/^\d{1,18}$/, "Unbekannte E-Mail."),
});
