"""GET /api/v1/sync/: snapshot, deltas with deletions, resets, 304, paging and the signed cursor."""

import gzip
import json

import pytest
from django.core import signing
from django.core.management import call_command
from rest_framework.test import APIClient

from accounts.models import Membership
from changes.models import Change
from changes.registry import entry_for_type
from sync.cursor import SALT, Cursor
from tests.conftest import PASSWORD
from tests.factories import (
    ContactPointFactory,
    CountryFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

from .replica import SYNC_URL, Replica, as_synced, items, listed


def ids(response, type_name, op=None):
    return {
        key
        for kind, key, item_op, _ in items(response.json())
        if kind == type_name and (op is None or item_op == op)
    }


def apply(objects: dict, body: dict) -> None:
    for kind, key, op, data in items(body):
        if op == "upsert":
            objects[(kind, key)] = data
        else:
            objects.pop((kind, key), None)


@pytest.fixture
def world(org_a, org_b):
    """A public org with public/network/paused contacts, a restricted org, a country."""
    public_org = OrganizationFactory(name="Public Help", slug="public-help", visibility="public")
    hidden_org = OrganizationFactory(name="Hidden", slug="hidden", visibility="restricted")
    return {
        "public_org": public_org,
        "hidden_org": hidden_org,
        "public": ContactPointFactory(organization=public_org, visibility="public"),
        "network": ContactPointFactory(organization=public_org, visibility="network"),
        "paused": ContactPointFactory(organization=public_org, visibility="public", status="paused"),
        "a_restricted": ContactPointFactory(organization=org_a, visibility="restricted"),
        "hidden": ContactPointFactory(organization=hidden_org, visibility="public"),
        "country": CountryFactory(code="DE"),
    }


def test_first_sync_is_a_full_snapshot_of_what_the_viewer_may_see(api, as_user, anna, olga, world):
    anonymous = Replica(api)
    anonymous.sync()
    body = anonymous.responses[0].json()
    assert body["reset"] is True and body["reset_reason"] == "no_cursor" and body["has_more"] is False
    assert set(anonymous.of_type("contact_point")) == {str(world["public"].pk)}
    assert set(anonymous.of_type("organization")) == {str(world["public_org"].pk)}
    assert set(anonymous.of_type("country")) == {"DE"}
    assert anonymous.objects == listed(api)

    member = Replica(as_user(anna))
    member.sync()
    assert set(member.of_type("contact_point")) == {
        str(world["public"].pk),
        str(world["network"].pk),
        str(world["a_restricted"].pk),
    }
    assert member.objects == listed(member.client)

    admin = Replica(as_user(olga))
    admin.sync()
    assert len(admin.of_type("contact_point")) == 5
    assert admin.objects == listed(admin.client)


def test_rows_are_the_list_representation_less_what_the_replica_holds_elsewhere(api, world):
    replica = Replica(api)
    replica.sync()
    detail = api.get(f"/api/v1/contact-points/{world['public'].pk}/").json()
    row = replica.objects[("contact_point", str(world["public"].pk))]
    assert row == as_synced(entry_for_type("contact_point"), detail)
    # The organization's name is not repeated on each contact; the replica holds the organization.
    assert set(detail) - set(row) == {"organization_name"}
    organization = replica.objects[("organization", str(world["public_org"].pk))]
    assert organization["name"] == detail["organization_name"] and row["organization"] == organization["id"]
    # Times to the whole second.
    assert row["created_at"].endswith("Z") and "." not in row["created_at"]
    assert row["created_at"] == detail["created_at"].split(".")[0] + "Z"


def test_delta_carries_only_changes_and_deletions(api, as_user, alice, olga, world):
    replica = Replica(api)
    replica.sync()
    admin = as_user(olga)
    public = world["public"]
    assert admin.patch(f"/api/v1/contact-points/{public.pk}/", {"hours": "Mon 10-12"}).status_code == 200
    replica.sync()
    body = replica.responses[0].json()
    assert body["reset"] is False
    assert [(kind, key, op) for kind, key, op, _ in items(body)] == [
        ("contact_point", str(public.pk), "upsert")
    ]
    assert replica.objects[("contact_point", str(public.pk))]["hours"] == "Mon 10-12"

    assert admin.patch(f"/api/v1/contact-points/{public.pk}/", {"status": "compromised"}).status_code == 200
    replica.sync()
    assert ids(replica.responses[0], "contact_point", "delete") == {str(public.pk)}
    assert replica.objects == listed(api)


def test_never_a_tombstone_for_what_the_viewer_never_saw(api, as_user, olga, world):
    replica = Replica(api)
    replica.sync()
    admin = as_user(olga)
    for key in ("network", "paused", "a_restricted", "hidden"):
        assert admin.delete(f"/api/v1/contact-points/{world[key].pk}/").status_code == 204
    assert (
        admin.patch(f"/api/v1/organizations/{world['hidden_org'].pk}/", {"name": "Still hidden"}).status_code
        == 200
    )
    replica.sync()
    assert replica.responses[0].status_code == 304 or items(replica.responses[0].json()) == []


def test_lowering_an_organizations_visibility_deletes_it_and_its_contacts(api, as_user, olga, world):
    replica = Replica(api)
    replica.sync()
    org = world["public_org"]
    assert (
        as_user(olga).patch(f"/api/v1/organizations/{org.pk}/", {"visibility": "network"}).status_code == 200
    )
    replica.sync()
    response = replica.responses[0]
    assert ids(response, "organization", "delete") == {str(org.pk)}
    # The public contact goes; the network and paused ones were never seen and are not mentioned.
    assert ids(response, "contact_point") == {str(world["public"].pk)}
    assert replica.objects == listed(api)


def test_renaming_an_organization_sends_the_organization_alone(api, as_user, olga, world):
    replica = Replica(api)
    replica.sync()
    org = world["public_org"]
    assert (
        as_user(olga).patch(f"/api/v1/organizations/{org.pk}/", {"name": "Renamed Help"}).status_code == 200
    )
    replica.sync()
    assert [(kind, key) for kind, key, _, _ in items(replica.responses[0].json())] == [
        ("organization", str(org.pk))
    ]
    assert replica.objects[("organization", str(org.pk))]["name"] == "Renamed Help"
    assert replica.objects == listed(api)


def test_removed_membership_resets_the_replica(as_user, anna, org_a, world):
    replica = Replica(as_user(anna))
    replica.sync()
    assert ("contact_point", str(world["a_restricted"].pk)) in replica.objects
    Membership.objects.get(user=anna, organization=org_a).delete()
    replica.sync()
    body = replica.responses[0].json()
    assert body["reset"] is True and body["reset_reason"] == "access_changed"
    assert ("contact_point", str(world["a_restricted"].pk)) not in replica.objects
    assert ("contact_point", str(world["network"].pk)) not in replica.objects  # no longer in the network
    assert replica.objects == listed(replica.client)


def test_granted_membership_resets_with_the_new_data(as_user, bob, org_a, world):
    replica = Replica(as_user(bob))
    replica.sync()
    assert ("contact_point", str(world["a_restricted"].pk)) not in replica.objects
    MembershipFactory(user=bob, organization=org_a)
    replica.sync()
    assert replica.responses[0].json()["reset_reason"] == "access_changed"
    assert ("contact_point", str(world["a_restricted"].pk)) in replica.objects


def test_a_deactivated_account_cannot_sync(as_user, anna, world):
    client = as_user(anna)
    replica = Replica(client)
    replica.sync()
    anna.is_active = False
    anna.save()
    response = client.get(SYNC_URL, {"cursor": replica.cursor})
    assert response.status_code == 401
    assert response.json()["type"] == "/api/problems/not-authenticated"


def test_304_when_nothing_changed_for_this_viewer(api, as_user, alice, olga, world, org_a):
    replica = Replica(api)
    replica.sync()
    etag = replica.etag
    assert etag
    assert api.get(SYNC_URL, {"cursor": replica.cursor}, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Someone else's restricted change is not a change for the anonymous viewer.
    coordinator = as_user(alice)
    contact = world["a_restricted"]
    assert coordinator.patch(f"/api/v1/contact-points/{contact.pk}/", {"hours": "x"}).status_code == 200
    not_modified = api.get(SYNC_URL, {"cursor": replica.cursor}, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified["ETag"] == etag
    # A public change is.
    public = world["public"]
    assert as_user(olga).patch(f"/api/v1/contact-points/{public.pk}/", {"hours": "y"}).status_code == 200
    changed = api.get(SYNC_URL, {"cursor": replica.cursor}, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert ids(changed, "contact_point") == {str(public.pk)}


def test_without_if_none_match_an_empty_delta_advances_the_cursor_but_keeps_the_etag(
    api, as_user, alice, world
):
    replica = Replica(api)
    replica.sync()
    first_cursor, etag = replica.cursor, replica.etag
    assert (
        as_user(alice)
        .patch(f"/api/v1/contact-points/{world['a_restricted'].pk}/", {"hours": "z"})
        .status_code
        == 200
    )
    response = api.get(SYNC_URL, {"cursor": first_cursor})
    assert response.status_code == 200 and items(response.json()) == []
    assert response["ETag"] == etag
    assert Cursor.decode(response.json()["cursor"]).position > Cursor.decode(first_cursor).position


def test_paging_with_limit(api, as_user, olga, world):
    for _ in range(7):
        ContactPointFactory(organization=world["public_org"], visibility="public")
    replica = Replica(as_user(olga))
    replica.sync(limit=3)
    assert len(replica.responses) >= 5
    bodies = [r.json() for r in replica.responses]
    assert [b["has_more"] for b in bodies] == [True] * (len(bodies) - 1) + [False]
    assert bodies[0]["reset"] is True and all(b["reset"] is False for b in bodies[1:])
    assert all(len(items(b)) <= 3 for b in bodies)
    assert replica.objects == listed(replica.client)

    admin = replica.client
    for contact in list(world["public_org"].contact_points.all())[:5]:
        assert admin.patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "paged"}).status_code == 200
    replica.sync(limit=2)
    assert len(replica.responses) == 3
    assert replica.objects == listed(admin)


def test_writes_between_snapshot_pages_are_not_lost(api, as_user, olga, world):
    for _ in range(4):
        ContactPointFactory(organization=world["public_org"], visibility="public")
    admin = as_user(olga)
    first = api.get(SYNC_URL, {"limit": 2}).json()
    assert first["has_more"]
    objects = {}
    apply(objects, first)
    # Between pages: an already-sent object changes, an unsent one is deleted, a new one appears.
    country = CountryFactory(code="FR")
    assert admin.patch("/api/v1/countries/DE/", {"mobilization": "None (example data)."}).status_code == 200
    doomed = world["public_org"].contact_points.order_by("-pk").first()
    assert admin.delete(f"/api/v1/contact-points/{doomed.pk}/").status_code == 204
    cursor = first["cursor"]
    while True:
        body = api.get(SYNC_URL, {"cursor": cursor, "limit": 2}).json()
        apply(objects, body)
        cursor = body["cursor"]
        if not body["has_more"]:
            break
    apply(objects, api.get(SYNC_URL, {"cursor": cursor}).json())  # the changes made during the snapshot
    assert ("country", str(country.code)) in objects
    assert objects == listed(api)


def test_forged_altered_or_foreign_cursors_are_400(api, as_user, anna, bob, world):
    anna_replica = Replica(as_user(anna))
    anna_replica.sync()
    forged = signing.dumps({"v": 1, "user_id": anna.pk}, salt="another-salt", compress=True)
    for bad in ("garbage", anna_replica.cursor[:-2] + "xx", forged):
        response = anna_replica.client.get(SYNC_URL, {"cursor": bad})
        assert response.status_code == 400
        problem = response.json()
        assert problem["errors"][0]["attr"] == "cursor"
        assert problem["errors"][0]["code"] == "invalid_cursor"
    foreign = as_user(bob).get(SYNC_URL, {"cursor": anna_replica.cursor})
    assert foreign.status_code == 400 and foreign.json()["errors"][0]["code"] == "foreign_cursor"
    assert api.get(SYNC_URL, {"cursor": anna_replica.cursor}).status_code == 400
    # A well-signed cursor with a wrong shape is refused too, never a 500.
    odd = signing.dumps({"v": 1, "user_id": anna.pk, "position": "x"}, salt=SALT, compress=True)
    assert anna_replica.client.get(SYNC_URL, {"cursor": odd}).status_code == 400


def test_an_empty_cursor_is_a_first_sync(api, world):
    body = api.get(SYNC_URL, {"cursor": ""}).json()
    assert body["reset_reason"] == "no_cursor"


@pytest.mark.parametrize("limit", ["0", "-1", "5001", "abc", "1.5", "9" * 2000])
def test_bad_limit_is_400(api, db, limit):
    response = api.get(SYNC_URL, {"limit": limit})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "limit"


def test_no_store_when_signed_in_no_cache_for_anonymous(api, as_user, anna, world):
    assert as_user(anna).get(SYNC_URL)["Cache-Control"] == "no-store, private"
    assert api.get(SYNC_URL)["Cache-Control"] == "no-cache"


def test_a_cursor_older_than_the_watermark_resets_with_a_full_snapshot(api, as_user, olga, world):
    replica = Replica(api)
    replica.sync()
    admin = as_user(olga)
    public = world["public"]
    assert admin.patch(f"/api/v1/contact-points/{public.pk}/", {"status": "compromised"}).status_code == 200
    new_org = OrganizationFactory(visibility="public", slug="new-public")
    call_command("prune_changes", days=0, verbosity=0)
    assert Change.objects.count() == 0

    replica.sync()
    body = replica.responses[0].json()
    assert body["reset"] is True and body["reset_reason"] == "cursor_expired"
    assert ("contact_point", str(public.pk)) not in replica.objects  # never wrong data
    assert ("organization", str(new_org.pk)) in replica.objects
    assert replica.objects == listed(api)
    # Synced right after the prune, a cursor at the watermark continues normally.
    replica.sync()
    assert replica.responses[0].status_code == 304


def test_a_cursor_issued_for_other_synced_types_resets(api, world, restore_registry):
    replica = Replica(api)
    replica.sync()
    entry = restore_registry.entry_for_type("country")
    restore_registry.track(
        entry.model, "country", key="code", serializer="tests.sync.serializers.ShortCountry"
    )
    replica.sync()
    body = replica.responses[0].json()
    assert body["reset_reason"] == "schema_changed"
    assert replica.objects[("country", "DE")] == {"code": "DE"}


def test_a_new_synced_type_plugs_in_by_registration(as_user, anna, org_a, restore_registry):
    """Memberships are not synced; registering them with a serializer makes them so."""
    replica = Replica(as_user(anna))
    replica.sync()
    assert not replica.of_type("membership_probe")
    from accounts.models import Membership as MembershipModel

    restore_registry.track(
        MembershipModel, "membership_probe", serializer="accounts.serializers.MyMembershipSerializer"
    )
    replica.sync()
    own = MembershipModel.objects.get(user=anna)
    assert replica.of_type("membership_probe") == {
        str(own.pk): {
            "id": own.pk,
            "organization": org_a.pk,
            "organization_name": org_a.name,
            "organization_slug": org_a.slug,
            "role": "member",
        }
    }
    other = MembershipFactory(user=UserFactory(username="nadia"), organization=org_a)
    replica.sync()
    assert str(other.pk) in replica.of_type("membership_probe")
    other.delete()
    replica.sync()
    assert [op for _, _, op, _ in items(replica.responses[0].json())] == ["delete"]
    assert str(other.pk) not in replica.of_type("membership_probe")


def test_a_sync_is_compressed_for_a_client_that_accepts_gzip_and_a_token_never(api, as_user, anna, world):
    plain = as_user(anna).get(SYNC_URL)
    packed = as_user(anna).get(SYNC_URL, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert json.loads(gzip.decompress(packed.content))["changes"] == plain.json()["changes"]
    # Its (weakened) ETag still answers 304.
    anonymous = Replica(api)
    anonymous.sync()
    weak = api.get(SYNC_URL, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    assert weak.startswith('W/"')
    assert (
        api.get(
            SYNC_URL, {"cursor": anonymous.cursor}, HTTP_IF_NONE_MATCH=weak, HTTP_ACCEPT_ENCODING="gzip"
        ).status_code
        == 304
    )
    # Responses with credentials are not compressed (BREACH).
    token = APIClient().post(
        "/api/v1/auth/token/",
        {"username": anna.username, "password": PASSWORD},
        format="json",
        HTTP_ACCEPT_ENCODING="gzip",
    )
    assert token.status_code == 200 and "Content-Encoding" not in token
