// /konto/daten.html — the same export as a readable page (Art. 15), to read, print or keep.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportFileName, myDataExport, myDataHtml } from "~/.server/account/my-data";
import { requireUser } from "~/.server/auth/session";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await myDataExport(user);
  return new Response(myDataHtml(data), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("html")}"`,
      "Cache-Control": "no-store",
    },
  });
}
