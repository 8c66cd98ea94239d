"""The one place Jinja is set up: a catalog's own templates first, then the built-in ones.

A catalog's `templates/` folder may come from an untrusted pull request, so templates run in
Jinja's `SandboxedEnvironment` (no attribute walks to Python internals such as
`cycler.__init__.__globals__`), and are loaded only from files that really lie inside the
catalog or the package (a symlink out, reached by name or by `{% include %}`, is refused).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopctl.errors import UsageError, phrased
from sopctl.resources import builtin_dir
from sopctl.sop.dates import tanggal

if TYPE_CHECKING:
    import jinja2

    from sopctl.catalog.folder import Catalog


def clause(text: str) -> str:
    """A Menimbang or Mengingat item as a decree writes it: ending with a semicolon."""
    text = text.rstrip()
    return text if text.endswith((";", ".", ":")) else f"{text};"


def environment(
    catalog: Catalog | None, *, html: bool, own: Path | None = None
) -> jinja2.Environment:
    """Templates by file name: the catalog's `templates/` folder overrides the built-in one.

    `own` is a folder of a tool's own pages (`sopctl serve`), looked in first, so a catalog
    cannot replace them. Undefined names are errors, never empty text; HTML output is
    autoescaped; a template that fails (syntax, undefined name, a refused attribute) is a
    clear error naming it.
    """
    import jinja2  # lazily: most commands never render
    import markupsafe
    from jinja2.sandbox import SandboxedEnvironment

    from sopctl.render.typeface import font_face_css

    folders = [(own, own)] if own is not None else []
    if catalog is not None and catalog.templates:
        folders.append((catalog.templates, catalog.root))
    builtin = builtin_dir("templates")
    folders.append((builtin, builtin))

    class _Environment(SandboxedEnvironment):
        def handle_exception(self, source: str | None = None) -> Any:
            error = sys.exc_info()[1]
            if isinstance(error, jinja2.TemplateError) and not isinstance(error, UsageError):
                raise _failed(error) from error
            return super().handle_exception(source)

    env = _Environment(
        loader=jinja2.ChoiceLoader([_confined(jinja2, f, within) for f, within in folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tanggal"] = tanggal  # dates as Indonesian documents write them
    env.filters["klausa"] = clause
    # the bundled fonts as @font-face rules, for print.css (our own files, never the catalog's)
    env.globals["font_faces"] = markupsafe.Markup(font_face_css()) if html else ""
    return env


def _confined(jinja2: Any, folder: Path, within: Path) -> jinja2.BaseLoader:
    """A loader of `folder` that refuses a template whose real path is not below `within`."""
    from jinja2.loaders import split_template_path

    limit = os.path.join(os.path.realpath(within), "")

    class _Loader(jinja2.FileSystemLoader):  # type: ignore[misc]
        def get_source(
            self, environment: jinja2.Environment, template: str
        ) -> tuple[str, str, Callable[[], bool]]:
            candidate = os.path.join(folder, *split_template_path(template))
            if os.path.lexists(candidate):
                target = os.path.realpath(candidate)
                if not target.startswith(limit) or not os.path.isfile(target):
                    raise phrased(
                        UsageError,
                        "template_outside",
                        "template_hint",
                        name=template,
                        target=target,
                    )
            found: tuple[str, str, Callable[[], bool]] = super().get_source(environment, template)
            return found

    return _Loader(folder)


def _failed(error: jinja2.TemplateError) -> UsageError:
    """The error naming the template and line it happened at (a syntax error says so; for
    errors while rendering, the innermost template frame of the traceback does)."""
    name = getattr(error, "name", None) or getattr(error, "filename", None)
    line = getattr(error, "lineno", None)
    trace = error.__traceback__
    while trace is not None:
        template = trace.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            name, line = template.name, template.get_corresponding_lineno(trace.tb_lineno)
        trace = trace.tb_next
    where = f"{name or '?'}:{line}" if line else str(name or "?")
    said = error.message or str(error)
    return phrased(UsageError, "template_failed", "template_hint", name=where, error=said)
