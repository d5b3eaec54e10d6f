"""PHP bracket form encoding (what ``http_build_query`` produces)."""

from __future__ import annotations

from urllib.parse import parse_qsl

from amo_desktop.sandbox.webhook_format import encode_form, flatten


def test_nested_dicts_and_lists_become_bracket_keys_in_order() -> None:
    data = {
        "account": {"subdomain": "demo", "_links": {"self": "https://demo.amocrm.ru"}},
        "leads": {"add": [{"id": 1, "tags": [{"name": "a"}, {"name": "b"}]}]},
    }
    assert list(flatten(data)) == [
        ("account[subdomain]", "demo"),
        ("account[_links][self]", "https://demo.amocrm.ru"),
        ("leads[add][0][id]", "1"),
        ("leads[add][0][tags][0][name]", "a"),
        ("leads[add][0][tags][1][name]", "b"),
    ]


def test_every_value_is_a_string() -> None:
    assert list(flatten({"a": None, "b": True, "c": False, "d": 0, "e": 1.5})) == [
        ("a", ""),
        ("b", "1"),
        ("c", "0"),
        ("d", "0"),
        ("e", "1.5"),
    ]


def test_encoding_is_php_like_and_round_trips() -> None:
    body = encode_form({"leads": {"add": [{"name": "Нова угода & co"}]}})
    assert body.startswith("leads%5Badd%5D%5B0%5D%5Bname%5D=")
    assert "+" in body  # spaces, as PHP's urlencode writes them
    assert parse_qsl(body) == [("leads[add][0][name]", "Нова угода & co")]
