"""``login --code`` and ``webhooks subscribe/unsubscribe --destination`` with ``-`` read stdin.

Child processes against the sandbox, with the real Secret Service shared between them.
"""

from __future__ import annotations

import pytest

from amo_desktop.sandbox import ThreadedSandbox
from tests.cli.conftest import Cli, Keys, configure_args, issue_code

pytestmark = pytest.mark.secret_service

ARGV_NOTE = "other programs on this computer could see it"


@pytest.fixture
def configured(cli: Cli, keys: Keys) -> Cli:
    done = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert done.returncode == 0, done
    return cli


def test_a_code_in_argv_still_logs_in_but_says_to_paste_it_next_time(
    configured: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox
) -> None:
    human = configured("login", "--code", issue_code(threaded_sandbox, keys))
    assert human.returncode == 0, human
    assert ARGV_NOTE in human.stderr and "--code -" in human.stderr
    assert ARGV_NOTE not in human.stdout

    scripted = configured("login", "--code", issue_code(threaded_sandbox, keys), "--json")
    assert scripted.returncode == 0, scripted
    assert scripted.json()["status"] == "ok"  # stdout is the one JSON object, nothing else
    assert ARGV_NOTE in scripted.stderr

    ukrainian = configured("--lang", "uk", "login", "--code", issue_code(threaded_sandbox, keys))
    assert ukrainian.returncode == 0, ukrainian
    assert "--code -" in ukrainian.stderr and "інші програми" in ukrainian.stderr


def test_a_pasted_code_logs_in_without_the_note(
    configured: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox
) -> None:
    pasted = configured("login", "--code", "-", stdin=issue_code(threaded_sandbox, keys) + "\n")
    assert pasted.returncode == 0, pasted
    assert ARGV_NOTE not in pasted.stderr + pasted.stdout


def test_the_destination_with_its_secret_comes_from_stdin(
    configured: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox, unused_tcp_port: int
) -> None:
    login = configured("login", "--code", "-", stdin=issue_code(threaded_sandbox, keys))
    assert login.returncode == 0, login
    address = f"http://127.0.0.1:{unused_tcp_port}/hook?secret=s3cr3t-from-stdin"

    subscribed = configured(
        "webhooks", "subscribe", "--destination", "-", "--json", stdin=f"  {address}\n"
    )

    assert subscribed.returncode == 0, subscribed
    hooks = threaded_sandbox.call(lambda state: [hook.destination for hook in state.webhooks])
    assert hooks == [address]

    unsubscribed = configured("webhooks", "unsubscribe", "--destination", "-", stdin=address)
    assert unsubscribed.returncode == 0, unsubscribed
    assert threaded_sandbox.call(lambda state: list(state.webhooks)) == []


@pytest.mark.parametrize("action", ["subscribe", "unsubscribe"])
@pytest.mark.parametrize("pasted", ["", "example.com/hook\n"])
def test_a_pasted_destination_that_is_no_address_is_refused(
    configured: Cli, threaded_sandbox: ThreadedSandbox, action: str, pasted: str
) -> None:
    result = configured("webhooks", action, "--destination", "-", "--json", stdin=pasted)

    assert result.returncode == 2, result
    assert result.json()["error"]["code"] == "config.invalid_url"  # type: ignore[index]
    assert threaded_sandbox.call(lambda state: list(state.webhooks)) == []
