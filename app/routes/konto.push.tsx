// Push settings of /konto (issue 12): this device's subscription (posted as form fields by the
// browser after PushManager.subscribe), the preferences, removing a device, and answering the
// "Push einschalten?" prompt after the first Notfall. Form posts only (the HTTP entry refuses
// JSON bodies); every answer is JSON for the fetcher, or a redirect for plain forms.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { requireUser } from "~/.server/auth/session";
import {
  PushPreferencesSchema,
  answerPushPrompt,
  revokePushDevice,
  savePushPreferences,
  savePushSubscription,
} from "~/.server/push/subscriptions";
import { redirectWithToast } from "~/.server/toast";
import { paths } from "~/utils/links";

export async function loader() {
  return redirect(paths.account);
}

function field(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "subscribe") {
    const result = await savePushSubscription(user, {
      endpoint: field(formData, "endpoint"),
      keys: { p256dh: field(formData, "p256dh"), auth: field(formData, "auth") },
      label: field(formData, "label") || undefined,
    });
    if (result.ok) await answerPushPrompt(user);
    return Response.json({ intent, ...result }, { status: result.ok ? 200 : 400 });
  }

  if (intent === "preferences") {
    const submission = parseWithZod(formData, { schema: PushPreferencesSchema });
    if (submission.status !== "success") {
      const message = Object.values(submission.error ?? {}).flat().find(Boolean) ?? "Bitte prüfen Sie Ihre Eingaben.";
      return redirectWithToast(`${paths.account}#push`, { type: "error", title: "Nicht gespeichert", description: message });
    }
    await savePushPreferences(user, submission.value);
    return redirectWithToast(`${paths.account}#push`, { title: "Ihre Push-Einstellungen sind gespeichert." });
  }

  if (intent === "revoke") {
    const removed = await revokePushDevice(user, field(formData, "deviceId") ?? "");
    return redirectWithToast(
      `${paths.account}#push`,
      removed
        ? { title: "Das Gerät bekommt keine Push-Benachrichtigungen mehr." }
        : { type: "info", title: "Dieses Gerät war schon entfernt." },
    );
  }

  if (intent === "prompt-later") {
    await answerPushPrompt(user);
    return Response.json({ intent, ok: true });
  }

  throw new Response("Diese Aktion gibt es hier nicht.", { status: 400 });
}
