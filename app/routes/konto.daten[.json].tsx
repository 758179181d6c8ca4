// /konto/daten.json — everything stored about the signed-in person, machine-readable (Art. 20).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, myDataExport } from "~/.server/account/my-data";
import { requireUser } from "~/.server/auth/session";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await myDataExport(user);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("json")}"`,
      "Cache-Control": "no-store",
    },
  });
}
