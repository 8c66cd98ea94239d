"""Running the app: a socket bound first (so port 0 and a taken port are known before the
server starts), then uvicorn serving on it until Ctrl+C."""

from __future__ import annotations

import ipaddress
import socket

from starlette.applications import Starlette

LOOPBACK = "127.0.0.1"


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port; OSError when the port is taken or the host unknown."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        # POSIX: reuse a port left in TIME_WAIT; Windows' SO_REUSEADDR would instead let two
        # servers share a port, so there the port is claimed exclusively.
        exclusive = getattr(socket, "SO_EXCLUSIVEADDRUSE", None)
        option = exclusive if exclusive is not None else socket.SO_REUSEADDR
        sock.setsockopt(socket.SOL_SOCKET, option, 1)
        sock.bind((host.strip("[]"), port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(app: Starlette, sock: socket.socket, *, debug: bool = False) -> None:
    """Serve until interrupted; one worker, no access log. A bug is shown in the browser as
    the command line shows one; its traceback is logged only with `sopctl --debug serve`."""
    import uvicorn

    level = "warning" if debug else "critical"
    config = uvicorn.Config(app, log_level=level, access_log=False, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
