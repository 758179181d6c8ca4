// Kooperationstreffen in a real browser: a meeting's minutes with the
// Sozialdaten warning, circulation and approval; the decision in the register and the action item
// on the owner's dashboard; a date poll voted by two Träger and closed into a meeting whose agenda
// carries the open action items; a guest through the public page; RSVPs and a topic proposal
// accepted by the host; the invitation's calendar file in Berlin time, and the update with the
// same UID and a higher SEQUENCE.
import type { Page } from "@playwright/test";
import { test, expect, demo } from "./fixtures";
import { shot } from "./flows";

const host = demo.coordinator("freiraumwohnung"); // coordinates the circle
const protokollant = demo.member("kiz-niederrhein");
const memberB = demo.member("du-und-ich");

/** "YYYY-MM-DD" of the Berlin day `days` from now. */
function berlinDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(
    new Date(Date.now() + days * 86400_000),
  );
}

/** The next Wednesday at least `days` ahead (Berlin). */
function wednesdayAfter(days: number): string {
  for (let d = days; d < days + 7; d++) {
    const day = berlinDay(d);
    if (new Date(`${day}T12:00:00Z`).getUTCDay() === 3) return day;
  }
  throw new Error("no Wednesday");
}

async function switchTo(
  page: Page,
  account: { email: string; password: string },
) {
  await page.context().clearCookies();
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(account.email);
  await page.getByLabel("Passwort", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
}

async function planMeeting(
  page: Page,
  fields: { title: string; date: string; start: string; end: string },
) {
  await page.goto("/treffen/neu");
  await page.getByLabel("Titel", { exact: true }).fill(fields.title);
  await page.getByLabel("Datum", { exact: true }).fill(fields.date);
  await page.getByLabel("Beginn", { exact: true }).fill(fields.start);
  await page.getByLabel("Ende", { exact: true }).fill(fields.end);
  await page.getByLabel("Ort (Adresse)").fill("Mittelstraße 21");
  await page.getByLabel("Gemeinde", { exact: true }).selectOption("schermbeck");
  await page
    .getByRole("button", { name: "Treffen anlegen und einladen" })
    .click();
  await page.waitForURL(/\/treffen\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

test("a meeting from proposal to approved minutes, a date poll into the next meeting, guests and the calendar file", async ({
  page,
  mails,
  checkA11y,
}, testInfo) => {
  test.setTimeout(300_000);
  // The meeting whose minutes are written: it begins shortly after midnight (the minutes open a
  // day before the start), so the test needs no clock games.
  await switchTo(page, host);
  const meetingId = await planMeeting(page, {
    title: "Arbeitstreffen Fachtag",
    date: berlinDay(1),
    start: "00:05",
    end: "01:00",
  });
  await expect(
    page.getByRole("heading", { name: "Arbeitstreffen Fachtag" }),
  ).toBeVisible();

  // A member of another Träger proposes a topic; the host accepts it into slot 1.
  await switchTo(page, memberB);
  await page.goto(`/treffen/${meetingId}`);
  // The proposal form is open for members while there are no proposals.
  await page.getByLabel("Thema", { exact: true }).fill("Gemeinsamer Fachtag");
  await page.getByRole("button", { name: "Thema vorschlagen" }).click();
  await expect(page.getByText("wartet auf die Gastgeber")).toBeVisible();
  // Members RSVP.
  await page.getByLabel("Zusage", { exact: true }).check();
  await page.getByRole("button", { name: "Rückmeldung speichern" }).click();
  await expect(page.getByTestId("rsvp-line")).toContainText(
    "1 Zusage aus 1 Träger",
  );
  await switchTo(page, protokollant);
  await page.goto(`/treffen/${meetingId}`);
  await page.getByLabel("Zusage", { exact: true }).check();
  await page.getByRole("button", { name: "Rückmeldung speichern" }).click();
  await expect(page.getByTestId("rsvp-line")).toContainText(
    "2 Zusagen aus 2 Trägern · 0 vielleicht · 0 Absagen",
  );
  // Other Träger see counts and Träger, not names.
  await expect(page.getByText("Otto")).toHaveCount(0);

  await switchTo(page, host);
  await page.goto(`/treffen/${meetingId}`);
  const proposal = page
    .getByRole("listitem")
    .filter({ hasText: "Gemeinsamer Fachtag" });
  await proposal.getByLabel("Position", { exact: true }).fill("1");
  await proposal.getByLabel("Minuten", { exact: true }).fill("30");
  await proposal.getByRole("button", { name: "Auf die Tagesordnung" }).click();
  await expect(
    page
      .locator("#tagesordnung")
      .getByRole("heading", { name: "Gemeinsamer Fachtag" }),
  ).toBeVisible();
  await checkA11y();
  await shot(page, testInfo, "treffen-seite");

  // The host names the Protokollant; the Protokollant writes the minutes.
  await page.goto(`/treffen/${meetingId}/protokoll`);
  await page
    .getByLabel("Protokollant:in")
    .selectOption({ label: "Paweł Nowak (KIZ Niederrhein)" });
  await page.getByRole("button", { name: "Festlegen" }).click();
  // Leaving before the choice is saved would abort it.
  await expect(page.getByText("Protokollant:in festgelegt.")).toBeVisible();
  await switchTo(page, protokollant);
  await page.goto(`/treffen/${meetingId}/protokoll`);
  const notes = page.getByLabel("Verlauf / Ergebnis").first();
  await notes.fill(
    "Fallbesprechung zu Kevin Müller, geb. 03.04.2012, Hauptstraße 5 in Wesel.",
  );
  await page
    .getByLabel("Beschlüsse (einer pro Zeile)")
    .first()
    .fill("Der Kreis richtet am 1. März einen gemeinsamen Fachtag aus.");
  await page.getByLabel("Aufgabe 1").first().fill("Fachtag planen");
  await page
    .getByLabel("Verantwortlicher Träger")
    .first()
    .selectOption({ label: "Du & Ich e. V." });
  await page.getByRole("button", { name: "Fassung speichern" }).click();
  // A date of birth and an address are refused outright: no confirmation is offered.
  await expect(
    page.getByText("Das Protokoll enthält Angaben, die nicht gespeichert werden können"),
  ).toBeVisible();
  await expect(
    page.getByText("Das Protokoll lesen andere Träger.").first(),
  ).toBeVisible();
  await expect(page.getByLabel(/Ich habe die markierten Stellen geprüft/)).toHaveCount(0);
  await checkA11y();
  await shot(page, testInfo, "protokoll-sozialdaten");
  await page
    .getByLabel("Verlauf / Ergebnis")
    .first()
    .fill(
      "Anonymisierte Fallberatung: Jugendlicher (14–16 J.), § 34; Anregungen gesammelt.",
    );
  await page.getByRole("button", { name: "Fassung speichern" }).click();
  await expect(page.getByText("Protokoll gespeichert.")).toBeVisible();
  await page
    .getByRole("button", { name: /zur Durchsicht verschicken/ })
    .click();
  await expect(page.getByText("Zur Durchsicht verschickt")).toBeVisible();

  await switchTo(page, host);
  await page.goto(`/treffen/${meetingId}/protokoll`);
  await page.getByRole("button", { name: "Protokoll genehmigen" }).click();
  await expect(page.getByText("Genehmigt", { exact: true })).toBeVisible();
  await page.goto("/treffen/beschluesse?q=Fachtag");
  await expect(
    page.getByText(
      "Der Kreis richtet am 1. März einen gemeinsamen Fachtag aus.",
    ),
  ).toBeVisible();
  await checkA11y();

  // The action item is on the owner Träger's dashboard.
  await switchTo(page, memberB);
  await page.goto("/");
  await expect(page.getByTestId("dashboard-action-items")).toContainText(
    "Fachtag planen",
  );

  // A date poll: two members of different Träger vote, the host closes it into a meeting.
  const first = wednesdayAfter(40);
  const second = wednesdayAfter(47);
  await switchTo(page, host);
  await page.goto("/treffen/umfragen/neu");
  await page
    .getByLabel("Titel", { exact: true })
    .fill("Kooperationstreffen Frühjahr");
  await page.getByLabel("Ort (Adresse)").fill("Mittelstraße 21, Schermbeck");
  await page.getByLabel("Datum 1", { exact: true }).fill(first);
  await page.getByLabel("Beginn 1", { exact: true }).fill("15:00");
  await page.getByLabel("Datum 2", { exact: true }).fill(second);
  await page.getByLabel("Beginn 2", { exact: true }).fill("15:00");
  await page.getByRole("button", { name: "Umfrage starten" }).click();
  await page.waitForURL(/\/treffen\/umfragen\/[0-9a-f-]{36}$/);
  const pollUrl = page.url();
  for (const voter of [protokollant, memberB]) {
    await switchTo(page, voter);
    await page.goto(pollUrl);
    await page.locator('input[name^="vote_"][value="ja"]').nth(0).check();
    await page
      .locator(
        `input[name^="vote_"][value="${voter === memberB ? "nein" : "wenn_noetig"}"]`,
      )
      .nth(1)
      .check();
    await page.getByRole("button", { name: "Abstimmen" }).click();
    await expect(page.getByText("Stimme gespeichert.")).toBeVisible();
  }
  await switchTo(page, host);
  await page.goto(pollUrl);
  await expect(page.getByText(/Wer hat wie abgestimmt \(2\)/)).toBeVisible();
  await page.locator("input[name=optionId]").first().check();
  await page
    .getByRole("button", { name: "Termin festlegen und einladen" })
    .click();
  await page.waitForURL(/\/treffen\/[0-9a-f-]{36}$/);
  const nextId = page.url().split("/").pop()!;
  await expect(
    page.getByRole("heading", { name: "Offene Aufgaben" }),
  ).toBeVisible();
  await expect(page.locator("#tagesordnung")).toContainText("Fachtag planen");

  // The invitation's calendar file: Berlin time, stable UID; an update keeps the UID and raises SEQUENCE.
  const invitation = await mails.waitFor({
    to: protokollant.email,
    subject: "Einladung: Kooperationstreffen Frühjahr",
  });
  const ics = invitation.attachments[0]!.text;
  expect(ics).toContain("METHOD:REQUEST");
  expect(ics).toContain(`UID:meeting-${nextId}@traegerkreis`);
  expect(ics).toContain(
    `DTSTART;TZID=Europe/Berlin:${first.replace(/-/g, "")}T150000`,
  );
  expect(ics).toContain("BEGIN:VTIMEZONE");
  expect(ics).toMatch(/SEQUENCE:0\r\n/);
  const download = await page.request.get(`/treffen/${nextId}/kalender.ics`);
  expect(await download.text()).toContain(`UID:meeting-${nextId}@traegerkreis`);
  await page.goto(`/treffen/${nextId}/bearbeiten`);
  await page.getByLabel("Beginn", { exact: true }).fill("16:00");
  await page.getByLabel("Ende", { exact: true }).fill("18:00");
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.waitForURL(new RegExp(`/treffen/${nextId}$`));
  const update = await mails.waitFor({
    to: protokollant.email,
    subject: "Geändert: Kooperationstreffen Frühjahr",
  });
  const updated = update.attachments[0]!.text;
  expect(updated).toContain(`UID:meeting-${nextId}@traegerkreis`);
  expect(updated).toMatch(/SEQUENCE:1\r\n/);
  expect(updated).toContain(
    `DTSTART;TZID=Europe/Berlin:${first.replace(/-/g, "")}T160000`,
  );

  // A guest registers through the circle's public page (no account).
  await page.context().clearCookies();
  await page.goto(`/k/${demo.circleSlug}`);
  await expect(
    page.getByText("Interessierte Träger sind willkommen."),
  ).toBeVisible();
  await page.getByRole("link", { name: "Als Gast anmelden" }).click();
  await page.getByLabel("Ihr Name").fill("Gesa Gast");
  await page.getByLabel("Träger / Einrichtung").fill("Jugendhilfe Hamminkeln");
  await page.getByLabel("E-Mail-Adresse").fill("gesa.gast@e2e.example");
  await page.getByRole("button", { name: "Als Gast anmelden" }).click();
  await expect(
    page.getByText("Danke! Sie sind angemeldet.").first(),
  ).toBeVisible();
  const confirmation = await mails.waitFor({
    to: "gesa.gast@e2e.example",
    subject: "Anmeldung bestätigt",
  });
  await page.goto(mails.link(confirmation, "/treffen/gast/"));
  await expect(page.getByText("Gesa Gast")).toBeVisible();
  await checkA11y();
});

test("the meeting list and a meeting page on a phone @phone", async ({
  page,
  login,
  checkA11y,
}, testInfo) => {
  await login(demo.member("kiz-niederrhein"));
  await page.goto("/treffen?ansicht=vergangen");
  await page.getByRole("link", { name: "Kooperationstreffen" }).first().click();
  await expect(
    page.getByRole("heading", { name: "Tagesordnung" }),
  ).toBeVisible();
  await checkA11y();
  await shot(page, testInfo, "treffen-gehalten");
  await page.goto("/treffen");
  await checkA11y();
  await shot(page, testInfo, "treffen-liste");
  await page.goto("/treffen/beschluesse");
  await expect(page.getByText(/Beschluss Nr\. 3/)).toBeVisible();
  await checkA11y();
});
