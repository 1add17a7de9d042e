"""A small directory for the HSDS API: who may see each contact point is in its name.

- public_org (public) has `hotline` (phone, with weekly hours), `mailbox` (e-mail), `office`
  (a place), `channel` (Telegram, network-only), `paused` (a paused SMS line), `secret` (Signal,
  restricted to public_org's members).
- org_a (alpha, network-only, from the cast) has `alpha_line`, public itself but capped by its
  organization: network only.
"""

from types import SimpleNamespace

import pytest

from accounts.models import Membership
from tests.factories import ContactPointFactory, OrganizationFactory, person_in

WEEKDAYS_10_TO_18 = [{"weekday": day, "opens_at": "10:00", "closes_at": "18:00"} for day in range(1, 6)]


@pytest.fixture
def public_org(db):
    return OrganizationFactory(
        name="Open Door Counseling (example data)",
        description="Counsels objectors (example data).",
        countries=["DE", "GE"],
        website="https://open-door.example.org",
        visibility="public",
    )


@pytest.fixture
def paula(public_org):
    """Member of public_org: sees its restricted and paused contact points."""
    return person_in(public_org, "paula", Membership.Role.MEMBER)


@pytest.fixture
def directory(public_org, org_a):
    contact = ContactPointFactory
    return SimpleNamespace(
        hotline=contact(
            organization=public_org,
            channel="phone",
            value="+4915782470251",
            label="Hotline (example data)",
            languages=["ru", "de"],
            countries=[],
            opening_hours=[*WEEKDAYS_10_TO_18, {"weekday": 6, "opens_at": "22:00", "closes_at": "02:00"}],
            time_zone="Europe/Berlin",
            hours="Closed on public holidays.",
            security_advice="Write first; unknown numbers are not answered.",
        ),
        mailbox=contact(organization=public_org, channel="email", value="help@open-door.example.org"),
        office=contact(
            organization=public_org, channel="office", value="Beispielstr. 1, 10115 Berlin", label="Office"
        ),
        channel=contact(
            organization=public_org, channel="telegram", value="@open_door_help", visibility="network"
        ),
        paused=contact(organization=public_org, channel="sms", value="+4915782470252", status="paused"),
        secret=contact(
            organization=public_org, channel="signal", value="+4915782470253", visibility="restricted"
        ),
        alpha_line=contact(organization=org_a, channel="website", value="https://alpha.example.org"),
    )
