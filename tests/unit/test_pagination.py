"""The paging iterator against fake servers of each paging style."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import httpx
import pytest
import respx

from personio_sdk import PaginationError, PersonioClient, ResponseValidationError
from personio_sdk._pagination import PageStyle, chunked, iter_items

from .conftest import SECOND_TOKEN, TOKEN, token_body, v1_error

EMPLOYEES = "/v1/company/employees"
TIME_OFFS = "/v1/company/time-offs"
PERIODS = "/v1/company/absence-periods"

Server = Callable[[httpx.Request], httpx.Response]


def records(count: int) -> list[dict[str, Any]]:
    return [{"id": number, "name": f"record {number}"} for number in range(count)]


def record_id(item: Mapping[str, Any]) -> object:
    return item["id"]


def _query(request: httpx.Request) -> tuple[int, int]:
    params = request.url.params
    return int(params["offset"]), int(params["limit"])


def _body(
    data: list[dict[str, Any]], total: int | None, limit: int, metadata: bool
) -> dict[str, Any]:
    body: dict[str, Any] = {"success": True, "data": data}
    if metadata and total is not None:
        body["metadata"] = {
            "total_elements": total,
            "current_page": 0,
            "total_pages": math.ceil(total / limit),
        }
    return body


def record_offset_server(
    rows: list[dict[str, Any]], *, metadata: bool = True
) -> Server:
    """offset counts records from 0, like v1 employees."""

    def handle(request: httpx.Request) -> httpx.Response:
        offset, limit = _query(request)
        page = rows[offset : offset + limit]
        return httpx.Response(200, json=_body(page, len(rows), limit, metadata))

    return handle


def page_number_server(
    rows: list[dict[str, Any]], *, metadata: bool = True, zero_is_one: bool = True
) -> Server:
    """offset is a page number; 0 is page 1 (or page 0 of a 0-based scheme)."""

    def handle(request: httpx.Request) -> httpx.Response:
        offset, limit = _query(request)
        index = max(offset, 1) - 1 if zero_is_one else offset
        page = rows[index * limit : (index + 1) * limit]
        return httpx.Response(200, json=_body(page, len(rows), limit, metadata))

    return handle


def paging_ignored_server(rows: list[dict[str, Any]]) -> Server:
    """Every request gets the whole list; limit and offset are ignored."""

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"success": True, "data": rows})

    return handle


def offsets(route: respx.Route) -> list[tuple[int, int]]:
    return [_query(call.request) for call in route.calls]


def collect(
    client: PersonioClient, path: str, style: PageStyle, page_size: int, **kwargs: Any
) -> list[object]:
    items = iter_items(
        client._transport,
        path,
        style=style,
        page_size=page_size,
        item_id=record_id,
        **kwargs,
    )
    return [item["id"] for item in items]


def test_record_offsets_yield_every_record_once(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).mock(side_effect=record_offset_server(records(250)))
    ids = collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 100)
    assert ids == list(range(250))
    assert offsets(route) == [(0, 100), (100, 100), (200, 100)]


def test_employees_limit_never_exceeds_100(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).mock(side_effect=record_offset_server(records(150)))
    ids = collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 500)
    assert len(ids) == 150
    assert all(limit <= 100 for _, limit in offsets(route))


def test_record_offsets_without_metadata_stop_on_short_page(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    server = record_offset_server(records(5), metadata=False)
    route = router.get(EMPLOYEES).mock(side_effect=server)
    assert collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 2) == list(range(5))
    assert offsets(route) == [(0, 2), (2, 2), (4, 2)]


def test_record_offsets_without_metadata_stop_on_empty_page(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    server = record_offset_server(records(4), metadata=False)
    route = router.get(EMPLOYEES).mock(side_effect=server)
    assert collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 2) == list(range(4))
    assert offsets(route) == [(0, 2), (2, 2), (4, 2)]


def test_time_offs_start_at_page_one(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(TIME_OFFS).mock(side_effect=page_number_server(records(450)))
    ids = collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 200)
    assert ids == list(range(450))
    assert offsets(route) == [(1, 200), (2, 200), (3, 200)]


def test_time_offs_never_request_page_one_twice(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(TIME_OFFS).mock(side_effect=page_number_server(records(450)))
    collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 200)
    pages = [offset for offset, _ in offsets(route)]
    assert 0 not in pages
    assert pages.count(1) == 1


def test_time_offs_without_metadata_stop_on_short_page(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    server = page_number_server(records(5), metadata=False)
    route = router.get(TIME_OFFS).mock(side_effect=server)
    assert collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 2) == list(range(5))
    # Without counts, the short third page (one record of two) is the last.
    assert [offset for offset, _ in offsets(route)] == [1, 2, 3]


def test_time_offs_stop_at_total_pages(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    rows = records(4)

    def stale_total(request: httpx.Request) -> httpx.Response:
        offset, _ = _query(request)
        body = {
            "success": True,
            "data": rows[(offset - 1) * 2 : offset * 2],
            "metadata": {
                "total_elements": 10,
                "current_page": offset,
                "total_pages": 2,
            },
        }
        return httpx.Response(200, json=body)

    route = router.get(TIME_OFFS).mock(side_effect=stale_total)
    assert collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 2) == [0, 1, 2, 3]
    assert route.call_count == 2


@pytest.mark.parametrize("metadata", [True, False])
def test_detect_finds_record_offsets(
    client: PersonioClient, router: respx.MockRouter, metadata: bool
) -> None:
    server = record_offset_server(records(450), metadata=metadata)
    route = router.get(PERIODS).mock(side_effect=server)
    ids = collect(client, PERIODS, PageStyle.DETECT, 200)
    assert ids == list(range(450))
    assert offsets(route)[:3] == [(0, 200), (1, 2), (200, 200)]


@pytest.mark.parametrize("metadata", [True, False])
def test_detect_finds_page_numbers_from_one(
    client: PersonioClient, router: respx.MockRouter, metadata: bool
) -> None:
    server = page_number_server(records(450), metadata=metadata)
    route = router.get(PERIODS).mock(side_effect=server)
    ids = collect(client, PERIODS, PageStyle.DETECT, 200)
    assert ids == list(range(450))
    assert offsets(route)[:4] == [(0, 200), (1, 2), (2, 200), (3, 200)]


@pytest.mark.parametrize("metadata", [True, False])
def test_detect_finds_page_numbers_from_zero(
    client: PersonioClient, router: respx.MockRouter, metadata: bool
) -> None:
    server = page_number_server(records(450), metadata=metadata, zero_is_one=False)
    route = router.get(PERIODS).mock(side_effect=server)
    ids = collect(client, PERIODS, PageStyle.DETECT, 200)
    assert ids == list(range(450))
    assert offsets(route)[:4] == [(0, 200), (1, 2), (1, 200), (2, 200)]


def test_detect_single_page_makes_one_request(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(PERIODS).mock(side_effect=record_offset_server(records(3)))
    assert collect(client, PERIODS, PageStyle.DETECT, 200) == [0, 1, 2]
    assert route.call_count == 1


def test_detect_empty_result_makes_one_request(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    empty = {
        "success": True,
        "data": [],
        "metadata": {"total_elements": 0, "current_page": 1, "total_pages": 0},
    }
    route = router.get(PERIODS).respond(200, json=empty)
    assert collect(client, PERIODS, PageStyle.DETECT, 200) == []
    assert route.call_count == 1


def test_detect_unknown_style_raises(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    def shuffled(request: httpx.Request) -> httpx.Response:
        offset, _ = _query(request)
        data = records(10) if offset == 0 else [{"id": 7}, {"id": 8}]
        return httpx.Response(200, json={"success": True, "data": data})

    router.get(PERIODS).mock(side_effect=shuffled)
    with pytest.raises(PaginationError) as caught:
        collect(client, PERIODS, PageStyle.DETECT, 10)
    assert caught.value.path == PERIODS


@pytest.mark.parametrize(
    "style", [PageStyle.RECORD_OFFSET, PageStyle.PAGE_NUMBER, PageStyle.DETECT]
)
def test_ignored_paging_does_not_loop(
    client: PersonioClient, router: respx.MockRouter, style: PageStyle
) -> None:
    route = router.get(PERIODS).mock(side_effect=paging_ignored_server(records(3)))
    assert collect(client, PERIODS, style, 200) == [0, 1, 2]
    assert route.call_count <= 2


def test_ignored_limit_stops_after_first_page(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).mock(side_effect=paging_ignored_server(records(130)))
    ids = collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 100)
    assert ids == list(range(130))
    assert route.call_count == 1


def test_repeated_full_page_raises(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    rows = records(500)

    def offset_ignored(request: httpx.Request) -> httpx.Response:
        _, limit = _query(request)
        return httpx.Response(200, json={"success": True, "data": rows[:limit]})

    route = router.get(EMPLOYEES).mock(side_effect=offset_ignored)
    with pytest.raises(PaginationError) as caught:
        collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 100)
    assert route.call_count == 2
    assert "offset=100" in str(caught.value)


def test_duplicate_ids_are_dropped(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    pages = {
        1: [{"id": 1}, {"id": 2}],
        2: [{"id": 2}, {"id": 3}],
        3: [],
    }

    def overlapping(request: httpx.Request) -> httpx.Response:
        offset, _ = _query(request)
        return httpx.Response(200, json={"success": True, "data": pages[offset]})

    router.get(TIME_OFFS).mock(side_effect=overlapping)
    assert collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 2) == [1, 2, 3]


def test_never_ending_pages_hit_the_page_ceiling(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    def endless(request: httpx.Request) -> httpx.Response:
        offset, limit = _query(request)
        data = [{"id": offset * limit + n} for n in range(limit)]
        metadata = {
            "total_elements": 1_000_000,
            "current_page": offset,
            "total_pages": 3,
        }
        body = {"success": True, "data": data, "metadata": metadata}
        return httpx.Response(200, json=body)

    router.get(EMPLOYEES).mock(side_effect=endless)
    with pytest.raises(PaginationError):
        collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 2)


def test_pages_without_counts_hit_the_safety_bound(
    client: PersonioClient, router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("personio_sdk._constants.MAX_PAGES", 20)

    def endless(request: httpx.Request) -> httpx.Response:
        offset, limit = _query(request)
        data = [{"id": offset + n} for n in range(limit)]
        return httpx.Response(200, json={"success": True, "data": data})

    route = router.get(EMPLOYEES).mock(side_effect=endless)
    with pytest.raises(PaginationError):
        collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 5)
    assert route.call_count == 20


def test_iteration_is_lazy(client: PersonioClient, router: respx.MockRouter) -> None:
    route = router.get(EMPLOYEES).mock(side_effect=record_offset_server(records(300)))
    items = iter_items(
        client._transport,
        EMPLOYEES,
        style=PageStyle.RECORD_OFFSET,
        page_size=100,
        item_id=record_id,
    )
    assert route.call_count == 0
    next(items)
    assert route.call_count == 1


def test_401_mid_listing_loses_and_repeats_nothing(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> None:
    auth_route.side_effect = [
        httpx.Response(200, json=token_body(TOKEN)),
        httpx.Response(200, json=token_body(SECOND_TOKEN)),
    ]
    server = record_offset_server(records(250))
    failed = []

    def revoke_on_second_page(request: httpx.Request) -> httpx.Response:
        offset, _ = _query(request)
        if offset == 100 and not failed:
            failed.append(offset)
            return httpx.Response(401, json=v1_error(401, "The token has been revoked"))
        return server(request)

    router.get(EMPLOYEES).mock(side_effect=revoke_on_second_page)
    ids = collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 100)
    assert ids == list(range(250))
    assert auth_route.call_count == 2


@pytest.mark.parametrize("status", [429, 503])
def test_retry_mid_listing_loses_and_repeats_nothing(
    client: PersonioClient, router: respx.MockRouter, status: int
) -> None:
    server = page_number_server(records(450))
    failed = []

    def fail_once_on_page_two(request: httpx.Request) -> httpx.Response:
        offset, _ = _query(request)
        if offset == 2 and not failed:
            failed.append(offset)
            return httpx.Response(status, headers={"Retry-After": "1"})
        return server(request)

    router.get(TIME_OFFS).mock(side_effect=fail_once_on_page_two)
    assert collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 200) == list(range(450))


def test_string_counts_are_read(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    body = {
        "success": True,
        "data": [{"id": 1}, {"id": 2}],
        "metadata": {"total_elements": "2", "current_page": "1", "total_pages": "1"},
    }
    route = router.get(TIME_OFFS).respond(200, json=body)
    assert collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 2) == [1, 2]
    assert route.call_count == 1


def test_zero_counts_beside_records_are_ignored(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    rows = records(4)

    def wrong_counts(request: httpx.Request) -> httpx.Response:
        offset, limit = _query(request)
        metadata = {"total_elements": 0, "current_page": 1, "total_pages": 0}
        data = rows[(offset - 1) * limit : offset * limit]
        return httpx.Response(
            200, json={"success": True, "data": data, "metadata": metadata}
        )

    router.get(TIME_OFFS).mock(side_effect=wrong_counts)
    assert collect(client, TIME_OFFS, PageStyle.PAGE_NUMBER, 2) == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("body", "location"),
    [
        (["a", "list"], "body"),
        ({"success": True}, "data"),
        ({"success": True, "data": ["text"]}, "data[0]"),
        ({"success": True, "data": [{"name": "no id"}]}, "data[0]"),
    ],
)
def test_malformed_pages_raise_validation_error(
    client: PersonioClient, router: respx.MockRouter, body: object, location: str
) -> None:
    router.get(EMPLOYEES).respond(200, json=body)
    with pytest.raises(ResponseValidationError) as caught:
        collect(client, EMPLOYEES, PageStyle.RECORD_OFFSET, 10)
    assert caught.value.location == location


@pytest.mark.parametrize("key", ["limit", "offset"])
def test_paging_params_are_rejected(client: PersonioClient, key: str) -> None:
    with pytest.raises(ValueError, match=key):
        iter_items(
            client._transport,
            EMPLOYEES,
            params=[(key, 5)],
            style=PageStyle.RECORD_OFFSET,
            page_size=10,
            item_id=record_id,
        )


def test_extra_params_are_sent_on_every_page(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(TIME_OFFS).mock(side_effect=page_number_server(records(5)))
    collect(
        client,
        TIME_OFFS,
        PageStyle.PAGE_NUMBER,
        2,
        params=[("employees[]", 1), ("employees[]", 2)],
    )
    for call in route.calls:
        assert call.request.url.params.get_list("employees[]") == ["1", "2"]


def test_chunked_splits_ids() -> None:
    assert list(chunked(list(range(120)), 50)) == [
        list(range(50)),
        list(range(50, 100)),
        list(range(100, 120)),
    ]


def test_recent_ids_keep_last_pages() -> None:
    from personio_sdk._pagination import _RecentIds

    recent = _RecentIds(3)
    for page in range(10):
        recent.add_page(frozenset({page * 2, page * 2 + 1}))
    assert [item_id for item_id in range(20) if item_id in recent] == [
        14,
        15,
        16,
        17,
        18,
        19,
    ]
    assert recent.isdisjoint(frozenset({0, 13}))
    assert not recent.isdisjoint(frozenset({0, 14}))
