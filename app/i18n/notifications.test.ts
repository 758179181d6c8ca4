// The notification texts: every kind the migrations write has one (a new kind without a text
// fails here), each reads as German from its facts, and nothing a row can hold makes it throw.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pushMessage } from "~/.server/push/send";
import {
  fallbackNotificationText,
  notificationTexts,
  notificationTextOf,
  renderNotification,
  type NotificationDataMap,
  type NotificationKindName,
} from "./notifications";

const MIGRATIONS = path.resolve(__dirname, "../../supabase/migrations");

/** The text from `start` to its balanced closing parenthesis (SQL strings and comments skipped). */
function balanced(sqlText: string, start: number): string {
  let depth = 0;
  for (let i = start; i < sqlText.length; i++) {
    const c = sqlText[i];
    if (c === "'") {
      i = sqlText.indexOf("'", i + 1);
      while (sqlText[i + 1] === "'") i = sqlText.indexOf("'", i + 2);
    } else if (c === "-" && sqlText[i + 1] === "-") {
      i = sqlText.indexOf("\n", i);
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return sqlText.slice(start, i + 1);
  }
  throw new Error(`unbalanced parentheses at ${start}`);
}

/**
 * Every kind string a migration passes to a notification writer: the calls of private.notify and
 * its feature wrappers, and the set-based inserts into public.notifications. A kind is a literal
 * like 'cover.alert' inside the call (links start with '/', facts are keys without a dot).
 */
function kindsWrittenByMigrations(): Map<string, string> {
  const kinds = new Map<string, string>();
  const writers = /private\.(notify|notify_cover_side|notify_project_org|notify_project_partners|notify_org_leads)\s*\(|insert into public\.notifications\s*\(/g;
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith(".sql"))) {
    const text = readFileSync(path.join(MIGRATIONS, file), "utf8");
    for (const match of text.matchAll(writers)) {
      const open = match.index + match[0].length - 1;
      // An insert's kind is in its select list, up to `returning`/`;`; a call's in its arguments.
      const call = match[0].startsWith("insert")
        ? text.slice(open, text.slice(open).search(/\breturning\b|;/) + open)
        : balanced(text, open);
      for (const literal of call.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) kinds.set(literal[1]!, file);
    }
  }
  return kinds;
}

const cover = {
  requestId: "5b4b2b7e-0000-4000-8000-000000000001",
  networkName: "Kooperationskreis Wesel · Duisburg · Oberhausen",
  requesterOrgName: "KIZ Niederrhein",
  urgency: "notfall",
  kind: "vertretung",
  hilfeart: "p31",
  hilfeartLabel: "Sozialpädagogische Familienhilfe (SPFH)",
  gemeinde: "dinslaken",
  gemeindeName: "Dinslaken",
  sozialraum: null,
  periodFrom: "2026-12-03",
  periodTo: "2026-12-17",
  hoursPerWeek: 12.5,
} as const;
const registration = { trainingTitle: "Deeskalation im Alltag", startsAt: "2027-02-02T08:00:00+00:00", seats: 1, clientSeats: false };

/** One example per kind, typed by the kind's data shape: a kind without an example does not compile. */
const examples: { [K in NotificationKindName]: NotificationDataMap[K] } = {
  "join_request.created": { orgName: "Kinderleben Moers gGmbH", contactName: "Maria Beispiel" },
  "network.admitted": { orgName: "Kinderleicht", networkName: "Kreis K", ownOrg: false },
  "network.removed": { orgName: "Kinderleicht", networkName: "Kreis K", reason: "Kein Kontakt mehr" },
  "network.coordination_changed": { networkName: "Kreis K", fromOrgName: "A e. V.", toOrgName: "B gGmbH", side: "to" },
  "cover.alert": { ...cover, occasion: "addressed" },
  "cover.offer_received": { ...cover, caseReference: "F-2026-102", offerOrgName: "Du & Ich e. V.", offeredHours: 8, availableFrom: "2026-12-01" },
  "cover.offer_withdrawn": { ...cover, caseReference: null, offerOrgName: "Du & Ich e. V." },
  "cover.offer_accepted": { ...cover, acceptedHours: 6.5 },
  "cover.offer_declined": { ...cover, message: "Wir haben intern eine Lösung gefunden." },
  "cover.request_cancelled": { ...cover, reason: "Die Familie ist umgezogen." },
  "cover.completed": { ...cover, actualHours: 24.25 },
  "cover.request_widened": cover,
  "cover.request_expired": { ...cover, side: "requester" },
  "cover.posting_requested": { memberName: "Mitglied R", note: null },
  "training.confirmed": registration,
  "training.approval_pending": { ...registration, clientSeats: true, seats: 2 },
  "training.waitlisted": { ...registration, position: 3 },
  "training.moved": { ...registration, position: 1 },
  "training.offered": { ...registration, offerExpiresAt: "2027-01-20T17:30:00+00:00" },
  "training.registration_offer_expired": registration,
  "training.registration_approval_rejected": registration,
  "training.registration_removed_by_organizer": registration,
  "training.registration_cancelled": registration,
  "training.cancelled": registration,
  "training.reminder": registration,
  "training.approval_requested": { ...registration, participantName: null, seats: 1, clientSeats: true, orgName: "Träger Y" },
  "training.go_no_go": { trainingTitle: "Traumapädagogik kompakt", confirmedSeats: 2, minParticipants: 5 },
  "meeting.invitation": { title: "Kooperationstreffen Januar", startsAt: "2027-01-14T13:00:00+00:00", place: null },
  "meeting.update": { title: "Kooperationstreffen Januar", startsAt: "2027-01-14T13:00:00+00:00", place: "Rathaus Wesel" },
  "meeting.cancel": { title: "Kooperationstreffen Januar", startsAt: "2027-01-14T13:00:00+00:00", place: null },
  "meeting.reminder": { title: "Kooperationstreffen Januar", startsAt: "2027-01-14T13:00:00+00:00", place: null },
  "poll.opened": { title: "Treffen im Februar", deadline: "2027-01-10T22:59:00+00:00" },
  "poll.reminder": { title: "Treffen im Februar", deadline: "2027-01-10T22:59:00+00:00" },
  "poll.closed": { title: "Treffen im Februar", startsAt: "2027-02-11T13:00:00+00:00" },
  "agenda.proposed": { topic: "Kinderschutz-Fortbildung", meetingTitle: "Kooperationstreffen Januar" },
  "agenda.accepted": { topic: "Kinderschutz-Fortbildung" },
  "agenda.declined": { topic: "Kinderschutz-Fortbildung", reason: "Passt besser im März." },
  "minutes.writer": { meetingTitle: "Kooperationstreffen Januar" },
  "minutes.circulated": { meetingTitle: "Kooperationstreffen Januar", commentsUntil: "2027-01-21T13:00:00+00:00" },
  "action_item.assigned": { taskTitle: "Raum buchen", meetingTitle: "Kooperationstreffen Januar" },
  "action_item.due": { taskTitle: "Raum buchen", dueDate: "2027-01-30" },
  "project.status": { projectTitle: "Ferienspiele 2027", status: "running" },
  "project.join_requested": { projectTitle: "Ferienspiele 2027", orgName: "Lebenshilfe Dinslaken e. V." },
  "project.join_accepted": { projectTitle: "Ferienspiele 2027", message: null },
  "project.join_declined": { projectTitle: "Ferienspiele 2027", message: "Diesmal nicht." },
  "project.invited": { projectTitle: "Ferienspiele 2027", message: null },
  "project.partner_joined": { projectTitle: "Ferienspiele 2027", orgName: "Lebenshilfe Dinslaken e. V." },
  "project.invitation_declined": { projectTitle: "Ferienspiele 2027", orgName: "Lebenshilfe Dinslaken e. V." },
  "project.lead_handed_over": { projectTitle: "Ferienspiele 2027", orgName: "Lebenshilfe Dinslaken e. V." },
  "project.partner_left": { projectTitle: "Ferienspiele 2027", orgName: "Lebenshilfe Dinslaken e. V." },
  "project.update": { projectTitle: "Ferienspiele 2027", excerpt: "Die Stationen stehen. ".repeat(20) },
  "project.comment": { projectTitle: "Ferienspiele 2027", excerpt: "Super!" },
  "project.task_assigned": { projectTitle: "Ferienspiele 2027", taskTitle: "Spielstationen aufbauen" },
  "project.task_due": { projectTitle: "Ferienspiele 2027", taskTitle: "Spielstationen aufbauen", dueDate: "2027-06-19" },
  "sozialdaten.hidden": { subjectType: "cover_offer", urgency: "notfall", hilfeartLabel: "SPFH", gemeindeName: "Wesel", source: "report" },
  "sozialdaten.revised": { subjectType: "training", title: "Kinderschutz" },
  "sozialdaten.leitbild": { kinds: ["phone", "email"] },
  "staff.fuehrungszeugnis_due": { staffName: "Vera Vierjahre", runsOut: "2027-02-01", expired: false },
};

describe("notification texts", () => {
  it("has a text for every kind the migrations write, and no text nobody writes", () => {
    const written = kindsWrittenByMigrations();
    // The writers are found at all (a broken extraction must not pass quietly).
    expect(written.size).toBeGreaterThan(50);
    // Including the set-based inserts and the kinds chosen by a case expression.
    for (const kind of ["cover.alert", "staff.fuehrungszeugnis_due", "meeting.reminder", "training.registration_removed_by_organizer"]) {
      expect(written.has(kind), kind).toBe(true);
    }
    const missing = [...written].filter(([kind]) => !Object.hasOwn(notificationTexts, kind));
    expect(missing, "kinds written by the migrations without a text in app/i18n/<feature>.ts").toEqual([]);
    expect(Object.keys(notificationTexts).filter((kind) => !written.has(kind)).sort()).toEqual([]);
  });

  it("writes each kind's own text from its facts: nothing generic, nothing missing", () => {
    for (const kind of Object.keys(examples) as NotificationKindName[]) {
      const text = renderNotification(kind, examples[kind]);
      expect(text, kind).not.toEqual(fallbackNotificationText(kind));
      expect(`${text.title} ${text.body ?? ""}`, kind).not.toMatch(/undefined|null|NaN|\[object/);
    }
  });

  it("says what the SQL sentences said", () => {
    expect(notificationTextOf("cover.alert", examples["cover.alert"])).toEqual({
      title: "Direkt angefragt – Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken",
      body: "KIZ Niederrhein sucht Vertretung: 12,5 Std./Woche, 03.12.2026–17.12.2026.",
    });
    expect(notificationTextOf("cover.alert", { ...cover, occasion: "published" }).title).toBe(
      "Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken",
    );
    // The offer starts with the period, not before; the requester sees its case reference.
    expect(notificationTextOf("cover.offer_received", examples["cover.offer_received"])).toEqual({
      title: "Neues Angebot: F-2026-102",
      body: "Du & Ich e. V. bietet 8 Std./Woche ab 03.12.2026.",
    });
    expect(notificationTextOf("cover.offer_withdrawn", examples["cover.offer_withdrawn"]).title).toBe(
      "Angebot zurückgezogen: Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken",
    );
    expect(notificationTextOf("cover.completed", examples["cover.completed"]).body).toBe("Tatsächlich geleistet: 24,25 Std.");
    expect(notificationTextOf("cover.request_expired", { ...cover, side: "offerer" }).title).toMatch(/^Anfrage abgelaufen: Notfall/);
    expect(notificationTextOf("cover.posting_requested", { memberName: null, note: null })).toEqual({
      title: "Ein Mitglied braucht eine Vertretung",
      body: "Bitte stellen Sie eine Vertretungsanfrage für Ihren Träger ein.",
    });
    // Berlin time, as the SQL's to_char(… at time zone 'Europe/Berlin') wrote it.
    expect(notificationTextOf("training.offered", examples["training.offered"]).body).toBe(
      "Für „Deeskalation im Alltag“ ist ein Platz frei geworden. Bitte nehmen Sie ihn bis 20.01.2027, 18:30 Uhr an.",
    );
    expect(notificationTextOf("training.approval_pending", examples["training.approval_pending"]).body).toBe(
      "2 Plätze für Klient:innen in „Deeskalation im Alltag“ ist reserviert und wartet auf die Freigabe.",
    );
    expect(notificationTextOf("training.approval_requested", examples["training.approval_requested"]).body).toBe(
      "1 Platz für Klient:innen (Träger Y) möchte an „Deeskalation im Alltag“ teilnehmen.",
    );
    expect(notificationTextOf("meeting.invitation", examples["meeting.invitation"])).toEqual({
      title: "Einladung: Kooperationstreffen Januar",
      body: "14.01.2027, 14:00 Uhr · online",
    });
    expect(notificationTextOf("poll.opened", examples["poll.opened"]).body).toBe("Bitte stimmen Sie ab bis 10.01.2027, 23:59 Uhr.");
    expect(notificationTextOf("poll.opened", { title: "X", deadline: null }).body).toBe("Bitte stimmen Sie ab.");
    expect(notificationTextOf("project.task_due", examples["project.task_due"])).toEqual({
      title: "Aufgabe fällig: Spielstationen aufbauen",
      body: "Fällig am 19.06.2027 · Ferienspiele 2027",
    });
    expect(notificationTextOf("project.update", examples["project.update"]).body).toHaveLength(140);
    expect(notificationTextOf("network.coordination_changed", { ...examples["network.coordination_changed"], side: "from" })).toEqual({
      title: "Koordination übergeben: Kreis K",
      body: "Die Koordination von Kreis K liegt jetzt bei B gGmbH.",
    });
    expect(notificationTextOf("sozialdaten.hidden", examples["sozialdaten.hidden"]).title).toBe("Ausgeblendet: Angebot zu Notfall: SPFH in Wesel");
    expect(notificationTextOf("sozialdaten.revised", examples["sozialdaten.revised"]).title).toBe("Überarbeitet: Fortbildung „Kinderschutz“");
    expect(notificationTextOf("sozialdaten.leitbild", examples["sozialdaten.leitbild"]).body).toMatch(/im Leitbild Telefonnummer, E-Mail-Adresse gefunden/);
    expect(notificationTextOf("staff.fuehrungszeugnis_due", { ...examples["staff.fuehrungszeugnis_due"], expired: true }).body).toBe(
      "Das erweiterte Führungszeugnis ist seit dem 01.02.2027 zu alt. Bitte ein neues anfordern und das Datum eintragen.",
    );
  });

  it("gives a plain German text, never an error, for unknown kinds and missing or broken facts", () => {
    expect(renderNotification("something.new", { a: 1 })).toEqual({ title: "Neue Benachrichtigung", body: null });
    expect(renderNotification("cover.something_new", {})).toEqual({ title: "Neues zu einer Vertretung", body: null });
    for (const data of [null, undefined, "text", 42, [], {}, { trainingTitle: 7 }]) {
      expect(renderNotification("training.confirmed", data)).toEqual({ title: "Neues zu einer Fortbildung", body: null });
    }
    expect(renderNotification("cover.alert", { ...cover, urgency: "sofort" }).title).toBe("Neues zu einer Vertretung");
    expect(renderNotification("training.offered", { ...registration, offerExpiresAt: "gestern" }).title).toBe("Neues zu einer Fortbildung");
    // An optional fact that is missing leaves its part out.
    expect(renderNotification("agenda.declined", { topic: "Thema" }).body).toBe("Thema");
  });

  it("keeps what people typed as text: React escapes it on the page, JSON in a push", () => {
    const name = `<img src=x onerror="alert(1)"> & „Co“`;
    expect(renderNotification("join_request.created", { orgName: name, contactName: "Eve" }).title).toBe(`Neue Interessensmeldung: ${name}`);
  });
});

describe("push text", () => {
  const payload = {
    kind: "cover.alert",
    data: { urgency: "notfall", hilfeartLabel: "Sozialpädagogische Familienhilfe (SPFH)", gemeindeName: "Dinslaken", periodFrom: "2026-12-03", periodTo: "2026-12-05" },
    url: "/vertretungen/x",
    tag: "cover-x-cover.alert",
    urgency: "notfall",
  };

  it("writes the push from the queued kind and facts", () => {
    expect(pushMessage(payload)).toEqual({
      title: "Notfall: Sozialpädagogische Familienhilfe (SPFH) in Dinslaken",
      body: "Neue Anfrage · 03.12.2026–05.12.2026",
      url: "/vertretungen/x",
      tag: "cover-x-cover.alert",
      urgency: "notfall",
    });
    expect(pushMessage({ ...payload, kind: "cover.offer_accepted" })?.body).toBe("Ihr Angebot wurde angenommen · 03.12.2026–05.12.2026");
  });

  it("sends nothing it cannot write", () => {
    expect(pushMessage(null)).toBeNull();
    expect(pushMessage({ ...payload, data: {} })).toBeNull();
    expect(pushMessage({ ...payload, url: 3 })).toBeNull();
  });
});
