"""Shared pieces for the account tests: raw token pairs and clients holding one access token.

The cast (anna, alice, bob, olga) and the throttle reset come from tests/conftest.py.
"""

from rest_framework.test import APIClient

from tests.conftest import PASSWORD, login


def obtain(username: str, password: str = PASSWORD) -> dict:
    """Sign in through the API and return {access, refresh}."""
    return login(APIClient(), username, password)


def bearer(access: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client
