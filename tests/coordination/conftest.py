"""A third organization for coordination tests, beside A (anna, alice) and B (bob).

- carol: coordinator of C — a bystander: must never see a response between A and B.
- chris: member of C — likewise.
"""

import pytest

from accounts.models import Membership

from ..factories import OrganizationFactory, person_in


@pytest.fixture
def org_c(db):
    return OrganizationFactory(name="Charlie Shelter", slug="charlie", visibility="network")


@pytest.fixture
def carol(org_c):
    return person_in(org_c, "carol", Membership.Role.COORDINATOR)


@pytest.fixture
def chris(org_c):
    return person_in(org_c, "chris")


@pytest.fixture
def client_of(api, as_user, anna, alice, bob, olga, carol, chris):
    """`client_of("bob")`: a signed-in client for one of the cast, or the anonymous client for "nobody"."""
    cast = {"anna": anna, "alice": alice, "bob": bob, "olga": olga, "carol": carol, "chris": chris}
    cache = {}

    def make(name: str):
        if name == "nobody":
            return api
        if name not in cache:
            cache[name] = as_user(cast[name])
        return cache[name]

    return make
