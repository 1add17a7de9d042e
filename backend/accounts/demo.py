"""Demo users and memberships, with passwords published for the demo only.

Everyone can read these passwords in the documentation, so the demo must never be
loaded into a system that holds real data. Once the people exist, this module also
records who verified the demo contacts and reviewed the country profiles, since the
organizations and countries load before their users do.
"""

from django.contrib.auth import get_user_model

from core.demo import upsert
from countries.demo import PROFILES
from countries.models import Country
from organizations.demo import CONTACT_POINTS
from organizations.models import ContactPoint, Organization

from .models import Membership

ADMIN_PASSWORD = "demo-admin-pass"
COORDINATOR_PASSWORD = "demo-coordinator-pass"
MEMBER_PASSWORD = "demo-member-pass"

# (username, first name, password, organization slug or None for the network office admin, role)
USERS = [
    ("olga", "Olga", ADMIN_PASSWORD, None, "admin"),
    ("alice", "Alice", COORDINATOR_PASSWORD, "network-office", Membership.Role.COORDINATOR),
    ("boris", "Boris", COORDINATOR_PASSWORD, "no-means-no", Membership.Role.COORDINATOR),
    ("nino", "Nino", COORDINATOR_PASSWORD, "georgia-counseling", Membership.Role.COORDINATOR),
    ("mila", "Mila", MEMBER_PASSWORD, "network-office", Membership.Role.MEMBER),
]

# Coordinators check their own organization's contacts; the admin checks the others'.
VERIFIED_BY = {"network-office": "alice", "no-means-no": "boris", "georgia-counseling": "nino"}
ADMIN = "olga"


def load() -> None:
    User = get_user_model()
    people = {}
    for username, first_name, password, slug, role in USERS:
        is_admin = slug is None
        user = upsert(
            User,
            {"username": username},
            first_name=first_name,
            email=f"{username}@example.org",
            is_active=True,
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        if slug is not None:
            upsert(Membership, {"user": user, "organization": Organization.objects.get(slug=slug)}, role=role)
        people[username] = user

    for slug in CONTACT_POINTS:
        verifier = people[VERIFIED_BY.get(slug, ADMIN)]
        for contact in ContactPoint.objects.filter(organization__slug=slug, is_example=True):
            upsert(ContactPoint, {"pk": contact.pk}, last_verified_by=verifier)
    for country in Country.objects.filter(code__in=[profile["code"] for profile in PROFILES]):
        upsert(Country, {"pk": country.pk}, reviewed_by=people[ADMIN])
