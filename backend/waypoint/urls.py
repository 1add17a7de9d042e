"""Root URLs: the versioned API and its index, the HSDS API, documentation, the admin and the health check."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from core.api_root import ApiIndexView
from core.docs import RedocDocsView, SwaggerDocsView, problem_types
from core.health import healthz, readyz

urlpatterns = [
    path("api/v1/", ApiIndexView.as_view(), name="api-index"),
    path("api/v1/", include([path("", include(f"{app}.urls")) for app in settings.API_APPS])),
    path("api/hsds/", include("hsds.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SwaggerDocsView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", RedocDocsView.as_view(url_name="schema"), name="redoc"),
    path("api/problems/", problem_types, name="problem-types"),
    path("api/problems/<slug:slug>", problem_types, name="problem-type"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
]

handler500 = "core.outage.server_error"
