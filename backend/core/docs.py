"""API documentation pages that load nothing from third parties.

Swagger UI and ReDoc come from the sidecar package (served as our own static files). The
stock ReDoc page links Google Fonts and the ReDoc bundle shows a logo from its vendor's
CDN; our template drops the fonts and the Content-Security-Policy keeps the browser from
fetching anything off this origin. Swagger UI's start script is served as a file of its
own, so no inline script needs allowing; its online validator badge is switched off in
SPECTACULAR_SETTINGS.

The problem types page documents every `type` an error can carry, from the one register of
them (`core.errors.PROBLEM_KINDS`); each type's address shows the page at its section.
"""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import override
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

from .errors import PROBLEM_KINDS, problem_type

DOCS_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Both UIs style themselves with inline <style> elements.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        # ReDoc runs its search index in a worker made from a blob: URL.
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
    ]
)


class SelfContainedDocsMixin:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = DOCS_CSP
        return response


class SwaggerDocsView(SelfContainedDocsMixin, SpectacularSwaggerSplitView):
    pass


class RedocDocsView(SelfContainedDocsMixin, SpectacularRedocView):
    template_name = "core/redoc.html"


@require_safe
def problem_types(request, slug: str | None = None):
    """The page every problem `type` leads to: `/api/problems/` and `/api/problems/<slug>`."""
    if slug is not None and slug not in PROBLEM_KINDS:
        raise Http404(slug)
    with override("en"):  # the page is in English, as the rest of the API's documentation
        kinds = [
            {
                "slug": k.slug,
                "type": problem_type(k.slug),
                "status": k.status,
                "title": str(k.title),
                "description": k.description,
            }
            for k in PROBLEM_KINDS.values()
        ]
    response = TemplateResponse(request, "core/problems.html", {"kinds": kinds})
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    )
    return response
