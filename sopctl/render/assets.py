"""Image files a catalog names (the office logo), read only when they are safe to embed.

A catalog may come from an untrusted pull request, and the image is embedded (base64) in the
HTML and PDF that staff print and publish. So an asset must be a regular file inside the
catalog (its real path: no `..`, no absolute path, no symlink out), at most `MAX_BYTES`, and
really a PNG, JPEG or SVG; an SVG must be self-contained: no DOCTYPE or entities, no scripts
or foreign objects, and no reference (href, `url(...)`, `@import`) other than to its own
elements or to an embedded PNG/JPEG, so that printing it never fetches a URL or reads a file.
"""

from __future__ import annotations

import base64
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from sopctl.errors import ConfigError, phrased
from sopctl.text.system import OsReason

MAX_BYTES = 2 * 1024 * 1024
_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}
_MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",)}
_LOCAL = re.compile(r"\s*(#|data:image/(png|jpeg);)", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)|@import\s+['\"]?([^'\";\s]*)", re.IGNORECASE)
_REFUSED_TAGS = {"script", "foreignobject", "iframe", "embed", "object"}


def image_uri(root: Path, key: str, name: str) -> str:
    """The image at `name` (relative to the catalog `root`) as a data: URI; `key` names the
    setting (`satker.logo`) in errors. Anything unsafe is a `ConfigError` saying why."""
    suffix = Path(name).suffix.lower().replace(".jpeg", ".jpg")
    if suffix not in _TYPES:
        raise phrased(ConfigError, "asset_kind", "asset_kind_hint", setting=key, name=name)
    data = _read_inside(root, key, name)
    if suffix == ".svg":
        _check_svg(data, key, name)
    elif not data.startswith(_MAGIC[suffix]):
        raise phrased(
            ConfigError, "asset_not_image", "asset_hint", setting=key, name=name, kind=suffix
        )
    return f"data:{_TYPES[suffix]};base64,{base64.b64encode(data).decode('ascii')}"


def _read_inside(root: Path, key: str, name: str) -> bytes:
    real_root = os.path.realpath(root)
    target = os.path.realpath(os.path.join(real_root, name))
    if Path(name).is_absolute() or not target.startswith(os.path.join(real_root, "")):
        raise phrased(ConfigError, "asset_outside", "asset_hint", setting=key, name=name)
    try:
        with open(target, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise phrased(ConfigError, "asset_outside", "asset_hint", setting=key, name=name)
            if info.st_size > MAX_BYTES:
                raise phrased(
                    ConfigError,
                    "asset_too_large",
                    "asset_hint",
                    key=key,
                    name=name,
                    size=info.st_size,
                    limit=MAX_BYTES,
                )
            return handle.read(MAX_BYTES + 1)[:MAX_BYTES]
    except OSError as exc:
        raise phrased(
            ConfigError,
            "asset_unreadable",
            "asset_hint",
            setting=key,
            name=name,
            error=OsReason(exc),
        ) from exc


def _check_svg(data: bytes, key: str, name: str) -> None:
    """Refuse an SVG that is not plain, self-contained XML."""
    import xml.etree.ElementTree as ElementTree

    def refuse(ref: str) -> ConfigError:
        return phrased(
            ConfigError, "asset_svg_external", "asset_hint", setting=key, name=name, ref=ref
        )

    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise refuse("<!DOCTYPE>")
    try:
        tree = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise phrased(
            ConfigError, "asset_not_image", "asset_hint", setting=key, name=name, kind=".svg"
        ) from exc
    for element in tree.iter():
        tag = str(element.tag).rsplit("}", 1)[-1].lower()
        if tag in _REFUSED_TAGS:
            raise refuse(f"<{tag}>")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local == "href" and not _LOCAL.match(value):
                raise refuse(value[:80])
            if local.startswith("on"):
                raise refuse(f"{local}=")
            _check_css(value, refuse)
        _check_css(element.text or "", refuse)


def _check_css(text: str, refuse: Callable[[str], ConfigError]) -> None:
    """Refuse `url(...)` other than to the SVG's own elements, and every `@import`."""
    for match in _URL.finditer(text):
        imported = match.group(2) is not None
        ref = match.group(2) if imported else match.group(1)
        if imported or not _LOCAL.match(ref):
            raise refuse(ref[:80])
