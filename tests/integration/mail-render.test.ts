import { describe, expect, it } from "vitest";
import { MailRenderError, mailTemplates, renderMail } from "~/.server/mail/render";
import { extractLink } from "../helpers/fake-resend";

const appUrl = "https://traegerkreis.example";
const expiresAt = "2026-12-02T15:00:00.123456+00:00"; // as jsonb_build_object writes a timestamptz

const cases = [
  {
    template: "confirm-email",
    props: { token: "tok-confirm", name: "Anna Berger" },
    subject: "Bitte bestätigen Sie Ihre E-Mail-Adresse",
    link: `${appUrl}/registrieren/bestaetigen?token=tok-confirm`,
    says: ["Guten Tag Anna Berger,", "E-Mail-Adresse bestätigen"],
  },
  {
    template: "reset-password",
    props: { token: "tok-reset", name: "Anna Berger" },
    subject: "Neues Passwort für den Trägerkreis",
    link: `${appUrl}/passwort-zuruecksetzen?token=tok-reset`,
    says: ["Neues Passwort vergeben", "bisheriges Passwort bleibt gültig"],
  },
  {
    template: "invitation",
    props: { token: "tok-invite", orgName: "KIZ Niederrhein", role: "coordinator", inviterName: "Petra Schulte", expiresAt },
    subject: "Einladung: KIZ Niederrhein im Trägerkreis",
    link: `${appUrl}/einladung/tok-invite`,
    says: ["Petra Schulte lädt Sie ein", "Koordinator:in", "2. Dezember 2026"],
  },
  {
    template: "join-request-admitted",
    props: {
      token: "tok-admitted",
      orgName: "Jugendhilfe Rheinberg e. V.",
      role: "owner",
      inviterName: null,
      expiresAt,
      networkName: "Kooperationskreis Wesel",
      contactName: "Jana Krüger",
    },
    subject: "Willkommen im Kreis „Kooperationskreis Wesel“",
    link: `${appUrl}/einladung/tok-admitted`,
    says: ["Guten Tag Jana Krüger,", "hat Ihre Anfrage angenommen", "Inhaber:in"],
  },
  {
    template: "join-request-declined",
    props: {
      networkName: "Kooperationskreis Wesel",
      orgName: "Jugendhilfe Rheinberg e. V.",
      contactName: "Jana Krüger",
      message: "Wir arbeiten nur im Kreis Wesel.\nMelden Sie sich gern später wieder.",
    },
    subject: "Ihre Anfrage an den Kreis „Kooperationskreis Wesel“",
    link: null,
    says: ["nicht aufzunehmen", "Wir arbeiten nur im Kreis Wesel.\nMelden Sie sich gern später wieder."],
  },
  {
    template: "join-request-received",
    props: {
      networkName: "Kooperationskreis Wesel",
      orgName: "Jugendhilfe Rheinberg e. V.",
      contactName: "Jana Krüger",
      message: "Wir möchten mitmachen.",
      recipientName: "Petra Schulte",
    },
    subject: "Neue Interessensmeldung: Jugendhilfe Rheinberg e. V.",
    link: `${appUrl}/kreis/anfragen`,
    says: ["Guten Tag Petra Schulte,", "Jana Krüger möchte mit Jugendhilfe Rheinberg e. V. im Kreis", "Wir möchten mitmachen."],
  },
  {
    // The circle's notices to a Träger's owners and admins (admitted with its existing
    // profile, removed with a reason, coordination handed over), composed in SQL.
    template: "circle-notice",
    props: {
      subject: "Jugendhilfe Rheinberg e. V. gehört nicht mehr zum Kreis „Kooperationskreis Wesel“",
      heading: "Nicht mehr im Kreis",
      recipientName: "Jana Krüger",
      paragraphs: ["die Koordination hat Jugendhilfe Rheinberg e. V. aus dem Kreis entfernt. Sie schreibt dazu:"],
      quote: "Seit einem Jahr nicht mehr aktiv.\nMelden Sie sich gern wieder.",
      linkPath: "/traeger",
      linkLabel: "Zum Verzeichnis",
      reason: "Sie erhalten diese E-Mail als Inhaber:in oder Admin von Jugendhilfe Rheinberg e. V.",
    },
    subject: "Jugendhilfe Rheinberg e. V. gehört nicht mehr zum Kreis „Kooperationskreis Wesel“",
    link: `${appUrl}/traeger`,
    says: ["Guten Tag Jana Krüger,", "aus dem Kreis entfernt", "Seit einem Jahr nicht mehr aktiv.\nMelden Sie sich gern wieder."],
  },
] as const;

describe("mail templates", () => {
  it("covers every template", () => {
    // The training-* templates render from real SQL rows in training-mails.test.ts, the cover-*
    // templates in cover-mails.test.ts, the meeting-* templates in meetings.test.ts, the project-*
    // templates in projects.test.ts.
    const here = Object.keys(mailTemplates).filter(
      (name) =>
        !name.startsWith("training-") && !name.startsWith("cover-") && !name.startsWith("meeting-") && !name.startsWith("project-"),
    );
    expect(cases.map((c) => c.template).sort()).toEqual(here.sort());
  });

  for (const c of cases) {
    it(`renders ${c.template} as HTML and readable text`, async () => {
      const mail = await renderMail(c.template, c.props, { appUrl });
      expect(mail.subject).toBe(c.subject);
      expect(mail.html).toContain('lang="de"');
      for (const phrase of c.says) expect(mail.text).toContain(phrase);
      if (c.link) {
        const prefix = new URL(c.link).pathname;
        expect(extractLink({ html: mail.html, text: "" }, prefix)).toBe(c.link);
        expect(extractLink({ html: "", text: mail.text }, prefix)).toBe(c.link);
      } else {
        expect(mail.html).not.toContain(`href="${appUrl}`);
      }
      // Headings keep their case in the text version, and the button is not repeated there.
      expect(mail.text).not.toMatch(/[A-ZÄÖÜ]{6,} [A-ZÄÖÜ]{3,}/);
      expect(mail.text.split("\n").filter((l) => l.includes(c.link ?? "no-link")).length).toBeLessThanOrEqual(1);
    });
  }

  it("escapes what users typed", async () => {
    const mail = await renderMail(
      "join-request-received",
      { networkName: "Kreis", orgName: "<script>alert(1)</script>", contactName: "Eve", message: "<b>fett</b>" },
      { appUrl },
    );
    expect(mail.html).not.toContain("<script>alert(1)</script>");
    expect(mail.html).not.toContain("<b>fett</b>");
  });

  it("keeps subjects on one line", async () => {
    const mail = await renderMail("invitation", { ...cases[2].props, orgName: "Zwei\nZeilen" }, { appUrl });
    expect(mail.subject).toBe("Einladung: Zwei Zeilen im Trägerkreis");
  });

  it("greets without a name", async () => {
    const mail = await renderMail("confirm-email", { token: "t", name: null }, { appUrl });
    expect(mail.text).toContain("Guten Tag,");
  });

  it("refuses an unknown template", async () => {
    await expect(renderMail("newsletter", {}, { appUrl })).rejects.toThrow(MailRenderError);
  });

  it("refuses props that would make a broken mail", async () => {
    await expect(renderMail("confirm-email", { name: "Anna" }, { appUrl })).rejects.toThrow(/token/);
    await expect(renderMail("invitation", { ...cases[2].props, role: "boss" }, { appUrl })).rejects.toThrow(MailRenderError);
    await expect(renderMail("invitation", { ...cases[2].props, expiresAt: "bald" }, { appUrl })).rejects.toThrow(/expiresAt/);
  });
});
