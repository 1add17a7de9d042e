"""A parent's edit records its children again only when they read what changed."""

import pytest

from changes.models import Change
from tests.factories import ContactPointFactory, EventFactory, OrganizationFactory


@pytest.fixture
def family(db):
    org = OrganizationFactory(visibility="public", slug="family")
    contacts = [ContactPointFactory(organization=org, visibility="public") for _ in range(4)]
    event = EventFactory(organization=org, visibility="public")
    return org, contacts, event


def recorded_since(seq: int) -> list[tuple[str, str]]:
    return sorted((c.object_type, c.object_id) for c in Change.objects.filter(seq__gt=seq))


def head() -> int:
    return Change.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_a_description_no_child_shows_writes_one_entry(as_user, olga, family):
    org, _, _ = family
    start = head()
    response = as_user(olga).patch(f"/api/v1/organizations/{org.pk}/", {"description": "New text."})
    assert response.status_code == 200
    assert recorded_since(start) == [("organization", str(org.pk))]


def test_a_name_is_recorded_for_the_children_that_show_it(as_user, olga, family):
    org, _, event = family
    start = head()
    assert as_user(olga).patch(f"/api/v1/organizations/{org.pk}/", {"name": "Renamed"}).status_code == 200
    # Events show their organization's name; synced contact points do not (replicas hold the organization).
    assert recorded_since(start) == [("event", str(event.pk)), ("organization", str(org.pk))]


def test_visibility_is_recorded_for_every_child(as_user, olga, family):
    org, contacts, event = family
    start = head()
    assert (
        as_user(olga).patch(f"/api/v1/organizations/{org.pk}/", {"visibility": "network"}).status_code == 200
    )
    expected = [("contact_point", str(c.pk)) for c in contacts] + [
        ("event", str(event.pk)),
        ("organization", str(org.pk)),
    ]
    assert recorded_since(start) == sorted(expected)
    assert {c.audience_after for c in Change.objects.filter(seq__gt=start, object_type="contact_point")} == {
        Change.objects.get(seq__gt=start, object_type="organization").audience_after
    }
