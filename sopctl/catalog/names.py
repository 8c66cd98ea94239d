"""Resolving what users write for a unit or an RB area to a configured id."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from sopctl.catalog.config import Area, Config, Unit
from sopctl.catalog.folder import Catalog
from sopctl.errors import UsageError
from sopctl.text.phrases import Phrase, phrase

_PREFIX = re.compile(r"^(subbagian|subbag|sub bagian|bagian|area)\s+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)  # the same unit and area spellings recur in every file
def normalize(text: str) -> str:
    """Lower case, accents and punctuation folded, 'Subbag' prefixes dropped."""
    if text.isascii():  # nothing to fold (what NFKD and dropping non-ASCII would give)
        folded = text
    else:
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = _NOT_WORD.sub(" ", folded.lower()).strip()
    return _PREFIX.sub("", words)


def _spellings(item: Unit | Area) -> Iterable[str]:
    yield item.id
    yield item.nama
    yield from item.alias
    if isinstance(item, Unit):
        yield item.kode


def _index(items: Sequence[Unit | Area]) -> dict[str, str]:
    known = _INDEXES.get(id(items))
    if known is not None and known[0] is items:  # rules ask once per file: build it once
        return known[1]
    index = _index_of(tuple((item.id, tuple(_spellings(item))) for item in items))
    _INDEXES[id(items)] = (items, index)  # holding `items` keeps its id from being reused
    return index


_INDEXES: dict[int, tuple[Sequence[Unit | Area], dict[str, str]]] = {}


@functools.lru_cache(maxsize=32)
def _index_of(items: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for item_id, _ in items:  # ids first so an alias never shadows another item's id
        index.setdefault(normalize(item_id), item_id)
    for item_id, spellings in items:
        for spelling in spellings:
            index.setdefault(normalize(spelling), item_id)
    return index


def resolve_unit(config: Config, value: str) -> str | None:
    """The unit id that `value` (id, code, name or alias) names, or None."""
    return _index(config.units).get(normalize(value))


def resolve_area(config: Config, value: str) -> str | None:
    """The RB area id that `value` (id, name or alias) names, or None."""
    return _index(config.areas).get(normalize(value))


def resolve_theme(config: Config, value: str) -> str | None:
    """The RB Tematik theme id that `value` (id, name or alias) names, or None."""
    return _index(config.themes).get(normalize(value))


def suggest_theme(config: Config, value: str) -> str | None:
    index = _index(config.themes)
    best = suggest(value, index)
    return index[normalize(best)] if best else None


def suggest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The closest of `choices` to `value`, for a 'did you mean' hint."""
    by_norm = {normalize(choice): choice for choice in choices}
    close = difflib.get_close_matches(normalize(value), list(by_norm), n=1, cutoff=cutoff)
    return by_norm[close[0]] if close else None


def suggest_unit(config: Config, value: str) -> str | None:
    """The unit id nearest to an unknown `value`."""
    index = _index(config.units)
    best = suggest(value, index)
    return index[normalize(best)] if best else None


def suggest_area(config: Config, value: str) -> str | None:
    """The area id nearest to an unknown `value`."""
    index = _index(config.areas)
    best = suggest(value, index)
    return index[normalize(best)] if best else None


def check_unit(catalog: Catalog, value: str) -> str:
    """The unit id for an id, code, name or alias; an unknown value names the nearest and
    lists the others."""
    found = resolve_unit(catalog.config, value)
    if found is None:
        choices = [unit.id for unit in catalog.config.units]
        raise UsageError(phrase("unit_unknown", value=value), hint=choices_hint(value, choices))
    return found


def check_area(catalog: Catalog, value: str) -> str:
    """The RB area id for an id, name or alias; an unknown value names the nearest and lists
    the others."""
    found = resolve_area(catalog.config, value)
    if found is None:
        choices = [area.id for area in catalog.config.areas]
        raise UsageError(phrase("area_unknown", value=value), hint=choices_hint(value, choices))
    return found


def choices_hint(value: str, choices: Sequence[str]) -> Phrase:
    """'did you mean `close`? choices: …' (without the question when nothing is close)."""
    close = suggest(value, choices)
    listed = ", ".join(dict.fromkeys(choices))
    if close:
        return phrase("choices_close", close=close, choices=listed)
    return phrase("choices", choices=listed)
