"""Shared pieces of the webhook benchmarks: servers in their own process, a load driver."""
