"""Defaults of the client, each with the reason for its value.

Every number the request loop, the token cache and the pager depend on lives here, so
that a reader can check a default and its reason in one place.
"""

from __future__ import annotations

# Personio serves v1 and v2 from this host; paths carry the version (`/v1/...`).
DEFAULT_BASE_URL = "https://api.personio.de"

# Environment variables read when the matching constructor argument is not given.
ENV_CLIENT_ID = "PERSONIO_CLIENT_ID"
ENV_CLIENT_SECRET = "PERSONIO_CLIENT_SECRET"  # noqa: S105 - a variable name
ENV_BASE_URL = "PERSONIO_BASE_URL"
ENV_LOG = "PERSONIO_LOG"

# A TCP and TLS handshake to a healthy host takes well under a second, so 5 s
# separates a slow network from an unreachable one.
DEFAULT_CONNECT_TIMEOUT = 5.0
# Large employee pages with many attributes can take several seconds to render, so
# reads get more room. The bound is finite, so a hung server cannot block a call.
DEFAULT_READ_TIMEOUT = 30.0
# Requests are small GETs and a JSON token request, so writes finish quickly.
DEFAULT_WRITE_TIMEOUT = 30.0
# Waiting for a free pooled connection is bounded like a read.
DEFAULT_POOL_TIMEOUT = 30.0

# Retries after the first attempt (3 retries means up to 4 attempts): enough to ride
# out a short 5xx burst or one rate-limit window without hiding a real outage.
DEFAULT_MAX_RETRIES = 3
# The first back-off is about half a second and doubles with each retry.
BACKOFF_BASE = 0.5
# No single back-off exceeds 8 s, so three retries stay within about 15 s in total.
BACKOFF_MAX = 8.0
# A Retry-After longer than this is not waited on: the call raises RateLimitError with
# `retry_after` set, so the caller decides. 60 s matches the auth endpoint's cool-down.
RETRY_AFTER_MAX = 60.0
# Personio's rate-limit notice for v1 employees: retry a 429 no sooner than 1 s later.
RATE_LIMIT_MIN_WAIT = 1.0
# Only these statuses are retried, and only for GET requests: they signal a
# temporary condition on Personio's side (rate limit, overload, gateway trouble).
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

# The token endpoint of the v1 API.
AUTH_PATH = "/v1/auth"
# Personio's v1 tokens last 24 h; used when a token response has no `expires_in`.
TOKEN_LIFETIME_FALLBACK = 86400.0
# Refresh a token this long before it expires, so that no request carries a token
# that expires in flight. Personio may return the same token, which is then kept.
TOKEN_REFRESH_MARGIN = 300.0
# Retries of the token request itself on 5xx and connection errors; never on 4xx.
AUTH_MAX_RETRIES = 2
# Minimum gap between two token requests of one client. The auth endpoint allows 60
# requests a minute followed by a 60 s cool-down; 2 s keeps one client under 30.
AUTH_MIN_INTERVAL = 2.0

# v1 employees: Personio rejects `limit` above 100 and pages by record offset.
EMPLOYEES_MAX_PAGE_SIZE = 100
# The maximum page size means the fewest requests against the 300 per minute limit.
EMPLOYEES_PAGE_SIZE = 100
# v1 time-offs: Personio documents 200 as the default and the maximum.
TIME_OFFS_PAGE_SIZE = 200
# v1 hour-based absence periods: Personio documents a default of 200.
ABSENCE_PERIODS_PAGE_SIZE = 200
# Personio's own client sends at most 50 ids per `employees[]` filter, which keeps
# the URL short enough for every proxy on the way.
EMPLOYEE_ID_CHUNK_SIZE = 50
# Upper bound on pages of one listing when the response carries no page count, so
# that a server that never sends an empty page cannot make the iterator loop forever.
MAX_PAGES = 10_000
# Pages allowed beyond the page count a listing announced, for records added while
# the listing runs.
EXTRA_PAGES = 2
# Pages whose record ids a listing remembers to drop repeats. Personio repeats a
# record on the next page (reported between pages 7 and 8 of time-offs), and it
# shifts records by a page when data changes during a listing. A few pages cover
# both, so memory stays bounded by the page size instead of the listing's length.
DEDUPLICATION_WINDOW_PAGES = 4

# An honest User-Agent, filled in with the SDK's and Python's versions.
USER_AGENT_FORMAT = "personio-sdk/{sdk_version} python/{python_version}"

# Response headers that may carry an id Personio support can trace, in order of
# preference; matched case-insensitively.
REQUEST_ID_HEADERS = (
    "x-request-id",
    "x-personio-request-id",
    "personio-trace-id",
    "x-personio-trace-id",
    "x-trace-id",
)

# Hosts for which a plain `http://` base URL is accepted: the sandbox and local
# test servers. Every other host must be reached over HTTPS.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})

# Client-side rate limits, below Personio's documented v1 limits. A limiter that
# spaces requests evenly still sees them arrive bunched by network jitter, so each
# limit keeps a margin.
# POST /v1/auth: Personio allows 60 a minute, then blocks every token request for a
# 60 s cool-down. Half the limit, because overshooting costs a whole minute.
RATE_LIMIT_AUTH_PER_MINUTE = 30.0
RATE_LIMIT_AUTH_BURST = 5
# GET employees: 300 a minute in bursts of at most 15 a second. 90% of the minute
# rate (4.5 a second) with a burst of 5 lets at most 9 requests into any second, so
# requests bunched by up to a second of jitter still stay under 15.
RATE_LIMIT_EMPLOYEES_PER_MINUTE = 270.0
RATE_LIMIT_EMPLOYEES_BURST = 5
# Every v1 endpoint together: 2,000 a minute per IP address. 90% leaves room for
# jitter and for the burst: any 60 s then holds at most 20 + 1,800 requests.
RATE_LIMIT_OVERALL_PER_MINUTE = 1800.0
RATE_LIMIT_OVERALL_BURST = 20
# After a 429 the family's rate is multiplied by this factor (once per pause) ...
RATE_LIMIT_BACKOFF_FACTOR = 0.5
# ... but never below this share of the configured rate, so a listing still moves.
RATE_LIMIT_MIN_SHARE = 0.125
# Each 2xx response of the family then adds this share of the configured rate back,
# so ten successes recover from one halving.
RATE_LIMIT_RECOVERY_STEP = 0.05

# Requests a listing that splits into pages or employee chunks sends at once. At
# Personio's 100-500 ms per request, 8 in flight reach 1,000-4,800 a minute, around
# the 2,000 a minute v1 limit, so the rate limiter rather than latency sets the pace.
DEFAULT_MAX_CONCURRENCY = 8
# Pages requested or held at once by such a listing, as a multiple of its
# concurrency: pages fetched ahead wait in memory while earlier ones are read.
PREFETCH_WINDOW_FACTOR = 2
