// The files of a training: the participant list and the cost summary (CSV for Excel: BOM,
// semicolons, German headers) only for the organizers; the Teilnahmebescheinigung (PDF, German
// umlauts readable) only for the person who attended; the calendar file for whoever sees the
// training. Everyone else gets a 404. Runs on PGlite and on the server (TEST_DB=postgres).
import { PDFArray, PDFDict, PDFDocument, PDFName, decodePDFRawStream, type PDFRawStream } from "pdf-lib";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import { certificatePdf, encodable, hoursText, teachingUnitsFor } from "~/.server/trainings/certificate";
import { csvCell, toCsv } from "~/.server/csv";
import { loader as calendarLoader } from "~/routes/fortbildungen.$id.kalender[.ics]";
import { loader as certificateLoader } from "~/routes/fortbildungen.$id.bescheinigung[.pdf]";
import { loader as costsLoader } from "~/routes/fortbildungen.$id.kosten[.csv]";
import { loader as participantsLoader } from "~/routes/fortbildungen.$id.teilnehmende[.csv]";
import { freshDatabase } from "../helpers/db";
import { addMember, createUser, requestAs, type TestUser } from "../helpers/fixtures";
import { trainingCircle, type TrainingCircle } from "../helpers/training-circle";
import { call as callSql, createTraining, register, registerSelf, registrationsOf } from "../helpers/trainings";

/**
 * The text a PDF page draws. The certificate embeds DejaVu Sans as a subset (Identity-H): the
 * content streams hold glyph ids, which each font's ToUnicode map turns back into text, so the
 * page is read font by font as a PDF reader does (`/F Tf` picks the font, `<…> Tj` draws).
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(0);
  const fontDict = page.node.Resources()!.lookup(PDFName.of("Font"), PDFDict);
  const maps = new Map<string, Map<number, string>>();
  for (const [name, ref] of fontDict.entries()) {
    const font = doc.context.lookup(ref, PDFDict);
    const cmap = Buffer.from(decodePDFRawStream(font.lookup(PDFName.of("ToUnicode")) as PDFRawStream).decode()).toString("latin1");
    const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
    const map = new Map<number, string>();
    for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
    }
    for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const [from, to, first] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
        for (let g = from; g <= to; g++) map.set(g, String.fromCodePoint(first + g - from));
      }
    }
    maps.set(name.asString(), map);
  }
  const contents = page.node.Contents()!;
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const lines: string[] = [];
  let current = new Map<number, string>();
  for (const stream of streams) {
    const ops = Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode()).toString("latin1");
    for (const m of ops.matchAll(/(\/\S+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
      if (m[1]) current = maps.get(m[1]) ?? new Map();
      else lines.push((m[2]!.match(/.{4}/g) ?? []).map((g) => current.get(parseInt(g, 16)) ?? "\uFFFD").join(""));
    }
  }
  // Wrapped lines are joined with a space: assertions read sentences, not the layout.
  return lines.join(" ");
}

describe("exports, certificate and calendar file", () => {
  let database: Database;
  let c: TrainingCircle;
  let id: string;
  let attendee: TestUser;
  let absentee: TestUser;

  beforeAll(async () => {
    database = await freshDatabase();
    c = await trainingCircle(database);
    attendee = await createUser(database, { fullName: "Paweł Müßig-Öztürk" });
    await addMember(database, c.orgX.id, attendee.id, "member");
    absentee = c.xMembers[0]!;
    id = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, {
      title: "Traumapädagogik: Sichere Orte für Kinder schaffen",
      capacity: 3,
      feeCents: 4500,
    });
    await sql`update public.trainings set speaker = 'Dr. Jürgen Weiß' where id = ${id}`.execute(database.db);
    await registerSelf(attendee, id);
    await registerSelf(absentee, id);
    await register(c.yAdmin, id, null, 1); // one anonymous client seat of Y
    await registerSelf(c.yMembers[0]!, id); // waitlisted
    // A name that looks like a formula must not run in Excel.
    const sneaky = await createUser(database, { fullName: "=HYPERLINK(\"http://x\")" });
    await addMember(database, c.orgY.id, sneaky.id, "member");
    await registerSelf(sneaky, id);

    // The training took place: sessions into the past, attendance recorded for the attendee.
    await sql`update public.training_sessions set starts_at = starts_at - interval '20 days', ends_at = ends_at - interval '20 days'
      where training_id = ${id}`.execute(database.db);
    await sql`update public.trainings set starts_at = starts_at - interval '20 days', ends_at = ends_at - interval '20 days'
      where id = ${id}`.execute(database.db);
    const sessions = await database.db.selectFrom("training_sessions").select("id").where("training_id", "=", id).orderBy("position").execute();
    const regs = await registrationsOf(database.db, id);
    const reg = (userId: string) => regs.find((r) => r.user_id === userId)!.id;
    for (const session of sessions) {
      await callSql(c.organizer, sql`select public.set_training_attendance(${reg(attendee.id)}::uuid, ${session.id}::uuid, 1)`);
      await callSql(c.organizer, sql`select public.set_training_attendance(${reg(absentee.id)}::uuid, ${session.id}::uuid, 0)`);
    }
  });

  const get = async (fn: (args: any) => Promise<Response>, user: { id: string }, path: string) => {
    const request = await requestAs(database, user, path);
    try {
      return await fn({ request, params: { id }, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  describe("participant list (CSV)", () => {
    it("gives the organizers a semicolon CSV with BOM, German headers, names, Träger and attendance", async () => {
      const response = await get(participantsLoader, c.organizer, `/fortbildungen/${id}/teilnehmende.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("Content-Disposition")).toBe(
        'attachment; filename="teilnehmende-traumapaedagogik-sichere-orte-fuer-kinder-schaffen.csv"',
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
      const lines = text.trimEnd().split("\r\n");
      expect(lines[0]).toMatch(/^Nr\.;Name;Träger;Art;Plätze;Status;Angemeldet am;Freigabe Träger;Freigabe Veranstalter;Termin 1 \(\d\d\.\d\d\.\d{4}\) anwesend;Termin 2/);
      expect(lines).toHaveLength(6);
      expect(lines[1]).toMatch(/^1;Paweł Müßig-Öztürk;Träger Xanten;Person;1;bestätigt;.*;nicht nötig;nicht nötig;ja;ja$/);
      expect(lines[2]).toMatch(/^2;Xaverine Jürgens 1;Träger Xanten;Person;1;bestätigt;.*;nein;nein$/);
      expect(lines[3]).toMatch(/^3;Plätze für Klient:innen \(anonym\);Träger Ysselstein;Klient:innen-Plätze;1;bestätigt;/);
      expect(lines[4]).toMatch(/^4;Yannick Weiß 1;Träger Ysselstein;Person;1;Warteliste \(Platz 1\);/);
      expect(lines[5]).toMatch(/^5;"'=HYPERLINK\(""http:\/\/x""\)";Träger Ysselstein;/);
    });

    it("is a 404 for everyone but the organizers", async () => {
      for (const user of [c.yAdmin, c.xAdmin, c.organizerMember, attendee, c.outsider]) {
        const response = await get(participantsLoader, user, `/fortbildungen/${id}/teilnehmende.csv`);
        expect(response.status, user.fullName).toBe(404);
      }
    });
  });

  describe("cost summary (CSV)", () => {
    it("sums confirmed seats and fees per Träger, with a total", async () => {
      const response = await get(costsLoader, c.organizer, `/fortbildungen/${id}/kosten.csv`);
      expect(response.status).toBe(200);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await response.arrayBuffer()));
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text.slice(1).trimEnd().split("\r\n")).toEqual([
        "Träger;Plätze gesamt;davon Mitarbeitende;davon Klient:innen (anonym);Gebühr pro Platz (EUR);Summe (EUR)",
        "Träger Xanten;2;2;0;45,00;90,00",
        "Träger Ysselstein;1;0;1;45,00;45,00",
        "Gesamt;3;2;1;45,00;135,00",
      ]);
    });

    it("is a 404 for everyone but the organizers", async () => {
      for (const user of [c.yAdmin, c.organizerMember, c.outsider]) {
        expect((await get(costsLoader, user, `/fortbildungen/${id}/kosten.csv`)).status).toBe(404);
      }
    });
  });

  it("writes CSV cells Excel reads safely", () => {
    expect(csvCell("Müller; Sohn")).toBe('"Müller; Sohn"');
    expect(csvCell('Sagt "Hallo"')).toBe('"Sagt ""Hallo"""');
    expect(csvCell("+49 123")).toBe("'+49 123");
    expect(csvCell(-3)).toBe("-3");
    expect(toCsv([["a", "b"], [1, null]])).toBe("\uFEFFa;b\r\n1;\r\n");
  });

  describe("certificate (PDF)", () => {
    it("gives the attendee a PDF with name, Träger, training, dates, hours and organizer; umlauts intact", async () => {
      const response = await get(certificateLoader, attendee, `/fortbildungen/${id}/bescheinigung.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
      const text = await pdfText(bytes);
      expect(text).toContain("Teilnahmebescheinigung");
      expect(text).toContain("Hiermit wird bestätigt, dass");
      // The embedded DejaVu Sans keeps ł (Helvetica's WinAnsi wrote "Pawel").
      expect(text).toContain("Paweł Müßig-Öztürk");
      expect(text).toContain("(Träger Xanten)");
      expect(text).toContain("„Traumapädagogik: Sichere Orte für Kinder schaffen“");
      expect(text).toContain("6 Stunden = 8 Unterrichtseinheiten (2 von 2 Terminen besucht)");
      expect(text).toContain("Unterschrift für den Veranstalter");
      expect(text).toContain("Ort, Datum");
      expect(text).not.toContain("?");
      expect(text).not.toContain("\uFFFD");
      expect(text).toContain("Bildungswerk Niederrhein");
      expect(text).toContain("Dr. Jürgen Weiß");
      expect(text).toMatch(/Bildungshaus, Am Markt 1, 46483 Wesel/);
      const doc = await PDFDocument.load(bytes);
      expect(doc.getTitle()).toBe("Teilnahmebescheinigung – Traumapädagogik: Sichere Orte für Kinder schaffen");
    });

    it("is a 404 for a registrant without attendance, other people and outsiders", async () => {
      for (const user of [absentee, c.yMembers[0]!, c.organizer, c.yAdmin, c.outsider]) {
        expect((await get(certificateLoader, user, `/fortbildungen/${id}/bescheinigung.pdf`)).status, user.fullName).toBe(404);
      }
    });

    it("counts only the sessions attended and keeps Latin Extended letters (ł ğ ş ı)", async () => {
      const bytes = await certificatePdf({
        participantName: "Mehmet Yıldız Doğan-Şahin Łukasiewicz",
        orgName: "Du & Ich e. V.",
        title: "Deeskalation – Grundkurs",
        topicLabel: "Deeskalation und Krisenintervention",
        speaker: "",
        organizers: ["freiraumwohnung GmbH", "richtungsWechsel"],
        place: null,
        gemeindeName: null,
        online: true,
        audience: "Fachkräfte",
        sessions: [{ position: 2, startsAt: "2027-03-02T08:00:00Z", endsAt: "2027-03-02T11:30:00Z" }],
        sessionCount: 3,
        hours: 3.5,
        teachingUnits: 4.5,
        organizerName: "Ewa Wójcik",
        issuedAt: "2027-03-10T10:00:00Z",
      });
      const text = await pdfText(bytes);
      expect(text).toContain("Mehmet Yıldız Doğan-Şahin Łukasiewicz");
      expect(text).toContain("3,5 Stunden = 4,5 Unterrichtseinheiten (1 von 3 Terminen besucht)");
      expect(text).toContain("Ewa Wójcik, freiraumwohnung GmbH");
      expect(text).toContain("Di, 02.03.2027, 09:00–12:30 Uhr");
      expect(text).toContain("Deeskalation – Grundkurs");
      expect(text).toContain("freiraumwohnung GmbH, richtungsWechsel");
      expect(text).toContain("online");
      expect(hoursText(1)).toBe("1 Stunde");
      const doc = await PDFDocument.create();
      const font = await doc.embedFont("Helvetica");
      expect(encodable(font, "Żaneta Łukasz 😀 äöüß €")).toBe("Zaneta Lukasz ? äöüß €");
    });

    it("counts Unterrichtseinheiten: the organizer's figure pro rata, else 45 minutes each", () => {
      expect(teachingUnitsFor(360, 360, null)).toBe(8);
      expect(teachingUnitsFor(210, 630, null)).toBe(4.5);
      expect(teachingUnitsFor(180, 360, 10)).toBe(5);
      expect(teachingUnitsFor(100, 360, 10)).toBe(3);
    });
  });

  describe("calendar file (.ics)", () => {
    it("gives whoever sees the training its sessions, with the UIDs the mails use", async () => {
      const response = await get(calendarLoader, c.yMembers[1]!, `/fortbildungen/${id}/kalender.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
      const text = await response.text();
      expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(text).toContain(`UID:training-${id}-1@traegerkreis`);
      expect(text.replace(/\r\n /g, "")).toContain("SUMMARY:Traumapädagogik: Sichere Orte für Kinder schaffen (Termin 1/2)");
    });

    it("is a 404 for outsiders and for a draft outside the organising Träger", async () => {
      expect((await get(calendarLoader, c.outsider, `/fortbildungen/${id}/kalender.ics`)).status).toBe(404);
      const draft = await createTraining(c.organizer, c.organizerOrg.id, c.network.id, { publish: false });
      const request = await requestAs(database, c.yAdmin, `/fortbildungen/${draft}/kalender.ics`);
      const response = await calendarLoader({ request, params: { id: draft }, context: {} }).catch((r: Response) => r);
      expect(response.status).toBe(404);
    });
  });
});
