"""News on responses and messages reach the notified organization's members by e-mail, unless switched off."""

import pytest

from inbox.tasks import remind_stale_contacts
from tests.factories import ContactPointFactory, ResourceFactory, ResponseFactory
from tests.jobs import run_jobs

from .conftest import parts

pytestmark = pytest.mark.django_db

TITLE = "Flat in Vilnius for two (example data)"


@pytest.fixture
def respond(client_of, org_a, org_b, django_capture_on_commit_callbacks):
    """bob answers Alpha's resource for Bravo, as a client would; notices go out after commit."""

    def run(**fields):
        resource = ResourceFactory(organization=org_a, title=TITLE, **fields)
        with django_capture_on_commit_callbacks(execute=True):
            answer = client_of("bob").post(
                "/api/v1/responses/",
                {"resource": resource.id, "organization": org_b.id, "message": "We can help"},
                format="json",
            )
        assert answer.status_code == 201, answer.content
        return answer.data

    return run


def test_a_new_response_reaches_the_members_of_the_resource_owner_by_email(
    mailbox, respond, alice, anna, bob, carol
):
    respond()
    run_jobs()
    assert sorted(r for recipients, _ in mailbox.received for r in recipients) == [
        "alice@example.org",
        "anna@example.org",
    ]
    for message in mailbox.messages:
        text, html = parts(message)
        assert "A resource of your organization has a new response." in text
        # What it is about stays in the app: no title, no organization, no message.
        for body in (text, html, message["Subject"]):
            assert "Vilnius" not in body and "Bravo" not in body and "We can help" not in body


def test_a_member_who_switched_responses_off_gets_none(mailbox, respond, alice, anna, client_of):
    client_of("anna").patch("/api/v1/me/notifications/", {"responses": False}, format="json")
    respond()
    run_jobs()
    assert [recipients for recipients, _ in mailbox.received] == [["alice@example.org"]]


def test_a_message_reaches_the_other_side_unless_switched_off(
    mailbox, client_of, alice, bob, org_a, org_b, django_capture_on_commit_callbacks
):
    response = ResponseFactory(resource=ResourceFactory(organization=org_a), organization=org_b)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client_of("alice").post(
            f"/api/v1/responses/{response.id}/messages/", {"body": "Hi"}, format="json"
        )
    assert sent.status_code == 201, sent.content
    run_jobs()
    [message] = mailbox.to("bob@example.org")
    assert "new message" in parts(message)[0]
    assert mailbox.to("alice@example.org") == []  # the author is not told of their own message

    client_of("bob").patch("/api/v1/me/notifications/", {"messages": False}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        client_of("alice").post(
            f"/api/v1/responses/{response.id}/messages/", {"body": "Again"}, format="json"
        )
    run_jobs()
    assert len(mailbox.to("bob@example.org")) == 1


@pytest.mark.parametrize(
    ("language", "headline"),
    [
        ("ru", "На ресурс вашей организации пришёл новый отклик."),
        ("uk", "На ресурс вашої організації надійшов новий відгук."),
        ("de", "Eine Ressource Ihrer Organisation hat eine neue Antwort."),
    ],
)
def test_the_email_speaks_each_members_language(mailbox, respond, alice, anna, client_of, language, headline):
    client_of("anna").patch("/api/v1/me/notifications/", {"language": language}, format="json")
    respond()
    run_jobs()
    [theirs] = mailbox.to("anna@example.org")
    assert theirs["Subject"].strip() == headline
    assert headline in parts(theirs)[0]
    [mine] = mailbox.to("alice@example.org")
    assert mine["Subject"].strip() == "A resource of your organization has a new response."


def test_a_member_who_no_longer_sees_the_notice_is_not_emailed(mailbox, respond, alice, anna):
    from accounts.models import Membership

    respond()
    Membership.objects.filter(user=anna).delete()
    run_jobs()
    assert mailbox.to("anna@example.org") == []
    assert len(mailbox.to("alice@example.org")) == 1


def test_matches_and_stale_contacts_stay_in_the_inbox(
    mailbox, client_of, alice, bob, org_a, org_b, django_capture_on_commit_callbacks
):
    ResourceFactory(organization=org_b, kind="request", category="accommodation", countries=["FI"])
    ContactPointFactory(organization=org_b, last_verified_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        client_of("alice").post(
            "/api/v1/resources/",
            {
                "kind": "offer",
                "category": "accommodation",
                "organization": org_a.id,
                "title": "Flat in Helsinki (example data)",
                "countries": ["FI"],
                "languages": ["ru"],
                "capacity": "2 beds",
            },
            format="json",
        )
        remind_stale_contacts.enqueue()
        run_jobs()
    inbox = client_of("bob").get("/api/v1/inbox/").data["results"]
    assert sorted(i["kind"] for i in inbox) == ["contact_stale", "new_match"]
    run_jobs()
    assert mailbox.messages == []
