"""Token endpoint, bearer checks, credential scopes and token lifetime."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from personio_sdk.sandbox import Sandbox

from .conftest import Api

Connect = Callable[..., Api]


def _auth(sandbox: Sandbox, **kwargs: object) -> httpx.Response:
    return httpx.post(f"{sandbox.url}/v1/auth", timeout=10, **kwargs)  # type: ignore[arg-type]


def test_auth_json_body_returns_papi_token(sandbox: Sandbox) -> None:
    body = _auth(sandbox, json=dict(sandbox.credentials)).json()
    assert body["success"] is True
    assert body["data"]["token"].startswith("papi-")
    assert body["data"]["expires_in"] == 86400


def test_auth_form_body_is_accepted(sandbox: Sandbox) -> None:
    response = _auth(sandbox, data=dict(sandbox.credentials))
    assert response.status_code == 200


def test_auth_scope_lists_both_reads(sandbox: Sandbox) -> None:
    body = _auth(sandbox, json=dict(sandbox.credentials)).json()
    assert body["data"]["scope"] == "employees:read absences:read"


def test_auth_query_string_credentials_get_403(sandbox: Sandbox) -> None:
    response = _auth(sandbox, params=dict(sandbox.credentials))
    assert response.status_code == 403


def test_auth_wrong_secret_gets_wrong_credentials(sandbox: Sandbox) -> None:
    pair = {"client_id": sandbox.credentials["client_id"], "client_secret": "nope"}
    response = _auth(sandbox, json=pair)
    assert response.status_code == 403
    assert response.json() == {
        "success": False,
        "error": {"code": 0, "message": "Wrong credentials"},
    }


def test_auth_empty_body_gets_wrong_credentials(sandbox: Sandbox) -> None:
    response = _auth(sandbox, content=b"")
    assert response.status_code == 403


def test_auth_same_token_within_a_day(fresh: Sandbox) -> None:
    first = _auth(fresh, json=dict(fresh.credentials)).json()["data"]["token"]
    fresh.advance(86_000)
    second = _auth(fresh, json=dict(fresh.credentials)).json()["data"]["token"]
    assert first == second


def test_auth_new_token_after_a_day(fresh: Sandbox) -> None:
    first = _auth(fresh, json=dict(fresh.credentials)).json()["data"]["token"]
    fresh.advance(86_400)
    second = _auth(fresh, json=dict(fresh.credentials)).json()["data"]["token"]
    assert first != second


def test_auth_tokens_differ_per_credential(sandbox: Sandbox) -> None:
    full = _auth(sandbox, json=dict(sandbox.credentials)).json()["data"]["token"]
    narrow_pair = dict(sandbox.credentials_for("narrow"))
    narrow = _auth(sandbox, json=narrow_pair).json()["data"]["token"]
    assert full != narrow


def test_auth_get_is_not_allowed(sandbox: Sandbox) -> None:
    response = httpx.get(f"{sandbox.url}/v1/auth", timeout=10)
    assert response.status_code == 405


def test_bearer_missing_gets_401_not_provided(sandbox: Sandbox) -> None:
    response = httpx.get(f"{sandbox.url}/v1/company/employees", timeout=10)
    assert response.status_code == 401
    assert response.json()["error"] == {
        "code": 401,
        "message": "Authorization is not provided",
    }


def test_bearer_unknown_gets_403_not_valid(sandbox: Sandbox) -> None:
    headers = {"Authorization": "Bearer papi-never-issued"}
    response = httpx.get(f"{sandbox.url}/v1/company/employees", headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Provided authorization is not valid"


def test_bearer_expired_gets_401(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.advance(86_401)
    response = api.get("/v1/company/employees")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token has expired"


def test_bearer_valid_just_before_a_day(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.advance(86_399)
    assert api.get("/v1/company/employees").status_code == 200


def test_revoked_token_gets_401_blacklisted(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.revoke_tokens()
    response = api.get("/v1/company/employees")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token has been blacklisted"


def test_reauth_after_revoke_gives_working_token(
    fresh: Sandbox, connect: Connect
) -> None:
    old = connect(fresh)
    fresh.revoke_tokens()
    new = connect(fresh)
    assert new.token != old.token
    assert new.get("/v1/company/employees").status_code == 200


def test_expire_tokens_makes_data_calls_401(fresh: Sandbox, connect: Connect) -> None:
    api = connect(fresh)
    fresh.expire_tokens()
    assert api.get("/v1/company/employees").status_code == 401


def test_token_echoed_in_authorization_header(api: Api) -> None:
    response = api.get("/v1/company/employees", {"limit": 1, "offset": 0})
    assert response.headers["Authorization"] == f"Bearer {api.token}"


def test_no_absences_credential_gets_403_on_time_offs(no_absences_api: Api) -> None:
    response = no_absences_api.get("/v1/company/time-offs")
    assert response.status_code == 403
    assert response.json()["success"] is False


@pytest.mark.parametrize(
    "path",
    [
        "/v1/company/time-offs/100001",
        "/v1/company/time-off-types",
        "/v1/company/absence-periods",
        "/v1/company/employees/1/absences/balance",
    ],
)
def test_no_absences_credential_gets_403_on_absence_paths(
    no_absences_api: Api, path: str
) -> None:
    assert no_absences_api.get(path).status_code == 403


def test_no_absences_credential_reads_employees(no_absences_api: Api) -> None:
    assert no_absences_api.get("/v1/company/employees/1").status_code == 200


def test_no_absences_403_is_not_the_invalid_token_message(no_absences_api: Api) -> None:
    message = no_absences_api.get("/v1/company/time-offs").json()["error"]["message"]
    assert message != "Provided authorization is not valid"


def test_narrow_credential_hides_work_schedule(narrow_api: Api) -> None:
    attributes = narrow_api.data("/v1/company/employees/1")["attributes"]
    assert "work_schedule" not in attributes
    assert "holiday_calendar" not in attributes


def test_narrow_credential_keeps_weekly_hours(narrow_api: Api) -> None:
    attributes = narrow_api.data("/v1/company/employees/1")["attributes"]
    assert attributes["weekly_working_hours"]["value"] == "40"


def test_narrow_attribute_list_omits_hidden(narrow_api: Api) -> None:
    keys = {item["key"] for item in narrow_api.data("/v1/company/employees/attributes")}
    assert "work_schedule" not in keys
    assert "email" in keys


def test_stats_count_token_requests(fresh: Sandbox, connect: Connect) -> None:
    connect(fresh)
    connect(fresh)
    stats = fresh.stats()
    assert stats.token_requests == 2
    assert stats.tokens_issued == 1


def test_stats_count_requests_by_path_and_route(
    fresh: Sandbox, connect: Connect
) -> None:
    api = connect(fresh)
    api.get("/v1/company/employees/1")
    api.get("/v1/company/employees/2")
    stats = fresh.stats()
    assert stats.requests["/v1/company/employees/1"] == 1
    assert stats.routes["/v1/company/employees/{employee_id}"] == 2


def test_reset_stats_clears_counters(fresh: Sandbox, connect: Connect) -> None:
    connect(fresh)
    fresh.reset_stats()
    assert fresh.stats().total == 0


def test_unknown_credential_name_raises_key_error(sandbox: Sandbox) -> None:
    with pytest.raises(KeyError, match="narrow"):
        sandbox.credentials_for("admin")


def test_clock_cannot_go_backwards(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="backwards"):
        sandbox.advance(-1)
