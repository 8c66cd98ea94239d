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
    grouped: bool = False  # one of the shapes of a group or drawing canvas
    x: float = 0.0  # centre (EMU) from the anchor's cell, for shapes of a group or canvas
    y: float = 0.0

    @property
    def symbol(self) -> bool:
        """A step's own symbol (not an arrow, a label or an off-page connector)."""
        return self.kind in ("terminator", "process", "decision")


Transform = tuple[float, float, float, float]  # x, y of the origin; x and y scale
_IDENTITY: Transform = (0.0, 0.0, 1.0, 1.0)


def shapes_in(element: Any) -> list[Shape]:
    """Every shape below `element`, in document order."""
    return list(_walk(element, _IDENTITY, False))


def _walk(element: Any, place: Transform, grouped: bool) -> Iterator[Shape]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == qn("wps:wsp"):
            shape = _drawing_shape(child)
            if grouped:
                x, y = _centre(child.find(qn("wps:spPr")), place)
                shape = Shape(shape.kind, shape.text, shape.descr, True, x, y)
            yield shape
        elif tag.startswith("{urn:schemas-microsoft-com:vml}") and _vml_kind(child) is not None:
            yield _vml_shape(child)
        elif tag == qn("wp:anchor"):
            yield from _walk(child, _anchored(child), grouped)
        elif tag == qn("wpg:wgp"):
            yield from _walk(child, _group(child.find(qn("wpg:grpSpPr")), place), True)
        elif tag == qn("wpc:wpc"):
            yield from _walk(child, place, True)  # a canvas's shapes are placed in EMU
        else:
            yield from _walk(child, place, grouped)


def _anchored(anchor: Any) -> Transform:
    """Where a floating drawing sits, from the cell it is anchored in (offsets in EMU)."""
    offsets = []
    for axis in ("wp:positionH", "wp:positionV"):
        found = anchor.find(f"{qn(axis)}/{qn('wp:posOffset')}")
        offsets.append(_number(found.text if found is not None else None))
    return (offsets[0], offsets[1], 1.0, 1.0)


def _xfrm(props: Any) -> dict[str, tuple[float, float]]:
    xfrm = props.find(qn("a:xfrm")) if props is not None else None
    values: dict[str, tuple[float, float]] = {}
    for name, (a, b) in {
        "off": ("x", "y"),
        "ext": ("cx", "cy"),
        "chOff": ("x", "y"),
        "chExt": ("cx", "cy"),
    }.items():
        found = xfrm.find(qn(f"a:{name}")) if xfrm is not None else None
        if found is not None:
            values[name] = (_number(found.get(a)), _number(found.get(b)))
    return values


def _group(props: Any, place: Transform) -> Transform:
    """A group's own coordinates (chOff, chExt) mapped onto its box (off, ext)."""
    xfrm = _xfrm(props)
    off, ext = xfrm.get("off", (0.0, 0.0)), xfrm.get("ext", (1.0, 1.0))
    ch_off, ch_ext = xfrm.get("chOff", off), xfrm.get("chExt", ext)
    sx = ext[0] / ch_ext[0] if ch_ext[0] else 1.0
    sy = ext[1] / ch_ext[1] if ch_ext[1] else 1.0
    x0, y0, px, py = place
    return (
        x0 + px * (off[0] - ch_off[0] * sx),
        y0 + py * (off[1] - ch_off[1] * sy),
        px * sx,
        py * sy,
    )


def _centre(props: Any, place: Transform) -> tuple[float, float]:
    xfrm = _xfrm(props)
    off, ext = xfrm.get("off", (0.0, 0.0)), xfrm.get("ext", (0.0, 0.0))
    x0, y0, sx, sy = place
    return (x0 + sx * (off[0] + ext[0] / 2), y0 + sy * (off[1] + ext[1] / 2))


def _number(text: str | None) -> float:
    try:
        return float(text) if text is not None else 0.0
    except ValueError:
        return 0.0


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
