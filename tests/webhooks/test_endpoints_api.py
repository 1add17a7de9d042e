"""Who may see and manage webhook endpoints, and what the API refuses.

An endpoint of Alpha is seen and managed by Alpha's coordinator (alice) and the network office
(olga) only; anna (a member of Alpha, not a coordinator), bob and carol (coordinators of other
organizations), chris and oscar find nothing there; an anonymous caller must sign in.
"""

import pytest

from tests.matrix import MEMBERS_CAST, NOBODY, read_status, rows, write_status
from webhooks.models import WebhookEndpoint

SEEN_BY = {"alice", "olga"}
WRITERS = {"alice", "olga"}
URL = "https://127.0.0.1:8443/hooks"  # no name to resolve: tests run without DNS


@pytest.fixture
def endpoint(org_a, alice):
    return WebhookEndpoint.objects.create(
        organization=org_a,
        created_by=alice,
        url=URL,
        event_types=["contact_point.*"],
        secret="whsec_c2VjcmV0",
    )


def address(endpoint, suffix=""):
    return f"/api/v1/webhooks/{endpoint.pk}/{suffix}"


@pytest.mark.parametrize("who", MEMBERS_CAST)
def test_only_the_owners_coordinators_and_admins_see_an_endpoint(client_of, endpoint, who):
    client = client_of(who)
    listed = client.get("/api/v1/webhooks/")
    if who == NOBODY:
        assert (listed.status_code, client.get(address(endpoint)).status_code) == (401, 401)
        return
    assert client.get(address(endpoint)).status_code == read_status(who, SEEN_BY)
    assert client.get(address(endpoint, "deliveries/")).status_code == read_status(who, SEEN_BY)
    assert ([e["id"] for e in listed.data["results"]] == [endpoint.pk]) == (who in SEEN_BY)


@pytest.mark.parametrize("who", MEMBERS_CAST)
@pytest.mark.parametrize(
    ("method", "suffix", "body", "success"),
    [
        ("patch", "", {"description": "Changed"}, 200),
        ("post", "rotate-secret/", None, 200),
        ("post", "test/", None, 202),
        ("delete", "", None, 204),
    ],
    ids=["update", "rotate", "test", "delete"],
)
def test_only_the_owners_coordinators_and_admins_manage_an_endpoint(
    client_of, endpoint, who, method, suffix, body, success
):
    before = rows(WebhookEndpoint.objects.all(), "description", "sealed_secret", "version")
    response = getattr(client_of(who), method)(address(endpoint, suffix), body, format="json")
    expected = write_status(who, SEEN_BY, WRITERS, success)
    assert response.status_code == expected
    if expected != success:
        assert rows(WebhookEndpoint.objects.all(), "description", "sealed_secret", "version") == before


@pytest.mark.parametrize(("who", "expected"), [("nobody", 401), ("oscar", 403), ("anna", 403), ("bob", 400)])
def test_no_one_registers_an_endpoint_for_an_organization_they_do_not_coordinate(
    client_of, org_a, bob, who, expected
):
    body = {"organization": org_a.pk, "url": URL, "event_types": ["contact_point.*"]}
    response = client_of(who).post("/api/v1/webhooks/", body, format="json")
    assert response.status_code == expected
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("who", ["alice", "olga"])
def test_the_secret_is_shown_on_creation_and_rotation_only(client_of, org_a, alice, olga, who):
    client = client_of(who)
    body = {"organization": org_a.pk, "url": URL, "event_types": ["contact_point.updated"]}
    created = client.post("/api/v1/webhooks/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.data["secret"].startswith("whsec_")
    assert created["Location"].endswith(f"/api/v1/webhooks/{created.data['id']}/")
    one = f"/api/v1/webhooks/{created.data['id']}/"
    for response in (
        client.get("/api/v1/webhooks/"),
        client.get(one),
        client.patch(one, {"description": "Our website (example data)"}, format="json"),
    ):
        assert response.status_code == 200
        assert "secret" not in str(response.data)
        assert created.data["secret"] not in response.content.decode()
    rotated = client.post(f"{one}rotate-secret/")
    assert rotated.data["secret"].startswith("whsec_")
    assert rotated.data["secret"] != created.data["secret"]
    assert WebhookEndpoint.objects.get().secret == rotated.data["secret"]


def test_the_secret_cannot_be_chosen_by_the_client(client_of, org_a, alice):
    body = {
        "organization": org_a.pk,
        "url": URL,
        "event_types": ["contact_point.*"],
        "secret": "whsec_bWluZQ==",
    }
    response = client_of("alice").post("/api/v1/webhooks/", body, format="json")
    assert response.status_code == 400
    assert [e["attr"] for e in response.data["errors"]] == ["secret"]


@pytest.mark.parametrize(
    ("event_types", "attr"),
    [
        ([], "event_types"),
        (["contact_point.exploded"], "event_types.0"),
        (["membership.created"], "event_types.0"),
        (["contact_point.*", "contact_point.*"], "event_types"),
        ("contact_point.*", "event_types"),
    ],
    ids=["none", "unknown-action", "not-synced", "twice", "not-a-list"],
)
def test_event_types_are_refused_unless_they_name_synced_types_and_actions(
    client_of, org_a, alice, event_types, attr
):
    body = {"organization": org_a.pk, "url": URL, "event_types": event_types}
    response = client_of("alice").post("/api/v1/webhooks/", body, format="json")
    assert response.status_code == 400
    assert [e["attr"] for e in response.data["errors"]] == [attr]


def test_a_stale_if_match_is_refused_and_changes_nothing(client_of, endpoint):
    response = client_of("alice").patch(
        address(endpoint), {"description": "Lost update"}, format="json", HTTP_IF_MATCH='"0"'
    )
    assert response.status_code == 412
    endpoint.refresh_from_db()
    assert endpoint.description == ""


def test_disabling_by_hand_says_so_and_stops_sending(client_of, endpoint):
    response = client_of("alice").patch(address(endpoint), {"is_active": False}, format="json")
    assert response.status_code == 200
    assert response.data["is_active"] is False
    assert response.data["disabled_reason"] == "Switched off by hand."
    assert response.data["disabled_at"] is not None


def test_the_secret_is_stored_sealed_and_opens_after_the_server_key_is_rotated(
    client_of, org_a, alice, settings
):
    body = {"organization": org_a.pk, "url": URL, "event_types": ["contact_point.*"]}
    secret = client_of("alice").post("/api/v1/webhooks/", body, format="json").data["secret"]
    [stored] = WebhookEndpoint.objects.values_list("sealed_secret", flat=True)
    assert secret not in stored
    assert secret[len("whsec_") :] not in stored
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-server-key-after-rotation-0123456789"
    assert WebhookEndpoint.objects.get().secret == secret
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(ValueError):
        WebhookEndpoint.objects.get().secret  # noqa: B018 (reading it is the test)


def test_no_idempotency_record_keeps_a_secret(client_of, org_a, alice):
    from core.models import IdempotencyRecord

    body = {"organization": org_a.pk, "url": URL, "event_types": ["contact_point.*"]}
    client = client_of("alice")
    created = client.post("/api/v1/webhooks/", body, format="json", HTTP_IDEMPOTENCY_KEY="create-1")
    rotated = client.post(
        f"/api/v1/webhooks/{created.data['id']}/rotate-secret/", HTTP_IDEMPOTENCY_KEY="rotate-1"
    )
    assert (created.status_code, rotated.status_code) == (201, 200)
    kept = b"".join(bytes(body) for body in IdempotencyRecord.objects.values_list("body", flat=True))
    for secret in (created.data["secret"], rotated.data["secret"]):
        assert secret.encode() not in kept


def test_the_admin_shows_endpoints_and_their_log_without_the_secret(admin_client, endpoint):
    for address in (
        "/admin/webhooks/webhookendpoint/",
        f"/admin/webhooks/webhookendpoint/{endpoint.pk}/change/",
        "/admin/webhooks/webhookdelivery/",
    ):
        response = admin_client.get(address)
        assert response.status_code == 200, address
        assert endpoint.secret not in response.content.decode()
        assert endpoint.sealed_secret not in response.content.decode()
    assert admin_client.get("/admin/webhooks/webhookendpoint/add/").status_code == 403


@pytest.mark.parametrize("who", ["alice", "olga"])
def test_an_endpoint_stays_with_the_organization_that_registered_it(client_of, endpoint, org_b, who):
    """Its address and secret are that organization's: moved, another's data would go there."""
    response = client_of(who).patch(address(endpoint), {"organization": org_b.pk}, format="json")
    assert response.status_code == 400
    assert response.data["errors"][0]["attr"] == "organization"
    endpoint.refresh_from_db()
    assert endpoint.organization_id != org_b.pk


def test_the_admin_cannot_move_an_endpoint_either(admin_client, endpoint):
    page = admin_client.get(f"/admin/webhooks/webhookendpoint/{endpoint.pk}/change/").content.decode()
    assert 'name="organization"' not in page


def test_test_events_are_rationed_per_coordinator(client_of, endpoint):
    """Each is a request to an address of the caller's choosing and a job: unbounded, one
    coordinator could keep the workers busy with a receiver that never answers."""
    answers = [client_of("alice").post(address(endpoint, "test/")) for _ in range(21)]
    assert [a.status_code for a in answers] == [202] * 20 + [429]
    assert '"webhook_test";r=0' in answers[-1]["RateLimit"]
    assert WebhookEndpoint.objects.get().deliveries.count() == 20
    assert client_of("olga").post(address(endpoint, "test/")).status_code == 202


def test_an_organization_registers_a_bounded_number_of_endpoints(client_of, org_a, alice, settings):
    """Every change is sent to each endpoint: unbounded, one organization multiplies the work."""
    settings.WEBHOOK_MAX_ENDPOINTS = 2
    body = {"organization": org_a.pk, "url": URL, "event_types": ["contact_point.*"]}
    answers = [client_of("alice").post("/api/v1/webhooks/", body, format="json") for _ in range(3)]
    assert [a.status_code for a in answers] == [201, 201, 400]
    assert [e["attr"] for e in answers[-1].data["errors"]] == ["organization"]
    assert WebhookEndpoint.objects.count() == 2
