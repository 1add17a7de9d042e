"""`manage.py prune_sessions`: ended sessions are forgotten after the retention period, live ones never."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from accounts.models import AuthSession

from .conftest import obtain
from .test_tokens import LOGOUT, payload_of, refresh


def sign_in_at(moment, *, end: bool = False) -> str:
    """Sign anna in at `moment` (signing out at once if `end`); returns the session id."""
    with time_machine.travel(moment, tick=False):
        pair = obtain("anna")
        if end:
            assert APIClient().post(LOGOUT, {"refresh": pair["refresh"]}).status_code == 204
    return payload_of(pair["refresh"])["sid"]


def test_it_deletes_sessions_ended_longer_ago_than_the_retention_and_keeps_the_rest(anna, settings):
    assert settings.JWT_SESSION_RETENTION_DAYS == 30
    now = timezone.now()
    ended_long_ago = sign_in_at(now - timedelta(days=31), end=True)
    ended_lately = sign_in_at(now - timedelta(days=29), end=True)
    # Never signed out, but past its 30 days more than 30 days ago / its refresh token long expired.
    too_old = sign_in_at(now - timedelta(days=61))
    abandoned = sign_in_at(now - timedelta(days=40))
    live = obtain("anna")

    out = StringIO()
    call_command("prune_sessions", stdout=out)

    left = set(map(str, AuthSession.objects.values_list("pk", flat=True)))
    assert left == {ended_lately, payload_of(live["refresh"])["sid"]}
    assert {ended_long_ago, too_old, abandoned}.isdisjoint(left)
    assert "Deleted 3 session(s)" in out.getvalue()
    # Expired refresh tokens' records are gone; the live session still refreshes.
    assert not OutstandingToken.objects.filter(expires_at__lte=timezone.now()).exists()
    assert refresh(live["refresh"]).status_code == 200


def test_days_option_and_dry_run(anna):
    ended = sign_in_at(timezone.now() - timedelta(days=10), end=True)
    out = StringIO()
    call_command("prune_sessions", days=5, dry_run=True, stdout=out)
    assert "Would delete 1 session(s)" in out.getvalue()
    assert AuthSession.objects.filter(pk=ended).exists()
    call_command("prune_sessions", days=20, stdout=out)
    assert AuthSession.objects.filter(pk=ended).exists()
    call_command("prune_sessions", days=5, stdout=out)
    assert not AuthSession.objects.filter(pk=ended).exists()
    with pytest.raises(CommandError):
        call_command("prune_sessions", days=-1, stdout=out)
