"""Values that can never work are refused with exit 2 before anything reaches amoCRM."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest

from amo_desktop.cli.main import main
from tests.cli.conftest import Cli


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["test-lead", "--price", "-5"], "--price can't be negative (got -5)."),
        (["test-lead", "--name", ""], "--name can't be empty."),
        (["test-lead", "--name", "   "], "--name can't be empty."),
    ],
)
def test_test_lead_refuses_a_negative_price_and_an_empty_name(
    argv: list[str], problem: str, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", *argv]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"] == problem
    assert error["hint"] == "See the options with: amo-desktop test-lead --help"


def test_the_refusal_is_in_ukrainian_too(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "uk", "test-lead", "--price", "-5"]) == 2
    assert capsys.readouterr().err.startswith(
        "Перевірте команду: --price не може бути від'ємним (вказано -5)."
    )


def test_export_env_to_a_folder_says_it_is_a_folder(
    app_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", "export-env", "--output", str(tmp_path)]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["message"].startswith(f"--output {tmp_path} is a folder: give the file")


@pytest.mark.secret_service
def test_logout_without_tokens_says_there_was_nothing_to_remove(cli: Cli) -> None:
    logged_out = cli("logout")
    assert logged_out.returncode == 0, logged_out
    assert "there was nothing to remove" in logged_out.stdout
    assert "the tokens are removed" not in logged_out.stdout
    assert cli("logout", "--json").json() == {"status": "ok", "profile": cli.profile}


PORT_PROBLEM = "argument --port: must be a whole number from 0 to 65535, not '{port}'."


@pytest.mark.parametrize("command", ["sync-check", "sandbox", "listen"])
@pytest.mark.parametrize("port", ["99999", "65536", "-1", "eighty"])
def test_a_port_no_socket_can_have_is_a_usage_error_before_anything_starts(
    command: str, port: str, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", command, "--port", port]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"] == PORT_PROBLEM.format(port=port)
    assert error["hint"] == f"See the options with: amo-desktop {command} --help"


def test_a_port_out_of_range_is_refused_in_ukrainian(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "uk", "sandbox", "--port", "99999"]) == 2
    assert capsys.readouterr().err.splitlines()[:2] == [
        "Перевірте команду: параметр --port: має бути цілим числом від 0 до 65535, а не '99999'.",
        "Що зробити: Перегляньте параметри: amo-desktop sandbox --help",
    ]


@pytest.mark.parametrize("timeout", ["0", "-1", "0.0", "nan", "inf", "86400", "soon"])
def test_sync_check_refuses_a_wait_that_is_not_positive_or_absurdly_long(
    timeout: str, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", "sync-check", "--timeout", timeout]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"] == (
        f"argument --timeout: must be a number of seconds above 0 and at most 3600, "
        f"not '{timeout}'."
    )


def test_a_refused_timeout_is_said_in_ukrainian(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "uk", "sync-check", "--timeout", "-1"]) == 2
    assert capsys.readouterr().err.startswith(
        "Перевірте команду: параметр --timeout: має бути додатним числом секунд, не більшим "
        "за 3600, а не '-1'."
    )


@pytest.mark.parametrize("address", ["notaurl", "", "ftp://tunnel.example/hook"])
def test_sync_check_refuses_a_public_url_that_is_not_a_web_address(
    address: str, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", "sync-check", "--public-url", address]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "config.invalid_url"


def test_sandbox_on_a_host_that_is_not_this_computer_names_the_host_not_the_port(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_here = "192.0.2.1"  # TEST-NET-1: documentation only, never a real machine's address

    assert main(["--lang", "en", "sandbox", "--host", not_here]) == 2
    english = capsys.readouterr().err
    assert main(["--lang", "uk", "sandbox", "--host", not_here]) == 2
    ukrainian = capsys.readouterr().err

    assert english.startswith(
        f"Check the command: --host {not_here} is not an address of this computer, so the "
        "sandbox can't listen on it; leave --host out to listen on 127.0.0.1"
    )
    assert "--port" not in english
    assert ukrainian.startswith(
        f"Перевірте команду: --host {not_here} не є адресою цього комп'ютера, тож пісочниця "
        "не може на ній слухати"
    )
    assert "--port" not in ukrainian and "can't" not in ukrainian


def test_sandbox_on_a_taken_port_names_the_port(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        assert main(["--lang", "en", "sandbox", "--port", str(port)]) == 2
        english = capsys.readouterr().err
        assert main(["--lang", "uk", "sandbox", "--port", str(port)]) == 2
        ukrainian = capsys.readouterr().err

    assert english.startswith(
        f"Check the command: port {port} on 127.0.0.1 is already taken by another program; "
        "choose another --port, or leave it out to take any free port."
    )
    assert ukrainian.startswith(
        f"Перевірте команду: порт {port} на 127.0.0.1 уже зайнятий іншою програмою; виберіть "
        "інший --port або не вказуйте його, щоб узяти будь-який вільний порт."
    )


def test_sandbox_refuses_a_redirect_uri_that_is_not_http_in_ukrainian_too(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "uk", "sandbox", "--redirect-uri", "ftp://x"]) == 2
    assert capsys.readouterr().err.startswith(
        "Перевірте команду: --redirect-uri має бути адресою http(s), наприклад "
        "http://127.0.0.1:3001/callback, а не 'ftp://x'."
    )


@pytest.mark.parametrize(
    "backend_url",
    ["http://pbuser:pbpass6664@127.0.0.1:3920", "https://127.0.0.1:3920/?key=kk55555"],
)
def test_a_backend_address_with_a_login_or_key_is_refused_and_never_saved(
    backend_url: str,
    app_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-client-secret-value"))
    argv = [
        *("--lang", "en", "--json", "configure", "--domain", "shop.amocrm.ru"),
        *("--client-id", "0c4f1f7e-8d5b-4f33-9f0a-2f3c2d1e0b9a"),
        *("--redirect-uri", "http://127.0.0.1:8000/callback", "--client-secret-stdin"),
        *("--backend-url", backend_url),
    ]
    assert main(argv) == 2
    shown = capsys.readouterr()
    error = json.loads(shown.out)["error"]
    assert error["code"] == "backend.url_not_plain"
    assert "password storage" in error["message"]
    for secret in ("pbpass6664", "kk55555"):
        assert secret not in shown.out + shown.err
        for path in app_home.rglob("*"):
            assert not path.is_file() or secret.encode() not in path.read_bytes()
