"""Waypoint's directory as Open Referral HSDS 3.1 objects: the one place the mapping is written.

docs/hsds.md tables it for partners. In short: an organization is an HSDS `organization`; each
contact point is a `service` of its organization (the way help is reached, with its own status,
languages, hours and countries served), with `phones` for phone and SMS lines, `languages`,
`schedules` from its weekly opening hours and `service_areas` for the countries it serves. An
office, the one channel that is a place, is also a `service_at_location` at a physical `location`
whose description is the address as written (HSDS's structured `address` needs parts we do not
keep apart).

HSDS fields are typed strings without null, so an empty value is left out, never sent as null
or "". Texts are the originals (HSDS has no translations).
"""

from __future__ import annotations

from itertools import groupby

from core.serializers import COUNTRY_CHOICES
from core.vocabulary import LANGUAGE_CHOICES
from organizations.models import ContactPoint, Organization
from organizations.ranking import countries_served

from .ids import Kind, object_id, part_id

Channel = ContactPoint.Channel
Status = ContactPoint.Status

# Paused: back later. Compromised: withdrawn for good unless the network office lifts the mark.
# Only the contact's own organization and admins see either (docs/design.md, rule 2).
SERVICE_STATUS = {
    Status.ACTIVE: "active",
    Status.PAUSED: "temporarily closed",
    Status.COMPROMISED: "defunct",
}
# RFC 6350 phone types, as HSDS `phone.type` asks.
PHONE_TYPE = {Channel.PHONE: "voice", Channel.SMS: "text"}
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
COUNTRY_NAMES = dict(COUNTRY_CHOICES)


def _present(**fields) -> dict:
    """The fields that hold a value: HSDS leaves out what it does not know."""
    return {name: value for name, value in fields.items() if value not in (None, "")}


def organization(org: Organization) -> dict:
    return {
        "id": object_id(Kind.ORGANIZATION, org.pk),
        "name": org.name,
        "description": org.description,
        **_present(website=org.website),
    }


def organization_with_services(org: Organization, contacts) -> dict:
    return {**organization(org), "services": [service(contact, nested=False) for contact in contacts]}


def service(contact: ContactPoint, *, nested: bool = True) -> dict:
    """A contact point as a service; `nested` adds its organization (left out inside one)."""
    org = contact.organization
    service_id = object_id(Kind.SERVICE, contact.pk)
    org_id = object_id(Kind.ORGANIZATION, org.pk)
    verified = contact.last_verified_at
    return {
        "id": service_id,
        "organization_id": org_id,
        "name": _title(contact),
        "description": f"{contact.get_channel_display()}: {contact.value}",
        "status": SERVICE_STATUS[contact.status],
        **_present(
            url=_link(contact),
            email=contact.value if contact.channel == Channel.EMAIL else None,
            application_process=contact.security_advice,
            assured_date=verified.date() if verified else None,
        ),
        # Its organization's name is part of it, so it changes when either does.
        "last_modified": max(contact.updated_at, org.updated_at),
        "phones": _phones(contact, service_id),
        "schedules": _schedules(contact, service_id),
        "service_areas": [
            {
                "id": part_id(service_id, f"service_area:{code}"),
                "service_id": service_id,
                "name": COUNTRY_NAMES.get(code, code),
                "extent": code,
                "extent_type": "text",
            }
            for code in countries_served(contact)
        ],
        "languages": [
            {
                "id": part_id(service_id, f"language:{code}"),
                "service_id": service_id,
                "name": LANGUAGE_NAMES.get(code, code),
                "code": code,
            }
            for code in contact.languages
        ],
        "service_at_locations": (
            [service_at_location(contact, with_service=False)] if contact.channel == Channel.OFFICE else []
        ),
        **({"organization": organization(org)} if nested else {}),
    }


def service_at_location(contact: ContactPoint, *, with_service: bool = True) -> dict:
    """An office as its service at a place; `with_service` adds the service (left out inside it)."""
    service_id = object_id(Kind.SERVICE, contact.pk)
    location_id = part_id(service_id, "location")
    org = contact.organization
    return {
        "id": object_id(Kind.SERVICE_AT_LOCATION, contact.pk),
        "service_id": service_id,
        "location_id": location_id,
        "location": {
            "id": location_id,
            "location_type": "physical",
            "organization_id": object_id(Kind.ORGANIZATION, org.pk),
            "name": _title(contact),
            "description": contact.value,
        },
        **({"service": service(contact)} if with_service else {}),
    }


def _title(contact: ContactPoint) -> str:
    """Its organization's name and its label (or channel): a directory lists many "Phone"s."""
    return f"{contact.organization.name}: {contact.label or contact.get_channel_display()}"


def _link(contact: ContactPoint) -> str | None:
    """The address that opens the contact, for channels reached through a link."""
    value = contact.value
    if contact.channel in (Channel.WEBSITE, Channel.FORM):
        return value
    if contact.channel == Channel.TELEGRAM:
        return f"https://t.me/{value.removeprefix('@')}"
    if contact.channel == Channel.WHATSAPP:
        return f"https://wa.me/{value.removeprefix('+')}"
    if contact.channel == Channel.SIGNAL and value.startswith("+"):
        return f"https://signal.me/#p/{value}"
    return None  # a Signal username has no link of its own; an office is a place


def _phones(contact: ContactPoint, service_id) -> list[dict]:
    phone_type = PHONE_TYPE.get(contact.channel)
    if phone_type is None:
        return []
    return [
        {
            "id": part_id(service_id, "phone"),
            "service_id": service_id,
            "number": contact.value,
            "type": phone_type,
            **_present(description=contact.label),
        }
    ]


def _hours_of(row: dict) -> tuple[str, str]:
    return row["opens_at"], row["closes_at"]


def _schedules(contact: ContactPoint, service_id) -> list[dict]:
    """Weekly rows with the same hours become one weekly schedule; the free-text note describes them.

    HSDS gives a schedule's time zone as a fixed UTC offset, which a zone with daylight saving
    does not have: the times stay wall-clock times, and `notes` names the IANA zone they are in.
    """
    rows, note = contact.opening_hours or [], contact.hours
    if not rows:
        only_note = {"id": part_id(service_id, "schedule"), "service_id": service_id, "description": note}
        return [only_note] if note else []
    schedules = []
    by_hours = sorted(rows, key=lambda row: (*_hours_of(row), row["weekday"]))
    for (opens_at, closes_at), group in groupby(by_hours, key=_hours_of):
        days = ",".join(WEEKDAYS[row["weekday"] - 1] for row in group)
        overnight = " It closes the next day." if closes_at <= opens_at else ""
        schedules.append(
            {
                "id": part_id(service_id, f"schedule:{opens_at}-{closes_at}"),
                "service_id": service_id,
                "freq": "WEEKLY",
                "wkst": "MO",
                "interval": 1,
                "byday": days,
                "opens_at": opens_at,
                "closes_at": closes_at,
                "notes": f"Times are wall-clock time in {contact.time_zone}.{overnight}",
                **_present(description=note),
            }
        )
    return schedules
