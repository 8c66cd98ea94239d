"""From what a Word SOP says to SOP data: values checked against the catalog (units and
numbers through its aliases and number template), and every gap an `<isi ...>` placeholder.

Nothing is guessed silently: where a value had to be assumed so the file stays a valid SOP (a
decision's exits, a step's actor), the assumption is written and a placeholder beside it asks a
person to confirm it; `Imported.notes` lists each for the summary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sopctl.author.new import slug
from sopctl.author.numbering import template_regex
from sopctl.catalog.folder import Catalog
from sopctl.catalog.names import normalize, resolve_area, resolve_unit
from sopctl.errors import ConfigError
from sopctl.sop.flow import parse_waktu
from sopctl.word import values
from sopctl.word.reading import RawSop, RawStep

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_META = re.compile(r"(\w+)=([^;]*)")


@dataclass(frozen=True)
class Hints:
    """What the user gave on the command line, and what the catalog already knows."""

    unit: str | None = None  # a checked unit id
    area: str | None = None  # a checked area id
    titles: dict[str, str] = field(default_factory=dict)  # normalized title -> nomor


@dataclass
class Imported:
    """One SOP ready for the YAML template, and what a person still has to do."""

    data: dict[str, Any]
    unit_id: str | None
    notes: list[str] = field(default_factory=list)  # phrase keys (text/phrases.py)
    unread_links: list[str] = field(default_factory=list)


def to_sop(raw: RawSop, catalog: Catalog, hints: Hints, keywords: str) -> Imported:
    """The SOP data of `raw`, in the model's key order."""
    meta = _metadata(keywords)
    out = Imported({}, None)
    ident = raw.identity
    nomor = values.tidy_nomor(" ".join(ident.get("nomor", ())))
    nomor = "" if nomor.lower() in values.EMPTY else nomor
    nama = " ".join(" ".join(ident.get("nama", ())).split())
    out.unit_id = _unit(catalog, hints, meta, raw.kop, nomor)
    area = hints.area or resolve_area(catalog.config, meta.get("area_rb", ""))
    data = out.data
    data["nomor"] = nomor or _hole(out, "impor_note_nomor", "<isi nomor SOP>")
    data["nama"] = nama or _hole(out, "impor_note_nama", "<isi nama SOP>")
    data["unit"] = out.unit_id or _hole(out, "impor_note_unit", "<isi id unit>")
    data["area_rb"] = area or _hole(out, "impor_note_area", "<isi id area RB>")
    if meta.get("jenis") in ("teknis", "administratif"):
        data["jenis"] = meta["jenis"]
    if meta.get("proses_bisnis"):
        data["proses_bisnis"] = meta["proses_bisnis"]
    data["status"] = "draf"
    data["tanggal"] = _dates(out, ident)
    signer = values.read_signer(ident.get("disahkan", ()))
    if signer is not None:
        data["disahkan_oleh"] = _signer(out, signer)
    for key, name in (("dasar_hukum", "dasar_hukum"), ("kualifikasi", "kualifikasi_pelaksana")):
        if found := values.items(ident.get(key, ())):
            data[name] = found
    if links := _links(out, ident.get("keterkaitan", ()), hints):
        data["keterkaitan"] = links
    for key, name in (("peralatan", "peralatan"), ("peringatan", "peringatan")):
        if found := values.items(ident.get(key, ())):
            data[name] = found[0] if name == "peringatan" and len(found) == 1 else found
    if found := values.items(ident.get("pencatatan", ())):
        data["pencatatan"] = found
    data["pelaksana"] = _actors(raw.actors, meta)
    data["langkah"] = _steps(out, raw.steps, [a["id"] for a in data["pelaksana"]])
    data["status"] = meta.get("status") if meta.get("status") in _STATUSES else _status(data)
    return out


_STATUSES = ("draf", "ditetapkan", "dicabut")


def _hole(out: Imported, note: str, placeholder: str) -> str:
    out.notes.append(note)
    return placeholder


def _metadata(keywords: str) -> dict[str, str]:
    """`sopctl; unit=sdm; area_rb=...` as sopctl writes it in the document's keywords."""
    if not keywords.startswith("sopctl"):
        return {}
    return {key: value.strip() for key, value in _META.findall(keywords)}


def _unit(
    catalog: Catalog, hints: Hints, meta: dict[str, str], kop: tuple[str, ...], nomor: str
) -> str | None:
    if hints.unit:
        return hints.unit
    config = catalog.config
    for text in (meta.get("unit", ""), *reversed(kop)):
        found = resolve_unit(config, text) if text else None
        if found:
            return found
    try:
        match = template_regex(config.number_template).match(nomor)
    except ConfigError:
        match = None
    if match and "kode_unit" in match.groupdict():
        return resolve_unit(config, match.group("kode_unit"))
    return None


def _dates(out: Imported, ident: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    dates: dict[str, Any] = {}
    for key in ("pembuatan", "revisi", "efektif"):
        text = " ".join(ident.get(key, ()))
        if text.lower().strip() in values.EMPTY and key != "pembuatan":
            continue
        found = values.read_date(text)
        if found is not None:
            dates[key] = found
        else:
            shown = f": {text}" if text else ""
            dates[key] = _hole(out, "impor_note_tanggal", f"<isi tanggal {key}{shown}>")
    return dates


def _signer(out: Imported, signer: values.Signer) -> dict[str, str]:
    return {
        "jabatan": signer.jabatan or _hole(out, "impor_note_pengesah", "<isi jabatan pengesah>"),
        "nama": signer.nama or _hole(out, "impor_note_pengesah", "<isi nama pengesah>"),
        "nip": signer.nip or _hole(out, "impor_note_pengesah", "<isi NIP 18 digit>"),
    }


def _links(out: Imported, paragraphs: tuple[str, ...], hints: Hints) -> list[dict[str, str]]:
    links: list[dict[str, str]] = []
    for text in values.items(paragraphs):
        link = values.read_link(text)
        nomor = link.nomor or hints.titles.get(normalize(link.text))
        if nomor is None:
            out.unread_links.append(text)
            continue
        links.append({"nomor": nomor, "hubungan": link.hubungan})
    if out.unread_links:
        out.notes.append("impor_note_keterkaitan")
    return links


def _actors(names: tuple[str, ...], meta: dict[str, str]) -> list[dict[str, str]]:
    given = [part.strip() for part in meta.get("pelaksana", "").split(",") if part.strip()]
    use_given = len(given) == len(names) and len(set(given)) == len(given)
    actors: list[dict[str, str]] = []
    taken: set[str] = set()
    for column, name in enumerate(names, start=1):
        actor_id = given[column - 1] if use_given and _ID.match(given[column - 1]) else ""
        actor_id = actor_id or slug(name, 40) or f"pelaksana-{column}"
        while actor_id in taken:
            actor_id = f"{actor_id}-{column}"
        taken.add(actor_id)
        shown = name or f"<isi nama pelaksana kolom {column}>"
        actors.append({"id": actor_id, "nama": shown})
    return actors or [{"id": "pelaksana", "nama": "<isi nama pelaksana>"}]


def _steps(out: Imported, raw: list[RawStep], actors: list[str]) -> list[dict[str, Any]]:
    printed = {step.number.strip(" ."): index for index, step in enumerate(raw, start=1)}
    count = len(raw)

    def position(number: int | None) -> int | None:
        if number is None:
            return None
        found = printed.get(str(number))
        return found if found is not None else (number if 1 <= number <= count else None)

    steps = [_step(out, s, n, count, actors, position) for n, s in enumerate(raw, start=1)]
    while len(steps) < 2:
        out.notes.append("impor_note_langkah")
        steps.append({"kegiatan": "<isi kegiatan>", "pelaksana": actors[0]})
    return steps


def _step(
    out: Imported,
    raw: RawStep,
    number: int,
    count: int,
    actors: list[str],
    position: Callable[[int | None], int | None],
) -> dict[str, Any]:
    step: dict[str, Any] = {"kegiatan": " ".join(raw.kegiatan)}
    holes: list[str] = []
    if raw.actor is not None and raw.actor < len(actors):
        step["pelaksana"] = actors[raw.actor]
    else:
        step["pelaksana"] = actors[0]
        holes.append(f"<isi pelaksana langkah {number}: tidak ada simbol di kolom Pelaksana>")
        out.notes.append("impor_note_pelaksana")
    ya, tidak = (
        position(values.target(kind, raw.notes) or values.written_target(kind, raw.keterangan))
        for kind in ("ya", "tidak")
    )
    asks = raw.kind is None and step["kegiatan"].endswith("?")  # no symbol: the question says
    decision = raw.kind == "decision" or asks or (ya is not None and tidak is not None)
    if decision:
        if ya is None or tidak is None or ya == number or tidak == number:
            ya = ya if ya not in (None, number) else (number + 1 if number < count else 1)
            tidak = tidak if tidak not in (None, number) else (number - 1 if number > 1 else count)
            holes.append(f"<isi periksa tujuan Ya (langkah {ya}) dan Tidak (langkah {tidak})>")
            out.notes.append("impor_note_keputusan")
        step["ya"], step["tidak"] = ya, tidak
    else:
        lanjut = position(values.target("lanjut", raw.notes))
        if lanjut is not None and lanjut not in (number, number + 1) and raw.kind != "terminator":
            step["lanjut"] = lanjut
    step.update(_symbol(raw, number, count, decision))
    mutu = _mutu(raw)
    if mutu:
        step["mutu_baku"] = mutu
    keterangan = " ".join([raw.keterangan, *holes]).strip()
    if keterangan:
        step["keterangan"] = keterangan
    return step


def _symbol(raw: RawStep, number: int, count: int, decision: bool) -> dict[str, str]:
    edge = number in (1, count)
    if decision and edge:
        return {"simbol": "keputusan"}
    if raw.kind == "terminator" and not edge:
        return {"simbol": "selesai"}
    return {}


def _mutu(raw: RawStep) -> dict[str, Any]:
    mutu: dict[str, Any] = {}
    if found := values.items(raw.kelengkapan):
        mutu["kelengkapan"] = found
    waktu = raw.waktu.strip()
    if waktu and waktu.lower() not in values.EMPTY:
        parsed = parse_waktu(waktu)
        mutu["waktu"] = f"{_number(parsed[0])} {parsed[1]}" if parsed else waktu
    output = raw.output.strip()
    if output and output.lower() not in values.EMPTY:
        mutu["output"] = output
    return mutu


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


def _status(data: dict[str, Any]) -> str:
    """`ditetapkan` when the file carries what enactment needs, else `draf`."""
    signer = data.get("disahkan_oleh", {})
    needed = (data["nomor"], data["tanggal"].get("efektif"), *signer.values())
    complete = all(value is not None and not _placeholder(value) for value in needed)
    enacted = complete and bool(signer) and bool(data.get("dasar_hukum"))
    return "ditetapkan" if enacted else "draf"


def _placeholder(value: object) -> bool:
    return isinstance(value, str) and value.startswith("<isi")
