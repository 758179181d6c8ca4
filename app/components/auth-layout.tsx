// The frame of the account pages (sign-in, sign-up, password): one narrow card, centred, with a
// line of links below it.
import type { ReactNode } from "react";

export function AuthLayout({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="mx-auto w-full max-w-md py-2 sm:py-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {description ? <div className="mt-2 text-slate-600">{description}</div> : null}
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">{children}</div>
      {footer ? <div className="mt-4 space-y-2 text-sm text-slate-700">{footer}</div> : null}
    </div>
  );
}

/** A plain inline link in the app's style. */
export const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

/** A success/info box inside a card (the mail was sent, the address is confirmed). */
export function Notice({ tone = "success", children }: { tone?: "success" | "info" | "error"; children: ReactNode }) {
  const tones = {
    success: "border-green-200 bg-green-50 text-green-900",
    info: "border-slate-200 bg-slate-50 text-slate-800",
    error: "border-red-200 bg-red-50 text-red-900",
  } as const;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border p-3 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}
