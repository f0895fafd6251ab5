"""Where the sandbox may listen, how fault specs fail, and clients that hang up."""

from __future__ import annotations

import argparse
import socket
import struct
import time

import httpx
import pytest

from personio_sdk.sandbox import Fault, Sandbox
from personio_sdk.sandbox.__main__ import main
from personio_sdk.sandbox.cli import ServeError, add_arguments, run


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(argv))


def ipv6_loopback_available() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


# Hosts

# The wildcard address, which the sandbox must reject.
ANY_ADDRESS = "0.0.0.0"  # noqa: S104 - only passed to checks that reject it


@pytest.mark.parametrize("host", [ANY_ADDRESS, "::", "192.168.1.5", "example.com", ""])
def test_sandbox_rejects_non_loopback_host(host: str) -> None:
    with pytest.raises(ValueError, match="listens only on a loopback address"):
        Sandbox(host=host)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_cli_accepts_loopback_host(host: str) -> None:
    assert parse("--host", host).host == host


def test_cli_rejects_any_address(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse("--host", ANY_ADDRESS)
    assert exit_info.value.code == 2
    assert f"invalid host '{ANY_ADDRESS}'" in capsys.readouterr().err


@pytest.mark.skipif(not ipv6_loopback_available(), reason="no IPv6 loopback")
def test_sandbox_serves_on_ipv6_loopback() -> None:
    with Sandbox(host="::1") as sandbox:
        assert sandbox.url.startswith("http://[::1]:")
        response = httpx.post(
            f"{sandbox.url}/v1/auth", json=dict(sandbox.credentials), timeout=10
        )
    assert response.status_code == 200


def test_sandbox_serves_on_localhost() -> None:
    with Sandbox(host="localhost") as sandbox:
        assert sandbox.url.startswith("http://127.0.0.1:")


# Ports


@pytest.mark.parametrize("port", [-5, 70000, True])
def test_sandbox_rejects_port_out_of_range(port: int) -> None:
    with pytest.raises(ValueError, match="invalid port"):
        Sandbox(port=port)


@pytest.mark.parametrize("text", ["70000", "-5", "http", "65536"])
def test_cli_rejects_port_out_of_range(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse(f"--port={text}")
    assert exit_info.value.code == 2
    assert f"invalid port '{text}': expected 0 to 65535" in capsys.readouterr().err


def test_run_port_in_use_raises_serve_error(sandbox: Sandbox) -> None:
    with pytest.raises(ServeError) as raised:
        run(parse("--port", str(sandbox.port)))
    message = str(raised.value)
    assert message.startswith(f"cannot listen on 127.0.0.1:{sandbox.port} (")
    assert message.endswith("pick another --port, or --port 0 for a free one")


def test_module_main_port_in_use_exits_2(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--port", str(sandbox.port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("python -m personio_sdk.sandbox: error: cannot listen")
    assert len(err.splitlines()) == 1


# Fault specs


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("status=abc", "status must be an HTTP status from 100 to 599"),
        ("status=42", "status must be an HTTP status from 100 to 599"),
        ("drop,times=many", "times must be a whole number of at least 0"),
        ("drop,page=0", "page must be a whole number of at least 1"),
        ("drop,after=-1", "after must be a whole number of at least 0"),
        ("latency=soon", "seconds must be a number of 0 or more"),
        ("latency=nan", "seconds must be a number of 0 or more"),
    ],
)
def test_fault_spec_names_invalid_field(spec: str, expected: str) -> None:
    with pytest.raises(ValueError, match="invalid fault") as raised:
        Fault.parse(spec)
    message = str(raised.value)
    assert message.startswith(f"invalid fault {spec!r}: {expected}")
    assert "invalid literal" not in message


# Clients that hang up


def test_client_hang_up_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with Sandbox(faults=["latency=0.3,path=/v1/auth,times=1"]) as sandbox:
        with socket.create_connection(("127.0.0.1", sandbox.port)) as raw:
            raw.sendall(
                b"POST /v1/auth HTTP/1.1\r\nHost: sandbox\r\n"
                b"Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
            )
            # Linger 0 makes close() reset the connection, as a killed client does.
            raw.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # The response is written after the latency, into the reset connection.
        time.sleep(0.6)
        response = httpx.post(
            f"{sandbox.url}/v1/auth", json=dict(sandbox.credentials), timeout=10
        )
    assert response.status_code == 200
    assert "Traceback" not in capsys.readouterr().err
