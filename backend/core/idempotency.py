"""`Idempotency-Key` on unsafe API requests: a retried write runs once and answers the same.

The offline outbox resends a write whenever it is unsure the first attempt arrived. With a
key, the first request runs and, if it succeeds, its status, body and `Content-Type`, `ETag`
and `Location` headers are kept for `TTL`; a retry of the same request with the same key
gets that answer (marked `Idempotent-Replayed: true`) without running again. The same key
with another request (method, path or body) is 422; a retry while the first is still running
is 409. Keys are scoped per signed-in user, so another user's identical key runs on its own.
Anonymous requests ignore the header: there is no caller to scope a key to, and the few
anonymous writes (sign-in, accepting an invitation) answer with secrets that must not be kept.

Only successful answers are kept. A refused write changed nothing (docs/design.md, "Contract"),
so running it again is harmless and lets a client fix its input, or resolve a 412, and resend
under the same key; a 5xx leaves nothing behind either.

Written here rather than taken from a package: the ones published for DRF either keep the
claim inside the request's transaction (a concurrent retry then waits or writes twice instead
of answering 409), store keys globally rather than per user, or keep every answer, tokens
included. This middleware claims the key in its own committed row (a unique constraint
decides a race), then runs the view and stores its answer in the view's own transaction, so
the write and its recorded answer commit together or not at all.

A view whose answer carries a secret (a new token, an invitation's one-time link) names the
action in `idempotency_exempt_actions`; the key is ignored there and nothing is kept.
"""

import hashlib
import re
from contextlib import nullcontext
from datetime import timedelta

from django.core.exceptions import RequestDataTooBig
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.settings import api_settings

from .errors import problem_response
from .models import IdempotencyRecord

HEADER = "Idempotency-Key"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
TTL = timedelta(hours=24)
KEPT_HEADERS = ("Content-Type", "ETag", "Location")
VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


def _signed_in_user(request):
    """The user the API's own authenticators find, or None (anonymous, or a token the view will refuse)."""
    authenticators = [cls() for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES]
    try:
        user = Request(request, authenticators=authenticators).user
    except APIException:
        return None
    return user if user.is_authenticated else None


def _exempt(view_func, method: str) -> bool:
    view_class = getattr(view_func, "cls", None)
    if view_class is None:
        return True  # not an API view (the admin, the schema pages)
    actions = getattr(view_func, "actions", None) or {}
    action = actions.get(method.lower(), method.lower())
    return action in getattr(view_class, "idempotency_exempt_actions", ())


def _digest(*parts: bytes) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "big"))
        hasher.update(part)
    return hasher.hexdigest()


def key_hash(key: str) -> str:
    """What is stored of a key: its hash, so the table holds nothing a caller could send again."""
    return _digest(key.encode())


def _claim(user, key_hash: str, fingerprint: str) -> tuple[IdempotencyRecord | None, bool]:
    """Take the key for this request: (record, True) when it is ours to run, else the holder's record."""
    now = timezone.now()
    # The user's expired keys (this one included) go on each write: the table holds about a
    # day of each active user's writes; `purge_idempotency_keys` clears those of the others.
    IdempotencyRecord.objects.filter(user=user, expires_at__lte=now).delete()
    try:
        with transaction.atomic():
            record = IdempotencyRecord.objects.create(
                user=user, key_hash=key_hash, fingerprint=fingerprint, expires_at=now + TTL
            )
        return record, True
    except IntegrityError:
        # Another request holds the key; it may have just released it, hence `first()`.
        return IdempotencyRecord.objects.filter(user=user, key_hash=key_hash).first(), False


def _answer_for(request, record: IdempotencyRecord | None, fingerprint: str) -> HttpResponse:
    """What a repeated key gets: the stored answer, or why it cannot have one."""
    if record is None or record.status is None:
        return problem_response(
            "idempotency-key-in-use",
            request,
            detail=_("The first request with this Idempotency-Key has not finished yet; retry in a moment."),
            code="idempotency_key_in_use",
            headers={"Retry-After": "1"},
        )
    if record.fingerprint != fingerprint:
        return problem_response(
            "idempotency-key-reused",
            request,
            detail=_(
                "This Idempotency-Key was already used with a different method, path or body; "
                "use a new key for a new request."
            ),
            code="idempotency_key_reused",
        )
    response = HttpResponse(bytes(record.body), status=record.status)
    for name, value in record.headers.items():
        response[name] = value
    response["Idempotent-Replayed"] = "true"
    return response


def _run(request, view_func, args, kwargs, record: IdempotencyRecord) -> HttpResponse:
    """Run the view in its request transaction and keep a successful answer in that same transaction."""
    atomic = DEFAULT_DB_ALIAS not in getattr(view_func, "_non_atomic_requests", ())
    kept = False
    try:
        with transaction.atomic() if atomic else nullcontext():
            response = view_func(request, *args, **kwargs)
            if callable(getattr(response, "render", None)):
                response = response.render()
            if 200 <= response.status_code < 300 and not response.streaming:
                record.status = response.status_code
                record.body = response.content
                record.headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
                record.save(update_fields=["status", "body", "headers"])
                kept = True
    finally:
        if not kept:
            IdempotencyRecord.objects.filter(pk=record.pk).delete()
    return response


class IdempotencyMiddleware:
    """Applies `Idempotency-Key` to every unsafe API request; placed last so other middleware ran first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, args, kwargs):
        key = request.headers.get(HEADER)
        if key is None or request.method not in UNSAFE_METHODS or _exempt(view_func, request.method):
            return None
        if request.content_type == "multipart/form-data":
            return None  # uploads stream their body to storage; it is not read twice to fingerprint it
        user = _signed_in_user(request)
        if user is None:
            return None  # the view answers as to any anonymous caller (or refuses the token)
        if not VALID_KEY.match(key):
            # Shaped as the API's other unreadable requests (`parse_error`), which every write documents.
            return problem_response(
                "malformed-request",
                request,
                title=_("The Idempotency-Key header is invalid."),
                detail=_("An Idempotency-Key is 1 to 255 visible ASCII characters, for example a UUID."),
                code="parse_error",
            )
        try:
            body = request.body
        except RequestDataTooBig:
            return None  # the view answers 413
        fingerprint = _digest(request.method.encode(), request.get_full_path().encode(), body)
        record, ours = _claim(user, key_hash(key), fingerprint)
        if not ours:
            return _answer_for(request, record, fingerprint)
        return _run(request, view_func, args, kwargs, record)


def purge_expired() -> int:
    """Forget the keys whose time is up; returns how many were removed."""
    deleted, _ = IdempotencyRecord.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
