"""The one way every domain's permission matrix states who may do what.

A matrix is a table: for each object, who of the cast (tests/conftest.py) sees it and who
may change it. The statuses the API must answer follow from that table by one rule,
written here once for every domain (docs/design.md, rules 3 and 4):

- read: seen → 200 on detail and present in the list; not seen → 404 and absent;
- write: anonymous → 401; not seen → 404 (never a telling 403); seen but not yours → 403;
  yours → the success status.

A matrix names people the way `client_of` does, so `client_of(who)` signs them in.
"""

import pytest

NOBODY = "nobody"
"""The anonymous caller."""

CAST = ("nobody", "oscar", "anna", "alice", "bob", "chris", "carol", "olga")
"""Everyone a matrix may name, from the least to the most trusted."""

MEMBERS_CAST = ("nobody", "anna", "alice", "bob", "chris", "carol", "olga")
"""The cast of organizations A, B and C, all network-visible: anna (member of A), alice
(coordinator of A), bob (coordinator of B), chris (member of C), carol (coordinator of C),
olga (admin) and nobody (anonymous)."""


def read_status(who: str, seen_by) -> int:
    """What a detail request answers: the object, or exactly what a missing one answers."""
    return 200 if who in seen_by else 404


def write_status(who: str, seen_by, writers, success: int = 200) -> int:
    """Anonymous 401; not seen 404 (never a telling 403); seen but not yours 403; yours 2xx."""
    if who == NOBODY:
        return 401
    if who not in seen_by:
        return 404
    return success if who in writers else 403


def cases(names, cast=CAST) -> list:
    """One test case per (row of the table, person of the cast), named "row-person"."""
    return [pytest.param(name, who, id=f"{name}-{who}") for name in names for who in cast]


def rows(queryset, *fields) -> list:
    """Everything a refused request could have touched, to compare before and after."""
    return list(queryset.order_by("pk").values_list(*fields))


def check_read(client, list_url: str, obj, seen: bool) -> None:
    """`obj` is 200 on detail and in the list for whoever sees it; 404 and absent for anyone else."""
    assert client.get(f"{list_url}{obj.id}/").status_code == (200 if seen else 404)
    listed = client.get(f"{list_url}?page_size=100")
    assert listed.status_code == 200
    assert (obj.id in {item["id"] for item in listed.data["results"]}) == seen


def check_write(client, list_url: str, obj, change: dict, expected: int) -> None:
    """A PATCH of `change` answers `expected`, and the row changed only if it succeeded."""
    response = client.patch(f"{list_url}{obj.id}/", change, format="json")
    assert response.status_code == expected, response.content
    obj.refresh_from_db()
    field, value = next(iter(change.items()))
    assert (getattr(obj, field) == value) == (expected == 200)
