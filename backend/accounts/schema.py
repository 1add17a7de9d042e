"""OpenAPI for accounts: our revocable JWT authentication is a bearer scheme, and the 400s
that refuse locked fields are part of the contract like any other validation error."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from drf_standardized_errors.openapi_validation_errors import extend_validation_errors


class RevocableJWTScheme(SimpleJWTScheme):
    target_class = "accounts.authentication.RevocableJWTAuthentication"
    name = "jwtAuth"


def documents_locked_fields(serializer_class, **scope):
    """View decorator: lists the 400 (`invalid`) of each of the serializer's `locked_fields`."""

    def decorate(view):
        for name in serializer_class.locked_fields:
            view = extend_validation_errors(["invalid"], field_name=name, **scope)(view)
        return view

    return decorate
