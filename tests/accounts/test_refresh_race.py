"""Racing refreshes with one refresh token leave one token family, and the session alive.

A phone and its service worker, or two tabs, may refresh at the same moment. The session row
is locked, so the refreshes queue: the first rotates, the others are retries of that rotation
and are answered with the same successor, never with a second live token.
"""

import pytest
from rest_framework.test import APIClient

from accounts.models import AuthSession
from tests.concurrency import at_once, needs_postgresql
from tests.factories import UserFactory

from .conftest import bearer, obtain
from .test_tokens import ME, REFRESH, payload_of, refresh

RACERS = 20


@pytest.mark.django_db(transaction=True)
@needs_postgresql
def test_racing_refreshes_with_one_token_make_one_successor():
    UserFactory(username="anna")
    pair = obtain("anna")
    clients = [APIClient(raise_request_exception=False) for _ in range(RACERS)]
    answers = at_once(
        *(lambda client=client: client.post(REFRESH, {"refresh": pair["refresh"]}) for client in clients)
    )
    assert {answer.status_code for answer in answers} == {200}, [a.status_code for a in answers]
    successors = {answer.json()["refresh"] for answer in answers}
    assert len(successors) == 1
    successor = successors.pop()
    for answer in answers:
        assert bearer(answer.json()["access"]).get(ME).status_code == 200
    session = AuthSession.objects.get(pk=payload_of(pair["refresh"])["sid"])
    assert session.revoked_at is None
    assert refresh(successor).status_code == 200
