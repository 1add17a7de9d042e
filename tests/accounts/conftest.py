"""Shared pieces for the account tests: raw token pairs and clients holding one access token.

The cast (anna, alice, bob, olga) and the throttle reset come from tests/conftest.py.
"""

import pytest
from rest_framework.test import APIClient

from ..conftest import PASSWORD


def obtain(username: str, password: str = PASSWORD) -> dict:
    """Sign in through the API and return {access, refresh}."""
    response = APIClient().post("/api/v1/auth/token/", {"username": username, "password": password})
    assert response.status_code == 200, response.content
    return response.data


def bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


@pytest.fixture
def tokens(db):
    """`tokens(user)` signs `user` in and returns the raw {access, refresh} pair."""
    return lambda user: obtain(user.username)
