"""Is a local port free, and if not, which program holds it (for the GUI and diagnostics)."""

from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from pathlib import Path


def bind_listening_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on exactly ``host:port``; raises ``OSError`` as the OS does."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":
            # Lets us rebind right after a previous listener closed (TIME_WAIT); it never lets
            # two listeners share a port on Unix. Windows' meaning differs, so not there.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind((host, port))
        sock.listen(64)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def port_is_free(host: str, port: int) -> bool:
    """True when a listener could bind ``host:port`` right now."""
    try:
        bind_listening_socket(host, port).close()
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class PortOwner:
    """The process listening on a port, when the OS lets us see it."""

    pid: int
    name: str


def _listening_inodes(port: int) -> set[str]:
    inodes: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A = LISTEN
                inodes.add(inode)
    return inodes


def who_listens(port: int) -> PortOwner | None:
    """Which process listens on ``port`` (Linux, own processes only); ``None`` if unknown."""
    inodes = _listening_inodes(port)
    if not inodes:
        return None
    targets = {f"socket:[{inode}]" for inode in inodes}
    for process in Path("/proc").iterdir():
        if not process.name.isdigit():
            continue
        if _holds_any(process, targets):
            try:
                name = (process / "comm").read_text(encoding="utf-8").strip()
            except OSError:
                continue  # it exited meanwhile
            return PortOwner(pid=int(process.name), name=name)
    return None


def _holds_any(process: Path, targets: set[str]) -> bool:
    try:
        descriptors = list((process / "fd").iterdir())
    except OSError:
        return False  # another user's process, or gone
    for descriptor in descriptors:
        # A busy process opens and closes descriptors while we look; one that vanished
        # between the listing and the readlink must not hide the others.
        try:
            if str(descriptor.readlink()) in targets:
                return True
        except OSError:
            continue
    return False
