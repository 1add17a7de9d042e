"""The network office's Django admin opens every coordination model without errors."""

import pytest

from tests.factories import EventFactory, LedgerEntryFactory, ResponseFactory

pytestmark = pytest.mark.django_db

EDITABLE = [
    "resources/resource",
    "resources/resourceresponse",
    "funding/ledgerentry",
    "campaigns/campaign",
    "campaigns/event",
]
READ_ONLY = ["campaigns/calendarfeed", "inbox/notification"]


@pytest.fixture
def rows(db):
    response, event = ResponseFactory(), EventFactory()
    return {
        "resources/resource": response.resource,
        "resources/resourceresponse": response,
        "funding/ledgerentry": LedgerEntryFactory(),
        "campaigns/campaign": event.campaign,
        "campaigns/event": event,
    }


@pytest.mark.parametrize("model", EDITABLE + READ_ONLY)
def test_the_admin_lists_each_model(admin_client, rows, model):
    assert admin_client.get(f"/admin/{model}/").status_code == 200


@pytest.mark.parametrize("model", EDITABLE)
def test_the_admin_opens_the_add_and_change_forms(admin_client, rows, model):
    assert admin_client.get(f"/admin/{model}/add/").status_code == 200
    assert admin_client.get(f"/admin/{model}/{rows[model].pk}/change/").status_code == 200
