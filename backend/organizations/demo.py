"""Demo network: the network office in Germany, its partners and their contact points.

Modelled on the network described in the campaign's flyer, but every name, handle,
address and number here is invented and marked "(example data)": real groups are named
only generically, so nothing here can be mistaken for their real contacts. Domains are
reserved example domains; German and French phone numbers come from the ranges the
regulators reserve for fiction; other phone numbers are the numbering plans' documented
example numbers.

The set covers what the demo has to show: every channel and visibility, a compromised
and a paused contact, one contact not verified for longer than the configured age, and
a network-only Russian-speaking counselor in Georgia that the PWA finds offline.
"""

from core.demo import EXAMPLE, days_ago, machine_translations, upsert
from core.validators import normalize_contact_value

from . import demo_translations
from .models import ContactPoint, Organization

WRITE_FIRST = "Write first; calls are not answered."
WORKDAYS = (1, 2, 3, 4, 5)
EVERY_DAY = (1, 2, 3, 4, 5, 6, 7)


def weekly(days, opens_at: str, closes_at: str) -> list[dict]:
    """Structured opening hours (organizations.hours): the same times on each of `days` (ISO weekdays)."""
    return [{"weekday": day, "opens_at": opens_at, "closes_at": closes_at} for day in days]


ORGANIZATIONS = [
    {
        "slug": "network-office",
        "name": f"Network office Germany {EXAMPLE}",
        "description": (
            "The network office answers objectors and deserters from Russia, Belarus and Ukraine "
            "through a Telegram channel, e-mail and a phone hotline in Russian, English and German, "
            f"onboards partner organizations and channels funds to them. {EXAMPLE}"
        ),
        "countries": ["DE"],
        "kinds": ["network_office", "counseling"],
        "languages": ["ru", "en", "de"],
        "visibility": "public",
        "verified": True,
    },
    {
        "slug": "no-means-no",
        "name": f"“NO means NO” project of a Belarusian organization {EXAMPLE}",
        "description": (
            "A campaign of a Belarusian human rights organization working from exile: it calls on "
            f"Belarusian conscripts to refuse military service and helps those who do. {EXAMPLE}"
        ),
        "countries": ["BY", "LT"],
        "kinds": ["counseling", "advocacy"],
        "languages": ["be", "ru", "en"],
        "visibility": "public",
        "verified": True,
    },
    {
        "slug": "pacifist-movement-ua",
        "name": f"Pacifist movement in Ukraine {EXAMPLE}",
        "description": (
            "Ukrainian pacifists documenting the prosecution of conscientious objectors under martial "
            f"law and finding lawyers for them. {EXAMPLE}"
        ),
        "countries": ["UA"],
        "kinds": ["advocacy", "legal_aid"],
        "languages": ["uk", "ru", "en"],
        "visibility": "public",
        "verified": True,
    },
    {
        "slug": "objection-ru",
        "name": f"Movement for conscientious objection in Russia {EXAMPLE}",
        "description": (
            "Online counseling for Russian conscripts: alternative civilian service, what to do when a "
            f"summons arrives, refusing to take part in the war. Works from exile. {EXAMPLE}"
        ),
        "countries": ["RU"],
        "kinds": ["counseling", "legal_aid", "advocacy"],
        "languages": ["ru", "en"],
        "visibility": "public",
        "verified": True,
    },
    {
        "slug": "georgia-counseling",
        "name": f"Counseling center in Georgia {EXAMPLE}",
        "description": (
            "Counsels people who crossed into Georgia to avoid mobilization or after deserting: legal "
            f"stay, documents, onward travel, a place to sleep for the first nights. {EXAMPLE}"
        ),
        "countries": ["GE"],
        "kinds": ["counseling", "shelter"],
        "languages": ["ka", "ru", "en"],
        "visibility": "public",
        "verified": True,
    },
    {
        "slug": "lithuania-support",
        "name": f"Support group in Lithuania {EXAMPLE}",
        "description": (
            "Volunteers meeting people who arrive from Belarus: first counseling, accompaniment to the "
            f"migration authorities, emergency accommodation. {EXAMPLE}"
        ),
        "countries": ["LT"],
        "kinds": ["counseling", "shelter", "legal_aid"],
        "languages": ["lt", "ru", "be", "en"],
        "visibility": "network",
        "verified": True,
    },
    {
        "slug": "finland-contacts",
        "name": f"Contacts in Finland {EXAMPLE}",
        "description": f"Contact persons in Finland for objectors who reached the country. {EXAMPLE}",
        "countries": ["FI"],
        "kinds": ["counseling"],
        "languages": ["fi", "ru", "en"],
        "visibility": "network",
        "verified": False,
    },
    {
        "slug": "western-europe-legal",
        "name": f"Legal aid in Western Europe {EXAMPLE}",
        "description": (
            "Lawyers and counselors in France, Belgium and the Netherlands who take asylum cases of "
            f"objectors and deserters. {EXAMPLE}"
        ),
        "countries": ["FR", "BE", "NL"],
        "kinds": ["legal_aid"],
        "languages": ["fr", "nl", "en", "ru"],
        "visibility": "public",
        "verified": True,
    },
    {
        "slug": "supporters-circle",
        "name": f"Supporters' circle {EXAMPLE}",
        "description": f"Supporters and sponsors who back the campaign with money and contacts. {EXAMPLE}",
        "countries": ["DE"],
        "kinds": ["supporter", "funding"],
        "languages": ["de", "en"],
        "visibility": "network",
        "verified": True,
    },
]

# Keyed by organization slug. `verified` is how many days ago the contact was last checked.
CONTACT_POINTS = {
    "network-office": [
        {
            "channel": "telegram",
            "value": "@waypoint_office_example",
            "label": f"Telegram channel and counseling chat {EXAMPLE}",
            "languages": ["ru", "en", "de"],
            "countries": ["RU", "BY", "UA", "DE"],
            "topics": ["desertion", "conscientious_objection", "asylum", "legal", "travel", "documents"],
            "hours": "Answers within 24 hours, Monday to Saturday",
            "security_advice": (
                "Write first: say which country you are in, whether you received a summons, and which "
                "language you prefer. Do not send scans of documents until a counselor asks. If your "
                "phone may be inspected at a border, delete the chat before you reach it."
            ),
            "visibility": "public",
            "verified": 2,
        },
        {
            "channel": "email",
            "value": "counseling@network-office.example.org",
            "label": f"Counseling by e-mail {EXAMPLE}",
            "languages": ["ru", "en", "de"],
            "countries": ["RU", "BY", "UA", "DE"],
            "topics": ["conscientious_objection", "desertion", "asylum", "legal", "documents"],
            "hours": "Answered within two working days",
            "security_advice": (
                "Use an address that does not carry your name. Say which documents you have, not what "
                "is in them."
            ),
            "visibility": "public",
            "verified": 2,
        },
        {
            "channel": "phone",
            "value": "+49 30 23125 101",
            "label": f"Hotline in Russian, English and German {EXAMPLE}",
            "languages": ["ru", "en", "de"],
            "countries": ["DE", "RU", "BY", "UA"],
            "topics": ["desertion", "conscientious_objection", "asylum", "legal"],
            "hours": "Mon-Fri 10:00-16:00 (Berlin time)",
            "opening_hours": weekly(WORKDAYS, "10:00", "16:00"),
            "time_zone": "Europe/Berlin",
            "security_advice": (
                "Outside these hours, write first in Telegram or by e-mail and ask for a call back; "
                "calls are not answered then. Do not leave your full name on the voicemail."
            ),
            "visibility": "public",
            "verified": 4,
        },
        {
            "channel": "signal",
            "value": "office_partners.01",
            "label": f"Signal for partner organizations {EXAMPLE}",
            "languages": ["en", "de", "ru"],
            "countries": ["DE"],
            "topics": ["legal", "funding", "documents"],
            "hours": "Working days",
            "security_advice": (
                "For partner coordinators; do not pass it on to clients. Messages disappear after a week."
            ),
            "visibility": "network",
            "verified": 6,
        },
        {
            "channel": "website",
            "value": "https://network-office.example.org/",
            "label": f"Information pages in three languages {EXAMPLE}",
            "languages": ["ru", "en", "de"],
            "countries": ["DE"],
            "topics": ["conscientious_objection", "asylum", "documents"],
            "visibility": "public",
            "verified": 10,
        },
        {
            "channel": "sms",
            "value": "+49 30 23125 102",
            "label": f"Emergency SMS line of the office team {EXAMPLE}",
            "languages": ["de", "en", "ru"],
            "countries": ["DE"],
            "topics": ["desertion"],
            "hours": "Any time, for emergencies",
            "security_advice": "Only for the office team, when Signal is unavailable.",
            "visibility": "restricted",
            "verified": 12,
        },
    ],
    "no-means-no": [
        {
            "channel": "telegram",
            "value": "@nmn_refuse_example",
            "label": f"Counseling for Belarusian conscripts {EXAMPLE}",
            "languages": ["be", "ru"],
            "countries": ["BY", "LT"],
            "topics": ["conscientious_objection", "desertion", "travel", "documents"],
            "hours": "Daily, answers within a day",
            "security_advice": (
                "Write first, from an account without your real name and never from a phone the "
                "military commissariat or the police have ever checked."
            ),
            "visibility": "public",
            "verified": 5,
        },
        {
            "channel": "telegram",
            "value": "@nmn_old_account_example",
            "label": f"Former counseling account — compromised, do not write {EXAMPLE}",
            "languages": ["be", "ru"],
            "countries": ["BY"],
            "topics": ["conscientious_objection", "desertion"],
            "security_advice": (
                "This account was taken over after a volunteer's phone was seized at the border. Do not "
                "write to it and delete old chats with it."
            ),
            "status": "compromised",
            "visibility": "public",
            "verified": 20,
        },
        {
            "channel": "form",
            "value": "https://no-means-no.example.org/ask",
            "label": f"Anonymous question form {EXAMPLE}",
            "languages": ["be", "ru", "en"],
            "countries": ["BY"],
            "topics": ["conscientious_objection", "legal"],
            "security_advice": (
                "The form asks for no name or number; leave a contact only if you want an answer."
            ),
            "visibility": "public",
            "verified": 15,
        },
        {
            "channel": "email",
            "value": "coordination@no-means-no.example.org",
            "label": f"Coordination with partner organizations {EXAMPLE}",
            "languages": ["ru", "en"],
            "countries": ["BY", "LT"],
            "topics": ["funding", "shelter"],
            "visibility": "network",
            "verified": 15,
        },
    ],
    "pacifist-movement-ua": [
        {
            "channel": "email",
            "value": "help@pacifist-ua.example.org",
            "label": f"Help for objectors facing prosecution {EXAMPLE}",
            "languages": ["uk", "ru", "en"],
            "countries": ["UA"],
            "topics": ["conscientious_objection", "legal"],
            "hours": "Answered within three days",
            "security_advice": "Describe your situation without naming your unit or where you are.",
            "visibility": "public",
            "verified": 8,
        },
        {
            "channel": "whatsapp",
            "value": "+380 50 123 4567",
            "label": f"Legal consultations for objectors {EXAMPLE}",
            "languages": ["uk", "ru"],
            "countries": ["UA"],
            "topics": ["conscientious_objection", "legal", "documents"],
            "hours": "Mon-Fri 09:00-18:00 (Kyiv time)",
            "opening_hours": weekly(WORKDAYS, "09:00", "18:00"),
            "time_zone": "Europe/Kyiv",
            "security_advice": WRITE_FIRST,
            "visibility": "network",
            "verified": 8,
        },
        {
            "channel": "phone",
            "value": "+380 3112 34567",
            "label": f"Hotline — paused {EXAMPLE}",
            "languages": ["uk", "ru"],
            "countries": ["UA"],
            "topics": ["conscientious_objection"],
            "security_advice": "Paused while the volunteers relocate; write by e-mail instead.",
            "status": "paused",
            "visibility": "public",
            "verified": 30,
        },
        {
            "channel": "website",
            "value": "https://pacifist-ua.example.org/",
            "label": f"Reports on objectors' cases {EXAMPLE}",
            "languages": ["uk", "en"],
            "countries": ["UA"],
            "topics": ["conscientious_objection", "legal"],
            "visibility": "public",
            "verified": 8,
        },
    ],
    "objection-ru": [
        {
            "channel": "telegram",
            "value": "@co_movement_bot_example",
            "label": f"Counseling bot: civilian service, summonses, refusal {EXAMPLE}",
            "languages": ["ru"],
            "countries": ["RU"],
            "topics": ["conscientious_objection", "desertion", "legal", "documents"],
            "hours": "Bot answers at once; counselors within a day",
            "security_advice": (
                "The bot never asks for your name. After mobilization or a contract, write to a "
                "counselor, not the bot. Delete the chat if your phone may be checked."
            ),
            "visibility": "public",
            "verified": 3,
        },
        {
            "channel": "email",
            "value": "consult@objection-ru.example.org",
            "label": f"Counselors by e-mail {EXAMPLE}",
            "languages": ["ru", "en"],
            "countries": ["RU"],
            "topics": ["conscientious_objection", "desertion", "asylum"],
            "security_advice": "Write from an address outside Russian services.",
            "visibility": "public",
            "verified": 3,
        },
        {
            "channel": "signal",
            "value": "co_coordinators.42",
            "label": f"Coordinators' Signal {EXAMPLE}",
            "languages": ["ru", "en"],
            "countries": ["RU"],
            "topics": ["legal", "funding"],
            "visibility": "restricted",
            "verified": 3,
        },
    ],
    "georgia-counseling": [
        {
            "channel": "signal",
            "value": "counselor_tbilisi.27",
            "label": f"Russian-speaking counselor in Tbilisi {EXAMPLE}",
            "languages": ["ru"],
            "countries": ["GE"],
            "topics": ["desertion", "asylum", "documents", "travel", "shelter", "psychological"],
            "hours": "Daily 09:00-21:00 (Tbilisi time)",
            "opening_hours": weekly(EVERY_DAY, "09:00", "21:00"),
            "time_zone": "Asia/Tbilisi",
            "security_advice": (
                f"{WRITE_FIRST} Say when you crossed or plan to cross the border and which documents you "
                "have."
            ),
            "visibility": "network",
            "verified": 7,
        },
        {
            "channel": "phone",
            "value": "+995 32 212 34 56",
            "label": f"Reception of the counseling center {EXAMPLE}",
            "languages": ["ka", "ru", "en"],
            "countries": ["GE"],
            "topics": ["documents", "legal", "shelter"],
            "hours": "Mon-Fri 11:00-18:00 (Tbilisi time)",
            "opening_hours": weekly(WORKDAYS, "11:00", "18:00"),
            "time_zone": "Asia/Tbilisi",
            "visibility": "public",
            "verified": 7,
        },
        {
            "channel": "office",
            "value": f"Example street 1, 0108 Tbilisi, Georgia {EXAMPLE}",
            "label": f"Counseling office, by appointment only {EXAMPLE}",
            "languages": ["ka", "ru", "en"],
            "countries": ["GE"],
            "topics": ["documents", "legal", "psychological"],
            "hours": "By appointment",
            "security_advice": "Come only after an appointment arranged on Signal; do not share the address.",
            "visibility": "network",
            "verified": 7,
        },
    ],
    "lithuania-support": [
        {
            "channel": "sms",
            "value": "+370 612 34567",
            "label": f"SMS line for people arriving from Belarus {EXAMPLE}",
            "languages": ["be", "ru", "lt"],
            "countries": ["LT"],
            "topics": ["asylum", "shelter", "documents"],
            "hours": "Daily 08:00-22:00 (Vilnius time)",
            "opening_hours": weekly(EVERY_DAY, "08:00", "22:00"),
            "time_zone": "Europe/Vilnius",
            "security_advice": (
                "Send one word with your language, e.g. 'help ru'; a volunteer answers from another number."
            ),
            "visibility": "network",
            "verified": 11,
        },
        {
            "channel": "email",
            "value": "support@lithuania-support.example.org",
            "label": f"Support group by e-mail {EXAMPLE}",
            "languages": ["lt", "ru", "en"],
            "countries": ["LT"],
            "topics": ["asylum", "legal"],
            "visibility": "network",
            "verified": 11,
        },
        {
            "channel": "office",
            "value": f"Example avenue 5, Vilnius, Lithuania {EXAMPLE}",
            "label": f"Emergency shelter {EXAMPLE}",
            "languages": ["lt", "ru", "be"],
            "countries": ["LT"],
            "topics": ["shelter"],
            "security_advice": (
                "The address is for the support group's members only; never give it to clients in writing."
            ),
            "visibility": "restricted",
            "verified": 11,
        },
    ],
    "finland-contacts": [
        {
            "channel": "telegram",
            "value": "@fi_contact_example",
            "label": f"Contact person in Helsinki {EXAMPLE}",
            "languages": ["fi", "ru", "en"],
            "countries": ["FI"],
            "topics": ["asylum", "shelter"],
            "security_advice": WRITE_FIRST,
            "visibility": "network",
            "verified": 240,
        },
        {
            "channel": "email",
            "value": "info@finland-contacts.example.org",
            "label": f"Contacts in Finland by e-mail {EXAMPLE}",
            "languages": ["fi", "en"],
            "countries": ["FI"],
            "topics": ["asylum"],
            "visibility": "network",
            "verified": 45,
        },
    ],
    "western-europe-legal": [
        {
            "channel": "form",
            "value": "https://legal-aid.example.org/request",
            "label": f"Ask for a lawyer for an asylum case {EXAMPLE}",
            "languages": ["fr", "nl", "en", "ru"],
            "countries": ["FR", "BE", "NL"],
            "topics": ["asylum", "legal", "documents"],
            "security_advice": (
                "Keep your summons or call-up document, or a screenshot of the electronic register: "
                "French courts expect evidence that you were called up."
            ),
            "visibility": "public",
            "verified": 16,
        },
        {
            "channel": "phone",
            "value": "+33 1 99 00 12 34",
            "label": f"Legal hotline in France {EXAMPLE}",
            "languages": ["fr", "en", "ru"],
            "countries": ["FR"],
            "topics": ["asylum", "legal"],
            "hours": "Tue and Thu 14:00-17:00 (Paris time)",
            "opening_hours": weekly((2, 4), "14:00", "17:00"),
            "time_zone": "Europe/Paris",
            "visibility": "public",
            "verified": 16,
        },
        {
            "channel": "email",
            "value": "benelux@legal-aid.example.org",
            "label": f"Lawyers in Belgium and the Netherlands {EXAMPLE}",
            "languages": ["nl", "fr", "en"],
            "countries": ["BE", "NL"],
            "topics": ["asylum", "legal"],
            "visibility": "public",
            "verified": 16,
        },
    ],
    "supporters-circle": [
        {
            "channel": "email",
            "value": "circle@supporters.example.org",
            "label": f"Supporters and sponsors {EXAMPLE}",
            "languages": ["de", "en"],
            "countries": ["DE"],
            "topics": ["funding"],
            "visibility": "network",
            "verified": 25,
        },
        {
            "channel": "website",
            "value": "https://supporters.example.org/",
            "label": f"Donate to the campaign {EXAMPLE}",
            "languages": ["de", "en"],
            "countries": ["DE"],
            "topics": ["funding"],
            "visibility": "public",
            "verified": 25,
        },
    ],
}


def load() -> None:
    """Create or refresh the demo organizations and their contact points.

    Who verified each contact is recorded with the demo users (accounts.demo), which load later.
    """
    for spec in ORGANIZATIONS:
        organization = upsert(
            Organization,
            {"slug": spec["slug"]},
            **{key: value for key, value in spec.items() if key != "slug"},
            website=f"https://{spec['slug']}.example.org/",
            translations=machine_translations(
                Organization, spec, demo_translations.ORGANIZATIONS[spec["slug"]]
            ),
            is_example=True,
        )
        for contact in CONTACT_POINTS[spec["slug"]]:
            channel = contact["channel"]
            translations = machine_translations(
                ContactPoint, contact, demo_translations.CONTACT_POINTS[contact["value"]]
            )
            upsert(
                ContactPoint,
                {
                    "organization": organization,
                    "channel": channel,
                    "value": normalize_contact_value(channel, contact["value"]),
                },
                label=contact["label"],
                languages=contact["languages"],
                countries=contact["countries"],
                topics=contact["topics"],
                hours=contact.get("hours", ""),
                opening_hours=contact.get("opening_hours", []),
                time_zone=contact.get("time_zone", ""),
                security_advice=contact.get("security_advice", ""),
                status=contact.get("status", ContactPoint.Status.ACTIVE),
                visibility=contact["visibility"],
                last_verified_at=days_ago(contact["verified"]),
                translations=translations,
                is_example=True,
            )
