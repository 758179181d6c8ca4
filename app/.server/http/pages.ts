// The small German pages the HTTP server answers with itself, before Remix runs (a refused body,
// a cross-origin post). Plain HTML with inline styles only (the CSP allows inline styles, not
// scripts), so they work without the app's stylesheet.

const TITLES: Record<number, { title: string; text: string }> = {
  400: {
    title: "Die Anfrage ist ungültig",
    text: "Die Adresse oder das Formular enthält Zeichen, die hier nicht erlaubt sind (z. B. Steuerzeichen). Bitte prüfen Sie Ihre Eingabe.",
  },
  403: {
    title: "Anfrage abgelehnt",
    text: "Dieses Formular wurde nicht von einer Seite des Trägerkreises abgeschickt. Bitte öffnen Sie die Seite neu und versuchen Sie es noch einmal.",
  },
  413: {
    title: "Die Eingabe ist zu groß",
    text: "Das Formular ist größer, als wir annehmen. Bitte kürzen Sie lange Texte und senden Sie es erneut.",
  },
  415: {
    title: "Dieses Format nehmen wir nicht an",
    text: "Bitte senden Sie das Formular über die Seiten des Trägerkreises.",
  },
};

export function refusalText(status: number): string {
  return TITLES[status]?.text ?? "Die Anfrage wurde abgelehnt.";
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function refusalPage(status: number): string {
  const page = TITLES[status] ?? { title: "Anfrage abgelehnt", text: refusalText(status) };
  return `<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(page.title)} – Trägerkreis</title></head>
<body style="font-family: system-ui, sans-serif; margin: 0; padding: 3rem 1rem; color: #0f172a;">
<main style="max-width: 36rem; margin: 0 auto; text-align: center;">
<p style="color: #125d56; font-weight: 600; font-size: .875rem;">Fehler ${status}</p>
<h1 style="font-size: 1.5rem;">${escapeHtml(page.title)}</h1>
<p style="color: #475569;">${escapeHtml(page.text)}</p>
<p><a href="/" style="color: #125d56; font-weight: 600;">Zur Startseite</a></p>
</main>
</body>
</html>`;
}
