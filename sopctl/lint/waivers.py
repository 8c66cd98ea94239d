"""Suppressions: `# sopctl: abaikan P009 -- alasan` (or `ignore`), a reason required.

A suppression (waiver) applies to the findings on its own line (a comment after a value) or
on the line below it (a comment line above the key). Written among the comments at the top of
the file, before any YAML content, it applies to the whole file. Syntax, encoding and schema
findings (Y, S) and the suppression findings themselves (X) can never be waived (X003): a file
that is not read as the schema says is never reported clean. A waiver that waives nothing is
reported (X002), so stale ones do not pile up and hide tomorrow's findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sopctl.lint.findings import Finding, finding, suppress
from sopctl.text.codes import CODES

_DIRECTIVE = re.compile(r"^\s*sopctl\s*:\s*(abaikan|ignore)\b(.*)$", re.IGNORECASE)
_CODES_AND_REASON = re.compile(
    r"^\s*([A-Za-z]\d{3}(?:\s*,\s*[A-Za-z]\d{3})*)\s*(?:(?:--|—|:)\s*(.*))?$"
)
UNWAIVABLE = ("Y", "S", "X")  # code prefixes no waiver can hide


@dataclass(frozen=True)
class Waiver:
    """`codes` waived for `reason`, written on `line`: for the whole file when `whole_file`,
    else for findings on that line or the next."""

    codes: frozenset[str]
    reason: str
    line: int = 0
    whole_file: bool = False

    def covers(self, item: Finding) -> bool:
        return item.code in self.codes and (
            self.whole_file or self.line <= item.line <= self.line + 1
        )


def read_waivers(
    shown: str, comments: Sequence[tuple[int, str]], first_content: int
) -> tuple[list[Waiver], list[Finding]]:
    """The valid waivers of a file, and findings for the malformed ones (X001) and for the
    codes that cannot be waived (X003). `first_content`: the line of the file's first YAML
    content; comments above it are the file's header."""
    waivers: list[Waiver] = []
    problems: list[Finding] = []
    for line, text in comments:
        directive = _DIRECTIVE.match(text)
        if not directive:
            continue
        parsed = _CODES_AND_REASON.match(directive.group(2))
        codes = {c.strip().upper() for c in parsed.group(1).split(",")} if parsed else set()
        reason = (parsed.group(2) or "").strip() if parsed else ""
        if not parsed or not reason or not codes <= CODES.keys():
            problems.append(finding(shown, (line, 1), "X001", detail=text.strip()))
            continue
        refused = sorted(c for c in codes if c.startswith(UNWAIVABLE))
        problems.extend(finding(shown, (line, 1), "X003", waived=code) for code in refused)
        if codes - set(refused):
            waivers.append(
                Waiver(frozenset(codes - set(refused)), reason, line, line < first_content)
            )
    return waivers, problems


def apply_waivers(
    found: Sequence[Finding],
    waivers: Sequence[Waiver],
    shown: str,
    *,
    unused: Callable[[str], bool] | None = None,
) -> list[Finding]:
    """Mark the findings of one file (`shown`) that a waiver covers; with `unused`, add an
    X002 finding for each waiver with codes that waived nothing, among the codes for which
    `unused(code)` is true (codes the run checked at all)."""
    result = []
    used: set[tuple[int, str]] = set()
    for item in found:
        waiver = None if item.code.startswith(UNWAIVABLE) else _covering(item, waivers)
        if waiver is None:
            result.append(item)
            continue
        used.add((waivers.index(waiver), item.code))
        result.append(suppress(item, waiver.reason))
    if unused is not None:
        for index, waiver in enumerate(waivers):
            idle = sorted(c for c in waiver.codes if (index, c) not in used and unused(c))
            if idle:
                result.append(finding(shown, (waiver.line, 1), "X002", codes=",".join(idle)))
    return result


def encode_waiver(waiver: Waiver) -> list[Any]:
    """A waiver as JSON values, for the cache."""
    return [sorted(waiver.codes), waiver.reason, waiver.line, waiver.whole_file]


def decode_waiver(raw: list[Any]) -> Waiver:
    """The waiver `encode_waiver` wrote; a damaged one raises (TypeError, ValueError, …)."""
    codes, reason, line, whole_file = raw
    return Waiver(frozenset(str(c) for c in codes), str(reason), int(line), bool(whole_file))


def _covering(item: Finding, waivers: Sequence[Waiver]) -> Waiver | None:
    return next((w for w in waivers if w.covers(item)), None)
