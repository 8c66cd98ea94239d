"""Namespaces of WordprocessingML, DrawingML and VML, qualified names, and visible text."""

from __future__ import annotations

from typing import Any

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
}


def qn(name: str) -> str:
    """`w:tc` -> `{http://...}tc`."""
    prefix, _, local = name.partition(":")
    return f"{{{NS[prefix]}}}{local}"


_OPAQUE = {qn(name) for name in ("w:drawing", "w:pict", "mc:AlternateContent", "w:object")}
_BREAKS = {qn("w:tab"): " ", qn("w:br"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}


def paragraph_text(p: Any) -> str:
    """The visible text of a paragraph, without the text of shapes anchored in it."""
    parts: list[str] = []
    _collect(p, parts)
    return " ".join("".join(parts).split())


def _collect(element: Any, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _OPAQUE:
            continue
        if tag == qn("w:t"):
            parts.append(child.text or "")
        elif tag in _BREAKS:
            parts.append(_BREAKS[tag])
        else:
            _collect(child, parts)
