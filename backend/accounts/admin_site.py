"""The admin site, with its login under the same sign-in throttle as the API (`LoginGuard`).

Django's admin login has no limit of its own: without this, the network office's
passwords could be guessed there at any speed, whatever the API allows.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpResponse

from .throttles import LoginGuard


class WaypointAdminSite(admin.AdminSite):
    def login(self, request, extra_context=None):
        if request.method != "POST":
            return super().login(request, extra_context)
        guard = LoginGuard(request, request.POST.get("username", ""))
        wait = guard.wait()
        if wait is not None:
            seconds = int(wait) + 1
            response = HttpResponse(
                f"Too many failed sign-ins. Try again in {seconds} seconds.",
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(seconds)
            return response
        response = super().login(request, extra_context)
        # The admin answers a good login with a redirect and a bad one with the form again
        # (a refused CSRF token, 403, says nothing about the password).
        if response.status_code == 302 and request.user.is_authenticated:
            guard.succeeded(response)
        elif response.status_code == 200:
            guard.failed()
        return response


class WaypointAdminConfig(AdminConfig):
    default_site = "accounts.admin_site.WaypointAdminSite"
