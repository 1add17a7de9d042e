"""Each country-profile filter selects exactly what it says.

The fixture `profiles` is three profiles that differ in review date and in the text of
each field, so each filter, search and ordering must pick out one particular subset.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from countries.models import Country
from tests.factories import CountryFactory

COUNTRY_URL = "/api/v1/countries/"


def codes(response) -> list:
    assert response.status_code == 200, response.data
    return [item["code"] for item in response.data["results"]]


@pytest.fixture
def profiles(db):
    today = timezone.now().date()
    return {
        "RU": CountryFactory(
            code="RU", conscription="Twice a year (example data).", last_reviewed=today - timedelta(days=10)
        ),
        "BY": CountryFactory(
            code="BY",
            penalties="Criminal liability for evasion (example data).",
            last_reviewed=today - timedelta(days=400),
        ),
        "UA": CountryFactory(code="UA", mobilization="General mobilization (example data)."),
    }


def test_countries_filter_by_stale(api, profiles, settings):
    assert sorted(codes(api.get(COUNTRY_URL, {"stale": "true"}))) == ["BY", "UA"]
    assert codes(api.get(COUNTRY_URL, {"stale": "false"})) == ["RU"]
    settings.COUNTRY_PROFILE_STALE_DAYS = 5
    assert codes(api.get(COUNTRY_URL, {"stale": "false"})) == []
    detail = api.get("/api/v1/countries/ru/")
    assert detail.status_code == 200
    assert detail.data["is_stale"] is True


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("twice", ["RU"]),
        ("criminal", ["BY"]),
        ("mobilization", ["UA"]),
        ("example", ["BY", "RU", "UA"]),
        ("twice criminal", []),
    ],
)
def test_countries_search_with_q(api, profiles, q, expected):
    assert codes(api.get(COUNTRY_URL, {"q": q})) == expected


def test_countries_order_and_updated_since(api, profiles):
    assert codes(api.get(COUNTRY_URL)) == ["BY", "RU", "UA"]
    assert codes(api.get(COUNTRY_URL, {"ordering": "-code"})) == ["UA", "RU", "BY"]
    # Where a never-reviewed profile sorts depends on the database; the reviewed ones are ordered.
    oldest_first = [c for c in codes(api.get(COUNTRY_URL, {"ordering": "last_reviewed"})) if c != "UA"]
    assert oldest_first == ["BY", "RU"]
    newest_first = [c for c in codes(api.get(COUNTRY_URL, {"ordering": "-last_reviewed"})) if c != "UA"]
    assert newest_first == ["RU", "BY"]
    Country.objects.filter(code="RU").update(updated_at=timezone.now() - timedelta(days=3))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert codes(api.get(COUNTRY_URL, {"updated_since": since})) == ["BY", "UA"]
