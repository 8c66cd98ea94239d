"""The flowchart as Word shapes: DrawingML `wps:wsp` symbols (terminator, process, decision),
arrows, labels and off-page connectors, each anchored in a table cell of the procedure.

Geometry comes from the chart layout in CSS pixels; a shape is placed relative to the cell it
is anchored in, so Word keeps it in the row and column the step belongs to.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from sopctl.render.chart.layout import Box

EMU_PER_PX = 9525
PRESETS = {
    "mulai": "flowChartTerminator",
    "selesai": "flowChartTerminator",
    "proses": "flowChartProcess",
    "keputusan": "flowChartDecision",
}
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
_LINE = '<a:ln w="15240"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
_WHITE = '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'


class Shapes:
    """Makes the runs (`w:r` XML) of shapes; ids are unique within one document."""

    def __init__(self) -> None:
        self._ids = itertools.count(1000)

    def symbol(self, kind: str, box: Box, name: str, descr: str) -> str:
        """A step's symbol; `descr` (alt text) says what it is and where its exits go."""
        geometry = f'<a:prstGeom prst="{PRESETS[kind]}"><a:avLst/></a:prstGeom>'
        return self._run(box, geometry + _WHITE + _LINE, name, descr)

    def connector(self, number: int, box: Box, incoming: bool) -> str:
        """The off-page connector (a pentagon pointing down) with its number."""
        geometry = '<a:prstGeom prst="flowChartOffpageConnector"><a:avLst/></a:prstGeom>'
        name = f"Penghubung {number} ({'masuk' if incoming else 'keluar'})"
        return self._run(box, geometry + _WHITE + _LINE, name, name, text=str(number), size=14)

    def arrow(self, points: Sequence[tuple[float, float]], origin: tuple[float, float]) -> str:
        """A polyline with an arrowhead at its last point; `origin` is the cell's corner."""
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        box = Box(min(xs) - origin[0], min(ys) - origin[1], max(xs) - min(xs), max(ys) - min(ys))
        w, h = max(box.w, 1.0), max(box.h, 1.0)
        path = "".join(
            f'<a:{"moveTo" if i == 0 else "lnTo"}><a:pt x="{_emu(x - min(xs))}" '
            f'y="{_emu(y - min(ys))}"/></a:{"moveTo" if i == 0 else "lnTo"}>'
            for i, (x, y) in enumerate(points)
        )
        geometry = (
            "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>"
            '<a:rect l="0" t="0" r="r" b="b"/>'
            f'<a:pathLst><a:path w="{_emu(w)}" h="{_emu(h)}">{path}</a:path></a:pathLst>'
            "</a:custGeom><a:noFill/>"
            '<a:ln w="15240"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            '<a:tailEnd type="triangle" w="med" len="med"/></a:ln>'
        )
        return self._run(Box(box.x, box.y, w, h), geometry, "Panah", "", line=True)

    def label(self, text: str, x: float, y: float, anchor: str) -> str:
        """`Ya` or `Tidak` beside an arrow; (x, y) is the text's baseline start (or end)."""
        width, height = len(text) * 5.0 + 6.0, 11.0  # italic 6.5 pt, with room to spare
        left = x - width if anchor == "end" else x
        box = Box(left, y - 9.0, width, height)
        body = _WHITE + "<a:ln><a:noFill/></a:ln>"  # a white ground: no border cuts the word
        geometry = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>' + body
        align = "right" if anchor == "end" else "left"
        return self._run(
            box, geometry, f"Label {text}", "", text=text, size=13, align=align, text_box=True
        )

    def _run(
        self,
        box: Box,
        properties: str,
        name: str,
        descr: str,
        *,
        text: str = "",
        size: int = 0,
        align: str = "center",
        line: bool = False,
        text_box: bool = False,
    ) -> str:
        number = next(self._ids)
        marker = (
            "<wps:cNvCnPr/>"
            if line
            else ('<wps:cNvSpPr txBox="1"/>' if text_box else "<wps:cNvSpPr/>")
        )
        body = _text_box(text, size, align, italic=text_box) if text else ""
        wsp = (
            f"<wps:wsp>{marker}<wps:spPr>"
            f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{_emu(box.w)}" cy="{_emu(box.h)}"/></a:xfrm>'
            f"{properties}</wps:spPr>{body}"
            '<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr">'
            "<a:noAutofit/></wps:bodyPr>"
            "</wps:wsp>"
        )
        anchor = (
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            f'relativeHeight="{number}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{_emu(box.x)}</wp:posOffset>'
            "</wp:positionH>"
            f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{_emu(box.y)}</wp:posOffset>'
            "</wp:positionV>"
            f'<wp:extent cx="{_emu(box.w)}" cy="{_emu(box.h)}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            f"<wp:docPr id={quoteattr(str(number))} name={quoteattr(name)} "
            f"descr={quoteattr(descr)}/>"
            "<wp:cNvGraphicFramePr/><a:graphic>"
            '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f"{wsp}</a:graphicData></a:graphic></wp:anchor>"
        )
        return f"<w:r {NAMESPACES}><w:drawing>{anchor}</w:drawing></w:r>"


def _text_box(text: str, half_points: int, align: str, italic: bool) -> str:
    jc = {"center": "center", "left": "left", "right": "right"}[align]
    style = "<w:i/>" if italic else ""
    return (
        '<wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:before="0" w:after="0" '
        f'w:line="240" w:lineRule="auto"/><w:jc w:val="{jc}"/></w:pPr><w:r><w:rPr>{style}'
        f'<w:sz w:val="{half_points}"/></w:rPr><w:t>{escape(text)}</w:t></w:r></w:p>'
        "</w:txbxContent></wps:txbx>"
    )


def _emu(px: float) -> int:
    return round(px * EMU_PER_PX)
