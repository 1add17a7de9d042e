"""A renderer for text/calendar bodies, so calendar apps' Accept headers are honoured."""

from rest_framework.renderers import BaseRenderer, JSONRenderer

from core.errors import PROBLEM_JSON


class ICalendarRenderer(BaseRenderer):
    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None or isinstance(data, bytes):
            return data or b""
        # Errors (404, 401) are problem details: send them so, not as a broken calendar.
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = PROBLEM_JSON
        return JSONRenderer().render(data, "application/json", renderer_context)
