"""Login throttles per client address and per username, to slow password guessing.

The address is only a cache key (hashed, expiring); nothing about readers is stored.
"""

import hashlib
from collections.abc import Mapping

from rest_framework.throttling import SimpleRateThrottle


class LoginIPThrottle(SimpleRateThrottle):
    scope = "login_ip"

    def get_cache_key(self, request, view):
        ident = hashlib.sha256(self.get_ident(request).encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


class LoginUsernameThrottle(SimpleRateThrottle):
    scope = "login_username"

    def get_cache_key(self, request, view):
        data = getattr(request, "data", None)
        # A body that is not an object has no username; the serializer answers it with 400.
        username = str(data.get("username", "")).strip().lower() if isinstance(data, Mapping) else ""
        if not username:
            return None
        ident = hashlib.sha256(username.encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


class InvitationAcceptThrottle(LoginIPThrottle):
    scope = "invitation_accept"
