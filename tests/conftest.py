"""The cast every test can use, with who may see what.

Organizations A ("alpha"), B ("bravo") and C ("charlie") are network-visible partners.
Each person has one fixture, under one name, used by every test:
- anna: member of A — reads network data and A's restricted data, writes nothing.
- alice: coordinator of A — writes A's objects, not B's.
- bob: coordinator of B — must see nothing restricted to A.
- carol: coordinator of C — a bystander: must never see what passes between A and B.
- chris: member of C — likewise.
- oscar: signed in, but a member of no organization — sees what anonymous sees.
- olga: network office admin (is_staff) — sees and writes everything.
- nobody: an anonymous client — public data only.

`client_of("bob")` is a signed-in client for one of them by name (the anonymous one for
"nobody"); permission matrices name people this way (tests/matrix.py).

`demo` loads the demo network instead, whose people sign in with their published demo
passwords (`demo_client("mila")`); `admin_client` is olga signed in to the Django admin.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from accounts.models import Membership
from changes import registry
from documents import services as documents
from documents.models import Document

from .factories import OrganizationFactory, UserFactory, person_in

PASSWORD = "correct-horse-battery"
DEMO_PASSWORDS = {
    "olga": "demo-admin-pass",
    "alice": "demo-coordinator-pass",
    "boris": "demo-coordinator-pass",
    "nino": "demo-coordinator-pass",
    "mila": "demo-member-pass",
}


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Login throttles count in the cache; each test starts with none spent."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request's Accept-Language stays active in the thread after it (LocaleMiddleware sets it
    per request and never resets it); each test starts in the default language, as a new request
    without one would, so a test in Russian does not change what the next one generates."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def api():
    """An anonymous API client."""
    return APIClient()


@pytest.fixture
def org_a(db):
    return OrganizationFactory(name="Alpha Counseling", slug="alpha", visibility="network")


@pytest.fixture
def org_b(db):
    return OrganizationFactory(name="Bravo Legal", slug="bravo", visibility="network")


@pytest.fixture
def anna(org_a):
    return person_in(org_a, "anna")


@pytest.fixture
def alice(org_a):
    return person_in(org_a, "alice", Membership.Role.COORDINATOR)


@pytest.fixture
def bob(org_b):
    return person_in(org_b, "bob", Membership.Role.COORDINATOR)


@pytest.fixture
def olga(db):
    return UserFactory(username="olga", is_staff=True)


@pytest.fixture
def org_c(db):
    return OrganizationFactory(name="Charlie Shelter", slug="charlie", visibility="network")


@pytest.fixture
def carol(org_c):
    return person_in(org_c, "carol", Membership.Role.COORDINATOR)


@pytest.fixture
def chris(org_c):
    return person_in(org_c, "chris")


@pytest.fixture
def oscar(db):
    """Signed in, but a member of no organization: sees what anonymous sees."""
    return UserFactory(username="oscar")


@pytest.fixture
def public_org_a(org_a):
    """A, made public: what it owns may reach anonymous readers."""
    org_a.visibility = "public"
    org_a.save()
    return org_a


def login(client: APIClient, username: str, password: str = PASSWORD) -> dict:
    """Sign in through the API as a client would and keep the bearer token on the client."""
    response = client.post("/api/v1/auth/token/", {"username": username, "password": password}, format="json")
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.data['access']}")
    return response.data


@pytest.fixture
def as_user(db):
    """`as_user(user)` returns a fresh API client signed in as `user`."""

    def make(user) -> APIClient:
        client = APIClient()
        login(client, user.username)
        return client

    return make


@pytest.fixture
def make_document(org_a):
    """`make_document(status=..., **fields)`: a document of Alpha, moved through the workflow services."""

    def make(status="published", organization=None, **fields):
        fields.setdefault("title", "A guide (example data)")
        fields.setdefault("language", "en")
        fields.setdefault("visibility", "public")
        fields.setdefault("body", "Example body.")
        document = Document.objects.create(organization=organization or org_a, is_example=True, **fields)
        if status in ("in_review", "published", "archived"):
            documents.document_submit(document=document)
        if status in ("published", "archived"):
            documents.document_publish(document=document, actor=None)
        if status == "archived":
            documents.document_archive(document=document)
        return document

    return make


@pytest.fixture
def client_of(request, api, as_user):
    """`client_of("bob")`: a signed-in client for one of the cast, or the anonymous client for "nobody".

    A person is created when first asked for (or earlier, by a fixture that needs them), so a
    test's world holds only the people it names; the same name gives the same client.
    """
    clients = {}

    def make(name: str) -> APIClient:
        if name == "nobody":
            return api
        if name not in clients:
            clients[name] = as_user(request.getfixturevalue(name))
        return clients[name]

    return make


@pytest.fixture
def admin_client(olga) -> Client:
    """olga in the Django admin, a superuser as the demo's network office account is."""
    olga.is_superuser = True
    olga.save()
    client = Client()
    client.force_login(olga)
    return client


@pytest.fixture
def demo(db):
    """The demo network, loaded the way an operator loads it."""
    call_command("load_demo", stdout=StringIO())


def demo_client(username: str) -> APIClient:
    """A client signed in as one of the demo people, with their published password."""
    client = APIClient()
    login(client, username, DEMO_PASSWORDS[username])
    return client


@pytest.fixture
def restore_registry():
    """Lets a test register types; the registry is as before afterwards."""
    by_model, by_type = dict(registry._by_model), dict(registry._by_type)
    yield registry
    registry._by_model.clear()
    registry._by_model.update(by_model)
    registry._by_type.clear()
    registry._by_type.update(by_type)
    registry._schema_digest.cache_clear()
