"""`RateLimit-Policy` and `RateLimit` headers (draft-ietf-httpapi-ratelimit-headers) on throttled operations.

DRF refuses an excess request with 429 and `Retry-After`, but says nothing before: with these
headers a well-behaved client (a bot signing in, a script accepting invitations) sees what it has
left and slows down before it is refused. Written here because DRF's throttles keep their counts
to themselves and no maintained library reports them for DRF.

Each throttle gives one or more allowances: a named policy with its quota `q` per window `w`
(seconds), and what is left of it `r` until `t` seconds from now, when the oldest counted request
leaves the window.
"""

import math
from dataclasses import dataclass

from rest_framework.throttling import SimpleRateThrottle


@dataclass(frozen=True)
class Allowance:
    policy: str
    quota: int
    window: int
    remaining: int
    reset: int


def allowance_of(throttle: SimpleRateThrottle, key: str | None) -> Allowance | None:
    """What is left of a DRF rate throttle's quota under `key`, as of now."""
    if key is None or throttle.rate is None:
        return None
    now = throttle.timer()
    history = [at for at in throttle.cache.get(key, []) if at > now - throttle.duration]
    reset = math.ceil(history[-1] + throttle.duration - now) if history else 0
    return Allowance(
        policy=throttle.scope,
        quota=throttle.num_requests,
        window=int(throttle.duration),
        remaining=max(throttle.num_requests - len(history), 0),
        reset=reset,
    )


def allowances_of(throttle) -> list[Allowance]:
    """A throttle's allowances: its own `allowances()` if it counts otherwise than DRF's rate throttles."""
    if hasattr(throttle, "allowances"):
        return throttle.allowances()
    if isinstance(throttle, SimpleRateThrottle):
        allowance = allowance_of(throttle, getattr(throttle, "key", None))
        return [] if allowance is None else [allowance]
    return []


class RateLimitHeadersMixin:
    """Adds `RateLimit-Policy` and `RateLimit` to every answer of a throttled view, 429 included."""

    applied_throttles: list = []

    def check_throttles(self, request):
        # DRF's loop, keeping the throttles it asked so their counts can be reported afterwards.
        self.applied_throttles = self.get_throttles()
        waits = [t.wait() for t in self.applied_throttles if not t.allow_request(request, self)]
        if waits:
            self.throttled(request, max((wait for wait in waits if wait is not None), default=None))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        allowances = [a for throttle in self.applied_throttles for a in allowances_of(throttle)]
        if allowances:
            response["RateLimit-Policy"] = ", ".join(
                f'"{a.policy}";q={a.quota};w={a.window}' for a in allowances
            )
            response["RateLimit"] = ", ".join(f'"{a.policy}";r={a.remaining};t={a.reset}' for a in allowances)
        return response
