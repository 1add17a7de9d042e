"""Renderers of file formats (a calendar, a spreadsheet, an address book) whose errors stay problem details.

A view that answers a file builds its bytes itself (or streams them); the renderer only lets
content negotiation choose the format from `Accept` or `?format=`. A refusal (401, 404, a bad
filter) is still problem details, never a broken file.
"""

from rest_framework.renderers import BaseRenderer, JSONRenderer

from .negotiation import PROBLEM_JSON


class FileRenderer(BaseRenderer):
    """Passes a file's bytes through; renders an error as problem details."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None or isinstance(data, bytes):
            return data or b""
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = PROBLEM_JSON
        return JSONRenderer().render(data, "application/json", renderer_context)


class CSVRenderer(FileRenderer):
    media_type = "text/csv"
    format = "csv"


class VCardRenderer(FileRenderer):
    media_type = "text/vcard"
    format = "vcf"
