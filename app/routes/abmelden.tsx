import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySession } from "~/.server/auth/session";
import { redirectWithToast } from "~/.server/toast";
import { paths } from "~/utils/links";

// Signing out changes state, so it is a POST (a link or prefetch must not sign anybody out).
export async function loader() {
  return redirect(paths.home);
}

export async function action({ request }: ActionFunctionArgs) {
  const clearCookie = await destroySession(request);
  return redirectWithToast(paths.home, { type: "info", title: "Sie sind abgemeldet." }, { headers: { "Set-Cookie": clearCookie } });
}
