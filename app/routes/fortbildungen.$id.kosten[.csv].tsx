// /fortbildungen/:id/kosten.csv — seats and fees per Träger for the organizers (404 for others).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth/session";
import { csvResponse } from "~/.server/csv";
import { costSummaryCsv } from "~/.server/trainings/exports";
import { invariantResponse } from "~/utils/invariant";
import { TrainingIdSchema } from "~/validation/trainings";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  invariantResponse(TrainingIdSchema.safeParse(params.id).success, "Nicht gefunden");
  const file = await costSummaryCsv(user, params.id!);
  invariantResponse(file, "Nicht gefunden");
  return csvResponse(file);
}
