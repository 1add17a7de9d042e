"""The HSDS API under /api/hsds/, at the paths HSDS names (no trailing slash but the root's)."""

from django.urls import path

from .views import HsdsOrganizationViewSet, HsdsRootView, HsdsServiceAtLocationViewSet, HsdsServiceViewSet

LIST, DETAIL = {"get": "list"}, {"get": "retrieve"}

urlpatterns = [
    path("", HsdsRootView.as_view(), name="hsds-root"),
    path("organizations", HsdsOrganizationViewSet.as_view(LIST), name="hsds-organization-list"),
    path("organizations/<uuid:id>", HsdsOrganizationViewSet.as_view(DETAIL), name="hsds-organization-detail"),
    path("services", HsdsServiceViewSet.as_view(LIST), name="hsds-service-list"),
    path("services/<uuid:id>", HsdsServiceViewSet.as_view(DETAIL), name="hsds-service-detail"),
    path(
        "service_at_locations",
        HsdsServiceAtLocationViewSet.as_view(LIST),
        name="hsds-service-at-location-list",
    ),
    path(
        "service_at_locations/<uuid:id>",
        HsdsServiceAtLocationViewSet.as_view(DETAIL),
        name="hsds-service-at-location-detail",
    ),
]
