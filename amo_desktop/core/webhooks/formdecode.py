"""Decode and encode PHP-style bracket forms (``leads[add][0][name]=Ivan``) exactly.

amoCRM posts webhooks as ``application/x-www-form-urlencoded`` bodies whose keys nest six or
more levels deep (``leads[update][0][custom_fields][0][values][0][value]``), with sparse
numeric indices. The well-kept library for this (qs-codec) defaults to depth 5, 20 list items
and 1,000 parameters and compacts sparse lists, so it would silently reshape real payloads.
This parser has no depth or size limits of its own (the receiver bounds the body size) and
never changes an index: numeric-looking segments stay string keys, in arrival order.

Rules, following PHP's ``$_POST``:
- ``+`` is a space; ``%XX`` escapes are bytes; the result must be valid UTF-8.
- A repeated identical key keeps the last value; an empty segment (``a[]``) appends the next
  integer index (one more than the largest integer key so far).
- A pair without ``=`` has the empty value; empty pairs (``&&``) are skipped.

Anything else (broken escapes, invalid UTF-8, unbalanced brackets, a key that is both a value
and a branch) raises :class:`FormDecodeError` with a stable ``reason``.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Final, TypeAlias, Union
from urllib.parse import quote_plus, unquote_to_bytes

FormNode: TypeAlias = Union[str, "FormTree"]
FormTree: TypeAlias = dict[str, FormNode]
"""A decoded form: string keys in arrival order, leaves are strings."""

_BROKEN_ESCAPE: Final = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_SEGMENT: Final = re.compile(r"\[([^\[\]]*)\]")


class FormDecodeError(ValueError):
    """The body is not a well-formed bracket form. ``reason`` is a stable word for counters."""

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


def decode_pairs(body: bytes) -> list[tuple[str, str]]:
    """The flat ``(key, value)`` pairs of a form body, decoded, in order."""
    pairs: list[tuple[str, str]] = []
    for chunk in body.split(b"&"):
        if not chunk:
            continue
        raw_key, _, raw_value = chunk.partition(b"=")
        pairs.append((_unescape(raw_key), _unescape(raw_value)))
    return pairs


def decode(body: bytes) -> FormTree:
    """Decode a bracket form body into a nested tree."""
    pairs = [chunk.partition(b"=") for chunk in body.split(b"&") if chunk]
    keys = tuple(raw_key for raw_key, _, _ in pairs)
    try:
        plan = _cached_plan(keys) if len(keys) <= _CACHED_PLAN_KEYS else _plan(keys)
        values = _unescape_values([raw_value for _, _, raw_value in pairs])
    except FormDecodeError:
        return decode_pair_by_pair(body)  # raises the first error in arrival order
    nodes: list[FormTree] = [{}]
    for parent, segment, value_index in plan:
        if value_index == _BRANCH:
            branch: FormTree = {}
            nodes[parent][segment] = branch
            nodes.append(branch)
        else:
            nodes[parent][segment] = values[value_index]
    return nodes[0]


def decode_pair_by_pair(body: bytes) -> FormTree:
    """The same tree as :func:`decode`, built one pair at a time (the reference; slower)."""
    tree: FormTree = {}
    for chunk in body.split(b"&"):
        if not chunk:
            continue
        raw_key, _, raw_value = chunk.partition(b"=")
        _insert(tree, _key_path(raw_key), _unescape(raw_value), raw_key)
    return tree


# A plan builds a tree from a body's values: ``(parent node, segment, value index)`` steps, where
# the index _BRANCH makes a new branch node. The tree's shape depends only on the keys, and
# amoCRM sends the same few key sets over and over, so plans for them are cached.
_Plan: TypeAlias = tuple[tuple[int, str, int], ...]
_BRANCH: Final = -1
_CACHED_PLAN_KEYS: Final = 256  # bigger key sets are planned every time, not kept in memory


def _plan(raw_keys: tuple[bytes, ...]) -> _Plan:
    shapes: list[dict[str, int]] = [{}]  # per node: segment -> child node, or _BRANCH for a leaf
    steps: list[tuple[int, str, int]] = []
    for value_index, raw_key in enumerate(raw_keys):
        path = _key_path(raw_key)
        node = 0
        for segment in path[:-1]:
            segment = segment or _next_index(shapes[node])  # only a nested segment can be empty
            child = shapes[node].get(segment)
            if child is None:
                child = shapes[node][segment] = len(shapes)
                shapes.append({})
                steps.append((node, segment, _BRANCH))
            elif child == _BRANCH:
                raise _conflict(raw_key)
            node = child
        segment = path[-1] or _next_index(shapes[node])
        if shapes[node].get(segment, _BRANCH) != _BRANCH:
            raise _conflict(raw_key)
        shapes[node][segment] = _BRANCH
        steps.append((node, segment, value_index))
    return tuple(steps)


_cached_plan = lru_cache(maxsize=256)(_plan)


@lru_cache(maxsize=4096)
def _key_path(raw_key: bytes) -> tuple[str, ...]:
    # The same few dozen keys arrive in every delivery, so their parsing is cached.
    return tuple(split_key(_unescape(raw_key)))


def split_key(key: str) -> list[str]:
    """``"a[b][0][]"`` -> ``["a", "b", "0", ""]``. Raises on unbalanced brackets."""
    opening = key.find("[")
    if opening < 0:
        if "]" in key:
            raise FormDecodeError("bad_key", f"unbalanced bracket in key {key!r}")
        base = key
        segments: list[str] = []
    else:
        base = key[:opening]
        rest = key[opening:]
        segments = _SEGMENT.findall(rest)
        if "".join(f"[{segment}]" for segment in segments) != rest or "]" in base:
            raise FormDecodeError("bad_key", f"malformed brackets in key {key!r}")
    if not base:
        raise FormDecodeError("bad_key", f"empty name in key {key!r}")
    return [base, *segments]


def encode(tree: Mapping[str, FormNode]) -> bytes:
    """The inverse of :func:`decode`: brackets and values percent-encoded like PHP does."""
    return "&".join(
        f"{quote_plus(_join_key(path), safe='')}={quote_plus(value, safe='')}"
        for path, value in flatten(tree)
    ).encode("ascii")


def flatten(
    tree: Mapping[str, FormNode], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every leaf as ``(path, value)``, depth first, in key order.

    A walk with its own stack, not recursion: a body may nest a key thousands of levels deep.
    """
    path = list(prefix)
    branches: list[Iterator[tuple[str, FormNode]]] = [iter(tree.items())]
    while branches:
        for key, node in branches[-1]:
            if isinstance(node, str):
                yield (*path, key), node
            else:
                path.append(key)
                branches.append(iter(node.items()))
                break
        else:
            branches.pop()
            if branches:  # every branch below the top one was entered through one key
                path.pop()


def is_indexed(node: FormNode) -> bool:
    """True when every key of a branch is a non-negative integer (a PHP list)."""
    return isinstance(node, dict) and bool(node) and all(_is_index(key) for key in node)


def as_list(node: FormNode) -> list[FormNode]:
    """The items of an indexed branch, sorted by index (sparse indices just close up)."""
    if not isinstance(node, dict) or not all(_is_index(key) for key in node):
        raise ValueError("not an indexed branch")
    return [node[key] for key in sorted(node, key=int)]


# Real amoCRM payloads nest about eight levels; JSON encoders recurse and give up near 1,000.
SHOWN_DEPTH: Final = 64


def with_lists(node: FormNode, *, max_depth: int = SHOWN_DEPTH) -> object:
    """A copy where every indexed branch became a Python list (for JSON-ish display).

    Safe for any depth: built with its own stack, and a branch ``max_depth`` levels down is
    shown flat, as ``{"[b][c]": value}`` (each leaf's bracket path below it), so that the copy
    itself stays shallow enough for any JSON encoder. Nothing is dropped.
    """
    if isinstance(node, str):
        return node
    top: dict[str, object] = {}
    pending: list[tuple[FormTree, int, dict[str, object] | list[object], str | int]] = [
        (node, 0, top, "")
    ]
    while pending:
        branch, depth, parent, slot = pending.pop()
        copy: dict[str, object] | list[object]
        if depth >= max_depth:
            copy = {bracketed(path): value for path, value in flatten(branch)}
        elif is_indexed(branch):
            items = as_list(branch)
            copy = list(items)
            pending.extend(
                (item, depth + 1, copy, index)
                for index, item in enumerate(items)
                if not isinstance(item, str)
            )
        else:
            copy = dict(branch)  # leaves are final; branches are replaced in place below
            pending.extend(
                (child, depth + 1, copy, key)
                for key, child in branch.items()
                if not isinstance(child, str)
            )
        if isinstance(parent, list):
            parent[int(slot)] = copy
        else:
            parent[str(slot)] = copy
    return top[""]


def bracketed(path: tuple[str, ...]) -> str:
    """``("b", "0")`` -> ``"[b][0]"``: how a branch shown flat names its leaves."""
    return "".join(f"[{segment}]" for segment in path)


def _unescape(raw: bytes) -> str:
    if b"%" in raw:
        if _BROKEN_ESCAPE.search(raw):
            raise FormDecodeError("bad_escape", f"broken percent-encoding in {raw[:60]!r}")
        raw = _percent_decoded(raw.replace(b"+", b" "))
    elif b"+" in raw:
        raw = raw.replace(b"+", b" ")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FormDecodeError("invalid_utf8", f"not UTF-8 at byte {error.start}") from None


def _unescape_values(raw_values: list[bytes]) -> list[str]:
    """Every value unescaped, in one pass over all of them instead of one call per value.

    They are joined by ``&``, which no raw value holds and a decoded one holds only when the
    body escapes it as ``%26``. Joining changes no outcome: ``&`` is neither a hex digit (an
    escape is broken in the join exactly when it is broken in its value) nor part of a UTF-8
    sequence (the join is valid UTF-8 exactly when every value is).
    """
    if not raw_values:
        return []
    joined = b"&".join(raw_values)
    if b"%26" in joined:
        return [_unescape(raw) for raw in raw_values]
    return _unescape(joined).split("&")


def _percent_decoded(raw: bytes) -> bytes:
    if b"=" in raw or b"\r" in raw or b"\n" in raw:
        return unquote_to_bytes(raw)
    # With every escape well formed and no "=" or line break of its own, quoted-printable
    # decoding (in C) of "%" turned into "=" gives the same bytes, several times faster.
    return binascii.a2b_qp(raw.replace(b"%", b"="))


def _insert(tree: FormTree, path: Sequence[str], value: str, raw_key: bytes) -> None:
    node = tree
    last = len(path) - 1
    for depth in range(last):
        segment = path[depth] or _next_index(node)  # only a nested segment can be empty
        child = node.get(segment)
        if child is None:
            child = node[segment] = {}
        elif isinstance(child, str):
            raise _conflict(raw_key)
        node = child
    segment = path[last] or _next_index(node)
    if isinstance(node.get(segment), dict):
        raise _conflict(raw_key)
    node[segment] = value


def _conflict(raw_key: bytes) -> FormDecodeError:
    return FormDecodeError("conflict", f"{raw_key[:80]!r} is both a value and a branch")


def _next_index(node: Mapping[str, object]) -> str:
    indices = [int(key) for key in node if _is_index(key)]
    return str(max(indices) + 1 if indices else 0)


def _is_index(key: str) -> bool:
    # PHP treats only canonical decimal integers as list indices ("01" stays a string key).
    return key.isascii() and key.isdigit() and (key == "0" or not key.startswith("0"))


def _join_key(path: tuple[str, ...]) -> str:
    return path[0] + bracketed(path[1:])
