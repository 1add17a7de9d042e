"""Sign-in throttling that stops password guessing without letting a stranger lock anyone out.

One rule for the API sign-in and the admin login alike (`LoginGuard`). Only failed
attempts count, so signing in uses up nobody's allowance:

1. An address may fail 20 times a minute, whatever the usernames (THROTTLE_LOGIN_IP).
2. A client may fail 5 times a minute for one username (THROTTLE_LOGIN_FAILURES). The
   client is its device cookie (below) if it holds one for that username, else its address.
3. A username that failed 20 times in an hour, counted from everywhere, is under attack
   (THROTTLE_LOGIN_USERNAME): while it is, only clients that have not failed for it
   within the hour may try it.

So a guesser at one address, or holding one device cookie, gets 5 guesses a minute and
about 20 an hour; one with many addresses one guess per address per hour once the
account is under attack. The person whose account it is still signs in from a device
that signed in before, or from any address they have not mistyped at, whatever a
stranger does: with a device cookie even from an address a stranger shares, since a
device is counted by its cookie and is exempt from the address limit (1).

Device cookies (OWASP, "Slow brute force attacks: device cookies"): a successful sign-in
sets an HttpOnly cookie holding a random nonce and an HMAC of nonce and username under
the server's secret. It names nobody: without the secret it cannot be tied to a username.

Addresses and usernames appear only hashed, as keys of expiring cache entries; nothing of
this is written to the database or logged. DRF's throttles count every request before
the password is checked, so the counting here is our own, on DRF's rate format and timer.
"""

import hashlib
import secrets
from collections.abc import Mapping

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from core.ratelimit import Allowance, allowance_of

DEVICE_COOKIE = "waypoint_device"
DEVICE_COOKIE_DAYS = 180


def _hashed(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def username_of(data) -> str:
    """The username of a sign-in body, as it is compared: trimmed, lower case."""
    # A body that is not an object has no username; the serializer answers it with 400.
    return str(data.get("username", "")).strip().lower() if isinstance(data, Mapping) else ""


class _Failures(SimpleRateThrottle):
    """Failures under one key within a DRF rate ("5/min"): `record()` counts, `exceeded()` checks."""

    def __init__(self, scope: str, *parts: str):
        self.scope = scope
        super().__init__()
        self.key = self.cache_format % {"scope": scope, "ident": _hashed(*parts)}

    def get_cache_key(self, request, view):
        return self.key

    def exceeded(self) -> bool:
        self.now = self.timer()
        self.history = [at for at in self.cache.get(self.key, []) if at > self.now - self.duration]
        return len(self.history) >= self.num_requests

    def record(self) -> None:
        self.exceeded()
        self.history.insert(0, self.now)
        self.cache.set(self.key, self.history, self.duration)

    def forget(self) -> None:
        self.cache.delete(self.key)


def _device_mac(nonce: str, username: str) -> str:
    return salted_hmac("accounts.throttles.device", f"{nonce}:{username}").hexdigest()


class LoginGuard:
    """The sign-in rule for one attempt: `wait()` before checking the password, then
    `failed()` or `succeeded(response)` after."""

    def __init__(self, request, username: str):
        self.username = username.strip().lower()
        self.address = BaseThrottle().get_ident(request) or ""
        self.device = self._trusted_device(request)
        client = f"device:{self.device}" if self.device else f"address:{self.address}"
        self.per_client = _Failures("login_failures", client, self.username)
        self.per_address = _Failures("login_ip", self.address)
        self.per_username = _Failures("login_username", self.username)
        self.failed_here = "login_failed_here:" + _hashed(client, self.username)

    def _trusted_device(self, request) -> str | None:
        nonce, _, mac = request.COOKIES.get(DEVICE_COOKIE, "").partition(".")
        if nonce and mac and constant_time_compare(mac, _device_mac(nonce, self.username)):
            return nonce
        return None

    def wait(self) -> float | None:
        """Seconds until this attempt may be made, or None if it may be made now."""
        checks = [self.per_client]
        if self.device is None:
            checks.append(self.per_address)
        if cache.get(self.failed_here):
            checks.append(self.per_username)
        for check in checks:
            if check.exceeded():
                return max(check.wait() or 1.0, 1.0)
        return None

    def failed(self) -> None:
        self.per_client.record()
        self.per_username.record()
        cache.set(self.failed_here, True, self.per_username.duration)
        if self.device is None:
            self.per_address.record()

    def allowances(self) -> list[Allowance]:
        """What is left of the allowances that apply to this client and username."""
        checks = [self.per_client] if self.device else [self.per_client, self.per_address]
        return [a for check in checks if (a := allowance_of(check, check.key)) is not None]

    def succeeded(self, response) -> None:
        self.per_client.forget()
        cache.delete(self.failed_here)
        nonce = self.device or secrets.token_urlsafe(16)
        response.set_cookie(
            DEVICE_COOKIE,
            f"{nonce}.{_device_mac(nonce, self.username)}",
            max_age=DEVICE_COOKIE_DAYS * 24 * 3600,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )


def login_guard(request) -> LoginGuard:
    """The guard of a sign-in request, made once per request from its body."""
    guard = getattr(request, "_login_guard", None)
    if guard is None:
        guard = request._login_guard = LoginGuard(request, username_of(request.data))
    return guard


class LoginThrottle(BaseThrottle):
    """DRF's way in for `LoginGuard`: a 429 with Retry-After while the guard says wait."""

    # None while the body could not be read (a 400): there is nothing to count yet.
    _guard: LoginGuard | None = None

    def allow_request(self, request, view) -> bool:
        self._guard = login_guard(request)
        self._wait = self._guard.wait()
        return self._wait is None

    def wait(self):
        return self._wait

    def allowances(self) -> list[Allowance]:
        return [] if self._guard is None else self._guard.allowances()


class LoginIPThrottle(SimpleRateThrottle):
    """Every request per client address; the address only as a hashed, expiring cache key."""

    scope = "login_ip"

    def get_cache_key(self, request, view):
        self.key = self.cache_format % {"scope": self.scope, "ident": _hashed(self.get_ident(request))}
        return self.key


class InvitationAcceptThrottle(LoginIPThrottle):
    scope = "invitation_accept"


class InvitationEmailThrottle(SimpleRateThrottle):
    """Invitation e-mails per address, however many invitations and inviters ask for them.

    An invitation names any address, so without a bound the resend button would flood a
    stranger's mailbox. Only e-mails queued count (the view calls `spend()` on success): a
    refused request spends nothing, so nobody stops a stranger's invitations by asking for
    them where they may not. The view says which address a request e-mails
    (`invited_address`); it is kept only hashed.
    """

    scope = "invitation_email"

    def get_cache_key(self, request, view):
        address = view.invited_address(request)
        if not address:
            return None  # the serializer refuses the body
        self.key = self.cache_format % {"scope": self.scope, "ident": _hashed(address.strip().lower())}
        return self.key

    def throttle_success(self) -> bool:
        return True  # counted by `spend()`, once the e-mail is queued

    def spend(self) -> None:
        if getattr(self, "key", None) is not None:
            self.history.insert(0, self.now)
            self.cache.set(self.key, self.history, self.duration)
