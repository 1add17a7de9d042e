/**
 * "Open now / opens at …", offline, from a contact's synced weekly rows and IANA time zone:
 * the rule the API's `open_now` and `next_change_at` follow (backend/organizations/hours.py),
 * so a reader gets the same answer with or without a connection. The browser's Intl does the
 * time-zone and daylight-saving arithmetic; this only lays the rows on the calendar. A
 * `closes_at` at or before `opens_at` closes the next day.
 */
export interface ScheduleRow {
  weekday: number;
  opens_at: string;
  closes_at: string;
}

export interface OpenState {
  openNow: boolean;
  /** When it next opens (closes, if open now); null when it never does. */
  nextChange: Date | null;
}

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of `instant` in `zone`, as if it were UTC (ms). */
function wallClock(instant: number, zone: string): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * The instant a wall-clock time (as UTC ms) happens in `zone`: the earlier one when the clocks
 * go back, and for a time the clocks skip, the same time on the offset before the change
 * (02:30 on a spring-forward day is 03:30): what Python's zoneinfo does.
 */
function instantOf(wall: number, zone: string): number {
  const before = wall - (wallClock(wall - DAY_MS, zone) - (wall - DAY_MS));
  const after = wall - (wallClock(wall + DAY_MS, zone) - (wall + DAY_MS));
  const valid = [before, after].filter((t) => wallClock(t, zone) === wall).sort((a, b) => a - b);
  return valid[0] ?? before;
}

function minutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Opening intervals [start, end) in ms around `now`, from the day before to a week ahead, merged. */
export function intervals(rows: readonly ScheduleRow[], zone: string, now: number): [number, number][] {
  const today = wallClock(now, zone);
  const midnight = today - (today % DAY_MS);
  const spans: [number, number][] = [];
  for (let offset = -1; offset < 8; offset++) {
    const day = midnight + offset * DAY_MS;
    const weekday = new Date(day).getUTCDay() || 7;
    for (const row of rows) {
      if (row.weekday !== weekday) continue;
      const opens = minutes(row.opens_at);
      const closes = minutes(row.closes_at);
      const start = instantOf(day + opens * 60_000, zone);
      const end = instantOf(day + (closes <= opens ? DAY_MS : 0) + closes * 60_000, zone);
      spans.push([start, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Null when the contact publishes no structured hours (its free-text note may say more). */
export function openState(
  rows: readonly ScheduleRow[] | undefined,
  zone: string | undefined,
  now: Date = new Date(),
): OpenState | null {
  if (!rows?.length || !zone) return null;
  const at = now.getTime();
  for (const [start, end] of intervals(rows, zone, at)) {
    if (start <= at && at < end) return { openNow: true, nextChange: new Date(end) };
    if (at < start) return { openNow: false, nextChange: new Date(start) };
  }
  return { openNow: false, nextChange: null };
}
