"""Where a webhook may be sent. A target's host is resolved and every address it resolves to
must be public: private, loopback, link-local, reserved, multicast and unspecified addresses are
refused, so an endpoint cannot be used to reach the server's own network (SSRF). The check runs
when the endpoint is saved and again before each delivery, and the delivery connects to the very
address that was checked, so a name that resolves to a public address first and a private one
later (DNS rebinding) is caught. An administrator may allow private targets for one endpoint
(``Endpoint.allow_private``), e.g. a receiver on the same network."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class TargetRefused(ValueError):
    """The URL may not be used as a webhook target."""


def _is_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def check_url(url: str) -> tuple[str, str, int]:
    """The scheme, host and port of a well-formed http(s) URL without credentials."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise TargetRefused("The URL must start with https:// (or http://).")
    if not parts.hostname:
        raise TargetRefused("The URL has no host name.")
    if parts.username or parts.password:
        raise TargetRefused("The URL must not carry a user name or password; the signature authenticates.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise TargetRefused("The URL's port is not a number between 0 and 65535.") from None
    return parts.scheme, parts.hostname, port


def resolve(url: str, *, allow_private: bool) -> str:
    """The address to connect to for ``url``, after checking every address its host resolves to."""
    _, host, port = check_url(url)
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise TargetRefused(f"The host {host!r} could not be resolved ({exc.strerror}).") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    if not addresses:
        raise TargetRefused(f"The host {host!r} has no address.")
    if not allow_private:
        private = sorted({str(a) for a in addresses if _is_private(a)})
        if private:
            raise TargetRefused(
                f"The host {host!r} resolves to a private, loopback or link-local address "
                f"({', '.join(private)}); only an administrator may allow such a target."
            )
    return str(addresses[0])
