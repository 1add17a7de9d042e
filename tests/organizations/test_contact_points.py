"""Contact points: verification, staleness, canonical values and what a status change does.

alice coordinates A and keeps its contacts true; anna, a member of A, reads them;
bob coordinates B and has no say over A's contacts; olga is the network office.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from organizations.models import ContactPoint
from tests.etags import version_in
from tests.factories import ContactPointFactory


def url(cp) -> str:
    return f"/api/v1/contact-points/{cp.pk}/"


@pytest.fixture
def hotline(public_org_a):
    return ContactPointFactory(
        organization=public_org_a, channel="phone", value="+49301234567", label="Hotline (example data)"
    )


# ---------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------
def test_verify_records_who_and_when(as_user, alice, hotline):
    before = timezone.now()
    response = as_user(alice).post(f"{url(hotline)}verify/")
    after = timezone.now()
    assert response.status_code == 200, response.data
    verified_at = parse_datetime(response.data["last_verified_at"])
    assert before <= verified_at <= after
    assert response.data["is_stale"] is False
    assert version_in(response["ETag"]) == response.data["version"]
    hotline.refresh_from_db()
    assert hotline.last_verified_by == alice
    assert hotline.last_verified_at == verified_at
    assert hotline.version == 2


def test_verify_with_a_stale_if_match_changes_nothing(as_user, alice, olga, hotline):
    client = as_user(alice)
    etag = client.get(url(hotline))["ETag"]
    as_user(olga).patch(url(hotline), {"status": "compromised"}, format="json")
    response = client.post(f"{url(hotline)}verify/", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.data["current"]["status"] == "compromised"
    hotline.refresh_from_db()
    assert hotline.last_verified_by is None
    fresh = client.post(f"{url(hotline)}verify/", HTTP_IF_MATCH=response["ETag"])
    assert fresh.status_code == 200


def test_the_change_feed_shows_who_verified(as_user, alice, olga, hotline):
    as_user(alice).post(f"{url(hotline)}verify/")
    response = as_user(olga).get(
        "/api/v1/changes/", {"object_type": "contact_point", "object_id": str(hotline.pk), "action": "update"}
    )
    assert response.status_code == 200, response.data
    [entry] = response.data["results"]
    assert entry["actor"] == alice.pk
    assert entry["actor_username"] == "alice"
    assert set(entry["fields"]) >= {"last_verified_at", "last_verified_by_id"}
    old, new = entry["fields"]["last_verified_by_id"]
    assert (old, new) == (None, alice.pk)
    assert entry["fields"]["last_verified_at"][0] is None
    recorded = parse_datetime(entry["fields"]["last_verified_at"][1])  # JSON keeps milliseconds
    assert abs(recorded - ContactPoint.objects.get(pk=hotline.pk).last_verified_at) < timedelta(
        milliseconds=1
    )
    # The coordinator of A reads the same entry in A's audit log.
    mine = as_user(alice).get(
        "/api/v1/changes/", {"object_type": "contact_point", "object_id": str(hotline.pk)}
    )
    assert entry["seq"] in [e["seq"] for e in mine.data["results"]]


def test_verifying_again_moves_the_date_and_the_verifier(as_user, alice, olga, hotline):
    ContactPoint.objects.filter(pk=hotline.pk).update(
        last_verified_at=timezone.now() - timedelta(days=400), last_verified_by=alice
    )
    response = as_user(olga).post(f"{url(hotline)}verify/")
    assert response.status_code == 200
    hotline.refresh_from_db()
    assert hotline.last_verified_by == olga
    assert timezone.now() - hotline.last_verified_at < timedelta(minutes=1)


@pytest.mark.parametrize(("who", "status"), [("anna", 403), ("bob", 403), (None, 401)])
def test_only_coordinators_and_admins_verify(api, as_user, request, hotline, who, status):
    client = as_user(request.getfixturevalue(who)) if who else api
    response = client.post(f"{url(hotline)}verify/")
    assert response.status_code == status
    hotline.refresh_from_db()
    assert hotline.last_verified_at is None
    assert hotline.version == 1


def test_verify_answers_404_for_a_contact_the_coordinator_cannot_see(as_user, bob, public_org_a):
    hidden = ContactPointFactory(organization=public_org_a, visibility="restricted")
    response = as_user(bob).post(f"{url(hidden)}verify/")
    assert response.status_code == 404
    hidden.refresh_from_db()
    assert hidden.last_verified_at is None


def test_verify_ignores_a_body_that_tries_to_set_the_date(as_user, alice, hotline):
    response = as_user(alice).post(
        f"{url(hotline)}verify/", {"last_verified_at": "2001-01-01T00:00:00Z"}, format="json"
    )
    assert response.status_code == 200
    hotline.refresh_from_db()
    assert hotline.last_verified_at.year == timezone.now().year


# ---------------------------------------------------------------------------
# Staleness
# ---------------------------------------------------------------------------
def test_a_contact_never_verified_is_stale(api, hotline):
    assert api.get(url(hotline)).data["is_stale"] is True


def test_a_contact_becomes_stale_after_the_configured_age(api, hotline, settings):
    settings.CONTACT_STALE_DAYS = 30
    ContactPoint.objects.filter(pk=hotline.pk).update(last_verified_at=timezone.now() - timedelta(days=29))
    assert api.get(url(hotline)).data["is_stale"] is False
    assert [c["id"] for c in api.get("/api/v1/contact-points/", {"stale": "true"}).data["results"]] == []
    ContactPoint.objects.filter(pk=hotline.pk).update(last_verified_at=timezone.now() - timedelta(days=31))
    assert api.get(url(hotline)).data["is_stale"] is True
    assert [c["id"] for c in api.get("/api/v1/contact-points/", {"stale": "true"}).data["results"]] == [
        hotline.pk
    ]
    assert api.get("/api/v1/contact-points/", {"stale": "false"}).data["results"] == []
    # A longer allowed age makes the same contact fresh again, without touching it.
    settings.CONTACT_STALE_DAYS = 60
    assert api.get(url(hotline)).data["is_stale"] is False
    assert [c["id"] for c in api.get("/api/v1/contact-points/", {"stale": "false"}).data["results"]] == [
        hotline.pk
    ]


def test_verifying_a_stale_contact_makes_it_fresh(api, as_user, alice, hotline, settings):
    settings.CONTACT_STALE_DAYS = 30
    ContactPoint.objects.filter(pk=hotline.pk).update(last_verified_at=timezone.now() - timedelta(days=90))
    assert api.get(url(hotline)).data["is_stale"] is True
    as_user(alice).post(f"{url(hotline)}verify/")
    assert api.get(url(hotline)).data["is_stale"] is False
    assert api.get("/api/v1/contact-points/", {"stale": "true"}).data["count"] == 0


# ---------------------------------------------------------------------------
# Canonical values on update
# ---------------------------------------------------------------------------
def test_an_update_stores_the_phone_number_in_e164(as_user, alice, hotline):
    response = as_user(alice).patch(url(hotline), {"value": "+49 (30) 765-4321"}, format="json")
    assert response.status_code == 200, response.data
    hotline.refresh_from_db()
    assert hotline.value == "+49307654321"


def test_switching_to_telegram_stores_the_handle(as_user, alice, hotline):
    response = as_user(alice).patch(
        url(hotline), {"channel": "telegram", "value": "https://t.me/waypoint_help"}, format="json"
    )
    assert response.status_code == 200, response.data
    hotline.refresh_from_db()
    assert (hotline.channel, hotline.value) == ("telegram", "@waypoint_help")


def test_a_replace_normalizes_and_keeps_the_verification(as_user, alice, hotline):
    client = as_user(alice)
    client.post(f"{url(hotline)}verify/")
    current = client.get(url(hotline))
    body = {**current.data, "value": "+49 30 111 2222", "label": "New hotline (example data)"}
    response = client.put(url(hotline), body, format="json", HTTP_IF_MATCH=current["ETag"])
    assert response.status_code == 200, response.data
    assert response.data["value"] == "+49301112222"
    assert response.data["last_verified_at"] == current.data["last_verified_at"]


# ---------------------------------------------------------------------------
# Status: paused and compromised contacts leave everyone but their organization
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("status", ["compromised", "paused"])
def test_marking_a_contact_withdraws_it_from_everyone_outside_the_organization(
    api, as_user, alice, anna, bob, olga, hotline, status
):
    assert api.get(url(hotline)).status_code == 200
    response = as_user(alice).patch(url(hotline), {"status": status}, format="json")
    assert response.status_code == 200, response.data
    for client in (api, as_user(bob)):
        assert client.get(url(hotline)).status_code == 404
        assert client.get("/api/v1/contact-points/").data["count"] == 0
        assert client.get("/api/v1/contact-points/", {"q": "hotline"}).data["count"] == 0
    for client in (as_user(anna), as_user(olga)):
        assert client.get(url(hotline)).data["status"] == status
    # Reactivated, it is public again.
    assert as_user(alice).patch(url(hotline), {"status": "active"}, format="json").status_code == 200
    assert api.get(url(hotline)).status_code == 200


def test_a_compromised_contact_is_recorded_as_visible_only_to_its_organization(as_user, alice, olga, hotline):
    as_user(alice).patch(url(hotline), {"status": "compromised"}, format="json")
    response = as_user(olga).get(
        "/api/v1/changes/", {"object_type": "contact_point", "object_id": str(hotline.pk), "action": "update"}
    )
    [entry] = response.data["results"]
    assert entry["fields"]["status"] == ["active", "compromised"]
    assert entry["actor_username"] == "alice"


def test_a_compromise_carries_its_reason_to_the_organization_and_the_audit_log(
    api, as_user, alice, anna, bob, olga, hotline
):
    reason = "The phone was seized at a checkpoint"
    response = as_user(alice).patch(
        url(hotline), {"status": "compromised", "status_reason": reason}, format="json"
    )
    assert response.status_code == 200, response.data
    assert response.data["status_reason"] == reason
    # Its members and the network office read why; nobody outside the organization sees the contact.
    for client in (as_user(anna), as_user(olga)):
        assert client.get(url(hotline)).data["status_reason"] == reason
    for client in (api, as_user(bob)):
        assert client.get(url(hotline)).status_code == 404
    audit = {"object_type": "contact_point", "object_id": str(hotline.pk), "action": "update"}
    [entry] = as_user(alice).get("/api/v1/changes/", audit).data["results"]
    assert entry["fields"]["status_reason"] == ["", reason]


def test_an_active_contact_keeps_no_reason(api, as_user, alice, hotline):
    client = as_user(alice)
    client.patch(url(hotline), {"status": "paused", "status_reason": "Counselor on leave"}, format="json")
    response = client.patch(url(hotline), {"status": "active"}, format="json")
    assert response.status_code == 200, response.data
    assert response.data["status_reason"] == ""
    assert api.get(url(hotline)).data["status_reason"] == ""
    ignored = client.patch(url(hotline), {"status_reason": "Not shown to the public"}, format="json")
    assert ignored.data["status_reason"] == ""


@pytest.mark.parametrize("who", ["anna", "bob"])
def test_only_the_organization_coordinators_may_compromise_a_contact(request, as_user, who, hotline):
    response = as_user(request.getfixturevalue(who)).patch(
        url(hotline), {"status": "compromised", "status_reason": "Seized"}, format="json"
    )
    assert response.status_code == 403
    hotline.refresh_from_db()
    assert (hotline.status, hotline.status_reason) == ("active", "")


def test_a_too_long_reason_is_refused_with_its_field_named(as_user, alice, hotline):
    response = as_user(alice).patch(
        url(hotline), {"status": "compromised", "status_reason": "x" * 501}, format="json"
    )
    assert response.status_code == 400
    assert [error["attr"] for error in response.data["errors"]] == ["status_reason"]


def test_a_contact_of_a_restricted_organization_stays_hidden_even_if_public(api, as_user, bob, anna, org_a):
    org_a.visibility = "restricted"
    org_a.save()
    cp = ContactPointFactory(organization=org_a, visibility="public")
    assert api.get(url(cp)).status_code == 404
    assert as_user(bob).get(url(cp)).status_code == 404
    assert as_user(anna).get(url(cp)).status_code == 200


def test_lowering_the_organization_visibility_hides_its_public_contacts(api, as_user, alice, olga, hotline):
    assert api.get(url(hotline)).status_code == 200
    response = as_user(olga).patch(
        f"/api/v1/organizations/{hotline.organization_id}/", {"visibility": "network"}
    )
    assert response.status_code == 200, response.data
    assert api.get(url(hotline)).status_code == 404
    assert as_user(alice).get(url(hotline)).status_code == 200


def test_deleting_a_contact_removes_it_for_everyone(api, as_user, alice, hotline):
    response = as_user(alice).delete(url(hotline))
    assert response.status_code == 204
    assert api.get(url(hotline)).status_code == 404
    assert not ContactPoint.objects.filter(pk=hotline.pk).exists()


def test_a_stale_if_match_on_delete_keeps_the_contact(as_user, alice, hotline):
    client = as_user(alice)
    etag = client.get(url(hotline))["ETag"]
    client.patch(url(hotline), {"label": "Renamed (example data)"}, format="json")
    response = client.delete(url(hotline), HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert response.data["current"]["label"] == "Renamed (example data)"
    assert ContactPoint.objects.filter(pk=hotline.pk).exists()
