"""Which contacts come first (docs/design.md): the contact-point list's `ordering=relevance`.

The rule is written once in docs/design.md and checked, here and in the app, against the
cases of tests/fixtures/contact_ranking.json. Each step is a sort key computed in SQL, so a
page of the ranked list is read from the database like any other ordered page.
"""

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation.trans_real import parse_accept_lang_header

from core.pagination import EARLIEST
from core.vocabulary import LANGUAGE_CHOICES

from .models import ContactPoint, Organization

RELEVANCE = "relevance"
LANGUAGES = {code for code, _ in LANGUAGE_CHOICES}
NETWORK_OFFICE = Q(organization__kinds__has=Organization.Kind.NETWORK_OFFICE)


def serves_q(country: str) -> Q:
    """Contacts serving `country`: listed, or listing none while their organization works there."""
    return Q(countries__contains=country) | (Q(countries="") & Q(organization__countries__contains=country))


def countries_served(contact: ContactPoint) -> list[str]:
    """The codes of the countries one contact serves: `serves_q`'s rule, read from the row."""
    return [str(code) for code in (contact.countries or contact.organization.countries)]


def shown_q(country: str) -> Q:
    """What a ranked list for `country` shows: the contacts serving it and the network-wide offices."""
    return serves_q(country) | NETWORK_OFFICE


def preferred_language(request, chosen: str | None) -> str | None:
    """The language filter's code, else the first supported one of `Accept-Language`."""
    if chosen:
        return chosen
    for tag, _ in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = tag.split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return None


def _flag(condition: Q) -> Case:
    """0 where `condition` holds, else 1: ascending puts the rows that meet it first."""
    return Case(When(condition, then=Value(0)), default=Value(1), output_field=IntegerField())


def by_relevance(queryset: QuerySet, country: str | None, language: str | None, descending=False):
    """`queryset` ordered by the rule for `country` and `language` (either may be None)."""
    if country:
        where = Case(
            When(NETWORK_OFFICE, then=Value(2)),
            When(serves_q(country) & Q(organization__countries__contains=country), then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    else:
        where = _flag(NETWORK_OFFICE)
    ranked = queryset.annotate(
        rank_where=where,
        rank_language=_flag(Q(languages__has=language)) if language else Value(0, IntegerField()),
        rank_working=_flag(Q(status=ContactPoint.Status.ACTIVE)),
        rank_real=_flag(Q(is_example=False)),
        rank_verified=Coalesce(F("last_verified_at"), Value(EARLIEST)),
    )
    keys = [
        F("rank_where").asc(),
        F("rank_language").asc(),
        F("rank_working").asc(),
        F("rank_real").asc(),
        F("rank_verified").desc(),
    ]
    keys.append(F("id").asc())
    if descending:
        keys = [key.copy().reverse_ordering() for key in keys]
    return ranked.order_by(*keys)
