import { TZDateMini } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { BERLIN, berlinClock } from "./berlin-time";

/** What berlinClock computed before it kept offsets by hour: the zone data asked every time. */
function fromZoneData(ms: number) {
  const t = new TZDateMini(ms, BERLIN);
  return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate(), hour: t.getHours(), minute: t.getMinutes(), second: t.getSeconds() };
}

describe("berlinClock", () => {
  it("agrees with the zone data at every hour of two years, at odd minutes and seconds too", () => {
    const start = Date.UTC(2026, 0, 1);
    for (let h = 0; h < 2 * 366 * 24; h++) {
      for (const within of [0, 59_999, 1_234_567, 3_599_999]) {
        const ms = start + h * 3_600_000 + within;
        expect(berlinClock(new Date(ms))).toEqual(fromZoneData(ms));
      }
    }
  });

  it("crosses the clock changes: 02:59:59 CET is followed by 03:00 CEST, and 02:xx repeats in October", () => {
    expect(berlinClock("2026-03-29T00:59:59Z")).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(berlinClock("2026-03-29T01:00:00Z")).toMatchObject({ day: 29, hour: 3, minute: 0 });
    expect(berlinClock("2026-10-25T00:30:00Z")).toMatchObject({ hour: 2, minute: 30 });
    expect(berlinClock("2026-10-25T01:30:00Z")).toMatchObject({ hour: 2, minute: 30 });
    expect(berlinClock("2026-12-31T23:30:00Z")).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 0 });
  });

  it("gives NaN for an invalid instant, as before", () => {
    expect(berlinClock("kein Datum").year).toBeNaN();
  });
});
