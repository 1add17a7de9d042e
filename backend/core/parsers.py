"""JSON request bodies, refused as unreadable (400 `parse_error`) when no payload of the API could
look like them, before any view or serializer sees them.

Python's `json` module decodes recursively: a 2 KB body of 1,000 nested brackets exhausts the
interpreter's stack and the request ends in a `RecursionError`, a 500. The size of a body is
already capped by Django (`DATA_UPLOAD_MAX_MEMORY_SIZE`, answered 413 through core/errors.py);
no maintained parser offers a depth limit below the stack's, so the depth is counted here, on
the raw bytes, in one linear pass that never recurses.

A number too large for a float (`1e400`) decodes to infinity, which no field of the API takes
and which Django's integer lookups cannot convert (an `OverflowError`, a 500): it is refused
here, as `NaN` and `Infinity` already are by DRF's strict JSON.
"""

import json
import math
import re

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# The deepest payload the API takes is an object of lists of objects; 32 leaves ample room.
MAX_DEPTH = 32

_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_OPENING = frozenset(b"[{")


def nesting_depth_exceeds(body: bytes, limit: int) -> bool:
    """Whether the arrays and objects of `body` nest deeper than `limit`.

    Escapes go first, so that what is left of each string lies between two plain quotes; strings
    go next, so that a bracket inside one is not counted; then only the brackets are walked.
    Malformed JSON is left for the parser to refuse.
    """
    brackets = _STRING.sub(b"", _ESCAPE.sub(b"", body)).translate(None, _NOT_BRACKET)
    depth = 0
    for byte in brackets:
        if byte in _OPENING:
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def _no_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser with a depth check before decoding and finite numbers only."""

    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read()
        if nesting_depth_exceeds(body, MAX_DEPTH):
            raise ParseError(f"JSON parse error - arrays and objects nest deeper than {MAX_DEPTH} levels.")
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            return json.loads(body.decode(encoding), parse_float=_finite_float, parse_constant=_no_constant)
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
