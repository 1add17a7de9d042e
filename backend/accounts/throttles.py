"""Login throttles per client address and per username, to slow password guessing.

The address is only a cache key (hashed, expiring); nothing about readers is stored.
"""

import hashlib

from rest_framework.throttling import SimpleRateThrottle


class LoginIPThrottle(SimpleRateThrottle):
    scope = "login_ip"

    def get_cache_key(self, request, view):
        ident = hashlib.sha256(self.get_ident(request).encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


class LoginUsernameThrottle(SimpleRateThrottle):
    scope = "login_username"

    def get_cache_key(self, request, view):
        username = str(request.data.get("username", "")).strip().lower() if hasattr(request, "data") else ""
        if not username:
            return None
        ident = hashlib.sha256(username.encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


class InvitationAcceptThrottle(LoginIPThrottle):
    scope = "invitation_accept"
