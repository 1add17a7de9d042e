"""Examples for the contract: objects of the demo network as the API shows them (core/examples.py)."""

from core.examples import ResourceSample

from .serializers import OrganizationSerializer

# The organization's Russian translation as its writer sends it.
RUSSIAN = {
    "name": "Контакты в Финляндии (пример)",
    "description": "Контактные лица в Финляндии для отказников, добравшихся до страны. (пример)",
    "machine": True,
}

ORGANIZATION = ResourceSample(
    title="A partner organization",
    read={
        "id": 7,
        "name": "Contacts in Finland (example data)",
        "slug": "finland-contacts",
        "description": "Contact persons in Finland for objectors who reached the country. (example data)",
        "countries": ["FI"],
        "kinds": ["counseling"],
        "languages": ["fi", "ru", "en"],
        "website": "https://finland-contacts.example.org/",
        "visibility": "network",
        "verified": False,
        "is_example": True,
        "source": "",
        "source_date": None,
        "source_language": "en",
        "translations": {"ru": {**RUSSIAN, "written_at": "2026-12-06T00:00:00Z", "outdated": False}},
        "languages_available": ["en", "ru"],
        "localized": {
            "language": "en",
            "fallback": False,
            "outdated": False,
            "name": "Contacts in Finland (example data)",
            "description": "Contact persons in Finland for objectors who reached the country. (example data)",
        },
        "version": 1,
        "created_at": "2026-12-06T05:55:43.176229Z",
        "updated_at": "2026-12-06T05:55:43.176254Z",
    },
    change={"description": "Counseling for objectors and deserters, in Russian and English (example data)."},
    created_by=OrganizationSerializer,
    # A translation's `written_at` is the server's to set.
    create_values={
        "slug": "finland-contacts-2",
        "translations": {"ru": RUSSIAN},
    },
)


CONTACT_POINT = ResourceSample(
    title="A counseling hotline",
    read={
        "id": 25,
        "organization": 7,
        "organization_name": "Contacts in Finland (example data)",
        "channel": "email",
        "value": "info@finland-contacts.example.org",
        "label": "Contacts in Finland by e-mail (example data)",
        "languages": ["fi", "en"],
        "countries": ["FI"],
        "topics": ["asylum"],
        "hours": "",
        "opening_hours": [
            {"weekday": weekday, "opens_at": "09:00", "closes_at": "17:00"} for weekday in range(1, 6)
        ],
        "time_zone": "Europe/Helsinki",
        "open_now": True,
        "next_change_at": "2026-12-07T15:00:00Z",
        "security_advice": "",
        "status": "active",
        "status_reason": "",
        "visibility": "network",
        "last_verified_at": "2026-10-22T00:00:00Z",
        "is_stale": False,
        "is_example": True,
        "external_id": "fi-email-1",
        "source": "",
        "source_date": None,
        "source_language": "en",
        "translations": {
            "ru": {
                "label": "Контакты в Финляндии по электронной почте (пример)",
                "machine": True,
                "written_at": "2026-12-06T00:00:00Z",
                "outdated": False,
            }
        },
        "languages_available": ["en", "ru"],
        "localized": {
            "language": "en",
            "fallback": False,
            "outdated": False,
            "label": "Contacts in Finland by e-mail (example data)",
            "hours": "",
            "security_advice": "",
        },
        "version": 2,
        "created_at": "2026-12-06T05:55:43.189053Z",
        "updated_at": "2026-12-06T05:55:43.528071Z",
    },
    change={"hours": "Mon-Fri 09:00-17:00 CET"},
)
