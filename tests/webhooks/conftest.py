"""A loopback receiver, and endpoints registered through the API as a coordinator would."""

import pytest

from tests.jobs import run_jobs

from .receiver import Receiver


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def register(client_of):
    """`register("bob", org_b, url)`: the endpoint as the API answered its creation (secret included)."""

    def make(name: str, organization, url: str, event_types=("contact_point.*",)) -> dict:
        response = client_of(name).post(
            "/api/v1/webhooks/",
            {"organization": organization.pk, "url": url, "event_types": list(event_types)},
            format="json",
        )
        assert response.status_code == 201, response.content
        return response.data

    return make


@pytest.fixture
def deliver():
    """Run the queued jobs until none is ready: the events drawn up and their deliveries made."""

    def run() -> int:
        total = 0
        while ran := run_jobs():
            total += ran
        return total

    return run
