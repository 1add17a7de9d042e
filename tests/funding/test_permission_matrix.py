"""Who may read and write ledger entries, as one table.

The cast is `tests.matrix.MEMBERS_CAST`; the statuses follow from the table by the one rule
in tests/matrix.py. Each failed write leaves the row as it was.
"""

import pytest

from tests.factories import LedgerEntryFactory
from tests.matrix import MEMBERS_CAST, cases, check_read, check_write, write_status

pytestmark = pytest.mark.django_db

CAST = MEMBERS_CAST


@pytest.fixture
def world(org_a, org_b):
    """A grant to A and money collected for the network, with the list they appear in."""
    return {
        "grant": ("/api/v1/funding/entries/", LedgerEntryFactory(recipient=org_a), {"purpose": "Changed"}),
        "collected": (
            "/api/v1/funding/entries/",
            LedgerEntryFactory(kind="collected", recipient=None),
            {"purpose": "Changed"},
        ),
    }


A_SIDE = frozenset({"anna", "alice", "olga"})
ADMIN = frozenset({"olga"})

# Who sees each object (in the list, 200 on detail; everyone else: absent, 404) and who may change it.
SEEN_BY = {
    "grant": A_SIDE,  # the recipient and admins
    "collected": ADMIN,
}
WRITERS = {
    "grant": ADMIN,
    "collected": ADMIN,
}


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY, CAST))
def test_reading(client_of, world, name, who):
    list_url, obj, _ = world[name]
    check_read(client_of(who), list_url, obj, who in SEEN_BY[name])


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY, CAST))
def test_writing(client_of, world, name, who):
    list_url, obj, change = world[name]
    check_write(client_of(who), list_url, obj, change, write_status(who, SEEN_BY[name], WRITERS[name]))
