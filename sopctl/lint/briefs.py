"""Each SOP file of a catalog reduced to what `list` and `report` show (a `Brief`), kept in
`.sopctl-cache/briefs.json` as one compact row per file (the text `list --cari` searches is
kept apart, in `briefs-text.json`, and read only when asked for).

While every file's stamp is the one recorded (and vouches for it, as for lint's outcome), the
rows are read as they are: no per-file record is decoded, no SOP read. Otherwise the records
come from the per-file cache (`sopctl.lint.records`), parsing only what changed, and the
rows are written anew. A brief does not depend on the day (load and schema problems do not).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sopctl.catalog.folder import Catalog
from sopctl.lint.codec import BROKEN, dumps
from sopctl.lint.findings import Finding
from sopctl.lint.store import (
    RACY_NS,
    Stamp,
    cache_key,
    collector_paused,
    file_stamp,
    read_in_cache,
    save_in_cache,
)
from sopctl.text.codes import CODES

BRIEFS_FILE = "briefs.json"
TEXTS_FILE = "briefs-text.json"  # apart: the search text is most of the bytes, read for --cari
FORMAT = 3  # 2: with the evaluation criteria and RB Tematik (issue 14); 3: answers by index


class Brief(NamedTuple):
    """One file as listed and counted. `parsed`: it read as a mapping (else only `problem`
    is known); `valid`: it passed the schema (else no dates or due dates are known);
    `problem`: its first finding, for naming a file that is not a valid SOP."""

    path: str  # absolute
    parsed: bool
    valid: bool
    nomor: str | None
    nama: str | None
    unit: str | None
    area_rb: str | None
    status: str | None
    jenis: str | None
    proses_bisnis: str | None
    efektif: dt.date | None
    monitoring_due: dt.date | None
    evaluation_due: dt.date | None
    text: str
    problem: tuple[int, int, str, dict[str, str]] | None
    kriteria: tuple[tuple[str, str], ...] = ()  # the latest evaluation's answers
    rb_tematik: tuple[str, ...] = ()

    def problem_finding(self, shown: str) -> Finding | None:
        if self.problem is None:
            return None
        line, column, code, args = self.problem
        return Finding(shown, line, column, code, args)


def catalog_briefs(
    catalog: Catalog,
    files: Sequence[Path | str],
    today: dt.date,
    *,
    use_cache: bool = True,
    text: bool = True,
) -> list[Brief]:
    """The brief of each file (absolute paths), in order: from the kept rows while no file
    changed, else from the files' records (`today`: the day their findings are judged by).
    Without `text`, kept briefs may come without their search text."""
    names = [str(path) for path in files]
    stamps = [file_stamp(name) for name in names]  # before reading: a later edit shows
    with collector_paused():
        kept = _load(catalog, names, stamps, text) if use_cache else None
        if kept is not None:
            return kept
        from sopctl.lint.records import read_records

        items = [(Path(name), name) for name in names]
        records = read_records(catalog, items, today, use_cache=use_cache)
        briefs = [_brief_of(record) for record in records]
    if use_cache:
        _save(catalog, names, stamps, briefs)
    return briefs


def _brief_of(record: Any) -> Brief:
    facts, summary = record.facts, record.summary
    first = record.findings[0] if record.findings else None
    return Brief(
        path=str(record.path),
        parsed=summary is not None,
        valid=summary is not None and summary.valid,
        nomor=facts.nomor,
        nama=facts.nama,
        unit=facts.unit,
        area_rb=facts.area_rb,
        status=facts.status,
        jenis=summary.jenis if summary else None,
        proses_bisnis=summary.proses_bisnis if summary else None,
        efektif=summary.tanggal.get("efektif") if summary else None,
        monitoring_due=summary.monitoring_due if summary else None,
        evaluation_due=summary.evaluation_due if summary else None,
        text=summary.text if summary else "",
        problem=None if first is None else (first.line, first.column, first.code, first.args),
        kriteria=tuple(summary.kriteria.items()) if summary else (),
        rb_tematik=summary.rb_tematik if summary else (),
    )


def _save(
    catalog: Catalog, names: list[str], stamps: list[Stamp | None], briefs: list[Brief]
) -> None:
    # the answers (criteria and themes) are the same for most files: kept once each, in
    # `answers`, and named by index in the rows (a third of the bytes otherwise)
    answers: dict[tuple[tuple[tuple[str, str], ...], tuple[str, ...]], int] = {}
    rows = [
        [
            *brief[1:10],
            *(None if day is None else day.isoformat() for day in brief[10:13]),
            None if brief.problem is None else list(brief.problem),
            answers.setdefault((brief.kriteria, brief.rb_tematik), len(answers)),
        ]
        for brief in briefs
    ]
    token = os.urandom(8).hex()
    texts = {"token": token, "texts": [brief.text for brief in briefs]}
    save_in_cache(catalog, TEXTS_FILE, dumps(texts).encode("utf-8"))
    body = {
        "format": FORMAT,
        "key": cache_key(catalog, FORMAT),
        "written_ns": time.time_ns(),
        "token": token,
        "names": names,
        "stamps": [None if stamp is None else list(stamp) for stamp in stamps],
        "answers": [
            [[list(pair) for pair in kriteria], list(themes)] for kriteria, themes in answers
        ],
        "rows": rows,
    }
    save_in_cache(catalog, BRIEFS_FILE, dumps(body).encode("utf-8"))


def _load(
    catalog: Catalog, names: list[str], stamps: list[Stamp | None], text: bool
) -> list[Brief] | None:
    """The kept briefs, when they are of these files and none changed since (with their
    search `text` when asked, from the file written with them)."""
    try:
        raw = json.loads(read_in_cache(catalog, BRIEFS_FILE))
        if raw["format"] != FORMAT or raw["key"] != cache_key(catalog, FORMAT):
            return None
        if raw["names"] != names or len(raw["rows"]) != len(names):
            return None
        limit = int(raw["written_ns"]) - RACY_NS
        for stamp, kept in zip(stamps, raw["stamps"], strict=True):
            if stamp is None or max(stamp[1], stamp[2]) >= limit or tuple(kept) != stamp:
                return None
        texts = _texts(catalog, str(raw["token"]), len(names)) if text else [""] * len(names)
        if texts is None:
            return None
        answers = [_answers(item) for item in raw["answers"]]
        days: dict[str, dt.date] = {}
        rows = zip(names, raw["rows"], texts, strict=True)
        return [_decode(name, row, searched, answers, days) for name, row, searched in rows]
    except (OSError, *BROKEN):
        return None


def _texts(catalog: Catalog, token: str, count: int) -> list[str] | None:
    raw = json.loads(read_in_cache(catalog, TEXTS_FILE))
    texts = raw["texts"]
    if raw["token"] != token or len(texts) != count:
        return None  # written by another run
    if not all(value.__class__ is str for value in texts):
        raise TypeError("text expected")
    return list(texts)


_Answers = tuple[tuple[tuple[str, str], ...], tuple[str, ...]]
_TEXT_TYPES = frozenset({str, type(None)})


def _answers(raw: Any) -> _Answers:
    """One of the answers `_save` kept: the criteria's (key, answer) pairs and the themes."""
    kriteria, tematik = raw
    return tuple((str(key), str(answer)) for key, answer in kriteria), tuple(map(str, tematik))


def _decode(
    name: str, row: list[Any], text: str, answers: list[_Answers], days: dict[str, dt.date]
) -> Brief:
    """A row `_save` wrote (checked cheaply: 16,500 of them are read in a warm list); `days`
    holds the dates read so far (the same due dates recur in many rows)."""
    parsed, valid, *texts, efektif, monitoring, evaluation, problem, index = row
    if parsed.__class__ is not bool or valid.__class__ is not bool or len(texts) != 7:
        raise TypeError("a brief expected")
    if not _TEXT_TYPES.issuperset(map(type, texts)):
        raise TypeError("text expected")
    if index.__class__ is not int or index < 0:
        raise TypeError("an index expected")
    kriteria, tematik = answers[index]
    return Brief._make(
        [
            name,
            parsed,
            valid,
            *texts,
            None if efektif is None else days.get(efektif) or _day(efektif, days),
            None if monitoring is None else days.get(monitoring) or _day(monitoring, days),
            None if evaluation is None else days.get(evaluation) or _day(evaluation, days),
            text,
            None if problem is None else _problem(problem),
            kriteria,
            tematik,
        ]
    )


def _day(text: str, days: dict[str, dt.date]) -> dt.date:
    day = days[text] = dt.date.fromisoformat(text)
    return day


def _problem(raw: Any) -> tuple[int, int, str, dict[str, str]]:
    line, column, code, args = raw
    if not isinstance(args, dict) or code not in CODES:
        raise TypeError("a finding expected")
    return int(line), int(column), code, {str(k): str(v) for k, v in args.items()}
