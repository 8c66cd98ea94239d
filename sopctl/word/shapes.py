"""Flowchart shapes found in a table cell: DrawingML `wps:wsp` and VML, told apart by kind.

The kind comes from the preset geometry (`flowChartTerminator`, `rect`, `flowChartDecision`,
...) or the VML shape type; the text is what the shape itself holds, and `descr` its alt text.
Markup inside `mc:Fallback` is skipped: it repeats the `mc:Choice` shape for older readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sopctl.word.ooxml import paragraph_text, qn

Kind = str  # terminator, process, decision, offpage, connector, label, other

_PRESETS: dict[str, Kind] = {
    "flowChartTerminator": "terminator",
    "roundRect": "terminator",
    "ellipse": "terminator",
    "flowChartAlternateProcess": "terminator",
    "flowChartProcess": "process",
    "rect": "process",
    "flowChartPredefinedProcess": "process",
    "flowChartDocument": "process",
    "flowChartDecision": "decision",
    "diamond": "decision",
    "flowChartOffpageConnector": "offpage",
    "homePlate": "offpage",
    "pentagon": "offpage",
    "flowChartConnector": "offpage",
}
_VML_TYPES: dict[str, Kind] = {  # o:spt numbers of the VML shape types
    "116": "terminator",
    "176": "terminator",
    "109": "process",
    "112": "process",
    "114": "process",
    "110": "decision",
    "4": "decision",
    "177": "offpage",
    "120": "offpage",
    "32": "connector",
    "33": "connector",
    "34": "connector",
    "20": "connector",
    "202": "label",
}
_VML_TAGS: dict[str, Kind] = {
    "rect": "process",
    "roundrect": "terminator",
    "oval": "terminator",
    "line": "connector",
    "polyline": "connector",
    "curve": "connector",
}
_LABEL = re.compile(r"^\s*(ya|tidak|yes|no|y|t)\b", re.IGNORECASE)
_SKIP = {qn("mc:Fallback")}


@dataclass(frozen=True)
class Shape:
    kind: Kind
    text: str
    descr: str

    @property
    def symbol(self) -> bool:
        """A step's own symbol (not an arrow, a label or an off-page connector)."""
        return self.kind in ("terminator", "process", "decision")


def shapes_in(element: Any) -> list[Shape]:
    """Every shape below `element`, in document order."""
    return list(_walk(element))


def _walk(element: Any) -> Iterator[Shape]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == qn("wps:wsp"):
            yield _drawing_shape(child)
        elif tag.startswith("{urn:schemas-microsoft-com:vml}") and _vml_kind(child) is not None:
            yield _vml_shape(child)
        else:
            yield from _walk(child)


def _drawing_shape(wsp: Any) -> Shape:
    text = shape_text(wsp.find(qn("wps:txbx")))
    descr = _descr(wsp)
    geometry = wsp.find(f"{qn('wps:spPr')}/{qn('a:prstGeom')}")
    preset = geometry.get("prst", "") if geometry is not None else ""
    if wsp.find(qn("wps:cNvCnPr")) is not None or "onnector" in preset or preset == "line":
        return Shape("connector", text, descr)
    kind = _PRESETS.get(preset) or ("process" if preset.startswith("flowChart") else "other")
    text_box = wsp.find(qn("wps:cNvSpPr"))
    is_box = text_box is not None and text_box.get("txBox") in ("1", "true")
    if _LABEL.match(text) and (is_box or _no_fill(wsp) or len(text) <= 12):
        return Shape("label", text, descr)
    return Shape(kind, text, descr)


def _no_fill(wsp: Any) -> bool:
    return wsp.find(f"{qn('wps:spPr')}/{qn('a:noFill')}") is not None


def _descr(wsp: Any) -> str:
    own = wsp.find(qn("wps:cNvPr"))
    if own is not None and own.get("descr"):
        return str(own.get("descr"))
    node = wsp.getparent()
    while node is not None and node.tag not in (qn("wp:anchor"), qn("wp:inline")):
        node = node.getparent()
    doc_pr = node.find(qn("wp:docPr")) if node is not None else None
    return str(doc_pr.get("descr", "")) if doc_pr is not None else ""


def _vml_kind(element: Any) -> Kind | None:
    local = element.tag.rsplit("}", 1)[1]
    if local == "shape":
        number = element.get(qn("o:spt")) or element.get("type", "").rpartition("_t")[2]
        return _VML_TYPES.get(number, "process" if number else "other")
    return _VML_TAGS.get(local)


def _vml_shape(element: Any) -> Shape:
    kind = _vml_kind(element) or "other"
    text = shape_text(element.find(qn("v:textbox")))
    descr = str(element.get("alt", ""))
    if kind != "connector" and _LABEL.match(text) and len(text) <= 12:
        kind = "label"
    return Shape(kind, text, descr)


def shape_text(element: Any) -> str:
    """The text inside a shape's text box, paragraphs joined by spaces."""
    if element is None:
        return ""
    return " ".join(text for text in map(paragraph_text, element.iter(qn("w:p"))) if text)
