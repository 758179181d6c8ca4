// Trägerkreis service worker (issue 12: the installable app). What it keeps on the device:
//   - the app shell: the hashed build files under /assets/, the icons, the manifest and the
//     static offline page (no tenant data in any of them);
//   - exactly ONE page with data: the person's own last view (the last page they opened while
//     signed in), so that without a connection they see it again under the banner
//     "Keine Verbindung – Ihre letzte Ansicht". Opening another page replaces it.
// Nothing else is cached: data requests (*.data), forms, CSV/ICS/PDF downloads always go to the
// network. Signing out (here or "überall abmelden") and a page that says nobody is signed in
// delete the last view. Pushes (web push) show a notification and open the request on tap.
const VERSION = "tk-v1";
const SHELL = `${VERSION}-shell`;
const LAST_VIEW = `${VERSION}-last-view`;
const SHELL_FILES = ["/offline.html", "/manifest.webmanifest", "/favicon.svg", "/icons/icon-192.png", "/icons/icon-512.png"];
// Pages that are never kept as the last view.
const NOT_KEPT = /^\/(anmelden|abmelden|registrieren|passwort-|einladung|konto\/daten|dev\/|sozialdaten)/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => !k.startsWith(`${VERSION}-`)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function forgetLastView() {
  return caches.delete(LAST_VIEW);
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "signed-out") event.waitUntil(forgetLastView());
});

async function isSignOut(request, url) {
  if (request.method !== "POST") return false;
  if (url.pathname === "/abmelden") return true;
  if (url.pathname !== "/konto") return false;
  try {
    const form = await request.clone().formData();
    return form.get("intent") === "signout-everywhere";
  } catch {
    return false;
  }
}

/** The last view without its scripts (a still picture: nothing runs offline), under a banner. */
async function offlineView() {
  const cache = await caches.open(LAST_VIEW);
  const keys = await cache.keys();
  const last = keys.length ? await cache.match(keys[0]) : undefined;
  if (!last) return (await caches.match("/offline.html")) || new Response("Keine Verbindung – Ihre letzte Ansicht", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const savedAt = last.headers.get("x-tk-saved-at");
  const time = savedAt ? new Date(Number(savedAt)).toLocaleString("de-DE", { dateStyle: "short", timeStyle: "short" }) : "";
  const html = (await last.text())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link[^>]+rel="modulepreload"[^>]*>/gi, "")
    .replace(
      /<body([^>]*)>/i,
      `<body$1><div role="status" id="offline-banner" style="background:#fef3c7;color:#78350f;padding:.75rem 1rem;font-weight:600;border-bottom:1px solid #f59e0b">` +
        `Keine Verbindung – Ihre letzte Ansicht${time ? ` (Stand ${time})` : ""}. Sobald Sie wieder online sind, laden Sie die Seite neu.</div>`,
    );
  return new Response(html, {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    },
  });
}

async function navigate(event) {
  const { request } = event;
  const url = new URL(request.url);
  if (await isSignOut(request, url)) {
    await forgetLastView();
    return fetch(request);
  }
  try {
    const response = await fetch(request);
    const type = response.headers.get("content-type") || "";
    if (request.method === "GET" && response.ok && type.startsWith("text/html") && !NOT_KEPT.test(url.pathname)) {
      const signedIn = response.headers.get("x-tk-signed-in");
      if (signedIn === "1") {
        const body = await response.clone().text();
        const cache = await caches.open(LAST_VIEW);
        for (const key of await cache.keys()) await cache.delete(key);
        await cache.put(url.pathname + url.search, new Response(body, { headers: { "Content-Type": type, "x-tk-saved-at": String(Date.now()) } }));
      } else if (signedIn === "0") {
        await forgetLastView();
      }
    }
    return response;
  } catch (error) {
    if (request.method !== "GET") throw error;
    return offlineView();
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
    return;
  }
  if (request.method === "POST") {
    // Remix posts forms with fetch (/abmelden.data): signing out that way forgets the last view too.
    const path = url.pathname.replace(/\.data$/, "");
    if (path === "/abmelden" || path === "/konto") {
      event.respondWith(isSignOut(request, new URL(path, url)).then((out) => (out ? forgetLastView() : null)).then(() => fetch(request)));
    }
    return;
  }
  if (request.method !== "GET") return;
  // The app shell: hashed build files never change, so cache first; icons and the offline page too.
  if (url.pathname.startsWith("/assets/") || SHELL_FILES.includes(url.pathname) || url.pathname.startsWith("/icons/")) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(SHELL).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});

self.addEventListener("push", (event) => {
  let message = { title: "Trägerkreis", body: "Neues in der Vertretungsbörse", url: "/vertretungen", tag: "tk" };
  try {
    if (event.data) message = { ...message, ...event.data.json() };
  } catch {
    // A push that is not JSON still shows the default text.
  }
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      tag: message.tag,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      lang: "de",
      requireInteraction: message.urgency === "notfall",
      data: { url: message.url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || "/vertretungen", self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const win of windows) {
        if ("focus" in win) return win.navigate(target.href).then((w) => (w || win).focus());
      }
      return self.clients.openWindow(target.href);
    }),
  );
});
