from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import CalendarFeedView, CampaignViewSet, EventViewSet, PersonalCalendarView

router = SimpleRouter()
router.register("campaigns", CampaignViewSet)
router.register("events", EventViewSet)
urlpatterns = [
    path("calendar-feed/", CalendarFeedView.as_view(), name="calendar-feed"),
    path("calendar-feed/<str:token>.ics", PersonalCalendarView.as_view(), name="calendar-feed-ics"),
    *router.urls,
]
