"""Per-file suppressions: `# sopctl: abaikan P009 -- alasan` (or `ignore`), reason required."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sopctl.lint.findings import Finding, finding, suppress
from sopctl.text.codes import CODES

_DIRECTIVE = re.compile(r"^\s*sopctl\s*:\s*(abaikan|ignore)\b(.*)$", re.IGNORECASE)
_CODES_AND_REASON = re.compile(
    r"^\s*([A-Za-z]\d{3}(?:\s*,\s*[A-Za-z]\d{3})*)\s*(?:(?:--|—|:)\s*(.*))?$"
)


@dataclass(frozen=True)
class Waiver:
    codes: frozenset[str]
    reason: str


def read_waivers(
    shown: str, comments: Sequence[tuple[int, str]]
) -> tuple[list[Waiver], list[Finding]]:
    """The valid waivers of a file, and X001 findings for the malformed ones."""
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
        waivers.append(Waiver(frozenset(codes), reason))
    return waivers, problems


def apply_waivers(found: Sequence[Finding], waivers: Sequence[Waiver]) -> list[Finding]:
    """Mark findings whose code a waiver names; X001 can never be waived."""
    result = []
    for item in found:
        reason = next((w.reason for w in waivers if item.code in w.codes), None)
        result.append(suppress(item, reason) if reason and item.code != "X001" else item)
    return result
