"""The funding ledger: entries for admins and recipients, totals for everyone."""

import pytest

from tests.factories import LedgerEntryFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/funding/entries/"


@pytest.fixture
def ledger(org_a, org_b):
    return {
        "collected": LedgerEntryFactory(kind="collected", recipient=None, amount="200000.00"),
        "to_a": LedgerEntryFactory(recipient=org_a, amount="90000.00"),
        "to_b": LedgerEntryFactory(recipient=org_b, amount="70000.00"),
        "usd": LedgerEntryFactory(kind="collected", recipient=None, amount="1500.00", currency="USD"),
    }


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("olga", {"collected", "to_a", "to_b", "usd"}),
        ("alice", {"to_a"}),
        ("anna", {"to_a"}),
        ("bob", {"to_b"}),
        ("carol", set()),
        ("nobody", set()),
    ],
)
def test_entries_are_seen_by_admins_and_their_recipient(client_of, ledger, who, sees):
    response = client_of(who).get(URL)
    assert response.status_code == 200
    by_id = {entry.id: name for name, entry in ledger.items()}
    assert {by_id[item["id"]] for item in response.data["results"]} == sees
    for name, entry in ledger.items():
        assert client_of(who).get(f"{URL}{entry.id}/").status_code == (200 if name in sees else 404)


def test_the_public_sees_totals_per_currency_only(api, ledger):
    response = api.get("/api/v1/funding/totals/")
    assert response.status_code == 200
    assert response.data["totals"] == [
        {
            "currency": "EUR",
            "collected": "200000.00",
            "granted": "160000.00",
            "balance": "40000.00",
            "grants": 2,
        },
        {"currency": "USD", "collected": "1500.00", "granted": "0.00", "balance": "1500.00", "grants": 0},
    ]


def test_only_admins_write_and_grants_need_a_recipient(as_user, alice, olga, org_a):
    grant = {
        "kind": "grant",
        "amount": "5000.00",
        "currency": "EUR",
        "date": "2026-11-20",
        "purpose": "Lawyers",
    }
    assert as_user(alice).post(URL, {**grant, "recipient": org_a.id}, format="json").status_code == 403
    admin = as_user(olga)
    missing = admin.post(URL, grant, format="json")
    assert missing.status_code == 400 and missing.data["errors"][0]["attr"] == "recipient"
    collected_with_recipient = admin.post(
        URL, {**grant, "kind": "collected", "recipient": org_a.id}, format="json"
    )
    assert collected_with_recipient.status_code == 400
    assert (
        admin.post(URL, {**grant, "recipient": org_a.id, "currency": "XYZ"}, format="json").status_code == 400
    )
    assert admin.post(URL, {**grant, "recipient": org_a.id, "amount": "-5"}, format="json").status_code == 400
    created = admin.post(URL, {**grant, "recipient": org_a.id, "reference": "G-1"}, format="json")
    assert created.status_code == 201, created.content
    assert (
        admin.post(URL, {**grant, "recipient": org_a.id, "reference": "G-1"}, format="json").status_code
        == 400
    )
    assert (
        as_user(alice).patch(f"{URL}{created.data['id']}/", {"amount": "9.00"}, format="json").status_code
        == 403
    )


def test_the_ledger_keeps_a_grant_when_its_recipient_is_deleted(as_user, olga, org_a, api):
    grant = LedgerEntryFactory(recipient=org_a, amount="2500.00")
    admin = as_user(olga)
    assert admin.delete(f"/api/v1/organizations/{org_a.id}/").status_code == 204
    kept = admin.get(f"{URL}{grant.id}/").data
    assert (kept["recipient"], kept["recipient_name"], kept["amount"]) == (
        None,
        "Alpha Counseling",
        "2500.00",
    )
    assert api.get("/api/v1/funding/totals/").data["totals"][0]["granted"] == "2500.00"
