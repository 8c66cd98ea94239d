"""Turn a PyYAML node tree into plain data with YAML 1.2 (ruamel.yaml safe loader) semantics.

PyYAML resolves plain scalars with YAML 1.1 rules (`no` is False, `010` is 8), so the loader used
here leaves untagged plain scalars unresolved and this module resolves them as ruamel.yaml's
YAML 1.2 safe loader does, including its quirks (`08` is 8, `_1` is a string).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

Path_ = tuple[str | int, ...]

PLAIN_TAG = "?"  # what the loader gives untagged plain scalars; resolved by resolve_plain()
STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
_CORE = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Problem:
    code: str
    line: int
    column: int
    detail: str = ""


class InvalidValue(ValueError):
    """A scalar that ruamel.yaml's safe loader would refuse to construct."""


# The implicit resolvers of ruamel.yaml for YAML 1.2, tried in its order after the same
# first-character dispatch (which is why `_1` stays a string while `-_` is a broken int).
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")
_TIMESTAMP = re.compile(
    r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
    (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
    (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
_TIMESTAMP_PARTS = re.compile(
    r"""^(?P<year>[0-9]{4})-(?P<month>[0-9][0-9]?)-(?P<day>[0-9][0-9]?)
    (?:(?:[Tt]|[ \t]+)(?P<hour>[0-9][0-9]?):(?P<minute>[0-9][0-9]):(?P<second>[0-9][0-9])
    (?:\.(?P<fraction>[0-9]*))?
    (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)(?::(?P<tz_minute>[0-9][0-9]))?))?
    )?$""",
    re.X,
)
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_BOOL_EXPLICIT = {"yes": True, "no": False, "y": True, "n": False, "on": True, "off": False}
_BOOL_EXPLICIT.update((key.lower(), value) for key, value in _BOOL.items())
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_SPECIAL_FIRST = frozenset("-+0123456789.tTfF~nN<=")


def resolve_plain(text: str) -> Any:
    """Value of an untagged plain scalar; InvalidValue where ruamel.yaml would raise."""
    if not text:
        return None
    first = text[0]
    if first not in _SPECIAL_FIRST:
        return text
    if first in "-+0123456789.":
        if _FLOAT.match(text):
            return to_float(text)
        if first != "." and _INT.match(text):
            return to_int(text)
        if first not in "-+." and _TIMESTAMP.match(text):
            return to_timestamp(text)
        return text
    if text in _BOOL:
        return _BOOL[text]
    if text in _NULL:
        return None
    if text in ("<<", "="):
        raise InvalidValue(f"{text!r} is a special YAML value")
    return text


def to_int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    digits = digits[1:] if digits[:1] in ("+", "-") else digits
    if digits == "0":
        return 0
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def to_float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1 if digits[:1] == "-" else 1
    digits = digits[1:] if digits[:1] in ("+", "-") else digits
    if digits == ".inf":
        return sign * math.inf
    if digits == ".nan":
        return math.nan
    return sign * float(digits)


def to_timestamp(text: str) -> datetime.date:
    match = _TIMESTAMP_PARTS.match(text)
    if match is None:
        raise InvalidValue(f"not a timestamp: {text!r}")
    part = match.group
    year, month, day = int(part("year")), int(part("month")), int(part("day"))
    try:
        if part("hour") is None:
            return datetime.date(year, month, day)
        fraction, carry = _microseconds(part("fraction") or "")
        stamp = datetime.datetime(
            year, month, day, int(part("hour")), int(part("minute")), int(part("second")), fraction
        )
        zone = _zone(part("tz"), part("tz_sign"), part("tz_hour"), part("tz_minute"))
        return stamp.replace(tzinfo=zone) + carry
    except (ValueError, OverflowError) as exc:
        raise InvalidValue(f"{text!r}: {exc}") from None


def _microseconds(fraction: str) -> tuple[int, datetime.timedelta]:
    """Round to microseconds as ruamel.yaml does: 0.9999996 s becomes the next second."""
    micro = int(fraction[:6].ljust(6, "0"))
    if len(fraction) > 6 and int(fraction[6]) > 4:
        micro += 1
    if micro > 999_999:
        return 0, datetime.timedelta(seconds=1)
    return micro, datetime.timedelta(0)


def _zone(
    tz: str | None, sign: str | None, hours: str | None, minutes: str | None
) -> datetime.timezone | None:
    if sign and tz and hours:
        offset = datetime.timedelta(hours=int(hours), minutes=int(minutes or 0))
        return datetime.timezone(-offset if sign == "-" else offset, name=tz)
    if tz == "Z":
        return datetime.timezone(datetime.timedelta(0), name=tz)
    return None


def _to_bool(text: str) -> bool:
    return _BOOL_EXPLICIT[text.lower()]


_EXPLICIT: dict[str, Callable[[str], Any]] = {
    _CORE + "int": to_int,
    _CORE + "float": to_float,
    _CORE + "bool": _to_bool,
    _CORE + "null": lambda _text: None,
    _CORE + "timestamp": to_timestamp,
}


try:
    from yaml import CSafeLoader as _BaseLoader

    # libyaml reports reader errors as offsets into the UTF-8 bytes, PyYAML in characters.
    BYTE_OFFSETS = True
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    BYTE_OFFSETS = False


class Loader(_BaseLoader):
    """Composes nodes and leaves untagged plain scalars for resolve_plain()."""

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return PLAIN_TAG if implicit[0] else STR_TAG
        return SEQ_TAG if kind is yaml.SequenceNode else MAP_TAG


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=Loader)


def find_token(text: str, wanted: Callable[[yaml.Token], bool]) -> tuple[int, int] | None:
    """Position of the first wanted token; only called for texts that composed without error."""
    try:
        for token in yaml.scan(text, Loader=Loader):
            if wanted(token):
                return token.start_mark.line + 1, token.start_mark.column + 1
    except yaml.YAMLError:  # pragma: no cover - the text composed without error before
        pass
    return None


def version_problem(text: str) -> Problem | None:
    """ruamel.yaml reads a `%YAML 1.1` document with YAML 1.1 rules; this module does not."""
    where = find_token(text, _is_old_version) if "%YAML" in text else None
    return Problem("Y007", *where, "a %YAML 1.1 document is read as YAML 1.2") if where else None


def _is_old_version(token: yaml.Token) -> bool:
    return isinstance(token, yaml.DirectiveToken) and token.name == "YAML" and token.value != (1, 2)


def _is_alias(token: yaml.Token) -> bool:
    return isinstance(token, yaml.AliasToken)


class Builder:
    """Builds plain data from a node tree, collecting problems, marks and multi-line spans."""

    def __init__(self, text: str, seen: set[int] | None) -> None:
        self.problems: list[Problem] = []
        self.value_marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.spans: list[tuple[int, int, int]] = []  # 0-based start line, end line, end column
        self._text = text
        self._seen = seen  # ids of built nodes; None when the text cannot hold an alias
        self._alias_reported = False

    def build(self, node: yaml.Node, path: Path_) -> Any:
        mark = node.start_mark
        self.value_marks[path] = (mark.line + 1, mark.column + 1)
        if self._seen is not None and self._is_shared(node):
            return None
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, SEQ_TAG)
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        self._check_tag(node, MAP_TAG)
        return self._mapping(node, path)

    def _is_shared(self, node: yaml.Node) -> bool:
        """True for a node met before: an alias. Not expanding it again defeats alias bombs."""
        assert self._seen is not None
        if id(node) not in self._seen:
            self._seen.add(id(node))
            return False
        if not self._alias_reported:
            self._alias_reported = True
            mark = node.start_mark
            line, column = find_token(self._text, _is_alias) or (mark.line + 1, mark.column + 1)
            self.problems.append(Problem("Y006", line, column, "alias"))
        return True

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            mark = key_node.start_mark
            where = (mark.line + 1, mark.column + 1)
            if key in result:
                self.problems.append(Problem("Y005", *where, key))
                continue
            child = (*path, key)
            self.key_marks[child] = where
            result[key] = self.build(value_node, child)
        return result

    def _key(self, node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            key: Any = Builder(self._text, self._seen).build(node, ())
        elif self._seen is not None and self._is_shared(node):
            return None
        elif node.tag == PLAIN_TAG and node.value == "<<":
            self._problem("Y006", node, "merge key '<<'")
            return None
        elif node.tag == PLAIN_TAG and node.value == "=":
            return "="
        else:
            key = self._scalar(node)
        if isinstance(key, str):
            return key
        self._problem("Y007", node, f"key {key!r} is not a string")
        return str(key)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        start, end = node.start_mark, node.end_mark
        if end.line != start.line:
            self.spans.append((start.line, end.line, end.column))
        tag, text = node.tag, node.value
        if tag == STR_TAG:
            return text
        try:
            if tag == PLAIN_TAG:
                return resolve_plain(text)
            convert = _EXPLICIT.get(tag)
            if convert is None:
                raise InvalidValue(f"unsupported tag {tag}")
            return convert(text)
        except InvalidValue as exc:
            self._problem("Y007", node, str(exc))
        except (ValueError, KeyError):
            kind = "number" if tag == PLAIN_TAG else tag.removeprefix(_CORE)
            self._problem("Y007", node, f"invalid {kind} {text!r}")
        return text

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self._problem("Y007", node, f"unsupported tag {node.tag} here")

    def _problem(self, code: str, node: yaml.Node, detail: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(code, mark.line + 1, mark.column + 1, detail))
