// /fortbildungen/:id/bescheinigung.pdf — the Teilnahmebescheinigung of the signed-in person, once
// attendance in at least one session is recorded. Everyone else (no registration, not attended,
// or the training hidden) gets a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/.server/auth/session";
import { certificateData, certificatePdf } from "~/.server/trainings/certificate";
import { fileSlug } from "~/.server/trainings/exports";
import { invariantResponse } from "~/utils/invariant";
import { TrainingIdSchema } from "~/validation/trainings";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  invariantResponse(TrainingIdSchema.safeParse(params.id).success, "Nicht gefunden");
  const data = await certificateData(user, params.id!);
  invariantResponse(data, "Nicht gefunden");
  const bytes = await certificatePdf(data);
  const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return new Response(body, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="teilnahmebescheinigung-${fileSlug(data.title)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
