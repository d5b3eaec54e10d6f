"""Shared pytest plugins. Each area owns its fixtures module under tests/fixtures/."""

pytest_plugins = [
    "tests.fixtures.environment",
    "tests.fixtures.keyrings",
    "tests.fixtures.sandbox",
    "tests.fixtures.browser",
]
