"""Reading a backend's .env and merging AMO_* keys into it without losing anything else."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from amo_desktop.core.envfile import format_value, merge_env, parse_env, read_env
from amo_desktop.core.errors import AmoError, ErrorCode

BACKEND_ENV = """\
# Backend settings
AMO_BACKEND_URL=http://127.0.0.1:8000
DATABASE_URL=postgres://app@localhost/app   # local db
export AMO_DOMAIN="shop.amocrm.ru"
AMO_CLIENT_ID='1a2b3c4d-1234-5678-9abc-0123456789ab'
AMO_CLIENT_SECRET="se\\"cret#1"
AMO_REDIRECT_URI=https://example.com/callback/ # registered in amo
# AMO_ACCOUNT_ID=999
AMO_ACCOUNT_ID = 31415
DEBUG=true
"""


def test_read_env_handles_quotes_comments_export_and_crlf(tmp_path: Path) -> None:
    for text in (BACKEND_ENV, BACKEND_ENV.replace("\n", "\r\n")):
        path = tmp_path / ".env"
        path.write_bytes(text.encode())
        imported = read_env(path)
        assert imported.domain == "shop.amocrm.ru"
        assert imported.client_id == "1a2b3c4d-1234-5678-9abc-0123456789ab"
        assert imported.client_secret == 'se"cret#1'
        assert imported.redirect_uri == "https://example.com/callback/"
        assert imported.account_id == "31415"
        assert imported.api_domain is None
        assert imported.get("AMO_DOMAIN") == "shop.amocrm.ru"
        assert imported.get("DEBUG") is None and imported.get("AMO_NOPE", "x") == "x"
        assert 'se"cret' not in repr(imported)
        assert imported.get("AMO_BACKEND_URL") == "http://127.0.0.1:8000"
    assert parse_env(BACKEND_ENV)["DATABASE_URL"] == "postgres://app@localhost/app"


def test_read_env_errors(tmp_path: Path) -> None:
    with pytest.raises(AmoError) as caught:
        read_env(tmp_path / "missing.env")
    assert caught.value.code is ErrorCode.ENV_FILE_NOT_FOUND
    (tmp_path / "other.env").write_text("DEBUG=1\n# AMO_DOMAIN=x\n")
    with pytest.raises(AmoError) as caught:
        read_env(tmp_path / "other.env")
    assert caught.value.code is ErrorCode.ENV_FILE_INVALID


def test_merge_creates_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "backend" / ".env"
    merge_env(path, {"AMO_DOMAIN": "shop.kommo.com", "AMO_CLIENT_SECRET": "a b$c"})
    assert path.read_text() == "AMO_DOMAIN=shop.kommo.com\nAMO_CLIENT_SECRET='a b$c'\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_env(path).client_secret == "a b$c"


def test_merge_keeps_other_lines_and_replaces_in_place(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(BACKEND_ENV)
    path.chmod(0o644)
    same = {"AMO_DOMAIN": "shop.amocrm.ru", "AMO_API_DOMAIN": "api-b.amocrm.ru"}
    merge_env(path, same)  # equal values and a new key: no force needed
    lines = path.read_text().splitlines()
    assert lines[:3] == BACKEND_ENV.splitlines()[:3]
    assert lines[3] == "export AMO_DOMAIN=shop.amocrm.ru"
    assert lines[-1] == "AMO_API_DOMAIN=api-b.amocrm.ru"
    assert "# AMO_ACCOUNT_ID=999" in lines and "DEBUG=true" in lines
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_merge_refuses_to_overwrite_different_values_without_force(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(BACKEND_ENV)
    with pytest.raises(AmoError) as caught:
        merge_env(path, {"AMO_CLIENT_SECRET": "new-secret"})
    assert caught.value.code is ErrorCode.ENV_FILE_EXISTS
    assert "new-secret" not in caught.value.debug
    # The person is told which settings differ (by name, never by value).
    message = caught.value.localized("en").message
    assert message.endswith("already contains different amoCRM settings (AMO_CLIENT_SECRET).")
    assert "new-secret" not in message
    assert path.read_text() == BACKEND_ENV
    merge_env(path, {"AMO_CLIENT_SECRET": "new-secret", "AMO_ACCOUNT_ID": "7"}, force=True)
    text = path.read_text()
    assert "AMO_CLIENT_SECRET=new-secret\n" in text and "AMO_ACCOUNT_ID=7\n" in text
    assert "# AMO_ACCOUNT_ID=999" in text
    assert len(text.splitlines()) == len(BACKEND_ENV.splitlines())


def test_merge_keeps_crlf(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_bytes(b"A=1\r\nAMO_DOMAIN=x.amocrm.ru\r\n")
    merge_env(path, {"AMO_DOMAIN": "y.amocrm.ru"}, force=True)
    assert path.read_bytes() == b"A=1\r\nAMO_DOMAIN=y.amocrm.ru\r\n"


def test_merge_leaves_other_values_byte_for_byte(tmp_path: Path) -> None:
    # A CRLF file whose other value spans lines with a bare LF, and a form feed and U+2028
    # inside values: only the replaced line changes, everything else keeps its bytes.
    env = tmp_path / ".env"
    others = 'JWT_KEY="line1\nline2"\r\nNOTE=a\x0cb\u2028c\r\n'
    env.write_bytes((others + "AMO_DOMAIN=old.amocrm.ru\r\n").encode())
    merge_env(env, {"AMO_DOMAIN": "new.amocrm.ru"}, force=True)
    assert env.read_bytes().decode() == others + "AMO_DOMAIN=new.amocrm.ru\r\n"


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "with space",
        "it's",
        'q"uote\\',
        "multi\nline",
        "#hash",
        # Every character str.splitlines() breaks on: none may start a line of its own.
        "a\rAMO_REDIRECT_URI=http://evil.example",
        "it's\rAMO_REDIRECT_URI=x",
        "a\x0bAMO_X=1",
        "a\x0cAMO_X=1",
        "a\x1cAMO_X=1",
        "a\x1dAMO_X=1",
        "a\x1eAMO_X=1",
        "a\x85AMO_X=1",
        "a\u2028AMO_X=1",
        "a\u2029AMO_X=1",
        "back\\u2028slash",
    ],
)
def test_formatted_values_read_back(value: str, tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(f"AMO_CLIENT_SECRET={format_value(value)}\n")
    assert read_env(path).client_secret == value
    merged = merge_env(tmp_path / "merged.env", {"AMO_CLIENT_SECRET": value, "AMO_DOMAIN": "d"})
    assert read_env(merged).values == {"AMO_CLIENT_SECRET": value, "AMO_DOMAIN": "d"}


def test_merge_never_writes_through_a_symlink(tmp_path: Path) -> None:
    # A .env that is a link (planted, or pointing at a file others can read) must not receive
    # the secret: the link itself is replaced by a private file, the target is left alone.
    target = tmp_path / "elsewhere.txt"
    target.write_text("OTHER=1\n")
    target.chmod(0o644)
    link = tmp_path / ".env"
    link.symlink_to(target)
    merge_env(link, {"AMO_CLIENT_SECRET": "s3cret-value"})
    assert target.read_text() == "OTHER=1\n"
    assert not link.is_symlink()
    assert stat.S_IMODE(link.stat().st_mode) == 0o600
    assert read_env(link).values == {"AMO_CLIENT_SECRET": "s3cret-value"}


@pytest.mark.parametrize(
    "target",
    [
        pytest.param(lambda home: home / "a-file" / ".env", id="folder is a file"),
        pytest.param(lambda home: home / "a-file" / "backend" / ".env", id="under a file"),
        pytest.param(
            lambda home: Path("/proc/amo-desktop-test/.env"),
            id="in a folder nobody may create",
            marks=pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc"),
        ),
    ],
)
def test_merge_into_a_place_that_cannot_be_written_is_a_typed_error(
    tmp_path: Path, target: Callable[[Path], Path]
) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    path = target(tmp_path)
    with pytest.raises(AmoError) as caught:
        merge_env(path, {"AMO_DOMAIN": "shop.amocrm.ru"})
    assert caught.value.code is ErrorCode.ENV_FILE_NOT_WRITABLE
    assert caught.value.details["path"] == str(path)
    assert not [name for name in tmp_path.rglob(".env-*")]  # no temporary file left behind
