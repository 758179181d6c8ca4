// The honeypot of the public forms: a text field hidden from people that naive bots fill in. The
// action checks it with `caughtByHoneypot` (utils/honeypot.ts), which knows the same name.
import { HONEYPOT_FIELD } from "~/utils/honeypot";

export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label>
        Bitte leer lassen
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
