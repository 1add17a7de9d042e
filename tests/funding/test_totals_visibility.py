"""The public totals count a grant to a restricted organization only for those who may see it.

One grant in a rare currency would otherwise tell anyone its amount, and that an organization
they cannot see exists and was funded (docs/design.md rule 3). Money collected, and grants to
organizations known to the network, are the campaign's published figures and count for all.
"""

import pytest

from tests.factories import LedgerEntryFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/funding/totals/"


@pytest.fixture
def ledger(org_a, org_c):
    org_c.visibility = "restricted"
    org_c.save()
    LedgerEntryFactory(kind="collected", recipient=None, amount="5000.00")
    LedgerEntryFactory(recipient=org_a, amount="1000.00")
    LedgerEntryFactory(recipient=org_c, amount="700.00", currency="ISK")
    LedgerEntryFactory(recipient=org_c, amount="300.00")


def totals(client) -> dict:
    response = client.get(URL)
    assert response.status_code == 200
    return {row["currency"]: row for row in response.data["totals"]}


@pytest.mark.parametrize("who", ["nobody", "oscar", "bob"])
def test_grants_to_a_restricted_organization_are_left_out_for_those_who_cannot_see_it(client_of, ledger, who):
    seen = totals(client_of(who))
    assert set(seen) == {"EUR"}
    assert (seen["EUR"]["granted"], seen["EUR"]["grants"], seen["EUR"]["balance"]) == (
        "1000.00",
        1,
        "4000.00",
    )


@pytest.mark.parametrize("who", ["chris", "olga"])
def test_those_who_may_see_it_count_them(client_of, ledger, who):
    seen = totals(client_of(who))
    assert (seen["EUR"]["granted"], seen["EUR"]["grants"]) == ("1300.00", 2)
    assert (seen["ISK"]["granted"], seen["ISK"]["grants"]) == ("700.00", 1)
