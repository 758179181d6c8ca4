// Impressum, Datenschutz and Hilfe are linked from the footer of every page — public,
// signed-in, error pages — and open without signing in; on a phone too (@phone).
import { test, expect, demo } from "./fixtures";

const publicPages = ["/anmelden", "/registrieren", `/k/${demo.circleSlug}`, "/passwort-vergessen", "/gibt-es-nicht"];
const signedInPages = ["/", "/vertretungen", "/fortbildungen", "/traeger", "/konto", "/benachrichtigungen", "/traeger/du-und-ich"];

test("every page's footer links Impressum, Datenschutz and Hilfe @phone", async ({ page, login, checkA11y }) => {
  // Many pages, several with an axe check (2–5 s each on this 2-core machine, more under load).
  test.setTimeout(90_000);
  const footerLinks = async (path: string) => {
    await page.goto(path);
    const footer = page.getByRole("navigation", { name: "Rechtliches und Hilfe" });
    for (const name of ["Impressum", "Datenschutz", "Hilfe"]) {
      await expect(footer.getByRole("link", { name }), `${path}: ${name}`).toBeVisible();
    }
    // The production build shows no dev mailbox link.
    await expect(footer.getByRole("link", { name: /Dev-Postfach/ })).toHaveCount(0);
  };
  for (const path of publicPages) await footerLinks(path);

  await page.goto("/anmelden");
  await page.getByRole("navigation", { name: "Rechtliches und Hilfe" }).getByRole("link", { name: "Impressum" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Impressum" })).toBeVisible();
  await expect(page.getByText("§ 5 Digitale-Dienste-Gesetz")).toBeVisible();
  await checkA11y();
  await page.getByRole("navigation", { name: "Rechtliches und Hilfe" }).getByRole("link", { name: "Datenschutz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Datenschutzerklärung" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Keine Daten von Klient:innen" })).toBeVisible();
  await expect(page.getByText("Resend (Resend, Inc., USA) als Auftragsverarbeiter")).toBeVisible();
  await checkA11y();
  await page.getByRole("navigation", { name: "Rechtliches und Hilfe" }).getByRole("link", { name: "Hilfe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hilfe" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sozialdaten: was nicht hineingehört" })).toBeVisible();
  await checkA11y();

  await login(demo.member("du-und-ich"));
  for (const path of signedInPages) await footerLinks(path);
});
