"""The API's front door and its answer for addresses it does not have.

`/api/v1/` is the address the README gives newcomers: it answers with the collections and
other entry points a client can start from, and where the schema and docs are. An unknown
address, or any other error Django answers by itself under `/api/`, is problem details like
every other API error, so a client never has to parse an HTML page; other addresses keep
Django's own error pages.
"""

from django.conf import settings
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .errors import PROBLEM_JSON, kind_of_status, problem_response

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
    problems = serializers.URLField(help_text="The kinds of problem an error's `type` names.")
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
                "problems": absolute(reverse("problem-types")),
                "resources": {name: absolute(path) for name, path in entry_points().items()},
            }
        )


class ApiErrorsAsProblemsMiddleware:
    """Under `/api/`, an error page of Django's own becomes problem details of its status.

    Django, not the API, answers an unknown address (its 404 page, or the debug page with
    DEBUG on), a crash outside a view's exception handler (its 500 page) or a CSRF refusal:
    HTML a client cannot parse. Placed after LocaleMiddleware so the title is in the
    request's language and `Content-Language` is set on the answer that leaves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        if (
            not request.path.startswith("/api/")
            or response.status_code < 400
            or content_type.startswith(("application/json", PROBLEM_JSON))
        ):
            return response
        kind = kind_of_status(response.status_code)
        problem = problem_response(kind.slug, request, detail=kind.title, code=kind.slug.replace("-", "_"))
        if response.has_header("Allow"):
            problem["Allow"] = response["Allow"]
        return problem
