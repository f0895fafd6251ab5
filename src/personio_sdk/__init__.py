"""A synchronous Python client for the Personio HR API."""

from personio_sdk._version import __version__

__all__ = [
    "__version__",
]
