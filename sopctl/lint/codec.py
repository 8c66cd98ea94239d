"""The one JSON form of what lint keeps of a file: findings, waivers, facts, summary, G001 date.

Both cache files use it: the per-file records (`sopctl.lint.records`, `lint.json`) and the last
whole-catalog outcome (`sopctl.lint.outcome`, `outcome.json` and `facts.json`). Each `encode_*`
has its `decode_*`; a decoder raises one of `BROKEN` on anything this version did not write
(cache files may come from anyone: they are checked, never trusted to have a shape).

Light on purpose: the warm paths of lint decode with it and must not import the parser.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sopctl.lint.findings import Finding, known_code
from sopctl.lint.revision_dates import Dated, dated_of
from sopctl.lint.waivers import Waiver

if TYPE_CHECKING:
    from sopctl.lint.rules.context import Facts
    from sopctl.lint.scan import FileRecord, Summary

BROKEN = (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError)
RawFacts = list[Any]  # [[nomor, nama, unit, area_rb, status], links, marks]
RawRecord = list[Any]  # [findings, waivers, facts, summary, judged]


class Encoded(NamedTuple):
    """A file's record as the caches keep it, made where it was read (in a worker process):
    `record` is its per-file cache entry as JSON text; the rest are the parts of its outcome
    entry (findings, waivers, G001 date, days, facts and their digest) as JSON values.
    Plain strings and lists: cheap to send between processes, written out as they are."""

    record: str
    findings: list[Any]
    waivers: list[Any]
    dated: list[Any] | None
    days: list[str | None] | None
    facts: RawFacts
    digest: str


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def encoded(record: FileRecord) -> Encoded:
    """Everything the caches keep of `record`."""
    raw = encode_record(record)
    facts = raw[2]
    return Encoded(
        dumps(raw),
        raw[0],
        raw[1],
        encode_dated(record),
        encode_days(record),
        facts,
        facts_digest(facts),
    )


def facts_digest(facts: RawFacts) -> str:
    """What tells, without comparing them, that a file's facts did not change."""
    return hashlib.blake2b(dumps(facts).encode("utf-8"), digest_size=8).hexdigest()


# Findings and waivers


def encode_findings(findings: Sequence[Finding]) -> list[Any]:
    """Findings without their file (the same bytes give the same findings wherever they are)."""
    return [[f.line, f.column, f.code, f.args] for f in findings]


def decode_findings(raw: list[Any], shown: str) -> list[Finding]:
    return [Finding(shown, int(a), int(b), known_code(c), _args(d)) for a, b, c, d in raw]


def _args(raw: Any) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise TypeError("arguments expected")
    return {str(k): str(v) for k, v in raw.items()}


def encode_waivers(waivers: Sequence[Waiver]) -> list[Any]:
    """Waivers as JSON values: [codes, reason, line, whole_file] each."""
    return [[sorted(w.codes), w.reason, w.line, w.whole_file] for w in waivers]


def decode_waivers(raw: list[Any]) -> list[Waiver]:
    return [
        Waiver(frozenset(str(c) for c in _list(codes)), str(reason), int(line), bool(whole))
        for codes, reason, line, whole in raw
    ]


# Facts, for cross-file rules


def encode_facts(facts: Facts) -> RawFacts:
    strings = [facts.nomor, facts.nama, facts.unit, facts.area_rb, facts.status]
    return [strings, [list(link) for link in facts.links], facts.marks]


def decode_facts(raw: RawFacts, shown: str) -> Facts:
    from sopctl.lint.rules.context import Facts

    strings, links, marks = raw
    nomor, nama, unit, area_rb, status = (text_or_none(s) for s in _list(strings))
    return Facts(
        shown,
        nomor=nomor,
        nama=nama,
        unit=unit,
        area_rb=area_rb,
        status=status,
        links=tuple((_text(n), int(line), int(column)) for n, line, column in links),
        marks=_marks(marks),
    )


def _marks(raw: Any) -> dict[str, tuple[int, int]]:
    if not isinstance(raw, dict):
        raise TypeError("marks expected")
    return {str(k): (int(v[0]), int(v[1])) for k, v in raw.items()}


# Whole records, for the per-file cache


def encode_record(record: FileRecord) -> RawRecord:
    """A record without its path and name (the same bytes, the same record)."""
    summary = record.summary
    return [
        encode_findings(record.findings),
        encode_waivers(record.waivers),
        encode_facts(record.facts),
        None if summary is None else encode_summary(summary),
        record.judged.isoformat(),
    ]


def decode_record(raw: RawRecord, path: Path, shown: str) -> FileRecord:
    """The record `encode_record` wrote, for the file at `path` shown as `shown`."""
    from sopctl.lint.scan import FileRecord

    findings, waivers, facts, summary, judged = raw
    return FileRecord(
        path=path,
        shown=shown,
        findings=tuple(decode_findings(findings, shown)),
        waivers=tuple(decode_waivers(waivers)),
        facts=decode_facts(facts, shown),
        summary=None if summary is None else decode_summary(summary),
        judged=dt.date.fromisoformat(judged),
    )


def encode_summary(summary: Summary) -> list[Any]:
    return [
        summary.valid,
        summary.jenis,
        summary.proses_bisnis,
        {k: v.isoformat() for k, v in summary.tanggal.items()},
        summary.marks,
        _day(summary.monitoring_due),
        _day(summary.evaluation_due),
        summary.text,
        summary.kriteria,
        list(summary.rb_tematik),
    ]


def decode_summary(raw: list[Any]) -> Summary:
    from sopctl.lint.scan import Summary

    valid, jenis, process, dates, marks, monitoring, evaluation, text, kriteria, tematik = raw
    return Summary(
        valid=bool(valid),
        jenis=text_or_none(jenis),
        proses_bisnis=text_or_none(process),
        tanggal={str(k): dt.date.fromisoformat(v) for k, v in dates.items()},
        marks=_marks(marks),
        monitoring_due=dt.date.fromisoformat(monitoring) if monitoring else None,
        evaluation_due=dt.date.fromisoformat(evaluation) if evaluation else None,
        text=_text(text),
        kriteria={str(k): str(v) for k, v in kriteria.items()},
        rb_tematik=tuple(str(t) for t in tematik),
    )


# What the outcome keeps beside findings: the G001 date and the days findings hold on


def encode_dated(record: FileRecord) -> list[Any] | None:
    dated = dated_of(record)
    return None if dated is None else [dated.field, dated.date.isoformat(), *dated.at]


def decode_dated(raw: list[Any], path: str, shown: str) -> Dated:
    field, date, line, column = raw
    return Dated(path, shown, _text(field), dt.date.fromisoformat(date), (int(line), int(column)))


def encode_days(record: FileRecord) -> list[str | None] | None:
    """The days the record's findings hold on (`FileRecord.holds_on`), as [first, last]."""
    summary, judged = record.summary, record.judged
    if summary is None:
        return None
    dues = [d for d in (summary.monitoring_due, summary.evaluation_due) if d is not None]
    first = max((d + dt.timedelta(days=1) for d in dues if d < judged), default=None)
    last = min((d for d in dues if d >= judged), default=None)
    return [_day(first), _day(last)]


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def text_or_none(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("text expected")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("list expected")
    return value
