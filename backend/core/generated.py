"""A generated network the size of a real one, for benchmarks and the tests that need scale.

Organizations and contact points with names, labels, opening hours, descriptions and advice
in the languages and scripts the network works in (Russian, Ukrainian, Belarusian, Georgian,
Armenian, German, English, Lithuanian), of varied length; phone numbers of eight countries;
60 % public, 30 % network, 10 % restricted; one contact in ten paused or compromised; one
organization in a hundred a network-wide office serving several countries. Everything is
marked as example data. The same `seed` gives the same network.

Bulk inserts skip the signals that write the change feed and the search index, so
`create_network` writes the feed entries and index entries their creation would have written.
"""

# ruff: noqa: RUF001 (the generated text is meant to have Cyrillic letters and en dashes)
from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

ORG_WORDS = {
    "ru": (
        ["Правовая", "Независимая", "Тихая", "Северная", "Открытая"],
        ["помощь", "линия", "гавань", "сеть", "инициатива"],
    ),
    "uk": (
        ["Вільна", "Правова", "Тиха", "Західна", "Людська"],
        ["допомога", "гавань", "мережа", "ініціатива", "підтримка"],
    ),
    "be": (["Свабодная", "Прававая", "Ціхая", "Паўночная"], ["дапамога", "сетка", "гавань", "ініцыятыва"]),
    "ka": (
        ["თავისუფალი", "სამართლებრივი", "წყნარი", "ახალი"],
        ["დახმარება", "ქსელი", "ნავსადგური", "ცენტრი"],
    ),
    "hy": (["Ազատ", "Իրավական", "Խաղաղ"], ["օգնություն", "ցանց", "կենտրոն"]),
    "de": (["Freie", "Stille", "Offene", "Nördliche"], ["Rechtshilfe", "Beratung", "Zuflucht", "Initiative"]),
    "en": (["Open", "Quiet", "Northern", "Free"], ["Legal Aid", "Harbour", "Support Line", "Network"]),
    "lt": (["Laisva", "Tyli", "Atvira"], ["pagalba", "prieglobstis", "iniciatyva"]),
}
CITIES = {
    "DE": ["Berlin", "Hamburg", "München", "Leipzig"],
    "GE": ["Tbilisi", "Batumi", "Kutaisi"],
    "AM": ["Yerevan", "Gyumri"],
    "LT": ["Vilnius", "Kaunas"],
    "FI": ["Helsinki", "Tampere"],
    "PL": ["Warszawa", "Kraków"],
    "KZ": ["Almaty", "Astana"],
    "FR": ["Paris", "Lyon"],
}
PHONE_PREFIX = {
    "DE": "+4930",
    "GE": "+99532",
    "AM": "+37410",
    "LT": "+3705",
    "FI": "+3589",
    "PL": "+4822",
    "KZ": "+7727",
    "FR": "+331",
}
LABELS = {
    "ru": ["Горячая линия", "Юридическая консультация", "Психологическая поддержка", "Приёмная"],
    "uk": ["Гаряча лінія", "Юридична консультація", "Психологічна підтримка"],
    "be": ["Гарачая лінія", "Юрыдычная кансультацыя"],
    "ka": ["ცხელი ხაზი", "იურიდიული კონსულტაცია"],
    "de": ["Beratungstelefon", "Rechtsberatung", "Sprechstunde"],
    "en": ["Hotline", "Legal advice", "Counseling", "Office hours"],
}
ADVICE = [
    "Пишите сначала в Signal; на звонки с неизвестных номеров не отвечаем.",
    "Пишіть спочатку; не надсилайте фото документів.",
    "Schreiben Sie zuerst; Anrufe von unbekannten Nummern nehmen wir nicht an.",
    "Write first and use disappearing messages.",
    "ჯერ მოგვწერეთ; უცნობ ნომრებს არ ვპასუხობთ.",
    "",
]
# Sentences an organization's description is made of, one to six of them: the words people
# search for (asylum, убежище, притулок, Asyl...) in their inflected forms.
DESCRIPTIONS = {
    "ru": [
        "Консультируем по вопросам убежища и отказа от военной службы.",
        "Помогаем дезертирам и их семьям найти жильё и юристов.",
        "Сопровождаем на собеседованиях в миграционной службе.",
        "Бесплатные юридические консультации по призыву и мобилизации.",
    ],
    "uk": [
        "Консультуємо щодо притулку та відмови від військової служби.",
        "Допомагаємо з документами для отримання притулку.",
        "Психологічна підтримка для тих, хто відмовився від мобілізації.",
    ],
    "be": ["Дапамагаем з дакументамі і прытулкам.", "Кансультуем па пытаннях прызыву."],
    "ka": ["ვეხმარებით თავშესაფრის მაძიებლებს.", "იურიდიული კონსულტაციები უფასოდ."],
    "hy": ["Օգնում ենք ապաստանի հարցերում։", "Անվճար իրավաբանական խորհրդատվություն։"],
    "de": [
        "Wir beraten zu Asylverfahren und Kriegsdienstverweigerung.",
        "Begleitung zu Anhörungen beim Bundesamt, mit Dolmetschern.",
        "Unterkünfte für Deserteure und ihre Familien.",
    ],
    "en": [
        "We advise on asylum claims and conscientious objection.",
        "Legal aid for deserters and their families, free of charge.",
        "Accompaniment to asylum interviews, with interpreters.",
    ],
    "lt": ["Konsultuojame prieglobsčio klausimais.", "Teisinė pagalba dezertyrams."],
}
HOURS = ["Mon–Fri 10:00–18:00", "Пн–Пт 9:00–17:00", "Mo–Do 10–16 Uhr", "24/7", "ორშ–პარ 10:00–18:00"]
TRANSLIT = str.maketrans("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў", "abvgdeejziiklmnoprstufhccss_y_euaiiegu")
VISIBILITIES = ["public"] * 6 + ["network"] * 3 + ["restricted"]
CHANNELS = ["telegram", "signal", "whatsapp", "phone", "sms", "email", "website", "office"]
TOPICS = ["desertion", "conscientious_objection", "asylum", "legal", "psychological", "shelter", "travel"]
SLUG_PREFIX = "gen-"
OFFICE_EVERY = 100  # one organization in a hundred is a network-wide office


@dataclass(frozen=True)
class Network:
    """Unsaved organizations, and each contact point as field values plus its organization's index."""

    organizations: list
    contact_points: list[dict]


def generated_network(contacts: int, organizations: int, seed: int = 7) -> Network:
    from organizations.models import Organization

    rng = random.Random(seed)  # noqa: S311 (reproducible example data, not secrets)
    languages = list(ORG_WORDS)
    orgs = []
    for i in range(organizations):
        lang = languages[i % len(languages)]
        first, second = ORG_WORDS[lang]
        country = rng.choice(list(CITIES))
        city = rng.choice(CITIES[country])
        office = i % OFFICE_EVERY == OFFICE_EVERY - 1
        sentences = rng.choices(DESCRIPTIONS[lang] + DESCRIPTIONS["en"], k=rng.randrange(1, 7))
        orgs.append(
            Organization(
                name=f"{rng.choice(first)} {rng.choice(second)} · {city} {i} (example data)",
                slug=f"{SLUG_PREFIX}{i:05}",
                description=" ".join(sentences) + " (example data)",
                countries=rng.sample(list(CITIES), 4) if office else [country],
                kinds=["network_office", "counseling"]
                if office
                else rng.sample(["counseling", "legal_aid", "shelter", "advocacy"], 2),
                languages=sorted({lang if lang in ("ru", "uk", "de", "en", "ka") else "ru", "en"}),
                website=f"https://org{i}.example.org",
                visibility=VISIBILITIES[i % len(VISIBILITIES)],
                verified=rng.random() < 0.5,
                is_example=True,
            )
        )
    points = []
    for i in range(contacts):
        org_index = rng.randrange(organizations)
        org = orgs[org_index]
        home = org.countries[0]
        lang = rng.choice(list(LABELS))
        channel = CHANNELS[i % len(CHANNELS)]
        latin = org.name.split()[0].lower().translate(TRANSLIT)
        handle = latin.encode("ascii", "ignore").decode() or "help"
        number = f"{PHONE_PREFIX[home]}{rng.randrange(1_000_000, 9_999_999)}"
        value = {
            "telegram": f"@{handle}_{i}",
            "signal": number,
            "whatsapp": number,
            "phone": number,
            "sms": number,
            "email": f"{handle}{i}@org{org_index}.example.org",
            "website": f"https://org{org_index}.example.org/help/{i}",
            "office": f"{rng.choice(CITIES[home])}, ул. Примерная {rng.randrange(1, 120)}",
        }[channel]
        points.append(
            dict(
                org_index=org_index,
                channel=channel,
                value=value,
                label=f"{rng.choice(LABELS[lang])} {i}",
                languages=sorted({rng.choice(["ru", "uk", "en", "de", "ka", "be"]), "ru"}),
                countries=[home],
                topics=rng.sample(TOPICS, rng.randrange(1, 4)),
                hours=rng.choice(HOURS),
                security_advice=rng.choice(ADVICE),
                status=rng.choices(["active", "paused", "compromised"], [18, 1, 1])[0],
                visibility=rng.choice(VISIBILITIES),
            )
        )
    return Network(orgs, points)


def create_network(contacts: int, organizations: int, seed: int = 7) -> tuple[int, int]:
    """Writes a generated network and its change-feed entries; returns (organizations, contacts)."""
    from changes.models import Change
    from core.visibility import audience_of, encode_owners
    from organizations.models import ContactPoint, Organization
    from search.index import index_rows

    network = generated_network(contacts, organizations, seed)
    with transaction.atomic():
        Organization.objects.bulk_create(network.organizations, batch_size=1000)
        orgs = list(Organization.objects.filter(slug__startswith=SLUG_PREFIX).order_by("slug"))
        ContactPoint.objects.bulk_create(
            [
                ContactPoint(organization=orgs[row["org_index"]], is_example=True, **_without_index(row))
                for row in network.contact_points
            ],
            batch_size=1000,
        )
        points = list(
            ContactPoint.objects.filter(organization__slug__startswith=SLUG_PREFIX).select_related(
                "organization"
            )
        )
        Change.objects.bulk_create(
            [
                Change(
                    object_type=kind,
                    object_id=str(obj.pk),
                    action=Change.Action.CREATE,
                    fields={},
                    audience_before="",
                    audience_after=audience_of(obj).encode(),
                    owners=encode_owners([owner_of(obj)]),
                )
                for kind, objects, owner_of in (
                    ("organization", orgs, lambda o: o.pk),
                    ("contact_point", points, lambda c: c.organization_id),
                )
                for obj in objects
            ],
            batch_size=2000,
        )
        index_rows(Organization.objects.filter(slug__startswith=SLUG_PREFIX))
        index_rows(ContactPoint.objects.filter(organization__slug__startswith=SLUG_PREFIX))
    return len(orgs), len(points)


def _without_index(row: dict) -> dict:
    return {name: value for name, value in row.items() if name != "org_index"}
