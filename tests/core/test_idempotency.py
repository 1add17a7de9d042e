"""`Idempotency-Key`: a retried write runs once and answers as the first time.

alice (coordinator of A) retries her writes as the offline outbox would; olga (the office,
who may write A's objects too) sends the very same key and gets her own write; anonymous
callers and answers that carry a secret are left alone.
"""

import threading
from datetime import timedelta
from io import StringIO
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from accounts.models import Invitation
from core.idempotency import key_hash
from core.models import IdempotencyRecord
from organizations.models import ContactPoint
from tests.conftest import login
from tests.etags import version_in
from tests.factories import ContactPointFactory, OrganizationFactory, person_in

CONTACTS = "/api/v1/contact-points/"


def new_contact(org, value="+49 30 1234567") -> dict:
    return {"organization": org.pk, "channel": "phone", "value": value, "languages": ["ru"]}


def post(client, url, body, key, **extra):
    return client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key, **extra)


def test_a_retried_create_answers_the_first_answer_without_writing_again(client_of, org_a):
    alice, key = client_of("alice"), str(uuid4())
    first = post(alice, CONTACTS, new_contact(org_a), key)
    again = post(alice, CONTACTS, new_contact(org_a), key)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Idempotent-Replayed"] == "true" and not first.has_header("Idempotent-Replayed")
    assert ContactPoint.objects.filter(organization=org_a).count() == 1


def test_a_retried_action_does_not_run_twice(client_of, org_a):
    contact = ContactPointFactory(organization=org_a)
    alice, key = client_of("alice"), str(uuid4())
    url = f"{CONTACTS}{contact.pk}/verify/"
    first = post(alice, url, {}, key)
    again = post(alice, url, {}, key)

    assert first.status_code == again.status_code == 200
    assert again.json()["version"] == first.json()["version"] == 2
    contact.refresh_from_db()
    assert contact.version == 2


def test_a_retried_edit_is_not_refused_as_stale_by_its_own_first_attempt(client_of, org_a):
    contact = ContactPointFactory(organization=org_a)
    alice, key, url = client_of("alice"), str(uuid4()), f"{CONTACTS}{contact.pk}/"
    etag = alice.get(url)["ETag"]
    change = {"hours": "Mon-Fri 10-18"}
    first = alice.patch(url, change, format="json", HTTP_IF_MATCH=etag, HTTP_IDEMPOTENCY_KEY=key)
    again = alice.patch(url, change, format="json", HTTP_IF_MATCH=etag, HTTP_IDEMPOTENCY_KEY=key)

    assert first.status_code == again.status_code == 200  # not 412: the edit was the first one's
    assert again["ETag"] == first["ETag"]
    assert version_in(first["ETag"]) == 2
    assert again["Idempotent-Replayed"] == "true"


def test_a_retried_delete_answers_204_again(client_of, org_a):
    contact = ContactPointFactory(organization=org_a)
    alice, key, url = client_of("alice"), str(uuid4()), f"{CONTACTS}{contact.pk}/"
    assert alice.delete(url, HTTP_IDEMPOTENCY_KEY=key).status_code == 204
    again = alice.delete(url, HTTP_IDEMPOTENCY_KEY=key)
    assert again.status_code == 204 and again["Idempotent-Replayed"] == "true"
    assert alice.delete(url, HTTP_IDEMPOTENCY_KEY=str(uuid4())).status_code == 404


def test_the_same_key_with_another_request_is_422_and_writes_nothing(client_of, org_a):
    alice, key = client_of("alice"), str(uuid4())
    assert post(alice, CONTACTS, new_contact(org_a), key).status_code == 201

    other_body = post(alice, CONTACTS, new_contact(org_a, "+49 30 7654321"), key)
    contact = ContactPoint.objects.get(organization=org_a)
    other_path = post(alice, f"{CONTACTS}{contact.pk}/verify/", {}, key)

    for response in (other_body, other_path):
        assert response.status_code == 422
        problem = response.json()
        assert problem["status"] == 422 and problem["errors"][0]["code"] == "idempotency_key_reused"
        assert "different" in problem["detail"]
    assert ContactPoint.objects.filter(organization=org_a).count() == 1
    contact.refresh_from_db()
    assert contact.version == 1


def test_a_refused_request_keeps_nothing_so_the_corrected_one_runs_under_the_same_key(client_of, org_a):
    alice, key = client_of("alice"), str(uuid4())
    refused = post(alice, CONTACTS, {**new_contact(org_a), "languages": []}, key)
    assert refused.status_code == 400
    corrected = post(alice, CONTACTS, new_contact(org_a), key)
    assert corrected.status_code == 201 and not corrected.has_header("Idempotent-Replayed")
    assert ContactPoint.objects.filter(organization=org_a).count() == 1


def test_another_users_identical_key_runs_on_its_own(client_of, org_a, olga):
    key = str(uuid4())
    by_alice = post(client_of("alice"), CONTACTS, new_contact(org_a), key)
    by_olga = post(client_of("olga"), CONTACTS, new_contact(org_a, "+49 30 7654321"), key)

    assert by_alice.status_code == by_olga.status_code == 201
    assert not by_olga.has_header("Idempotent-Replayed")
    assert by_olga.json()["id"] != by_alice.json()["id"]


def test_a_retry_while_the_first_still_runs_is_409(client_of, org_a, alice):
    key = str(uuid4())
    client = client_of("alice")
    assert post(client, CONTACTS, new_contact(org_a), key).status_code == 201
    # The first attempt with another key is still running: its claim has no answer yet.
    running = str(uuid4())
    IdempotencyRecord.objects.create(
        user=alice,
        key_hash=key_hash(running),
        fingerprint="x",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    response = post(client, CONTACTS, new_contact(org_a, "+49 30 7654321"), running)
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "idempotency_key_in_use"
    assert response["Retry-After"] == "1"
    assert ContactPoint.objects.filter(organization=org_a).count() == 1


def test_an_expired_key_runs_again(client_of, org_a):
    alice, key = client_of("alice"), str(uuid4())
    assert post(alice, CONTACTS, new_contact(org_a), key).status_code == 201
    IdempotencyRecord.objects.update(expires_at=timezone.now())
    again = post(alice, CONTACTS, new_contact(org_a, "+49 30 7654321"), key)
    assert again.status_code == 201 and not again.has_header("Idempotent-Replayed")


def test_the_purge_command_forgets_expired_keys_only(client_of, org_a):
    alice = client_of("alice")
    post(alice, CONTACTS, new_contact(org_a), str(uuid4()))
    post(alice, CONTACTS, new_contact(org_a, "+49 30 7654321"), str(uuid4()))
    IdempotencyRecord.objects.filter(pk=IdempotencyRecord.objects.first().pk).update(
        expires_at=timezone.now()
    )
    out = StringIO()
    call_command("purge_idempotency_keys", stdout=out)
    assert "Removed 1 " in out.getvalue()
    assert IdempotencyRecord.objects.count() == 1


@pytest.mark.parametrize("key", ["", "with space", "x" * 256, "ключ"])
def test_a_malformed_key_is_a_400_problem_and_writes_nothing(client_of, org_a, key):
    response = client_of("alice").post(
        CONTACTS, new_contact(org_a), format="json", HTTP_IDEMPOTENCY_KEY=key.encode().decode("latin-1")
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "parse_error"
    assert not ContactPoint.objects.exists()


def test_anonymous_writes_ignore_the_key(api, org_a):
    key = str(uuid4())
    assert post(api, CONTACTS, new_contact(org_a), key).status_code == 401
    assert not IdempotencyRecord.objects.exists()


def test_answers_that_carry_a_secret_are_never_kept(client_of, org_a):
    alice, key = client_of("alice"), str(uuid4())
    body = {"organization": org_a.pk, "email": "new@example.org", "role": "member"}
    first = post(alice, "/api/v1/invitations/", body, key)
    second = post(alice, "/api/v1/invitations/", body, key)
    assert first.status_code == 201 and first.json()["token"]
    # The retry ran again (and met the pending invitation) instead of replaying the token.
    assert second.status_code == 400 and not second.has_header("Idempotent-Replayed")
    assert Invitation.objects.count() == 1
    assert not IdempotencyRecord.objects.exists()


def test_the_header_is_in_the_contract_on_unsafe_operations_only():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    def has_key(path, method):
        return any(
            p["name"] == "Idempotency-Key" for p in schema["paths"][path][method].get("parameters", [])
        )

    for path, method in [
        ("/api/v1/contact-points/", "post"),
        ("/api/v1/contact-points/{id}/", "patch"),
        ("/api/v1/contact-points/{id}/", "put"),
        ("/api/v1/contact-points/{id}/", "delete"),
        ("/api/v1/contact-points/{id}/verify/", "post"),
        ("/api/v1/documents/{id}/submit/", "post"),
    ]:
        assert has_key(path, method), (path, method)
    for path, method in [
        ("/api/v1/contact-points/", "get"),
        ("/api/v1/invitations/", "post"),
        ("/api/v1/auth/token/", "post"),
    ]:
        assert not has_key(path, method), (path, method)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="true concurrency needs PostgreSQL")
def test_two_simultaneous_requests_with_one_key_write_once():
    org = OrganizationFactory(name="Race", slug="race", visibility="network")
    user = person_in(org, "rita", "coordinator")
    client = APIClient()
    login(client, user.username)
    key = str(uuid4())
    barrier = threading.Barrier(2)
    results = {}

    def write(index):
        try:
            barrier.wait()
            results[index] = post(client, CONTACTS, new_contact(org), key)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    codes = sorted(r.status_code for r in results.values())
    assert codes in ([201, 201], [201, 409]), codes
    if codes == [201, 201]:
        assert results[0].json() == results[1].json()
    assert ContactPoint.objects.filter(organization=org).count() == 1


def test_refusals_of_every_kind_stay_refusals_never_a_500(client_of, org_a):
    alice, key = client_of("alice"), str(uuid4())
    missing = f"{CONTACTS}987654/"
    cases = [
        (lambda: alice.patch(missing, {"label": "x"}, format="json", HTTP_IDEMPOTENCY_KEY=key), 404),
        (lambda: alice.put(CONTACTS, {}, format="json", HTTP_IDEMPOTENCY_KEY=key), 405),
        (lambda: post(alice, CONTACTS, {"value": "x" * 3_000_000}, key), 413),
        (
            lambda: alice.post(
                CONTACTS, "{not json", content_type="application/json", HTTP_IDEMPOTENCY_KEY=key
            ),
            400,
        ),
        (lambda: post(client_of("anna"), CONTACTS, new_contact(org_a), key), 403),
    ]
    for send, status in cases:
        for _attempt in range(2):  # and again under the same key: refused again, nothing replayed
            response = send()
            assert response.status_code == status, response.content
            assert not response.has_header("Idempotent-Replayed")
    assert not IdempotencyRecord.objects.exists()
    assert not ContactPoint.objects.exists()


def test_the_key_problems_speak_the_language_asked_for(client_of, org_a, alice):
    """The outbox shows these to the user when a retry goes wrong: in Russian for a Russian UI."""
    client, key = client_of("alice"), str(uuid4())
    assert post(client, CONTACTS, new_contact(org_a), key).status_code == 201
    reused = post(client, CONTACTS, new_contact(org_a, "+49 30 7654321"), key, HTTP_ACCEPT_LANGUAGE="ru")
    running = str(uuid4())
    IdempotencyRecord.objects.create(
        user=alice,
        key_hash=key_hash(running),
        fingerprint="x",
        expires_at=timezone.now() + timedelta(hours=1),
    )
    in_use = post(client, CONTACTS, new_contact(org_a), running, HTTP_ACCEPT_LANGUAGE="ru")
    malformed = post(client, CONTACTS, new_contact(org_a), "with space", HTTP_ACCEPT_LANGUAGE="ru")

    assert (reused.status_code, in_use.status_code, malformed.status_code) == (422, 409, 400)
    assert reused.json()["title"] == "Этот Idempotency-Key уже использован для другого запроса."
    assert in_use.json()["detail"] == (
        "Первый запрос с этим Idempotency-Key ещё не завершён; повторите чуть позже."  # noqa: RUF001
    )
    assert malformed.json()["errors"][0]["detail"] == (
        "Idempotency-Key — это от 1 до 255 видимых символов ASCII, например UUID."
    )
