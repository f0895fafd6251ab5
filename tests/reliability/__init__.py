"""Reliability tests: fault matrix, concurrency, payload properties, wrong calls."""
