"""Fixtures shared by the test modules: the spaCy pipeline, the evidence finder, builders of
documents, PDFs and proposals folders, and the command line run in-process. Helper modules are
imported one way: `from tests.<helper> import ...`.
"""

from __future__ import annotations

import pytest

from tests import extract_helpers, pdf_fixtures
from tests.proposals import EXAMPLE_CRITERIA


@pytest.fixture(scope="session")
def nlp():
    """The pipeline every extractor shares (blank English, lemmas, the project's patterns)."""
    from msp_select.extract.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def finder(nlp):
    """Team-fit evidence and risk flags of a sentence."""
    from msp_select.extract.evidence import EvidenceFinder

    return EvidenceFinder(nlp)


@pytest.fixture
def document():
    """`document("para", "para", tables=..., heading=...)`: a models.Document with no PDF."""
    return extract_helpers.document


@pytest.fixture
def text_pdf(tmp_path):
    """`text_pdf("name.pdf", [["page 1 para", ...], ...], **layout)`: a PDF in tmp_path."""

    def make(name: str, pages: list[list[str]], **kw):
        return pdf_fixtures.text_pdf(tmp_path / name, pages, **kw)

    return make


@pytest.fixture
def evidence_of(nlp, finder):
    """`evidence_of(text, heading="")`: ({criterion: strength}, {flag}) found in one sentence."""
    from msp_select.models import Source

    source = Source("proposal.pdf", 1, "text")

    def find(text: str, heading: str = ""):
        evidence, flags = finder.find(nlp(text), source, heading)
        return {e.criterion: e.strength for e in evidence}, {f.flag for f in flags}

    return find


@pytest.fixture
def proposals_folder(tmp_path):
    """`proposals_folder({"acme-it.pdf": pages, ...})`: tmp_path/proposals, a text PDF each."""

    def make(vendors: dict[str, list[list[str]]]):
        folder = tmp_path / "proposals"
        folder.mkdir(exist_ok=True)
        for name, pages in vendors.items():
            pdf_fixtures.text_pdf(folder / name, pages)
        return folder

    return make


@pytest.fixture
def cli():
    """`cli("score", path, ...)`: msp-select run in-process by click's CliRunner (kwargs to
    invoke); arguments may be paths."""
    from click.testing import CliRunner

    from msp_select.cli import main

    def invoke(*args, **kw):
        return CliRunner().invoke(main, [str(a) for a in args], **kw)

    return invoke


@pytest.fixture
def score_cli(cli):
    """`score_cli(proposals, out, *extra)`: `msp-select score` on criteria/example with no cache
    and no sensitivity samples; `extra` options come last, so they win."""

    def score(proposals, out, *extra, **kw):
        base = ("--criteria", EXAMPLE_CRITERIA, "--out", out, "--no-cache", "--samples", "0")
        return cli("score", proposals, *base, *extra, **kw)

    return score
