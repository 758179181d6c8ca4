import { forwardRef } from "react";
import type { LinkProps } from "@remix-run/react";
import { Link } from "~/components/link";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/** `.btn` and `.btn-<variant>` (app/tailwind.css); utilities in `extra` win over them. */
export function buttonClass(variant: Variant = "primary", extra = "") {
  return `btn btn-${variant} ${extra}`.trim();
}

export const Button = forwardRef<
  HTMLButtonElement,
  React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }
>(function Button({ variant = "primary", className = "", type = "submit", ...props }, ref) {
  return <button ref={ref} type={type} className={buttonClass(variant, className)} {...props} />;
});

export function ButtonLink({ variant = "primary", className = "", ...props }: LinkProps & { variant?: Variant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
