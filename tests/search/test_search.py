"""GET /search/: one ranked search over every type, never showing what the viewer may not see."""

import re

import pytest

from countries.models import Country
from tests.factories import ContactPointFactory, OrganizationFactory

FRANCE_EN = {
    "title": "France: asylum and the evidence of call-up (example data)",
    "summary": "Which papers prove a call-up to the French asylum office.",
    "body": (
        "## Evidence of call-up\n\nThe French asylum office (OFPRA) and the court (CNDA) ask for "
        "evidence that you were called up: a summons, a notice from the register, messages."
    ),
    "language": "en",
    "countries": ["FR"],
    "topics": ["asylum", "documents"],
}
FRANCE_RU = {
    "title": "Франция: убежище и доказательства призыва (пример данных)",
    "summary": "Какие документы доказывают призыв для французского ведомства по убежищу.",
    "body": (
        "## Доказательства призыва\n\nВо Франции ведомство по убежищу (OFPRA) и суд (CNDA) требуют "
        "доказательства того, что вас призывали: повестку, уведомление из реестра, сообщения."
    ),
    "language": "ru",
    "countries": ["FR"],
    "topics": ["asylum", "documents"],
}
GERMANY_DE = {
    "title": "Asyl in Deutschland für Verweigerer (Beispieldaten)",
    "summary": "Was bei der Anhörung zählt.",
    "body": "Bei der Anhörung im Bundesamt zählen Beweise der Einberufung.",
    "language": "de",
    "countries": ["DE"],
    "topics": ["asylum"],
}


@pytest.fixture
def guides(make_document, public_org_a):
    return {
        "fr_en": make_document(**FRANCE_EN),
        "fr_ru": make_document(**FRANCE_RU),
        "de_de": make_document(**GERMANY_DE),
        "fr_draft": make_document(
            status="draft", **{**FRANCE_EN, "title": "Draft on call-up evidence in France"}
        ),
        "fr_network": make_document(
            visibility="network", **{**FRANCE_EN, "title": "Network notes: call-up evidence France"}
        ),
    }


def search(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return response.data


def ids(data, type_name="document"):
    return [hit["id"] for hit in data["results"] if hit["type"] == type_name]


def test_an_english_query_finds_the_english_guide_first(api, guides):
    data = search(api, q="call-up evidence France")
    assert ids(data)[0] == guides["fr_en"].id
    assert data["results"][0]["url"] == f"/api/v1/documents/{guides['fr_en'].id}/"
    assert data["results"][0]["languages"] == ["en"]
    assert data["results"][0]["countries"] == ["FR"]


def test_a_russian_query_finds_the_russian_guide(api, guides):
    data = search(api, q="доказательства призыва Франция")
    assert ids(data)[0] == guides["fr_ru"].id
    assert guides["fr_en"].id not in ids(data)


def test_inflected_forms_meet(api, guides):
    assert guides["fr_ru"].id in ids(search(api, q="Франции повестка"))


def test_the_language_filter_keeps_one_language(api, guides):
    data = search(api, q="asylum", language="en")
    assert ids(data) == [guides["fr_en"].id]
    assert all("en" in hit["languages"] for hit in data["results"])


def test_the_country_filter(api, guides):
    assert ids(search(api, q="Anhörung", country="de")) == [guides["de_de"].id]
    assert ids(search(api, q="Anhörung", country="FR")) == []


def test_anonymous_readers_find_only_public_published_guides(api, as_user, anna, bob, guides):
    anonymous = search(api, q="call-up evidence France", type="document")
    assert set(ids(anonymous)) == {guides["fr_en"].id}
    assert anonymous["counts"]["document"] == 1
    assert anonymous["count"] == 1

    other_org = search(as_user(bob), q="call-up evidence France", type="document")
    assert set(ids(other_org)) == {guides["fr_en"].id, guides["fr_network"].id}

    author_org = search(as_user(anna), q="call-up evidence France", type="document")
    assert set(ids(author_org)) == {guides["fr_en"].id, guides["fr_network"].id, guides["fr_draft"].id}
    assert author_org["counts"]["document"] == 3


def test_it_searches_organizations_contact_points_and_countries(api, db):
    org = OrganizationFactory(
        name="Lighthouse Counseling", description="Counseling for deserters in Lithuania."
    )
    hidden = OrganizationFactory(name="Lighthouse Hidden", visibility="restricted")
    contact = ContactPointFactory(organization=org, label="Lighthouse hotline", visibility="public")
    ContactPointFactory(organization=org, label="Lighthouse old hotline", status="compromised")
    data = search(api, q="lighthouse")
    assert ids(data, "organization") == [org.id]
    assert ids(data, "contact_point") == [contact.id]
    assert data["counts"]["organization"] == 1
    assert data["counts"]["contact_point"] == 1
    assert hidden.id not in ids(data, "organization")

    Country.objects.create(code="LT", asylum_practice="Rejections citing a threat to state security.")
    by_text = search(api, q="state security", type="country")
    assert [hit["url"] for hit in by_text["results"]] == ["/api/v1/countries/LT/"]
    assert by_text["results"][0]["title"] == "Lithuania"
    by_name = search(api, q="Литва", type="country")
    assert [hit["id"] for hit in by_name["results"]] == [Country.objects.get(code="LT").id]


def test_snippets_are_escaped_text_with_marks_only(api, make_document, public_org_a):
    make_document(title="Markup guide", body="<script>alert(1)</script> deserter <b>bold</b> deserter")
    make_document(title="Ampersand guide", summary="Deserter & objector <img src=x onerror=alert(1)>")
    for hit in search(api, q="deserter")["results"]:
        assert set(re.findall(r"<[^>]*>", hit["snippet"])) <= {"<mark>", "</mark>"}, hit["snippet"]
        assert "<mark>" in hit["snippet"]


def test_results_are_paged_with_stable_counts(api, make_document, public_org_a):
    for n in range(7):
        make_document(title=f"Deserter guide {n}", body="deserter")
    first = search(api, q="deserter", page_size=3)
    second = search(api, q="deserter", page_size=3, page=2)
    third = search(api, q="deserter", page_size=3, page=3)
    assert first["count"] == second["count"] == 7
    seen = ids(first) + ids(second) + ids(third)
    assert len(seen) == len(set(seen)) == 7
    assert first["next"] and "page=2" in first["next"]
    assert third["next"] is None and "page=2" in third["previous"]
    assert search(api, q="deserter", page=9)["results"] == []


INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE documents_document; --",
    '" OR ""="',
    "&|!():*",
    "call-up & (France | !Germany):*",
    "!!!",
    "<->",
    "a:* & b:*",
    "\\",
    "%_%",
    "'",
    "((((((((((",
    "France <-> call-up",
    "-",
    '"',
    "ü ß 的 🙂",
    "x" * 200,
    " ".join(["word"] * 40),
]


@pytest.mark.parametrize("q", INJECTIONS)
def test_injection_strings_are_only_text(api, guides, q):
    response = api.get("/api/v1/search/", {"q": q})
    assert response.status_code == 200, response.content
    list_response = api.get("/api/v1/documents/", {"q": q})
    assert list_response.status_code == 200, list_response.content


@pytest.mark.parametrize(
    "params, attr",
    [
        ({"q": "x" * 201}, "q"),
        ({"q": ""}, "q"),
        ({}, "q"),
        ({"q": "a\x00b"}, "q"),
        ({"q": "asylum", "type": "nonsense"}, "type"),
        ({"q": "asylum", "language": "xx"}, "language"),
        ({"q": "asylum", "country": "ZZ"}, "country"),
        ({"q": "asylum", "page": "0"}, "page"),
        ({"q": "asylum", "page_size": "1000"}, "page_size"),
        ({"q": "asylum", "page": "1e9"}, "page"),
    ],
)
def test_bad_parameters_are_a_400_with_the_field_named(api, db, params, attr):
    response = api.get("/api/v1/search/", params)
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"].split(".")[0] == attr


def test_the_type_filter_accepts_repeats_and_commas(api, guides):
    data = search(api, q="France", type="document,country")
    assert set(data["counts"]) == {"document", "country"}
    data = api.get("/api/v1/search/?q=France&type=document&type=organization").data
    assert set(data["counts"]) == {"document", "organization"}


def test_the_document_list_q_uses_the_same_matching(api, guides):
    response = api.get("/api/v1/documents/", {"q": "доказательства призыва"})
    assert [d["id"] for d in response.data["results"]] == [guides["fr_ru"].id]


@pytest.mark.parametrize(
    "value, status",
    [
        ("0281-05-08T10:59:27+18:14", 200),  # an offset PostgreSQL itself would refuse
        ("0001-01-01T00:00:00+05:00", 400),  # before the first representable UTC time
        ("9999-12-31T23:59:59-05:00", 400),  # after the last
        ("yesterday", 400),
    ],
)
def test_the_document_list_takes_any_updated_since_without_a_server_error(api, db, value, status):
    response = api.get("/api/v1/documents/", {"updated_since": value})
    assert response.status_code == status


def test_resources_and_events_take_part_through_the_registry(api, as_user, anna, public_org_a, org_b):
    from datetime import timedelta

    from django.utils import timezone

    from campaigns.models import Event
    from resources.models import Resource

    now = timezone.now()
    offer = Resource.objects.create(
        kind="offer", category="legal_aid", organization=public_org_a, title="Lighthouse lawyers",
        countries=["FR"], languages=["en"], visibility="public",
    )  # fmt: skip
    Resource.objects.create(
        kind="offer",
        category="legal_aid",
        organization=org_b,
        title="Lighthouse hidden",
        visibility="restricted",
    )
    event = Event.objects.create(
        organization=public_org_a, title="Lighthouse vigil", starts_at=now, ends_at=now + timedelta(hours=2),
        timezone="Europe/Berlin", city="Lyon", country="FR", visibility="public",
    )  # fmt: skip
    online = Event.objects.create(
        organization=public_org_a, title="Lighthouse online talk", starts_at=now,
        ends_at=now + timedelta(hours=1), timezone="Europe/Berlin", is_online=True, visibility="network",
    )  # fmt: skip

    anonymous = search(api, q="lighthouse")
    assert ids(anonymous, "resource") == [offer.id]
    assert ids(anonymous, "event") == [event.id]
    assert anonymous["counts"]["resource"] == 1 and anonymous["counts"]["event"] == 1
    hit = next(h for h in anonymous["results"] if h["type"] == "event")
    assert hit["url"] == f"/api/v1/events/{event.id}/" and hit["countries"] == ["FR"]

    member = search(as_user(anna), q="lighthouse", type="event")
    assert set(ids(member, "event")) == {event.id, online.id}
    assert next(h for h in member["results"] if h["id"] == online.id)["countries"] == []
    assert ids(search(api, q="lighthouse", country="FR", type="resource,event"), "event") == [event.id]
