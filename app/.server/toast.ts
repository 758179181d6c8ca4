// One-shot messages after a redirect ("Gespeichert."), carried in a short-lived signed cookie.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { sessionSecrets } from "./auth/cookie";
import { env } from "./env";

const ToastSchema = z.object({
  type: z.enum(["success", "error", "info"]).default("success"),
  title: z.string(),
  description: z.string().optional(),
});
export type Toast = z.infer<typeof ToastSchema>;

function toastCookie() {
  return createCookie("tk_toast", {
    httpOnly: true,
    sameSite: "lax",
    secure: env().NODE_ENV === "production",
    path: "/",
    secrets: sessionSecrets(),
    maxAge: 60,
  });
}

export async function toastHeader(toast: z.input<typeof ToastSchema>): Promise<string> {
  return toastCookie().serialize(ToastSchema.parse(toast));
}

export async function redirectWithToast(url: string, toast: z.input<typeof ToastSchema>, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastHeader(toast));
  return redirect(url, { ...init, headers });
}

/** Reads the toast (if any) and the header that clears it. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; headers: Headers }> {
  const raw = await toastCookie().parse(request.headers.get("Cookie"));
  const parsed = ToastSchema.safeParse(raw);
  const headers = new Headers();
  if (raw) headers.append("Set-Cookie", await toastCookie().serialize("", { maxAge: 0 }));
  return { toast: parsed.success ? parsed.data : null, headers };
}
