"""The real network as the campaign flyer (September 2023) publishes it: the network office
Connection e.V. with its three channels, the partner groups and the supporters it names.

Only what the flyer says is written here: no website, hours, advice or country that it does
not give (the supporters and most partners get neither contacts nor languages). Nothing is
example data, and no contact counts as verified: each stays stale until a coordinator
checks it (`last_verified_at` stays empty, and a later run leaves their verification alone).
A value the network has since marked compromised is not published again.
"""

from core.demo import machine_translations, upsert
from core.directory import FLYER
from core.validators import normalize_contact_value

from . import directory_translations
from .models import CompromisedValue, ContactPoint, Organization

PUBLIC = {"visibility": "public", "is_example": False, **FLYER}

ORGANIZATIONS = [
    {
        "slug": "connection-ev",
        "name": "Connection e.V.",
        "description": (
            "Network office of the #ObjectWar campaign in Germany. Answers conscientious objectors and "
            "deserters in Russian, English and German."
        ),
        "countries": ["DE"],
        "kinds": ["network_office", "counseling"],
        "languages": ["ru", "en", "de"],
    },
    {
        "slug": "nash-dom-no-means-no",
        "name": "“NO means NO” (Nash Dom)",
        "description": "The project “NO means NO” of the Belarusian organization Nash Dom; a partner group.",
        "countries": ["BY"],
        "kinds": [],
        "languages": [],
    },
    {
        "slug": "ukrainian-pacifist-movement",
        "name": "Ukrainian Pacifist Movement",
        "description": "A partner group of the #ObjectWar campaign.",
        "countries": ["UA"],
        "kinds": [],
        "languages": [],
    },
    {
        "slug": "movement-for-conscientious-objection",
        "name": "Movement for Conscientious Objection",
        "description": "A partner group of the #ObjectWar campaign in Russia.",
        "countries": ["RU"],
        "kinds": [],
        "languages": [],
    },
    {
        "slug": "act4transformation",
        "name": "act4transformation",
        "description": "A partner group that runs a counseling center in Georgia.",
        "countries": ["GE"],
        "kinds": ["counseling"],
        "languages": [],
    },
    {
        "slug": "pro-asyl",
        "name": "PRO ASYL",
        "description": "Sponsor of the #ObjectWar campaign.",
        "countries": [],
        "kinds": ["supporter"],
        "languages": [],
    },
    {
        "slug": "naturfreunde-deutschlands",
        "name": "NaturFreunde Deutschlands",
        "description": "Supporter of the #ObjectWar campaign.",
        "countries": [],
        "kinds": ["supporter"],
        "languages": [],
    },
]

CONNECTION_CONTACTS = {
    "topics": ["conscientious_objection", "desertion"],
    "languages": ["ru", "en", "de"],
}

# Keyed by organization slug: (channel, value as printed, label).
CONTACT_POINTS = {
    "connection-ev": [
        ("telegram", "t.me/connection_ev", "Telegram channel"),
        ("email", "get.out.now@gmx.de", "E-mail"),
        ("phone", "+49 157 82470251", "Phone"),
    ],
}


def load() -> None:
    for spec in ORGANIZATIONS:
        organization = upsert(
            Organization,
            {"slug": spec["slug"]},
            **{key: value for key, value in spec.items() if key != "slug"},
            translations=machine_translations(
                Organization, spec, directory_translations.ORGANIZATIONS[spec["slug"]]
            ),
            **PUBLIC,
        )
        for channel, printed, label in CONTACT_POINTS.get(spec["slug"], []):
            value = normalize_contact_value(channel, printed)
            if CompromisedValue.blocks(value):
                continue  # withdrawn by the network: never republished by a reload
            upsert(
                ContactPoint,
                {"organization": organization, "channel": channel, "value": value},
                label=label,
                translations=machine_translations(
                    ContactPoint,
                    {"label": label},
                    directory_translations.CONTACT_LABELS[spec["slug"], channel],
                ),
                **CONNECTION_CONTACTS,
                **PUBLIC,
            )
