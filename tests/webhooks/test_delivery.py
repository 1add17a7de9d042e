"""How deliveries go: retried with backoff after a failure, in order per object, given up and
disabled after repeated failures (with a notice in the owner's inbox), signed with the current secret."""

import socket
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from standardwebhooks import Webhook

from inbox.models import Notification
from tests.factories import ContactPointFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(org_a):
    return ContactPointFactory(organization=org_a, visibility="network")


@pytest.fixture
def endpoint(bob, org_b, register, receiver, contact):
    created = register("bob", org_b, receiver.url)
    receiver.secret = created["secret"]
    return created


@pytest.fixture
def relabel(client_of, alice, contact):
    """`relabel("text")`: Alice changes her contact's label through the API."""

    def change(label: str) -> None:
        response = client_of("alice").patch(
            f"/api/v1/contact-points/{contact.pk}/", {"label": label}, format="json"
        )
        assert response.status_code == 200

    return change


def test_a_delivery_answered_500_is_retried_after_the_backoff_and_then_succeeds(
    endpoint, receiver, relabel, deliver, client_of
):
    receiver.answers = [500]
    relabel("Retried")
    with time_machine.travel(timezone.now(), tick=True) as clock:
        deliver()
        assert len(receiver.received) == 1
        [entry] = client_of("bob").get(f"/api/v1/webhooks/{endpoint['id']}/deliveries/").data["results"]
        assert (entry["status"], entry["attempts"], entry["last_status_code"]) == ("pending", 1, 500)
        deliver()
        assert len(receiver.received) == 1, "not before the backoff has passed"
        clock.shift(timedelta(seconds=31))
        deliver()
        events = receiver.events()
    assert [e["data"]["label"] for e in events] == ["Retried", "Retried"]
    first, second = receiver.received
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.headers["webhook-timestamp"] != second.headers["webhook-timestamp"]
    [entry] = client_of("bob").get(f"/api/v1/webhooks/{endpoint['id']}/deliveries/").data["results"]
    assert (entry["status"], entry["attempts"], entry["last_status_code"]) == ("delivered", 2, 204)
    assert entry["event_id"] == first.headers["webhook-id"]


def test_a_later_change_of_an_object_waits_for_the_earlier_one(endpoint, receiver, relabel, deliver):
    receiver.answers = [503]
    relabel("First")
    with time_machine.travel(timezone.now(), tick=True) as clock:
        deliver()
        relabel("Second")
        deliver()
        assert len(receiver.received) == 1, "the second waits while the first is retried"
        clock.shift(timedelta(seconds=31))
        deliver()
        labels = [e["data"]["label"] for e in receiver.events()]
    assert labels == ["First", "First", "Second"]


@pytest.fixture
def fail_fast(settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOK_MAX_ATTEMPTS = 2


def test_after_repeated_failures_the_endpoint_is_disabled_and_its_organization_told(
    fail_fast, endpoint, receiver, relabel, deliver, client_of, org_b
):
    receiver.answers = [500] * 10
    with time_machine.travel(timezone.now(), tick=True) as clock:
        relabel("One")
        deliver()
        relabel("Two")  # drawn up apart from "One", and waiting for it to end
        for _ in range(4):
            deliver()
            clock.shift(timedelta(hours=7))
    assert len(receiver.received) == 3
    shown = client_of("bob").get(f"/api/v1/webhooks/{endpoint['id']}/").data
    assert shown["is_active"] is False
    assert shown["consecutive_failures"] == 3
    assert "3 failed attempts" in shown["disabled_reason"]
    inbox = client_of("bob").get("/api/v1/inbox/").data["results"]
    assert [n["kind"] for n in inbox] == [Notification.Kind.WEBHOOK_DISABLED]
    assert receiver.url in inbox[0]["text"]


def test_a_delivery_is_given_up_after_the_last_attempt_and_the_next_one_goes(
    fail_fast, settings, endpoint, receiver, relabel, deliver
):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 100
    receiver.answers = [500, 500]
    with time_machine.travel(timezone.now(), tick=True) as clock:
        relabel("Lost")
        deliver()
        relabel("Kept")
        for _ in range(3):
            deliver()
            clock.shift(timedelta(minutes=5))
    statuses = list(WebhookDelivery.objects.order_by("seq").values_list("status", "attempts"))
    assert statuses == [("failed", 2), ("delivered", 1)]


def test_enabling_a_disabled_endpoint_sends_what_waited(
    fail_fast, settings, endpoint, receiver, relabel, deliver, client_of
):
    settings.WEBHOOK_MAX_ATTEMPTS = 10
    receiver.answers = [500] * 3
    with time_machine.travel(timezone.now(), tick=True) as clock:
        relabel("Waiting")
        for _ in range(3):
            deliver()
            clock.shift(timedelta(minutes=3))  # past each backoff, within the access token's life
        assert WebhookEndpoint.objects.get().is_active is False
        relabel("While disabled")
        deliver()
        assert len(receiver.received) == 3
        response = client_of("bob").patch(f"/api/v1/webhooks/{endpoint['id']}/", {"is_active": True})
        assert response.status_code == 200, response.content
        assert (response.data["disabled_reason"], response.data["consecutive_failures"]) == ("", 0)
        deliver()
        labels = [e["data"]["label"] for e in receiver.events()]
    assert labels == ["Waiting"] * 4 + ["While disabled"]


def test_after_rotation_deliveries_verify_with_the_new_secret_only(
    endpoint, receiver, relabel, deliver, client_of
):
    rotated = client_of("bob").post(f"/api/v1/webhooks/{endpoint['id']}/rotate-secret/")
    assert rotated.status_code == 200
    assert rotated.data["secret"].startswith("whsec_")
    assert rotated.data["secret"] != endpoint["secret"]
    relabel("After rotation")
    deliver()
    [refused] = receiver.received
    assert refused.error == "No matching signature found", "the old secret verifies nothing"
    receiver.secret = rotated.data["secret"]
    assert Webhook(receiver.secret).verify(refused.body, refused.headers)["data"]["label"] == "After rotation"


def test_a_test_event_is_signed_and_logged(endpoint, receiver, deliver, client_of):
    response = client_of("bob").post(f"/api/v1/webhooks/{endpoint['id']}/test/")
    assert response.status_code == 202
    deliver()
    [event] = receiver.events()
    assert event["type"] == "webhook.test"
    [entry] = client_of("bob").get(f"/api/v1/webhooks/{endpoint['id']}/deliveries/").data["results"]
    assert (entry["event_type"], entry["status"]) == ("webhook.test", "delivered")


def test_a_delivery_whose_job_was_lost_is_queued_again_by_the_schedule(endpoint, receiver, relabel, deliver):
    from webhooks.tasks import draw_up_events

    relabel("Lost job")
    deliver()
    # As if the worker had died after claiming it: pending, and no job left to run it.
    WebhookDelivery.objects.update(status=WebhookDelivery.Status.PENDING, next_attempt_at=timezone.now())
    draw_up_events.enqueue()
    deliver()
    assert len(receiver.events()) == 1, "not while it may still be under way"
    with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=True):
        draw_up_events.enqueue()
        deliver()
    assert [e["data"]["label"] for e in receiver.events()] == ["Lost job", "Lost job"]


def test_the_log_forgets_ended_deliveries_after_the_retention_but_keeps_pending_ones(
    endpoint, receiver, relabel, deliver, client_of, settings
):
    from webhooks.tasks import prune_deliveries

    relabel("Delivered long ago")
    deliver()
    receiver.answers = [500] * 5
    relabel("Still pending")
    deliver()
    log = f"/api/v1/webhooks/{endpoint['id']}/deliveries/"
    assert [d["status"] for d in client_of("bob").get(log).data["results"]] == ["pending", "delivered"]
    later = timezone.now() + timedelta(days=settings.WEBHOOK_DELIVERY_RETENTION_DAYS + 1)
    with time_machine.travel(later):
        prune_deliveries.enqueue()
        deliver()
    assert [d["status"] for d in client_of("bob").get(log).data["results"]] == ["pending"]


def test_a_delivery_queued_twice_is_sent_once(endpoint, receiver, relabel, deliver):
    from webhooks.tasks import deliver_webhook

    relabel("Once")
    deliver()
    delivery = WebhookDelivery.objects.get()
    WebhookDelivery.objects.update(status=WebhookDelivery.Status.PENDING, attempts=0, next_attempt_at=None)
    receiver.received.clear()
    deliver_webhook.enqueue(delivery.pk)
    deliver_webhook.enqueue(delivery.pk)
    deliver()
    assert [e["data"]["label"] for e in receiver.events()] == ["Once"]


@pytest.fixture
def trickler():
    """A receiver that answers 200 and then its headers one byte at a time, for seconds."""
    listener = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def serve():
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\n")
            for byte in b"x-slow: " + b"a" * 40:
                if done.wait(0.1):
                    return
                connection.sendall(bytes([byte]))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/hooks"
    done.set()
    thread.join()
    listener.close()


def test_a_receiver_trickling_its_answer_is_cut_off_at_the_timeout(
    bob, org_b, register, contact, relabel, trickler, deliver, settings
):
    """Each read within the timeout must not let a receiver hold a worker for as long as it likes."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 1
    register("bob", org_b, trickler)
    relabel("Slowly")
    started = time.monotonic()
    deliver()
    assert time.monotonic() - started < 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, None)
    assert delivery.last_error == "No answer within 1 s."
