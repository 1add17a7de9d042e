"""What the database keeps of a login is useless to whoever copies the database or a backup.

Only the `jti` of a refresh token is stored (as invitations keep only a hash), so nothing
read from the tables can be presented as a token; a live session still refreshes.
"""

from django.apps import apps
from rest_framework.test import APIClient

from .conftest import obtain
from .test_tokens import LOGOUT, refresh

TOKEN_APPS = {"accounts", "token_blacklist", "auth"}


def stored_strings(app_labels: set[str] | None = None) -> set[str]:
    """Every non-empty string value of every row of the models of `app_labels` (all apps if None)."""
    found = set()
    for model in apps.get_models():
        if app_labels is not None and model._meta.app_label not in app_labels:
            continue
        for row in model._base_manager.values():
            found |= {value for value in row.values() if isinstance(value, str) and value}
    return found


def test_no_string_in_the_database_works_as_a_refresh_token(anna, alice):
    pair = obtain("anna")
    rotated = refresh(pair["refresh"]).data
    other = obtain("alice")
    ended = obtain("anna")
    assert APIClient().post(LOGOUT, {"refresh": ended["refresh"]}).status_code == 204

    issued = [pair["refresh"], rotated["refresh"], other["refresh"], ended["refresh"]]
    everything = stored_strings()
    for token in issued:
        assert not [value for value in everything if token in value or token.split(".")[2] in value]

    candidates = stored_strings(TOKEN_APPS)
    assert candidates  # the scan reads something: usernames, jtis, session reasons...
    for value in candidates:
        assert refresh(value).status_code == 401, value
    # The live tokens themselves still work: it is the copy that is useless.
    assert refresh(rotated["refresh"]).status_code == 200
    assert refresh(other["refresh"]).status_code == 200
