"""Demo action week around Human Rights Day (10 December), with events of several partners.

The week is the next one to come (this year's until it is over, then next year's), so the
demo calendar always has something ahead. Times are wall-clock times in each event's own
time zone. Everything is invented and marked "(example data)".
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from core.demo import EXAMPLE, upsert
from organizations.models import Organization

from .models import Campaign, Event

DEMANDS = """Recognize the right to conscientious objection, also in war and for reservists.
Grant protection to objectors and deserters from Russia, Belarus and Ukraine.
Stop deportations of objectors to the countries they fled.
Release imprisoned objectors."""

# (organization slug, title, day offset from 10 December, start, end, time zone, city, country, visibility)
EVENTS = [
    (
        "network-office",
        "Vigil for imprisoned objectors",
        0,
        "18:00",
        "19:30",
        "Europe/Berlin",
        "Berlin",
        "DE",
        "public",
    ),
    (
        "no-means-no",
        "Film and talk: Belarusian conscripts who refuse",
        -1,
        "19:00",
        "21:30",
        "Europe/Vilnius",
        "Vilnius",
        "LT",
        "public",
    ),
    (
        "pacifist-movement-ua",
        "Online press conference: objectors on trial",
        -2,
        "12:00",
        "13:00",
        "Europe/Kyiv",
        None,
        None,
        "public",
    ),
    (
        "objection-ru",
        "Online consultation hour on alternative civilian service",
        1,
        "17:00",
        "19:00",
        "Europe/Moscow",
        None,
        None,
        "network",
    ),
    (
        "georgia-counseling",
        "Information evening for Russians in Tbilisi",
        2,
        "18:00",
        "20:00",
        "Asia/Tbilisi",
        "Tbilisi",
        "GE",
        "public",
    ),
    (
        "lithuania-support",
        "Roundtable with asylum lawyers",
        0,
        "10:00",
        "13:00",
        "Europe/Vilnius",
        "Vilnius",
        "LT",
        "network",
    ),
    (
        "finland-contacts",
        "Information stand at the central station",
        3,
        "12:00",
        "16:00",
        "Europe/Helsinki",
        "Helsinki",
        "FI",
        "public",
    ),
    (
        "western-europe-legal",
        "Workshop: evidence of call-up in French asylum cases",
        -1,
        "14:00",
        "17:00",
        "Europe/Paris",
        "Paris",
        "FR",
        "public",
    ),
    (
        "network-office",
        "Coordinators' call after the week",
        3,
        "10:00",
        "11:30",
        "Europe/Berlin",
        None,
        None,
        "restricted",
    ),
]


def action_week_year(today: date) -> int:
    """This year's week until it has ended, then next year's."""
    return today.year if today <= date(today.year, 12, 13) else today.year + 1


def at(day: date, clock: str, zone: str) -> datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


def load() -> None:
    year = action_week_year(timezone.localdate())
    human_rights_day = date(year, 12, 10)
    campaign = upsert(
        Campaign,
        {"slug": f"human-rights-day-{year}"},
        name=f"Action week for the right to refuse, Human Rights Day {year} {EXAMPLE}",
        hashtag="#RightToRefuse",
        start_date=human_rights_day - timedelta(days=3),
        end_date=human_rights_day + timedelta(days=3),
        demands=DEMANDS,
        description=(
            "Around Human Rights Day, partner organizations across Europe hold vigils, talks, "
            f"workshops and consultation hours for objectors and deserters. {EXAMPLE}"
        ),
        visibility=Campaign.Level.PUBLIC,
        is_example=True,
    )
    for slug, title, offset, start, end, zone, city, country, visibility in EVENTS:
        day = human_rights_day + timedelta(days=offset)
        online = city is None
        upsert(
            Event,
            {
                "campaign": campaign,
                "organization": Organization.objects.get(slug=slug),
                "title": f"{title} {EXAMPLE}",
            },
            description=f"{title}. {EXAMPLE}",
            starts_at=at(day, start, zone),
            ends_at=at(day, end, zone),
            timezone=zone,
            is_online=online,
            place="" if online else "Central square",
            city=city or "",
            country=country or "",
            link=f"https://{slug}.example.org/action-week-{year}",
            visibility=visibility,
            is_example=True,
        )
