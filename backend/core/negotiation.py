"""Content negotiation that knows problem details are JSON.

A module of its own: DRF reads the class from its settings while `rest_framework.views` is
being imported, which `core.errors` (the exception handler) imports in turn.
"""

from rest_framework.negotiation import DefaultContentNegotiation

PROBLEM_JSON = "application/problem+json"


class ProblemAwareContentNegotiation(DefaultContentNegotiation):
    """A client that accepts only problem details (`Accept: application/problem+json`) is
    answered by the JSON renderer rather than refused with 406: problem details are JSON."""

    def get_accept_list(self, request) -> list[str]:
        return [
            "application/json" + media[len(PROBLEM_JSON) :] if media.startswith(PROBLEM_JSON) else media
            for media in super().get_accept_list(request)
        ]
