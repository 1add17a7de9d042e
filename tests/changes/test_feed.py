"""The change feed: one entry per create, update and delete, in the writer's transaction."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Invitation, Membership
from changes import registry
from changes.models import Change
from organizations.models import ContactPoint, Organization
from tests.factories import (
    ContactPointFactory,
    CountryFactory,
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
)


def entries(object_type=None, object_id=None):
    queryset = Change.objects.order_by("seq")
    if object_type:
        queryset = queryset.filter(object_type=object_type)
    if object_id is not None:
        queryset = queryset.filter(object_id=str(object_id))
    return list(queryset)


def test_api_writes_are_recorded_with_actor_fields_and_audiences(as_user, alice, org_a):
    client = as_user(alice)
    created = client.post(
        "/api/v1/contact-points/",
        {"organization": org_a.id, "channel": "email", "value": "help@example.org", "languages": ["ru"]},
        format="json",
    )
    assert created.status_code == 201, created.content
    cid = created.data["id"]
    assert client.patch(f"/api/v1/contact-points/{cid}/", {"status": "compromised"}).status_code == 200
    assert client.delete(f"/api/v1/contact-points/{cid}/").status_code == 204

    create, update, delete = entries("contact_point", cid)
    assert [create.action, update.action, delete.action] == ["create", "update", "delete"]
    assert {create.actor_id, update.actor_id, delete.actor_id} == {alice.id}
    assert create.fields["value"] == [None, "help@example.org"]
    assert create.audience_before == "" and create.audience_after == "network"
    assert update.fields == {"status": ["active", "compromised"]}
    assert (update.audience_before, update.audience_after) == ("network", f",{org_a.id},")
    assert delete.fields["status"] == ["compromised", None]
    assert (delete.audience_before, delete.audience_after) == (f",{org_a.id},", "")
    assert create.owners == update.owners == delete.owners == f",{org_a.id},"
    assert create.seq < update.seq < delete.seq


def test_a_rolled_back_transaction_leaves_no_entry(org_a):
    before = Change.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        ContactPointFactory(organization=org_a)
        org_a.name = "Renamed"
        org_a.save()
        raise RuntimeError("abort")
    assert Change.objects.count() == before
    assert Organization.objects.get(pk=org_a.pk).name != "Renamed"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_commit_leaves_no_entry_in_the_database():
    """Outside the test transaction: a real rollback, then a real commit."""
    org = OrganizationFactory()
    committed = Change.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        org.visibility = "restricted"
        org.save()
        assert Change.objects.count() == committed + 1  # written in the same transaction...
        raise RuntimeError("abort")
    assert Change.objects.count() == committed  # ...and gone with it
    org.refresh_from_db()
    org.description = "kept"
    org.save()
    assert entries("organization", org.pk)[-1].fields == {"description": ["", "kept"]}


def test_a_save_without_changes_is_recorded_because_the_version_moves(org_a):
    """Replicas hold `version` and `updated_at`: a bare save changes what they must show."""
    before = Change.objects.count()
    org_a.save()
    last = entries("organization", org_a.pk)[-1]
    assert Change.objects.count() == before + 1  # the organization alone, not its dependents
    assert last.action == "update" and last.fields == {}


def test_a_save_that_changes_no_column_records_nothing(olga):
    before = Change.objects.count()
    olga.save()
    assert Change.objects.count() == before


def test_visibility_change_of_an_organization_re_records_its_contact_points_with_exact_audiences(org_a):
    org_a.visibility = "public"
    org_a.save()
    public = ContactPointFactory(organization=org_a, visibility="public")
    paused = ContactPointFactory(organization=org_a, visibility="public", status="paused")
    mark = entries()[-1].seq

    org_a.visibility = "network"
    org_a.save()
    touched = {c.object_id: c for c in Change.objects.filter(seq__gt=mark, object_type="contact_point")}
    assert (touched[str(public.pk)].audience_before, touched[str(public.pk)].audience_after) == (
        "public",
        "network",
    )
    # The paused contact was never public: no viewer outside its organization gets a tombstone.
    assert touched[str(paused.pk)].audience_before == f",{org_a.id},"
    assert touched[str(paused.pk)].fields == {}


def test_moving_an_object_between_organizations_is_visible_to_both_owners(org_a, org_b):
    contact = ContactPointFactory(organization=org_a)
    contact.organization = org_b
    contact.save()
    assert entries("contact_point", contact.pk)[-1].owners == f",{org_a.id},{org_b.id},"


def test_memberships_and_accounts_are_recorded(org_a):
    user = UserFactory(username="vera")
    membership = MembershipFactory(user=user, organization=org_a)
    membership.role = Membership.Role.COORDINATOR
    membership.save()
    user.is_active = False
    user.save()
    membership.delete()

    assert [c.action for c in entries("membership", membership.pk)] == ["create", "update", "delete"]
    user_changes = entries("user", user.pk)
    assert user_changes[-1].fields == {"is_active": [True, False]}
    assert user_changes[-1].audience_after == ","  # admins only
    assert "password" not in user_changes[0].fields


def test_a_country_is_recorded_under_its_code(db):
    country = CountryFactory(code="GE")
    country.penalties = "Up to two years (example data)."
    country.save()
    assert [c.action for c in entries("country", "GE")] == ["create", "update"]


def test_deleting_an_organization_records_its_cascade(org_a):
    contact = ContactPointFactory(organization=org_a)
    membership = MembershipFactory(organization=org_a)
    org_a.delete()
    assert entries("contact_point", contact.pk)[-1].action == "delete"
    assert entries("membership", membership.pk)[-1].action == "delete"
    assert entries("organization", org_a.pk)[-1].action == "delete"


def test_a_new_type_is_one_registration(org_a, olga, restore_registry):
    """Registering a model is all it takes to feed the audit log."""
    registry.track(Invitation, "invitation_probe", synced=False, exclude=("token_hash",))
    invitation = Invitation.objects.create(
        email="new@example.org", organization=org_a, token_hash="x" * 64, expires_at="2030-01-01T00:00:00Z"
    )
    change = entries("invitation_probe", invitation.pk)[0]
    assert change.action == "create" and "token_hash" not in change.fields
    assert change.owners == f",{org_a.id},"


def test_a_synced_type_needs_a_key_field_for_a_key_callable(restore_registry):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        registry.track(ContactPoint, "contact_point", key=lambda obj: f"cp-{obj.pk}")


@pytest.mark.django_db(transaction=True)
def test_a_script_saving_outside_a_transaction_is_not_refused_a_lock():
    """`manage.py shell` and scripts run in autocommit, where PostgreSQL refuses a row lock."""
    user = get_user_model().objects.create_user("scripted", password="correct horse battery")
    organization = Organization.objects.create(name="Scripted (example data)", slug="scripted")
    organization.delete()
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert [entry.action for entry in entries("organization", organization.pk)] == ["create", "delete"]
