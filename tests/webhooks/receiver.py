"""A real webhook receiver on a loopback port: it verifies what arrives and answers as told.

Each request is verified on arrival with the `standardwebhooks` library and the receiver's
`secret`, as a partner's receiver would (the signature's timestamp must be recent), and kept
with its headers, body and what verification said; `events()` gives the payloads and fails if
any did not verify.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook
from standardwebhooks.webhooks import EmptyWebhookSecretError, WebhookVerificationError


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    payload: dict | None  # None when it did not verify
    error: str = ""


class Receiver:
    def __init__(self):
        self.received: list[Received] = []
        self.answers: list[int] = []  # status codes to answer, in turn; 204 once they run out
        self.secret = ""  # the endpoint's, set once it is registered
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = dict(self.headers.items())
                try:
                    payload, error = Webhook(receiver.secret).verify(body, headers), ""
                except (WebhookVerificationError, EmptyWebhookSecretError) as exc:
                    payload, error = None, str(exc)
                receiver.received.append(Received(self.path, headers, body, payload, error))
                self.send_response(receiver.answers.pop(0) if receiver.answers else 204)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/waypoint"

    def events(self) -> list[dict]:
        """Every payload received; each must have verified."""
        assert [r.error for r in self.received if r.error] == []
        return [r.payload for r in self.received]

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
