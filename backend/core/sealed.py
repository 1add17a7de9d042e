"""Secrets the server must read back (a webhook's signing secret), kept encrypted at rest.

An invitation token is only ever compared, so its digest is enough (core/secrets.py); a
signing secret is needed itself to sign. It is stored sealed with Fernet (AES in CBC mode
with an HMAC, from `cryptography`) under a key derived from SECRET_KEY, so a copy of the
database or a backup alone does not reveal it. Rows sealed under a key listed in
SECRET_KEY_FALLBACKS still open, so SECRET_KEY can be rotated; `seal` always uses the current one.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PURPOSE = b"waypoint sealed secrets"


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=SHA256(), length=32, salt=None, info=PURPOSE).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _keys() -> MultiFernet:
    return MultiFernet([_fernet(k) for k in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]])


def seal(plain: str) -> str:
    return _keys().encrypt(plain.encode()).decode()


def unseal(sealed: str) -> str:
    """The secret; ValueError when no current or fallback key opens it."""
    try:
        return _keys().decrypt(sealed.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("Sealed with a key this server no longer has.") from exc
