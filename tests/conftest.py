"""Fixtures shared by the test modules: the spaCy pipeline, the evidence finder, and builders
of documents and PDFs. Helper modules are imported one way: `from tests.<helper> import ...`.
"""

from __future__ import annotations

import pytest

from tests import extract_helpers, pdf_fixtures


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
