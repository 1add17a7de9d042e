from django.urls import path

from .views import MailPreferencesView

urlpatterns = [path("me/notifications/", MailPreferencesView.as_view(), name="me-notifications")]
