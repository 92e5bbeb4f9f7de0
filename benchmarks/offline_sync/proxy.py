"""A small TCP proxy between the phones and Heard that makes the network's faults.

Each request comes on a connection of its own (`Connection: close`) and names the fault to make
in an `X-Fault` header, which the proxy takes out (the client draws faults from its seeded
generator, so a run can be repeated):

- `drop_request`: the request is read and the connection closed; Heard never sees it;
- `drop_response`: the request is forwarded, Heard's whole answer read, and the connection to
  the phone closed without it: stored, and the phone does not know;
- `gave_up`: the request is forwarded and the phone's connection closed at once, while the
  proxy still waits for Heard's answer (so Heard stores it, as a server does whose client left
  after the request arrived) and throws it away.

The statuses of the answers thrown away are counted: they too must all be 200 or 201.
"""

import contextlib
import socket
import socketserver
import threading
from collections import Counter

FAULT_HEADER = b"x-fault"


class FaultProxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, listen: tuple[str, int], upstream: tuple[str, int]):
        super().__init__(listen, _Handler)
        self.upstream = upstream
        self.lock = threading.Lock()
        self.made = Counter()  # faults made, by kind
        self.unseen = Counter()  # statuses of the answers thrown away
        self.errors: list[str] = []

    def serve_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        return thread


class _Handler(socketserver.BaseRequestHandler):
    server: FaultProxy

    def handle(self):
        phone = self.request
        try:
            request, fault = _read_request(phone)
            if request is None:
                return
            with self.server.lock:
                self.server.made[fault] += bool(fault)
            if fault == "drop_request":
                _hang_up(phone)
                return
            with socket.create_connection(self.server.upstream, timeout=120) as heard:
                heard.sendall(request)
                if fault == "gave_up":
                    _hang_up(phone)
                answer = _read_all(heard)
            if fault in ("gave_up", "drop_response"):
                with self.server.lock:
                    self.server.unseen[_status(answer)] += 1
                _hang_up(phone)
                return
            phone.sendall(answer)
        except OSError as error:
            with self.server.lock:
                self.server.errors.append(repr(error))
        finally:
            phone.close()


def _read_request(sock) -> tuple[bytes | None, str]:
    """The request (head and body) with the fault header taken out, and the fault named."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None, ""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    fault, kept, length = "", [lines[0]], 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == FAULT_HEADER:
            fault = value.strip().decode()
            continue
        if name == b"content-length":
            length = int(value)
        kept.append(line)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None, ""
        body += chunk
    return b"\r\n".join(kept) + b"\r\n\r\n" + body, fault


def _read_all(sock) -> bytes:
    """Everything Heard sends until it closes (each request asked `Connection: close`)."""
    parts = []
    while chunk := sock.recv(65536):
        parts.append(chunk)
    return b"".join(parts)


def _status(answer: bytes) -> int | str:
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return "no answer"


def _hang_up(sock) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
