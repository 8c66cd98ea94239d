"""The one place Jinja is set up: a catalog's own templates first, then the built-in ones."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sopctl.resources import builtin_dir

if TYPE_CHECKING:
    import jinja2

    from sopctl.catalog.folder import Catalog


def environment(
    catalog: Catalog | None, *, html: bool, own: Path | None = None
) -> jinja2.Environment:
    """Templates by file name: the catalog's `templates/` folder overrides the built-in one.

    `own` is a folder of a tool's own pages (`sopctl serve`), looked in first, so a catalog
    cannot replace them. Undefined names are errors, never empty text; HTML output is
    autoescaped.
    """
    import jinja2  # lazily: most commands never render
    import markupsafe

    from sopctl.render.typeface import font_face_css

    folders = [own] if own is not None else []
    folders += [catalog.templates] if catalog is not None and catalog.templates else []
    folders.append(builtin_dir("templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(f) for f in folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # the bundled fonts as @font-face rules, for print.css (our own files, never the catalog's)
    env.globals["font_faces"] = markupsafe.Markup(font_face_css()) if html else ""
    return env
