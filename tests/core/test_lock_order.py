"""Writers take the feed lock before any row lock, so two writes never deadlock.

An admin editing an organization locks its row; a coordinator adding a contact point to it
holds the feed lock and, when it commits, needs a share lock on the organization for the
foreign key. Had the edit locked the row before the feed, each would wait for the other.
"""

import pytest

from organizations.models import ContactPoint, Organization
from tests.concurrency import at_once, needs_postgresql, signed_in, statuses
from tests.factories import OrganizationFactory, UserFactory, person_in

ROUNDS = 10


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_an_organization_edit_racing_a_contact_point_create_never_deadlocks():
    org = OrganizationFactory(slug="race", visibility="network")
    UserFactory(username="olga", is_staff=True)
    person_in(org, "rita", "coordinator")
    admin, coordinator = signed_in("olga"), signed_in("rita")
    url = f"/api/v1/organizations/{org.pk}/"
    answers = []
    for round_ in range(ROUNDS):
        edit = {"description": f"round {round_}"}
        contact = {"organization": org.pk, "channel": "phone", "value": f"+49 30 12345{round_:02}"}
        answers += at_once(
            lambda edit=edit: admin.patch(url, edit, format="json"),
            lambda contact=contact: coordinator.post(
                "/api/v1/contact-points/", {**contact, "languages": ["ru"]}, format="json"
            ),
        )
    assert statuses(answers) == [200] * ROUNDS + [201] * ROUNDS
    assert ContactPoint.objects.filter(organization=org).count() == ROUNDS
    assert Organization.objects.get(pk=org.pk).description == f"round {ROUNDS - 1}"
