"""The large lists: what a list sends of an object is what its detail sends, and cursor pages
walk the whole list, forwards and backwards, in any order, once each.

Lists read rows through `core.representation`, details through the DRF serializer: the
first test holds the two together, field by field, for every demo object each viewer sees.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.pagination import KeysetPagination
from organizations.models import ContactPoint
from tests.conftest import demo_client
from tests.factories import ContactPointFactory, OrganizationFactory

LISTS = ["organizations", "contact-points", "documents"]


def every_page(client, url: str, params: dict) -> list[dict]:
    """Every item of a list, as sent (the JSON on the wire), following `next` links."""
    response = client.get(url, params)
    items = []
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        items += body["results"]
        if not body["next"]:
            return items
        response = client.get(body["next"])


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("viewer", ["anonymous", "mila", "nino", "olga"])
def test_a_list_shows_each_object_as_its_detail_does(demo, api, endpoint, viewer):
    client = api if viewer == "anonymous" else demo_client(viewer)
    url = f"/api/v1/{endpoint}/"
    items = every_page(client, url, {"page_size": 7})
    assert items
    for item in items:
        detail = client.get(f"{url}{item['id']}/").json()
        # A document's detail adds its translations and latest version to what the list shows.
        assert item == {name: detail[name] for name in item}
        assert list(item) == [name for name in detail if name in item]


@pytest.fixture
def contacts(db):
    """Thirty public contact points; a third never verified, the rest at distinct times."""
    organization = OrganizationFactory(visibility="public")
    now = timezone.now()
    return [
        ContactPointFactory(
            organization=organization,
            channel=["phone", "email", "signal"][i % 3],
            last_verified_at=None if i % 3 == 0 else now - timedelta(hours=i),
        )
        for i in range(30)
    ]


@pytest.mark.parametrize(
    "ordering", ["-last_verified_at", "last_verified_at", "channel", "-updated_at", None]
)
def test_cursor_pages_walk_the_list_in_order_once_each(api, contacts, ordering):
    params = {"page_size": 4, **({"ordering": ordering} if ordering else {})}
    everything = api.get("/api/v1/contact-points/", {**params, "page_size": 100}).data["results"]
    walked = every_page(api, "/api/v1/contact-points/", params)
    assert [item["id"] for item in walked] == [item["id"] for item in everything]
    assert len(walked) == len(contacts)
    if ordering and ordering.endswith("last_verified_at"):
        # Never verified comes last, whichever the direction.
        assert all(item["last_verified_at"] is None for item in walked[-10:])
        assert all(item["last_verified_at"] is not None for item in walked[:-10])


def test_previous_links_walk_back_over_the_same_pages(api, contacts):
    forward = [api.get("/api/v1/contact-points/", {"page_size": 4, "ordering": "-last_verified_at"}).data]
    while forward[-1]["next"]:
        forward.append(api.get(forward[-1]["next"]).data)
    assert forward[-1]["previous"] is not None
    page, backward = forward[-1], []
    while page["previous"]:
        page = api.get(page["previous"]).data
        backward.append(page)
    ids = [[item["id"] for item in page["results"]] for page in forward]
    assert [[item["id"] for item in page["results"]] for page in backward] == ids[-2::-1]


def test_a_numbered_page_counts_and_a_cursor_page_does_not(api, contacts):
    first = api.get("/api/v1/contact-points/", {"page_size": 4}).data
    assert first["count"] == len(contacts)
    assert first["previous"] is None
    assert "cursor=" in first["next"]
    assert api.get(first["next"]).data["count"] is None
    third = api.get("/api/v1/contact-points/", {"page_size": 4, "page": 3}).data
    assert third["count"] == len(contacts)
    assert "page=2" in third["previous"]
    assert api.get("/api/v1/contact-points/", {"page_size": 4, "page": "last"}).data["results"]


@pytest.mark.parametrize(
    "cursor", ["nonsense", "e30", "eyJrIjpbMV0sInMiOiIwMDAwMDAwMCJ9", "%%%", "eyJrIjpbbnVsbCxudWxsLG51bGxdfQ"]
)
def test_a_forged_cursor_is_a_400(api, contacts, cursor):
    response = api.get("/api/v1/contact-points/", {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["status"] == 400  # a problem-details answer, not a crash


def test_a_cursor_made_under_another_order_is_a_400(api, contacts):
    first = api.get("/api/v1/contact-points/", {"page_size": 4, "ordering": "channel"}).data
    cursor = first["next"].split("cursor=")[1].split("&")[0]
    response = api.get("/api/v1/contact-points/", {"cursor": cursor, "ordering": "-updated_at"})
    assert response.status_code == 400


def test_a_cursor_page_never_shows_what_the_viewer_may_not_see(api, contacts):
    hidden = contacts[5]
    ContactPoint.objects.filter(pk=hidden.pk).update(visibility="restricted")
    walked = every_page(api, "/api/v1/contact-points/", {"page_size": 3})
    assert hidden.pk not in {item["id"] for item in walked}
    assert len(walked) == len(contacts) - 1


def test_beyond_the_exact_count_limit_the_count_is_null_and_pages_still_walk(api, contacts, monkeypatch):
    monkeypatch.setattr(KeysetPagination, "exact_count_limit", 20)
    first = api.get("/api/v1/contact-points/", {"page_size": 4}).data
    assert first["count"] is None
    assert len(every_page(api, "/api/v1/contact-points/", {"page_size": 4})) == len(contacts)
    # Numbered pages reach the first 20; deeper ones are `next` links.
    fifth = api.get("/api/v1/contact-points/", {"page_size": 4, "page": 5}).data
    assert fifth["next"] is not None
    assert len(every_page(api, fifth["next"], {})) == len(contacts) - 20
    assert api.get("/api/v1/contact-points/", {"page_size": 4, "page": 6}).status_code == 404
    assert api.get("/api/v1/contact-points/", {"page": "last"}).status_code == 404
    monkeypatch.setattr(KeysetPagination, "exact_count_limit", 30)
    assert api.get("/api/v1/contact-points/", {"page_size": 4}).data["count"] == 30


def test_the_list_computes_staleness_as_the_detail_does(api, contacts):
    items = every_page(api, "/api/v1/contact-points/", {"page_size": 100})
    never = [item for item in items if item["last_verified_at"] is None]
    assert never
    assert all(item["is_stale"] is True for item in never)
    for item in items:
        assert item["is_stale"] == api.get(f"/api/v1/contact-points/{item['id']}/").data["is_stale"]


@pytest.mark.parametrize("page", ["99999999999999999999999", "0", "-3", "1.5", "x"])
def test_a_page_number_out_of_range_is_a_404(api, contacts, page):
    response = api.get("/api/v1/contact-points/", {"page": page})
    assert response.status_code == 404
