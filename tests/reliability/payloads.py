"""Hypothesis strategies for v1 payload items, written from Personio's v1 definition.

Each item type is a table of fields, each with a strategy for the values the
definition allows (`days_count` is any number, `start_date` any date from year 1 to
9999) and one for wild values (any JSON value, free text, numbers in strings). An
item is drawn valid, or valid with one field wild, or valid with one field missing,
so that a parser is driven past its first fields. Unknown keys are added, and the
attributes may arrive wrapped in `{"type", "attributes"}` or bare.

Free text starts with `Zq` and many numbers have six digits or more, so that a test
can look for them in an error message (`planted_values`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Fixed and modest, so that a CI run is repeatable and takes seconds.
PAYLOAD_SETTINGS = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CATEGORIES = (
    "family_care",
    "maternity_parental_leave",
    "child_care",
    "short_time_allowance",
    "quarantine",
    "irrevocable_exemption",
    "sick_leave",
    "strike_and_lockout",
    "public_duty",
    "unpaid_suspension",
    "paid_vacation",
    "unpaid_vacation",
    "unexcused_absence",
    "offsite_work",
    "other",
    "undefined",
)
ATTRIBUTE_TYPES = (
    "standard",
    "date",
    "integer",
    "decimal",
    "list",
    "link",
    "tags",
    "multiline",
)
STATUSES = ("approved", "pending", "requested", "rejected")
ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "UTC",
    "America/New_York",
    "Pacific/Kiritimati",
)
ENVELOPE_TYPES = (
    "TimeOffPeriod",
    "AbsencePeriod",
    "TimeOffType",
    "AbsenceType",
    "Employee",
    "WorkSchedule",
    "HolidayCalendar",
    "Department",
)
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
# Shortest string or number `planted_values` looks for: shorter ones (`0`, `id`)
# occur in any message by chance.
MIN_PLANTED_LENGTH = 6
# Words of the definition's enums, not data: "expected an integer" may name one.
VOCABULARY = frozenset(
    {*CATEGORIES, *ATTRIBUTE_TYPES, *STATUSES, *ZONES, *ENVELOPE_TYPES}
    | {"hours", "minutes", "mobile", "slack", "msteams", "custom_absence"}
)
Fields = Mapping[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]

# Free text: unmistakable in a message, and never a date, number or known name.
text = st.text(max_size=10).map(lambda core: f"Zq{core}")
empty = st.sampled_from([None, "", " ", [], {}])
integer = st.one_of(
    st.integers(min_value=100_000, max_value=10**12),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.sampled_from([0, 1, -1]),
)
positive_id = st.integers(min_value=1, max_value=10**12)
number = st.one_of(integer, st.floats(allow_nan=False, allow_infinity=False))
numeric_text = st.one_of(
    number.map(str),
    st.sampled_from(["37,5", "1e1000000", "-9e999999", "NaN", "Infinity", "0x10"]),
)
boolean = st.one_of(st.booleans(), st.sampled_from([0, 1]))
any_json = st.recursive(
    st.one_of(st.none(), st.booleans(), number, text, numeric_text),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(text, children, max_size=3),
    ),
    max_leaves=6,
)

# The whole range `datetime` supports, with the first and last days drawn often,
# because shifting those by an offset or a time zone leaves the range.
any_instant = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 2)),
    st.datetimes(
        min_value=datetime(9999, 12, 30), max_value=datetime(9999, 12, 31, 23, 59, 59)
    ),
)
any_day = any_instant.map(datetime.date)
offset = st.one_of(
    st.sampled_from(["Z", ".0Z", ".000Z", "+0100", "+02:00", "-0500", "+0000", ""]),
    st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
        lambda minutes: (
            f"{'+' if minutes >= 0 else '-'}"
            f"{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        )
    ),
)
date_text = st.one_of(
    any_day.map(date.isoformat),
    st.builds(lambda d, o: f"{d.isoformat()}T00:00:00{o}", any_day, offset),
)
datetime_text = st.builds(
    lambda i, o: i.isoformat(timespec="seconds") + o, any_instant, offset
)
odd_date = st.one_of(
    st.sampled_from(
        [
            "2026-02-30",
            "2026-13-01",
            "0000-01-01T00:00:00+0100",
            "2026-03-01T24:00:00Z",
            "2026-03-01T10:00:00+99:00",
        ]
    ),
    text,
    number,
    any_json,
)
# The definition's pattern for a work schedule day is `\d\d:\d\d`. The model also
# accepts ISO 8601 durations and numbers of hours, so those are drawn as odd values.
clock_text = st.builds(
    lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 24), st.integers(0, 59)
)
odd_clock = st.one_of(
    st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 99), st.integers(0, 99)),
    st.sampled_from(["PT28800S", "PT7H30M", "P0D", "8", "7.5", "-1"]),
    numeric_text,
    any_json,
)


def item(
    fields: Fields, *, kind: str | None = None
) -> st.SearchStrategy[dict[str, Any]]:
    """Draw an item of `fields`: valid, with one field wild, or one field missing.

    Unknown keys (`x_Zq...`) are added to the attributes. With `kind`, the
    attributes are wrapped as `{"type": kind, "attributes": ...}` or left bare.
    """
    valid = st.fixed_dictionaries({name: pair[0] for name, pair in fields.items()})
    names = sorted(fields)

    def with_wild(drawn: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        return st.sampled_from(names).flatmap(
            lambda name: fields[name][1].map(lambda wild: {**drawn, name: wild})
        )

    def without_one(drawn: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        return st.sampled_from(names).map(
            lambda name: {key: value for key, value in drawn.items() if key != name}
        )

    known = st.one_of(valid, valid.flatmap(with_wild), valid.flatmap(without_one))
    unknown = st.dictionaries(text.map(lambda name: f"x_{name}"), any_json, max_size=2)
    attributes = st.builds(lambda a, b: {**b, **a}, known, unknown)
    if kind is None:
        return attributes
    wrapped = attributes.map(lambda inner: {"type": kind, "attributes": inner})
    return st.one_of(wrapped, attributes)


def nested(
    fields: Fields, kind: str, *, required: tuple[str, ...] = ()
) -> st.SearchStrategy[Any]:
    """A nested object such as `time_off_type`, wrapped or bare, without extras.

    Fields not in `required` may be missing.
    """
    inner = st.fixed_dictionaries(
        {name: fields[name][0] for name in required},
        optional={k: v[0] for k, v in fields.items() if k not in required},
    )
    return st.one_of(inner.map(lambda a: {"type": kind, "attributes": a}), inner)


def wrapped(value: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A v1 employee attribute: `{label, value, type, universal_id}`."""
    return st.fixed_dictionaries(
        {"label": text, "value": value},
        optional={"type": st.sampled_from(ATTRIBUTE_TYPES), "universal_id": text},
    )


def wild_or_empty(*extra: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Wild values for a field: empty shapes, any JSON value and `extra`."""
    return st.one_of(empty, any_json, *extra)


short_employee = nested(
    {"id": (wrapped(positive_id), wild_or_empty()), "email": (wrapped(text), empty)},
    "Employee",
    required=("id",),
)
category = st.one_of(st.sampled_from(CATEGORIES), text, st.none())
status = st.one_of(st.sampled_from(STATUSES), text)
certificate = st.fixed_dictionaries({}, optional={"status": text})

TIME_OFF_FIELDS: Fields = {
    "id": (positive_id, wild_or_empty(integer)),
    "status": (status, wild_or_empty()),
    "start_date": (date_text, wild_or_empty(odd_date)),
    "end_date": (date_text, wild_or_empty(odd_date)),
    "days_count": (number, wild_or_empty(numeric_text)),
    "half_day_start": (boolean, wild_or_empty(integer)),
    "half_day_end": (boolean, wild_or_empty(integer)),
    "time_off_type": (
        nested(
            {
                "id": (positive_id, empty),
                "name": (text, empty),
                "category": (category, empty),
            },
            "TimeOffType",
        ),
        wild_or_empty(),
    ),
    "employee": (short_employee, wild_or_empty()),
    "certificate": (certificate, wild_or_empty()),
    "comment": (text, wild_or_empty()),
    "created_at": (datetime_text, wild_or_empty(odd_date)),
    "created_by": (text, wild_or_empty()),
    "updated_at": (datetime_text, wild_or_empty(odd_date)),
}
time_off_item = item(TIME_OFF_FIELDS, kind="TimeOffPeriod")

breakdown = st.fixed_dictionaries({"date": date_text, "effective_duration": integer})
ABSENCE_PERIOD_FIELDS: Fields = {
    "id": (st.uuids().map(str), wild_or_empty(integer)),
    "measurement_unit": (st.sampled_from(["hour", "hours", "minutes"]), any_json),
    "effective_duration": (integer, wild_or_empty(numeric_text)),
    "employee": (short_employee, wild_or_empty()),
    "absence_type": (
        nested(
            {
                "id": (st.uuids().map(str), empty),
                "name": (text, empty),
                "time_off_type_id": (positive_id, empty),
            },
            "AbsenceType",
        ),
        wild_or_empty(),
    ),
    "certificate": (certificate, wild_or_empty()),
    "start": (datetime_text, wild_or_empty(odd_date)),
    "end": (st.one_of(datetime_text, st.none()), wild_or_empty(odd_date)),
    "half_day_start": (boolean, wild_or_empty(integer)),
    "half_day_end": (boolean, wild_or_empty(integer)),
    "comment": (text, wild_or_empty()),
    "origin": (st.sampled_from(["web", "api", "mobile", "slack", "msteams"]), any_json),
    "status": (status, wild_or_empty()),
    "timezone": (st.one_of(st.sampled_from(ZONES), text), wild_or_empty()),
    "created_by": (positive_id, wild_or_empty()),
    "created_at": (datetime_text, wild_or_empty(odd_date)),
    "updated_at": (datetime_text, wild_or_empty(odd_date)),
    "approved_at": (st.one_of(datetime_text, st.none()), wild_or_empty(odd_date)),
    "breakdowns": (
        st.lists(breakdown, max_size=3),
        wild_or_empty(st.lists(any_json, max_size=2)),
    ),
}
absence_period_item = item(ABSENCE_PERIOD_FIELDS, kind="AbsencePeriod")

work_schedule = nested(
    {
        "id": (positive_id, empty),
        "name": (text, empty),
        **{
            weekday: (st.one_of(clock_text, clock_text, odd_clock), empty)
            for weekday in WEEKDAYS
        },
    },
    "WorkSchedule",
)
org_unit = st.one_of(
    nested({"id": (positive_id, empty), "name": (text, empty)}, "Department"), text
)
holiday_calendar = nested(
    {
        "id": (positive_id, empty),
        "name": (text, empty),
        "country": (text, empty),
        "state": (text, empty),
    },
    "HolidayCalendar",
)
custom_attribute = st.fixed_dictionaries(
    {"label": text, "value": any_json},
    optional={"type": st.sampled_from(ATTRIBUTE_TYPES), "universal_id": text},
)
# Most employee attributes are untyped in the definition, so any value is allowed.
EMPLOYEE_FIELDS: Fields = {
    "id": (wrapped(st.one_of(positive_id, positive_id.map(str))), wild_or_empty()),
    "first_name": (wrapped(text), wrapped(any_json)),
    "last_name": (wrapped(text), wrapped(any_json)),
    "preferred_name": (wrapped(text), wrapped(any_json)),
    "email": (wrapped(text), wrapped(any_json)),
    "gender": (wrapped(text), wrapped(any_json)),
    "status": (wrapped(text), wrapped(any_json)),
    "position": (wrapped(text), wrapped(any_json)),
    "supervisor": (wrapped(st.one_of(short_employee, positive_id)), wrapped(any_json)),
    "employment_type": (wrapped(text), wrapped(any_json)),
    "weekly_working_hours": (
        wrapped(st.one_of(number, numeric_text)),
        wrapped(any_json),
    ),
    "hire_date": (wrapped(date_text), wrapped(wild_or_empty(odd_date))),
    "contract_end_date": (wrapped(date_text), wrapped(wild_or_empty(odd_date))),
    "termination_date": (wrapped(date_text), wrapped(wild_or_empty(odd_date))),
    "work_schedule": (wrapped(work_schedule), wrapped(wild_or_empty())),
    "holiday_calendar": (wrapped(holiday_calendar), wrapped(wild_or_empty())),
    "office": (wrapped(org_unit), wrapped(wild_or_empty())),
    "department": (wrapped(org_unit), wrapped(wild_or_empty())),
    "team": (wrapped(org_unit), wrapped(wild_or_empty())),
    "created_at": (wrapped(datetime_text), wrapped(wild_or_empty(odd_date))),
    "last_modified_at": (wrapped(datetime_text), wrapped(wild_or_empty(odd_date))),
    "dynamic_1000001": (custom_attribute, wild_or_empty()),
    "dynamic_1000002": (custom_attribute, wild_or_empty()),
}
employee_item = item(EMPLOYEE_FIELDS, kind="Employee")

TIME_OFF_TYPE_FIELDS: Fields = {
    "id": (positive_id, wild_or_empty(integer)),
    "name": (text, wild_or_empty()),
    "category": (category, wild_or_empty()),
    "unit": (st.sampled_from(["day", "hour"]), wild_or_empty()),
    "approval_required": (boolean, wild_or_empty(integer)),
}
time_off_type_item = item(TIME_OFF_TYPE_FIELDS, kind="TimeOffType")

BALANCE_FIELDS: Fields = {
    "id": (positive_id, wild_or_empty(integer)),
    "name": (text, wild_or_empty()),
    "category": (st.one_of(category, st.just("custom_absence")), wild_or_empty()),
    "balance": (number, wild_or_empty(numeric_text)),
    "available_balance": (number, wild_or_empty(numeric_text)),
}
balance_item = item(BALANCE_FIELDS)


def planted_values(payload: object) -> Iterator[str]:
    """Yield the values of `payload` that must not appear in an error message.

    Strings and numbers of at least MIN_PLANTED_LENGTH characters count, except the
    definition's enum words (VOCABULARY). Dict keys do not count, because error
    locations name fields on purpose.
    """
    if isinstance(payload, Mapping):
        for value in payload.values():
            yield from planted_values(value)
    elif isinstance(payload, list):
        for value in payload:
            yield from planted_values(value)
    elif payload is not None and not isinstance(payload, bool):
        written = (payload if isinstance(payload, str) else repr(payload)).strip()
        if len(written) >= MIN_PLANTED_LENGTH and written not in VOCABULARY:
            yield written
