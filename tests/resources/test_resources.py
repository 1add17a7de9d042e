"""Resources: validation, the status workflow, expiry without a scheduled job, and matches."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/resources/"


def base(org, **overrides) -> dict:
    payload = {
        "kind": "offer",
        "category": "translation",
        "organization": org.id,
        "title": "Russian-German translation (example data)",
        "countries": ["DE"],
        "languages": ["ru", "de"],
        "capacity": "20 pages a month",
    }
    payload.update(overrides)
    return payload


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"category": "funding", "capacity": ""}, "amount"),
        ({"category": "funding", "amount": "500.00"}, "currency"),
        ({"category": "funding", "amount": "500.00", "currency": "EURO"}, "currency"),
        ({"currency": "EUR"}, "amount"),
        ({"capacity": ""}, "capacity"),
        ({"category": "funding", "amount": "0", "currency": "EUR"}, "amount"),
        ({"status": "fulfilled"}, "status"),
        ({"status": "expired"}, "status"),
        ({"countries": ["XX"]}, "countries"),
        ({"languages": ["russian"]}, "languages"),
        ({"visibility": "secret"}, "visibility"),
    ],
)
def test_it_rejects_invalid_resources_field_by_field(as_user, alice, org_a, overrides, field):
    response = as_user(alice).post(URL, base(org_a, **overrides), format="json")
    assert response.status_code == 400, response.content
    assert field in {error["attr"].split(".")[0] for error in response.data["errors"]}
    assert not as_user(alice).get(URL).data["results"]


def test_funding_needs_amount_and_currency(as_user, alice, org_a):
    response = as_user(alice).post(
        URL, base(org_a, category="funding", capacity="", amount="2500.00", currency="EUR"), format="json"
    )
    assert response.status_code == 201, response.content
    assert (response.data["amount"], response.data["currency"]) == ("2500.00", "EUR")


def test_a_coordinator_cannot_post_for_another_organization(as_user, alice, org_b):
    response = as_user(alice).post(URL, base(org_b), format="json")
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "organization"


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (["in_progress"], True),
        (["withdrawn"], True),
        (["in_progress", "fulfilled"], True),
        (["in_progress", "withdrawn"], True),
        (["fulfilled"], False),
        (["in_progress", "open"], False),
        (["withdrawn", "open"], False),
        (["in_progress", "fulfilled", "in_progress"], False),
    ],
)
def test_the_status_workflow_is_enforced(as_user, alice, org_a, path, allowed):
    client = as_user(alice)
    url = f"{URL}{ResourceFactory(organization=org_a).id}/"
    *steps, last = path
    for status in steps:
        assert client.patch(url, {"status": status}, format="json").status_code == 200
    response = client.patch(url, {"status": last}, format="json")
    assert response.status_code == (200 if allowed else 400), response.content
    assert client.get(url).data["status"] == (last if allowed else steps[-1] if steps else "open")


def test_a_resource_past_valid_until_is_expired_without_any_job(as_user, anna, alice, org_a):
    yesterday = timezone.localdate() - timedelta(days=1)
    expired = ResourceFactory(organization=org_a, valid_until=yesterday)
    current = ResourceFactory(organization=org_a)
    done = ResourceFactory(organization=org_a, valid_until=yesterday, status="fulfilled")
    client = as_user(anna)
    assert client.get(f"{URL}{expired.id}/").data["status"] == "expired"
    assert client.get(f"{URL}{expired.id}/").data["workflow_status"] == "open"
    assert client.get(f"{URL}{done.id}/").data["status"] == "fulfilled"
    listed = {r["id"]: r["status"] for r in client.get(URL).data["results"]}
    assert listed == {expired.id: "expired", current.id: "open", done.id: "fulfilled"}
    assert [r["id"] for r in client.get(f"{URL}?status=expired").data["results"]] == [expired.id]
    assert [r["id"] for r in client.get(f"{URL}?status=open").data["results"]] == [current.id]

    coordinator = as_user(alice)
    refused = coordinator.patch(f"{URL}{expired.id}/", {"status": "in_progress"}, format="json")
    assert refused.status_code == 400
    renewed = coordinator.patch(
        f"{URL}{expired.id}/", {"valid_until": str(timezone.localdate() + timedelta(days=7))}, format="json"
    )
    assert renewed.data["status"] == "open"


def test_members_read_but_do_not_write(as_user, anna, org_a):
    resource = ResourceFactory(organization=org_a)
    client = as_user(anna)
    assert client.get(f"{URL}{resource.id}/").status_code == 200
    assert client.patch(f"{URL}{resource.id}/", {"title": "x"}, format="json").status_code == 403
    assert client.post(URL, base(org_a), format="json").status_code == 403


def test_a_resource_with_responses_cannot_be_deleted(as_user, alice, bob, org_a, org_b):
    resource = ResourceFactory(organization=org_a)
    as_user(bob).post(
        "/api/v1/responses/",
        {"resource": resource.id, "organization": org_b.id, "message": "Yes"},
        format="json",
    )
    assert as_user(alice).delete(f"{URL}{resource.id}/").status_code == 400
    bare = ResourceFactory(organization=org_a)
    assert as_user(alice).delete(f"{URL}{bare.id}/").status_code == 204


class TestMatches:
    def test_it_ranks_by_overlap_and_skips_what_does_not_fit(self, as_user, anna, org_a, org_b, org_c):
        mine = ResourceFactory(
            organization=org_a, kind="request", countries=["LT", "DE"], languages=["ru", "en"]
        )
        best = ResourceFactory(organization=org_b, countries=["LT", "DE"], languages=["ru"])
        good = ResourceFactory(organization=org_c, countries=["FI"], languages=["en"])
        ResourceFactory(organization=org_b, countries=["FR"], languages=["fr"])  # no overlap
        ResourceFactory(organization=org_b, kind="request", countries=["LT"])  # same kind
        ResourceFactory(organization=org_b, category="funding", countries=["LT"])  # other category
        ResourceFactory(organization=org_a, countries=["LT"])  # own organization
        ResourceFactory(organization=org_b, countries=["LT"], status="in_progress")  # not open
        ResourceFactory(
            organization=org_b, countries=["LT"], valid_until=timezone.localdate() - timedelta(days=1)
        )
        response = as_user(anna).get(f"{URL}{mine.id}/matches/")
        assert response.status_code == 200
        assert [(m["id"], m["overlap"]) for m in response.data["results"]] == [(best.id, 3), (good.id, 1)]

    def test_it_lists_only_matches_the_viewer_may_see(self, as_user, api, anna, org_a, org_b):
        org_a.visibility = "public"
        org_a.save()
        org_b.visibility = "public"
        org_b.save()
        mine = ResourceFactory(organization=org_a, kind="request", visibility="public")
        public = ResourceFactory(organization=org_b, visibility="public")
        network = ResourceFactory(organization=org_b, visibility="network")
        ResourceFactory(organization=org_b, visibility="restricted")
        assert [m["id"] for m in api.get(f"{URL}{mine.id}/matches/").data["results"]] == [public.id]
        seen = {m["id"] for m in as_user(anna).get(f"{URL}{mine.id}/matches/").data["results"]}
        assert seen == {public.id, network.id}

    def test_matches_of_an_invisible_resource_are_404(self, as_user, bob, org_a):
        hidden = ResourceFactory(organization=org_a, visibility="restricted")
        assert as_user(bob).get(f"{URL}{hidden.id}/matches/").status_code == 404


def test_resources_filter_by_kind_category_place_language_validity_and_text(as_user, anna, org_a, org_b):
    lt = ResourceFactory(
        organization=org_a, kind="request", countries=["LT"], languages=["lt"], title="Vilnius room"
    )
    funding = ResourceFactory(
        organization=org_b,
        category="funding",
        amount="100.00",
        currency="EUR",
        valid_until=None,
        title="Fund",
    )
    short = ResourceFactory(organization=org_b, valid_until=timezone.localdate() + timedelta(days=2))
    client = as_user(anna)

    def found(query):
        response = client.get(f"{URL}?{query}")
        assert response.status_code == 200, response.content
        return {r["id"] for r in response.data["results"]}

    assert found("kind=request") == {lt.id}
    assert found("category=funding") == {funding.id}
    assert found("country=LT") == {lt.id}
    assert found("language=lt") == {lt.id}
    assert found("q=vilnius") == {lt.id}
    assert found("organization_slug=bravo") == {funding.id, short.id}
    later = timezone.localdate() + timedelta(days=10)
    assert found(f"valid_on={later}") == {lt.id, funding.id}
    assert client.get(f"{URL}?category=weapons").status_code == 400
