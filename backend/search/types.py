"""The searchable types of the apps that do not register themselves.

Documents register in their own app. Resources and events are registered here by
label, ahead of their models: until `resources.Resource` or `campaigns.Event` exists the
type returns nothing, and fields the model lacks are ignored (see registry.py). An app
that calls `register()` for the same type name, before or after, takes precedence.
"""

from functools import lru_cache

from django.db.models import Q
from django.utils import translation
from django_countries import countries

from .registry import Searchable, register_default
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


def country_codes_named(q: str) -> set[str]:
    """Countries the query names: "France", "Франции", "Frankreich", "FR"."""
    words = [fold(w) for w in WORD.findall(q)]
    joined = " " + " ".join(words) + " "
    found = set()
    for name, code in _country_names():
        if " " in name or not name.isalpha():
            if f" {' '.join(WORD.findall(name))} " in joined:
                found.add(code)
        elif len(name) == 2:
            if q.strip() == code:  # a bare code only when the whole query is that code, in capitals
                found.add(code)
        elif name in words or (
            len(name) >= 5 and any(w.startswith(stem(name)) and len(w) - len(stem(name)) <= 3 for w in words)
        ):
            found.add(code)
    return found


def _countries_named(q: str) -> Q | None:
    codes = country_codes_named(q)
    return Q(code__in=sorted(codes)) if codes else None


def _contact_title(contact) -> str:
    label = contact.label or contact.get_channel_display()
    return f"{contact.organization.name} · {label}"


def _country_title(country) -> str:
    return str(country.code.name)


def register_builtin_types() -> None:
    register_default(
        Searchable(
            type_name="organization",
            model_label="organizations.Organization",
            fields=(("name", "A"), ("slug", "B"), ("description", "B")),
            title_field="name",
            snippet_fields=("description",),
            url_name="organization-detail",
            languages_field="languages",
            country_field="countries",
            description="Partner organizations.",
        )
    )
    register_default(
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
            description="Ways to reach an organization.",
        )
    )
    register_default(
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
            description="Country profiles; a query naming a country finds its profile.",
        )
    )
    register_default(
        Searchable(
            type_name="resource",
            model_label="resources.Resource",
            fields=(("title", "A"), ("description", "B"), ("capacity", "C")),
            title_field="title",
            snippet_fields=("description",),
            url_name="resource-detail",
            language_field="language",
            languages_field="languages",
            country_field="countries",
            select_related=("organization",),
            description="Offers and requests between organizations.",
        )
    )
    register_default(
        Searchable(
            type_name="event",
            model_label="campaigns.Event",
            fields=(("title", "A"), ("description", "B"), ("place", "C"), ("city", "C")),
            title_field="title",
            snippet_fields=("description", "place", "city"),
            url_name="event-detail",
            language_field="language",
            languages_field="languages",
            country_field="countries",
            country_code_field="country",
            select_related=("organization", "campaign"),
            description="Events of joint actions.",
        )
    )

