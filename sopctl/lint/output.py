"""Machine-readable forms of lint findings: JSON, GitHub annotations, SARIF 2.1.0, GitLab
Code Quality."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from sopctl import __version__
from sopctl.lint.findings import Finding
from sopctl.text.codes import CODES
from sopctl.text.phrases import ui

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_GITLAB_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def to_json(findings: Sequence[Finding], lang: str) -> str:
    return json.dumps([f.as_dict(lang) for f in findings], ensure_ascii=False, indent=2)


def to_github(findings: Sequence[Finding], lang: str) -> str:
    """GitHub Actions workflow commands: one `::error file=…,line=…::…` per finding; a
    suppressed one is a `::notice` that names the reason."""
    lines = []
    for item in findings:
        level = "notice" if item.suppressed is not None else _GITHUB_LEVEL[item.severity]
        props = f"file={_prop(item.path)},line={item.line},col={item.column},title={item.code}"
        lines.append(f"::{level} {props}::{_data(_described(item, lang))}")
    return "\n".join(lines)


def _described(item: Finding, lang: str) -> str:
    """Message and hint on one line; a suppressed finding says so, with its reason."""
    message, hint = item.text(lang)
    if item.suppressed is not None:
        return f"[{ui('suppressed', lang)}: {item.suppressed}] {message}"
    return f"{message} ({hint})" if hint else message


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def to_sarif(findings: Sequence[Finding], lang: str) -> str:
    """A SARIF 2.1.0 log with one run; suppressed findings carry an in-source suppression."""
    codes = sorted({f.code for f in findings})
    rules = [_sarif_rule(code, lang) for code in codes]
    results = [_sarif_result(item, lang, codes.index(item.code)) for item in findings]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sopctl",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/sopctl/",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _sarif_rule(code: str, lang: str) -> dict[str, Any]:
    entry = CODES[code]
    message, hint = entry.en if lang == "en" else entry.id
    return {
        "id": code,
        "shortDescription": {"text": message.split(":")[0]},
        "help": {"text": hint},
        "defaultConfiguration": {"level": _SARIF_LEVEL[entry.severity]},
    }


def _sarif_result(item: Finding, lang: str, index: int) -> dict[str, Any]:
    message, hint = item.text(lang)
    result: dict[str, Any] = {
        "ruleId": item.code,
        "ruleIndex": index,
        "level": _SARIF_LEVEL[item.severity],
        "message": {"text": f"{message} ({hint})" if hint else message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": item.path},
                    "region": {"startLine": item.line, "startColumn": item.column},
                }
            }
        ],
    }
    if item.suppressed is not None:
        result["suppressions"] = [{"kind": "inSource", "justification": item.suppressed}]
    return result


def to_gitlab(findings: Sequence[Finding], lang: str) -> str:
    """A GitLab Code Quality report: a JSON array of issues; suppressed findings are `info`
    issues that say so (as GitHub notices do), so reviewers see what was waived."""
    issues = []
    seen: dict[str, int] = {}
    for item in findings:
        identity = _identity(item)
        seen[identity] = seen.get(identity, 0) + 1
        suppressed = item.suppressed is not None
        issues.append(
            {
                "description": _described(item, lang),
                "check_name": item.code,
                "fingerprint": _fingerprint(identity, seen[identity]),
                "severity": "info" if suppressed else _GITLAB_SEVERITY[item.severity],
                "location": {"path": item.path, "lines": {"begin": item.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2)


def _identity(item: Finding) -> str:
    """What a finding is, without its line: moving text must not make it a new issue in GitLab,
    nor must switching the message language."""
    args = "\0".join(f"{k}={v}" for k, v in sorted(item.args.items()))
    return f"{item.path}\0{item.code}\0{args}"


def _fingerprint(identity: str, occurrence: int) -> str:
    return hashlib.sha256(f"{identity}\0{occurrence}".encode()).hexdigest()


# every output format but `text` (the terminal's, printed by the CLI)
WRITERS: dict[str, Callable[[Sequence[Finding], str], str]] = {
    "json": to_json,
    "github": to_github,
    "sarif": to_sarif,
    "gitlab": to_gitlab,
}
