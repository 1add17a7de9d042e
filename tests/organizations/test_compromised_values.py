"""Compromised means gone for good, and one contact is written once.

A value marked compromised anywhere in the network (by any organization, through the API
or the admin) cannot be published as an active contact again — however it is spelled —
until olga (the network office) lifts the mark in the admin with a reason. A duplicate of
a contact the writer can see is refused with its name; one they cannot see is not told of.
"""

import pytest

from changes.models import Change
from organizations.models import CompromisedValue, ContactPoint
from tests.factories import ContactPointFactory

URL = "/api/v1/contact-points/"


def contact(org, channel, value, **fields) -> dict:
    body = {
        "organization": org.pk,
        "channel": channel,
        "value": value,
        "languages": ["ru"],
        "visibility": "public",
    }
    body.update(fields)
    return body


def snapshot() -> tuple:
    return (
        list(ContactPoint.objects.order_by("pk").values()),
        list(CompromisedValue.objects.order_by("pk").values()),
        Change.objects.count(),
    )


def compromise(client, org, channel, value) -> int:
    """A contact published by `client` for `org`, then marked compromised through the API."""
    created = client.post(URL, contact(org, channel, value), format="json")
    assert created.status_code == 201, created.data
    marked = client.patch(f"{URL}{created.data['id']}/", {"status": "compromised"}, format="json")
    assert marked.status_code == 200, marked.data
    return created.data["id"]


def assert_refused_as_compromised(response) -> None:
    assert response.status_code == 400, response.data
    [error] = response.json()["errors"]
    assert error["attr"] == "value"
    assert "marked compromised" in error["detail"]


# Written one way when marked, another way when someone tries to publish it again.
SPELLINGS = [
    ("telegram", "@nmn_old_account_example", "@NMN_Old_Account_Example"),
    ("telegram", "@nmn_old_account_example", "t.me/nmn_old_account_example"),
    ("telegram", "https://t.me/Nmn_Old_Account_Example", "nmn_old_account_example"),
    ("phone", "+49 157 82470251", "+4915782470251"),
    ("phone", "+4915782470251", "+49 (157) 824-70-251"),
    ("signal", "+49 157 82470251", "0049 157 82470251"),
    ("signal", "old.42", "@OLD.42"),
    ("email", "old@example.org", "Old@Example.ORG"),
]


@pytest.mark.parametrize(("channel", "marked", "again"), SPELLINGS)
def test_a_compromised_value_cannot_be_published_again_by_another_organization(
    alice, bob, client_of, org_a, org_b, channel, marked, again
):
    compromise(client_of("alice"), org_a, channel, marked)
    before = snapshot()
    assert_refused_as_compromised(client_of("bob").post(URL, contact(org_b, channel, again), format="json"))
    assert snapshot() == before


def test_the_refusal_names_no_organization(alice, bob, client_of, org_a, org_b):
    compromise(client_of("alice"), org_a, "telegram", "@nmn_old_account_example")
    response = client_of("bob").post(
        URL, contact(org_b, "telegram", "@nmn_old_account_example"), format="json"
    )
    assert_refused_as_compromised(response)
    assert org_a.name not in str(response.json())


def test_a_number_compromised_on_one_channel_is_compromised_on_every_channel(alice, client_of, org_a):
    compromise(client_of("alice"), org_a, "phone", "+49 157 82470251")
    response = client_of("alice").post(URL, contact(org_a, "signal", "+49 157 82470251"), format="json")
    assert_refused_as_compromised(response)


def test_a_compromised_contact_cannot_be_reactivated_by_its_own_coordinator_nor_an_admin(
    alice, olga, client_of, org_a
):
    pk = compromise(client_of("alice"), org_a, "email", "old@example.org")
    for person in ("alice", "olga"):
        before = snapshot()
        response = client_of(person).patch(f"{URL}{pk}/", {"status": "active"}, format="json")
        assert_refused_as_compromised(response)
        assert snapshot() == before


def test_the_mark_outlives_the_contact(alice, client_of, org_a):
    pk = compromise(client_of("alice"), org_a, "email", "old@example.org")
    assert client_of("alice").delete(f"{URL}{pk}/").status_code == 204
    response = client_of("alice").post(URL, contact(org_a, "email", "OLD@example.org"), format="json")
    assert_refused_as_compromised(response)


def test_a_marked_value_may_still_be_kept_paused_by_its_organization(alice, client_of, org_a):
    compromise(client_of("alice"), org_a, "email", "old@example.org")
    other = client_of("alice").post(URL, contact(org_a, "email", "other@example.org"), format="json")
    response = client_of("alice").patch(
        f"{URL}{other.data['id']}/", {"value": "Old@example.org", "status": "paused"}, format="json"
    )
    # The marked contact itself is still there and visible to alice: a duplicate, not a compromise.
    assert response.status_code == 400
    assert "already exists" in response.json()["errors"][0]["detail"]


def test_a_contact_marked_compromised_in_the_admin_is_marked_too(admin_client, org_a):
    cp = ContactPointFactory(organization=org_a, channel="telegram", value="@old_channel")
    response = admin_client.post(
        "/admin/organizations/contactpoint/",
        {"action": "mark_compromised", "_selected_action": [cp.pk]},
    )
    assert response.status_code == 302
    assert CompromisedValue.objects.get().value == "@old_channel"


# ---------------------------------------------------------------------------
# Lifting a mark: the network office only, with a recorded reason
# ---------------------------------------------------------------------------
def lift_url(mark: CompromisedValue) -> str:
    return f"/admin/organizations/compromisedvalue/{mark.pk}/change/"


def test_an_admin_lifts_a_mark_with_a_reason_and_then_it_may_be_published(
    alice, bob, olga, admin_client, client_of, org_a, org_b
):
    compromise(client_of("alice"), org_a, "telegram", "@nmn_old_account_example")
    mark = CompromisedValue.objects.get()
    assert admin_client.post(lift_url(mark), {"lift": "on", "lifted_reason": ""}).status_code == 200
    assert CompromisedValue.objects.get().lifted_at is None  # no reason, no lift

    response = admin_client.post(
        lift_url(mark), {"lift": "on", "lifted_reason": "Account recovered, 2FA on."}
    )
    assert response.status_code == 302
    mark.refresh_from_db()
    assert (mark.lifted_by, mark.lifted_reason) == (olga, "Account recovered, 2FA on.")
    assert mark.lifted_at is not None

    published = client_of("bob").post(
        URL, contact(org_b, "telegram", "t.me/nmn_old_account_example"), format="json"
    )
    assert published.status_code == 201, published.data


def test_a_coordinator_cannot_reach_the_marks(alice, client_of):
    from django.test import Client

    client = Client()
    client.force_login(alice)
    assert client.get("/admin/organizations/compromisedvalue/").status_code == 302  # to the admin login


# ---------------------------------------------------------------------------
# Duplicates
# ---------------------------------------------------------------------------
def test_a_duplicate_of_a_visible_contact_is_refused_naming_it(alice, bob, client_of, org_a, org_b):
    first = client_of("alice").post(URL, contact(org_a, "email", "get.out.now@example.org"), format="json")
    before = snapshot()
    for who, org in (("alice", org_a), ("bob", org_b)):
        response = client_of(who).post(URL, contact(org, "email", "Get.Out.Now@Example.org"), format="json")
        assert response.status_code == 400, response.data
        [error] = response.json()["errors"]
        assert error["attr"] == "value"
        assert f"#{first.data['id']}" in error["detail"] and org_a.name in error["detail"]
        assert snapshot() == before


def test_a_duplicate_is_refused_on_update_too(alice, client_of, org_a):
    client_of("alice").post(URL, contact(org_a, "telegram", "@waypoint_help"), format="json")
    other = client_of("alice").post(URL, contact(org_a, "telegram", "@waypoint_other"), format="json")
    response = client_of("alice").patch(
        f"{URL}{other.data['id']}/", {"value": "t.me/WayPoint_Help"}, format="json"
    )
    assert response.status_code == 400


def test_saving_a_contact_unchanged_is_not_a_duplicate_of_itself(alice, client_of, org_a):
    created = client_of("alice").post(URL, contact(org_a, "telegram", "@waypoint_help"), format="json")
    response = client_of("alice").patch(
        f"{URL}{created.data['id']}/", {"value": "@waypoint_help"}, format="json"
    )
    assert response.status_code == 200, response.data


@pytest.mark.parametrize("hidden", [{"visibility": "restricted"}, {"status": "paused"}])
def test_a_duplicate_of_a_contact_the_writer_cannot_see_is_not_told_of(
    alice, bob, client_of, org_a, org_b, hidden
):
    ContactPointFactory(organization=org_a, channel="phone", value="+49301234567", **hidden)
    response = client_of("bob").post(URL, contact(org_b, "phone", "+49 30 1234567"), format="json")
    assert response.status_code == 201, response.data
    assert org_a.name not in str(response.data)


def test_the_admin_form_refuses_a_marked_value_too(alice, admin_client, client_of, org_a):
    compromise(client_of("alice"), org_a, "telegram", "@nmn_old_account_example")
    before = snapshot()
    response = admin_client.post(
        "/admin/organizations/contactpoint/add/",
        {
            "organization": org_a.pk,
            "channel": "telegram",
            "value": "t.me/NMN_old_account_example",
            "languages": "ru",
            "status": "active",
            "visibility": "public",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "marked compromised" in response.content.decode()
    assert snapshot() == before
