"""GET /search/: full-text search across every type the caller may see."""

from dataclasses import asdict

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param
from rest_framework.views import APIView

from core.schema import ProblemSerializer
from core.viewer import request_viewer

from .serializers import (
    MAX_PAGE,
    SearchParamsSerializer,
    SearchResultsSerializer,
)
from .services import search

TEXT_ERRORS = [
    "required",
    "blank",
    "max_length",
    "null_characters_not_allowed",
    "surrogate_characters_not_allowed",
]
NUMBER_ERRORS = ["invalid", "min_value", "max_value", "max_string_length"]


@extend_validation_errors(TEXT_ERRORS, field_name="q", methods=["get"])
@extend_validation_errors(["invalid_choice", "max_length"], field_name="type", methods=["get"])
@extend_validation_errors(["invalid_choice"], field_name="language", methods=["get"])
@extend_validation_errors(["invalid_choice"], field_name="country", methods=["get"])
@extend_validation_errors(NUMBER_ERRORS, field_name="page", methods=["get"])
@extend_validation_errors(NUMBER_ERRORS, field_name="page_size", methods=["get"])
class SearchView(APIView):
    @extend_schema(
        operation_id="search",
        summary="Search everything you may see",
        description=(
            "Documents, organizations, contact points, country profiles, resources and events, "
            "ranked together. Inflected forms meet (Russian, Ukrainian, German and English: "
            '"убежища" finds "убежище", "Beratungen" finds "Beratung"), and part of a phone number '
            "finds it. Results, counts and pages only ever include what you may see: anonymous "
            "callers search public objects. A search that takes too long is stopped and answered 503."
        ),
        parameters=[SearchParamsSerializer],
        responses={
            200: SearchResultsSerializer,
            503: OpenApiResponse(
                ProblemSerializer, description="The search took too long and was stopped (`search_timeout`)."
            ),
        },
        tags=["search"],
        examples=[
            OpenApiExample(
                "A guide found",
                response_only=True,
                value={
                    "count": 1,
                    "counts": {"document": 1, "organization": 0, "contact_point": 0, "country": 0},
                    "next": None,
                    "previous": None,
                    "results": [
                        {
                            "type": "document",
                            "id": 7,
                            "title": "France: asylum and evidence of call-up (example data)",
                            "snippet": "Keep every <mark>call-up</mark> paper …",
                            "languages": ["en"],
                            "countries": ["FR"],
                            "url": "/api/v1/documents/7/",
                            "rank": 0.6,
                        }
                    ],
                },
            )
        ],
    )
    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        page, size = data["page"], data["page_size"]
        outcome = search(
            viewer=request_viewer(request),
            q=data["q"],
            types=data.get("type"),
            language=data.get("language"),
            country=data.get("country"),
            offset=(page - 1) * size,
            limit=size,
        )
        url = request.build_absolute_uri()
        has_next = page * size < outcome.count and page < MAX_PAGE
        body = {
            "count": outcome.count,
            "counts": outcome.counts,
            "next": replace_query_param(url, "page", page + 1) if has_next else None,
            "previous": (
                None
                if page == 1
                else remove_query_param(url, "page")
                if page == 2
                else replace_query_param(url, "page", page - 1)
            ),
            "results": [asdict(hit) for hit in outcome.hits],
        }
        return Response(SearchResultsSerializer(body).data)
