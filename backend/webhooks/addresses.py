"""Where a webhook may be sent: public HTTPS addresses only, checked when registered and at each delivery.

A webhook makes the server send requests to an address someone typed in, so an address that
resolves to the server's own network (loopback, a private range, the cloud metadata service
at 169.254.169.254) would let them reach what the internet cannot (SSRF). Names are resolved
and every address checked at registration, and again before each delivery, since a name may
resolve elsewhere later; the delivery then connects to the address that was checked (`Target`),
so a second lookup cannot swap it. Redirects are never followed (webhooks/delivery.py).

`WEBHOOK_ALLOW_PRIVATE_ADDRESSES` and `WEBHOOK_ALLOW_HTTP` lift the rules for tests, which
receive on a loopback server.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import idna
from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_PORTS = {"https": 443, "http": 80}


class RefusedAddress(ValueError):
    """The URL may not receive webhooks; the message says why."""


@dataclass(frozen=True)
class Target:
    """Where one delivery connects: the checked address, with the name for `Host` and TLS."""

    url: str
    host: str
    hostname: str


def allowed_schemes() -> set[str]:
    return {"https", "http"} if settings.WEBHOOK_ALLOW_HTTP else {"https"}


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address lies on the public internet, an IPv4 address inside IPv6 judged as itself."""
    mapped = getattr(address, "ipv4_mapped", None) or getattr(address, "sixtofour", None)
    if mapped is not None:
        return is_public(mapped)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_link_local or address.is_unspecified
    )


def ascii_name(hostname: str | None) -> str:
    """The host name as DNS, `Host` and TLS take it: an international name in its IDNA form
    (UTS 46 mapping, as browsers), so the name checked is the name announced."""
    if not hostname:
        raise RefusedAddress(_("This is not a valid URL."))
    if hostname.isascii():
        return hostname
    try:
        return idna.encode(hostname, uts46=True).decode()
    except idna.IDNAError as exc:
        raise RefusedAddress(_("This is not a valid URL.")) from exc


def resolve(url: str) -> Target:
    """The target of `url`, or RefusedAddress when it may not receive webhooks."""
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError as exc:
        raise RefusedAddress(_("This is not a valid URL.")) from exc
    if parts.scheme not in allowed_schemes():
        raise RefusedAddress(_("Webhooks are sent to HTTPS addresses only."))
    if parts.username is not None or parts.password is not None:
        # `https://partner.example@203.0.113.9/` reads as one host and goes to another.
        raise RefusedAddress(
            _("Leave out the user name and password; deliveries are verified by their signature.")
        )
    hostname = ascii_name(parts.hostname)
    try:
        found = socket.getaddrinfo(hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedAddress(_("This host name cannot be resolved.")) from exc
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in found]
    if not settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES and not all(is_public(a) for a in addresses):
        raise RefusedAddress(
            _("This address is on a private, loopback or reserved network; webhooks go to public addresses.")
        )
    chosen = addresses[0]
    literal = f"[{chosen}]" if chosen.version == 6 else str(chosen)
    netloc = f"{literal}:{port}"
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    named = f"[{hostname}]" if ":" in hostname else hostname
    host = named if parts.port is None else f"{named}:{parts.port}"
    return Target(url=pinned, host=host, hostname=hostname)
