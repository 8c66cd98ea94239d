"""Measure sopctl as whole processes on generated catalogs and write bench/RESULTS.md.

Each figure is the median wall time of several runs in fresh processes, with the peak resident
memory of the largest process (getrusage of the children). Each catalog size (1,000, 16,500 and
50,000 SOPs by default) gets its own "parse floor", measured in the same run just before its
figures: a bare script that parses every file with libyaml (compose with marks + construct) and
validates it with pydantic, in 2 processes, as lint's workers do.

By default sopctl runs from a snapshot of the committed tree (`git archive HEAD` into
bench/out/src), so edits made while the benchmark runs do not change what is measured;
`--live` runs the working tree instead.

Usage: python bench/run.py [--runs 5] [--cold-runs 3] [--live] [--skip-generate]
                           [--sizes 1000,16500,50000] [--load-note TEXT] [--results FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import generate

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
AS_OF = generate.AS_OF.isoformat()
MISSING = "n/a (command missing)"
RACY_S = 3.5  # seconds after which sopctl trusts a file's stamp (its RACY_NS, and a margin)

# Run one command, report "seconds maxrss_kb exit_code" (maxrss: the largest process of the tree).
PROBE = """\
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], cwd=sys.argv[1], stdout=subprocess.DEVNULL,
                      stderr=subprocess.PIPE)
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.buffer.write(done.stderr[-2000:])
print(took, peak, done.returncode)
"""

FLOOR = """\
import sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def parse(paths):
    import yaml
    from sopctl.sop.model import Sop
    for path in paths:
        loader = yaml.CSafeLoader(Path(path).read_text(encoding="utf-8"))
        try:
            data = loader.construct_document(loader.get_single_node())
        finally:
            loader.dispose()
        Sop.model_validate(data)
    return len(paths)

if __name__ == "__main__":
    files = sorted(str(p) for p in Path(sys.argv[1]).rglob("*.yaml"))
    chunks = [files[i : i + 100] for i in range(0, len(files), 100)]
    with ProcessPoolExecutor(2) as pool:
        print(sum(pool.map(parse, chunks)), file=sys.stderr)
"""


@dataclass
class Figure:
    name: str
    target: float | None  # seconds
    seconds: float | None = None
    peak_mb: float | None = None
    note: str = ""
    ratio_target: float | None = None  # times the parse floor
    peak_target: float | None = None  # MB
    floor: float | None = None  # the parse floor of the same catalog, same run
    base_seconds: float | None = None  # with --compare: the same figure of the older commit
    base_peak_mb: float | None = None


def env(live: bool) -> dict[str, str]:
    values = dict(os.environ, SOPCTL_LANG="id", PYTHONDONTWRITEBYTECODE="")
    if not live:
        values["PYTHONPATH"] = str(OUT / "src")
    return values


def snapshot(rev: str = "HEAD", folder: str = "src") -> str:
    """Export the tree of `rev` to bench/out/`folder`; returns the short commit."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", rev],
        cwd=REPO,
        text=True,
        capture_output=True,
        check=True,
    ).stdout.strip()
    target = OUT / folder
    shutil.rmtree(target, ignore_errors=True)
    archive = subprocess.run(["git", "archive", rev], cwd=REPO, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return commit


# With --compare REV: every figure is also measured for REV, run for run in turn with HEAD (so
# both see the same load), on its own copy of each catalog (`katalog-N-base`, its own cache).
BASE: dict[str, str] = {}
_CATALOG = re.compile(re.escape(str(OUT / "katalog-")) + r"(\d+)")


def base_side(value: str) -> str:
    """A path or argument as the older commit's run sees it: in its copy of the catalog."""
    return _CATALOG.sub(lambda m: m.group(0) + "-base", value)


def once(cwd: Path, args: list[str], environ: dict[str, str]) -> tuple[float, float, int, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(cwd), *args],
        env=environ,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak, code = done.stdout.split()
    return float(seconds), int(peak) / 1024, int(code), done.stderr


def measure(
    fig: Figure,
    cwd: Path,
    args: list[str],
    environ: dict[str, str],
    runs: int,
    before: Any = None,
    *,
    paired: bool = True,
) -> Figure:
    """Median time and peak memory of `runs` runs (with --compare and `paired`, as many of
    the older commit, alternating); `before(base)` prepares each run."""
    sides = [False, True] if BASE and paired else [False]
    times: dict[bool, list[float]] = {side: [] for side in sides}
    peaks: dict[bool, list[float]] = {side: [] for side in sides}
    for _ in range(runs):
        for base in sides:
            if callable(before):
                before(base)
            where = Path(base_side(str(cwd))) if base else cwd
            argv = [base_side(a) for a in args] if base else args
            seconds, peak, code, err = once(where, argv, env_of(base, environ))
            if code not in (0, 1):
                said = err.strip().splitlines()[-1] if err.strip() else ""
                fig.note = f"{'before: ' if base else ''}exit {code}: {said}"[:120]
                return fig
            times[base].append(seconds)
            peaks[base].append(peak)
    fig.seconds, fig.peak_mb = statistics.median(times[False]), max(peaks[False])
    if BASE and paired:
        fig.base_seconds, fig.base_peak_mb = statistics.median(times[True]), max(peaks[True])
    fig.note = fig.note or f"median of {runs}"
    return fig


def env_of(base: bool, environ: dict[str, str]) -> dict[str, str]:
    return dict(environ, PYTHONPATH=BASE["src"]) if base else environ


def sopctl(*args: str) -> list[str]:
    return [sys.executable, "-m", "sopctl", *args]


def has_command(name: str, environ: dict[str, str]) -> bool:
    done = subprocess.run(sopctl(name, "--help"), env=environ, capture_output=True, text=True)
    return done.returncode == 0


def drop_cache(root: Path) -> None:
    shutil.rmtree(root / ".sopctl-cache", ignore_errors=True)


class Toucher:
    """Changes one file's content before each run (a comment line that counts up)."""

    def __init__(self, path: Path) -> None:
        self.path, self.count, self.text = path, 0, path.read_text(encoding="utf-8")

    def __call__(self) -> None:
        self.count += 1
        self.path.write_text(self.text + f"# disentuh {self.count}\n", encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _lines("/proc/cpuinfo")
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    mem = next(
        (line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), "0"
    )
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"- CPU: {cpu}, {cores} cores usable",
        f"- Memory: {int(mem) // 1024} MB",
        f"- OS: {platform.platform()}; Python {platform.python_version()}",
    ]


def _lines(name: str) -> list[str]:
    try:
        return Path(name).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def _page_cache() -> str:
    """The page cache's size, and whether DAMON reclaim runs (it can keep the cache small, so
    that a warm run reads its modules and cache files from disk again)."""
    cached = next(
        (line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("Cached:")), None
    )
    damon = _lines("/sys/kernel/mm/damon/admin/kdamonds/0/state")
    size = f"{int(cached) // 1024} MB" if cached else "?"
    return size + (f" (DAMON {damon[0].strip()})" if damon else "")


def run_all(args: argparse.Namespace) -> tuple[list[Figure], list[str]]:
    environ = env(args.live)
    lint = sopctl("lint", "--per-tanggal", AS_OF)
    figures: list[Figure] = []
    runs, cold = args.runs, args.cold_runs
    for size in args.sizes:
        figures += catalog_figures(OUT / f"katalog-{size}", size, lint, environ, runs, cold)
    small = OUT / "katalog-100"
    figures.append(measure(Figure("sopctl --help", 0.25), small, sopctl("--help"), environ, runs))
    html_out, pdf_out = OUT / "render", OUT / "booklet"
    for folder in (html_out, pdf_out):
        folder.mkdir(parents=True, exist_ok=True)
    first = next(small.rglob("*.yaml"))
    figures.append(
        _maybe(
            "render one SOP to HTML",
            None,
            sopctl("render", str(first), "-f", "html", "-o", str(html_out)),
            small,
            environ,
            runs,
        )
    )
    figures.append(
        _maybe(
            "booklet of 100 SOPs, HTML",
            3.0,
            sopctl("booklet", ".", "-o", str(pdf_out / "buku.html")),
            small,
            environ,
            runs,
        )
    )
    if args.no_pdf:
        return figures, machine()
    booklet_pdf = _maybe(
        "booklet of 100 SOPs, PDF",
        30.0,
        sopctl("booklet", ".", "-o", str(pdf_out / "buku.pdf")),
        small,
        environ,
        max(1, cold),
    )
    booklet_pdf.peak_target = 600
    figures.append(booklet_pdf)
    return figures, machine()


def catalog_figures(
    big: Path, size: int, lint: list[str], environ: dict[str, str], runs: int, cold: int
) -> list[Figure]:
    """Every figure of one catalog size, beside the parse floor measured just before them."""
    n = f"{size:,}"
    floor = measure(
        Figure(f"**{n}: parse floor** (libyaml compose with marks + pydantic, 2 processes)", None),
        big,
        [sys.executable, "-c", FLOOR, str(big)],
        environ,
        cold,
        paired=False,  # the same for both commits
    )
    floor.floor = floor.seconds
    figures = [floor]

    def add(fig: Figure) -> None:
        fig.floor = floor.seconds
        figures.append(fig)

    cold_lint = measure(
        Figure(f"{n}: lint cold", None, ratio_target=1.1, peak_target=400),
        big,
        lint,
        environ,
        cold,
        lambda base: drop_cache(Path(base_side(str(big))) if base else big),
    )
    add(cold_lint)
    if size <= 16500:
        add(
            measure(
                Figure(f"{n}: lint cold, --no-cache", None, ratio_target=1.1, peak_target=400),
                big,
                [*lint, "--no-cache"],
                environ,
                cold,
            )
        )
    add(measure(Figure(f"{n}: lint warm", 1.0), big, lint, environ, runs))
    edited = next(big.rglob("*.yaml"))
    touchers = {False: Toucher(edited)}
    if BASE:
        touchers[True] = Toucher(Path(base_side(str(edited))))
    try:
        add(
            measure(
                Figure(f"{n}: lint after editing one file", 1.2),
                big,
                lint,
                environ,
                runs,
                lambda base: touchers[base](),
            )
        )
    finally:
        for toucher in touchers.values():
            toucher.restore()
        time.sleep(RACY_S)  # so that the restored file's stamp vouches for it again
    one = sorted(big.rglob("*.yaml"))[size // 2]
    add(_maybe(f"{n}: lint one file (warm)", 0.4, [*lint, str(one)], big, environ, runs))
    for name, target, argv in (
        (f"{n}: list (warm)", 1.0, sopctl("list")),
        (f"{n}: report (warm)", 1.0, sopctl("report", ".")),
    ):
        add(_maybe(name, target, argv, big, environ, runs))
    return figures


def _maybe(
    name: str, target: float | None, argv: list[str], cwd: Path, environ: dict[str, str], runs: int
) -> Figure:
    fig = Figure(name, target)
    if (
        argv[0] == sys.executable
        and argv[1:3] == ["-m", "sopctl"]
        and not has_command(argv[3], environ)
    ):
        fig.note = MISSING
        return fig
    once(cwd, argv, environ)  # warm the cache (and the OS's file cache)
    if BASE:
        once(Path(base_side(str(cwd))), [base_side(a) for a in argv], env_of(True, environ))
    return measure(fig, cwd, argv, environ, runs)


def table(figures: list[Figure]) -> list[str]:
    """One row per figure; with --compare, the older commit's beside it."""
    before = f"before ({BASE['commit']}) | ratio | peak | " if BASE else ""
    rows = [
        f"| what | {before}after | target | parse floor (same run) | ratio to floor | peak RSS "
        "| note |",
        "|---|" + ("---|---|---|" if BASE else "") + "---|---|---|---|---|---|",
    ]
    for fig in figures:
        took = _seconds(fig.seconds)
        targets = []
        if fig.target:
            met = fig.seconds is not None and fig.seconds <= fig.target
            targets.append(f"≤ {fig.target:g} s {mark(met, fig.seconds)}")
        ratio = _ratio(fig.seconds, fig.floor)
        if fig.ratio_target:
            met = bool(ratio) and fig.seconds is not None and fig.floor is not None
            met = met and fig.seconds / fig.floor <= fig.ratio_target  # type: ignore[operator]
            targets.append(f"≤ {fig.ratio_target:g}× floor {mark(met, fig.seconds)}")
        peak = f"{fig.peak_mb:.0f} MB" if fig.peak_mb is not None else ""
        if fig.peak_target and fig.peak_mb is not None:
            met = fig.peak_mb <= fig.peak_target
            peak += f" (≤ {fig.peak_target:g} MB {mark(met, fig.peak_mb)})"
        floor = f"{fig.floor:.2f} s" if fig.floor else ""
        old = ""
        if BASE:
            base_peak = f"{fig.base_peak_mb:.0f} MB" if fig.base_peak_mb is not None else ""
            old = f"{_seconds(fig.base_seconds)} | {_ratio(fig.base_seconds, fig.floor)} | "
            old += f"{base_peak} | "
        rows.append(
            f"| {fig.name} | {old}{took} | {'; '.join(targets)} | {floor} | {ratio} | {peak} | "
            f"{fig.note} |"
        )
    return rows


def _seconds(value: float | None) -> str:
    return f"{value:.2f} s" if value is not None else "—"


def _ratio(value: float | None, floor: float | None) -> str:
    return f"{value / floor:.2f}×" if value is not None and floor else ""


def mark(met: bool, value: float | None) -> str:
    return "" if value is None else ("✅" if met else "❌")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--live", action="store_true", help="run the working tree, not HEAD")
    parser.add_argument(
        "--skip-generate",
        action="store_true",
        help="reuse the catalogs in bench/out/ (makes missing ones)",
    )
    parser.add_argument(
        "--sizes", default="1000,16500,50000", help="catalog sizes, comma-separated"
    )
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--no-pdf", action="store_true", help="skip the booklet PDF (slow)")
    parser.add_argument("--load-note", default="", help="what else runs on the machine")
    parser.add_argument(
        "--compare", metavar="REV", help="also measure REV, run for run in turn with HEAD"
    )
    args = parser.parse_args()
    args.sizes = [int(size) for size in args.sizes.split(",")]
    commit = "working tree" if args.live else snapshot()
    for size in (100, *args.sizes):
        if not (args.skip_generate and (OUT / f"katalog-{size}").is_dir()):
            generate.generate(OUT / f"katalog-{size}", size)
    if args.compare:
        BASE.update(commit=snapshot(args.compare, "base-src"), src=str(OUT / "base-src"))
        for size in (100, *args.sizes):
            copy = OUT / f"katalog-{size}-base"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(
                OUT / f"katalog-{size}", copy, ignore=shutil.ignore_patterns(".sopctl-cache")
            )
    started = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    load_before, cache_before = _load(), _page_cache()
    figures, facts = run_all(args)
    sizes = " and ".join(f"{size:,}" for size in args.sizes)
    lines = [
        "# sopctl benchmark",
        "",
        f"Run {started} on sopctl {commit} by `python bench/run.py` (see bench/README.md)"
        + (f", beside sopctl {BASE['commit']} run for run (`--compare`)." if BASE else "."),
        f"Catalogs from `bench/generate.py`: {sizes} SOPs in 553 satker folders of one catalog; "
        f"100 SOPs for the booklet. Lint judges due dates as of {AS_OF}.",
        "",
        *facts,
        f"- Load average (1, 5, 15 min) at start: {load_before}; at end: {_load()}. The machine "
        "is shared with other work, so figures are noisy; the ratio to the parse floor, "
        "measured in the same run, is the steadier figure. Every time is a median.",
        *([f"- Load: {args.load_note}"] if args.load_note else []),
        f"- Page cache at start: {cache_before}; at end: {_page_cache()}.",
        "",
        *table(figures),
        "",
        "Peak RSS is that of the largest process (lint's worker processes are forked and each "
        "smaller than the main one).",
    ]
    print("\n".join(lines))
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
