import { describe, expect, it } from "vitest";
import { LIST_DAYS, visibleDays } from "./calendar-range";

describe("the days a calendar view shows", () => {
  it("the list: its 30 days from the date", () => {
    expect(LIST_DAYS).toBe(30);
    expect(visibleDays("agenda", "2026-12-20")).toEqual({ from: "2026-12-20", to: "2027-01-19" });
  });

  it("the month: six weeks from the Monday of the 1st's week; the week: Monday to Sunday", () => {
    expect(visibleDays("month", "2027-02-17")).toEqual({ from: "2027-02-01", to: "2027-03-15" });
    expect(visibleDays("month", "2027-01-31")).toEqual({ from: "2026-12-28", to: "2027-02-08" });
    expect(visibleDays("week", "2027-03-01")).toEqual({ from: "2027-03-01", to: "2027-03-08" });
    expect(visibleDays("week", "2027-03-07")).toEqual({ from: "2027-03-01", to: "2027-03-08" });
  });

  it("a list inside the month range needs no reload; the month after a list does", () => {
    const month = visibleDays("month", "2026-12-05");
    const list = visibleDays("agenda", "2026-12-05");
    expect(list.from >= month.from && list.to <= month.to).toBe(true);
    const loadedList = visibleDays("agenda", "2026-12-20");
    const grid = visibleDays("month", "2026-12-20");
    expect(grid.from < loadedList.from).toBe(true);
  });
});
