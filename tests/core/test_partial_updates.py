"""A PATCH answers the whole representation, as a GET does.

A name read through a relation that is empty (an event outside any campaign, a ledger entry
without one) is `null` in both answers; a partial
update used to leave it out, which breaks clients that read it as required.
"""

import pytest

from tests.factories import EventFactory, LedgerEntryFactory


@pytest.fixture
def objects(org_a):
    return {
        "event": (
            f"/api/v1/events/{EventFactory(organization=org_a, campaign=None).id}/",
            {"title": "Moved"},
        ),
        "entry": (
            f"/api/v1/funding/entries/{LedgerEntryFactory(recipient=org_a, campaign=None).id}/",
            {"purpose": "Rent."},
        ),
    }


@pytest.mark.parametrize(
    ("kind", "writer", "empty_name"),
    [
        ("event", "alice", "campaign_name"),
        ("entry", "olga", "campaign_name"),
    ],
)
def test_a_partial_update_answers_every_field_a_read_does(objects, client_of, kind, writer, empty_name):
    url, change = objects[kind]
    client = client_of(writer)
    patched = client.patch(url, change, format="json")
    assert patched.status_code == 200, patched.content
    read = client.get(url).json()
    assert set(patched.json()) == set(read)
    assert patched.json()[empty_name] is None
