from django.urls import path

from .views import MeView
from .views_auth import LoginView, LogoutView, RefreshView, VerifyView

urlpatterns = [
    path("auth/token/", LoginView.as_view(), name="auth-token"),
    path("auth/token/refresh/", RefreshView.as_view(), name="auth-token-refresh"),
    path("auth/token/verify/", VerifyView.as_view(), name="auth-token-verify"),
    path("auth/logout/", LogoutView.as_view(), name="auth-logout"),
    path("me/", MeView.as_view(), name="me"),
]
