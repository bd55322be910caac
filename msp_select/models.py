"""Records that cross module lines: documents -> commitments -> verdicts -> ranking -> memo.

All are frozen dataclasses so that a stage can never change what an earlier stage found.
Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's
`x0, top, x1, bottom`); pages are 1-based.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from msp_select import vocab

if TYPE_CHECKING:
    from msp_select.decide.sensitivity import Sensitivity

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom

# Category ids and strengths as plain strings, for membership tests and messages; their
# facts (unit, kind, scopes, label) and the Strength enum live in msp_select.vocab.
CATEGORIES = tuple(vocab.CATEGORIES)
STRENGTHS = tuple(strength.value for strength in vocab.Strength)
PARTIES = ("provider", "client")
CRITERIA_IDS = (
    "dedicated-account-manager",
    "senior-escalation",
    "governance-cadence",
    "roles-responsibilities",
    "client-obligations",
    "performance-incentives",
    "change-management",
    "implementation-plan",
    "adoption-communication",
    "conflict-resolution",
    "executive-oversight",
    "co-managed-collaboration",
    "reporting-transparency",
    "control-retention",
    "exit-assistance",
    "security-compliance",
    "flexibility",
)
RISK_FLAGS = (
    "clock-stop",
    "first-line-only",
    "extra-cost",
    "vendor-holds-keys",
    "no-penalty",
    "auto-renewal",
    "soft-sla",
)


# --- ingest: what a PDF says, where ---------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or list item in reading order, lines joined and de-hyphenated.

    Structure, so a number can take its meaning from the text around it:
    - `level`: for a heading, its depth (1 = the document's top heading level; deeper levels
      come from a smaller or lighter font, or deeper numbering such as "3.2" under "3."); 0 for
      every block that is not a heading.
    - `section`: the texts of the headings this block sits under, outermost first (a heading's
      own text is not in its `section`, its parents are). () before the first heading.
    - `item`: a list item: it starts with a bullet or a list number ("1.", "(a)"), or it is one
      of a run of lines that each start with a short label and a separator ("Urgent - 1 hour",
      "Priority 1: within 15 minutes").
    - `lead_in`: for a list item, the last sentence of the paragraph that introduces its list
      (the block right before the run of items, typically ending with ":"); "" otherwise and
      when the list follows a heading directly.
    """

    text: str
    page: int
    bbox: BBox
    heading: bool = False
    level: int = 0
    section: tuple[str, ...] = ()
    item: bool = False
    lead_in: str = ""


@dataclass(frozen=True)
class Table:
    """A table, ruled or aligned by spacing only; one continued over a page break is one table.

    - `header`: one cell per column, the header rows' cells of that column joined by a space
      (with one header row it is that row).
    - `rows`: the body rows below the header rows, every row as long as `header`.
    - `row_pages[i]`: the page of `rows[i]`, so evidence from a row names its own page.
    - `header_rows`: the header rows, outermost first (e.g. a tier-name row over a
      "Response (min) | Resolution (hrs)" row); a cell spanning several columns is repeated in
      each column it spans. () only for tables built by hand with `header` alone.
    - `subheader_rows`: indexes into `rows` of rows that label the rows below them rather than
      hold values: only one cell filled, usually the first or one spanning the width
      ("Priority 1 - Critical", "Gold plan").
    - `section`: the heading path above the table, as `Block.section`.
    - `lead_in`: the last sentence of the paragraph right above the table when it introduces
      it (no heading in between); "" otherwise.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    page: int
    bbox: BBox
    row_pages: tuple[int, ...] = ()
    header_rows: tuple[tuple[str, ...], ...] = ()
    subheader_rows: tuple[int, ...] = ()
    section: tuple[str, ...] = ()
    lead_in: str = ""


@dataclass(frozen=True)
class Document:
    """One parsed PDF: blocks in reading order across pages (tables excluded), and its tables."""

    file: str  # the file name shown in evidence (basename)
    sha256: str
    pages: int
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...]
    warnings: tuple[str, ...] = ()
    # Where a document names who wrote it: the PDF's Title and Author entries (cleaned, "" when
    # absent) and the texts of its running heads and footers, which the blocks leave out.
    title: str = ""
    author: str = ""
    running: tuple[str, ...] = ()


# --- extract: what the vendor commits to ----------------------------------------------


@dataclass(frozen=True)
class Source:
    file: str
    page: int
    kind: str  # "text" or "table"
    bbox: BBox | None = None


@dataclass(frozen=True)
class Commitment:
    category: str
    scope: str
    value: float | None
    unit: str
    strength: str
    party: str
    quote: str
    source: Source
    also_in: tuple[Source, ...] = ()  # the same commitment repeated elsewhere (an appendix)
    override: str = ""  # the analyst's override note (judgement.py), "" when untouched
    tier: str = ""  # the service tier a value belongs to ("Gold"), "" when the offer has one


@dataclass(frozen=True)
class Evidence:
    """Team-fit evidence for one criterion id of contract section 1.3."""

    criterion: str
    strength: str
    quote: str
    source: Source
    override: str = ""  # the analyst's override note (judgement.py), "" when untouched


@dataclass(frozen=True)
class RiskFlag:
    flag: str
    quote: str
    source: Source


@dataclass(frozen=True)
class DocumentInfo:
    file: str
    sha256: str
    pages: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameCandidate:
    """A name a vendor's documents may go by, with the weight of the signals for it."""

    text: str
    score: float
    recipient: bool = False  # the documents address it ("Proposal for X"): the client's name


@dataclass(frozen=True)
class VendorExtraction:
    """Everything found for one vendor (one PDF or one folder of PDFs).

    `names` are the candidates for the company's name found in its documents; `company` is
    the one chosen across all vendors of a run (company.py), "" when none is confident.
    """

    vendor: str
    documents: tuple[DocumentInfo, ...]
    commitments: tuple[Commitment, ...] = ()
    criteria_evidence: tuple[Evidence, ...] = ()
    risk_flags: tuple[RiskFlag, ...] = ()
    errors: tuple[str, ...] = field(default=())  # one line per document that could not be read
    names: tuple[NameCandidate, ...] = ()
    company: str = ""
    # the names its own documents address as the client (strength.client_names), and the
    # client's names across the run that it was read with (strength.shared_clients)
    clients: tuple[str, ...] = ()
    shared_clients: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """What people call the vendor: the company's name, else the vendor id."""
        return self.company or self.vendor


# --- criteria: what the client wants -----------------------------------------------------


@dataclass(frozen=True)
class Goal:
    """A client goal with a metric (contract section 2). `value` is in the category's unit."""

    id: str
    title: str
    category: str
    scope: str
    op: str  # "<=", ">=", "=="
    value: float | None  # converted to the contract unit; None for support_hours
    unit: str  # the contract unit of the category (or 24x7 / business_hours)
    weight: float  # normalised: all goal and team-fit weights sum to 1
    must_have: bool = False
    description: str = ""
    origin: str = ""  # "file.yaml:12", for messages


@dataclass(frozen=True)
class TeamFitCriterion:
    criterion: str  # an id of contract section 1.3
    weight: float  # normalised with the goals
    title: str = ""
    description: str = ""
    origin: str = ""


@dataclass(frozen=True)
class Criteria:
    goals: tuple[Goal, ...]
    team_fit: tuple[TeamFitCriterion, ...]
    method: str = "topsis"
    sha256: str = ""  # of the criteria files, for the reproducibility footer
    files: tuple[str, ...] = ()

    @property
    def currency(self) -> str:
        """The currency the client compares prices in ("PKR" for a target in PKR/month), when
        its price goals name one alone; "" otherwise."""
        codes = {g.unit.partition("/")[0] for g in self.goals if g.category == "price"}
        return codes.pop() if len(codes) == 1 else ""


# --- decide: verdicts, scores, ranking -----------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """How one vendor stands on one goal, and which commitment decided it."""

    vendor: str
    goal: str
    verdict: str  # meets, partial, misses, not_addressed
    value: float | None
    target: float | None
    unit: str
    reason: str  # plain words: which value was used and why
    evidence: tuple[Commitment, ...] = ()
    overridden: str = ""  # the analyst's note when an override decided it


@dataclass(frozen=True)
class TeamFitScore:
    vendor: str
    criterion: str
    score: float  # 0..1
    basis: str  # none, soft, binding, specific, manual
    reason: str
    evidence: tuple[Evidence, ...] = ()
    flags: tuple[RiskFlag, ...] = ()
    manual: bool = False
    disagreement: bool = False
    panel: tuple[tuple[str, float], ...] = ()  # (evaluator, score on the panel's 0-5 scale)


IN_THE_RUNNING, UNCONFIRMED, ELIMINATED = "in the running", "unconfirmed must-have", "eliminated"


@dataclass(frozen=True)
class RankedVendor:
    vendor: str
    rank: int  # tied vendors share a rank
    score: float
    eliminated: bool = False
    reasons: tuple[str, ...] = ()  # the must-have goals missed, or left to confirm
    unconfirmed: tuple[str, ...] = ()  # ids of must-have goals the proposal is silent on
    tied_with: tuple[str, ...] = ()  # vendors with exactly the same score

    @property
    def status(self) -> str:
        """in the running, unconfirmed must-have, or eliminated: what the memo says."""
        if self.eliminated:
            return ELIMINATED
        return UNCONFIRMED if self.unconfirmed else IN_THE_RUNNING


@dataclass(frozen=True)
class Column:
    """One column of the decision matrix."""

    id: str
    objective: str  # "min" or "max"
    weight: float
    kind: str  # "goal" or "team_fit"
    title: str = ""


@dataclass(frozen=True)
class Decision:
    method: str
    columns: tuple[Column, ...]
    vendors: tuple[str, ...]
    matrix: tuple[tuple[float | None, ...], ...]  # vendors x columns, None = missing
    ranking: tuple[RankedVendor, ...]
    verdicts: tuple[Verdict, ...]
    team_fit: tuple[TeamFitScore, ...]
    sensitivity: Sensitivity | None = field(default=None, hash=False, compare=False)
    missing_values: str = ""  # how a missing value was treated, in plain words
    overrides: tuple[str, ...] = ()  # every override and manual score applied, in plain words
