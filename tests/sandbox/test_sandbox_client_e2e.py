"""End-to-end: the real client against the sandbox, with and without faults."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from personio_sdk import PermissionDeniedError, PersonioClient, ServerError
from personio_sdk.sandbox import Sandbox

START, END = dt.date(2025, 1, 1), dt.date(2027, 12, 31)


def _client(sandbox: Sandbox, timeout: float | None = None) -> PersonioClient:
    return PersonioClient(
        **sandbox.credentials,
        base_url=sandbox.url,
        timeout=timeout,
        sleep=lambda seconds: None,
    )


@pytest.fixture
def client(fresh: Sandbox) -> Iterator[PersonioClient]:
    with _client(fresh) as personio:
        yield personio


def _absence_ids(client: PersonioClient) -> list[str]:
    return [a.id for a in client.absences.list(start=START, end=END)]


@pytest.fixture(scope="module")
def expected_ids() -> list[str]:
    with Sandbox(rate_limits=False) as clean, _client(clean) as personio:
        return _absence_ids(personio)


def test_client_reads_ciara_march(sandbox: Sandbox) -> None:
    with _client(sandbox) as personio:
        ciara = personio.employees.find_by_email("ciara.byrne@demo.example")
        march = list(
            personio.absences.list(
                employee_ids=[ciara.id],
                start=dt.date(2026, 3, 1),
                end=dt.date(2026, 3, 31),
            )
        )
    assert [str(a.days or a.hours) for a in march] == ["2.5", "0.5", "1", "2"]


@pytest.mark.parametrize(
    "spec",
    [
        "status=503,path=/v1/company/time-offs,page=2,times=1,retry_after=1",
        "status=500,path=/v1/company/absence-periods,times=2",
        "html=502,path=/v1/company/time-offs,page=3,times=1",
        "drop,path=/v1/company/time-offs,page=2,times=1",
        "truncate,path=/v1/company/time-offs,page=3,times=1",
        "revoke_token,path=/v1/company/time-offs,page=2,times=1",
        "expire_token,path=/v1/company/absence-periods,times=1",
        "status=429,path=/v1/company/time-offs,page=2,times=1,retry_after=2",
    ],
)
def test_listing_survives_fault_with_every_record_once(
    fresh: Sandbox, client: PersonioClient, expected_ids: list[str], spec: str
) -> None:
    fault = fresh.add_fault(spec)
    ids = _absence_ids(client)
    assert fault.hits >= 1
    assert ids == expected_ids


def test_stall_past_timeout_is_retried(fresh: Sandbox, expected_ids: list[str]) -> None:
    fresh.add_fault("stall,path=/v1/company/time-offs,page=2,times=1,seconds=3")
    with _client(fresh, timeout=0.5) as personio:
        assert _absence_ids(personio) == expected_ids


def test_persistent_server_error_raises(fresh: Sandbox, client: PersonioClient) -> None:
    fresh.add_fault("status=503,path=/v1/company/time-offs")
    with pytest.raises(ServerError):
        _absence_ids(client)


def test_expired_token_after_a_day_reauthenticates(
    fresh: Sandbox, client: PersonioClient
) -> None:
    client.employees.get(1)
    fresh.advance(86_400)
    assert client.employees.get(2).email == "ciara.byrne@demo.example"
    assert fresh.stats().tokens_issued == 2


def test_no_absences_credential_raises_permission_denied(fresh: Sandbox) -> None:
    with (
        PersonioClient(
            **fresh.credentials_for("no_absences"),
            base_url=fresh.url,
            sleep=lambda seconds: None,
        ) as personio,
        pytest.raises(PermissionDeniedError),
    ):
        _absence_ids(personio)
