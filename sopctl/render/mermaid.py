"""The procedure as a Mermaid flowchart, which GitHub draws inside Markdown."""

from __future__ import annotations

from sopctl.sop.flow import all_exits, symbol
from sopctl.sop.model import Sop

_SHAPES = {
    "mulai": ('(["', '"])'),
    "selesai": ('(["', '"])'),
    "proses": ('["', '"]'),
    "keputusan": ('{"', '"}'),
}
# Mermaid's own entity codes: inside a quoted label these print as the character itself.
_ENTITIES = {"&": "#38;", '"': "#34;", "<": "#60;", ">": "#62;", "#": "#35;"}


def flowchart(sop: Sop) -> str:
    """`flowchart TD` with one node per step (number, activity, actor) and labelled exits."""
    actors = {actor.id: actor.nama for actor in sop.pelaksana}
    lines = ["flowchart TD"]
    for number, step in enumerate(sop.langkah, start=1):
        opening, closing = _SHAPES[symbol(sop.langkah, number)]
        text = f"{number}. {label(step.kegiatan)}<br><i>{label(actors.get(step.pelaksana, ''))}</i>"
        lines.append(f"    s{number}{opening}{text}{closing}")
    for edge in all_exits(sop.langkah):
        arrow = f"-->|{edge.label}|" if edge.label else "-->"
        lines.append(f"    s{edge.source} {arrow} s{edge.target}")
    return "\n".join(lines)


def label(text: str) -> str:
    """Text made safe inside a quoted Mermaid label (one line)."""
    escaped = "".join(_ENTITIES.get(char, char) for char in text)
    return " ".join(escaped.split())
