"""The company's name from its proposal (company.py): shown in the memo, the exports and
commitments.json beside the vendor id; never a heading, a person, or the client's own name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from msp_select import company, models
from msp_select.extract import extract_vendor
from msp_select.extract.strength import Parties, client_names, shared_clients
from tests.pdf_fixtures import text_pdf

BOX = (72.0, 72.0, 540.0, 90.0)


def doc(*paras, author="", title="", running=(), page_one_headings=1) -> models.Document:
    """A Document whose first `page_one_headings` paragraphs are headings, all on page 1."""
    blocks = tuple(
        models.Block(p, 1, BOX, heading=i < page_one_headings, level=1 if i < 1 else 0)
        for i, p in enumerate(paras)
    )
    return models.Document("p.pdf", "0" * 64, 1, blocks, (), (), title, author, running)


BODY = (
    "We will respond to Priority 1 incidents within 15 minutes, at any hour.",
    "Every month you receive a report that sets each ticket against these limits.",
)


def name_of(vendor: str, *docs: models.Document, client: str = "") -> str:
    ext = models.VendorExtraction(vendor, (), names=company.candidates(vendor, docs))
    return company.resolve([ext], client)[0].company


@pytest.mark.parametrize(
    "vendor,document,expected",
    [
        (  # the title page says who wrote it
            "v1",
            doc(
                "Managed IT Services Proposal",
                "Prepared by Zenith Networks Ltd for Harbor Health.",
                "Zenith Networks has run managed services since 2009.",
                *BODY,
            ),
            "Zenith Networks Ltd",
        ),
        (  # the running head and the file name agree
            "quillon",
            doc(
                "Service Proposal",
                *BODY,
                "Quillon engineers work from Leeds.",
                running=("Quillon IT | Proposal | Confidential", "Page 1 of 4"),
            ),
            "Quillon IT",
        ),
        (  # the PDF's Author entry, borne out by the text
            "v3",
            doc(
                "Support Plans",
                "Brightwater looks after 40 firms.",
                *BODY,
                author="Brightwater Systems GmbH",
            ),
            "Brightwater Systems GmbH",
        ),
        (  # a lower-case brand in the header line of a one-page document
            "cloud-gov",
            doc(
                "cloud.gov | Customer service objectives",
                "Cloud.gov runs the platform.",
                *BODY,
                page_one_headings=0,
            ),
            "cloud.gov",
        ),
        (  # a legal suffix after a comma stays with the name
            "fernhill",
            doc(
                "Proposal for Managed Services",
                "Fernhill Systems, Inc., 800 W Main Street, Boise, Idaho",
                *BODY,
            ),
            "Fernhill Systems, Inc.",
        ),
    ],
)
def test_company_name_from_structural_signals(vendor, document, expected):
    assert name_of(vendor, document) == expected


@pytest.mark.parametrize(
    "document",
    [
        # a heading for a first line is not a company
        doc("Service Level Agreement", *BODY),
        doc("Service Level Agreement", "1. Introduction", *BODY, page_one_headings=2),
        doc("Managed IT Services Proposal", "Statement of Work", *BODY, page_one_headings=2),
        # a person named often is not the company
        doc(
            "Proposal",
            "Your account manager, Dana Whitfield, meets you monthly.",
            "Dana Whitfield also chairs the quarterly review.",
            *BODY,
        ),
        # an Author entry left by the authoring software names no one
        doc("Proposal", *BODY, author="Microsoft Office User", title="untitled"),
    ],
)
def test_no_confident_name_falls_back_to_the_id(document):
    assert name_of("vendor-7", document) == ""
    ext = models.VendorExtraction("vendor-7", ())
    assert ext.display == "vendor-7"


def test_the_client_addressed_is_never_the_vendor():
    d = doc(
        "Managed IT proposal for Harbor Health Partners",
        "Harbor Health Partners runs four clinics; Harbor Health Partners needs 24x7 cover.",
        "We know Harbor Health Partners well.",
        *BODY,
        running=("Proposal for Harbor Health Partners | Confidential",),
    )
    assert name_of("v", d) == ""


def test_the_client_named_in_the_criteria_is_never_the_vendor():
    d = doc(
        "Managed IT Proposal",
        "Harbor Health Partners",
        *BODY,
        "Harbor Health Partners will get a named engineer.",
        author="Harbor Health Partners",
    )
    assert name_of("v", d) == "Harbor Health Partners"  # nothing says it is the client ...
    client = "# Harbor Health Partners: what we need from a provider\ngoals: []\n"
    assert name_of("v", d, client=client) == ""  # ... until the criteria do


def test_a_name_every_vendor_shows_belongs_to_none_of_them():
    shared = "Rivergate Clinic Group"
    docs = {
        "alpha": doc("Proposal", f"{shared}", "Prepared by Alpha Tech Ltd.", *BODY),
        "bravo": doc("Proposal", f"{shared}", "Prepared by Bravo Systems LLC.", *BODY),
    }
    exts = [
        models.VendorExtraction(v, (), names=company.candidates(v, [d])) for v, d in docs.items()
    ]
    assert any(company.key(c.text) == company.key(shared) for c in exts[0].names)
    named = company.resolve(exts)
    assert [e.company for e in named] == ["Alpha Tech Ltd", "Bravo Systems LLC"]
    assert [e.company for e in company.resolve(exts[::-1])] == [
        "Bravo Systems LLC",
        "Alpha Tech Ltd",
    ]


def test_pdf_keeps_author_title_and_running_heads(tmp_path):
    from msp_select.ingest import read_pdf

    pages = [["# Service Proposal", "Kestrel engineers are on call.", *BODY], ["# Pricing"]]
    path = text_pdf(tmp_path / "p.pdf", pages, header="Kestrel IT | Proposal", footer="{n}")
    d = read_pdf(path)
    assert "Kestrel IT | Proposal" in d.running
    assert d.author == "anonymous"  # reportlab's placeholder, which company.py ignores
    assert name_of("vendor-1", d) == "Kestrel IT"


def run_score(score_cli, tmp_path: Path, *args: str) -> Path:
    """Two vendors scored against criteria/example, whose client is Alder Creek Medical Group."""
    d = tmp_path / "proposals"
    d.mkdir()
    text_pdf(
        d / "kestrel.pdf",
        [
            [
                "# Managed IT Proposal",
                "Prepared by Kestrel Networks Ltd for Alder Creek Medical Group.",
                "Kestrel will respond to Priority 1 incidents within 15 minutes, 24x7.",
            ]
        ],
    )
    text_pdf(
        d / "sla-2.pdf",
        [
            [
                "# Service Level Agreement",
                "Alder Creek Medical Group gets a response to Priority "
                "1 incidents within 20 minutes.",
            ]
        ],
    )
    out = tmp_path / "out"
    r = score_cli(d, out, "--date", "2026-11-24", *args)
    assert r.exit_code == 0, r.output
    return out


def test_score_shows_company_names_with_ids_and_writes_them_to_json(score_cli, tmp_path):
    out = run_score(score_cli, tmp_path, "--format", "md", "--format", "html", "--format", "csv")
    vendors = json.loads((out / "commitments.json").read_text("utf-8"))["vendors"]
    assert {v["vendor"]: v["company"] for v in vendors} == {
        "kestrel": "Kestrel Networks Ltd",
        "sla-2": None,  # only a heading and the client: no name, the id stands
    }
    md = (out / "memo.md").read_text("utf-8")
    assert "| Kestrel Networks Ltd | kestrel |" in md and "| sla-2 | sla-2 |" in md
    assert "Alder Creek" not in md.split("## Goal coverage")[0].split("| Rank |")[1]
    html = (out / "memo.html").read_text("utf-8")
    assert '<td>Kestrel Networks Ltd</td><td class="id">kestrel</td>' in html
    header, *rows = (out / "decision_matrix.csv").read_text("utf-8").splitlines()
    assert header.split(",")[0] == "vendor" and header.endswith(",company")
    assert sorted((r.split(",")[0], r.split(",")[-1]) for r in rows) == [
        ("kestrel", "Kestrel Networks Ltd"),
        ("sla-2", ""),
    ]


def test_extract_writes_the_company_too(cli, tmp_path):
    path = text_pdf(
        tmp_path / "orbit.pdf", [["# Proposal", "Prepared by Orbit Managed Services Ltd.", *BODY]]
    )
    out = tmp_path / "out"
    r = cli("extract", path, "--out", out, "--no-cache")
    assert r.exit_code == 0, r.output
    data = json.loads((out / "commitments.json").read_text("utf-8"))
    assert data["vendors"][0]["company"] == "Orbit Managed Services Ltd"


def test_a_capitalised_sentence_opener_is_not_part_of_the_name():
    d = doc(
        "Service Agreement",
        "Between Medway Systems Ltd and the client, on the terms below.",
        "Disputes between the parties go to mediation.",
        *BODY,
    )
    assert name_of("v", d) == "Medway Systems Ltd"


def test_one_name_written_several_ways_is_still_the_vendors_own():
    written = [("Zephyr Ltd", 9.0), ("Zephyr", 6.0), ("Zephyr?", 6.0), ("Cardiff", 5.0)]
    names = tuple(models.NameCandidate(text, score) for text, score in written)
    ext = models.VendorExtraction("v", (), names=names)
    assert company.resolve([ext])[0].company == "Zephyr Ltd"  # not 'shared' with itself


def test_a_logo_in_lower_case_does_not_hide_the_name_its_file_spells():
    """A web page printed to PDF: the logo in the navigation is "tembusu IT", the page title
    ends "| Tembusu IT"; the name is the company, not the clock in the browser's header."""
    page = doc(
        "tembusu IT Services Plans Industries Case studies About",
        "Managed IT plans that grow with your firm",
        *BODY,
        "Looking for one user? Tembusu Solo is on our Solo page.",
        title="Managed IT Plans for Business | Tembusu IT",
        running=("28/11/26, 10:42 AM Managed IT Plans for Business | Tembusu IT",),
    )
    assert name_of("tembusu-it", page) == "Tembusu IT"


def test_a_name_joined_by_an_ampersand_is_one_name_not_its_last_part():
    """'Brindle & Hart Technology Ltd': the words after the '&' recur on their own in the
    regex's eyes, but the company is the whole name, so 'the Supplier' in its parties clause
    is the vendor."""
    d = doc(
        "Schedule 3 - Service Levels",
        "Agreement between Calderbrook Housing Association (the Customer) and Brindle & "
        "Hart Technology Ltd (the Supplier).",
        "Brindle & Hart Technology Ltd will respond to Priority 1 incidents within 15 minutes.",
        *BODY,
    )
    assert name_of("brindle-hart", d) == "Brindle & Hart Technology Ltd"
    parties = Parties.of("brindle-hart", [d])
    assert "Supplier" in parties.provider and "Supplier" not in parties.client
    assert "Customer" in parties.client


@pytest.mark.parametrize(
    "named, expected",
    [
        # two vendors address the client, a third guesses a tender reference
        ([["Kurrajong Valley Schools Trust"], ["Kurrajong Valley Schools Trust", "RFT KVST"], []],
         ("Kurrajong Valley Schools Trust",)),
        # a longer form of a name two vendors give stands for it
        ([["Cooperativa Agroindustrial Campos"], ["Cooperativa Agroindustrial Campos do Tibagi"]],
         ("Cooperativa Agroindustrial Campos",)),
        # a legal form makes no other name
        ([["Brattøy Laks AS"], ["Brattøy Laks"]], ("Brattøy Laks AS",)),
        # one vendor's names are nobody else's
        ([["St Brigid's Housing Association CLG", "Tenders SBHA"], [], []], ()),
    ],
)  # fmt: skip
def test_the_client_is_the_name_two_vendors_address(named, expected):
    assert shared_clients(named) == expected


TENDER = "Tender for managed ICT services to Kurrajong Valley Schools Trust, submitted 31 October."
KEYS = "The Trust holds every administrator credential; our engineers use accounts it can revoke."


def _custody(*paras, shared=()):
    ext = extract_vendor("tallowood-it", [doc("Tallowood IT - Returnable Schedule B", *paras)],
                         shared_clients=shared)  # fmt: skip
    return (
        {e.criterion for e in ext.criteria_evidence} & {"control-retention"},
        {f.flag for f in ext.risk_flags} & {"vendor-holds-keys"},
    )


def test_a_name_other_vendors_address_is_the_client_where_this_one_only_mentions_it():
    """Tallowood's schedule never addresses the Trust ("services to ..." is no title), but the
    other tenderers do: the Trust keeping the credentials is the client keeping control."""
    shared = ("Kurrajong Valley Schools Trust",)
    assert _custody(TENDER, KEYS, shared=shared) == ({"control-retention"}, set())
    # unknown, or a shared name these documents never mention: no one's keys
    assert _custody(TENDER, KEYS) == (set(), set())
    assert _custody(TENDER.replace("Kurrajong", "Bowral"), KEYS, shared=shared) == (set(), set())
    assert client_names("tallowood-it", [doc("Tallowood IT", TENDER, KEYS)]) == ()


@pytest.mark.parametrize(
    "opening, term",
    [
        ('Managed IT Support Services for St. Brigid\'s Housing Association CLG (the "Authority").'
         " Tenderer: Lee Valley IT Solutions Ltd.", "Authority"),
        ("Support services to Harrow Vale Borough Council (the \u201cCouncil\u201d), offered by"
         " Lee Valley IT Solutions Ltd.", "Council"),
    ],
)  # fmt: skip
def test_a_name_the_opening_addresses_and_defines_is_the_clients(opening, term):
    keys = f"The {term} keeps ownership of every administrator credential in its own vault."
    assert _custody(opening, keys) == ({"control-retention"}, set())
    # the vendor's own defined term stays the vendor's
    own = 'Lee Valley IT Solutions Ltd (the "Contractor") offers support services.'
    parties = Parties.of("lee-valley-it", [doc("Lee Valley IT Solutions Ltd", own, opening)])
    assert term in parties.client and "Contractor" not in parties.client


def test_a_particle_or_title_that_opens_the_clients_name_is_no_short_form():
    """ "Al Noor" is the client, "Mariam Al Shamsi" is the vendor's manager."""
    parties = Parties.of(
        "corniche-managed",
        [doc("Corniche Managed Services - Proposal for Al Noor Desalination Services LLC")],
    )
    assert "Al Noor" in parties.client and "Al" not in parties.client
    assert parties.side("Mariam Al Shamsi - your single point of contact") == ""
    assert parties.side("Every month with Al Noor's IT Manager") == "client"
