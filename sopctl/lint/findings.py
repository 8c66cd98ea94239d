"""Lint findings: plain values, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sopctl.text.codes import CODES, Severity, render


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place. `args` fill the message; `suppressed` holds the reason."""

    path: str
    line: int
    column: int
    code: str
    args: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    suppressed: str | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def text(self, lang: str) -> tuple[str, str]:
        """(message, hint) in `lang`."""
        return render(self.code, lang, self.args)

    def as_dict(self, lang: str) -> dict[str, Any]:
        """The JSON form: exactly path, line, column, code, severity, message, hint.

        A suppressed finding keeps its place in the output with severity `suppressed` and the
        reason as its hint, so reviewers still see what was waived and why.
        """
        message, hint = self.text(lang)
        severity: str = self.severity
        if self.suppressed is not None:
            severity, hint = "suppressed", self.suppressed
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": severity,
            "message": message,
            "hint": hint,
        }


def finding(path: str, at: tuple[int, int], code: str, **args: object) -> Finding:
    """Build a finding; every argument is kept as text for the message templates."""
    return Finding(path, at[0], at[1], code, {k: str(v) for k, v in args.items()})


def known_code(value: object) -> str:
    """`value` if it is a finding code this version knows (a cache read back), else KeyError."""
    if not isinstance(value, str) or value not in CODES:
        raise KeyError(f"unknown finding code {value!r}")
    return value


def suppress(item: Finding, reason: str) -> Finding:
    return replace(item, suppressed=reason)


def sort_key(item: Finding) -> tuple[str, int, int, str]:
    return (item.path, item.line, item.column, item.code)
