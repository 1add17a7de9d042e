import { describe, expect, it } from "vitest";
import { openState, type ScheduleRow } from "../src/lib/hours";

/** The cases of tests/organizations/test_opening_hours.py: the app answers as the API does. */
const WORKDAYS: ScheduleRow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens_at: "10:00", closes_at: "16:00" }));

function at(iso: string, rows: ScheduleRow[], zone: string) {
  const state = openState(rows, zone, new Date(iso));
  return state && [state.openNow, state.nextChange?.toISOString() ?? null];
}

describe("open now, offline", () => {
  it.each([
    // Friday before Berlin's spring-forward: 09:30 CET, opens at 10:00 CET.
    ["2026-03-27T08:30:00Z", [false, "2026-03-27T09:00:00.000Z"]],
    ["2026-03-27T09:30:00Z", [true, "2026-03-27T15:00:00.000Z"]],
    // Friday evening: Monday 10:00 is CEST now, an hour earlier in UTC.
    ["2026-03-27T15:30:00Z", [false, "2026-03-30T08:00:00.000Z"]],
    ["2026-03-30T08:30:00Z", [true, "2026-03-30T14:00:00.000Z"]],
    // Back to CET in October.
    ["2026-10-26T08:30:00Z", [false, "2026-10-26T09:00:00.000Z"]],
    ["2026-10-26T09:30:00Z", [true, "2026-10-26T15:00:00.000Z"]],
  ])("follows the contact's clock across daylight saving at %s", (moment, expected) => {
    expect(at(moment, WORKDAYS, "Europe/Berlin")).toEqual(expected);
  });

  it("reads a contact in another time zone in its own time", () => {
    const daily = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens_at: "09:00", closes_at: "21:00" }));
    expect(at("2026-03-30T04:30:00Z", daily, "Asia/Tbilisi")).toEqual([false, "2026-03-30T05:00:00.000Z"]);
    expect(at("2026-03-30T16:59:00Z", daily, "Asia/Tbilisi")).toEqual([true, "2026-03-30T17:00:00.000Z"]);
  });

  it("keeps a night line open past midnight", () => {
    const night = [{ weekday: 5, opens_at: "22:00", closes_at: "02:00" }];
    expect(at("2026-04-03T22:30:00Z", night, "Europe/Berlin")).toEqual([true, "2026-04-04T00:00:00.000Z"]);
    expect(at("2026-04-04T00:30:00Z", night, "Europe/Berlin")).toEqual([false, "2026-04-10T20:00:00.000Z"]);
  });

  it("opens after the gap when the opening time is skipped by the clocks", () => {
    // 02:30 does not exist in Berlin on 29 March 2026: it opens at 03:30 CEST, 01:30 UTC.
    const sunday = [{ weekday: 7, opens_at: "02:30", closes_at: "05:00" }];
    expect(at("2026-03-29T00:00:00Z", sunday, "Europe/Berlin")).toEqual([false, "2026-03-29T01:30:00.000Z"]);
  });

  it("claims nothing without structured hours", () => {
    expect(openState([], "Europe/Berlin")).toBeNull();
    expect(openState(WORKDAYS, "")).toBeNull();
    expect(openState(undefined, undefined)).toBeNull();
  });
});
