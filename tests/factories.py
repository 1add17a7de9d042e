"""factory_boy factories for the domain; every object is example data."""

import factory
from django.contrib.auth import get_user_model

from accounts.models import Membership
from countries.models import Country
from organizations.models import ContactPoint, Organization


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
