"""`sopctl serve` on a free loopback port: in a thread of the test process (the same app and
uvicorn server the command runs), or as the real program in a subprocess stopped with Ctrl+C;
and raw HTTP requests that no client tidies up."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from conftest import valid_sop

from sopctl.serve.forms import STEP_FIELDS, SopForm, form_of, parse_form
from sopctl.serve.tree import apply
from sopctl.sop.yamlio import dump_roundtrip, load_roundtrip

_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/")


@dataclass(frozen=True)
class Server:
    url: str
    port: int


@contextmanager
def running(root: Path, lang: str = "id") -> Iterator[Server]:
    """The app `sopctl serve ROOT` runs, served from a thread until the block ends."""
    import threading

    import uvicorn

    from sopctl.catalog.folder import open_catalog
    from sopctl.serve.app import create_app
    from sopctl.serve.server import listen

    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    app = create_app(open_catalog(root), lang)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_for(port)
        yield Server(f"http://127.0.0.1:{port}", port)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def program(root: Path, *args: str) -> Iterator[Server]:
    """`sopctl serve ROOT --port 0 ARGS` as a user runs it, until the block ends (Ctrl+C);
    its output is checked for tracebacks on exit."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
    env.pop("SOPCTL_LANG", None)
    command = [sys.executable, "-m", "sopctl", "serve", str(root), "--port", "0", *args]
    process = subprocess.Popen(
        command,
        cwd=root,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert process.stderr is not None
    seen = ""
    deadline = time.monotonic() + 30
    while (found := _URL.search(seen)) is None:
        line = process.stderr.readline()
        if not line or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"sopctl serve did not start: {seen}")
        seen += line
    port = int(found.group(1))
    _wait_for(port)
    try:
        yield Server(f"http://127.0.0.1:{port}", port)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            rest = process.communicate(timeout=10)[1]
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        assert "Traceback" not in rest, rest


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            request(port, "GET", "/aset/serve.css")
            return
        except OSError:
            time.sleep(0.05)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    text: str


def request(
    port: int,
    method: str,
    path: str,
    *,
    form: Mapping[str, str | list[str]] | None = None,
    host: str | None = None,
) -> Answer:
    """One request with `path` sent exactly as written (no `..` or %-escape is tidied)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host or f"127.0.0.1:{port}"}
    body = None
    if form is not None:
        body = urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for key, value in headers.items():
            connection.putheader(key, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body.encode())))
        connection.endheaders(body.encode() if body is not None else None)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
    finally:
        connection.close()


def hidden(page: str, name: str) -> str:
    """The value of a hidden field of a page (HTML entities decoded)."""
    import html

    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', page)
    assert found, name
    return html.unescape(found.group(1))


# -- the editor's form as a browser posts it ---------------------------------------------------

DUK = "sdm/duk.yaml"
COMMENTED = valid_sop(
    **{
        "langkah:\n": "langkah:\n  # urutan disepakati rapat 2022\n",
        "    pelaksana: staf\n": "    pelaksana: staf  # staf pelaksana kepegawaian\n",
    }
)


def posted(form: SopForm) -> dict[str, list[str]]:
    """The fields a browser posts for `form`, unchanged."""
    data = {key: [value] for key, value in form.values.items()}
    data.update({key: ["\n".join(lines)] for key, lines in form.lists.items()})
    for actor in form.actors:
        for name in ("key", "id", "nama"):
            data.setdefault(f"actor.{name}", []).append(getattr(actor, name))
    for step in form.steps:
        for name in (*STEP_FIELDS, "keterangan"):
            value = getattr(step, name)
            text = "\n".join(value) if isinstance(value, tuple) else value
            data.setdefault(f"step.{name}", []).append(text)
    return data


def edit(text: str, change: dict[str, list[str]]) -> str:
    tree = load_roundtrip(text)
    fields = posted(form_of(tree)) | change
    apply(tree, parse_form(fields))
    return dump_roundtrip(tree)
