"""Two editors, one object: the first write wins, the second gets 412 and the current state.

Each case has two clients read the same version (ETag), then both write with If-Match:
the second is refused with 412, carries the current representation and its ETag, and
nothing of the first write is overwritten. A last case runs the two writes truly at the
same time on PostgreSQL, where the row lock decides.
"""

import threading

import pytest
from django.db import close_old_connections, connection
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from changes.models import Change
from countries.models import Country
from organizations.models import ContactPoint, Organization
from tests.conftest import login
from tests.factories import ContactPointFactory, CountryFactory, MembershipFactory, UserFactory


def race(first, second, url, first_change, second_change, model, lookup, feed, method="patch"):
    etag_first, etag_second = first.get(url)["ETag"], second.get(url)["ETag"]
    assert etag_first == etag_second
    seq_before = Change.objects.order_by("-seq").values_list("seq", flat=True).first() or 0

    won = getattr(first, method)(url, first_change, format="json", HTTP_IF_MATCH=etag_first)
    assert won.status_code == 200, won.content
    lost = getattr(second, method)(url, second_change, format="json", HTTP_IF_MATCH=etag_second)

    assert lost.status_code == 412
    problem = lost.json()
    assert problem["status"] == 412 and problem["errors"][0]["code"] == "precondition_failed"
    assert lost["ETag"] == won["ETag"] != etag_first
    assert problem["current"] == won.json()
    stored = model.objects.get(**lookup)
    for field, value in first_change.items():
        assert problem["current"][field] == value
        assert str(getattr(stored, field)) == str(value)
    # Only the winner reached the change feed.
    object_type, object_id = feed
    assert (
        Change.objects.filter(seq__gt=seq_before, object_type=object_type, object_id=object_id).count() == 1
    )
    # With the fresh ETag the loser's retry goes through.
    retried = getattr(second, method)(url, second_change, format="json", HTTP_IF_MATCH=lost["ETag"])
    assert retried.status_code == 200
    return problem


def test_organizations(as_user, alice, olga, org_a):
    race(
        as_user(alice),
        as_user(olga),
        f"/api/v1/organizations/{org_a.pk}/",
        {"description": "Written by the coordinator"},
        {"description": "Written by the office"},
        Organization,
        {"pk": org_a.pk},
        ("organization", str(org_a.pk)),
    )


def test_contact_points(as_user, alice, org_a):
    contact = ContactPointFactory(organization=org_a, visibility="network")
    colleague = MembershipFactory(
        user=UserFactory(username="carla"), organization=org_a, role="coordinator"
    ).user
    race(
        as_user(alice),
        as_user(colleague),
        f"/api/v1/contact-points/{contact.pk}/",
        {"hours": "Mon-Fri 10-18"},
        {"hours": "Weekends only"},
        ContactPoint,
        {"pk": contact.pk},
        ("contact_point", str(contact.pk)),
    )


def test_countries(as_user, olga):
    CountryFactory(code="UA")
    second_admin = UserFactory(username="oksana", is_staff=True)
    race(
        as_user(olga),
        as_user(second_admin),
        "/api/v1/countries/UA/",
        {"mobilization": "General mobilization since 2022 (example data)."},
        {"mobilization": "Something older."},
        Country,
        {"code": "UA"},
        ("country", "UA"),
    )


def test_a_stale_delete_is_refused_and_deletes_nothing(as_user, alice, olga, org_a):
    contact = ContactPointFactory(organization=org_a)
    url = f"/api/v1/contact-points/{contact.pk}/"
    coordinator, admin = as_user(alice), as_user(olga)
    etag = admin.get(url)["ETag"]
    assert coordinator.patch(url, {"label": "newer"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    stale = admin.delete(url, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and stale.json()["current"]["label"] == "newer"
    assert ContactPoint.objects.filter(pk=contact.pk).exists()


def test_a_stale_put_is_refused(as_user, alice, olga, org_a):
    url = f"/api/v1/organizations/{org_a.pk}/"
    coordinator, admin = as_user(alice), as_user(olga)
    representation = admin.get(url)
    etag = representation["ETag"]
    assert (
        coordinator.patch(url, {"name": "Alpha (renamed)"}, format="json", HTTP_IF_MATCH=etag).status_code
        == 200
    )
    body = {
        k: v
        for k, v in representation.json().items()
        if k not in ("id", "version", "created_at", "updated_at")
    }
    stale = admin.put(url, {**body, "description": "overwrite"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert Organization.objects.get(pk=org_a.pk).name == "Alpha (renamed)"


def test_the_412_is_in_the_contract():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path in (
        "/api/v1/organizations/{id}/",
        "/api/v1/contact-points/{id}/",
        "/api/v1/countries/{code}/",
    ):
        for method in ("put", "patch", "delete"):
            operation = schema["paths"][path][method]
            assert "412" in operation["responses"], (path, method)
            body = operation["responses"]["412"]["content"]["application/problem+json"]["schema"]
            assert body["$ref"].endswith("/PreconditionFailedProblem")
            assert any(p["name"] == "If-Match" and p["in"] == "header" for p in operation["parameters"])
    assert "current" in schema["components"]["schemas"]["PreconditionFailedProblem"]["properties"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="true concurrency needs PostgreSQL")
def test_two_simultaneous_writers_one_wins(django_db_blocker):
    admin = UserFactory(username="olga", is_staff=True)
    other = UserFactory(username="oksana", is_staff=True)
    org = Organization.objects.create(name="Race", slug="race", visibility="public")
    clients = []
    for user in (admin, other):
        client = APIClient()
        login(client, user.username)
        clients.append(client)
    url = f"/api/v1/organizations/{org.pk}/"
    etag = clients[0].get(url)["ETag"]
    barrier = threading.Barrier(2)
    results = {}

    def write(index):
        try:
            barrier.wait()
            response = clients[index].patch(
                url, {"description": f"writer {index}"}, format="json", HTTP_IF_MATCH=etag
            )
            results[index] = response.status_code
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results.values()) == [200, 412]
    winner = next(i for i, code in results.items() if code == 200)
    org.refresh_from_db()
    assert org.description == f"writer {winner}" and org.version == 2
    assert (
        Change.objects.filter(object_type="organization", object_id=str(org.pk), action="update").count() == 1
    )
