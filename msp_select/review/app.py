"""The review web app (Flask): server-rendered pages, a little plain JavaScript, no build step.

Every request must carry the session's random token (query `?token=`, then a cookie the
first page sets, or the `X-Review-Token` header that actions must send), so another user of
the machine cannot read the proposals. Templates are autoescaped; vendor text reaches the
browser only as escaped HTML or JSON, and no path in a URL names a file: documents are
addressed by vendor id and position, both checked against the session.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    jsonify,
    make_response,
    render_template,
    request,
)

from msp_select import models, units, vocab
from msp_select.review import forms, views
from msp_select.review.pages import PageImages, parse_bbox
from msp_select.review.session import Session

HEADER = "X-Review-Token"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


bp = Blueprint("review", __name__)


def create_app(session: Session, token: str | None = None) -> Flask:
    """The app for one review session; `app.config["TOKEN"]` is the secret in its URL."""
    here = Path(__file__).parent
    app = Flask(
        __name__,
        template_folder=str(here / "templates"),
        static_folder=str(here / "static"),
        static_url_path="/static",
    )
    token = token or secrets.token_urlsafe(24)
    app.config.update(
        TOKEN=token,
        COOKIE="msp_review_" + hashlib.sha256(token.encode()).hexdigest()[:10],
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.extensions["msp_review"] = (session, PageImages(password=session.options.password))
    app.before_request(check_token)
    app.after_request(harden)
    for code in (404, 405, 413):
        app.register_error_handler(code, http_error)
    app.register_blueprint(bp)
    return app


def _session() -> Session:
    return current_app.extensions["msp_review"][0]


def _same(given: str | None, token: str) -> bool:
    return bool(given) and secrets.compare_digest(given.encode(), token.encode())


def check_token():
    """Refuse any request without the token; an action must also send it as a header."""
    token, cookie = current_app.config["TOKEN"], current_app.config["COOKIE"]
    given = request.args.get("token") or request.headers.get(HEADER) or request.cookies.get(cookie)
    if not _same(given, token):
        return refused("this review server needs the token printed when it started", 403)
    if request.method == "POST" and not _same(request.headers.get(HEADER), token):
        return refused(f"an action must send the {HEADER} header", 403)
    return None


def harden(response):
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    token, cookie = current_app.config["TOKEN"], current_app.config["COOKIE"]
    if request.args.get("token") == token and request.cookies.get(cookie) != token:
        response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
    return response


def refused(message: str, status: int):
    """A refusal the analyst can read: JSON for the scripts' requests, a page otherwise."""
    if request.path.startswith(("/action/", "/search/")):
        return jsonify({"ok": False, "message": message}), status
    return make_response(render_template("refused.html", message=message), status)


def http_error(err):
    return refused(getattr(err, "description", "not found"), err.code)


def known(vendor: str) -> str:
    if vendor not in _session().vendors:
        abort(404, description=f"unknown vendor {vendor!r}")
    return vendor


def _page(vendor: str):
    session = _session()
    snap = session.snapshot()
    return render_template(
        "review.html",
        token=current_app.config["TOKEN"],
        ranking=views.ranking(session, snap),
        view=views.vendor_page(session, snap, vendor),
        problem=snap.problem,
        errors=session.errors,
        choices=_choices(),
        overrides_path=str(session.overrides.path),
    )


@bp.get("/")
def index():
    """The opening page: every vendor ranked, and the evidence of the first."""
    return _page(_session().snapshot().decision.ranking[0].vendor)


@bp.get("/vendor/<vendor>")
def vendor_view(vendor):
    return _page(known(vendor))


@bp.get("/page/<vendor>/<int:doc>/<int:number>.png")
def page_image(vendor, doc, number):
    session, images = current_app.extensions["msp_review"]
    try:
        document, path = session.document(known(vendor), doc)
    except KeyError:
        abort(404, description=f"{vendor} has no document {doc}")
    if not 1 <= number <= document.pages:
        abort(404, description=f"{document.file} has no page {number}")
    try:
        bbox = parse_bbox(request.args.get("bbox"))
    except ValueError as err:
        return refused(str(err), 400)
    response = make_response(images.png(path, number, bbox))
    response.headers["Content-Type"] = "image/png"
    return response


@bp.get("/search/<vendor>")
def search(vendor):
    query = request.args.get("q", "")
    if len(query) > 200:
        return refused("search for at most 200 characters", 400)
    return jsonify({"ok": True, "hits": views.search(_session(), known(vendor), query)})


@bp.post("/action/<vendor>")
def action(vendor):
    """Carry out one action; answer with the new ranking and the vendor's evidence, rendered."""
    session = _session()
    known(vendor)
    try:
        message = session.act(vendor, request.get_json(silent=True))
    except forms.Refused as err:
        return refused(str(err), err.status)
    snap = session.snapshot()
    return jsonify(
        {
            "ok": True,
            "message": message,
            "ranking_html": render_template(
                "_ranking.html", ranking=views.ranking(session, snap), current=vendor
            ),
            "evidence_html": render_template(
                "_evidence.html", view=views.vendor_page(session, snap, vendor)
            ),
        }
    )


def _choices() -> dict:
    """The vocabularies the forms offer (the server checks them again)."""
    return {
        "categories": models.CATEGORIES,
        "criteria": models.CRITERIA_IDS,
        "strengths": models.STRENGTHS,
        "parties": models.PARTIES,
        "scopes": {c: vocab.CATEGORIES[c].scopes for c in models.CATEGORIES},
        "units": {c: units.known_units(c) for c in models.CATEGORIES},
    }
