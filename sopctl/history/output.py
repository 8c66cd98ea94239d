"""Readable forms of changes: `sopctl diff` as text, Markdown (a pull-request comment) or JSON,
and `sopctl riwayat` as Markdown or JSON. Labels are in Bahasa Indonesia."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from sopctl.history.compare import Entry, FieldChange, SopDiff, StepChange
from sopctl.history.revisions import Revision
from sopctl.history.snapshot import Comparison
from sopctl.text.escape import html_text, md_code, md_text

KIND = {"added": "ditambahkan", "removed": "dihapus", "changed": "diubah", "moved": "dipindah"}
WORKING_TREE = "pohon kerja"


def sides(comparison: Comparison) -> str:
    head = comparison.head or WORKING_TREE
    return f"{comparison.base} (titik cabang dari {comparison.base_ref}) → {head}"


def summary(entries: Sequence[Entry]) -> str:
    """'3 SOP berubah: 1 ditambahkan, …' or that nothing changed."""
    if not entries:
        return "Tidak ada SOP yang berubah."
    counts = {kind: sum(1 for e in entries if e.kind == kind) for kind in KIND if kind != "moved"}
    text = f"{len(entries)} SOP berubah: " + ", ".join(
        f"{n} {KIND[k]}" for k, n in counts.items() if n
    )
    notes = [
        (sum(e.renumbered for e in entries), "dinomori ulang"),
        (sum(e.renamed for e in entries), "berganti nama"),
        (sum(e.moved for e in entries), "berkasnya dipindah"),
    ]
    shown = [f"{n} {label}" for n, label in notes if n]
    return text + (f" ({', '.join(shown)})" if shown else "")


def to_text(comparison: Comparison) -> str:
    lines = [f"Perubahan SOP: {sides(comparison)}", summary(comparison.entries)]
    for entry in comparison.entries:
        lines += ["", f"{_mark(entry)} {_where(entry)}"]
        lines += [f"    {line}" for line in entry_lines(entry)]
    return "\n".join(lines)


def _mark(entry: Entry) -> str:
    return {"added": "+", "removed": "-", "changed": "~"}[entry.kind]


def _where(entry: Entry) -> str:
    if entry.moved:
        return f"{entry.new_path} (dahulu {entry.old_path})"
    return entry.new_path or entry.old_path or ""


def entry_lines(entry: Entry) -> list[str]:
    """What happened to one SOP, one line per change."""
    if entry.kind != "changed":
        nomor = entry.new_nomor or entry.old_nomor or "tanpa nomor"
        nama = entry.new_nama or entry.old_nama or "tanpa nama"
        return [f"{KIND[entry.kind]}: {nomor} · {nama}"]
    lines = [f"{_field(c)}" for c in entry.diff.fields]
    return lines + [line for step in entry.diff.steps for line in step_lines(step)]


def _field(change: FieldChange) -> str:
    if change.old is None:
        return f"{change.key}: + {change.new}"
    if change.new is None:
        return f"{change.key}: − {change.old}"
    return f"{change.key}: {change.old} → {change.new}"


def step_lines(step: StepChange) -> list[str]:
    if step.kind == "added":
        return [f"langkah {step.new} ditambahkan: {step.kegiatan}"]
    if step.kind == "removed":
        return [f"langkah {step.old} (lama) dihapus: {step.kegiatan}"]
    moved = f" (dahulu langkah {step.old})" if step.old != step.new else ""
    head = f"langkah {step.new} {KIND[step.kind]}{moved}: {step.kegiatan}"
    return [head] + [f"    {_field(c)}" for c in step.fields]


def describe(diff: SopDiff) -> str:
    """One line for a table: the fields and the steps that changed."""
    parts = []
    keys = list(dict.fromkeys(c.key for c in diff.fields))
    if keys:
        parts.append("diubah: " + ", ".join(keys))
    for kind in ("changed", "added", "removed", "moved"):
        numbers = [str(s.new if kind != "removed" else s.old) for s in diff.steps if s.kind == kind]
        if numbers:
            parts.append(f"langkah {', '.join(numbers)} {KIND[kind]}")
    return "; ".join(parts) or "tanpa perubahan isi"


def to_markdown(comparison: Comparison) -> str:
    """A pull-request comment: a summary table, then the details of each SOP."""
    lines = ["### Perubahan SOP", "", f"{_md(sides(comparison))}", "", summary(comparison.entries)]
    if not comparison.entries:
        return "\n".join(lines) + "\n"
    lines += ["", "| Perubahan | Berkas | Nomor | Nama SOP |", "|---|---|---|---|"]
    for entry in comparison.entries:
        nomor = _pair(entry.old_nomor, entry.new_nomor)
        nama = _pair(entry.old_nama, entry.new_nama)
        lines.append(f"| {KIND[entry.kind]} | {md_code(_where(entry))} | {nomor} | {nama} |")
    for entry in comparison.entries:
        if entry.kind == "changed" and not entry.diff.empty:
            lines += [
                "",
                f"<details><summary><code>{html_text(_where(entry))}</code>: "
                f"{html_text(describe(entry.diff))}</summary>",
                "",
            ]
            lines += [f"- {_md(line)}" for line in entry_lines(entry) if not line.startswith(" ")]
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


def revisions_markdown(path: str, revisions: Sequence[Revision]) -> str:
    lines = [
        f"### Riwayat Revisi {md_code(path)}",
        "",
        "| Tanggal | Commit | Penulis | Subjek | Perubahan |",
        "|---|---|---|---|---|",
    ]
    for item in revisions:
        cells = [item.date.isoformat(), f"`{item.short}`", item.author, item.subject]
        cells = [_md(c) if not c.startswith("`") else c for c in cells]
        lines.append("| " + " | ".join([*cells, _md(revision_summary(item))]) + " |")
    return "\n".join(lines) + "\n"


def revision_summary(item: Revision) -> str:
    if item.created:
        return "dibuat"
    moved = f"berkas dipindah dari {item.old_path}" if item.old_path else ""
    text = describe(item.diff) if not item.diff.empty or not moved else ""
    return "; ".join(part for part in (moved, text) if part)


def revisions_json(revisions: Sequence[Revision]) -> str:
    rows = [
        {**asdict(r), "date": r.date.isoformat(), "summary": revision_summary(r)} for r in revisions
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)
