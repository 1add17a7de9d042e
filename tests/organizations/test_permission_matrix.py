"""Who may see and change organizations, contact points and country profiles (docs/design.md,
"Who may see what"), proved once for every endpoint.

One world, one table. The "A side" is three organizations run by the same people:
Alpha (public), Alpha Network (network) and Alpha Inner Circle (restricted). anna is a
member of all three and alice coordinates all three. Bravo (network) is bob's. oscar has
an account but belongs to no organization, so he is not in the network. olga is the
network office. Each object in the table names who sees it; everything else follows:

- read: seen → in the list and 200 on detail; not seen → absent and 404 (never 403);
- write: anonymous 401; not seen 404; seen but not yours to change 403; yours 2xx.

Each failed write leaves the database row exactly as it was.
"""

from dataclasses import dataclass

import pytest

from accounts.models import Membership
from countries.models import Country
from organizations.models import ContactPoint, Organization
from tests.etags import version_in
from tests.factories import (
    ContactPointFactory,
    CountryFactory,
    MembershipFactory,
    OrganizationFactory,
)
from tests.matrix import NOBODY, write_status

# The roles of this table, played by the cast of tests/conftest.py.
ANONYMOUS = NOBODY
OUTSIDER = "oscar"
MEMBER_A = "anna"
COORDINATOR_A = "alice"
COORDINATOR_B = "bob"
ADMIN = "olga"
ACTORS = [ANONYMOUS, OUTSIDER, MEMBER_A, COORDINATOR_A, COORDINATOR_B, ADMIN]

EVERYONE = frozenset(ACTORS)
NETWORK = frozenset({MEMBER_A, COORDINATOR_A, COORDINATOR_B, ADMIN})
A_SIDE = frozenset({MEMBER_A, COORDINATOR_A, ADMIN})
B_SIDE = frozenset({COORDINATOR_B, ADMIN})

COORDINATORS = {"A": COORDINATOR_A, "B": COORDINATOR_B}

ENDPOINTS = {
    "organizations": Organization,
    "contact-points": ContactPoint,
    "countries": Country,
}


@dataclass(frozen=True)
class Obj:
    """One object of the world: where it lives, who sees it and which side owns it."""

    key: str
    endpoint: str
    seen_by: frozenset
    side: str | None = None

    def __str__(self) -> str:
        return self.key


OBJECTS = [
    Obj("org_public", "organizations", EVERYONE, "A"),
    Obj("org_network", "organizations", NETWORK, "A"),
    Obj("org_restricted", "organizations", A_SIDE, "A"),
    Obj("org_b", "organizations", NETWORK, "B"),
    Obj("cp_public", "contact-points", EVERYONE, "A"),
    Obj("cp_network", "contact-points", NETWORK, "A"),
    Obj("cp_restricted", "contact-points", A_SIDE, "A"),
    Obj("cp_compromised", "contact-points", A_SIDE, "A"),
    Obj("cp_paused", "contact-points", A_SIDE, "A"),
    # docs/design.md, rule 1: a public contact point is never more visible than its organization.
    Obj("cp_public_in_network_org", "contact-points", NETWORK, "A"),
    Obj("cp_public_in_restricted_org", "contact-points", A_SIDE, "A"),
    Obj("cp_b_network", "contact-points", NETWORK, "B"),
    Obj("cp_b_restricted", "contact-points", B_SIDE, "B"),
    Obj("cp_b_compromised", "contact-points", B_SIDE, "B"),
    Obj("country_de", "countries", EVERYONE),
    Obj("country_ua", "countries", EVERYONE),
]

CHANGES = {
    "organizations": ("description", "Changed by the matrix (example data)."),
    "contact-points": ("label", "Changed by the matrix (example data)"),
    "countries": ("conscription", "Changed by the matrix (example data)."),
}
SUCCESS = {"update": 200, "replace": 200, "delete": 204, "verify": 200}


def writers(obj: Obj, op: str) -> frozenset:
    """Who may change `obj` with `op`: the network office always; coordinators of its side,
    except for what only the network office does (deleting organizations, country profiles)."""
    if obj.endpoint == "countries" or (obj.endpoint == "organizations" and op == "delete"):
        return frozenset({ADMIN})
    return frozenset({ADMIN, COORDINATORS[obj.side]})


def expected_write(actor: str, obj: Obj, op: str) -> int:
    return write_status(actor, obj.seen_by, writers(obj, op), SUCCESS[op])


def ident(value):
    return str(value)


# ---------------------------------------------------------------------------
# The world
# ---------------------------------------------------------------------------
@pytest.fixture
def world(org_a, org_b, anna, alice, bob, olga, oscar):
    org_a.visibility = "public"
    org_a.save()
    org_network = OrganizationFactory(name="Alpha Network", slug="alpha-network", visibility="network")
    org_restricted = OrganizationFactory(
        name="Alpha Inner Circle", slug="alpha-inner", visibility="restricted", countries=["LT"]
    )
    for org in (org_network, org_restricted):
        MembershipFactory(user=anna, organization=org)
        MembershipFactory(user=alice, organization=org, role=Membership.Role.COORDINATOR)

    def contact(key, organization, **kwargs):
        kwargs.setdefault("label", f"Contact {key.replace('_', ' ')} (example data)")
        return ContactPointFactory(organization=organization, **kwargs)

    objects = {
        "org_public": org_a,
        "org_network": org_network,
        "org_restricted": org_restricted,
        "org_b": org_b,
        "cp_public": contact("cp_public", org_a, visibility="public"),
        "cp_network": contact("cp_network", org_a, visibility="network"),
        "cp_restricted": contact("cp_restricted", org_a, visibility="restricted"),
        "cp_compromised": contact("cp_compromised", org_a, visibility="public", status="compromised"),
        "cp_paused": contact("cp_paused", org_a, visibility="public", status="paused"),
        "cp_public_in_network_org": contact("cp_public_in_network_org", org_network, visibility="public"),
        "cp_public_in_restricted_org": contact(
            "cp_public_in_restricted_org", org_restricted, visibility="public", countries=["LT"]
        ),
        "cp_b_network": contact("cp_b_network", org_b, visibility="network"),
        "cp_b_restricted": contact("cp_b_restricted", org_b, visibility="restricted"),
        "cp_b_compromised": contact("cp_b_compromised", org_b, visibility="public", status="compromised"),
        "country_de": CountryFactory(code="DE"),
        "country_ua": CountryFactory(code="UA", conscription="Mobilization in force (example data)."),
    }
    assert set(objects) == {o.key for o in OBJECTS}
    return objects


def url_of(endpoint: str, instance) -> str:
    key = instance.code if endpoint == "countries" else instance.pk
    return f"/api/v1/{endpoint}/{key}/"


def list_key(endpoint: str, instance):
    return str(instance.code) if endpoint == "countries" else instance.pk


def result_keys(endpoint: str, response) -> list:
    field = "code" if endpoint == "countries" else "id"
    return [item[field] for item in response.data["results"]]


def row(endpoint: str, instance) -> dict | None:
    return ENDPOINTS[endpoint]._base_manager.filter(pk=instance.pk).values().first()


def seen(actor: str, endpoint: str, world: dict) -> set:
    return {
        list_key(endpoint, world[o.key]) for o in OBJECTS if o.endpoint == endpoint and actor in o.seen_by
    }


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("obj", OBJECTS, ids=ident)
@pytest.mark.parametrize("actor", ACTORS)
def test_it_lists_an_object_only_to_those_who_may_see_it(world, client_of, actor, obj):
    response = client_of(actor).get(f"/api/v1/{obj.endpoint}/", {"page_size": 100})
    assert response.status_code == 200
    present = list_key(obj.endpoint, world[obj.key]) in result_keys(obj.endpoint, response)
    assert present == (actor in obj.seen_by)


@pytest.mark.parametrize("obj", OBJECTS, ids=ident)
@pytest.mark.parametrize("actor", ACTORS)
def test_it_answers_detail_with_200_or_404_never_403(world, client_of, actor, obj):
    response = client_of(actor).get(url_of(obj.endpoint, world[obj.key]))
    assert response.status_code == (200 if actor in obj.seen_by else 404)
    if response.status_code == 200:
        assert version_in(response["ETag"]) == world[obj.key].version


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("actor", ACTORS)
def test_the_count_counts_only_what_the_viewer_may_see(world, client_of, actor, endpoint):
    client = client_of(actor)
    expected = seen(actor, endpoint, world)
    full = client.get(f"/api/v1/{endpoint}/", {"page_size": 100})
    assert full.data["count"] == len(expected)
    assert set(result_keys(endpoint, full)) == expected
    # Small pages add up to the same set, and every page tells the same count.
    keys, page = [], 1
    while True:
        response = client.get(f"/api/v1/{endpoint}/", {"page_size": 1, "page": page})
        assert response.status_code == 200
        assert response.data["count"] == len(expected)
        keys += result_keys(endpoint, response)
        if response.data["next"] is None:
            break
        page += 1
    assert sorted(map(str, keys)) == sorted(map(str, expected))


# ---------------------------------------------------------------------------
# Filters, search, ordering and page size never widen the view
# ---------------------------------------------------------------------------
def contact_queries(world):
    """(query, rows of the whole database it selects, before visibility)."""
    cps = ContactPoint.objects.all()
    return [
        ({"status": "compromised"}, cps.filter(status="compromised")),
        ({"status": "paused"}, cps.filter(status="paused")),
        ({"visibility": "restricted"}, cps.filter(visibility="restricted")),
        ({"organization": world["org_public"].pk}, cps.filter(organization=world["org_public"])),
        ({"organization": world["org_restricted"].pk}, cps.filter(organization=world["org_restricted"])),
        ({"organization_slug": "alpha-inner"}, cps.filter(organization=world["org_restricted"])),
        ({"q": "compromised"}, cps.filter(label__icontains="compromised")),
        ({"q": "Inner Circle"}, cps.filter(organization=world["org_restricted"])),
        ({"q": "restricted"}, cps.filter(label__icontains="restricted")),
        ({"country": "LT"}, cps.filter(countries__contains="LT")),
        ({"stale": "true"}, cps),
        ({"ordering": "-updated_at"}, cps),
        ({"ordering": "channel", "page_size": 100}, cps),
    ]


def organization_queries(world):
    orgs = Organization.objects.all()
    return [
        ({"visibility": "restricted"}, orgs.filter(visibility="restricted")),
        ({"visibility": "network"}, orgs.filter(visibility="network")),
        ({"q": "Inner"}, orgs.filter(name__icontains="Inner")),
        ({"q": "alpha"}, orgs.filter(name__icontains="alpha")),
        ({"country": "LT"}, orgs.filter(countries__contains="LT")),
        ({"verified": "false"}, orgs.filter(verified=False)),
        ({"ordering": "-updated_at", "page_size": 100}, orgs),
    ]


@pytest.mark.parametrize("actor", ACTORS)
def test_no_contact_point_filter_reveals_what_the_viewer_may_not_see(world, client_of, actor):
    client = client_of(actor)
    visible = seen(actor, "contact-points", world)
    for params, selected in contact_queries(world):
        response = client.get("/api/v1/contact-points/", {"page_size": 100, **params})
        assert response.status_code == 200, (params, response.data)
        expected = set(selected.values_list("pk", flat=True)) & visible
        assert set(result_keys("contact-points", response)) == expected, params
        assert response.data["count"] == len(expected), params


@pytest.mark.parametrize("actor", ACTORS)
def test_no_organization_filter_reveals_what_the_viewer_may_not_see(world, client_of, actor):
    client = client_of(actor)
    visible = seen(actor, "organizations", world)
    for params, selected in organization_queries(world):
        response = client.get("/api/v1/organizations/", {"page_size": 100, **params})
        assert response.status_code == 200, (params, response.data)
        expected = set(selected.values_list("pk", flat=True)) & visible
        assert set(result_keys("organizations", response)) == expected, params
        assert response.data["count"] == len(expected), params


def test_a_hidden_contact_cannot_be_found_by_its_value(world, client_of):
    hidden = world["cp_b_restricted"]
    for actor in (ANONYMOUS, OUTSIDER, MEMBER_A, COORDINATOR_A):
        response = client_of(actor).get("/api/v1/contact-points/", {"q": hidden.value})
        assert response.data["count"] == 0
        assert response.data["results"] == []
    response = client_of(COORDINATOR_B).get("/api/v1/contact-points/", {"q": hidden.value})
    assert result_keys("contact-points", response) == [hidden.pk]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------
def send(client, op: str, obj: Obj, instance):
    url = url_of(obj.endpoint, instance)
    field, value = CHANGES[obj.endpoint]
    if op == "update":
        return client.patch(url, {field: value}, format="json")
    if op == "replace":
        if obj.endpoint == "contact-points":
            body = {
                "organization": instance.organization_id,
                "channel": instance.channel,
                "value": instance.value,
                "languages": ["ru", "en"],
            }
        elif obj.endpoint == "organizations":
            body = {"name": instance.name, "slug": instance.slug}
        else:
            body = {"code": str(instance.code)}
        return client.put(url, {**body, field: value}, format="json")
    if op == "delete":
        return client.delete(url)
    return client.post(f"{url}verify/")


WRITES = [(obj, op) for obj in OBJECTS for op in ("update", "replace", "delete")] + [
    (obj, "verify") for obj in OBJECTS if obj.endpoint == "contact-points"
]


@pytest.mark.parametrize(("obj", "op"), WRITES, ids=lambda v: str(v))
@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_right_roles_change_an_object(world, client_of, actor, obj, op):
    instance = world[obj.key]
    before = row(obj.endpoint, instance)
    response = send(client_of(actor), op, obj, instance)
    expected = expected_write(actor, obj, op)
    assert response.status_code == expected, response.data
    after = row(obj.endpoint, instance)
    if expected >= 400:
        assert after == before, "a refused write changed the database"
        return
    if op == "delete":
        assert after is None
        return
    assert after["version"] == before["version"] + 1
    if op == "verify":
        assert after["last_verified_at"] is not None
        assert before["last_verified_at"] is None
    else:
        field, value = CHANGES[obj.endpoint]
        assert after[field] == value


def create_body(endpoint: str, world: dict, target: str | None) -> dict:
    if endpoint == "contact-points":
        return {
            "organization": world[target].pk,
            "channel": "telegram",
            "value": "https://t.me/matrix_help",
            "languages": ["ru"],
            "label": "Created by the matrix (example data)",
        }
    if endpoint == "organizations":
        return {"name": "Delta Shelter (example data)", "slug": "delta", "visibility": "public"}
    return {"code": "GE", "conscription": "Conscription in force (example data)."}


def expected_create(actor: str, endpoint: str, target: str | None) -> int:
    if actor == ANONYMOUS:
        return 401
    if actor == ADMIN:
        return 201
    if endpoint != "contact-points" or actor not in (COORDINATOR_A, COORDINATOR_B):
        return 403
    owner = "B" if target == "org_b" else "A"
    # Someone else's organization: refused by the organization field (400), whether
    # the coordinator can see it (Alpha) or not (Alpha Inner Circle → "does not exist").
    return 201 if COORDINATORS[owner] == actor else 400


CREATES = [("contact-points", t) for t in ("org_public", "org_network", "org_restricted", "org_b")] + [
    ("organizations", None),
    ("countries", None),
]


@pytest.mark.parametrize(("endpoint", "target"), CREATES, ids=lambda v: str(v))
@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_right_roles_create(world, client_of, actor, endpoint, target):
    model = ENDPOINTS[endpoint]
    count = model.objects.count()
    response = client_of(actor).post(
        f"/api/v1/{endpoint}/", create_body(endpoint, world, target), format="json"
    )
    expected = expected_create(actor, endpoint, target)
    assert response.status_code == expected, response.data
    if expected == 201:
        assert model.objects.count() == count + 1
    else:
        assert model.objects.count() == count
    if expected == 400:
        assert [e["attr"] for e in response.data["errors"]] == ["organization"]


# ---------------------------------------------------------------------------
# Fields a role may not set are refused, never silently applied
# ---------------------------------------------------------------------------
REFUSED = [
    # (actor, object, payload, attr)
    (COORDINATOR_A, "org_public", {"verified": True}, "verified"),
    (COORDINATOR_A, "org_public", {"slug": "alpha-renamed"}, "slug"),
    (COORDINATOR_A, "org_restricted", {"verified": True, "description": "x"}, "verified"),
    (COORDINATOR_A, "cp_public", {"last_verified_at": "2020-01-01T00:00:00Z"}, "last_verified_at"),
    (ADMIN, "cp_public", {"last_verified_at": "2020-01-01T00:00:00Z"}, "last_verified_at"),
    (COORDINATOR_A, "cp_public", {"organization": "org_b"}, "organization"),
    (COORDINATOR_A, "cp_public", {"organization": "org_network"}, "organization"),
    (COORDINATOR_B, "cp_b_network", {"organization": "org_public"}, "organization"),
    (COORDINATOR_B, "cp_b_network", {"organization": "org_restricted"}, "organization"),
]


@pytest.mark.parametrize(("actor", "key", "payload", "attr"), REFUSED)
def test_a_field_the_role_may_not_set_is_refused_and_nothing_changes(
    world, client_of, actor, key, payload, attr
):
    obj = next(o for o in OBJECTS if o.key == key)
    instance = world[key]
    body = {k: world[v].pk if k == "organization" else v for k, v in payload.items()}
    before = row(obj.endpoint, instance)
    response = client_of(actor).patch(url_of(obj.endpoint, instance), body, format="json")
    assert response.status_code == 400, response.data
    assert attr in [e["attr"] for e in response.data["errors"]]
    assert row(obj.endpoint, instance) == before


def test_a_slug_taken_by_an_organization_one_may_not_see_is_refused_like_a_free_one(world, client_of):
    client, url = client_of(COORDINATOR_B), url_of("organizations", world["org_b"])
    taken = client.patch(url, {"slug": world["org_restricted"].slug}, format="json")
    free = client.patch(url, {"slug": "bravo-renamed"}, format="json")
    assert taken.status_code == free.status_code == 400
    assert taken.json() == free.json()


def test_sending_back_unchanged_protected_values_is_accepted(world, client_of):
    client = client_of(COORDINATOR_A)
    org = world["org_public"]
    response = client.patch(
        url_of("organizations", org),
        {"slug": org.slug, "verified": False, "description": "Same"},
        format="json",
    )
    assert response.status_code == 200, response.data
    cp = world["cp_public"]
    current = client.get(url_of("contact-points", cp)).data
    response = client.patch(
        url_of("contact-points", cp),
        {"last_verified_at": current["last_verified_at"], "label": "Same (example data)"},
        format="json",
    )
    assert response.status_code == 200, response.data


def test_the_network_office_sets_verified_slug_and_moves_contacts(world, client_of):
    client = client_of(ADMIN)
    org = world["org_public"]
    response = client.patch(
        url_of("organizations", org), {"verified": True, "slug": "alpha-2"}, format="json"
    )
    assert response.status_code == 200, response.data
    org.refresh_from_db()
    assert (org.verified, org.slug) == (True, "alpha-2")
    cp = world["cp_public"]
    response = client.patch(url_of("contact-points", cp), {"organization": world["org_b"].pk}, format="json")
    assert response.status_code == 200, response.data
    cp.refresh_from_db()
    assert cp.organization_id == world["org_b"].pk


def test_an_invisible_organization_looks_exactly_like_a_missing_one(world, client_of):
    client = client_of(COORDINATOR_B)
    body = create_body("contact-points", world, "org_restricted")
    hidden = client.post("/api/v1/contact-points/", body, format="json")
    missing = client.post("/api/v1/contact-points/", {**body, "organization": 987654}, format="json")
    assert hidden.status_code == missing.status_code == 400
    assert [e["code"] for e in hidden.data["errors"]] == [e["code"] for e in missing.data["errors"]]
    assert hidden.data["errors"][0]["code"] == "does_not_exist"
    for url in (url_of("organizations", world["org_restricted"]), "/api/v1/organizations/987654/"):
        for method in ("get", "patch", "put", "delete"):
            assert getattr(client, method)(url).status_code == 404, (method, url)
