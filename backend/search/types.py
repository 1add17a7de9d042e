"""How organizations, contact points, country profiles, resources and events are searched.

Documents register in their own app, beside the stored search vector they bring.
"""

from functools import lru_cache

from django.db.models import Q
from django.utils import translation
from django_countries import countries

from .registry import Searchable, register
from .text import WORD, fold, stem

COUNTRY_NAME_LANGUAGES = ("en", "ru", "de", "uk", "fr")


@lru_cache(maxsize=1)
def _country_names() -> tuple[tuple[str, str], ...]:
    """(folded name, code) for every country, in the languages the network works in."""
    names = set()
    for language in COUNTRY_NAME_LANGUAGES:
        with translation.override(language):
            for code, name in countries:
                names.add((fold(str(name)), code))
                names.add((fold(code), code))
    return tuple(sorted(names))


def countries_named(q: str) -> tuple[set[str], int]:
    """Countries the query names ("France", "Франции", "Frankreich", "FR"), and how many of
    the query's words those names take up."""
    words = [fold(w) for w in WORD.findall(q)]
    joined = " " + " ".join(words) + " "
    found: set[str] = set()
    used: set[int] = set()
    for name, code in _country_names():
        if " " in name or not name.isalpha():
            parts = WORD.findall(name)
            phrase = f" {' '.join(parts)} "
            if parts and phrase in joined:
                found.add(code)
                start = joined[: joined.index(phrase)].count(" ")
                used.update(range(start, start + len(parts)))
        elif len(name) == 2:
            if q.strip() == code:  # a bare code only when the whole query is that code, in capitals
                found.add(code)
                used.add(0)
        else:
            for index, word in enumerate(words):
                if word == name or (
                    len(name) >= 5 and word.startswith(stem(name)) and len(word) - len(stem(name)) <= 3
                ):
                    found.add(code)
                    used.add(index)
    return found, len(used)


def _countries_named(q: str) -> tuple[Q, float] | None:
    """Country profiles named by the query; the more of the query the name is, the higher they rank."""
    codes, used = countries_named(q)
    if not codes:
        return None
    words = max(len(WORD.findall(q)), 1)
    return Q(code__in=sorted(codes)), used / words


def _contact_title(contact) -> str:
    label = contact.label or contact.get_channel_display()
    return f"{contact.organization.name} · {label}"


def _country_title(country) -> str:
    return str(country.code.name)


def register_builtin_types() -> None:
    register(
        Searchable(
            type_name="organization",
            model_label="organizations.Organization",
            fields=(("name", "A"), ("slug", "B"), ("description", "B")),
            title_field="name",
            snippet_fields=("description",),
            url_name="organization-detail",
            languages_field="languages",
            country_field="countries",
        )
    )
    register(
        Searchable(
            type_name="contact_point",
            model_label="organizations.ContactPoint",
            fields=(
                ("label", "A"),
                ("organization__name", "B"),
                ("value", "B"),
                ("hours", "C"),
                ("security_advice", "C"),
            ),
            title_of=_contact_title,
            snippet_fields=("label", "hours", "security_advice"),
            url_name="contactpoint-detail",
            languages_field="languages",
            country_field="countries",
            select_related=("organization",),
        )
    )
    register(
        Searchable(
            type_name="country",
            model_label="countries.Country",
            fields=(
                ("conscientious_objection", "B"),
                ("conscription", "B"),
                ("mobilization", "B"),
                ("penalties", "C"),
                ("asylum_practice", "B"),
            ),
            title_field="code",
            title_of=_country_title,
            snippet_fields=("asylum_practice", "conscientious_objection", "conscription"),
            url_name="country-detail",
            url_kwarg="code",
            url_attr="code",
            country_code_field="code",
            extra_match=_countries_named,
        )
    )
    register(
        Searchable(
            type_name="resource",
            model_label="resources.Resource",
            fields=(("title", "A"), ("description", "B"), ("capacity", "C")),
            title_field="title",
            snippet_fields=("description",),
            url_name="resource-detail",
            languages_field="languages",
            country_field="countries",
            select_related=("organization",),
        )
    )
    register(
        Searchable(
            type_name="event",
            model_label="campaigns.Event",
            fields=(("title", "A"), ("description", "B"), ("place", "C"), ("city", "C")),
            title_field="title",
            snippet_fields=("description", "place", "city"),
            url_name="event-detail",
            country_code_field="country",
            select_related=("organization", "campaign"),
        )
    )
