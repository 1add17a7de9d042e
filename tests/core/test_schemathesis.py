"""Every operation keeps the contract, whatever a client sends (property-based, with schemathesis).

Each operation of the generated schema is called with generated requests as an anonymous
client, as a coordinator (alice, of organization A) and as an admin (olga), against a small
network of organizations, contact points and countries. Whatever the request, the answer
must be documented: never a 5xx; a documented status code, content type, headers and body.
An anonymous client must never succeed where the contract says a token is needed.

Requests go through Django's WSGI handler in this process and share the test's database
transaction, so every write is rolled back after each test. Path parameters are drawn from
the objects that exist as well as from generated values, so detail and write operations
reach real objects, not only 404s. Examples are derandomized: a run is repeatable.
"""

import pytest
import schemathesis
import yaml
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import login
from tests.core.contract import anonymous_allowed, generate_contract
from tests.factories import ContactPointFactory, CountryFactory, OrganizationFactory

EXAMPLES_PER_OPERATION = 10
# Where the contract says a token is needed, an anonymous request is turned away before its
# input is read: a few examples show that.
EXAMPLES_TURNED_AWAY = 3
HYPOTHESIS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    print_blob=False,
)
CHECKS = (
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
)
ROLES = ("anonymous", "coordinator", "admin")


class _Application:
    """Django's WSGI handler, answering in the test's database connection and transaction.

    Like Django's test client, it keeps the request signals from closing the connection, so
    requests see the test's data and their writes roll back with it. Built on first use,
    once pytest-django has set up the test database.
    """

    handler: WSGIHandler | None = None

    def __call__(self, environ, start_response):
        if self.handler is None:
            self.handler = WSGIHandler()
        # Every real server sets the peer address; the test client leaves it out.
        environ.setdefault("REMOTE_ADDR", "127.0.0.1")
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = self.handler(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [body]


SCHEMA = schemathesis.from_dict(yaml.safe_load(generate_contract().text), app=_Application())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def _collection_param(operation) -> tuple[str, str] | None:
    """For `/api/v1/things/{id}/...`: the list path `/api/v1/things/` and the parameter `id`."""
    path = operation.path
    if "{" not in path:
        return None
    collection, rest = path.split("{", 1)
    return collection, rest.split("}", 1)[0]


@pytest.fixture
def network(org_a, org_b, alice, bob, anna, olga):
    """Organizations of every visibility, contact points of every visibility and status,
    country profiles; and who calls: nobody, alice (coordinator of A) and olga (admin)."""
    public_org = OrganizationFactory(name="Open Door (example data)", slug="open-door", visibility="public")
    OrganizationFactory(name="Quiet Room (example data)", slug="quiet-room", visibility="restricted")
    for org in (public_org, org_a, org_b):
        for visibility in ("public", "network", "restricted"):
            ContactPointFactory(organization=org, visibility=visibility)
    ContactPointFactory(organization=org_a, status="paused")
    ContactPointFactory(organization=org_b, status="compromised")
    CountryFactory(code="DE")
    CountryFactory(code="RU", conscription="Universal, 18 to 30 (example data).")

    headers = {"anonymous": {}}
    for role, user in (("coordinator", alice), ("admin", olga)):
        headers[role] = {"Authorization": f"Bearer {login(APIClient(), user.username)['access']}"}
    return headers


def existing_values(collection: str, param: str, admin_headers: dict) -> list:
    """The `param` of every object in `collection` that the admin sees (first page)."""
    admin = APIClient()
    admin.credentials(HTTP_AUTHORIZATION=admin_headers["Authorization"])
    response = admin.get(collection, {"page_size": 100})
    if response.status_code != 200:
        return []
    items = response.json().get("results", [])
    return [item[param] for item in items if isinstance(item, dict) and param in item]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.verbose_name)
def test_the_operation_answers_as_documented(operation, role, network):
    key = _collection_param(operation)
    existing = existing_values(*key, network["admin"]) if key else []
    turned_away = role == "anonymous" and not anonymous_allowed(SCHEMA.raw_schema, operation.definition.raw)
    examples = EXAMPLES_TURNED_AWAY if turned_away else EXAMPLES_PER_OPERATION

    @settings(HYPOTHESIS, max_examples=examples)
    @given(case=operation.as_strategy(), data=st.data())
    def call(case, data):
        if existing:
            param = key[1]
            case.path_parameters[param] = data.draw(
                st.sampled_from([*existing, case.path_parameters[param]]), label=param
            )
        if case.headers and role == "anonymous":
            case.headers.pop("Authorization", None)
        response = case.call(headers=network[role])
        case.validate_response(response, checks=CHECKS)
        if turned_away:
            assert response.status_code >= 400, (
                f"{operation.verbose_name} answered {response.status_code} to an anonymous client, "
                "but the contract says it needs a token."
            )

    call()
