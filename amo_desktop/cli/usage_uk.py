"""argparse's own complaints in Ukrainian.

argparse (and a few of our own checks that use its wording) writes usage errors in English,
through gettext with no Ukrainian catalogue on most systems, so a Ukrainian run would mix
languages in one line. The messages it produces for our options are recognised here and said
again in Ukrainian; anything else is left as it was written.
"""

from __future__ import annotations

import re
from typing import Final

_PATTERNS: Final = (
    (
        re.compile(r"^the following arguments are required: (?P<names>.+)$"),
        "бракує обов'язкових параметрів: {names}",
    ),
    (re.compile(r"^unrecognized arguments: (?P<names>.+)$"), "незнайомі параметри: {names}"),
    (
        re.compile(r"^one of the arguments (?P<names>.+) is required$"),
        "потрібен один із параметрів: {names}",
    ),
    (
        re.compile(
            r"^argument (?P<name>\S+?): invalid choice: (?P<value>.+) "
            r"\(choose from (?P<choices>.+)\)$"
        ),
        "параметр {name}: недопустиме значення {value} (можна: {choices})",
    ),
    (
        re.compile(r"^argument (?P<name>\S+?): invalid \S+ value: (?P<value>.+)$"),
        "параметр {name}: недопустиме значення {value}",
    ),
    (
        re.compile(
            r"^argument (?P<name>\S+?): must be a whole number from (?P<low>\d+) to "
            r"(?P<high>\d+), not (?P<value>.+)$"
        ),
        "параметр {name}: має бути цілим числом від {low} до {high}, а не {value}",
    ),
    (
        re.compile(
            r"^argument (?P<name>\S+?): must be a number of seconds above 0 and at most "
            r"(?P<high>\d+), not (?P<value>.+)$"
        ),
        "параметр {name}: має бути додатним числом секунд, не більшим за {high}, а не {value}",
    ),
    (
        re.compile(r"^argument (?P<name>\S+?): expected one argument$"),
        "параметр {name}: потрібне значення",
    ),
    (
        re.compile(r"^argument (?P<name>\S+?): not allowed with argument (?P<other>\S+)$"),
        "параметр {name} не можна поєднувати з {other}",
    ),
)


def in_ukrainian(problem: str) -> str:
    """``problem`` said in Ukrainian when it is one of argparse's known messages."""
    for pattern, template in _PATTERNS:
        match = pattern.match(problem)
        if match is not None:
            return template.format(**match.groupdict())
    return problem
