"""Shared machinery: who-sees-what, base viewsets, versions and ETags, pagination, errors."""
