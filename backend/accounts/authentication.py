"""JWT authentication that simplejwt alone cannot give: revocation that takes effect at once.

Each request checks the token's session and the user's state in one query, so logout,
deactivation and refresh-token reuse end access on the very next request. Membership
changes need no check here: the viewer is rebuilt from current memberships every time.
"""

from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken

from .errors import flat
from .tokens import live_session


class RevocableJWTAuthentication(JWTAuthentication):
    def authenticate(self, request):
        try:
            return super().authenticate(request)
        except (InvalidToken, AuthenticationFailed) as exc:
            raise flat(exc) from exc

    def get_user(self, validated_token):
        return live_session(validated_token).user
