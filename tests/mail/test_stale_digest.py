"""The monthly digest: each coordinator hears of their own organizations' stale contacts, by label only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.schedule import SCHEDULE
from mail.tasks import send_stale_digests
from tests.factories import ContactPointFactory
from tests.jobs import run_jobs

from .conftest import parts

pytestmark = pytest.mark.django_db


@pytest.fixture
def stale_in_a(org_a):
    """Alpha has two stale contacts, one fresh one and a stale paused one; Bravo only fresh ones."""
    return [
        ContactPointFactory(
            organization=org_a,
            label="Night hotline",
            channel="phone",
            value="+4930901820",
            last_verified_at=None,
        ),
        ContactPointFactory(
            organization=org_a,
            label="",
            channel="telegram",
            value="@alpha_help_line",
            last_verified_at=timezone.now() - timedelta(days=400),
        ),
        ContactPointFactory(organization=org_a, label="Fresh desk", last_verified_at=timezone.now()),
        ContactPointFactory(
            organization=org_a,
            label="Paused line",
            status="paused",
            status_reason="Holiday",
            last_verified_at=None,
        ),
    ]


def digest():
    send_stale_digests.enqueue()
    return run_jobs()


def test_the_digest_goes_only_to_coordinators_of_organizations_with_stale_contacts(
    mailbox, stale_in_a, alice, anna, bob, carol, org_b
):
    ContactPointFactory(organization=org_b, last_verified_at=timezone.now())
    assert digest() == 2  # the round, and alice's one e-mail
    assert [recipients for recipients, _ in mailbox.received] == [["alice@example.org"]]
    [message] = mailbox.messages
    text, html = parts(message)
    assert "2 contact points need verification" in message["Subject"]
    for body in (text, html):
        assert "Alpha Counseling" in body
        assert "Night hotline" in body and "never verified" in body
        assert "(no label)" in body and "Telegram" in body
        assert "Fresh desk" not in body and "Paused line" not in body
        # Contacts are named, never given: their values stay out of an inbox others may read.
        assert "+4930901820" not in body and "alpha_help_line" not in body


def test_a_coordinator_of_two_organizations_gets_one_digest_for_both(
    mailbox, stale_in_a, alice, org_b, client_of
):
    from accounts.models import Membership

    Membership.objects.create(user=alice, organization=org_b, role="coordinator")
    ContactPointFactory(organization=org_b, label="Bravo desk", last_verified_at=None)
    digest()
    [message] = mailbox.to("alice@example.org")
    text, _ = parts(message)
    assert text.index("Alpha Counseling") < text.index("Night hotline") < text.index("Bravo Legal")
    assert "Bravo desk" in text


def test_no_stale_contacts_no_digest(mailbox, alice, org_a):
    ContactPointFactory(organization=org_a, last_verified_at=timezone.now())
    assert digest() == 1
    assert mailbox.messages == []


def test_a_coordinator_who_switched_the_digest_off_gets_none(mailbox, stale_in_a, alice, client_of):
    answer = client_of("alice").patch("/api/v1/me/notifications/", {"stale_digest": False}, format="json")
    assert answer.status_code == 200, answer.content
    digest()
    assert mailbox.messages == []


@pytest.mark.parametrize(
    ("language", "subject"),
    [
        ("ru", "Нужно проверить 2 контакта"),
        ("uk", "Потрібно перевірити 2 контакти"),
        ("de", "2 Kontakte müssen geprüft werden"),
    ],
)
def test_the_digest_speaks_the_coordinators_language(
    mailbox, stale_in_a, alice, client_of, language, subject
):
    client_of("alice").patch("/api/v1/me/notifications/", {"language": language}, format="json")
    digest()
    [message] = mailbox.messages
    assert message["Subject"].strip() == subject
    text, html = parts(message)
    assert "never verified" not in text and "never verified" not in html
    assert f'<html lang="{language}">' in html


def test_the_digest_runs_monthly_from_the_schedule():
    [entry] = [p for p in SCHEDULE if p.task == "mail.tasks.send_stale_digests"]
    assert timedelta(days=28) <= entry.every <= timedelta(days=31)


def test_a_label_holding_markup_stays_text_in_the_html(mailbox, org_a, alice):
    ContactPointFactory(
        organization=org_a, label="<img src=https://evil.example/p.gif>", last_verified_at=None
    )
    digest()
    [message] = mailbox.messages
    _, html = parts(message)
    assert "<img" not in html
    assert "&lt;img src=https://evil.example/p.gif&gt;" in html


@pytest.mark.parametrize(("language", "phone"), [("ru", "Телефон"), ("uk", "Телефон"), ("de", "Telefon")])
def test_the_digest_names_each_channel_in_the_coordinators_language(
    mailbox, stale_in_a, alice, client_of, language, phone
):
    client_of("alice").patch("/api/v1/me/notifications/", {"language": language}, format="json")
    digest()
    [message] = mailbox.messages
    for body in parts(message):
        assert f"Night hotline · {phone} ·" in body
        assert "Phone" not in body
