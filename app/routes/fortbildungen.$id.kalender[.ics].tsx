// /fortbildungen/:id/kalender.ics — the training's sessions as a calendar file, for whoever may
// see the training (RLS; 404 otherwise). The same builder as the confirmation mail's attachment
// (app/.server/calendar/ics.ts), with the same UIDs, so a download and a mail never add the
// sessions twice; a cancelled training's file takes them out of the calendar again.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth/session";
import { icsFilename, trainingIcs } from "~/.server/calendar/ics";
import { asUser } from "~/.server/db/request";
import { env } from "~/.server/env";
import { readSessions, readTraining } from "~/.server/trainings/detail";
import { invariantResponse } from "~/utils/invariant";
import { absoluteUrl, paths } from "~/utils/links";
import { TrainingIdSchema } from "~/validation/trainings";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  invariantResponse(TrainingIdSchema.safeParse(params.id).success, "Nicht gefunden");
  const trainingId = params.id!;
  const loaded = await asUser(user, async (tx) => {
    const training = await readTraining(tx, trainingId);
    return training ? { training, sessions: await readSessions(tx, trainingId) } : null;
  });
  invariantResponse(loaded && loaded.sessions.length > 0, "Nicht gefunden");
  const { training, sessions } = loaded;
  const body = trainingIcs({
    title: training.title,
    sessions,
    place: training.place,
    onlineUrl: training.onlineUrl,
    organizerName: training.orgName,
    organizerEmail: training.orgEmail,
    url: absoluteUrl(env().APP_URL, paths.training(training.id)),
    uid: `training-${training.id}@traegerkreis`,
    cancelled: training.status === "cancelled",
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${icsFilename(training.title)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
