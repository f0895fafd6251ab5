"""The serve command, the child-process sandbox and the pytest plugin's fixtures."""

from __future__ import annotations

import argparse
import io
import threading
import time

import httpx
import pytest

from personio_sdk.sandbox import Sandbox, SandboxProcess
from personio_sdk.sandbox.__main__ import main
from personio_sdk.sandbox.cli import (
    ServeError,
    add_arguments,
    run,
    sandbox_from_arguments,
)


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(argv))


def test_cli_defaults() -> None:
    args = _parse()
    assert (args.host, args.port, args.size, args.no_rate_limits) == (
        "127.0.0.1",
        0,
        "demo",
        False,
    )


def test_cli_fault_option_builds_faults() -> None:
    args = _parse("--fault", "status=503,times=1", "--fault", "drop,page=2")
    sandbox = sandbox_from_arguments(args)
    assert [fault.kind for fault in sandbox.faults] == ["status", "drop"]


def test_cli_invalid_fault_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parse("--fault", "explode")
    assert exit_info.value.code == 2


def test_cli_no_rate_limits_option() -> None:
    sandbox = sandbox_from_arguments(_parse("--no-rate-limits"))
    assert sandbox.rate_limits is False


def _serve(
    argv: list[str],
) -> tuple[threading.Thread, threading.Event, io.StringIO, list[int]]:
    out = io.StringIO()
    stop = threading.Event()
    codes: list[int] = []
    thread = threading.Thread(
        target=lambda: codes.append(run(_parse(*argv), out=out, stop=stop))
    )
    thread.start()
    deadline = time.monotonic() + 10
    while "http://" not in out.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    return thread, stop, out, codes


def test_cli_run_prints_url_and_credentials() -> None:
    thread, stop, out, codes = _serve([])
    text = out.getvalue()
    url = text.split("export PERSONIO_BASE_URL=")[1].split()[0]
    try:
        response = httpx.post(
            f"{url}/v1/auth",
            json={"client_id": "sandbox-full", "client_secret": "sandbox-full-secret"},
        )
    finally:
        stop.set()
        thread.join(10)
    assert response.status_code == 200
    assert "PERSONIO_CLIENT_SECRET=sandbox-full-secret" in text
    assert "no_absences" in text
    assert codes == [0]


def test_cli_print_url_prints_only_url() -> None:
    thread, stop, out, _ = _serve(["--print-url"])
    stop.set()
    thread.join(10)
    assert out.getvalue().strip().startswith("http://127.0.0.1:")
    assert len(out.getvalue().splitlines()) == 1


def test_cli_run_port_in_use_raises(sandbox: Sandbox) -> None:
    with pytest.raises(ServeError, match="cannot listen"):
        run(_parse("--port", str(sandbox.port)))


def test_module_main_returns_0_when_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    stop.set()
    assert main(["--print-url"], stop=stop) == 0
    assert capsys.readouterr().out.startswith("http://127.0.0.1:")


def test_module_main_rejects_unknown_size() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--size", "huge"])
    assert exit_info.value.code == 2


def test_process_serves_from_child() -> None:
    with SandboxProcess(size="demo") as child:
        response = httpx.post(f"{child.url}/v1/auth", json=dict(child.credentials))
        assert child.pid is not None
    assert response.status_code == 200


def test_process_passes_faults() -> None:
    with SandboxProcess(size="demo", faults=["status=418,path=/v1/auth"]) as child:
        response = httpx.post(f"{child.url}/v1/auth", json=dict(child.credentials))
    assert response.status_code == 418


def test_process_stop_reaps_child() -> None:
    child = SandboxProcess(size="demo").start()
    child.stop()
    assert child.pid is None
    with pytest.raises(RuntimeError, match="not running"):
        _ = child.url


@pytest.mark.slow
def test_process_large_size_serves_last_page() -> None:
    with SandboxProcess(size="large") as child:
        token = httpx.post(f"{child.url}/v1/auth", json=dict(child.credentials)).json()
        headers = {"Authorization": f"Bearer {token['data']['token']}"}
        body = httpx.get(
            f"{child.url}/v1/company/employees",
            params={"limit": 100, "offset": 9900},
            headers=headers,
        ).json()
    assert body["metadata"]["total_elements"] == 10_000
    assert len(body["data"]) == 100


def test_plugin_session_fixture_runs(personio_sandbox: Sandbox) -> None:
    response = httpx.post(
        f"{personio_sandbox.url}/v1/auth", json=dict(personio_sandbox.credentials)
    )
    assert response.status_code == 200
    assert personio_sandbox.rate_limits is False


def test_plugin_fresh_fixture_is_separate(
    personio_sandbox: Sandbox, personio_sandbox_fresh: Sandbox
) -> None:
    assert personio_sandbox_fresh.url != personio_sandbox.url


def test_plugin_factory_passes_options(personio_sandbox_factory: object) -> None:
    make = personio_sandbox_factory
    assert callable(make)
    sandbox = make(period_offsets="record", rate_limits=True)
    assert sandbox.rate_limits is True
