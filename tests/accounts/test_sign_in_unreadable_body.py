"""A sign-in whose body cannot be read is a 400 problem, not a 500.

The sign-in throttle reads the username from the body; when the body is not JSON at all, it
never got that far, and the rate-limit headers must still be written without it.
"""

import pytest


@pytest.mark.parametrize("body", [b"\xff\xfe`\x80", b"{not json", b"\x00"])
def test_an_unreadable_sign_in_body_is_a_400(api, db, body):
    response = api.generic("POST", "/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
