"""Readable forms of changes: `sopctl diff` as text, Markdown (a pull-request comment) or JSON,
and `sopctl riwayat` as Markdown or JSON. Words in the language asked for (`sopctl.text`),
Bahasa Indonesia by default; the SOP format's keys and the SOPs' own text stay as written.
JSON is for programs: its keys and its `summary` texts do not depend on the language."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from sopctl.history.compare import Entry, FieldChange, SopDiff, StepChange
from sopctl.history.revisions import Revision
from sopctl.history.snapshot import Comparison
from sopctl.text.escape import html_text, md_code, md_text
from sopctl.text.phrases import ui

# what happened to an SOP or a step -> its phrase
KINDS = {
    "added": "change_added",
    "removed": "change_removed",
    "changed": "change_changed",
    "moved": "change_moved",
}


def kind_word(kind: str, lang: str = "id") -> str:
    """'ditambahkan' / 'added', and so on."""
    return ui(KINDS[kind], lang)


def sides(comparison: Comparison, lang: str = "id") -> str:
    head = comparison.head or ui("diff_working_tree", lang)
    return ui("diff_sides", lang, base=comparison.base, ref=comparison.base_ref, head=head)


def summary(entries: Sequence[Entry], lang: str = "id") -> str:
    """'3 SOP berubah: 1 ditambahkan, …' or that nothing changed."""
    if not entries:
        return ui("diff_nothing", lang)
    counts = {kind: sum(1 for e in entries if e.kind == kind) for kind in KINDS if kind != "moved"}
    kinds = ", ".join(f"{n} {kind_word(k, lang)}" for k, n in counts.items() if n)
    key = "diff_count_one" if len(entries) == 1 else "diff_count"
    text = ui(key, lang, count=len(entries), kinds=kinds)
    notes = [
        (sum(e.renumbered for e in entries), "diff_renumbered"),
        (sum(e.renamed for e in entries), "diff_renamed"),
        (sum(e.moved for e in entries), "diff_file_moved"),
    ]
    shown = [ui(note, lang, count=n) for n, note in notes if n]
    return text + (f" ({', '.join(shown)})" if shown else "")


def to_text(comparison: Comparison, lang: str = "id") -> str:
    title = ui("diff_title", lang, sides=sides(comparison, lang))
    lines = [title, summary(comparison.entries, lang)]
    for entry in comparison.entries:
        lines += ["", f"{_mark(entry)} {_where(entry, lang)}"]
        lines += [f"    {line}" for line in entry_lines(entry, lang)]
    return "\n".join(lines)


def _mark(entry: Entry) -> str:
    return {"added": "+", "removed": "-", "changed": "~"}[entry.kind]


def _where(entry: Entry, lang: str, code: Callable[[str], str] = str) -> str:
    """The SOP's file (and where it was before), each path shown with `code`."""
    if entry.moved:
        return ui(
            "diff_formerly", lang, path=code(entry.new_path or ""), old=code(entry.old_path or "")
        )
    return code(entry.new_path or entry.old_path or "")


def _html_code(path: str) -> str:
    return f"<code>{html_text(path)}</code>"


def entry_lines(entry: Entry, lang: str = "id") -> list[str]:
    """What happened to one SOP, one line per change."""
    if entry.kind != "changed":
        nomor = entry.new_nomor or entry.old_nomor or ui("diff_no_number", lang)
        nama = entry.new_nama or entry.old_nama or ui("diff_no_title", lang)
        return [f"{kind_word(entry.kind, lang)}: {nomor} · {nama}"]
    lines = [f"{_field(c)}" for c in entry.diff.fields]
    return lines + [line for step in entry.diff.steps for line in step_lines(step, lang)]


def _field(change: FieldChange) -> str:
    if change.old is None:
        return f"{change.key}: + {change.new}"
    if change.new is None:
        return f"{change.key}: − {change.old}"
    return f"{change.key}: {change.old} → {change.new}"


def step_lines(step: StepChange, lang: str = "id") -> list[str]:
    if step.kind == "added":
        return [ui("step_added", lang, step=step.new, kegiatan=step.kegiatan)]
    if step.kind == "removed":
        return [ui("step_removed", lang, step=step.old, kegiatan=step.kegiatan)]
    key = "step_kind_from" if step.old != step.new else "step_kind"
    kind = kind_word(step.kind, lang)
    head = ui(key, lang, step=step.new, kind=kind, old=step.old, kegiatan=step.kegiatan)
    return [head] + [f"    {_field(c)}" for c in step.fields]


def describe(diff: SopDiff, lang: str = "id") -> str:
    """One line for a table: the fields and the steps that changed."""
    parts = []
    keys = list(dict.fromkeys(c.key for c in diff.fields))
    if keys:
        parts.append(ui("describe_fields", lang, keys=", ".join(keys)))
    for kind in KINDS:
        numbers = [str(s.new if kind != "removed" else s.old) for s in diff.steps if s.kind == kind]
        if numbers:
            key = "describe_step" if len(numbers) == 1 else "describe_steps"
            parts.append(ui(key, lang, steps=", ".join(numbers), kind=kind_word(kind, lang)))
    return "; ".join(parts) or ui("describe_nothing", lang)


def to_markdown(comparison: Comparison, lang: str = "id") -> str:
    """A pull-request comment: a summary table, then the details of each SOP."""
    lines = [f"### {ui('diff_heading', lang)}", "", f"{_md(sides(comparison, lang))}", ""]
    lines.append(summary(comparison.entries, lang))
    if not comparison.entries:
        return "\n".join(lines) + "\n"
    heads = [ui(key, lang) for key in ("diff_col_change", "diff_col_file", "col_nomor", "col_nama")]
    lines += ["", "| " + " | ".join(heads) + " |", "|---|---|---|---|"]
    for entry in comparison.entries:
        nomor = _pair(entry.old_nomor, entry.new_nomor)
        nama = _pair(entry.old_nama, entry.new_nama)
        where = _where(entry, lang, md_code)
        lines.append(f"| {kind_word(entry.kind, lang)} | {where} | {nomor} | {nama} |")
    for entry in comparison.entries:
        if entry.kind == "changed" and not entry.diff.empty:
            lines += [
                "",
                f"<details><summary>{_where(entry, lang, _html_code)}: "
                f"{html_text(describe(entry.diff, lang))}</summary>",
                "",
            ]
            shown = [line for line in entry_lines(entry, lang) if not line.startswith(" ")]
            lines += [f"- {_md(line)}" for line in shown]
            lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _pair(old: str | None, new: str | None) -> str:
    if old is not None and new is not None and old != new:
        return f"{_md(old)} → {_md(new)}"
    return _md(new or old or "")


def _md(text: str) -> str:
    """SOP text safe in a pull-request comment: no Markdown, HTML or @mention of its own."""
    return md_text(text)


def comparison_json(comparison: Comparison) -> str:
    entries = [_entry_dict(e) for e in comparison.entries]
    data = {
        "base": comparison.base,
        "base_ref": comparison.base_ref,
        "head": comparison.head or None,
        "entries": entries,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _entry_dict(entry: Entry) -> dict[str, Any]:
    data = asdict(entry)
    data.update(moved=entry.moved, renumbered=entry.renumbered, renamed=entry.renamed)
    return data


REVISION_COLUMNS = ("col_tanggal", "col_commit", "col_penulis", "col_subjek", "col_perubahan")


def revisions_markdown(path: str, revisions: Sequence[Revision], lang: str = "id") -> str:
    lines = [
        f"### {ui('riwayat_title', lang, path=md_code(path))}",
        "",
        "| " + " | ".join(ui(column, lang) for column in REVISION_COLUMNS) + " |",
        "|---|---|---|---|---|",
    ]
    for item in revisions:
        cells = [item.date.isoformat(), f"`{item.short}`", item.author, item.subject]
        cells = [_md(c) if not c.startswith("`") else c for c in cells]
        lines.append("| " + " | ".join([*cells, _md(revision_summary(item, lang))]) + " |")
    return "\n".join(lines) + "\n"


def revision_summary(item: Revision, lang: str = "id") -> str:
    if item.created:
        return ui("revision_created", lang)
    moved = ui("revision_moved", lang, path=item.old_path) if item.old_path else ""
    text = describe(item.diff, lang) if not item.diff.empty or not moved else ""
    return "; ".join(part for part in (moved, text) if part)


def revisions_json(revisions: Sequence[Revision]) -> str:
    rows = [
        {**asdict(r), "date": r.date.isoformat(), "summary": revision_summary(r)} for r in revisions
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
