// The CSP nonce of the response being rendered (set in entry.server from the load context), for
// Remix's inline scripts: <Scripts nonce>, <ScrollRestoration nonce>. Empty in the browser, which
// hides nonces from the DOM anyway.
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
