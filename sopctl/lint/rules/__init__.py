"""The rule registry: every lint rule, by the code it reports.

Codes Y (the file) and S (the schema) come from loading, not from a function here. Rules of
one file see a valid SOP in context; rules of the catalog see every file's facts; rules of
the history see the enacted SOPs' dates and read git. The file and catalog rules load the
SOP model and the parser, so their tables are made when first asked for: a warm `sopctl lint
FILE`, answered from the cache, runs only the history rules and never loads them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from sopctl.catalog.config import Config
    from sopctl.lint.findings import Finding
    from sopctl.lint.revision_dates import Dated
    from sopctl.lint.rules.context import Facts, SopContext

FileRule: TypeAlias = "Callable[[SopContext], Iterable[Finding]]"
CatalogRule: TypeAlias = "Callable[[Sequence[Facts], Config], Iterable[Finding]]"
# (catalog root, the enacted SOPs' dates, remember verdicts in the cache)
HistoryRule: TypeAlias = "Callable[[Path, Sequence[Dated], bool], list[Finding]]"


def _revision_dates(root: Path, items: Sequence[Dated], remember: bool) -> list[Finding]:
    from sopctl.lint.revision_dates import stale_revision_findings

    return stale_revision_findings(root, items, remember=remember)


HISTORY_RULES: dict[str, HistoryRule] = {
    "G001": _revision_dates,
}

if TYPE_CHECKING:
    FILE_RULES: dict[str, FileRule]
    CATALOG_RULES: dict[str, CatalogRule]


def __getattr__(name: str) -> Any:
    """FILE_RULES and CATALOG_RULES, made when first asked for."""
    if name not in ("FILE_RULES", "CATALOG_RULES"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from sopctl.lint.rules import (
        catalog,
        enactment,
        evaluation,
        identity,
        placeholder,
        procedure,
        schedule,
    )

    tables: dict[str, dict[str, Any]] = {
        "FILE_RULES": {
            "I001": identity.nomor_required,
            "I002": identity.nomor_pattern,
            "I003": identity.efektif_required,
            "I004": identity.pengesah_required,
            "I005": identity.dasar_hukum_required,
            "I006": identity.efektif_after_pembuatan,
            "I007": identity.revisi_after_pembuatan,
            "I008": enactment.efektif_after_decree,
            "I009": enactment.decree_known,
            "K006": identity.tematik_known,
            "P001": procedure.actor_declared,
            "P002": procedure.actor_acts,
            "P003": procedure.one_start,
            "P004": procedure.has_end,
            "P005": procedure.decision_complete,
            "P006": procedure.targets_exist,
            "P007": procedure.all_reachable,
            "P008": procedure.all_finish,
            "P009": procedure.mutu_baku_filled,
            "P010": procedure.waktu_readable,
            "P011": procedure.actor_unique,
            "M001": schedule.monitoring_due,
            "M002": schedule.evaluation_due,
            "M003": evaluation.criteria_answered,
            "M004": evaluation.tidak_followed_up,
            "N001": placeholder.placeholder_left,
        },
        "CATALOG_RULES": {
            "K001": catalog.nomor_unique,
            "K002": catalog.links_resolve,
            "K003": catalog.unit_known,
            "K004": catalog.area_known,
            "K005": catalog.title_unique_in_unit,
        },
    }
    globals().update(tables)
    return tables[name]
