"""Waitress options for serving the app: one place for `flask serve`, the tests and bench/."""
from __future__ import annotations

import socket
import time
from collections.abc import Callable

from flask import Flask

from .form_limits import largest_body
from .live import stream_capacity

# Open connections waitress keeps at once (its default is 100). Each address has its own smaller
# share (CONNECTIONS_PER_ADDRESS), so several machines would have to flood together to fill this;
# and before it is full, the longest-idle connections are closed to make room (ROOM).
CONNECTION_LIMIT = 250
ROOM = 10
# A connection with no request being served and no byte received for this long is closed (waitress
# checks every CLEANUP_SECONDS). Streams are being served, and send a heartbeat every 15 s.
IDLE_SECONDS = 60
CLEANUP_SECONDS = 10
# An answer whose client has read nothing of it for this long may be dropped to make room.
STALLED_SECONDS = 10


def waitress_options(app: Flask, threads: int | None = None) -> dict:
    """Options for waitress.serve/create_server; sizes the live-stream slots to these threads."""
    threads = int(threads or app.config["THREADS"])
    app.extensions["live_slots"].total = stream_capacity(app.config, threads)
    # channel_request_lookahead keeps reading a connection while its request runs, so waitress sees
    # a closed live stream at once and says so (environ "waitress.client_disconnected").
    return {"threads": threads, "channel_timeout": IDLE_SECONDS, "cleanup_interval": CLEANUP_SECONDS,
            "ident": "lpsedesk", "channel_request_lookahead": 4,
            "max_request_body_size": body_bound(app), "connection_limit": CONNECTION_LIMIT}


def create_server(app: Flask, host: str, port: int, threads: int | None = None):
    """The waitress server `flask serve` runs: waitress_options, and each address's share of connections."""
    from waitress import create_server as waitress_server
    from waitress.server import BaseWSGIServer

    server = waitress_server(app, host=host, port=port, **waitress_options(app, threads))
    channel = capped_channel(per_address_limit(app), refusal(app), own_answers(app))
    listeners = getattr(server, "map", None) or server._map  # several listeners, or the one
    for listener in list(listeners.values()):
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = channel
    return server


def per_address_limit(app: Flask) -> int:
    """Connections one address may hold; 0 (no limit) behind a trusted proxy, where every
    connection comes from the proxy and the limit would be the whole office's."""
    if int(app.config.get("TRUSTED_PROXIES") or 0) > 0:
        return 0
    return max(0, int(app.config["CONNECTIONS_PER_ADDRESS"]))


def refusal(app: Flask) -> bytes:
    """The whole answer to a connection over its address's share, in the desk's default language."""
    text = _in_desks_language(app, lambda _: _("Too many connections are open from this computer. Close other "
                                               "tabs of the desk and try again in a moment."))
    body = (text + "\n").encode()
    return (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            b"Retry-After: 5\r\nConnection: close\r\n" + b"".join(b"%s: %s\r\n" % (name.encode(), value.encode())
                                                             for name, value in _security_headers())
            + b"Content-Length: %d\r\n\r\n" % len(body)) + body


def own_answers(app: Flask) -> type:
    """The task class waitress answers with by itself: a request it cannot read (a broken request line,
    Content-Length or chunk), headers past 256 KB, a body past `body_bound`, an unknown
    Transfer-Encoding, or an error that escaped the app. Waitress's own answer is English, names its
    internals ("exceeds max_body of 33554432") and carries none of the headers every answer of the desk
    carries (h40s); this one says what to do in the desk's default language, with those headers."""
    from waitress.task import ErrorTask

    not_understood, broken = _in_desks_language(app, lambda _: (
        _("The request could not be understood. Please try again."),
        _("Something went wrong on the server. Nothing was saved; please try again.")))
    too_large = too_large_said(app)
    headers = [("Content-Type", "text/plain; charset=utf-8"), *_security_headers()]

    class DeskErrorTask(ErrorTask):
        def execute(self):
            error = self.request.error
            said = (too_large(self.request.path, self.request.command) if error.code == 413
                    else broken if error.code == 500 else not_understood)
            body = (said + "\n").encode()
            self.status = f"{error.code} {error.reason}"
            self.response_headers.extend(headers)
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    return DeskErrorTask


def too_large_said(app: Flask) -> Callable[[str, str], str]:
    """What a body past `body_bound` is told, by the route it was sent to: "at most N MB" with the bound
    of the file that route takes (a letter's 5 MB, a participants' file's 2 MB, else MAX_UPLOAD_MB:
    form_limits.file_bytes_at), or without a number where the path is no route of the desk. It named
    MAX_UPLOAD_MB whatever the route (h40s), 8 MB to an Admin whose letter may hold 5 (h40t). The
    sentences are made once; only the path is matched when a body is refused."""
    from werkzeug.exceptions import HTTPException

    from .form_limits import file_bytes_at

    megabytes = {endpoint: file_bytes_at(app, endpoint) // (1024 * 1024) for endpoint in app.view_functions}
    unknown, by_mb = _in_desks_language(app, lambda _: (_("The file is too large."), {
        mb: _("The file is too large (at most %(mb)d MB).", mb=mb) for mb in set(megabytes.values())}))

    def said(path: str, method: str) -> str:
        try:
            endpoint, _args = app.url_map.bind("desk").match(path, method)
        except HTTPException:  # no route here (404, 405), or one by another path (a redirect)
            return unknown
        return by_mb.get(megabytes.get(endpoint), unknown)

    return said


def _in_desks_language(app: Flask, say: Callable):
    """`say(gettext)` in the desk's default language: these answers come before any request says its own."""
    from flask_babel import force_locale, gettext

    with app.test_request_context(), force_locale(app.config["DEFAULT_LOCALE"]):
        return say(gettext)


def _security_headers() -> list[tuple[str, str]]:
    """The headers every answer carries (lpsedesk/security.py), for answers written outside Flask."""
    from werkzeug.datastructures import Headers

    from .security import apply_security_headers

    headers = Headers()
    apply_security_headers(headers, "/")
    return list(headers.items())


def capped_channel(limit: int, answer: bytes, error_task: type | None = None, total: int = CONNECTION_LIMIT - ROOM):
    """A waitress channel class that keeps room for a new connection (and answers waitress's own
    refusals with `error_task`, own_answers).

    Waitress reads headers without a thread, so a slow client costs no worker; but it keeps at most
    CONNECTION_LIMIT connections and stops accepting any once they are open. One machine opening
    that many connections and trickling a header byte now and then (slowloris) shut out every kiosk
    and staff browser: /healthz from elsewhere timed out. So, as each connection is accepted:

    - an address already holding `limit` connections (0: no share, behind a proxy) has its
      longest-idle one closed (no request being served: a half-sent head, a stalled body, a kept-alive
      browser connection, which the browser simply opens again); only when all of them are being
      served is the new one turned away, with 503 in the desk's language;
    - when `total` connections are open in all, the longest-idle one anywhere is closed, so the
      limit is never reached and a new client is always accepted.

    Browsers open at most six connections to one site, so a share of CONNECTIONS_PER_ADDRESS leaves
    room for several browsers on one computer. Accepting runs on waitress's single loop thread, the
    one that reads and closes channels, so this needs no lock."""
    from waitress.channel import HTTPChannel

    class RoomKeepingChannel(HTTPChannel):
        error_task_class = error_task or HTTPChannel.error_task_class

        def __init__(self, server, sock, addr, adj, map=None):  # noqa: A002 (waitress's own name)
            channels = [ch for ch in (map or {}).values() if isinstance(ch, HTTPChannel)]
            if limit:
                peer = _peer(addr)
                mine = [ch for ch in channels if _peer(ch.addr) == peer]
                if len(mine) >= limit:
                    closed = _close_longest_idle(mine)
                    if closed is None:
                        _turn_away(sock, answer)
                        return
                    channels.remove(closed)
            if len(channels) >= total:
                _close_longest_idle(channels)
            super().__init__(server, sock, addr, adj, map)

    return RoomKeepingChannel


def _close_longest_idle(channels):
    """Close the channel that has waited longest with no request being served; None if all are busy."""
    now = time.time()
    idle = [ch for ch in channels if _closable(ch, now)]
    if not idle:
        return None
    oldest = min(idle, key=lambda ch: ch.last_activity)
    oldest.handle_close()
    return oldest


def _closable(channel, now: float) -> bool:
    """No request being served, and nothing left to send or an answer its client stopped reading."""
    if channel.requests:
        return False
    if not channel.total_outbufs_len and not channel.close_when_flushed:
        return True
    return now - channel.last_activity > STALLED_SECONDS


def _turn_away(sock, answer: bytes) -> None:
    """Answer and close without a reset: what the client already sent is read and dropped first
    (closing a socket with unread data makes the kernel send RST, and the client may then lose the
    answer)."""
    try:
        sock.setblocking(False)
        _drain(sock)
        sock.send(answer)
        sock.shutdown(socket.SHUT_WR)
        _drain(sock)
    except OSError:
        pass  # the client is gone or not reading: closing is answer enough
    finally:
        sock.close()


def _drain(sock) -> None:
    for _ in range(16):  # a request head is a few KB; a client sending more is not waited for
        try:
            if not sock.recv(65536):
                return
        except (BlockingIOError, InterruptedError):
            return


def _peer(addr) -> object:
    return addr[0] if isinstance(addr, tuple) else addr


def body_bound(app: Flask) -> int:
    """The most of a request body waitress reads before refusing it (413, plain text).

    Waitress's own default is 1 GB, read into a temporary file before the app sees the request and
    refuses it by MAX_UPLOAD_MB: any client could make the server write a gigabyte per request. A
    body up to four times MAX_UPLOAD_MB still reaches the app, which refuses it by its limit with its
    own page in the user's language (a phone photo a little too large; a letter or a participants'
    file with its form kept, form_limits.file_beside_typed_fields); past that, nothing any screen sends."""
    return largest_body(app.config)
