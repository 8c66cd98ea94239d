"""Measure `sopctl serve`: how long `/` (the catalog page) takes at 1,000 SOPs (target < 0.5 s).

Starts `sopctl serve` on a free loopback port over a generated catalog (bench/generate.py), then
times whole HTTP requests from this process: the first `/` (the lint cache is cold: every file is
parsed once), then `--runs` warm requests of `/`, of a filtered `/`, of one SOP page and of its
document. Prints the medians and writes them to bench/out/serve.txt.

Usage: python bench/serve.py [--size 1000] [--runs 15] [--skip-generate]
"""

from __future__ import annotations

import argparse
import http.client
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import generate

OUT = Path(__file__).resolve().parent / "out"


def fetch(port: int, path: str) -> tuple[float, int, int]:
    """Seconds, status and size of one GET."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return time.perf_counter() - start, response.status, len(body)


def start(root: Path) -> tuple[subprocess.Popen[str], int]:
    command = [sys.executable, "-m", "sopctl", "serve", str(root), "--port", "0"]
    process = subprocess.Popen(command, cwd=root, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    seen = ""
    while (found := re.search(r"127\.0\.0\.1:(\d+)/", seen)) is None:
        line = process.stderr.readline()
        if not line:
            raise SystemExit(f"sopctl serve did not start:\n{seen}")
        seen += line
    return process, int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-generate", action="store_true", help="reuse the catalog (warm)")
    args = parser.parse_args()
    root = OUT / f"serve-{args.size}"
    if not (args.skip_generate and root.is_dir()):
        shutil.rmtree(root, ignore_errors=True)
        generate.generate(root, args.size)
    one = next(iter(sorted(root.rglob("*.yaml")))).relative_to(root).as_posix()
    process, port = start(root)
    lines = [f"sopctl serve, {args.size} SOPs, median of {args.runs} warm requests"]
    try:
        took, status, size = fetch(port, "/")
        state = "warm cache" if args.skip_generate else "cold cache"
        lines.append(f"/ first ({state}): {took:.3f} s (HTTP {status}, {size} bytes)")
        for path in ("/", "/?unit=sdm&cari=pegawai", f"/sop/{one}", f"/dokumen/{one}"):
            times = []
            for _ in range(args.runs):
                took, status, size = fetch(port, path)
                times.append(took)
            median = statistics.median(times)
            lines.append(f"{path}: {median:.3f} s (max {max(times):.3f}; HTTP {status})")
    finally:
        process.send_signal(signal.SIGINT)  # as Ctrl+C
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    text = "\n".join(lines) + "\n"
    (OUT / "serve.txt").write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
