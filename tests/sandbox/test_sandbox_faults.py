"""Every fault kind, its matching by path, page and count, and the spec syntax."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import pytest

from personio_sdk.sandbox import Fault, Sandbox

from .conftest import Api

Connect = Callable[..., Api]
TIME_OFFS = "/v1/company/time-offs"


def test_status_fault_with_retry_after(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=503, retry_after=2, path=TIME_OFFS, times=1)
    response = api.get(TIME_OFFS)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.json()["success"] is False


def test_status_fault_without_retry_after(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=500, times=1)
    response = api.get(TIME_OFFS)
    assert response.status_code == 500
    assert "Retry-After" not in response.headers


def test_status_fault_http_date_retry_after(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    date = "Wed, 18 Mar 2026 09:00:00 GMT"
    fresh.add_fault("status", status=429, retry_after=date, times=1)
    assert api.get(TIME_OFFS).headers["Retry-After"] == date


def test_fault_times_limits_hits(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fault = fresh.add_fault("status", status=502, path=TIME_OFFS, times=2)
    codes = [api.get(TIME_OFFS).status_code for _ in range(3)]
    assert codes == [502, 502, 200]
    assert fault.hits == 2


def test_fault_after_lets_requests_pass(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=500, path=TIME_OFFS, after=1, times=1)
    codes = [api.get(TIME_OFFS).status_code for _ in range(3)]
    assert codes == [200, 500, 200]


def test_fault_matches_page_number(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=503, path=TIME_OFFS, page=2)
    first = api.get(TIME_OFFS, {"limit": 10, "offset": 1}).status_code
    second = api.get(TIME_OFFS, {"limit": 10, "offset": 2}).status_code
    assert (first, second) == (200, 503)


def test_fault_page_counts_records_on_employees(
    fresh: Sandbox, connect: Connect
) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=503, path="/v1/company/employees", page=3)
    codes = [
        api.get("/v1/company/employees", {"limit": 10, "offset": offset}).status_code
        for offset in (0, 10, 20)
    ]
    assert codes == [200, 200, 503]


def test_fault_matches_route_template(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=500, path="/v1/company/employees/{employee_id}")
    assert api.get("/v1/company/employees/3").status_code == 500
    assert api.get("/v1/company/employees").status_code == 200


def test_fault_matches_glob(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=500, path="/v1/company/time-off*")
    assert api.get("/v1/company/time-off-types").status_code == 500
    assert api.get(TIME_OFFS).status_code == 500
    assert api.get("/v1/company/employees").status_code == 200


def test_fault_matches_method(fresh: Sandbox) -> None:
    fresh.add_fault("status", status=500, method="POST")
    response = httpx.post(f"{fresh.url}/v1/auth", json=dict(fresh.credentials))
    assert response.status_code == 500


def test_html_fault_sends_html_page(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("html", times=1)
    response = api.get(TIME_OFFS)
    assert response.status_code == 502
    assert response.headers["Content-Type"] == "text/html"
    assert "<html>" in response.text


def test_latency_fault_delays_response(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("latency", seconds=0.3, times=1)
    started = time.perf_counter()
    response = api.get(TIME_OFFS)
    assert response.status_code == 200
    assert time.perf_counter() - started >= 0.3


def test_stall_fault_exceeds_read_timeout(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("stall", seconds=2, times=1)
    headers = {"Authorization": f"Bearer {api.token}"}
    with httpx.Client(base_url=fresh.url, timeout=0.3) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.get(TIME_OFFS, headers=headers)
        assert client.get(TIME_OFFS, headers=headers).status_code == 200


def test_drop_fault_closes_without_response(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("drop", times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(TIME_OFFS)
    assert api.get(TIME_OFFS).status_code == 200


def test_truncate_fault_cuts_body(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("truncate", path=TIME_OFFS, times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        api.get(TIME_OFFS)
    assert api.get(TIME_OFFS).status_code == 200


def test_revoke_token_fault_gives_401(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("revoke_token", path=TIME_OFFS, times=1)
    response = api.get(TIME_OFFS)
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token has been blacklisted"


def test_expire_token_fault_gives_401(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("expire_token", times=1)
    response = api.get(TIME_OFFS)
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token has expired"


def test_token_faults_leave_reauth_working(fresh: Sandbox, connect: Connect) -> None:
    connect(fresh)
    fresh.add_fault("revoke_token", times=1)
    stale = connect(fresh)
    assert stale.get(TIME_OFFS).status_code == 200


def test_clear_faults_removes_all(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=500)
    fresh.clear_faults()
    assert api.get(TIME_OFFS).status_code == 200
    assert fresh.faults == []


def test_faults_given_at_construction() -> None:
    with Sandbox(rate_limits=False, faults=["status=418,path=/v1/auth"]) as sandbox:
        response = httpx.post(f"{sandbox.url}/v1/auth", json=dict(sandbox.credentials))
    assert response.status_code == 418


def test_fault_spec_parses_every_option() -> None:
    fault = Fault.parse(
        "status=503,path=/v1/company/time-offs,method=get,page=2,times=1,after=3,"
        "retry-after=2.5"
    )
    assert fault == Fault(
        "status",
        path="/v1/company/time-offs",
        method="GET",
        page=2,
        times=1,
        after=3,
        status=503,
        retry_after=2.5,
    )


def test_fault_spec_value_is_seconds_for_latency() -> None:
    assert Fault.parse("latency=0.25").seconds == 0.25


def test_fault_spec_kind_alone() -> None:
    assert Fault.parse("drop").kind == "drop"


def test_fault_spec_unknown_option_raises() -> None:
    with pytest.raises(ValueError, match="colour"):
        Fault.parse("status=500,colour=red")


def test_fault_spec_bad_number_raises() -> None:
    with pytest.raises(ValueError, match="times"):
        Fault.parse("status=500,times=many")


def test_fault_unknown_kind_raises() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        Fault("explode")


def test_fault_defaults_by_kind() -> None:
    assert Fault("status").status == 503
    assert Fault("html").status == 502
    assert Fault("stall").seconds == 30.0


def test_stats_count_fault_statuses(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.add_fault("status", status=503, times=1)
    api.get(TIME_OFFS)
    assert fresh.stats().statuses[503] == 1
