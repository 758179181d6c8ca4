import { useEffect, useState } from "react";

export type ToastData = { type: "success" | "error" | "info"; title: string; description?: string };

/** Shows the toast the server put in the flash cookie; announced politely to screen readers. */
export function Toaster({ toast }: { toast: ToastData | null }) {
  const [visible, setVisible] = useState<ToastData | null>(toast);
  useEffect(() => {
    setVisible(toast);
    if (!toast) return;
    const timer = setTimeout(() => setVisible(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);
  const tone =
    visible?.type === "error"
      ? "border-red-300 bg-red-50 text-red-900"
      : visible?.type === "info"
        ? "border-slate-300 bg-white text-slate-900"
        : "border-green-300 bg-green-50 text-green-900";
  return (
    <div aria-live="polite" role="status" className="toaster">
      {visible ? (
        <div className={`pointer-events-auto w-full max-w-md rounded-lg border p-4 shadow-lg ${tone}`}>
          <div className="flex items-start justify-between gap-4">
            <div>
              <p className="font-semibold">{visible.title}</p>
              {visible.description ? <p className="mt-1 text-sm">{visible.description}</p> : null}
            </div>
            <button type="button" onClick={() => setVisible(null)} className="-m-1 inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-base font-semibold hover:bg-black/5" aria-label="Meldung schließen">
              ✕
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
