"""Keeps authenticated API responses out of every cache (docs/design.md, "Safety for people at risk")."""

from django.utils.cache import add_never_cache_headers, patch_vary_headers


class NoStoreForAuthenticatedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.headers.get("Authorization") or getattr(request.user, "is_authenticated", False):
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, private"
        patch_vary_headers(response, ["Authorization"])
        return response
