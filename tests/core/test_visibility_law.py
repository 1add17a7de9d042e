"""The visibility law: every derivation of a model's one visibility rule agrees with the others.

Each model declares who may see it once (`visibility_rule`, core/visibility.py); the SQL
filter behind `visible_to(viewer)`, the Python audience the change feed records, and the
audience's stored encoding are derived from that declaration. For generated networks
(random organizations, contact points, resources, responses and their threads, documents
with versions and attachments, campaigns, events, grants, invitations, with random
visibility and status, and random memberships) and every viewer of the cast, this test
checks, over every tracked and every searchable type:

1. the rows `visible_to(viewer)` returns are exactly the rows whose audience admits the
   viewer;
2. the feed's stored audiences select in SQL (`Audience.admits_q`) exactly the entries
   whose decoded audience admits the viewer in Python;
3. through the HTTP API: a sync snapshot equals the list endpoints, and search finds, per
   type, exactly what the list endpoint lists.

The last tests change one derivation of one rule and expect the law to fail: the law
catches a rule changed on one side only.

Examples: VISIBILITY_LAW_EXAMPLES (default 8).
"""

from __future__ import annotations

import os
from dataclasses import fields

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from accounts.models import Invitation, Membership
from alerts.models import Alert
from changes import registry
from changes.models import Change
from core.viewer import ANONYMOUS, viewer_for
from core.visibility import Audience, VisibilityRule, rule_of
from documents.models import Attachment, Document, DocumentVersion
from organizations.models import ContactPoint, Organization
from resources.models import ResourceResponse, ResponseMessage
from search import registry as search_registry
from tests.conftest import login
from tests.factories import (
    CampaignFactory,
    ContactPointFactory,
    CountryFactory,
    EventFactory,
    LedgerEntryFactory,
    OrganizationFactory,
    ResourceFactory,
    UserFactory,
)
from tests.sync.replica import Replica, listed

EXAMPLES = int(os.environ.get("VISIBILITY_LAW_EXAMPLES", "8"))
MARK = "zephyr"  # a word every searchable object carries, so one search finds them all

LEVELS = st.sampled_from(["public", "network", "restricted"])
CAMPAIGN_LEVELS = st.sampled_from(["public", "network"])
ORG = st.integers(min_value=0, max_value=2)
CONTACT_STATUSES = st.sampled_from(["active", "active", "paused", "compromised"])
RESOURCE_STATUSES = st.sampled_from(["open", "in_progress", "fulfilled", "withdrawn"])
DOCUMENT_STATUSES = st.sampled_from(["draft", "in_review", "published", "published", "archived"])

# The cast: who each viewer is. Organization indexes are drawn per example.
CAST = ("nobody", "member", "coordinator", "outsider", "inactive", "admin")


@st.composite
def networks(draw):
    """A plan of a network: plain data, built into rows by `build`."""
    home = draw(ORG)
    return {
        "organizations": draw(st.lists(LEVELS, min_size=3, max_size=3)),
        "home": home,
        "away": draw(ORG.filter(lambda org: org != home)),
        "member_also": draw(st.lists(ORG, max_size=1)),
        "inactive_in": draw(ORG),
        "contacts": draw(st.lists(st.tuples(ORG, LEVELS, CONTACT_STATUSES), max_size=4)),
        "resources": draw(st.lists(st.tuples(ORG, LEVELS, RESOURCE_STATUSES), max_size=3)),
        "responses": draw(st.lists(st.tuples(st.integers(0, 2), ORG), max_size=3)),
        "messages": draw(st.lists(st.integers(0, 2), max_size=2)),
        "documents": draw(st.lists(st.tuples(ORG, LEVELS, DOCUMENT_STATUSES), max_size=3)),
        "versions": draw(st.lists(st.tuples(st.integers(0, 2), LEVELS), max_size=3)),
        "attachments": draw(st.lists(st.integers(0, 2), max_size=2)),
        "campaigns": draw(st.lists(CAMPAIGN_LEVELS, max_size=2)),
        "events": draw(st.lists(st.tuples(ORG, LEVELS, st.integers(-1, 1)), max_size=3)),
        "grants": draw(st.lists(st.one_of(st.none(), ORG), max_size=2)),
        "invitations": draw(st.lists(ORG, max_size=2)),
        "countries": draw(st.lists(st.sampled_from(["DE", "GE", "UA"]), max_size=2, unique=True)),
        "alerts": draw(st.lists(st.tuples(st.one_of(st.none(), ORG), LEVELS), max_size=3)),
    }


def build(plan) -> dict:
    """Create the planned rows through the ORM (the change feed records them) and the cast."""
    orgs = [
        OrganizationFactory(name=f"{MARK} partner {i}", visibility=level)
        for i, level in enumerate(plan["organizations"])
    ]
    home, away = orgs[plan["home"]], orgs[plan["away"]]
    people = {
        "member": UserFactory(username="law-member"),
        "coordinator": UserFactory(username="law-coordinator"),
        "outsider": UserFactory(username="law-outsider"),
        "inactive": UserFactory(username="law-inactive"),
        "admin": UserFactory(username="law-admin", is_staff=True),
    }
    Membership.objects.create(user=people["member"], organization=home)
    Membership.objects.create(user=people["coordinator"], organization=home, role="coordinator")
    Membership.objects.create(user=people["outsider"], organization=away)
    Membership.objects.create(user=people["inactive"], organization=orgs[plan["inactive_in"]])
    for index in plan["member_also"]:
        if orgs[index] != home:
            Membership.objects.create(user=people["member"], organization=orgs[index])

    for org, level, status in plan["contacts"]:
        ContactPointFactory(organization=orgs[org], label=MARK, visibility=level, status=status)
    resources = [
        ResourceFactory(organization=orgs[org], title=f"{MARK} offer", visibility=level, status=status)
        for org, level, status in plan["resources"]
    ]
    responses = []
    for index, org in plan["responses"]:
        if index < len(resources) and resources[index].organization != orgs[org]:
            resource = resources[index]
            if not ResourceResponse.objects.filter(resource=resource, organization=orgs[org]).exists():
                responses.append(
                    ResourceResponse.objects.create(
                        resource=resource, organization=orgs[org], message="We can"
                    )
                )
    for index in plan["messages"]:
        if index < len(responses):
            response = responses[index]
            ResponseMessage.objects.create(response=response, organization=response.organization, body="Hi")
    documents = [
        Document.objects.create(
            organization=orgs[org], title=f"{MARK} guide", language="en", visibility=level, status=status
        )
        for org, level, status in plan["documents"]
    ]
    for index, level in plan["versions"]:
        if index < len(documents):
            document = documents[index]
            DocumentVersion.objects.create(
                document=document,
                number=document.versions.count() + 1,
                title=document.title,
                language="en",
                published_at="2026-01-01T00:00:00Z",
                visibility=level,
            )
    for index in plan["attachments"]:
        if index < len(documents):
            Attachment.objects.create(
                document=documents[index],
                file="attachments/law.txt",
                name="law.txt",
                content_type="text/plain",
                size=1,
                sha256="0" * 64,
            )
    campaigns = [CampaignFactory(visibility=level) for level in plan["campaigns"]]
    for org, level, campaign in plan["events"]:
        EventFactory(
            organization=orgs[org],
            title=f"{MARK} vigil",
            visibility=level,
            campaign=campaigns[campaign] if 0 <= campaign < len(campaigns) else None,
        )
    for org in plan["grants"]:
        if org is None:
            LedgerEntryFactory(kind="collected", recipient=None)
        else:
            LedgerEntryFactory(recipient=orgs[org])
    for number, org in enumerate(plan["invitations"]):
        Invitation.objects.create(
            email=f"new{number}@example.org",
            organization=orgs[org],
            token_hash=f"{number:064d}",
            expires_at="2030-01-01T00:00:00Z",
        )
    for code in plan["countries"]:
        CountryFactory(code=code, conscription=f"{MARK} conscription")
    for org, level in plan["alerts"]:
        if org is not None or level != "restricted":  # a restricted alert names its organization
            Alert.objects.create(
                text=f"{MARK} alert",
                visibility=level,
                organization=None if org is None else orgs[org],
                expires_at="2030-01-01T00:00:00Z",
            )

    people["inactive"].is_active = False
    people["inactive"].save()
    return people


def viewers(people) -> dict:
    return {name: ANONYMOUS if name == "nobody" else viewer_for(people[name]) for name in CAST}


def law_models() -> list:
    """Every model that declares a visibility rule: every tracked type with a rule of its own,
    every searchable type, and what is read only through another (document versions)."""
    return [
        model
        for model in apps.get_models()
        if isinstance(getattr(model, "visibility_rule", None), VisibilityRule)
    ]


# -- the law -------------------------------------------------------------------------------


def check_rows(viewers_by_name: dict) -> None:
    """1. SQL and Python derivations of each rule select the same rows, for every viewer."""
    for model in law_models():
        objects = list(model._default_manager.all())
        entry = registry.entry_for(model)
        audience = entry.audience if entry is not None else rule_of(model).audience
        for name, viewer in viewers_by_name.items():
            in_sql = set(model._default_manager.all().visible_to(viewer).values_list("pk", flat=True))
            in_python = {obj.pk for obj in objects if audience(obj).admits(viewer)}
            assert in_sql == in_python, (model.__name__, name, in_sql ^ in_python)


def check_encoding(viewers_by_name: dict) -> None:
    """2. The stored audiences mean the same in SQL and in Python, and survive a round trip."""
    entries = list(Change.objects.all())
    for change in entries:
        for raw in (change.audience_before, change.audience_after):
            if raw:
                assert Audience.decode(raw).encode() == raw
    for name, viewer in viewers_by_name.items():
        for column in ("audience_before", "audience_after"):
            in_sql = set(
                Change.objects.filter(Audience.admits_q(viewer, column)).values_list("seq", flat=True)
            )
            in_python = {
                c.seq
                for c in entries
                if getattr(c, column) and Audience.decode(getattr(c, column)).admits(viewer)
            }
            assert in_sql == in_python, (column, name)


def listed_ids(client: APIClient, model) -> set[str]:
    url, params, ids = reverse(f"{model._meta.model_name}-list"), {"page_size": 100}, set()
    while url:
        response = client.get(url, params)
        assert response.status_code == 200, (url, response.content)
        body = response.json()
        key = "code" if model._meta.model_name == "country" else "id"
        ids |= {str(item[key]) for item in body["results"]}
        url, params = body["next"], None
    return ids


def check_api(clients: dict) -> None:
    """3. Sync and search agree with the list endpoints, for every viewer."""
    for name, client in clients.items():
        replica = Replica(client)
        replica.sync()
        lists = listed(client)
        assert replica.objects == lists, name
        response = client.get("/api/v1/search/", {"q": MARK, "page_size": 100})
        assert response.status_code == 200, response.content
        hits = response.json()["results"]
        synced = {entry.type_name for entry in registry.synced_entries()}
        for type_name in search_registry.type_names():
            model = search_registry.get(type_name).model
            found = {key_of(model, hit["id"]) for hit in hits if hit["type"] == type_name}
            if type_name in synced:
                expected = {key for kind, key in lists if kind == type_name}
            else:
                expected = listed_ids(client, model)
            assert found == expected, (name, type_name, found ^ expected)


def key_of(model, pk) -> str:
    """The key a list endpoint shows for a row: its id, or a country's code."""
    if model._meta.model_name == "country":
        return str(model._default_manager.get(pk=pk).code)
    return str(pk)


def clients_of(people) -> dict:
    clients = {"nobody": APIClient()}
    for name in CAST[1:]:
        client = APIClient()
        if people[name].is_active:
            login(client, people[name].username)
        clients[name] = client
    return clients


def check_law(plan, *, through_api: bool = True) -> None:
    """Build the planned network, check the law, and leave the database as it was."""
    cache.clear()  # login throttles count in the cache
    try:
        with transaction.atomic():
            people = build(plan)
            viewers_by_name = viewers(people)
            check_rows(viewers_by_name)
            check_encoding(viewers_by_name)
            if through_api:
                check_api(clients_of(people))
            raise RolledBack
    except RolledBack:
        pass


class RolledBack(Exception):
    """Leaves an example's rows behind in no case."""


def law_settings(examples: int) -> settings:
    """Hypothesis settings for a law checked over generated networks (each example rolls back)."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


@pytest.mark.django_db(transaction=False)
@law_settings(EXAMPLES)
@given(plan=networks())
def test_every_derivation_of_every_rule_agrees_for_every_viewer(plan):
    check_law(plan)


def test_the_law_covers_every_tracked_and_every_searchable_type(db):
    """Only the user accounts, read by the network office alone, stand outside the law."""
    covered = {model._meta.label for model in law_models()}
    tracked = {entry.model._meta.label for entry in registry._by_type.values()}
    searchable = {search_registry.get(name).model._meta.label for name in search_registry.type_names()}
    assert tracked - covered == {"auth.User"}
    assert searchable <= covered


# -- the law catches a rule changed on one side only ---------------------------------------

A_NETWORK = {
    "organizations": ["network", "restricted", "public"],
    "home": 0,
    "away": 1,
    "member_also": [],
    "inactive_in": 0,
    "contacts": [(0, "public", "paused"), (2, "public", "active"), (1, "restricted", "active")],
    "resources": [(0, "restricted", "open"), (2, "public", "open")],
    "responses": [(0, 1)],
    "messages": [0],
    "documents": [(0, "public", "draft"), (2, "public", "published"), (1, "network", "published")],
    "versions": [(1, "network"), (1, "public")],
    "attachments": [0],
    "campaigns": ["network"],
    "events": [(2, "public", 0), (0, "restricted", -1)],
    "grants": [1, None],
    "invitations": [0],
    "countries": ["DE"],
    "alerts": [(None, "public"), (None, "network"), (0, "restricted"), (1, "public")],
}


def one_side_changed(model, **methods) -> VisibilityRule:
    """A copy of `model`'s rule with some derivations replaced, the others left as they are."""
    original = rule_of(model)
    patched_class = type("Patched", (VisibilityRule,), methods)
    patched = patched_class(**{f.name: getattr(original, f.name) for f in fields(original) if f.init})
    object.__setattr__(patched, "model", model)
    object.__setattr__(patched, "original", original)
    return patched


def test_the_law_holds_for_the_hand_made_network(db):
    check_law(A_NETWORK)


@pytest.mark.parametrize(
    ("model", "methods"),
    [
        # SQL forgets that a paused contact point is its organization's alone.
        (
            ContactPoint,
            {"q": lambda self, viewer, prefix="": self.original.q(viewer, prefix) | Q(status="paused")},
        ),
        # Python forgets that a draft is its authors' alone.
        (
            Document,
            {
                "audience": lambda self, obj: Audience.of(
                    obj.visibility if obj.status != "published" else self.original.audience(obj).level,
                    self.original.owner_ids(obj),
                )
            },
        ),
        # SQL shows every organization to everyone.
        (Organization, {"q": lambda self, viewer, prefix="": ~Q(visibility="nothing")}),
        # Python forgets that a response belongs to the resource's organization too.
        (
            ResourceResponse,
            {"audience": lambda self, obj: Audience.of("restricted", {obj.organization_id})},
        ),
        # SQL forgets the level a version was published at.
        (
            DocumentVersion,
            {"q": lambda self, viewer, prefix="": Document.visibility_rule.q(viewer, f"{prefix}document__")},
        ),
    ],
    ids=["contact-sql", "document-python", "organization-sql", "response-python", "version-sql"],
)
def test_the_law_fails_when_one_derivation_of_a_rule_changes(db, monkeypatch, model, methods):
    monkeypatch.setattr(model, "visibility_rule", one_side_changed(model, **methods))
    with pytest.raises(AssertionError):
        check_law(A_NETWORK, through_api=False)
