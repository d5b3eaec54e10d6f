"""What a running sandbox tells a newcomer: its keys and the exact commands to type next.

One text for both ways of starting it (``amo-desktop sandbox`` and
``python -m amo_desktop.sandbox``), so the printed commands are the ones the tests run.
"""

from __future__ import annotations

import errno
import shlex
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from amo_desktop.core.platforms import is_loopback_host

if TYPE_CHECKING:
    from amo_desktop.sandbox.server import SandboxServer

_LOOPBACK_HOSTS: Final = ("localhost", "127.0.0.1", "::1")
_BACKEND_PORT: Final = 3000

_TEXTS: Final = {
    "started": (
        "The amoCRM sandbox is running at {url} (Ctrl-C to stop).",
        "Пісочниця amoCRM працює за адресою {url} (Ctrl-C — зупинити).",
    ),
    "account": ("Demo account: {name} (id {id})", "Демо-акаунт: {name} (id {id})"),
    "keys": (
        "Keys of its demo integration (the sandbox's own, not a real account's):",
        "Ключі її демо-інтеграції (це ключі пісочниці, а не справжнього акаунта):",
    ),
    "next": (
        "Try it, in another terminal:",
        "Спробуйте, в іншому терміналі:",
    ),
    "configure": (
        "Save the connection settings (the secret goes in through stdin, never as an argument):",
        "Збережіть налаштування підключення (секрет передається через stdin, а не аргументом):",
    ),
    "login_browser": (
        "Sign in: a browser opens the sandbox's consent page, click Allow.",
        "Увійдіть: браузер відкриє сторінку дозволу пісочниці, натисніть «Дозволити».",
    ),
    "login_port": (
        "The answer comes back to {uri}, so port {port} must be free on this computer.",
        "Відповідь повернеться на {uri}, тож порт {port} на цьому комп'ютері має бути вільним.",
    ),
    "login_code": (
        "No browser, or the port is taken? Sign in with this one-time code instead (valid "
        "20 minutes, used once):",
        "Немає браузера або порт зайнятий? Тоді увійдіть цим одноразовим кодом (дійсний "
        "20 хвилин, лише один раз):",
    ),
    "new_code": (
        "A new code (the “code” in the answer): {command}",
        "Новий код (поле «code» у відповіді): {command}",
    ),
    "test": ("Check the connection:", "Перевірте з'єднання:"),
    "test_lead": ("Create a test lead:", "Створіть тестову угоду:"),
    "other_port": (
        "Port {port} taken (often by your backend)? Restart the sandbox with another "
        "address: amo-desktop sandbox --redirect-uri {example}",
        "Порт {port} зайнятий (часто вашим бекендом)? Перезапустіть пісочницю з іншою "
        "адресою: amo-desktop sandbox --redirect-uri {example}",
    ),
    "stopped": ("The sandbox has stopped.", "Пісочницю зупинено."),
    "bad_redirect_uri": (
        "--redirect-uri must be an http(s) address, such as http://127.0.0.1:3001/callback, "
        "not {uri!r}",
        "--redirect-uri має бути адресою http(s), наприклад http://127.0.0.1:3001/callback, "
        "а не {uri!r}",
    ),
    "host_unknown": (
        "--host {host} is not a name or address this computer knows, so the sandbox can't "
        "listen on it; leave --host out to listen on 127.0.0.1 (this computer only)",
        "--host {host} не є ім'ям чи адресою, відомою цьому комп'ютеру, тож пісочниця не може "
        "на ній слухати; не вказуйте --host, щоб слухати на 127.0.0.1 (лише цей комп'ютер)",
    ),
    "host_not_here": (
        "--host {host} is not an address of this computer, so the sandbox can't listen on "
        "it; leave --host out to listen on 127.0.0.1 (this computer only), or give one of "
        "this computer's own addresses",
        "--host {host} не є адресою цього комп'ютера, тож пісочниця не може на ній слухати; "
        "не вказуйте --host, щоб слухати на 127.0.0.1 (лише цей комп'ютер), або вкажіть одну "
        "з власних адрес цього комп'ютера",
    ),
    "port_taken": (
        "port {port} on {host} is already taken by another program; choose another --port, "
        "or leave it out to take any free port",
        "порт {port} на {host} уже зайнятий іншою програмою; виберіть інший --port або не "
        "вказуйте його, щоб узяти будь-який вільний порт",
    ),
    "port_forbidden": (
        "this computer lets only administrators listen on port {port}; choose a --port above "
        "1023, or leave it out to take any free port",
        "на порту {port} цей комп'ютер дозволяє слухати лише адміністраторам; виберіть --port, "
        "більший за 1023, або не вказуйте його, щоб узяти будь-який вільний порт",
    ),
    "cannot_listen": (
        "the sandbox can't listen on {host} port {port}; check --host and --port, or leave "
        "both out to listen on 127.0.0.1 on any free port",
        "пісочниця не може слухати на {host}, порт {port}; перевірте --host і --port або не "
        "вказуйте жодного з них, щоб слухати на 127.0.0.1 на будь-якому вільному порту",
    ),
    "exposed": (
        "Warning: it listens on {host}, not only on this computer. Anyone who can reach it "
        "can sign in with the demo keys and read or change the demo account. Leave out "
        "--host unless another device really needs it (the /_sandbox/ controls still answer "
        "only this computer).",
        "Увага: вона слухає на {host}, а не лише на цьому комп'ютері. Будь-хто, хто до неї "
        "дістанеться, зможе увійти з демо-ключами й читати або змінювати демо-акаунт. Не "
        "вказуйте --host, якщо іншому пристрою це справді не потрібно (керування /_sandbox/ "
        "і далі відповідає лише цьому комп'ютеру).",
    ),
}


def say(key: str, language: str, **params: object) -> str:
    """One of the sandbox's sentences in ``language`` (``"en"`` or ``"uk"``)."""
    english, ukrainian = _TEXTS[key]
    return (ukrainian if language == "uk" else english).format(**params)


@dataclass(frozen=True)
class SandboxIntro:
    """What the banner shows: where the sandbox runs, its demo account and keys."""

    base_url: str
    account_name: str
    account_id: int
    client_id: str
    client_secret: str
    redirect_uri: str
    authorization_code: str

    def configure_command(self) -> str:
        """The ``configure`` command with the secret piped in, ready to paste into a shell."""
        return (
            f"printf '%s' {shlex.quote(self.client_secret)} | amo-desktop configure "
            f"--domain {shlex.quote(self.base_url)} --client-id {shlex.quote(self.client_id)} "
            f"--redirect-uri {shlex.quote(self.redirect_uri)} --client-secret-stdin"
        )

    def code_command(self) -> str:
        """``login`` with the code piped in (``--code -``): a code in argv is visible in ``ps``."""
        return f"printf '%s' {shlex.quote(self.authorization_code)} | amo-desktop login --code -"

    def new_code_command(self) -> str:
        return f"curl -s -X POST {self.base_url}/_sandbox/authorization-code"

    def banner(self, language: str = "en") -> list[str]:
        """The lines to print, in ``language``."""
        lines = [say("started", language, url=self.base_url)]
        host = urlsplit(self.base_url).hostname or ""
        if not is_loopback_host(host):
            lines.append(say("exposed", language, host=host))
        lines += [
            say("account", language, name=self.account_name, id=self.account_id),
            "",
            say("keys", language),
            f"  Client ID      {self.client_id}",
            f"  Client secret  {self.client_secret}",
            f"  Redirect URI   {self.redirect_uri}",
            "",
            say("next", language),
            "  1. " + say("configure", language),
            f"     {self.configure_command()}",
            "  2. " + say("login_browser", language),
        ]
        port = _loopback_port(self.redirect_uri)
        if port is not None:
            lines.append("     " + say("login_port", language, uri=self.redirect_uri, port=port))
        if port == _BACKEND_PORT:  # where backends usually run, so often taken
            example = f"http://127.0.0.1:{_BACKEND_PORT + 1}/callback"
            lines.append("     " + say("other_port", language, port=port, example=example))
        lines += [
            "     amo-desktop login --browser",
            "     " + say("login_code", language),
            f"     {self.code_command()}",
            "     " + say("new_code", language, command=self.new_code_command()),
            "  3. " + say("test", language),
            "     amo-desktop test",
            "  4. " + say("test_lead", language),
            "     amo-desktop test-lead",
        ]
        return lines


def _loopback_port(uri: str) -> int | None:
    """The port a browser sign-in listens on, when the redirect address is on this computer."""
    parts = urlsplit(uri)
    if parts.hostname not in _LOOPBACK_HOSTS:
        return None
    return parts.port or (443 if parts.scheme == "https" else 80)


def introduce(server: SandboxServer) -> SandboxIntro:
    """The banner's facts for a running sandbox, with a fresh one-time authorization code."""
    state = server.state
    keys = state.demo_integration
    return SandboxIntro(
        base_url=server.base_url,
        account_name=state.account.name,
        account_id=state.account.id,
        client_id=keys.client_id,
        client_secret=keys.client_secret,
        redirect_uri=keys.redirect_uri,
        authorization_code=state.issue_authorization_code(keys),
    )


def redirect_uri_problem(uri: str, language: str = "en") -> str | None:
    """Why ``uri`` can't be the demo integration's redirect address (``None``: it can)."""
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return say("bad_redirect_uri", language, uri=uri)
    return None


def listen_problem(error: OSError, host: str, port: int, language: str = "en") -> str:
    """Why the sandbox could not listen on ``host``:``port``, naming the option to change.

    A host that is not this computer's and a port that is taken need different fixes, so
    the operating system's reason decides which one is named.
    """
    if isinstance(error, socket.gaierror):
        key = "host_unknown"
    elif error.errno == errno.EADDRNOTAVAIL:
        key = "host_not_here"
    elif error.errno == errno.EADDRINUSE:
        key = "port_taken"
    elif error.errno == errno.EACCES:
        key = "port_forbidden"
    else:
        key = "cannot_listen"
    return say(key, language, host=host, port=port)
