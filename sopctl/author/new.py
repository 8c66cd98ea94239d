"""`new`: a draft SOP from the `new.yaml.j2` template, with the next free number.

The answers (title, unit, area, type, actors) are checked here, one function per answer, so the
command line can ask again with the reason on a terminal and stop with it in a script.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sopctl.author.numbering import assign_number
from sopctl.catalog.folder import Catalog, sop_files
from sopctl.catalog.names import normalize, resolve_unit
from sopctl.errors import ConfigError, UsageError
from sopctl.resources import builtin_dir
from sopctl.sop.canonical import reads_plain
from sopctl.sop.model import Sop
from sopctl.sop.yamlio import parse_text, read_file, write_atomic
from sopctl.text.phrases import Phrase, phrase
from sopctl.text.system import Foreign

TEMPLATE = "new.yaml.j2"
SCHEMA = Path("schemas") / "sop.schema.json"
JENIS = ("teknis", "administratif")
_ACTOR_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class Actor:
    id: str
    nama: str


@dataclass(frozen=True)
class Request:
    """What the author asked for, checked: ids are configured ids."""

    nama: str
    unit: str
    area: str
    jenis: str | None
    pelaksana: tuple[Actor, ...]


@dataclass(frozen=True)
class Draft:
    """The SOP `new` would write: where, and the text."""

    path: Path
    nomor: str
    text: str
    schema: Path  # the schema its modeline names; `sopctl new` writes it when missing


def check_title(catalog: Catalog, unit: str, title: str) -> str:
    """A non-empty title not yet used by an SOP of the same unit (lint's K005)."""
    title = clean_title(title)
    for path in sop_files(catalog.root):
        data = read_file(path).data
        if not isinstance(data, dict) or not isinstance(data.get("nama"), str):
            continue
        same_unit = resolve_unit(catalog.config, str(data.get("unit", ""))) == unit
        if same_unit and normalize(data["nama"]) == normalize(title):
            shown = catalog.relative(path)
            raise UsageError(phrase("new_title_taken", title=title, path=shown))
    return title


def clean_title(title: str) -> str:
    """The title with its spaces tidied; an empty one is refused."""
    title = " ".join(title.split())
    if not title:
        raise UsageError(phrase("new_title_empty"))
    return title


def check_jenis(value: str) -> str | None:
    """`teknis`, `administratif`, or nothing."""
    value = value.strip().lower()
    if value and value not in JENIS:
        raise UsageError(phrase("new_jenis_unknown", value=value, choices=", ".join(JENIS)))
    return value or None


def check_actor(value: str, taken: Sequence[Actor]) -> Actor:
    """`Nama Jabatan` or `id=Nama Jabatan`; the id is made from the name when not given."""
    given, _, name = value.partition("=") if "=" in value else ("", "", value)
    name = " ".join(name.split())
    actor_id = given.strip() or slug(name)
    if not name or not _ACTOR_ID.match(actor_id):
        raise UsageError(phrase("new_actor_invalid", value=value))
    if any(actor.id == actor_id for actor in taken):
        raise UsageError(phrase("new_actor_taken", id=actor_id))
    return Actor(actor_id, name)


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe form of a title: ascii, lower case, words joined by `-`."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", " ", folded.lower()).split()
    result = ""
    for word in words:
        if result and len(result) + 1 + len(word) > limit:
            break
        result = f"{result}-{word}" if result else word[:limit]
    return result


def build(catalog: Catalog, request: Request, today: dt.date) -> Draft:
    """The draft for `request`: path `<catalog>/<unit>/<slug>.yaml`, number and text."""
    path = catalog.root / request.unit / f"{slug(request.nama) or 'sop'}.yaml"
    if path.exists():
        raise UsageError(phrase("new_exists", path=catalog.relative(path)))
    nomor = assign_number(catalog, request.unit, today)
    schema = schema_file(catalog)
    link = Path(os.path.relpath(schema, path.parent.resolve())).as_posix()
    return Draft(path, nomor, render(catalog, request, nomor, today, link), schema)


def render(catalog: Catalog, request: Request, nomor: str, today: dt.date, schema: str) -> str:
    """The template filled in; a template that does not yield a valid SOP is a ConfigError."""
    units = {u.id: u.nama for u in catalog.config.units}
    areas = {a.id: a.nama for a in catalog.config.areas}
    text = render_template(
        catalog,
        TEMPLATE,
        request=request,
        nomor=nomor,
        today=today.isoformat(),
        schema=schema,
        unit_nama=units[request.unit],
        area_nama=areas[request.area],
    )
    _check_rendered(catalog, text, TEMPLATE)
    return text


def render_template(catalog: Catalog, template: str, **context: object) -> str:
    """An SOP file's text from a YAML template (the catalog's own first), values written by
    the `yaml` filter; a template error or text that is not YAML is a ConfigError."""
    import jinja2

    from sopctl.render.templating import environment

    env = environment(catalog, html=False)
    env.filters["yaml"] = yaml_scalar
    try:
        text = env.get_template(template).render(**context)
    except jinja2.TemplateError as exc:
        raise ConfigError(
            phrase("new_template", template=template, detail=exc),
            hint=_template_hint(catalog, template),
        ) from exc
    doc = parse_text(text)
    if doc.problems:
        first = doc.problems[0]
        raise ConfigError(
            phrase(
                "new_template",
                template=template,
                detail=Foreign(f"{first.line}:{first.column}: {first.detail}"),
            ),
            hint=_template_hint(catalog, template),
        )
    return text


def write_new(path: Path, text: str) -> None:
    """Write a new SOP file in one step; an existing file is never replaced."""
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)


def _check_rendered(catalog: Catalog, text: str, template: str) -> None:
    try:
        Sop.model_validate(parse_text(text).data)
    except ValueError as exc:
        problem = str(exc).splitlines()[0]
        raise ConfigError(
            phrase("new_template", template=template, detail=Foreign(problem)),
            hint=_template_hint(catalog, template),
        ) from exc


def _template_hint(catalog: Catalog, template: str) -> Phrase:
    folder = catalog.templates or builtin_dir("templates")
    return phrase("new_template_hint", path=(folder / template).as_posix())


def yaml_scalar(value: object) -> str:
    """A value written so YAML reads it back unchanged: plain when it can be, else quoted.

    The same rule as `fmt`, so a new file is already in canonical layout.
    """
    text = str(value)
    if reads_plain(text):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def schema_file(catalog: Catalog) -> Path:
    """The nearest `schemas/sop.schema.json` at or above the catalog root (a repository may
    hold several catalogs and one schema folder); else the catalog's own, still to be written
    (where `sopctl schema` writes inside the catalog)."""
    root = catalog.root.resolve()
    for candidate in (root, *root.parents):
        if (candidate / SCHEMA).is_file():
            return candidate / SCHEMA
    return root / SCHEMA
