import { describe, expect, it } from "vitest";
import {
  events,
  parseIcs,
  prop,
  props,
  unescapeText,
} from "../../../tests/helpers/ics";
import { trainingIcs } from "./ics";
import {
  berlinLocal,
  escapeText,
  foldLine,
  quoteParam,
  writeCalendar,
  type IcsEvent,
} from "./writer";

const base: IcsEvent = {
  uid: "meeting-1@traegerkreis",
  start: "2026-08-19T15:00:00+02:00",
  end: "2026-08-19T17:30:00+02:00",
  summary: "Kooperationstreffen",
};

describe("the iCalendar writer", () => {
  it("escapes TEXT values and drops other control characters", () => {
    expect(escapeText("a\\b;c,d\r\ne\nf\rg")).toBe(
      "a\\\\b\\;c\\,d\\ne\\nf\\ng",
    );
    expect(escapeText("x\u0000y\u0007z\u001b\u007f\u0085\u2028\u2029")).toBe(
      "xyz",
    );
    expect(escapeText("tab\there")).toBe("tab here");
  });

  it("quotes parameter values with RFC 6868 encoding", () => {
    expect(quoteParam('Du & Ich "e. V."; Wesel: Nord')).toBe(
      `"Du & Ich ^'e. V.^'; Wesel: Nord"`,
    );
    expect(quoteParam("a^b\r\nc")).toBe('"a^^b^nc"');
  });

  it("folds at 75 octets without splitting UTF-8 characters", () => {
    const line = `SUMMARY:${"Ä".repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n"))
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:x")).toBe("SHORT:x");
  });

  it("folds every mix of 1- to 4-octet characters as greedily as the octets allow", () => {
    // The reference: encode character by character, break before the one that would not fit.
    const reference = (line: string) => {
      const parts: string[] = [];
      let current = "";
      let size = 0;
      let limit = 75;
      for (const char of line) {
        const bytes = new TextEncoder().encode(char).length;
        if (size + bytes > limit) {
          parts.push(current);
          current = "";
          size = 0;
          limit = 74;
        }
        current += char;
        size += bytes;
      }
      parts.push(current);
      return parts.join("\r\n ");
    };
    const alphabet = ["a", "ß", "€", "😀", "日", " ", ",", "\ud800"]; // the last: a lone surrogate
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 400; n++) {
      const length = next() % 220;
      let line = "DESCRIPTION:";
      for (let i = 0; i < length; i++) line += alphabet[next() % alphabet.length];
      const folded = foldLine(line);
      expect(folded).toBe(reference(line));
      for (const part of folded.split("\r\n")) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    }
    expect(foldLine(`URL:https://example.org/${"x".repeat(200)}`).split("\r\n").map((p) => p.length)).toEqual([75, 75, 75, 2]); // " " + 74 on each continuation
  });

  it("writes Berlin wall-clock times with a VTIMEZONE, across the DST change", () => {
    expect(berlinLocal("2026-03-29T00:30:00Z")).toBe("20260329T013000"); // CET
    expect(berlinLocal("2026-03-29T01:30:00Z")).toBe("20260329T033000"); // CEST
    expect(berlinLocal("2026-10-25T00:30:00Z")).toBe("20261025T023000"); // still CEST
    expect(berlinLocal("2026-10-25T01:30:00Z")).toBe("20261025T023000"); // CET again: the hour repeats
    const cal = parseIcs(
      writeCalendar({
        productId: "-//T//X//DE",
        method: "REQUEST",
        events: [base],
      }),
    );
    expect(cal.components.map((c) => c.type)).toEqual(["VTIMEZONE", "VEVENT"]);
    const tz = cal.components[0]!;
    expect(prop(tz, "TZID")?.value).toBe("Europe/Berlin");
    expect(tz.components.map((c) => c.type)).toEqual(["DAYLIGHT", "STANDARD"]);
    const [event] = events(cal);
    expect(prop(event!, "DTSTART")).toMatchObject({
      params: { TZID: "Europe/Berlin" },
      value: "20260819T150000",
    });
    expect(prop(event!, "DTEND")?.value).toBe("20260819T173000");
    expect(prop(cal, "METHOD")?.value).toBe("REQUEST");
  });

  it("cannot be made to write extra lines by a Träger name, title or place", () => {
    const hostile =
      'Du & Ich"\r\nATTENDEE:mailto:evil@example.org\r\nX-EVIL:1;\n";CN=x:mailto:a@b';
    const ics = writeCalendar({
      productId: "-//T//X//DE",
      method: "REQUEST",
      name: "Kreis\r\nX-INJECT:1",
      events: [
        {
          ...base,
          summary: "Treffen\rBEGIN:VALARM",
          description: "Zeile 1\nSTATUS:CANCELLED\r\nZeile 3",
          location: "Schermbeck,\r\nURL:https://evil.example",
          url: "https://traegerkreis.example/treffen/1\r\nX-EVIL:1",
          organizer: { name: hostile, email: "host@traeger.example" },
          attendees: [
            { name: hostile, email: "a@b.example\r\nX-EVIL:2", rsvp: true },
          ],
          sequence: 3,
          status: "CONFIRMED",
        },
      ],
    });
    // No bare CR/LF (physicalLines checks) and no injected property anywhere.
    const cal = parseIcs(ics);
    const [event] = events(cal);
    expect(event!.components).toEqual([]);
    expect(event!.properties.map((p) => p.name)).toEqual([
      "UID",
      "DTSTAMP",
      "DTSTART",
      "DTEND",
      "SEQUENCE",
      "SUMMARY",
      "DESCRIPTION",
      "LOCATION",
      "URL",
      "STATUS",
      "TRANSP",
      "ORGANIZER",
      "ATTENDEE",
    ]);
    expect(props(event!, "ATTENDEE")).toHaveLength(1);
    expect(props(event!, "STATUS").map((p) => p.value)).toEqual(["CONFIRMED"]);
    expect(cal.properties.map((p) => p.name)).toEqual([
      "VERSION",
      "PRODID",
      "CALSCALE",
      "METHOD",
      "X-WR-CALNAME",
      "X-WR-TIMEZONE",
    ]);
    expect(unescapeText(prop(event!, "SUMMARY")!.value)).toBe(
      "Treffen\nBEGIN:VALARM",
    );
    expect(unescapeText(prop(event!, "DESCRIPTION")!.value)).toBe(
      "Zeile 1\nSTATUS:CANCELLED\nZeile 3",
    );
    expect(unescapeText(prop(event!, "LOCATION")!.value)).toBe(
      "Schermbeck,\nURL:https://evil.example",
    );
    expect(prop(event!, "URL")!.value).toBe(
      "https://traegerkreis.example/treffen/1X-EVIL:1",
    );
    expect(prop(event!, "ORGANIZER")).toMatchObject({
      params: { CN: hostile.replace(/\r\n/g, "\n") },
      value: "mailto:host@traeger.example",
    });
    expect(prop(event!, "ATTENDEE")).toMatchObject({
      params: { PARTSTAT: "NEEDS-ACTION", RSVP: "TRUE" },
    });
    expect(prop(event!, "ATTENDEE")!.value).toBe("mailto:a@b.exampleX-EVIL:2");
    expect(prop(event!, "SEQUENCE")!.value).toBe("3");
  });

  it("refuses an event that ends before it starts and tokens from outside", () => {
    expect(() =>
      writeCalendar({ productId: "p", events: [{ ...base, end: base.start }] }),
    ).toThrow(/end after/);
    expect(() =>
      writeCalendar({
        productId: "p",
        refreshInterval: "PT1H\r\nX:1",
        events: [],
      }),
    ).toThrow(/invalid token/);
    const feed = parseIcs(
      writeCalendar({
        productId: "p",
        refreshInterval: "PT1H",
        name: "Kreis",
        events: [],
      }),
    );
    expect(prop(feed, "REFRESH-INTERVAL")).toMatchObject({
      params: { VALUE: "DURATION" },
      value: "PT1H",
    });
    expect(prop(feed, "X-PUBLISHED-TTL")?.value).toBe("PT1H");
  });

  it("writes whole-day entries as VALUE=DATE with an exclusive end, and refuses anything but a day", () => {
    const feed = parseIcs(
      writeCalendar({
        productId: "p",
        events: [{ uid: "cover-1@traegerkreis", allDay: true, start: "2026-10-24", end: "2026-10-27", summary: "Vertretung" }],
      }),
    );
    const [event] = events(feed);
    expect(prop(event!, "DTSTART")).toMatchObject({ params: { VALUE: "DATE" }, value: "20261024" });
    expect(prop(event!, "DTEND")).toMatchObject({ params: { VALUE: "DATE" }, value: "20261027" });
    for (const [start, end] of [
      ["2026-10-24", "2026-10-24"],
      ["2026-10-24T00:00", "2026-10-25"],
      ["2026-10-24\r\nX:1", "2026-10-25"],
      ["2026-02-3x", "2026-03-01"],
    ]) {
      expect(() =>
        writeCalendar({ productId: "p", events: [{ uid: "u", allDay: true, start: start!, end: end!, summary: "s" }] }),
      ).toThrow(/ics:/);
    }
    expect(() =>
      writeCalendar({ productId: "p", events: [{ uid: "u", allDay: true, start: new Date(), end: "2026-10-25", summary: "s" }] }),
    ).toThrow(/YYYY-MM-DD/);
  });

  it("keeps the training files injection-free (Träger name with CR/LF/quotes, bare CR in a title)", () => {
    const ics = trainingIcs({
      title: "Deeskalation\rX-EVIL:1",
      sessions: [
        {
          position: 1,
          startsAt: "2027-01-14T09:00:00+01:00",
          endsAt: "2027-01-14T12:00:00+01:00",
        },
      ],
      place: "Wesel",
      organizerName: 'Bildungswerk"\r\nATTENDEE;CN=x:mailto:evil@example.org',
      organizerEmail: "fortbildung@bildungswerk.example",
      url: "https://traegerkreis.example/fortbildungen/x",
      uid: "training-x@traegerkreis",
    });
    const cal = parseIcs(ics);
    const [event] = events(cal);
    expect(props(event!, "ATTENDEE")).toEqual([]);
    expect(event!.properties.some((p) => p.name.startsWith("X-"))).toBe(false);
    expect(unescapeText(prop(event!, "SUMMARY")!.value)).toBe(
      "Deeskalation\nX-EVIL:1",
    );
    expect(prop(event!, "ORGANIZER")!.params.CN).toBe(
      'Bildungswerk"\nATTENDEE;CN=x:mailto:evil@example.org',
    );
    expect(unescapeText(prop(event!, "DESCRIPTION")!.value)).toContain(
      'Veranstalter: Bildungswerk"\nATTENDEE;CN=x:mailto:evil@example.org',
    );
    expect(prop(event!, "DTSTART")!.value).toBe("20270114T090000");
  });
});
