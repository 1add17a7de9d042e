"""Test settings: fast hashing, an isolated media folder, no throttle state shared between tests."""

from .base import *  # noqa: F403
from .base import VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = VAR_DIR / "test-media"
STATIC_ROOT = VAR_DIR / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request otherwise
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Webhook tests receive on a loopback HTTP server; tests of the refusals switch these off.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
WEBHOOK_ALLOW_HTTP = True
