"""Who may read and write campaigns and events, as one table.

The cast is `tests.matrix.MEMBERS_CAST`; the statuses follow from the table by the one rule
in tests/matrix.py. Each failed write leaves the row as it was.
"""

import pytest

from tests.factories import CampaignFactory, EventFactory
from tests.matrix import MEMBERS_CAST, cases, check_read, check_write, write_status

pytestmark = pytest.mark.django_db

CAST = MEMBERS_CAST


@pytest.fixture
def world(org_a, org_b):
    """One object of each kind, owned by A or by the network office, with the list it appears in."""
    campaign = CampaignFactory(visibility="network")
    return {
        "campaign": ("/api/v1/campaigns/", campaign, {"description": "Changed"}),
        "event": (
            "/api/v1/events/",
            EventFactory(organization=org_a, campaign=campaign),
            {"title": "Renamed"},
        ),
        "restricted_event": (
            "/api/v1/events/",
            EventFactory(organization=org_a, campaign=campaign, visibility="restricted"),
            {"title": "Renamed"},
        ),
    }


EVERYONE = frozenset(CAST)
NETWORK = EVERYONE - {"nobody"}
A_SIDE = frozenset({"anna", "alice", "olga"})
ADMIN = frozenset({"olga"})

# Who sees each object (in the list, 200 on detail; everyone else: absent, 404) and who may change it.
SEEN_BY = {
    "campaign": NETWORK,
    "event": NETWORK,
    "restricted_event": A_SIDE,
}
WRITERS = {
    "campaign": ADMIN,
    "event": {"alice", "olga"},
    "restricted_event": {"alice", "olga"},
}


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY, CAST))
def test_reading(client_of, world, name, who):
    list_url, obj, _ = world[name]
    check_read(client_of(who), list_url, obj, who in SEEN_BY[name])


@pytest.mark.parametrize(("name", "who"), cases(SEEN_BY, CAST))
def test_writing(client_of, world, name, who):
    list_url, obj, change = world[name]
    check_write(client_of(who), list_url, obj, change, write_status(who, SEEN_BY[name], WRITERS[name]))
