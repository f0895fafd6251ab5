"""Connection settings of the `personio` command and the client it runs against."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from personio_sdk._client import PersonioClient
from personio_sdk._constants import (
    DEFAULT_BASE_URL,
    ENV_BASE_URL,
    ENV_CLIENT_ID,
    ENV_CLIENT_SECRET,
)
from personio_sdk.cli._parser import UsageError


@dataclass(frozen=True)
class ConnectionSettings:
    """Base URL and credentials of the command, from options or environment variables.

    With `sandbox` set, the other fields are unused: the embedded sandbox supplies its
    own URL and demo credentials.
    """

    base_url: str
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    sandbox: bool = False

    @property
    def secrets(self) -> tuple[str, ...]:
        """Strings that must never appear in the command's output."""
        return (self.client_secret,) if self.client_secret else ()


def connection_settings(
    args: argparse.Namespace, environ: Mapping[str, str]
) -> ConnectionSettings:
    """Read the connection options, falling back to the PERSONIO_* variables.

    Raises UsageError naming the option and the variable when a credential is missing,
    unless --sandbox is given, and when --sandbox is combined with a connection
    option, which the sandbox would ignore. PERSONIO_* variables are ignored with
    --sandbox, so that a shell set up for Personio can still try the sandbox.
    """
    if args.sandbox:
        given = [
            option
            for option, value in (
                ("--base-url", args.base_url),
                ("--client-id", args.client_id),
                ("--client-secret", args.client_secret),
            )
            if value is not None
        ]
        if given:
            raise UsageError(
                f"--sandbox cannot be combined with {' or '.join(given)}: the "
                "embedded sandbox uses its own URL and demo credentials; drop one"
            )
        return ConnectionSettings(base_url=DEFAULT_BASE_URL, sandbox=True)
    base_url = args.base_url or environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    client_id = args.client_id or environ.get(ENV_CLIENT_ID)
    client_secret = args.client_secret or environ.get(ENV_CLIENT_SECRET)
    settings = ConnectionSettings(
        base_url=base_url, client_id=client_id, client_secret=client_secret
    )
    if not client_id:
        raise UsageError(
            f"missing client id: pass --client-id or set {ENV_CLIENT_ID}, "
            "or add --sandbox to try the demo company"
        )
    if not client_secret:
        raise UsageError(
            f"missing client secret: set {ENV_CLIENT_SECRET} or pass --client-secret, "
            "or add --sandbox to try the demo company"
        )
    return settings


@dataclass(frozen=True)
class Session:
    """An open client and the base URL it talks to."""

    client: PersonioClient
    base_url: str


@contextlib.contextmanager
def open_session(settings: ConnectionSettings) -> Iterator[Session]:
    """Open a client for the settings; with `sandbox`, start and stop a Sandbox too.

    The sandbox listens on 127.0.0.1 on a free port for as long as the block runs.
    Raises ConfigurationError (a ValueError) for an invalid base URL.
    """
    if settings.sandbox:
        # Imported here so that commands against Personio never load the sandbox.
        from personio_sdk.sandbox import Sandbox

        with (
            Sandbox() as sandbox,
            PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client,
        ):
            yield Session(client=client, base_url=sandbox.url)
        return
    with PersonioClient(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        base_url=settings.base_url,
    ) as client:
        yield Session(client=client, base_url=settings.base_url)
