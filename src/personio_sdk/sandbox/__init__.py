"""A local fake of Personio's v1 API with a demo company, for tests, demos and docs.

    from personio_sdk.sandbox import Sandbox

    with Sandbox() as sb:
        client = PersonioClient(**sb.credentials, base_url=sb.url)

The sandbox is a real HTTP/1.1 server on 127.0.0.1 built on the standard library only,
and it imports nothing else from `personio_sdk`, so it stays an independent fake.

Featured employees (fixed whatever the seed; `DEMO_EMPLOYEES` contains them as data):

- 1 Anna Schmidt, anna.schmidt@demo.example, Germany/Bayern ("Deutschland (Bayern)
  Feiertage"), full-time 40 h, Mon-Fri "08:00". Urlaub 2025-12-29..2026-01-02 across
  the year boundary, 2026-02-16..20, 2026-06-01..05 around Corpus Christi (4 days) and
  2026-09-28..10-02; rejected, pending and requested Urlaub; Krankheit; Home Office;
  a 90-minute hour-based Arzttermin on 2026-04-14.
- 2 Ciara Byrne, ciara.byrne@demo.example, UK/Northern Ireland ("United Kingdom
  (Northern Ireland) Bank Holidays", country "GB"), full-time 37.5 h, Mon-Fri "07:30".
  March 2026: Paid vacation Mon 9 - Wed 11 with half_day_end (2.5 days); a half day
  on Fri 20 (0.5, half_day_start, flags sent as 0/1); Sick leave Tue 24; a 2 h
  Doctor's appointment on Thu 26 (hour-based); a pending Paid vacation 30-31 (does not
  count). St Patrick's Day, 17 March, is a bank holiday of her calendar, not an absence.
- 3 Jonas Weber, Berlin, part-time 32 h on four days (Mon-Thu "08:00", Fri "00:00").
- 4 Lena Gruber, Wien ("Österreich (Wien) Feiertage"), 38.5 h, Mon-Fri "07:42".
- 5 Markus Hoffmann, Nordrhein-Westfalen: weekly hours "30" only, no work_schedule
  attribute even for the full credential.
- 6 Fiona MacLeod, Scotland: work_schedule value "".
- 7 Tobias Fischer, Baden-Württemberg: terminated 2026-02-28, status inactive.
- 8 Oliver Hughes, England: hired 2026-07-01, status onboarding.

Ids 9 and up are generated from the seed. Emails are matched exactly, so
"Ciara.Byrne@demo.example" finds nobody. The sandbox's today is 2026-03-18: balances
deduct approved days up to it (`balance`) and for the whole year (`available_balance`).

Credentials (`sb.credentials_for(name)`): "full" (the default `sb.credentials`),
"narrow" (no work_schedule, holiday_calendar, absence_entitlement, salary and some
custom attributes) and "no_absences" (403 on every absence endpoint). Tokens start
with "papi-", and the same token comes back for 24 hours from its creation on the
sandbox clock (`sb.advance(seconds)`). Data calls without a bearer token get 401
"Authorization is not provided"; a token never issued gets 403 "Provided
authorization is not valid"; a revoked token (`sb.revoke_tokens()`) gets 401 "The
token has been blacklisted"; a token older than 24 hours gets 401 "The token has
expired".

Paging: employees count `offset` in records from 0 (limit 1-100, default 50);
time-offs count pages from 1 with 0 read as 1 (limit 1-200, else 422); absence
periods count pages by default and records with `period_offsets="record"`.

Faults (`sb.add_fault(...)`, `Fault`, `--fault SPEC`) and Personio's rate limits
(on by default, `rate_limits=False` to turn them off) are described in `Fault` and
`Sandbox`. `SandboxProcess` serves from a child process, and the pytest fixtures
`personio_sandbox`, `personio_sandbox_fresh` and `personio_sandbox_factory` come from
`personio_sdk.sandbox.pytest_plugin`.
"""

from personio_sdk.sandbox._auth import Credential, CredentialPair
from personio_sdk.sandbox._demo import DEMO_EMPLOYEES, DEMO_TODAY, DemoEmployee
from personio_sdk.sandbox._faults import FAULT_KINDS, Fault
from personio_sdk.sandbox._generate import SIZES, SandboxSize
from personio_sdk.sandbox._process import SandboxProcess
from personio_sdk.sandbox._server import Sandbox
from personio_sdk.sandbox._state import SandboxStats

__all__ = [
    "DEMO_EMPLOYEES",
    "DEMO_TODAY",
    "FAULT_KINDS",
    "SIZES",
    "Credential",
    "CredentialPair",
    "DemoEmployee",
    "Fault",
    "Sandbox",
    "SandboxProcess",
    "SandboxSize",
    "SandboxStats",
]
