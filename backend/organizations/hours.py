"""Opening hours as weekly schedule rows in a time zone, and whether a contact is open now.

A contact's hours are rows shaped like Open Referral HSDS `schedule` entries: an ISO weekday
(1 Monday … 7 Sunday), `opens_at` and `closes_at` as "HH:MM" wall-clock times in the
contact's IANA time zone; a `closes_at` at or before `opens_at` closes the next day (a night
line). Why rows and not an OSM `opening_hours` expression: HSDS is the exchange format the
network is heading for (docs/design.md, "Not built yet"), and the app must answer "open now"
offline on a cheap phone, where the OSM evaluator (opening_hours.js with its holiday tables
and i18next) would cost more than the app's whole first-load budget. Weekly rows need no
parser: zoneinfo (here) and Intl (in the app, `pwa/src/lib/hours.ts`) do the time-zone and
daylight-saving arithmetic, and the few lines below only lay the rows on the calendar.
Holidays and exceptions stay in the free-text `hours` note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
ROW_KEYS = {"weekday", "opens_at", "closes_at"}
MAX_ROWS = 28
# Rows of the days before and after are laid out too: a night line of yesterday may be open now,
# and the next opening may be up to a week away.
DAYS_AROUND = range(-1, 8)


@dataclass(frozen=True)
class OpenState:
    """Whether the contact is open at a moment, and when that next changes (None: never)."""

    open_now: bool
    next_change_at: datetime | None


def validate_time_zone(name: str) -> None:
    """An IANA time zone name zoneinfo knows ("Europe/Berlin"); "" means none."""
    if not name:
        return
    try:
        known = name in available_timezones() and ZoneInfo(name) is not None
    except (ZoneInfoNotFoundError, ValueError):
        known = False
    if not known:
        raise ValidationError(_("%(name)s is not an IANA time zone such as Europe/Berlin.") % {"name": name})


def validate_schedule(rows) -> None:
    """Rows of {"weekday": 1-7, "opens_at": "HH:MM", "closes_at": "HH:MM"}, with no two rows alike."""
    if not isinstance(rows, list):
        raise ValidationError(_("Opening hours are a list of weekly rows."))
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("At most %(count)d rows of opening hours.") % {"count": MAX_ROWS})
    seen = set()
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or set(row) != ROW_KEYS:
            raise ValidationError(
                _("Row %(number)d: give exactly weekday, opens_at and closes_at.") % {"number": number}
            )
        weekday = row["weekday"]
        if type(weekday) is not int or not 1 <= weekday <= 7:
            raise ValidationError(
                _("Row %(number)d: weekday is 1 (Monday) to 7 (Sunday).") % {"number": number}
            )
        for key in ("opens_at", "closes_at"):
            if not isinstance(row[key], str) or not CLOCK.match(row[key]):
                raise ValidationError(
                    _("Row %(number)d: %(key)s is a time from 00:00 to 23:59.")
                    % {"number": number, "key": key}
                )
        if row["opens_at"] == row["closes_at"]:
            raise ValidationError(
                _("Row %(number)d: it opens and closes at the same time.") % {"number": number}
            )
        key = (weekday, row["opens_at"], row["closes_at"])
        if key in seen:
            raise ValidationError(_("Row %(number)d repeats an earlier row.") % {"number": number})
        seen.add(key)


def validate_hours(rows, time_zone: str) -> None:
    """Structured hours need the time zone they are read in."""
    if rows and not time_zone:
        raise ValidationError(_("Opening hours need a time zone (IANA name such as Europe/Berlin)."))


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The instant of a wall-clock time; a time skipped by a spring-forward lands after the gap."""
    local = datetime.combine(day, clock, tzinfo=zone)
    return local.astimezone(UTC).astimezone(zone)


def intervals(rows, zone: ZoneInfo, around: datetime) -> list[tuple[datetime, datetime]]:
    """The opening intervals (UTC) of the days around `around`, in order, overlaps merged."""
    today = around.astimezone(zone).date()
    spans = []
    for offset in DAYS_AROUND:
        day = today + timedelta(days=offset)
        for row in rows:
            if row["weekday"] != day.isoweekday():
                continue
            opens, closes = _clock(row["opens_at"]), _clock(row["closes_at"])
            start = _at(day, opens, zone).astimezone(UTC)
            end = _at(day + timedelta(days=1 if closes <= opens else 0), closes, zone).astimezone(UTC)
            spans.append((start, end))
    merged: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def open_state(rows, time_zone: str, now: datetime) -> OpenState | None:
    """Open now, and the next opening or closing; None when no structured hours are published."""
    if not rows or not time_zone:
        return None
    now = now.astimezone(UTC)
    for start, end in intervals(rows, ZoneInfo(time_zone), now):
        if start <= now < end:
            return OpenState(True, end)
        if now < start:
            return OpenState(False, start)
    return OpenState(False, None)
