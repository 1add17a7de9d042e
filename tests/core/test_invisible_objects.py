"""What a caller may not see is indistinguishable from nothing, on every operation (docs/design.md, rule 3).

Each object here belongs to Alpha and only Alpha and the network office see it; the
campaign is the network's, hidden from anonymous callers only; a session is anna's alone.
For every operation of the contract on such an object, bob (coordinator of Bravo, a member
of the network) and an anonymous client get exactly what the same request gets for an object that does not
exist: 404, or 401 where the contract asks for a token. Never a telling 403, never a 2xx;
nothing changes, and what bob is told is never stored by a cache. Creating something for
Alpha's hidden inner circle is refused exactly like creating it for no organization at all.

A new kind of object in the contract must be added to `OWNERS` (or, with a reason, to
`NOT_OWNED`) before this passes.
"""

from datetime import timedelta

import pytest
import yaml
from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import AuthSession, Membership
from accounts.services import invitation_create
from alerts.models import Alert
from documents import services as documents
from documents.models import Document
from documents.uploads import inspect_upload
from hsds.ids import Kind, object_id
from inbox.models import Notification
from tests.core.contract import COMMITTED, anonymous_allowed
from tests.factories import (
    CampaignFactory,
    ContactPointFactory,
    EventFactory,
    LedgerEntryFactory,
    OrganizationFactory,
    ResourceFactory,
    ResponseFactory,
)
from webhooks.models import WebhookEndpoint

API = "/api/v1/"
GHOST_ID = 2**31 - 1
WRITES = ("post", "put", "patch", "delete")

# Collections whose objects have no owner to hide them from, and why.
NOT_OWNED = {
    "countries": "country profiles are public",
    "users": "the network office's alone: every other caller gets the same 403 for any id",
    "calendar-feed": "the secret in the path is the credential",
    "changes": "the audit log proves its own scoping",
}
# Who must not see the object of each collection.
OWNERS = {
    "alerts": ("anonymous", "bob"),
    "auth/sessions": ("anonymous", "bob"),
    "campaigns": ("anonymous",),
    "contact-points": ("anonymous", "bob"),
    "documents": ("anonymous", "bob"),
    "events": ("anonymous", "bob"),
    "funding/entries": ("anonymous", "bob"),
    "inbox": ("anonymous", "bob"),
    "invitations": ("anonymous", "bob"),
    "memberships": ("anonymous", "bob"),
    "organizations": ("anonymous", "bob"),
    "resources": ("anonymous", "bob"),
    "responses": ("anonymous", "bob"),
    "webhooks": ("anonymous", "bob"),
    "api/hsds/organizations": ("anonymous", "bob"),
    "api/hsds/services": ("anonymous", "bob"),
    "api/hsds/service_at_locations": ("anonymous", "bob"),
}
# HSDS names objects by UUID (hsds/ids.py): the address of the row with a primary key.
HSDS_KINDS = {
    "api/hsds/organizations": Kind.ORGANIZATION,
    "api/hsds/services": Kind.SERVICE,
    "api/hsds/service_at_locations": Kind.SERVICE_AT_LOCATION,
}
QUERY = {"/diff/": {"from_version": 1}}


def address_id(collection: str, pk: int):
    """How the address of `collection` names the row with primary key `pk`."""
    kind = HSDS_KINDS.get(collection)
    return pk if kind is None else object_id(kind, pk)


def _operations() -> dict[str, list[tuple[str, str, bool]]]:
    """(method, path, anonymous allowed) of every operation on one object, by collection."""
    contract = yaml.safe_load(COMMITTED.read_text())
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for path, operations in contract["paths"].items():
        if "{" not in path:
            continue
        collection = path.removeprefix(API).split("{", 1)[0].strip("/")
        for method, operation in operations.items():
            if method in ("get", *WRITES):
                anonymous = anonymous_allowed(contract, operation)
                found.setdefault(collection, []).append((method, path, anonymous))
    return found


OPERATIONS = _operations()


def test_every_kind_of_object_is_in_the_matrix():
    assert set(OPERATIONS) == set(OWNERS) | set(NOT_OWNED)


@pytest.fixture
def hidden(org_a, anna, alice, olga):
    """One object of Alpha per collection, with an attachment and a published version where it matters."""
    guide = Document.objects.create(
        organization=org_a, title="Alpha's guide (example data)", language="en", body="Example data."
    )
    documents.document_submit(document=guide)
    documents.document_publish(document=guide, actor=olga)
    upload = ContentFile(b"notes (example data)", name="notes.txt")
    attachment = documents.attachment_add(
        document=guide, upload=upload, inspected=inspect_upload(upload), actor=olga
    )
    documents.document_archive(document=guide)
    invitation, _ = invitation_create(
        data={"email": "new.counselor@example.org", "organization": org_a}, actor=alice
    )
    inner_circle = OrganizationFactory(slug="alpha-inner", visibility="restricted")
    contact = ContactPointFactory(organization=org_a, visibility="restricted")
    office = ContactPointFactory(
        organization=org_a, channel="office", value="Street 1, 10115 Berlin", visibility="restricted"
    )
    return {
        "alerts": {
            "id": Alert.objects.create(
                text="For Alpha only (example data).",
                visibility="restricted",
                organization=org_a,
                expires_at=timezone.now() + timedelta(days=1),
            ).pk
        },
        "auth/sessions": {"id": AuthSession.objects.create(user=anna, device_label="Phone").pk},
        "campaigns": {"id": CampaignFactory(visibility="network").pk},
        "contact-points": {"id": contact.pk},
        "documents": {"id": guide.pk, "attachment_id": attachment.pk, "number": 1},
        "events": {"id": EventFactory(organization=org_a, visibility="restricted").pk},
        "funding/entries": {"id": LedgerEntryFactory(recipient=org_a).pk},
        "inbox": {
            "id": Notification.objects.create(
                organization=org_a, kind=Notification.Kind.NEW_MATCH, text="A match (example data)."
            ).pk
        },
        "invitations": {"id": invitation.pk},
        "memberships": {"id": Membership.objects.get(user=anna, organization=org_a).pk},
        "organizations": {"id": inner_circle.pk},
        "resources": {"id": ResourceFactory(organization=org_a, visibility="restricted").pk},
        "responses": {
            "id": ResponseFactory(
                resource=ResourceFactory(organization=org_a),
                organization=OrganizationFactory(slug="charlie", visibility="network"),
            ).pk
        },
        "webhooks": {
            "id": WebhookEndpoint.objects.create(
                organization=org_a,
                url="https://127.0.0.1/hooks",
                event_types=["alert.*"],
                secret="whsec_eA==",
            ).pk
        },
        "api/hsds/organizations": {"id": address_id("api/hsds/organizations", inner_circle.pk)},
        "api/hsds/services": {"id": address_id("api/hsds/services", contact.pk)},
        "api/hsds/service_at_locations": {"id": address_id("api/hsds/service_at_locations", office.pk)},
    }


def snapshot() -> dict[str, int]:
    """Rows of every model: a refused write adds, removes or (through the change feed) records one."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def call(client, method: str, path: str, params: dict):
    url = path
    for name, value in params.items():
        url = url.replace(f"{{{name}}}", str(value))
    query = next((q for suffix, q in QUERY.items() if url.endswith(suffix)), None)
    if method in WRITES:
        return getattr(client, method)(url, {}, format="json")
    return client.get(url, query)


def answer(response) -> dict:
    """The body, but for `instance`: the path asked for, which differs by the id in it."""
    body = response.json()
    assert body.pop("instance") == response.wsgi_request.path
    return body


@pytest.mark.parametrize(
    ("collection", "caller"),
    [(collection, caller) for collection, callers in OWNERS.items() for caller in callers],
)
def test_an_object_one_may_not_see_answers_like_one_that_does_not_exist(
    api, as_user, bob, hidden, collection, caller
):
    client = api if caller == "anonymous" else as_user(bob)
    params = hidden[collection]
    before = snapshot()
    for method, path, open_to_anonymous in OPERATIONS[collection]:
        where = f"{method.upper()} {path} as {caller}"
        response = call(client, method, path, params)
        ghost = call(client, method, path, {**params, "id": address_id(collection, GHOST_ID)})
        expected = 401 if caller == "anonymous" and not open_to_anonymous else 404
        assert response.status_code == expected, (where, response.content)
        assert (response.status_code, answer(response)) == (ghost.status_code, answer(ghost)), where
        if caller != "anonymous":
            assert "no-store" in response["Cache-Control"], where
    assert snapshot() == before


# What creating something for an organization takes, per collection; `organization` is added.
CREATES = {
    "contact-points": {"channel": "email", "value": "help@example.org", "languages": ["ru"]},
    "documents": {"title": "A guide (example data)", "language": "en"},
    "events": {
        "title": "Vigil (example data)",
        "starts_at": "2026-12-10T18:00:00",
        "ends_at": "2026-12-10T19:30:00",
        "timezone": "Europe/Berlin",
        "is_online": True,
    },
    "invitations": {"email": "new.counselor@example.org"},
    "resources": {
        "kind": "offer",
        "category": "legal_aid",
        "title": "Advice (example data)",
        "capacity": "2 h",
    },
    "webhooks": {"url": "https://127.0.0.1/hooks", "event_types": ["alert.*"]},
}


def refusals(response) -> list[tuple[str, str]]:
    return [(error["attr"], error["code"]) for error in response.json()["errors"]]


@pytest.mark.parametrize("collection", CREATES)
def test_nobody_creates_for_an_organization_they_do_not_coordinate(
    api, as_user, anna, bob, org_a, collection
):
    inner_circle = OrganizationFactory(slug="alpha-inner", visibility="restricted")
    url, body = f"{API}{collection}/", CREATES[collection]
    member, outsider = as_user(anna), as_user(bob)
    before = snapshot()
    assert api.post(url, {**body, "organization": org_a.pk}, format="json").status_code == 401
    assert member.post(url, {**body, "organization": org_a.pk}, format="json").status_code == 403
    # bob sees Alpha but does not coordinate it; Alpha's inner circle he cannot see at all.
    refused = outsider.post(url, {**body, "organization": org_a.pk}, format="json")
    assert (refused.status_code, refusals(refused)) == (400, [("organization", "invalid")])
    hidden = outsider.post(url, {**body, "organization": inner_circle.pk}, format="json")
    ghost = outsider.post(url, {**body, "organization": GHOST_ID}, format="json")
    assert (
        (hidden.status_code, refusals(hidden))
        == (ghost.status_code, refusals(ghost))
        == (
            400,
            [("organization", "does_not_exist")],
        )
    )
    assert snapshot() == before


def test_the_hidden_objects_are_there_for_those_who_may_see_them(as_user, anna, olga, hidden):
    admin, member = as_user(olga), as_user(anna)
    for collection, params in hidden.items():
        # An inbox is personal, the network office's included: Alpha's members read Alpha's.
        client = member if collection == "inbox" else admin
        for method, path, _ in OPERATIONS[collection]:
            if method == "get":
                response = call(client, method, path, params)
                assert response.status_code == 200, (path, response.content)
