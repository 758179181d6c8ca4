// The Vertretungsbörse's mails, end to end: the real SQL functions (publish, offer, withdraw,
// accept, decline, cancel, the timers) write outbox rows, and every one of them renders with its
// template — props exactly as the SQL sends them, no key more or less than the template's schema.
// Mails to other Träger never carry the case reference or the description. The cover timers are
// registered as a periodic job and widen an overdue request once, within one job interval.
// Runs on PGlite and on the server (TEST_DB=postgres).
import { sql } from "kysely";
import type { z } from "zod";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "~/.server/db/connection";
import type { NewCoverRequest } from "~/.server/db/schema";
import { asUser } from "~/.server/db/request";
import { resetEnvCache } from "~/.server/env";
import { declineCoverOffer } from "~/.server/cover/functions";
import { mailTemplates, renderMail, type MailTemplateName, type RenderedMail } from "~/.server/mail/render";
import { periodicJobs, runPeriodicJobsOnce } from "~/.server/outbox/jobs";
import { processOutboxOnce, startOutboxWorker, stopOutboxWorker } from "~/.server/outbox/worker";
import { freshDatabase } from "../helpers/db";
import { extractLink, startFakeResend, type FakeResend } from "../helpers/fake-resend";
import {
  acceptOffer,
  cancelRequest,
  coverWorld,
  draftRequest,
  makeOffer,
  openRequest,
  publishRequest,
  withdrawOffer,
  type CoverWorld,
  type Side,
} from "../helpers/cover";

const appUrl = "https://traegerkreis.example";
const CASE_REFERENCE = "F-2026-014";
const DESCRIPTION = "Familie mit drei Kindern braucht Unterstützung im Alltag.";
const coverTemplates = Object.keys(mailTemplates).filter((name) => name.startsWith("cover-")) as MailTemplateName[];
/** The templates that go to the requesting Träger: only they may carry the case reference. */
const REQUESTER_SIDE = new Set(["cover-offer-received", "cover-offer-withdrawn"]);

type OutboxMail = { id: string; template: MailTemplateName; to: string; props: Record<string, unknown> };
type Rendered = OutboxMail & { mail: RenderedMail };

describe("cover mails", () => {
  let database: Database;
  let world: CoverWorld;
  const seen = new Set<string>();

  beforeAll(async () => {
    database = await freshDatabase();
    world = await coverWorld(database, { offerers: 3 });
  });

  async function outbox(requestId: string): Promise<OutboxMail[]> {
    const { rows } = await sql<OutboxMail>`
      select id::text as id, payload->>'template' as template, payload->>'to' as to, payload->'props' as props
      from private.outbox where payload->'props'->>'requestId' = ${requestId} order by id
    `.execute(database.db);
    return rows;
  }

  /**
   * The request's mails of one template, rendered; each checked for what every cover mail must
   * be: props exactly the schema's keys, a German subject, a link to the request, nothing private.
   */
  async function rendered(requestId: string, template: MailTemplateName): Promise<Rendered[]> {
    const rows = (await outbox(requestId)).filter((r) => r.template === template);
    const out: Rendered[] = [];
    for (const row of rows) {
      const schema = mailTemplates[template].schema as unknown as z.ZodObject;
      expect(Object.keys(row.props).sort(), `${template} props`).toEqual(Object.keys(schema.shape).sort());
      const mail = await renderMail(row.template, row.props, { appUrl });
      const link = `${appUrl}/vertretungen/${requestId}`;
      expect(extractLink({ html: mail.html, text: "" }, `/vertretungen/${requestId}`)).toBe(link);
      expect(extractLink({ html: "", text: mail.text }, `/vertretungen/${requestId}`)).toBe(link);
      expect(mail.html).toContain('lang="de"');
      expect(mail.text).toContain(`Guten Tag ${String(row.props.recipientName)},`);
      expect(mail.text).not.toContain(DESCRIPTION);
      if (REQUESTER_SIDE.has(template)) expect(mail.text).toContain(CASE_REFERENCE);
      else {
        expect(JSON.stringify(row.props)).not.toContain(CASE_REFERENCE);
        expect(`${mail.subject}\n${mail.html}\n${mail.text}`).not.toContain(CASE_REFERENCE);
      }
      seen.add(template);
      out.push({ ...row, mail });
    }
    return out;
  }

  const offerer = (i: number): Side => world.offerers[i]!;
  const emails = (rows: OutboxMail[]) => rows.map((r) => r.to).sort();

  it("publishing a Notfall alerts the coordinators serving its Gemeinde and Hilfeart", async () => {
    const requestId = await openRequest(world, { sozialraum: "Lohberg" });
    const alerts = await rendered(requestId, "cover-request-alert");
    expect(emails(alerts)).toEqual(world.offerers.map((o) => o.coordinator.email).sort());
    for (const { mail, props } of alerts) {
      expect(props.occasion).toBe("published");
      expect(mail.subject).toBe("NOTFALL (heute/morgen): Vertretung § 31 SPFH in Dinslaken, 20 Std./Woche");
      expect(mail.text.indexOf("NOTFALL — heute/morgen")).toBeLessThan(mail.text.indexOf("Vertretung gesucht"));
      for (const phrase of [
        "Träger R sucht im Kreis",
        "Hilfeart: § 31 · Sozialpädagogische Familienhilfe (SPFH)",
        "Art: Vertretung laufender Hilfe",
        "Gemeinde: Dinslaken, Sozialraum Lohberg",
        "Umfang: 20 Std./Woche",
        "Angefragt von: Träger R",
        "Anfrage ansehen und anbieten",
        "Datenschutzgründen",
      ])
        expect(mail.text).toContain(phrase);
      expect(mail.text).toMatch(/Zeitraum: [A-Z][a-z]\., \d\d\.\d\d\.\d{4} bis [A-Z][a-z]\., \d\d\.\d\d\.\d{4}/);
    }
  });

  it("gives each urgency its own subject and banner", async () => {
    const subjects: string[] = [];
    for (const urgency of ["notfall", "dringend", "planbar"] as const) {
      const requestId = await openRequest(world, { urgency, hours_per_week: 12.5, kind: "krisenintervention" });
      const [alert] = await rendered(requestId, "cover-request-alert");
      subjects.push(alert!.mail.subject);
    }
    expect(subjects).toEqual([
      "NOTFALL (heute/morgen): Krisenintervention § 31 SPFH in Dinslaken, 12,5 Std./Woche",
      "Dringend (diese Woche): Krisenintervention § 31 SPFH in Dinslaken, 12,5 Std./Woche",
      "Planbar: Krisenintervention § 31 SPFH in Dinslaken, 12,5 Std./Woche",
    ]);
  });

  it("an offer tells the requester, with the case reference; a withdrawal too", async () => {
    const requestId = await openRequest(world);
    const offerId = await makeOffer(offerer(0), requestId, 12);
    const [received, ...more] = await rendered(requestId, "cover-offer-received");
    expect(more).toEqual([]);
    expect(received!.to).toBe(world.requester.coordinator.email);
    expect(received!.mail.subject).toBe(`NOTFALL (heute/morgen): Angebot von Träger O1 für ${CASE_REFERENCE} – 12 Std./Woche`);
    for (const phrase of ["Neues Angebot", "Träger O1 bietet für Ihre Anfrage F-2026-014 12 von 20 Std./Woche ab", "Wir können übernehmen.", "Fallkennung: F-2026-014"])
      expect(received!.mail.text).toContain(phrase);

    await withdrawOffer(offerer(0).coordinator, offerId);
    const [withdrawn] = await rendered(requestId, "cover-offer-withdrawn");
    expect(withdrawn!.to).toBe(world.requester.coordinator.email);
    expect(withdrawn!.mail.subject).toBe(`NOTFALL (heute/morgen): Träger O1 zieht Angebot für ${CASE_REFERENCE} zurück`);
    expect(withdrawn!.mail.text).toContain("Die Anfrage bleibt offen");
  });

  it("accepting tells the offerer; filling the request declines the other offers", async () => {
    const requestId = await openRequest(world, { urgency: "dringend" });
    const [o1, o2, o3] = [offerer(0), offerer(1), offerer(2)];
    const offer1 = await makeOffer(o1, requestId, 8);
    const offer2 = await makeOffer(o2, requestId, 12);
    await makeOffer(o3, requestId, 10);

    expect(await acceptOffer(world.requester.coordinator, requestId, offer1, 8)).toBe("open");
    expect(await acceptOffer(world.requester.coordinator, requestId, offer2)).toBe("filled");

    const accepted = await rendered(requestId, "cover-offer-accepted");
    expect(accepted.map((a) => [a.to, a.props.acceptedHours, a.props.requestFilled])).toEqual([
      [o1.coordinator.email, 8, false],
      [o2.coordinator.email, 12, true],
    ]);
    expect(accepted[0]!.mail.subject).toBe("Dringend (diese Woche): Angebot angenommen – Vertretung § 31 SPFH in Dinslaken, 8 Std./Woche");
    expect(accepted[0]!.mail.text).toContain("Träger R hat Ihr Angebot angenommen: 8 Std./Woche.");
    expect(accepted[0]!.mail.text).not.toContain("vollständig besetzt");
    expect(accepted[1]!.mail.text).toContain("Die Anfrage ist damit vollständig besetzt.");
    expect(accepted[1]!.mail.text).toContain("Ansprechperson und Übergabe");
    expect(accepted[1]!.mail.text).not.toContain("Es ist ein Notfall");

    const declined = await rendered(requestId, "cover-offer-declined");
    expect(declined.map((d) => [d.to, d.props.reason])).toEqual([[o3.coordinator.email, "filled"]]);
    expect(declined[0]!.mail.subject).toBe("Anfrage besetzt, Ihr Angebot wird nicht gebraucht: § 31 SPFH in Dinslaken (dringend)");
    expect(declined[0]!.mail.text).toContain("Sie müssen nichts weiter tun");
  });

  it("a Notfall's acceptance asks the offerer to get in touch today", async () => {
    const requestId = await openRequest(world);
    const offerId = await makeOffer(offerer(0), requestId, 20);
    await acceptOffer(world.requester.coordinator, requestId, offerId);
    const [accepted] = await rendered(requestId, "cover-offer-accepted");
    expect(accepted!.mail.subject.startsWith("NOTFALL (heute/morgen): Angebot angenommen")).toBe(true);
    expect(accepted!.mail.text).toContain("Bitte melden Sie sich noch heute bei der Ansprechperson.");
  });

  it("declining tells the offerer, with the requester's message", async () => {
    const requestId = await openRequest(world, { urgency: "planbar" });
    const offerId = await makeOffer(offerer(1), requestId, 5);
    await asUser(world.requester.coordinator, (tx) =>
      declineCoverOffer(tx, requestId, offerId, "Danke! Wir haben intern eine Lösung gefunden."),
    );
    const [declined] = await rendered(requestId, "cover-offer-declined");
    expect(declined!.to).toBe(offerer(1).coordinator.email);
    expect(declined!.props).toMatchObject({ reason: "declined", message: "Danke! Wir haben intern eine Lösung gefunden." });
    expect(declined!.mail.subject).toBe("Angebot nicht angenommen: § 31 SPFH in Dinslaken (planbar)");
    expect(declined!.mail.text).toContain("Danke! Wir haben intern eine Lösung gefunden.");
  });

  it("cancelling tells every offerer, the accepted one that the cover is off", async () => {
    const requestId = await openRequest(world);
    const accepted = await makeOffer(offerer(0), requestId, 10);
    await makeOffer(offerer(1), requestId, 5);
    await acceptOffer(world.requester.coordinator, requestId, accepted);
    await cancelRequest(world.requester.coordinator, requestId, "Die Kollegin ist früher zurück.");

    const cancelled = await rendered(requestId, "cover-request-cancelled");
    expect(cancelled.map((c) => [c.to, c.props.wasAccepted])).toEqual([
      [offerer(0).coordinator.email, true],
      [offerer(1).coordinator.email, false],
    ]);
    expect(cancelled[0]!.mail.subject).toBe(
      "Abgesagt: Ihre zugesagte Vertretung § 31 SPFH in Dinslaken (Notfall) wird nicht mehr gebraucht",
    );
    expect(cancelled[0]!.mail.text).toContain("Bitte geben Sie der eingeplanten Fachkraft Bescheid.");
    expect(cancelled[1]!.mail.subject).toBe("Anfrage abgesagt: § 31 SPFH in Dinslaken (Notfall)");
    for (const c of cancelled) expect(c.mail.text).toContain("Die Kollegin ist früher zurück.");
  });

  describe("the cover timers as a periodic job", () => {
    const coverJob = () => periodicJobs.filter((j) => j.name === "cover-timers");

    async function addressedTo(side: Side, widenInMs: number, values: Partial<NewCoverRequest> = {}): Promise<string> {
      const id = await draftRequest(world, { addressing: "addressed", widen_at: new Date(Date.now() + widenInMs), ...values });
      await asUser(world.requester.coordinator, (tx) =>
        tx.insertInto("cover_request_recipients").values({ request_id: id, org_id: side.org.id }).execute(),
      );
      await publishRequest(world.requester.coordinator, id);
      return id;
    }

    it("is registered, and widens an overdue request once, not twice", async () => {
      expect(coverJob()).toHaveLength(1);
      const requestId = await addressedTo(offerer(0), 2 * 3600_000);
      const [addressed] = await rendered(requestId, "cover-request-alert");
      expect(addressed!.to).toBe(offerer(0).coordinator.email);
      expect(addressed!.props.occasion).toBe("addressed");
      expect(addressed!.mail.subject).toBe("NOTFALL (heute/morgen): Vertretung § 31 SPFH in Dinslaken, 20 Std./Woche – direkt angefragt");
      expect(addressed!.mail.text).toContain("Träger R fragt Ihren Träger direkt an");
      expect(addressed!.mail.text).toMatch(/Ab [A-Z][a-z]\., \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr sehen alle Träger des Kreises die Anfrage\./);

      // Not due yet: the tick widens nothing.
      const before = await runPeriodicJobsOnce();
      expect(before["cover-timers"]).toMatchObject({ status: "ok" });
      expect(await rendered(requestId, "cover-request-alert")).toHaveLength(1);

      await database.db.updateTable("cover_requests").set({ widen_at: new Date(Date.now() - 1000) }).where("id", "=", requestId).execute();
      const first = await runPeriodicJobsOnce(coverJob());
      expect(first["cover-timers"]).toEqual({ status: "ok", result: { partners: 0, widened: 1, expired: 0, fuehrungszeugnisReminders: 0 } });
      const second = await runPeriodicJobsOnce(coverJob());
      expect(second["cover-timers"]).toEqual({ status: "ok", result: { partners: 0, widened: 0, expired: 0, fuehrungszeugnisReminders: 0 } });

      const widened = (await rendered(requestId, "cover-request-alert")).filter((a) => a.props.occasion === "widened");
      // Everyone serving Dinslaken and § 31 but the Träger asked first, once each.
      expect(emails(widened)).toEqual([offerer(1).coordinator.email, offerer(2).coordinator.email].sort());
      expect(widened[0]!.mail.subject).toBe(
        "NOTFALL (heute/morgen): Vertretung § 31 SPFH in Dinslaken, 20 Std./Woche – jetzt für den ganzen Kreis",
      );
      expect(widened[0]!.mail.text).toContain("Jetzt für den ganzen Kreis: Vertretung gesucht");
      const notes = await database.db
        .selectFrom("notifications")
        .select(({ fn }) => fn.countAll<number>().as("n"))
        .where("link", "=", `/vertretungen/${requestId}`)
        .where("kind", "=", "cover.alert")
        .executeTakeFirstOrThrow();
      expect(Number(notes.n)).toBe(3);
    });

    it("expires a request whose period ended and tells the offerer", async () => {
      const requestId = await openRequest(world, { urgency: "planbar" });
      await makeOffer(offerer(2), requestId, 4);
      await database.db
        .updateTable("cover_requests")
        .set({ period_from: "2020-01-01", period_to: "2020-01-31" })
        .where("id", "=", requestId)
        .execute();
      const tick = await runPeriodicJobsOnce(coverJob());
      expect(tick["cover-timers"]).toEqual({ status: "ok", result: { partners: 0, widened: 0, expired: 1, fuehrungszeugnisReminders: 0 } });
      const [expired, ...more] = await rendered(requestId, "cover-request-expired");
      expect(more).toEqual([]);
      expect(expired!.to).toBe(offerer(2).coordinator.email);
      expect(expired!.mail.subject).toBe("Anfrage abgelaufen: § 31 SPFH in Dinslaken (planbar)");
      expect(expired!.mail.text).toContain("Zeitraum: Mi., 01.01.2020 bis Fr., 31.01.2020");
    });

    describe("in the running worker", () => {
      let fake: FakeResend;
      const saved = { ...process.env };
      // COVER_LAG_INTERVAL_MS=30000 measures with the production interval (takes ~1.5 min).
      const interval = Number(process.env.COVER_LAG_INTERVAL_MS ?? 1000);

      beforeAll(async () => {
        fake = await startFakeResend();
      });
      beforeEach(() => {
        process.env.RESEND_API_KEY = "re_test_key";
        process.env.RESEND_BASE_URL = fake.url;
        process.env.APP_URL = appUrl;
        process.env.JOBS_INTERVAL_MS = String(interval);
        process.env.OUTBOX_POLL_MS = "200";
        resetEnvCache();
      });
      afterEach(() => {
        stopOutboxWorker();
        process.env = { ...saved };
        resetEnvCache();
      });
      afterAll(async () => {
        await fake.stop();
      });

      it(
        "widens within one job interval of widen_at, and the mails go out",
        async () => {
          // Publishing needs widen_at in the future: requests due at spread-out points of two intervals.
          const count = 4;
          const lead = 1500;
          const ids: string[] = [];
          for (let i = 0; i < count; i++) ids.push(await addressedTo(offerer(0), lead + ((i + 0.5) * 2 * interval) / count));
          await processOutboxOnce();
          fake.clear();
          startOutboxWorker();

          const deadline = Date.now() + lead + 3 * interval + 10_000;
          let lags: number[] = [];
          while (Date.now() < deadline) {
            const { rows } = await sql<{ lag_ms: number }>`
              select extract(epoch from min(n.created_at) - r.widen_at)::float8 * 1000 as lag_ms
              from public.cover_requests r
              join public.notifications n on n.link = '/vertretungen/' || r.id and n.kind = 'cover.request_widened'
              where r.id = any(${ids}::uuid[])
              group by r.id, r.widen_at`.execute(database.db);
            lags = rows.map((r) => Number(r.lag_ms));
            if (lags.length === count) break;
            await new Promise((r) => setTimeout(r, 100));
          }
          expect(lags).toHaveLength(count);
          console.info(
            `[cover-timers] widen lag with JOBS_INTERVAL_MS=${interval}: ${lags
              .sort((a, b) => a - b)
              .map((l) => `${Math.round(l)} ms`)
              .join(", ")}`,
          );
          for (const lag of lags) {
            expect(lag).toBeGreaterThanOrEqual(0);
            // Within the next run or the one after, plus the run itself: npm test runs the browser
            // tests beside this file, and on two busy cores one run took up to 2.6 s. A timer that
            // does not run (or only at the end) still fails here.
            expect(lag).toBeLessThan(2 * interval + 3000);
          }

          // The widened alerts reach the mail provider with the next outbox polls.
          const expected = count * 2;
          while (Date.now() < deadline && fake.mails.filter((m) => m.subject.endsWith("jetzt für den ganzen Kreis")).length < expected)
            await new Promise((r) => setTimeout(r, 100));
          const widenedMails = fake.mails.filter((m) => m.subject.endsWith("jetzt für den ganzen Kreis"));
          expect(widenedMails.flatMap((m) => m.to).sort()).toEqual(
            ids.flatMap(() => [offerer(1).coordinator.email, offerer(2).coordinator.email]).sort(),
          );
        },
        2 * 1500 + 4 * interval + 20_000,
      );
    });
  });

  it("sends every cover mail through the worker, none failing", async () => {
    const fake = await startFakeResend();
    const saved = { ...process.env };
    try {
      process.env.RESEND_API_KEY = "re_test_key";
      process.env.RESEND_BASE_URL = fake.url;
      process.env.APP_URL = appUrl;
      resetEnvCache();
      const requestId = await openRequest(world, { urgency: "dringend" });
      const offerId = await makeOffer(offerer(0), requestId, 20);
      await acceptOffer(world.requester.coordinator, requestId, offerId);
      const result = await processOutboxOnce({ maxBatches: 100 });
      expect(result.failed).toBe(0);
      // The request was filled before the worker ran: its alerts were no longer meaningful and
      // were cancelled by the database; every other cover mail went out.
      // (Alerts about the requests earlier tests cancelled or let expire were cancelled too.)
      const { rows } = await sql<{ status: string; template: string; reason: string | null }>`
        select distinct status, payload->>'template' as template,
          case when cancel_key = ${`cover-request:${requestId}`} then cancelled_reason end as reason
        from private.outbox where payload->>'template' like 'cover-%' and status <> 'sent'`.execute(database.db);
      expect(rows).toContainEqual({ status: "cancelled", template: "cover-request-alert", reason: "cover_request_filled" });
      expect(rows.filter((r) => r.status !== "cancelled" || r.template !== "cover-request-alert")).toEqual([]);
      expect(fake.mails.some((m) => m.subject.startsWith("Dringend (diese Woche): Angebot angenommen"))).toBe(true);
    } finally {
      process.env = { ...saved };
      resetEnvCache();
      await fake.stop();
    }
  });

  it("rendered every cover template from SQL-made props", () => {
    expect([...seen].sort()).toEqual([...coverTemplates].sort());
    expect(coverTemplates).toHaveLength(7);
  });
});
