"""Requests and filtering of `client.absences` over both v1 absence endpoints."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx
from resource_helpers import (
    data_requests,
    list_body,
    load_payload,
    period_item,
    time_off_item,
    type_item,
)

from personio_sdk import NotFoundError
from personio_sdk._transport import Transport
from personio_sdk.models import AbsenceKind, AbsenceStatus
from personio_sdk.resources import AbsencesResource, AbsenceTypesResource

TIME_OFFS = "/v1/company/time-offs"
PERIODS = "/v1/company/absence-periods"
TYPES = "/v1/company/time-off-types"
PERIOD_ID = "0f8c6a8e-0000-4000-8000-000000000001"


@pytest.fixture
def absences(transport: Transport) -> AbsencesResource:
    return AbsencesResource(transport, AbsenceTypesResource(transport))


def serve(
    api: respx.MockRouter,
    time_offs: list[dict[str, Any]] | None = None,
    periods: list[dict[str, Any]] | None = None,
    types: list[dict[str, Any]] | None = None,
) -> None:
    """Serve one page per endpoint; a request for a later page gets an empty one."""

    def once(items: list[dict[str, Any]]) -> Any:
        def respond(request: httpx.Request) -> httpx.Response:
            offset = int(request.url.params.get("offset", "0"))
            first = offset <= 1 if request.url.path == TIME_OFFS else offset == 0
            return httpx.Response(200, json=list_body(items if first else []))

        return respond

    api.get(TIME_OFFS).mock(side_effect=once(time_offs or []))
    api.get(PERIODS).mock(side_effect=once(periods or []))
    api.get(TYPES).mock(side_effect=once(types or []))


def test_both_endpoints_in_one_stream(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api, time_offs=[time_off_item(1)], periods=[period_item(PERIOD_ID)])
    found = list(absences.list(start=date(2026, 3, 1), end=date(2026, 3, 31)))
    assert [a.id for a in found] == ["1", PERIOD_ID]
    assert [a.unit for a in found] == ["day", "hour"]


def test_hour_based_absence_has_local_dates(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    # 23:00 UTC on 9 March is midnight of 10 March in Berlin.
    item = period_item(
        PERIOD_ID, start="2026-03-09T23:00:00Z", end="2026-03-10T01:00:00Z"
    )
    serve(api, periods=[item])
    [absence] = list(absences.list(start=date(2026, 3, 10), end=date(2026, 3, 10)))
    assert absence.start_date == date(2026, 3, 10)
    assert absence.hours == Decimal(2)


def test_default_is_approved_only(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(
        api,
        time_offs=[
            time_off_item(1),
            time_off_item(2, status="pending"),
            time_off_item(3, status="requested"),
            time_off_item(4, status="rejected"),
            time_off_item(5, status="cancelled"),
        ],
        periods=[period_item(PERIOD_ID, status="pending")],
    )
    assert [a.id for a in absences.list()] == ["1"]


def test_statuses_select_others(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(
        api,
        time_offs=[time_off_item(1), time_off_item(2, status="pending")],
        periods=[period_item(PERIOD_ID, status="requested")],
    )
    found = list(absences.list(statuses=["pending", AbsenceStatus.REQUESTED]))
    assert [a.id for a in found] == ["2", PERIOD_ID]


def test_single_status_string(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api, time_offs=[time_off_item(1), time_off_item(2, status="rejected")])
    assert [a.id for a in absences.list(statuses="rejected")] == ["2"]


def test_overlapping_periods_kept(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(
        api,
        time_offs=[
            time_off_item(1, start="2026-02-25", end="2026-03-02"),  # starts before
            time_off_item(2, start="2026-03-30", end="2026-04-03"),  # ends after
            time_off_item(3, start="2026-02-01", end="2026-04-30"),  # spans the range
            time_off_item(4, start="2026-02-01", end="2026-02-28"),  # outside
            time_off_item(5, start="2026-04-01", end="2026-04-02"),  # outside
        ],
        periods=[
            period_item(
                PERIOD_ID, start="2026-04-01T08:00:00Z", end="2026-04-01T09:00:00Z"
            )
        ],
    )
    found = list(absences.list(start=date(2026, 3, 1), end=date(2026, 3, 31)))
    assert [a.id for a in found] == ["1", "2", "3"]


def test_range_sent_to_both_endpoints(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    list(absences.list(start=date(2026, 3, 1), end=date(2026, 3, 31)))
    for path in (TIME_OFFS, PERIODS):
        request = data_requests(api, path)[0]
        assert request.url.params["start_date"] == "2026-03-01"
        assert request.url.params["end_date"] == "2026-03-31"


def test_time_offs_page_from_one(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    list(absences.list())
    assert data_requests(api, TIME_OFFS)[0].url.params["offset"] == "1"


def test_employee_filter_is_repeated_key(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    list(absences.list(employee_ids=[3, 5, 8]))
    for path in (TIME_OFFS, PERIODS):
        request = data_requests(api, path)[0]
        assert request.url.params.get_list("employees[]") == ["3", "5", "8"]
        assert "," not in str(request.url)


def test_many_ids_are_chunked(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    list(absences.list(employee_ids=range(1, 121)))
    for path in (TIME_OFFS, PERIODS):
        sizes = [
            len(r.url.params.get_list("employees[]")) for r in data_requests(api, path)
        ]
        assert sizes == [50, 50, 20]


def test_ids_deduplicated_across_chunks(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api, time_offs=[time_off_item(1)], periods=[period_item(PERIOD_ID)])
    found = list(absences.list(employee_ids=range(1, 61)))
    assert [a.id for a in found] == ["1", PERIOD_ID]


def test_updated_since_date_mapping(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    list(absences.list(updated_since=date(2026, 1, 10)))
    assert data_requests(api, TIME_OFFS)[0].url.params["updated_from"] == "2026-01-10"
    period_from = data_requests(api, PERIODS)[0].url.params["updated_from"]
    assert period_from == "2026-01-09T00:00:00+00:00"


def test_updated_since_datetime_mapping(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    since = datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc)
    list(absences.list(updated_since=since))
    assert data_requests(api, TIME_OFFS)[0].url.params["updated_from"] == "2026-01-09"
    period_from = data_requests(api, PERIODS)[0].url.params["updated_from"]
    assert period_from == "2026-01-10T12:00:00+00:00"


def test_updated_since_filters_exactly(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(
        api,
        time_offs=[
            time_off_item(1, updated_at="2026-01-10T09:00:00+0100"),
            time_off_item(2, updated_at="2026-01-10T14:00:00+0100"),
        ],
    )
    since = datetime(2026, 1, 10, 12, 0, tzinfo=timezone.utc)
    assert [a.id for a in absences.list(updated_since=since)] == ["2"]


@pytest.mark.parametrize(
    "since",
    [
        pytest.param(date.min, id="first-date"),
        pytest.param(datetime.min.replace(tzinfo=timezone.utc), id="first-instant"),
        pytest.param(
            datetime.max.replace(tzinfo=timezone(timedelta(hours=-5))),
            id="last-instant-west-of-utc",
        ),
    ],
)
def test_updated_since_out_of_range_raises(
    api: respx.MockRouter, absences: AbsencesResource, since: date
) -> None:
    with pytest.raises(ValueError, match=r"updated_since .* is out of range"):
        absences.list(updated_since=since)
    assert data_requests(api) == []


def test_updated_since_second_date_is_sent(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api)
    list(absences.list(updated_since=date(1, 1, 2)))
    period_from = data_requests(api, PERIODS)[0].url.params["updated_from"]
    assert period_from == "0001-01-01T00:00:00+00:00"


def test_list_validates_before_requests(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"start": date(2026, 3, 2), "end": date(2026, 3, 1)}, "end"),
        ({"start": datetime(2026, 3, 1, 8, 0)}, "start"),
        ({"end": datetime(2026, 3, 1, tzinfo=timezone.utc)}, "end"),
        ({"employee_ids": []}, "employee_ids"),
        ({"employee_ids": [1, 0]}, "employee_ids"),
        ({"statuses": ["aproved"]}, "statuses"),
        ({"statuses": []}, "statuses"),
        ({"updated_since": datetime(2026, 1, 1)}, "updated_since"),
    ]
    for arguments, argument in cases:
        with pytest.raises(ValueError, match=argument):
            absences.list(**arguments)
    assert data_requests(api) == []


def test_datetime_bound_message_says_pass_date(absences: AbsencesResource) -> None:
    with pytest.raises(ValueError, match=r"start must be a date"):
        absences.list(start=datetime(2026, 3, 1))


def test_employee_ids_string_rejected(absences: AbsencesResource) -> None:
    with pytest.raises(TypeError, match="employee_ids"):
        absences.list(employee_ids="1,2")  # type: ignore[arg-type]


def test_hour_kind_uses_type_category(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(
        api,
        periods=[period_item(PERIOD_ID, name="Stunden", time_off_type_id=20)],
        types=[type_item(20, "Stunden", "sick_leave", unit="hour")],
    )
    [absence] = list(absences.list())
    assert absence.kind is AbsenceKind.SICK_LEAVE
    assert absence.category == "sick_leave"


def test_day_listing_needs_no_types(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api, time_offs=[time_off_item(1)])
    list(absences.list())
    assert data_requests(api, TYPES) == []


def test_official_examples_stream(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    api.get(TIME_OFFS).respond(json=load_payload("v1-time-offs-list-200"))
    api.get(PERIODS).respond(json=load_payload("v1-absence-periods-hourly-list-200"))
    api.get(TYPES).respond(json=load_payload("v1-time-off-types-200"))
    found = list(absences.list(start=date(2017, 1, 1), end=date(2022, 12, 31)))
    assert [a.id for a in found] == ["12345", "9bba303f-0fbc-4514-9958-0befa21923fb"]
    assert found[0].kind is AbsenceKind.VACATION
    assert found[1].start_date == date(2022, 6, 1)


def test_empty_periods_example(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    api.get(TIME_OFFS).respond(json=list_body([]))
    api.get(PERIODS).respond(json=load_payload("v1-absence-periods-empty-200"))
    assert list(absences.list()) == []


def test_get_numeric_id(api: respx.MockRouter, absences: AbsencesResource) -> None:
    api.get(f"{TIME_OFFS}/12345").respond(json=load_payload("v1-time-off-get-200"))
    absence = absences.get(12345)
    assert absence.id == "12345"
    assert absence.employee_id == 2367


def test_get_digit_string(api: respx.MockRouter, absences: AbsencesResource) -> None:
    api.get(f"{TIME_OFFS}/12345").respond(json=load_payload("v1-time-off-get-200"))
    assert absences.get("12345").id == "12345"


def test_get_uuid_uses_filter(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    serve(api, periods=[period_item(PERIOD_ID, status="pending")])
    absence = absences.get(PERIOD_ID)
    assert absence.id == PERIOD_ID
    assert absence.status is AbsenceStatus.PENDING
    request = data_requests(api, PERIODS)[0]
    assert request.url.params.get_list("absence_periods[]") == [PERIOD_ID]


@pytest.mark.parametrize(
    "spelling",
    [
        PERIOD_ID.upper(),
        PERIOD_ID.replace("-", ""),
        f"{{{PERIOD_ID}}}",
        f"urn:uuid:{PERIOD_ID}",
    ],
)
def test_get_uuid_sends_canonical_form(
    api: respx.MockRouter, absences: AbsencesResource, spelling: str
) -> None:
    serve(api, periods=[period_item(PERIOD_ID)])
    assert absences.get(spelling).id == PERIOD_ID
    request = data_requests(api, PERIODS)[0]
    assert request.url.params.get_list("absence_periods[]") == [PERIOD_ID]


def test_get_uuid_not_found(api: respx.MockRouter, absences: AbsencesResource) -> None:
    serve(api)
    with pytest.raises(NotFoundError, match=PERIOD_ID):
        absences.get(PERIOD_ID)


@pytest.mark.parametrize("bad", ["vacation-1", "", 0, -5])
def test_get_rejects_bad_id(
    api: respx.MockRouter, absences: AbsencesResource, bad: Any
) -> None:
    with pytest.raises(ValueError, match="absence_id"):
        absences.get(bad)
    assert data_requests(api) == []


def test_updated_since_date_uses_local_date(
    api: respx.MockRouter, absences: AbsencesResource
) -> None:
    # 23:30 UTC on 9 January is 10 January in Berlin, the period's time zone.
    serve(
        api,
        periods=[
            period_item(PERIOD_ID, updated_at="2026-01-09T23:30:00Z"),
            period_item(
                "0f8c6a8e-0000-4000-8000-000000000002",
                updated_at="2026-01-09T20:00:00Z",
            ),
        ],
    )
    found = list(absences.list(updated_since=date(2026, 1, 10)))
    assert [a.id for a in found] == [PERIOD_ID]


def test_statuses_wrong_type_rejected(absences: AbsencesResource) -> None:
    with pytest.raises(TypeError, match="statuses"):
        absences.list(statuses=5)  # type: ignore[arg-type]


def test_unknown_status_message_lists_names(absences: AbsencesResource) -> None:
    with pytest.raises(ValueError, match="approved, pending, requested, rejected"):
        absences.list(statuses=["done"])
