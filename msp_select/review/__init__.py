"""`msp-select review OUT_DIR`: check and correct the evidence beside the PDF page, in a browser.

    open_session(out_dir, proposals=None, criteria=None, options) -> Session   # session.py
    create_app(session, token=None) -> flask.Flask                                # app.py
    serve(session, port=None, open_browser=True, echo=print)                      # blocks

The app listens on 127.0.0.1 only, behind a random token in its URL. Each action is one
entry appended to PROPOSALS/overrides.yaml (the format judgement.py reads), and the ranking
is recomputed from the records extracted when the session opened.
"""

from __future__ import annotations

import logging
import socket
import webbrowser

from werkzeug.serving import make_server

from msp_select.errors import InputError
from msp_select.review.app import create_app
from msp_select.review.session import Session, open_session

__all__ = ["Session", "open_session", "serve", "create_app"]


def serve(session: Session, port: int | None = None, open_browser: bool = True, echo=print):
    """Serve the review app on 127.0.0.1 until interrupted; print (and open) its URL."""
    app = create_app(session)
    if port:  # werkzeug would print its own message and exit: say it our way first
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError as err:
                raise InputError(
                    f"port {port}: cannot listen there ({err.strerror}); "
                    "pick another --port or leave it out"
                ) from None
    server = make_server("127.0.0.1", port or 0, app, threaded=True)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    url = f"http://127.0.0.1:{server.server_port}/?token={app.config['TOKEN']}"
    echo(f"Review {session.run.out_dir} at {url}")
    echo(f"Actions are written to {session.overrides.path}; press Ctrl-C to stop.")
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
