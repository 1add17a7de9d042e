"""OpenAPI security requirements that generated clients read as meant.

drf-spectacular writes `security: [{jwtAuth: []}, {}]` on every operation that takes a token
but does not need one. The alternative `{}` is correct OpenAPI, yet client generators such as
openapi-python-client only ask whether an operation lists any requirement, and then demand an
authenticated client for public reads. So the optional-token requirement is declared once, at
the root of the document, and inherited by the operations that have it; an operation that
takes no token at all says so with an empty list; only operations that need a token keep their
own requirement. The meaning of the contract is unchanged.
"""

OPTIONAL_TOKEN = [{"jwtAuth": []}, {}]
NO_TOKEN = [{}]


def inherit_optional_token(result, generator, request, public):
    """Postprocessing hook: move the optional-token requirement to the root (see module docstring)."""
    result["security"] = OPTIONAL_TOKEN
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security")
            if security == OPTIONAL_TOKEN:
                del operation["security"]
            elif security == NO_TOKEN:
                operation["security"] = []
    return result
