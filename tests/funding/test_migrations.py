"""The funding migrations run backwards, or say plainly why they cannot.

Deleting a grant's recipient keeps the grant (its recipient's name is copied, 0002); going back
to 0001 would bring back the rule that every grant names a recipient. Rather than failing
halfway on the constraint, the reversal refuses with what to do.
"""

import pytest
from django.db import connection
from django.db.migrations.exceptions import IrreversibleError
from django.db.migrations.executor import MigrationExecutor

from funding.models import LedgerEntry
from tests.factories import LedgerEntryFactory, OrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("funding", "0001_initial")]
AFTER_0002 = [("funding", "0002_recipient_name_survives_deletion")]


def migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.fixture
def back_to_the_latest():
    yield
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


def test_going_back_keeps_grants_whose_recipient_still_exists(back_to_the_latest):
    grant = LedgerEntryFactory(recipient=OrganizationFactory(slug="delta"))
    migrate(BEFORE)
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert LedgerEntry.objects.get().recipient_id == grant.recipient_id


def test_going_back_is_refused_with_a_reason_once_a_recipient_was_deleted(back_to_the_latest):
    recipient = OrganizationFactory(slug="delta")
    LedgerEntryFactory(recipient=recipient)
    recipient.delete()
    migrate(AFTER_0002)  # later migrations add columns this test does not read
    with pytest.raises(IrreversibleError, match=r"1 grant.*lost their recipient"):
        migrate(BEFORE)
    # Nothing of 0002 was undone: the grant and the name it kept are there.
    assert list(LedgerEntry.objects.values_list("recipient", "recipient_name")) == [(None, recipient.name)]
