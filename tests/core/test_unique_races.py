"""Racing creates of one unique value: one wins, the others are told 409 (or 400), never 500.

The serializers check uniqueness before writing, but two requests can both pass the check
before either commits; the database's unique constraint then decides, and the loser's
`IntegrityError` is answered as a conflict naming the fields of the constraint.
"""

from uuid import uuid4

import pytest
from django.db import IntegrityError, transaction

from core.uniqueness import unique_race
from organizations.models import Organization
from resources.models import ResourceResponse
from tests.concurrency import at_once, needs_postgresql, signed_in, statuses
from tests.factories import OrganizationFactory, ResourceFactory, UserFactory, person_in

RACERS = 10


def assert_one_created(answers, attrs: set[str]) -> None:
    codes = statuses(answers)
    assert codes.count(201) == 1 and set(codes) <= {201, 400, 409}, codes
    for answer in answers:
        if answer.status_code == 409:
            problem = answer.json()
            assert problem["type"] == "/api/problems/conflict" and problem["status"] == 409
            assert {error["attr"] for error in problem["errors"]} == attrs
            assert {error["code"] for error in problem["errors"]} == {"unique"}


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_racing_organizations_with_one_slug_make_one():
    UserFactory(username="olga", is_staff=True)
    clients = [signed_in("olga") for _ in range(RACERS)]
    body = {"name": "Delta Shelter (example data)", "slug": "delta"}
    # Half of them as the app's outbox sends writes, under an Idempotency-Key of their own.
    keys = [{"HTTP_IDEMPOTENCY_KEY": str(uuid4())} if n % 2 else {} for n in range(RACERS)]
    answers = at_once(
        *(
            lambda client=client, key=key: client.post("/api/v1/organizations/", body, format="json", **key)
            for client, key in zip(clients, keys, strict=True)
        )
    )
    assert_one_created(answers, {"slug"})
    assert Organization.objects.filter(slug="delta").count() == 1


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_racing_responses_of_one_organization_make_one():
    alpha, bravo = OrganizationFactory(visibility="network"), OrganizationFactory(visibility="network")
    offer = ResourceFactory(organization=alpha, title="Shelter beds in Berlin (example data)")
    person_in(bravo, "bob", "coordinator")
    clients = [signed_in("bob") for _ in range(RACERS)]
    body = {"resource": offer.pk, "organization": bravo.pk, "message": "We need two beds."}
    answers = at_once(
        *(lambda client=client: client.post("/api/v1/responses/", body, format="json") for client in clients)
    )
    assert_one_created(answers, {"resource", "organization"})
    assert ResourceResponse.objects.filter(resource=offer, organization=bravo).count() == 1


def refusal_of(create):
    """The database's refusal of `create` run a second time."""
    create()
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        create()
    return unique_race(refused.value)


def test_a_refused_unique_field_is_read_back_to_its_field(db):
    """On either database: SQLite and PostgreSQL report a violation differently."""
    race = refusal_of(lambda: Organization.objects.create(name="Delta", slug="delta"))
    assert race is not None and race.status_code == 409 and list(race.detail) == ["slug"]


def test_a_refused_unique_constraint_is_read_back_to_its_fields(db):
    offer, bravo = ResourceFactory(), OrganizationFactory()
    race = refusal_of(
        lambda: ResourceResponse.objects.create(resource=offer, organization=bravo, message="Twice.")
    )
    assert race is not None and list(race.detail) == ["resource", "organization"]


def test_other_integrity_errors_are_not_conflicts(db):
    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        ResourceResponse.objects.create(resource_id=None, organization=OrganizationFactory(), message="x")
    assert unique_race(refused.value) is None
