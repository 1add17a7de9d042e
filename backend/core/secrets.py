"""Secrets handed out once (invitation tokens, calendar feed URLs): only their digest is stored.

Whoever reads the database, or a backup of it, learns no secret that would let them in.
"""

import hashlib
import secrets


def digest(secret: str) -> str:
    """The SHA-256 of `secret`: what is stored and looked up in its place."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> tuple[str, str]:
    """A fresh URL-safe secret and its digest."""
    secret = secrets.token_urlsafe(32)
    return secret, digest(secret)
