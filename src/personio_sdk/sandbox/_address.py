"""The addresses the sandbox may listen on, and its base URL for an address."""

from __future__ import annotations

import ipaddress

__all__ = ["LOOPBACK_HELP", "check_loopback_host", "url_for"]

LOOPBACK_HELP = "a loopback address: 127.0.0.1 (or any 127.x.y.z), ::1 or localhost"


def check_loopback_host(host: str) -> str:
    """Return `host` if it is a loopback address, else raise ValueError.

    The sandbox's credentials are public, so it must never listen where another
    machine can reach it: 127.0.0.0/8, ::1 and the name localhost are accepted, and
    every other address or name (0.0.0.0, ::, a LAN address) is rejected.
    """
    text = host.strip()
    if text.lower() == "localhost":
        return "localhost"
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        address = None
    if address is None or not address.is_loopback:
        raise ValueError(
            f"invalid host {host!r}: the sandbox listens only on {LOOPBACK_HELP}, "
            "because its credentials are public"
        )
    return text


def url_for(host: str, port: int) -> str:
    """Return `http://host:port`, with an IPv6 address in brackets."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"
