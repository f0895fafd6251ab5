"""`SandboxProcess`: run the sandbox in a child process, for benchmarks.

A benchmark must not share its interpreter (and GIL) with the server it measures, so
this starts `python -m personio_sdk.sandbox --print-url` and reads the URL from the
child's first line of output.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterable
from types import TracebackType

from personio_sdk.sandbox._auth import CredentialPair, default_credentials
from personio_sdk.sandbox._server import DEFAULT_SEED


class SandboxProcess:
    """A sandbox served by a separate Python process; a context manager.

    Keyword arguments mirror `Sandbox` and the serve command: `size`, `seed`,
    `rate_limits` (off by default here, since benchmarks measure throughput),
    `period_offsets` and `faults` (spec strings). `startup_timeout` bounds the wait
    for the URL, in seconds; RuntimeError is raised when the child fails to start.
    """

    def __init__(
        self,
        *,
        size: str = "large",
        seed: int = DEFAULT_SEED,
        rate_limits: bool = False,
        period_offsets: str = "page",
        faults: Iterable[str] = (),
        startup_timeout: float = 60.0,
    ) -> None:
        self.command: list[str] = [
            sys.executable,
            "-m",
            "personio_sdk.sandbox",
            "--print-url",
            "--port",
            "0",
            "--size",
            size,
            "--seed",
            str(seed),
            "--period-offsets",
            period_offsets,
        ]
        if not rate_limits:
            self.command.append("--no-rate-limits")
        for spec in faults:
            self.command += ["--fault", spec]
        self.startup_timeout = startup_timeout
        self._process: subprocess.Popen[str] | None = None
        self._url: str | None = None

    @property
    def url(self) -> str:
        """The child's base URL; raises RuntimeError before start()."""
        if self._url is None:
            raise RuntimeError("the sandbox process is not running: call start() first")
        return self._url

    @property
    def credentials(self) -> CredentialPair:
        """The full credential (the same fixed demo values as `Sandbox`)."""
        return self.credentials_for("full")

    def credentials_for(self, name: str) -> CredentialPair:
        """Return a named credential: "full", "narrow" or "no_absences"."""
        return default_credentials()[name].as_kwargs()

    @property
    def pid(self) -> int | None:
        """The child's process id, or None when not running."""
        return None if self._process is None else self._process.pid

    def start(self) -> SandboxProcess:
        """Start the child and wait for its URL; return self."""
        process = subprocess.Popen(  # noqa: S603  # our own interpreter and module
            self.command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._process = process
        line: list[str] = []
        reader = threading.Thread(
            target=lambda: line.append(
                process.stdout.readline() if process.stdout else ""
            ),
            daemon=True,
        )
        reader.start()
        reader.join(self.startup_timeout)
        url = line[0].strip() if line else ""
        if not url.startswith("http://"):
            self.stop()
            raise RuntimeError(
                f"the sandbox process did not report its URL within "
                f"{self.startup_timeout} s: {self._stderr_tail()}"
            )
        self._url = url
        return self

    def stop(self) -> None:
        """Terminate the child (SIGTERM, then SIGKILL after 5 s) and reap it."""
        process, self._process = self._process, None
        self._url = None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()

    def _stderr_tail(self) -> str:
        process = self._process
        if process is None or process.stderr is None:
            return "no output"
        if process.poll() is None:
            return "still running, no URL printed"
        return process.stderr.read()[-500:] or "no output"

    def __enter__(self) -> SandboxProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
