"""Invitations by e-mail: the link in the message lets the invitee join, in their language."""

import json
from datetime import timedelta
from urllib.parse import unquote

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from accounts.models import Invitation, Membership
from core.secrets import digest
from tests.jobs import run_jobs
from tests.servers import free_port, smtp

from .conftest import APP, links, parts

pytestmark = pytest.mark.django_db

INVITE = "/api/v1/invitations/"
ACCEPT = "/api/v1/invitations/accept/"


def invite(client, organization, email="new.counselor@example.org", **fields):
    response = client.post(INVITE, {"email": email, "organization": organization.id, **fields}, format="json")
    assert response.status_code == 201, response.content
    return response.data


def token_in(message) -> str:
    text, _ = parts(message)
    [link] = [link for link in links(text) if "#join=" in link]
    assert link.startswith(f"{APP}/#join=")
    return unquote(link.split("#join=", 1)[1])


def test_an_invited_person_joins_through_the_link_in_the_email(mailbox, client_of, org_a, api):
    invitation = invite(client_of("alice"), org_a, role="coordinator")
    assert mailbox.messages == []  # nothing is sent inside the request
    assert run_jobs() == 1
    [message] = mailbox.to("new.counselor@example.org")
    assert "Alpha Counseling" in message["Subject"]
    token = token_in(message)
    assert token != invitation["token"]  # the e-mail carries a token of its own
    joined = api.post(
        ACCEPT, {"token": token, "username": "vera", "password": "a long passphrase 42"}, format="json"
    )
    assert joined.status_code == 201, joined.content
    assert Membership.objects.get(user__username="vera", organization=org_a).role == "coordinator"
    detail = client_of("alice").get(f"{INVITE}{invitation['id']}/").data
    assert (detail["status"], detail["emailed_at"] is not None) == ("accepted", True)


def test_the_token_answered_to_the_inviter_still_works_after_the_email(mailbox, client_of, org_a, api):
    invitation = invite(client_of("alice"), org_a)
    run_jobs()
    joined = api.post(
        ACCEPT,
        {"token": invitation["token"], "username": "vera", "password": "a long passphrase 42"},
        format="json",
    )
    assert joined.status_code == 201, joined.content
    used = api.post(
        ACCEPT,
        {"token": token_in(mailbox.messages[0]), "username": "vera2", "password": "a long passphrase 42"},
        format="json",
    )
    assert used.status_code == 400


@pytest.mark.parametrize(
    ("language", "header", "subject"),
    [
        ("ru", None, "Приглашение"),
        ("uk", None, "Запрошення"),
        ("de", None, "Einladung"),
        (None, "de", "Einladung"),
        (None, None, "Invitation"),
    ],
)
def test_the_invitation_email_speaks_the_language_chosen_or_the_inviters(
    mailbox, client_of, org_a, api, language, header, subject
):
    fields = {"language": language} if language else {}
    client = client_of("alice")
    if header:
        client.credentials(HTTP_ACCEPT_LANGUAGE=header, **client._credentials)
    invitation = invite(client, org_a, **fields)
    assert invitation["language"] == (language or header or "en")
    run_jobs()
    [message] = mailbox.messages
    assert message["Subject"].strip().startswith(subject)  # a folded header starts with a space
    assert message["Content-Language"] == invitation["language"]
    # The new account's own e-mails go on in that language.
    new = api.post(
        ACCEPT,
        {"token": token_in(message), "username": "vera", "password": "a long passphrase 42"},
        format="json",
    )
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {login_access(api, 'vera')}")
    assert new.status_code == 201
    assert api.get("/api/v1/me/notifications/").data["language"] == invitation["language"]


def login_access(client, username: str) -> str:
    answer = client.post(
        "/api/v1/auth/token/", {"username": username, "password": "a long passphrase 42"}, format="json"
    )
    return answer.data["access"]


def test_the_email_is_text_with_an_html_alternative_without_images_or_outside_addresses(
    mailbox, client_of, org_a
):
    invite(client_of("alice"), org_a)
    run_jobs()
    [message] = mailbox.messages
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    text, html = parts(message)
    assert "<img" not in html.lower() and "src=" not in html.lower() and "url(" not in html.lower()
    for link in links(text) + links(html):
        assert link.startswith(f"{APP}/"), link
    assert message["Auto-Submitted"] == "auto-generated"


def test_resending_emails_a_new_link_and_the_old_one_stops_working(mailbox, client_of, org_a, api):
    invitation = invite(client_of("alice"), org_a)
    run_jobs()
    response = client_of("alice").post(f"{INVITE}{invitation['id']}/resend/")
    assert response.status_code == 202, response.content
    run_jobs()
    first, second = (token_in(m) for m in mailbox.messages)
    refused = api.post(ACCEPT, {"token": first, "username": "vera", "password": "a long passphrase 42"})
    assert refused.status_code == 400
    joined = api.post(ACCEPT, {"token": second, "username": "vera", "password": "a long passphrase 42"})
    assert joined.status_code == 201, joined.content
    # Accepted: nothing more to send.
    again = client_of("alice").post(f"{INVITE}{invitation['id']}/resend/")
    assert again.status_code == 400
    assert run_jobs() == 0


@pytest.mark.parametrize(("who", "status"), [("nobody", 401), ("anna", 404), ("bob", 404), ("olga", 202)])
def test_only_coordinators_of_its_organization_and_admins_may_resend_others_see_no_invitation(
    mailbox, client_of, org_a, who, status
):
    invitation = invite(client_of("alice"), org_a)
    run_jobs()
    assert client_of(who).post(f"{INVITE}{invitation['id']}/resend/").status_code == status
    run_jobs()
    assert len(mailbox.messages) == (2 if status == 202 else 1)


def test_a_revoked_invitation_is_not_emailed(mailbox, client_of, org_a):
    invitation = invite(client_of("alice"), org_a)
    assert client_of("alice").delete(f"{INVITE}{invitation['id']}/").status_code == 204
    run_jobs()
    assert mailbox.messages == []


def test_while_the_mail_server_is_down_the_invitation_is_made_and_its_email_retried_later(
    settings, client_of, org_a, api
):
    port = free_port()  # nothing listens there yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.APP_BASE_URL = APP
    invitation = invite(client_of("alice"), org_a)  # the request does not wait for the mail server
    assert run_jobs() == 1
    job = DBTaskResult.objects.get()
    assert (job.status, job.exception_class_path) == ("READY", "builtins.ConnectionRefusedError")
    assert run_jobs() == 0  # not before its time
    with smtp(port) as mailbox, time_machine.travel(job.run_after + timedelta(seconds=1), tick=False):
        assert run_jobs() == 1
    [message] = mailbox.messages
    joined = api.post(
        ACCEPT, {"token": token_in(message), "username": "vera", "password": "a long passphrase 42"}
    )
    assert joined.status_code == 201, joined.content
    assert client_of("alice").get(f"{INVITE}{invitation['id']}/").data["status"] == "accepted"


def test_the_job_queue_keeps_no_token_that_works(mailbox, client_of, org_a):
    invitation = invite(client_of("alice"), org_a)
    run_jobs()
    emailed = token_in(mailbox.messages[0])
    stored = json.dumps(list(DBTaskResult.objects.values()), default=str)
    stored += json.dumps(list(Invitation.objects.values()), default=str)
    assert invitation["token"] not in stored and emailed not in stored
    assert Invitation.objects.get().email_token_hash == digest(emailed)


def test_an_address_gets_a_bounded_number_of_invitation_emails_however_they_are_asked_for(
    mailbox, client_of, as_user, org_a, org_b, alice
):
    # An invitation names any address: without a bound, the resend button floods a stranger.
    invitation = invite(client_of("alice"), org_a, email="Stranger@Example.org")
    resend = f"{INVITE}{invitation['id']}/resend/"
    answers = [client_of("alice").post(resend) for _ in range(4)]
    assert [a.status_code for a in answers] == [202, 202, 202, 202]
    refused = client_of("alice").post(resend)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert '"invitation_email";r=0' in refused["RateLimit"]
    # The same address through another invitation, by someone else, counts alike.
    other = client_of("bob").post(INVITE, {"email": "stranger@example.org", "organization": org_b.id})
    assert other.status_code == 429
    assert run_jobs() == 5
    assert len(mailbox.messages) == 5
    with time_machine.travel(timedelta(days=1, seconds=1), tick=False):
        assert as_user(alice).post(resend).status_code == 202  # a day later, signed in again


def test_refused_requests_spend_nothing_of_an_addresses_allowance(mailbox, client_of, org_a):
    # Else anyone could stop a stranger's invitations by asking for them where they may not.
    for _ in range(6):
        refused = client_of("bob").post(
            INVITE, {"email": "new.counselor@example.org", "organization": org_a.id}
        )
        assert refused.status_code == 400
    invitation = invite(client_of("alice"), org_a)
    resend = f"{INVITE}{invitation['id']}/resend/"
    for _ in range(6):
        assert client_of("bob").post(resend).status_code == 404
        assert client_of("anna").post(resend).status_code == 404
    assert client_of("alice").post(resend).status_code == 202
    assert client_of("alice").post(resend)["RateLimit"].startswith('"invitation_email";r=2;')


def test_a_name_holding_line_breaks_or_markup_stays_text_in_the_subject_and_the_html(
    mailbox, client_of, org_a
):
    # Whoever names an organization writes into the invitation's subject and body.
    org_a.name = (
        'Evil\r\nBcc: victim@example.org\r\n<a href="https://evil.example/">click</a><script>x()</script>'
    )
    org_a.save()
    invite(client_of("alice"), org_a)
    run_jobs()
    [message] = mailbox.messages
    assert message["Bcc"] is None
    assert "\n" not in message["Subject"] and "\r" not in message["Subject"]
    assert message["Subject"].startswith("Invitation to join Evil Bcc: victim@example.org <a href")
    _, html = parts(message)
    assert "<script>" not in html and 'href="https://evil' not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "&lt;a href=&quot;https://evil.example/&quot;&gt;" in html
