"""moto's S3 server, handling one request at a time.

Stock `moto_server` is threaded, and its PutObject checks `If-None-Match: *` and stores the object as two
unlocked steps, so two racing conditional writes can both succeed (seen: 2 winners in 1 of 400 rounds of 20).
Serialising requests makes create-if-absent atomic, as it is on real S3. moto's backends are not thread-safe
anyway, so nothing correct is lost. State lives in memory only: a restart empties every bucket.
"""

import argparse
import signal
import sys
import threading

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import run_simple


def serialised(app):
    lock = threading.Lock()

    def handle(environ, start_response):
        with lock:
            # Drain the response inside the lock: WSGI apps may do their work lazily while it is iterated.
            return list(app(environ, start_response))

    return handle


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = serialised(DomainDispatcherApplication(create_backend_app))
    # threaded keeps HTTP/1.1 keep-alive connections from blocking each other; the lock orders the work.
    run_simple(args.host, args.port, app, threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
