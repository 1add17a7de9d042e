"""Factories for resources, responses, campaigns, events and ledger entries; all example data."""

from datetime import UTC, date, datetime, timedelta

import factory
from django.utils import timezone

from campaigns.models import Campaign, Event
from funding.models import LedgerEntry
from resources.models import Resource, ResourceResponse

from ..factories import OrganizationFactory


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
