"""factory_boy factories for every domain app; every object is example data."""

from datetime import UTC, date, datetime, timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import Membership
from alerts.models import Alert
from campaigns.models import Campaign, Event
from countries.models import Country
from funding.models import LedgerEntry
from organizations.models import ContactPoint, Organization
from resources.models import Resource, ResourceResponse


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct-horse-battery")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    countries = ["DE"]
    kinds = ["counseling"]
    languages = ["ru", "en"]
    visibility = "public"
    is_example = True


class ContactPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint

    organization = factory.SubFactory(OrganizationFactory)
    channel = "email"
    value = factory.Sequence(lambda n: f"help{n}@example.org")
    label = "Counseling (example data)"
    languages = ["ru"]
    countries = ["DE"]
    topics = ["desertion"]
    visibility = "public"
    is_example = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.MEMBER


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "DE"
    conscription = "Suspended since 2011 (example data)."
    is_example = True


def person_in(organization, username: str, role: str = Membership.Role.MEMBER):
    """A user named `username` with one membership in `organization`."""
    return MembershipFactory(user=UserFactory(username=username), organization=organization, role=role).user


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    kind = Resource.Kind.OFFER
    category = Resource.Category.LEGAL_AID
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Resource {n} (example data)")
    description = "Example data."
    countries = ["DE"]
    languages = ["ru"]
    capacity = "10 hours a month"
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    visibility = "network"
    is_example = True


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResourceResponse

    resource = factory.SubFactory(ResourceFactory)
    organization = factory.SubFactory(OrganizationFactory)
    message = "We can help (example data)."
    is_example = True


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Action week {n} (example data)")
    slug = factory.Sequence(lambda n: f"action-week-{n}")
    hashtag = "#RightToRefuse"
    start_date = date(2026, 12, 7)
    end_date = date(2026, 12, 13)
    visibility = "public"
    is_example = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    campaign = factory.SubFactory(CampaignFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Event {n} (example data)")
    starts_at = datetime(2026, 12, 10, 17, 0, tzinfo=UTC)
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    timezone = "Europe/Berlin"
    city = "Berlin"
    country = "DE"
    visibility = "public"
    is_example = True


class LedgerEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LedgerEntry

    kind = LedgerEntry.Kind.GRANT
    amount = "1000.00"
    currency = "EUR"
    date = date(2026, 11, 1)
    purpose = "Example data."
    recipient = factory.SubFactory(OrganizationFactory)
    is_example = True


class AlertFactory(factory.django.DjangoModelFactory):
    """A network alert in English with a Russian translation, expiring in two days."""

    class Meta:
        model = Alert

    text = "The number +49 30 1234567 is compromised: do not call it (example data)."
    source_language = "en"
    translations = factory.LazyFunction(
        lambda: {"ru": {"text": "Номер +49 30 1234567 скомпрометирован: не звоните (пример)."}}
    )
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))
    is_example = True
