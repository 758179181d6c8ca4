import { describe, expect, it } from "vitest";
import { LIST_DAYS, visibleDays } from "./calendar-range";

describe("the days a calendar view shows", () => {
  it("the list: its 30 days from the date", () => {
    expect(LIST_DAYS).toBe(30);
    expect(visibleDays("agenda", "2026-12-20")).toEqual({ from: "2026-12-20", to: "2027-01-19" });
  });

  it("the month: the grid's weeks around the 1st; the week: the days around the date", () => {
    expect(visibleDays("month", "2027-02-17")).toEqual({ from: "2027-01-25", to: "2027-03-15" });
    expect(visibleDays("week", "2027-03-01")).toEqual({ from: "2027-02-22", to: "2027-03-09" });
  });

  it("a list inside the month range needs no reload; the month after a list does", () => {
    const month = { from: "2026-11-23", to: "2027-02-09" };
    const list = visibleDays("agenda", "2026-12-20");
    expect(list.from >= month.from && list.to <= month.to).toBe(true);
    const loadedList = visibleDays("agenda", "2026-12-20");
    const grid = visibleDays("month", "2026-12-20");
    expect(grid.from < loadedList.from).toBe(true);
  });
});
