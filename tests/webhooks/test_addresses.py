"""Webhooks go to public HTTPS addresses only (SSRF): refused at registration and again at delivery.

The test settings allow loopback and plain HTTP for the receiver; these tests switch both off,
as production has them.
"""

import socket

import pytest

from tests.factories import ContactPointFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint

PUBLIC = "https://93.184.215.14/hooks"  # an address on the public internet; no name to resolve


@pytest.fixture
def production_rules(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    settings.WEBHOOK_ALLOW_HTTP = False


def register(client, organization, url):
    body = {"organization": organization.pk, "url": url, "event_types": ["contact_point.*"]}
    return client.post("/api/v1/webhooks/", body, format="json")


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hooks",
        "https://127.8.9.10:8443/hooks",
        "https://10.1.2.3/hooks",
        "https://172.16.0.1/hooks",
        "https://192.168.1.1/hooks",
        "https://[::1]/hooks",
        "https://[fd00::1]/hooks",
        "https://[::ffff:127.0.0.1]/hooks",
        "https://169.254.169.254/latest/meta-data/",
        "https://0.0.0.0/hooks",
        "https://224.0.0.1/hooks",
        "https://240.0.0.1/hooks",
        "https://100.64.0.1/hooks",
        "https://localhost/hooks",
    ],
)
def test_addresses_off_the_public_internet_are_refused(production_rules, client_of, org_a, alice, url):
    response = register(client_of("alice"), org_a, url)
    assert response.status_code == 400
    [error] = response.data["errors"]
    assert error["attr"] == "url"
    assert "public addresses" in error["detail"]
    assert not WebhookEndpoint.objects.exists()


def test_plain_http_is_refused(production_rules, client_of, org_a, alice):
    response = register(client_of("alice"), org_a, "http://93.184.215.14/hooks")
    assert response.status_code == 400
    assert response.data["errors"][0]["detail"] == "Webhooks are sent to HTTPS addresses only."


@pytest.mark.parametrize("url", ["https:///hooks", "ftp://93.184.215.14/", "not a url"])
def test_malformed_addresses_are_refused(production_rules, client_of, org_a, alice, url):
    response = register(client_of("alice"), org_a, url)
    assert response.status_code == 400
    assert [e["attr"] for e in response.data["errors"]] == ["url"]


@pytest.mark.parametrize(
    "url", ["https://partner.example@93.184.215.14/hooks", "https://user:secret@93.184.215.14/hooks"]
)
def test_an_address_with_a_user_name_or_password_is_refused(production_rules, client_of, org_a, alice, url):
    """What it shows first is not where it goes, and its credentials would not be sent."""
    response = register(client_of("alice"), org_a, url)
    assert response.status_code == 400
    assert [e["attr"] for e in response.data["errors"]] == ["url"]
    assert "user name" in response.data["errors"][0]["detail"]


def test_a_public_https_address_is_accepted(production_rules, client_of, org_a, alice):
    response = register(client_of("alice"), org_a, PUBLIC)
    assert response.status_code == 201, response.content


@pytest.mark.django_db
def test_an_address_is_checked_again_at_delivery(
    client_of, alice, bob, org_a, org_b, receiver, settings, deliver
):
    """Registered while allowed (a name may resolve elsewhere later), refused when sent."""
    contact = ContactPointFactory(organization=org_a, visibility="network")
    registered = register(client_of("bob"), org_b, receiver.url)
    assert registered.status_code == 201
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "Changed"}, format="json")
    deliver()
    assert receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, None)
    assert "public addresses" in delivery.last_error


@pytest.mark.django_db
def test_redirects_are_not_followed(client_of, alice, bob, org_a, org_b, receiver, deliver):
    contact = ContactPointFactory(organization=org_a, visibility="network")
    receiver.secret = register(client_of("bob"), org_b, receiver.url).data["secret"]
    receiver.answers = [307]
    client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "Changed"}, format="json")
    deliver()
    assert len(receiver.received) == 1
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.last_status_code, delivery.last_error) == ("pending", 307, "HTTP 307")


@pytest.fixture
def dns(monkeypatch):
    """`dns["name.example"] = ["127.0.0.1", ...]`: the answers to lookups of names (as sent: ASCII),
    each list answered in turn, its last answer kept; other names are looked up as usual."""
    answers: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def lookup(host, port, *args, **kwargs):
        name = host if host.isascii() else host.encode("idna").decode()  # as the C library is sent it
        if name not in answers:
            return real(host, port, *args, **kwargs)
        address = answers[name].pop(0) if len(answers[name]) > 1 else answers[name][0]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return answers


@pytest.mark.django_db
def test_an_international_host_name_is_sent_its_ascii_form_in_the_host_header(
    client_of, alice, bob, org_a, org_b, receiver, deliver, dns
):
    """The name checked, the `Host` header and the TLS server name are the one ASCII (IDNA) name."""
    dns["xn--bcher-kva.example"] = ["127.0.0.1"]
    contact = ContactPointFactory(organization=org_a, visibility="network")
    port = receiver.server.server_address[1]
    created = register(client_of("bob"), org_b, f"http://Bücher.example:{port}/hooks")
    assert created.status_code == 201, created.content
    receiver.secret = created.data["secret"]
    client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "Changed"}, format="json")
    deliver()
    [received] = receiver.received
    assert received.headers["host"] == f"xn--bcher-kva.example:{port}"
    assert WebhookDelivery.objects.get().status == "delivered"


@pytest.mark.django_db
def test_a_delivery_connects_to_the_address_it_checked_and_not_to_a_later_answer(
    client_of, alice, bob, org_a, org_b, receiver, deliver, dns, settings
):
    """A name answering the checked address and then another (DNS rebinding) is not looked up twice."""
    settings.WEBHOOK_TIMEOUT_SECONDS = 2
    dns["rebind.example"] = ["127.0.0.1", "127.0.0.1", "192.0.2.1"]  # registration, delivery, then elsewhere
    contact = ContactPointFactory(organization=org_a, visibility="network")
    port = receiver.server.server_address[1]
    receiver.secret = register(client_of("bob"), org_b, f"http://rebind.example:{port}/hooks").data["secret"]
    client_of("alice").patch(f"/api/v1/contact-points/{contact.pk}/", {"label": "Changed"}, format="json")
    deliver()
    [received] = receiver.received
    assert received.headers["host"] == f"rebind.example:{port}"
    assert WebhookDelivery.objects.get().status == "delivered"
