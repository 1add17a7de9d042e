"""The API's front door and its answer for addresses it does not have.

`/api/v1/` is the address the README gives newcomers: it answers with the collections and
other entry points a client can start from, and where the schema and docs are. An unknown
address under `/api/` answers 404 as problem details like every other API error, so a
client never has to parse an HTML page; other addresses keep Django's own 404 page.
"""

from django.conf import settings
from django.http import JsonResponse
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.views import defaults
from drf_spectacular.utils import extend_schema
from drf_standardized_errors.handler import exception_handler
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

API_PREFIX = "api/v1/"


def entry_points() -> dict[str, str]:
    """Name → path of every API address that needs no identifier (collections, `/me/`, `/sync/`)."""
    api = next(
        p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and str(p.pattern) == API_PREFIX
    )
    found = {}
    for name in sorted(set(_names(api))):
        try:
            found[name] = reverse(name)
        except NoReverseMatch:
            continue  # needs an id: reached from a collection
    return found


def _names(resolver: URLResolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _names(pattern)
        elif pattern.name:
            yield pattern.name


class ApiIndexSerializer(serializers.Serializer):
    title = serializers.CharField()
    version = serializers.CharField()
    schema = serializers.URLField(help_text="This API's OpenAPI description (YAML; `?format=json` for JSON).")
    docs = serializers.URLField(help_text="Interactive documentation.")
    redoc = serializers.URLField(help_text="Reference documentation.")
    resources = serializers.DictField(
        child=serializers.URLField(), help_text="Every address that needs no identifier, by route name."
    )


class ApiIndexView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="api_index",
        summary="Index of the API",
        description="Where to start: the API's collections and entry points, its schema and docs. Anyone.",
        responses=ApiIndexSerializer,
        tags=["api"],
    )
    def get(self, request):
        absolute = request.build_absolute_uri
        return Response(
            {
                "title": settings.SPECTACULAR_SETTINGS["TITLE"],
                "version": settings.SPECTACULAR_SETTINGS["VERSION"],
                "schema": absolute(reverse("schema")),
                "docs": absolute(reverse("swagger-ui")),
                "redoc": absolute(reverse("redoc")),
                "resources": {name: absolute(path) for name, path in entry_points().items()},
            }
        )


def not_found(request, exception=None):
    """Django's 404 handler: problem details under `/api/`, Django's page elsewhere."""
    if not request.path.startswith("/api/"):
        return defaults.page_not_found(request, exception)

    response = exception_handler(exceptions.NotFound(), {"request": request, "view": None})
    return JsonResponse(response.data, status=response.status_code)
