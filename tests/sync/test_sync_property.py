"""The sync property (docs/design.md, "Sync"): after any sequence of operations, a replica built
only from sync responses equals what the same viewer gets from the list endpoints.

A hypothesis state machine writes at random, as random roles, through the API (contact
points, organizations, countries: creates, updates, visibility and status changes,
deletes) and through the ORM for what only the network office's tools do (granting and
removing memberships, changing roles, deactivating and reactivating accounts, pruning
the feed). In between, several viewers sync with random page sizes, with and without
If-None-Match: anonymous, members of different organizations, a coordinator, an admin
and someone whose memberships come and go. After every sync each synced viewer's replica
must equal their list endpoints, page by page.

Examples and steps: SYNC_PROPERTY_EXAMPLES (default 40) and SYNC_PROPERTY_STEPS (default 25).
"""

import functools
import os

from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from rest_framework.test import APIClient

from accounts.models import Membership
from changes.feed import prune
from changes.models import Change
from countries.models import Country
from organizations.models import ContactPoint, Organization
from tests.conftest import login
from tests.factories import (
    ContactPointFactory,
    CountryFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)

from .replica import Replica, listed

EXAMPLES = int(os.environ.get("SYNC_PROPERTY_EXAMPLES", "40"))
STEPS = int(os.environ.get("SYNC_PROPERTY_STEPS", "25"))

VIEWERS = ["anonymous", "anna", "carl", "alice", "olga", "dave"]
WRITERS = ["olga", "olga", "alice", "bob", "anna"]  # the office more often: more writes succeed
PEOPLE = ["anna", "carl", "alice", "bob", "dave"]
VISIBILITIES = st.sampled_from(["public", "network", "restricted"])
STATUSES = st.sampled_from(["active", "active", "paused", "compromised"])
COUNTRY_CODES = st.sampled_from(["DE", "FR", "UA", "GE"])
PICK = st.integers(min_value=0, max_value=10**6)
LIMITS = st.sampled_from([None, None, 1, 2, 3, 7])
THEN = st.one_of(st.none(), st.sampled_from(VIEWERS))


def write_rule(**strategies):
    """A rule that writes, then (half of the time) has one viewer sync and compare at once."""

    def decorate(function):
        @functools.wraps(function)
        def step(self, then, **arguments):
            function(self, **arguments)
            if then is not None:
                self._sync_and_compare(then, None, use_etag=True)

        return rule(**strategies, then=THEN)(step)

    return decorate


ALLOWED = {200, 201, 204, 400, 403, 404}


class SyncMachine(RuleBasedStateMachine):
    """One example: a fresh network, rolled back at the end."""

    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.counter = 0
        self.clients: dict[str, APIClient] = {}
        self.replicas: dict[str, Replica] = {}
        self.synced: set[str] = set()

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # -- world ---------------------------------------------------------------------------

    @initialize()
    def build_network(self):
        alpha = OrganizationFactory(name="Alpha", slug="p-alpha", visibility="network")
        bravo = OrganizationFactory(name="Bravo", slug="p-bravo", visibility="public")
        charlie = OrganizationFactory(name="Charlie", slug="p-charlie", visibility="restricted")
        ContactPointFactory(organization=alpha, visibility="network")
        ContactPointFactory(organization=alpha, visibility="restricted")
        ContactPointFactory(organization=bravo, visibility="public")
        ContactPointFactory(organization=bravo, visibility="public", status="paused")
        ContactPointFactory(organization=charlie, visibility="public")
        CountryFactory(code="DE")
        self.users = {name: UserFactory(username=f"p-{name}") for name in PEOPLE}
        self.users["olga"] = UserFactory(username="p-olga", is_staff=True)
        MembershipFactory(user=self.users["anna"], organization=alpha)
        MembershipFactory(user=self.users["carl"], organization=bravo)
        MembershipFactory(user=self.users["alice"], organization=alpha, role="coordinator")
        MembershipFactory(user=self.users["bob"], organization=bravo, role="coordinator")
        for name in self.users:
            self._sign_in(name)
        self.clients["anonymous"] = APIClient()
        self.replicas = {name: Replica(self.clients[name]) for name in VIEWERS}

    def _sign_in(self, name):
        client = APIClient()
        cache.clear()  # login throttles
        login(client, self.users[name].username)
        self.clients[name] = client
        if name in self.replicas:
            self.replicas[name].client = client

    # -- helpers -------------------------------------------------------------------------

    def _pick(self, queryset, pick):
        objects = list(queryset.order_by("pk"))
        return objects[pick % len(objects)] if objects else None

    def _write(self, writer, method, url, data=None):
        before = Change.objects.count()
        response = getattr(self.clients[writer], method)(url, data, format="json")
        allowed = ALLOWED if _is_active(self.users[writer]) else {401}
        assert response.status_code in allowed, (method, url, data, response.status_code, response.content)
        if response.status_code >= 400:
            assert Change.objects.count() == before, "a refused write changed something"
        return response

    def _next(self):
        self.counter += 1
        return self.counter

    # -- writes through the API ------------------------------------------------------------

    @write_rule(writer=st.sampled_from(WRITERS), pick=PICK, visibility=VISIBILITIES, status=STATUSES)
    def create_contact(self, writer, pick, visibility, status):
        org = self._pick(Organization.objects.all(), pick)
        if org is None:
            return
        n = self._next()
        self._write(
            writer,
            "post",
            "/api/v1/contact-points/",
            {
                "organization": org.pk,
                "channel": "email",
                "value": f"c{n}@example.org",
                "label": f"Contact {n} (example data)",
                "languages": ["ru"],
                "visibility": visibility,
                "status": status,
            },
        )

    @write_rule(
        writer=st.sampled_from(WRITERS),
        pick=PICK,
        change=st.one_of(
            st.fixed_dictionaries({"visibility": VISIBILITIES}),
            st.fixed_dictionaries({"status": STATUSES}),
            st.fixed_dictionaries({"hours": st.sampled_from(["Mon-Fri", "24/7", ""])}),
            st.fixed_dictionaries(
                {"label": st.sampled_from(["Hotline", "Office"]), "visibility": VISIBILITIES}
            ),
        ),
    )
    def update_contact(self, writer, pick, change):
        contact = self._pick(ContactPoint.objects.all(), pick)
        if contact is not None:
            self._write(writer, "patch", f"/api/v1/contact-points/{contact.pk}/", change)

    @write_rule(writer=st.sampled_from(WRITERS), pick=PICK)
    def compromise_contact(self, writer, pick):
        contact = self._pick(ContactPoint.objects.filter(status="active"), pick)
        if contact is not None:
            self._write(writer, "patch", f"/api/v1/contact-points/{contact.pk}/", {"status": "compromised"})

    @write_rule(writer=st.sampled_from(WRITERS), pick=PICK)
    def delete_contact(self, writer, pick):
        contact = self._pick(ContactPoint.objects.all(), pick)
        if contact is not None:
            self._write(writer, "delete", f"/api/v1/contact-points/{contact.pk}/")

    @write_rule(visibility=VISIBILITIES)
    def create_organization(self, visibility):
        n = self._next()
        self._write(
            "olga",
            "post",
            "/api/v1/organizations/",
            {"name": f"Group {n} (example data)", "slug": f"p-group-{n}", "visibility": visibility},
        )

    @write_rule(
        writer=st.sampled_from(WRITERS),
        pick=PICK,
        change=st.one_of(
            st.fixed_dictionaries({"visibility": VISIBILITIES}),
            st.fixed_dictionaries({"name": st.sampled_from(["Renamed", "Again renamed"])}),
        ),
    )
    def update_organization(self, writer, pick, change):
        org = self._pick(Organization.objects.all(), pick)
        if org is not None:
            self._write(writer, "patch", f"/api/v1/organizations/{org.pk}/", change)

    @write_rule(writer=st.sampled_from(["olga", "alice"]), pick=PICK)
    def delete_organization(self, writer, pick):
        org = self._pick(Organization.objects.all(), pick)
        if org is not None:
            self._write(writer, "delete", f"/api/v1/organizations/{org.pk}/")

    @write_rule(code=COUNTRY_CODES, text=st.sampled_from(["Suspended.", "Two years.", "Unknown."]))
    def write_country(self, code, text):
        penalties = f"{text} (example data)"
        if Country.objects.filter(code=code).exists():
            self._write("olga", "patch", f"/api/v1/countries/{code}/", {"penalties": penalties})
        else:
            self._write("olga", "post", "/api/v1/countries/", {"code": code, "penalties": penalties})

    @write_rule(code=COUNTRY_CODES)
    def delete_country(self, code):
        self._write("olga", "delete", f"/api/v1/countries/{code}/")

    # -- access changes (the network office's tools) -------------------------------------

    @write_rule(person=st.sampled_from(PEOPLE), pick=PICK, role=st.sampled_from(["member", "coordinator"]))
    def grant_membership(self, person, pick, role):
        org = self._pick(Organization.objects.all(), pick)
        if org is not None:
            membership, created = Membership.objects.get_or_create(
                user=self.users[person], organization=org, defaults={"role": role}
            )
            if not created and membership.role != role:
                membership.role = role
                membership.save()

    @write_rule(pick=PICK)
    def remove_membership(self, pick):
        membership = self._pick(Membership.objects.all(), pick)
        if membership is not None:
            membership.delete()

    @write_rule(person=st.sampled_from(PEOPLE), roll=st.integers(min_value=0, max_value=1))
    def toggle_account(self, person, roll):
        user = self.users[person]
        user.refresh_from_db()
        if roll and user.is_active:
            return  # deactivate half as often as reactivate
        user.is_active = not user.is_active
        user.save()
        if user.is_active:
            self._sign_in(person)  # deactivation ended the old sessions

    @rule(roll=st.integers(min_value=0, max_value=3))
    def prune_everything(self, roll):
        if roll == 0:  # now and then, so that most syncs are deltas
            prune(days=0)

    # -- syncs -----------------------------------------------------------------------------

    @rule(viewer=st.sampled_from(VIEWERS), limit=LIMITS, use_etag=st.booleans())
    def sync(self, viewer, limit, use_etag):
        self._sync_and_compare(viewer, limit, use_etag)

    @rule(limit=LIMITS)
    def sync_everyone(self, limit):
        for viewer in VIEWERS:
            self._sync_and_compare(viewer, limit, use_etag=True)

    def _sync_and_compare(self, viewer, limit, use_etag):
        replica = self.replicas[viewer]
        user = self.users.get(viewer)
        if user is not None and not _is_active(user):
            response = replica.client.get("/api/v1/sync/")
            assert response.status_code == 401
            assert replica.client.get("/api/v1/contact-points/").status_code == 401
            replica.wipe()  # a client that cannot sign in again drops its data
            self.synced.discard(viewer)
            return
        replica.sync(limit=limit, use_etag=use_etag)
        expected = listed(replica.client)
        assert replica.objects == expected, self._explain(viewer, replica.objects, expected)
        self.synced.add(viewer)

    @staticmethod
    def _explain(viewer, got, expected):
        missing = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        stale = sorted(k for k in set(got) & set(expected) if got[k] != expected[k])
        return f"{viewer}: missing {missing}, extra {extra}, stale {stale}"


def _is_active(user) -> bool:
    return type(user).objects.filter(pk=user.pk, is_active=True).exists()


def test_replicas_built_from_sync_equal_the_list_endpoints(db):
    run_state_machine_as_test(
        SyncMachine,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[
                HealthCheck.too_slow,
                HealthCheck.filter_too_much,
                HealthCheck.data_too_large,
            ],
            print_blob=True,
        ),
    )
