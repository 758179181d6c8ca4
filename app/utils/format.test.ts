// The one format module and the Berlin wall clock it rests on, across both daylight-saving changes
// of 2026 (29 March: 02:00 → 03:00; 25 October: 03:00 → 02:00).
import { describe, expect, it } from "vitest";
import { berlinClock, berlinDateTimeToInstant, berlinMonthRange, berlinParts, berlinToInstant } from "./berlin-time";
import {
  calendarDayMonthYearText,
  countLabel,
  dayMonthYearText,
  longDayTimeText,
  longSessionText,
  weekdayDateText,
  weekdayDateTimeText,
  dayText,
  euro,
  euroPlain,
  formatDate,
  formatDateTime,
  hoursPlain,
  hoursText,
  hoursWithUnit,
  longDayText,
  momentText,
  monthText,
  periodText,
  sessionText,
  shortCalendarDayText,
  timeText,
} from "./format";

describe("Berlin wall clock", () => {
  it("turns wall-clock times into instants on both sides of the spring change", () => {
    expect(berlinToInstant("2026-03-29", "01:59").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(berlinToInstant("2026-03-29", "03:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 02:30 does not exist that night: it reads as the hour after.
    expect(berlinToInstant("2026-03-29", "02:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("turns wall-clock times into instants on both sides of the autumn change", () => {
    expect(berlinToInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-24T23:30:00.000Z");
    // 02:30 happens twice: the second (winter-time) one is taken.
    expect(berlinToInstant("2026-10-25", "02:30").toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(berlinToInstant("2026-10-25", "03:00").toISOString()).toBe("2026-10-25T02:00:00.000Z");
    expect(berlinDateTimeToInstant("2026-12-31T23:30").toISOString()).toBe("2026-12-31T22:30:00.000Z");
  });

  it("reads instants back as Berlin wall clock, the repeated hour included", () => {
    expect(berlinParts("2026-03-29T00:30:00Z")).toEqual({ date: "2026-03-29", time: "01:30" });
    expect(berlinParts("2026-03-29T01:30:00Z")).toEqual({ date: "2026-03-29", time: "03:30" });
    expect(berlinParts("2026-10-25T00:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(berlinParts("2026-10-25T01:30:00Z")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(berlinClock("2026-12-31T23:00:00Z")).toMatchObject({ year: 2027, month: 1, day: 1, hour: 0 });
  });

  it("gives a month's range in instants, 23 and 25 hour days included", () => {
    const march = berlinMonthRange("2026-03");
    expect(march.from.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(march.to.toISOString()).toBe("2026-03-31T22:00:00.000Z");
    const october = berlinMonthRange("2026-10");
    expect(october.to.toISOString()).toBe("2026-10-31T23:00:00.000Z");
  });
});

describe("format", () => {
  it("writes instants in Berlin time in summer and winter", () => {
    expect(formatDate("2026-03-28T23:30:00Z")).toBe("29.03.2026");
    expect(formatDateTime("2026-03-29T01:30:00Z")).toBe("29.03.2026, 03:30 Uhr");
    expect(formatDateTime("2026-10-25T01:30:00Z")).toBe("25.10.2026, 02:30 Uhr");
    expect(timeText("2026-10-25T02:00:00Z")).toBe("03:00");
    expect(longDayText("2026-08-19T13:00:00Z")).toBe("Mittwoch, 19. August 2026");
  });

  it("writes sessions and moments", () => {
    expect(sessionText("2027-03-02T08:00:00Z", "2027-03-02T11:00:00Z")).toBe("Di, 02.03.2027, 09:00–12:00 Uhr");
    expect(sessionText("2027-03-02T08:00:00Z", "2027-03-03T11:00:00Z")).toBe(
      "02.03.2027, 09:00 Uhr – 03.03.2027, 12:00 Uhr",
    );
    expect(momentText("2026-12-03T13:00:00Z", "2026-12-01T08:00:00Z")).toBe("Do., 14:00 Uhr");
    expect(momentText("2026-12-23T13:00:00Z", "2026-12-01T08:00:00Z")).toBe("Mi., 23.12., 14:00 Uhr");
  });

  it("writes calendar dates and months without shifting the day", () => {
    expect(dayText("2026-12-03")).toBe("03.12.2026");
    expect(periodText("2026-12-03", "2026-12-17")).toBe("03.12. – 17.12.2026");
    expect(periodText("2026-12-03", "2027-01-05")).toBe("03.12.2026 – 05.01.2027");
    expect(shortCalendarDayText("2026-10-25")).toBe("So., 25. Okt. 2026");
    expect(monthText("2027-01")).toBe("Januar 2027");
    expect(monthText("2027-3")).toBe("März 2027");
  });

  it("writes the mails' long and weekday forms on both sides of the autumn change", () => {
    // 25 October 2026, 01:30 UTC is 03:30 summer time; 02:30 UTC is 03:30 winter time.
    expect(longDayTimeText("2026-10-24T23:30:00Z")).toBe("Sonntag, 25. Oktober 2026, 01:30 Uhr");
    expect(longDayTimeText("2026-10-25T02:30:00Z")).toBe("Sonntag, 25. Oktober 2026, 03:30 Uhr");
    expect(longSessionText("2026-12-03T08:00:00Z", "2026-12-03T11:00:00Z")).toBe(
      "Donnerstag, 3. Dezember 2026, 09:00–12:00 Uhr",
    );
    expect(longSessionText("2026-12-03T21:00:00Z", "2026-12-03T23:30:00Z")).toBe(
      "Donnerstag, 3. Dezember 2026, 22:00 Uhr bis Freitag, 4. Dezember 2026, 00:30 Uhr",
    );
    expect(dayMonthYearText("2026-03-28T23:30:00Z")).toBe("29. März 2026");
    expect(calendarDayMonthYearText("2026-12-01")).toBe("1. Dezember 2026");
    expect(calendarDayMonthYearText("kein Datum")).toBe("kein Datum");
    expect(weekdayDateText("2026-11-30")).toBe("Mo., 30.11.2026");
    expect(weekdayDateTimeText("2026-03-29T01:30:00Z")).toBe("So., 29.03.2026, 03:30 Uhr");
  });

  it("writes hours, money and counts", () => {
    expect(hoursText("12.50")).toBe("12,5");
    expect(hoursText(null)).toBe("0");
    expect(hoursText(1234.5)).toBe("1.234,5");
    expect(hoursPlain(1234.5)).toBe("1234,5");
    expect(hoursPlain("7.25")).toBe("7,25");
    expect(hoursWithUnit(1)).toBe("1 Stunde");
    expect(hoursWithUnit(2.5)).toBe("2,5 Stunden");
    expect(euro(4500)).toBe("45,00\u00a0€");
    expect(euroPlain(123456)).toBe("1234,56");
    expect(countLabel(1, "Meldung", "Meldungen")).toBe("1 Meldung");
    expect(countLabel(1200, "Träger")).toBe("1.200 Träger");
  });
});
