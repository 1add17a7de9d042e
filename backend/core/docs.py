"""API documentation pages that load nothing from third parties.

Swagger UI and ReDoc come from the sidecar package (served as our own static files). The
stock ReDoc page links Google Fonts and the ReDoc bundle shows a logo from its vendor's
CDN; our template drops the fonts and the Content-Security-Policy keeps the browser from
fetching anything off this origin. Swagger UI's start script is served as a file of its
own, so no inline script needs allowing; its online validator badge is switched off in
SPECTACULAR_SETTINGS.
"""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

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
