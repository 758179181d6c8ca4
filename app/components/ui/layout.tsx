import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    // Its look: .page-header in app/tailwind.css (on every page).
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div>{actions}</div> : null}
    </div>
  );
}

export function Card({ children, className = "", as: As = "section" }: { children: ReactNode; className?: string; as?: "section" | "div" | "article" | "li" }) {
  return <As className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className}`}>{children}</As>;
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

/** A small label. `.badge` (app/tailwind.css) is the shape and the slate tone; other tones add their colours. */
export function Badge({
  children,
  tone = "slate",
  title,
}: {
  children: ReactNode;
  tone?: "slate" | "brand" | "amber" | "red" | "green";
  /** The full wording, where the badge shows a short one. */
  title?: string;
}) {
  return (
    <span className={BADGE_CLASSES[tone]} title={title}>
      {children}
    </span>
  );
}

const BADGE_CLASSES = {
  slate: "badge",
  brand: "badge badge-brand",
  amber: "badge badge-amber",
  red: "badge badge-red",
  green: "badge badge-green",
} as const;

/** A form-level message (for errors that belong to no single field). */
export function FormMessage({ errors, id }: { errors?: Array<string | null | undefined> | null; id?: string }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {list.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
