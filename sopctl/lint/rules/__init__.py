"""The rule registry: every lint rule, by the code it reports.

Codes Y (the file) and S (the schema) come from loading, not from a function here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sopctl.catalog.config import Config
from sopctl.lint.findings import Finding
from sopctl.lint.rules import (
    catalog,
    enactment,
    evaluation,
    identity,
    placeholder,
    procedure,
    schedule,
)
from sopctl.lint.rules.context import Facts, SopContext

FileRule = Callable[[SopContext], Iterable[Finding]]
CatalogRule = Callable[[Sequence[Facts], Config], Iterable[Finding]]

FILE_RULES: dict[str, FileRule] = {
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
}

CATALOG_RULES: dict[str, CatalogRule] = {
    "K001": catalog.nomor_unique,
    "K002": catalog.links_resolve,
    "K003": catalog.unit_known,
    "K004": catalog.area_known,
    "K005": catalog.title_unique_in_unit,
}
