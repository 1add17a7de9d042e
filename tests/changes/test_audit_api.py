"""GET /api/v1/changes/: the network office sees all, coordinators their organizations', others nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from changes.models import Change
from tests.factories import ContactPointFactory, CountryFactory, MembershipFactory, UserFactory

URL = "/api/v1/changes/"


def all_pages(client, params=None):
    results, url, params = [], URL, {"page_size": 100, **(params or {})}
    while url:
        response = client.get(url, params)
        assert response.status_code == 200, response.content
        results.extend(response.json()["results"])
        url, params = response.json()["next"], None
    return results


@pytest.fixture
def history(as_user, alice, bob, olga, org_a, org_b):
    """Alice edits A's contact, Bob edits B's, Olga edits a country."""
    a_contact = ContactPointFactory(organization=org_a)
    b_contact = ContactPointFactory(organization=org_b)
    CountryFactory(code="LT")
    assert as_user(alice).patch(f"/api/v1/contact-points/{a_contact.pk}/", {"hours": "a"}).status_code == 200
    assert as_user(bob).patch(f"/api/v1/contact-points/{b_contact.pk}/", {"hours": "b"}).status_code == 200
    assert as_user(olga).patch("/api/v1/countries/LT/", {"penalties": "c (example data)"}).status_code == 200
    return {"a_contact": a_contact, "b_contact": b_contact}


def test_admins_see_every_entry_newest_first(as_user, olga, history):
    entries = all_pages(as_user(olga))
    assert len(entries) == Change.objects.count()
    assert [e["seq"] for e in entries] == sorted((e["seq"] for e in entries), reverse=True)
    latest = entries[0]
    assert latest["object_type"] == "country" and latest["object_id"] == "LT"
    assert latest["actor_username"] == "olga" and latest["fields"] == {"penalties": ["", "c (example data)"]}


def test_coordinators_see_only_their_organizations_entries(as_user, alice, org_a, org_b, history):
    entries = all_pages(as_user(alice))
    assert entries
    assert all(org_a.pk in e["owners"] for e in entries)
    assert not any(
        e["object_type"] == "contact_point" and e["object_id"] == str(history["b_contact"].pk)
        for e in entries
    )
    assert not any(e["object_type"] == "country" for e in entries)
    hidden = Change.objects.filter(
        object_type="contact_point", object_id=str(history["b_contact"].pk)
    ).first()
    assert as_user(alice).get(f"{URL}{hidden.seq}/").status_code == 404
    visible = entries[0]["seq"]
    assert as_user(alice).get(f"{URL}{visible}/").json()["seq"] == visible


def test_members_get_403_and_anonymous_401(api, as_user, anna, history):
    denied = as_user(anna).get(URL)
    assert denied.status_code == 403
    assert denied.json()["errors"][0]["code"] == "permission_denied"
    assert api.get(URL).status_code == 401
    seq = Change.objects.first().seq
    assert as_user(anna).get(f"{URL}{seq}/").status_code == 403


def test_filter_by_object_actor_action_and_time(as_user, alice, olga, history):
    admin = as_user(olga)
    contact = history["a_contact"]
    by_object = all_pages(admin, {"object_type": "contact_point", "object_id": contact.pk})
    assert [e["action"] for e in by_object] == ["update", "create"]
    by_actor = all_pages(admin, {"actor": alice.pk})
    assert {e["actor"] for e in by_actor} == {alice.pk} and len(by_actor) == 1
    assert {e["action"] for e in all_pages(admin, {"action": "create"})} == {"create"}
    future = (timezone.now() + timedelta(hours=1)).isoformat()
    past = (timezone.now() - timedelta(hours=1)).isoformat()
    assert all_pages(admin, {"since": future}) == []
    assert len(all_pages(admin, {"since": past, "until": future})) == Change.objects.count()
    first = Change.objects.order_by("seq").first().seq
    assert len(all_pages(admin, {"after": first, "ordering": "seq"})) == Change.objects.count() - 1


@pytest.mark.parametrize(
    "params",
    [
        {"object_type": "nonsense"},
        {"actor": "x"},
        {"actor": "99999999999999999999999"},
        {"after": "-5"},
        {"since": "yesterday"},
        {"action": "explode"},
    ],
)
def test_bad_filters_are_400(as_user, olga, history, params):
    response = as_user(olga).get(URL, params)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == next(iter(params))


def test_pages_are_capped(as_user, olga, org_a):
    for index in range(110):
        MembershipFactory(user=UserFactory(username=f"member{index}"), organization=org_a)
    assert len(as_user(olga).get(URL, {"page_size": 100}).json()["results"]) == 100
    for size in (1000, 0, "ten"):
        refused = as_user(olga).get(URL, {"page_size": size})
        assert refused.status_code == 400
        assert refused.json()["errors"][0]["attr"] == "page_size"


def test_the_log_is_read_only(as_user, olga, history):
    admin = as_user(olga)
    seq = Change.objects.first().seq
    assert admin.post(URL, {}, format="json").status_code == 405
    assert admin.delete(f"{URL}{seq}/").status_code == 405
    assert admin.patch(f"{URL}{seq}/", {}, format="json").status_code == 405
