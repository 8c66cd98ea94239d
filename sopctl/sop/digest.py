"""The content digest of an SOP: which version of it a printout shows (not a signature)."""

from __future__ import annotations

import hashlib
import json
import re

from sopctl.sop.model import Sop

RECORDS = {"monitoring", "evaluasi"}  # records are kept beside the SOP, never printed on it
DIGEST = re.compile(r"\b([0-9a-f]{16})\b")
PREFIX = "SOP-AP"


def content_digest(sop: Sop) -> str:
    """16 hex digits of SHA-256 over what the printed SOP shows, in a canonical form: the
    same SOP written in another layout or key order has the same digest."""
    data = sop.model_dump(mode="json", exclude=RECORDS, exclude_defaults=True)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def payload(sop: Sop) -> str:
    """What the QR code on a printed SOP says: the number and the digest."""
    return f"{PREFIX} {sop.nomor or '-'} {content_digest(sop)}"


def qr_svg(sop: Sop) -> str:
    """The QR code of `payload` as inline SVG (no script, no external reference)."""
    import segno

    code = segno.make(payload(sop), error="m")
    return str(code.svg_inline(scale=2, border=0, dark="#000", omitsize=False))
