"""Shared pieces of the CLI benchmarks: a signed-in CLI home, timed fresh processes, the row."""
