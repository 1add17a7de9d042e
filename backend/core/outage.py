"""A database or cache that does not answer is an outage, not a bug: 503, `Retry-After`, one log line.

The failure can surface anywhere a request touches the database or the cache: in a view, in
DRF's authentication, in the idempotency middleware before the view runs. Django turns
every such exception into a response through `handler500` (wherever it was raised, inside
a middleware or a view), so that handler is the one place an outage is answered. DRF's
exception handler hands these exceptions on to it (`core.errors`) instead of answering 500.

Django also logs each 5xx with its traceback, which during an outage floods the log with
one identical traceback per request; `core.unavailable.ShortOutageRecords` shortens those
records to one line naming the service and the error. Nothing is kept between requests,
so the first request after the server is back simply works again.
"""

import sys

from django.conf import settings
from django.http import JsonResponse
from django.views import defaults

from .errors import problem_response
from .unavailable import unavailable_service


def unavailable_response(request, service: str) -> JsonResponse:
    seconds = settings.OUTAGE_RETRY_AFTER_SECONDS
    return problem_response(
        "service-unavailable",
        request,
        detail=f"The {service} does not answer. Try again in {seconds} seconds.",
        code=f"{service}_unavailable",
        headers={"Retry-After": str(seconds)},
    )


def server_error(request):
    """`handler500`: an outage answers 503 problem details, anything else Django's own 500.

    Django calls it while handling the exception, so `sys.exc_info()` names the cause.
    """
    service = unavailable_service(sys.exc_info()[1])
    if service is None:
        return defaults.server_error(request)
    return unavailable_response(request, service)
