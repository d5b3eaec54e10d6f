"""The bracket-form decoder on amoCRM's documented payloads, round trips and arbitrary bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from amo_desktop.core.webhooks.formdecode import (
    FormDecodeError,
    FormTree,
    as_list,
    decode,
    decode_pair_by_pair,
    decode_pairs,
    encode,
    flatten,
    is_indexed,
    with_lists,
)

PAYLOADS = Path(__file__).parent / "payloads"


def payload(name: str) -> bytes:
    return (PAYLOADS / f"{name}.form").read_bytes().strip()


def test_lead_update_decodes_six_levels_deep_with_cyrillic() -> None:
    tree = decode(payload("lead_update"))
    assert list(tree) == ["account", "leads"]
    assert tree["account"] == {
        "subdomain": "etesttask",
        "id": "32427762",
        "_links": {"self": "https://etesttask.amocrm.ru"},
    }
    lead = tree["leads"]["update"]["0"]  # type: ignore[index]
    assert lead["custom_fields"]["0"] == {  # type: ignore[index]
        "id": "752009",
        "name": "Поле1",
        "values": {"0": {"value": "1"}},
    }
    assert list(lead)[:3] == ["id", "name", "status_id"]  # type: ignore[arg-type]


def test_contact_update_keeps_plus_signs_enums_and_non_list_indices() -> None:
    contacts = decode(payload("contact_update"))["contacts"]["update"]  # type: ignore[index]
    first, second = as_list(contacts)
    assert isinstance(first, dict) and isinstance(second, dict)
    phone = first["custom_fields"]["0"]  # type: ignore[index]
    assert phone["values"]["0"] == {"value": "+380 44 123 45 67", "enum": "718321"}  # type: ignore[index]
    assert first["linked_leads_id"] == {"32966269": {"ID": "32966269"}}
    assert second["name"] == "ТОВ «Ромашка»"
    assert second["type"] == "company"


def test_status_short_form_and_unencoded_brackets_decode_the_same() -> None:
    encoded = decode(payload("lead_status_short"))
    plain = decode(
        b"leads[status][0][id]=23802129&leads[status][0][status_id]=47873533"
        b"&leads[status][0][pipeline_id]=5389528&leads[status][0][old_status_id]=47888833"
        b"&leads[status][0][old_pipeline_id]=5389528&account[id]=29013640"
        b"&account[subdomain]=drvorobjev"
    )
    assert encoded == plain
    assert list(plain) == ["leads", "account"]


def test_sparse_indices_stay_as_sent_and_as_list_closes_them_up() -> None:
    adds = decode(payload("mixed_two_leads_and_status"))["leads"]["add"]  # type: ignore[index]
    assert list(adds) == ["0", "3"]  # type: ignore[arg-type]
    assert [item["id"] for item in as_list(adds)] == ["100", "101"]  # type: ignore[index]


def test_php_rules_for_repeats_appends_empty_values_and_bare_keys() -> None:
    assert decode(b"a=1&a=2") == {"a": "2"}
    assert decode(b"a[]=x&a[]=y&a[5]=z&a[]=w") == {"a": {"0": "x", "1": "y", "5": "z", "6": "w"}}
    assert decode(b"a=&b&&c=%20+") == {"a": "", "b": "", "c": "  "}
    assert decode(b"a[01]=x&a[1]=y") == {"a": {"01": "x", "1": "y"}}
    assert with_lists(decode(b"a[01]=x&a[1]=y")) == {"a": {"01": "x", "1": "y"}}
    assert with_lists(decode(b"a[1]=y&a[0]=x")) == {"a": ["x", "y"]}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"a=%zz", "bad_escape"),
        (b"a=%4", "bad_escape"),
        (b"a=%D0", "invalid_utf8"),
        (b"a=\xff\xfe", "invalid_utf8"),
        (b"a[b=1", "bad_key"),
        (b"a]=1", "bad_key"),
        (b"a[b]c=1", "bad_key"),
        (b"[a]=1", "bad_key"),
        (b"a=1&a[b]=2", "conflict"),
        (b"a[b]=2&a=1", "conflict"),
    ],
)
def test_broken_bodies_raise_a_typed_error(body: bytes, reason: str) -> None:
    with pytest.raises(FormDecodeError) as caught:
        decode(body)
    assert caught.value.reason == reason


# Keys that a bracket form can carry unambiguously: non-empty, no brackets.
_keys = st.text(min_size=1, max_size=8).filter(lambda key: "[" not in key and "]" not in key)
_trees: st.SearchStrategy[FormTree] = st.recursive(
    st.dictionaries(_keys, st.text(max_size=12), min_size=1, max_size=4),
    lambda children: st.dictionaries(
        _keys, st.one_of(st.text(max_size=12), children), min_size=1, max_size=4
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_trees)
def test_encode_then_decode_gives_the_same_tree_in_the_same_order(tree: FormTree) -> None:
    decoded = decode(encode(tree))
    assert decoded == tree
    assert _orders(decoded) == _orders(tree)


def _with_lists_by_recursion(node: object) -> object:
    """The plain recursive definition, for trees shallow enough for it."""
    if isinstance(node, str):
        return node
    assert isinstance(node, dict)
    if is_indexed(node):
        return [_with_lists_by_recursion(item) for item in as_list(node)]
    return {key: _with_lists_by_recursion(child) for key, child in node.items()}


_index_trees: st.SearchStrategy[FormTree] = st.recursive(
    st.dictionaries(st.sampled_from(["0", "1", "3", "x"]), st.text(max_size=4), min_size=1),
    lambda children: st.dictionaries(
        st.sampled_from(["0", "1", "2", "id", "01"]), st.one_of(st.text(max_size=4), children),
        min_size=1, max_size=4,
    ),
    max_leaves=30,
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(_trees, _index_trees))
def test_with_lists_is_the_recursive_definition_and_order_preserving(tree: FormTree) -> None:
    shown = with_lists(tree)
    assert shown == _with_lists_by_recursion(tree)
    assert json.dumps(shown) == json.dumps(_with_lists_by_recursion(tree))  # the same order


@settings(max_examples=200, deadline=None)
@given(_trees)
def test_below_the_shown_depth_a_branch_is_flat_and_keeps_every_leaf(tree: FormTree) -> None:
    assume(not is_indexed(tree))  # a top-level list is the other test's business
    shown = with_lists(tree, max_depth=1)
    assert isinstance(shown, dict)
    for key, node in tree.items():
        if isinstance(node, str):
            assert shown[key] == node
        else:
            flat = {"".join(f"[{s}]" for s in path): value for path, value in flatten(node)}
            assert shown[key] == flat


def test_a_key_nested_thousands_of_levels_deep_can_be_walked_shown_and_encoded() -> None:
    depth = 3000  # a 9 KB body; Python's own recursion gives up near 1,000
    body = b"a" + b"[b]" * depth + b"=1&a[c][0]=x"
    tree = decode(body)

    assert list(flatten(tree)) == [(("a", *["b"] * depth), "1"), (("a", "c", "0"), "x")]
    assert encode(tree) == body.replace(b"[", b"%5B").replace(b"]", b"%5D")
    shown = with_lists(tree)
    printed = json.loads(json.dumps(shown))  # a JSON encoder recurses too: this must not raise
    node = printed["a"]
    assert node["c"] == ["x"]
    levels = 1
    while "b" in node:
        node, levels = node["b"], levels + 1
    assert node == {"[b]" * (depth - levels + 1): "1"}
    assert levels < 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_keys, st.text(max_size=10)), max_size=6))
def test_flat_pairs_survive_percent_encoding(pairs: list[tuple[str, str]]) -> None:
    tree = dict(pairs)
    assert decode_pairs(encode(tree)) == list(tree.items())


@settings(max_examples=1000, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_either_decode_or_raise_the_typed_error(body: bytes) -> None:
    try:
        tree = decode(body)
    except FormDecodeError as error:
        assert error.reason in {"bad_escape", "invalid_utf8", "bad_key", "conflict"}
    else:
        assert isinstance(tree, dict)


_form_alphabet = st.sampled_from([*(bytes([c]) for c in b"ab[]0=&%+2FD"), b"%D0%86", b"\xd0"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_form_alphabet, max_size=40))
def test_form_like_noise_never_crashes(parts: list[bytes]) -> None:
    body = b"".join(parts)
    try:
        decode(body)
    except FormDecodeError:
        pass


def _outcome(decoder: Callable[[bytes], FormTree], body: bytes) -> object:
    try:
        tree = decoder(body)
    except FormDecodeError as error:
        return ("error", error.reason, error.detail)
    return ("tree", tree, _orders(tree))


# Bodies with repeats, appends, conflicts, Cyrillic, "+", "=" and line breaks inside values.
_bracket_alphabet = st.sampled_from(
    [
        *(bytes([c]) for c in b"ab[]0=&%+2FDe_ \r\n"),
        *(b"[]", b"[0]", b"%D0%86", b"%d0%86", b"\xd0", b"%26", b"%3D", b"%3d"),
    ]
)


_bracket_keys = st.builds(
    lambda base, segments: base + b"".join(segments),
    st.sampled_from([b"a", b"b", b"a%5B0%5D"]),
    st.lists(st.sampled_from([b"[]", b"[0]", b"[1]", b"[01]", b"[b]", b"%5B%5D"]), max_size=3),
)
_bracket_bodies = st.lists(
    st.tuples(
        _bracket_keys,
        st.sampled_from([b"", b"=", b"=1", b"=%D0%86", b"=x+y", b"=a%26b", b"=%D0", b"=%86"]),
    ),
    max_size=8,
).map(lambda pairs: b"&".join(key + value for key, value in pairs))


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=120),
        st.lists(_bracket_alphabet, max_size=50).map(b"".join),
        _bracket_bodies,
    )
)
def test_the_planned_decoder_matches_the_pair_by_pair_reference(body: bytes) -> None:
    # decode() builds trees from cached per-key-set plans and decodes escapes in C; the result
    # (values, order) or the first error must be exactly what the plain pair-by-pair walk gives.
    assert _outcome(decode, body) == _outcome(decode_pair_by_pair, body)
    assert _outcome(decode, body) == _outcome(decode, body)  # and again from the cache


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [b"%41", b"%e2", b"%82", b"%AC", b"=", b"+", b"\n", b"\r", b" ", b"_", b"x"]
        ),
        max_size=20,
    ).map(b"".join)
)
def test_values_unescape_like_the_standard_library(value: bytes) -> None:
    body = b"k=" + value
    try:
        expected: object = unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        expected = "invalid_utf8"
    try:
        got: object = decode(body)["k"]
    except FormDecodeError as error:
        got = error.reason
    assert got == expected


def _orders(node: object) -> object:
    if isinstance(node, dict):
        return [(key, _orders(child)) for key, child in node.items()]
    return None
