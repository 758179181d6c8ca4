import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js: app shell, the person's last view for offline use,
 * web push) once the page has loaded, and tells it when nobody is signed in, so it forgets the
 * last view (issue 12).
 */
export function ServiceWorker({ signedIn }: { signedIn: boolean }) {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No service worker (private mode, old browser): the app works as a website.
    });
  }, []);
  useEffect(() => {
    if (signedIn || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "signed-out" })).catch(() => {});
  }, [signedIn]);
  return null;
}
