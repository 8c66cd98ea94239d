"""Bounding the catalog's number pattern (`nomor.pola`), which may come from an attacker.

Python's `re` backtracks: `^(a|aa)+$` or `(\\d+)*x` take exponential time on a long enough
number, and lint would hang until CI's timeout. Such patterns are refused when the settings
are read: no repetition may hold another repetition or an alternation (`(a|b)+` over single
characters is a character set to `re`, and stays allowed). What remains can still be
polynomial (`\\d*\\d*\\d*x`), so numbers longer than `MAX_NUMBER` are never matched at all.
"""

from __future__ import annotations

import importlib
from typing import Any

# the parser `re` itself uses (Python 3.11+; private, so looked up without stubs)
_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

MAX_NUMBER = 200  # characters; an SOP number is a few dozen
_REPEATS = {
    op
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if (op := getattr(_constants, name, None)) is not None
}


def nested_repetition(pattern: str) -> bool:
    """Whether `pattern` (which `re` compiles) repeats a repetition or an alternation."""
    return _risky(_parser.parse(pattern), inside=False)


def _risky(items: Any, *, inside: bool) -> bool:
    for op, value in items:
        if op in _REPEATS:
            _, high, body = value
            repeats = high is _constants.MAXREPEAT or high > 1
            if (repeats and inside) or _risky(body, inside=inside or repeats):
                return True
        elif (op is _constants.BRANCH and inside) or any(
            _risky(body, inside=inside) for body in _bodies(value)
        ):
            return True
    return False


def _bodies(value: Any) -> list[Any]:
    """The sub-patterns inside one parsed item (a group, a branch, a look-around)."""
    if isinstance(value, _parser.SubPattern):
        return [value]
    if isinstance(value, (list, tuple)):
        return [body for part in value for body in _bodies(part)]
    return []
