"""Sync costs a fixed number of queries: per type for a snapshot, constant for a 304."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from changes.registry import synced_entries
from tests.factories import (
    ContactPointFactory,
    CountryFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

from .replica import SYNC_URL, Replica, items

# Authentication (session and user), the viewer's memberships, then the sync itself.
REQUEST_OVERHEAD = 2


def grow(count: int, organization) -> None:
    for _ in range(count):
        org = OrganizationFactory(visibility="public")
        ContactPointFactory(organization=org, visibility="public")
        ContactPointFactory(organization=organization, visibility="restricted")


def counted(client, params=None, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SYNC_URL, params or {}, **headers)
    statements = [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].upper().startswith(("SAVEPOINT", "RELEASE"))
    ]
    return response, statements


@pytest.fixture
def member(as_user, org_a):
    user = UserFactory(username="mira")
    MembershipFactory(user=user, organization=org_a)
    MembershipFactory(user=user, organization=OrganizationFactory(visibility="restricted"))
    return as_user(user)


def test_a_full_snapshot_costs_the_same_for_3_or_60_objects(member, org_a):
    CountryFactory(code="DE")
    grow(1, org_a)
    small, small_queries = counted(member, {"limit": 5000})
    grow(20, org_a)
    large, large_queries = counted(member, {"limit": 5000})
    assert len(items(large.json())) > 20 * len(items(small.json())) / 2
    assert len(large_queries) == len(small_queries), large_queries
    # One read per synced type, plus the feed head and watermark; on PostgreSQL also taking
    # and freeing a snapshot slot (sync/slots.py).
    slot = 2 if connection.vendor == "postgresql" else 0
    assert len(small_queries) <= REQUEST_OVERHEAD + 2 + slot + len(synced_entries())


def test_a_304_is_at_most_3_statements_for_a_member(member, org_a, django_assert_max_num_queries):
    grow(2, org_a)
    replica = Replica(member)
    replica.sync()
    # Authentication (session with its user), the viewer's memberships, one probe of the feed.
    with django_assert_max_num_queries(3):
        response = member.get(SYNC_URL, {"cursor": replica.cursor}, HTTP_IF_NONE_MATCH=replica.etag)
    assert response.status_code == 304
    # Many changes this viewer cannot see do not change the cost.
    hidden = OrganizationFactory(visibility="restricted")
    for _ in range(30):
        ContactPointFactory(organization=hidden, visibility="restricted")
    with django_assert_max_num_queries(3):
        response = member.get(SYNC_URL, {"cursor": replica.cursor}, HTTP_IF_NONE_MATCH=replica.etag)
    assert response.status_code == 304
    # One change the member can see, among them, is never missed.
    ContactPointFactory(organization=org_a, visibility="restricted")
    response = member.get(SYNC_URL, {"cursor": replica.cursor}, HTTP_IF_NONE_MATCH=replica.etag)
    assert response.status_code == 200


def test_a_delta_costs_the_same_for_1_or_30_changed_objects(member, as_user, olga, org_a):
    grow(30, org_a)
    replica = Replica(member)
    replica.sync()
    admin = as_user(olga)
    contacts = list(org_a.contact_points.all())
    assert admin.patch(f"/api/v1/contact-points/{contacts[0].pk}/", {"hours": "a"}).status_code == 200
    one, one_queries = counted(member, {"cursor": replica.cursor})
    replica.sync()
    for contact in contacts[:30]:
        assert admin.patch(f"/api/v1/contact-points/{contact.pk}/", {"hours": "b"}).status_code == 200
    many, many_queries = counted(member, {"cursor": replica.cursor})
    assert len(items(one.json())) == 1 and len(items(many.json())) == 30
    assert len(many_queries) == len(one_queries), many_queries


def test_a_snapshot_names_each_field_once_per_type_and_repeats_no_parent_name(api, db):
    organization = OrganizationFactory(visibility="public", name="Once Only Organization")
    for _ in range(20):
        ContactPointFactory(organization=organization, visibility="public")
    response = api.get(SYNC_URL)
    body = response.content.decode()
    # Field names once per block, not once per contact; the organization's name once, in its own row.
    assert body.count('"security_advice"') == 1 and body.count('"hours"') == 1
    assert body.count("Once Only Organization") == 1 and "organization_name" not in body
    # Times to the whole second.
    assert not re.search(r"\d\d:\d\d:\d\d\.\d+", body)
    assert len(items(response.json())) >= 21
