from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import MeView
from .views_auth import LoginView, LogoutView, RefreshView, VerifyView
from .views_invitations import InvitationAcceptView, InvitationViewSet
from .views_members import MembershipViewSet, UserViewSet
from .views_sessions import SessionViewSet

router = SimpleRouter()
router.register("invitations", InvitationViewSet)
router.register("memberships", MembershipViewSet)
router.register("users", UserViewSet)
router.register("auth/sessions", SessionViewSet, basename="auth-session")

urlpatterns = [
    path("auth/token/", LoginView.as_view(), name="auth-token"),
    path("auth/token/refresh/", RefreshView.as_view(), name="auth-token-refresh"),
    path("auth/token/verify/", VerifyView.as_view(), name="auth-token-verify"),
    path("auth/logout/", LogoutView.as_view(), name="auth-logout"),
    path("me/", MeView.as_view(), name="me"),
    path("invitations/accept/", InvitationAcceptView.as_view(), name="invitation-accept"),
    *router.urls,
]
