"""Remembers the current request so the change recorder can name the actor of any write."""

from contextvars import ContextVar

_current_request: ContextVar = ContextVar("waypoint_current_request", default=None)


def current_actor():
    """The user behind the write in progress (API, admin) or None (management commands)."""
    request = _current_request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class ChangeActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
