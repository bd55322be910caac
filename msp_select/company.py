"""The company behind each proposal, read from its documents, for memos people can sign.

A proposal names its author in the places a reader looks first, so the signals are where a
name stands, not what it says: the PDF's Author and Title entries, the running heads, the
title page (its first lines and a name after "by" or "from"), a legal-form suffix ("Ltd",
"GmbH"), how often the name recurs, and the vendor id the file or folder name gave. A name
the documents address ("Proposal for X"), that the criteria mention, or that several vendors'
documents share is the client's or a third party's, never a vendor's. A candidate needs one
word that is a name, not an ordinary word of the document. Nothing confident: no name, and
the memo shows the vendor id. The word lists are in data/company.yaml.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import string
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from msp_select import models

CONFIDENT = 4.0  # a score below this is a guess: the vendor id is shown instead
KEEP = 12  # candidates kept per vendor, for comparing vendors in `resolve`
POOL = 40  # candidates whose recurrence is counted, strongest signals first
READ_TEXTS = 400  # paragraphs and tables searched for names: a company names itself early
MAX_WORDS = 6  # a longer phrase is a sentence, not a name
FIRST_BLOCKS = 6  # blocks of page 1 that make the title page
CUE_WORDS = 20  # "Prepared by X for Y" is a line; "by X" in a paragraph is a weaker sign

# Signal weights. A document's own declaration (Author entry, running head, "by X") weighs
# most; a position alone (title line, heading) least.
AUTHOR, RUNNING, CUE, SUFFIX, TITLE, HEADER, TITLE_PAGE = 3.0, 3.0, 3.0, 2.0, 2.0, 2.0, 1.0
ID_MATCH, MAX_FREQUENCY = 3.0, 3.0
DECLARED = {"author", "cue", "suffix"}  # signals that give a company's full name

_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w&'’-]*|[a-z]+[A-Z][\w&'’-]*)"
# (words may be joined by "&": "Brindle & Hart Technology Ltd" is one name)
_RUN = re.compile(
    rf"{_WORD}(?:(?: &)? {_WORD}){{0,{MAX_WORDS - 1}}}(?:,? (?P<sfx>[A-Za-z.]{{2,12}}))?"
)
_TOKENS = re.compile(r"[^\W_][\w'’&-]*")


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict:
    from msp_select.report.wording import load_data

    data = load_data("company.yaml")
    return {
        "suffixes": frozenset(s.lower() for s in data["suffixes"]),
        "author_cues": tuple(data["author_cues"]),
        "recipient_cues": tuple(data["recipient_cues"]),
        "separators": tuple(data["separators"]),
        "generic": frozenset(str(w).lower() for w in data["generic"]),
        "placeholders": frozenset(str(w).lower() for w in data["placeholders"]),
        "document_words": frozenset(str(w).lower() for w in data["document_words"]),
    }


# Punctuation becomes a space (a dot disappears: 'B.V.' = 'BV'); str.translate keeps this
# linear and fast on a long document.
_PUNCTUATION = str.maketrans(
    {c: " " for c in string.punctuation + "‘’“”–—•·…«»" if c not in "&."} | {".": ""}
)


def norm(text: str) -> str:
    """Lower case, words only, single spaces: 'Fernhill Systems, Inc.' -> 'fernhill systems inc'."""
    return " ".join(text.translate(_PUNCTUATION).lower().split())


def is_legal_form(text: str) -> bool:
    """Does the text open on a legal-form suffix ("Ltd.", "S.A. de C.V.", "Inc")?"""
    words = norm(text).split()
    return bool(words) and words[0] in _lexicon()["suffixes"]


def legal_forms() -> frozenset[str]:
    """The legal-form suffixes of company.yaml, in normal form ("bv", "inc", "ltda")."""
    return _lexicon()["suffixes"]


def key(name: str) -> str:
    """The words that identify a name: its normal form without a legal-form suffix."""
    words = norm(name).split()
    while len(words) > 1 and words[-1] in _lexicon()["suffixes"]:
        words.pop()
    return " ".join(words)


def _clean(name: str) -> str:
    name = " ".join(name.split())
    cleaned = name.strip(" ,.;:?!-–—|•·'\"“”‘’()")
    last = cleaned.rsplit(" ", 1)[-1]
    if name.startswith(cleaned + ".") and (norm(last) in _lexicon()["suffixes"] or "." in last):
        cleaned += "."  # 'Inc.', 'B.V.'
    return cleaned


def _segments(text: str) -> list[str]:
    """A header or title line cut at its separators ('X | Proposal for Y' -> X, Proposal...);
    a legal suffix stays with its name ('Fernhill Systems, Inc.')."""
    parts = [text]
    for sep in _lexicon()["separators"]:
        parts = [p for part in parts for p in part.split(sep)]
    out: list[str] = []
    for p in (_clean(p) for p in parts):
        if p and out and norm(p) in _lexicon()["suffixes"]:
            out[-1] += ", " + p
        elif p:
            out.append(p)
    return out


_ADDRESS = re.compile(r"\S*(?:@|://|www\.|\w\.[a-z]{2,})\S*")  # e-mail, web and domain names
# (what every address holds: looked for first, as _ADDRESS backtracks over every word)
_ADDRESS_CORE = re.compile(r"@|://|www\.|\w\.[a-z]{2,}")


def _runs(text: str) -> Iterable[tuple[int, str]]:
    """(offset, name) for each run of capitalised words, with a legal suffix after a comma."""
    for m in _RUN.finditer(text):
        name = m.group(0)
        sfx = m.group("sfx")
        if sfx and norm(sfx) not in _lexicon()["suffixes"]:
            name = name[: m.start("sfx") - m.start()].rstrip(", ")
        yield m.start(), _clean(name)


@dataclasses.dataclass
class _Found:
    signals: dict[str, float] = dataclasses.field(default_factory=dict)
    variants: Counter = dataclasses.field(default_factory=Counter)
    recipient: bool = False


class _Reader:
    """Collects candidate names and their signals from one vendor's documents."""

    def __init__(self):
        self.found: dict[str, _Found] = {}
        self.texts: list[str] = []

    def add(self, name: str, signal: str, weight: float) -> None:
        name = _clean(name)
        k = key(name)
        if not name or not k or len(k.split()) > MAX_WORDS or not re.search(r"[^\W\d_]", k):
            return
        f = self.found.setdefault(k, _Found())
        f.signals[signal] = max(f.signals.get(signal, 0.0), weight)
        f.variants[name] += weight

    def address(self, name: str) -> None:
        k = key(_clean(name))
        if k:
            self.found.setdefault(k, _Found()).recipient = True
            self.found[k].variants[_clean(name)] += 0

    def line(self, text: str, signal: str, weight: float) -> None:
        """A title-like line: each segment, each name in it, and the names after cues."""
        for seg in _segments(text):
            if _name_like(seg):
                self.add(seg, signal, weight)
        self.cued(text, weight)
        for at, name in _runs(text):
            if at or " " in name or _name_like(text):  # not just a line's capitalised first word
                self.add(name, signal, weight)

    def cued(self, text: str, weight: float) -> None:
        """Names right after an author cue ('by X') or a recipient cue ('for X')."""
        lex = _lexicon()
        for cues, author in ((lex["author_cues"], True), (lex["recipient_cues"], False)):
            words = "|".join(re.escape(c) for c in cues)
            for m in re.finditer(rf"\b(?:{words})\b:?\s+", text, flags=re.IGNORECASE):
                rest = text[m.end() :]
                run = next(iter(_runs(rest)), None)
                if run is None or run[0] != 0:
                    seg = _segments(rest[:80])
                    run = (0, seg[0]) if seg and len(seg[0].split()) <= 3 else None
                if run is None:
                    continue
                if author:
                    self.add(run[1], "cue", weight)
                else:
                    self.address(run[1])


def _name_like(segment: str) -> bool:
    """Words as a name is written: starting with a letter, every word capitalised (a brand
    of one or two words may be lower case: 'dxw digital'), not a sentence."""
    words = segment.split()
    if not words or len(words) > MAX_WORDS or not segment[0].isalpha() or ". " in segment:
        return False
    return len(words) <= 2 or all(w[0].isupper() or w[0].isdigit() for w in words)


def _title_lines(blocks: list[models.Block]) -> list[models.Block]:
    """Consecutive headings of one level joined: a title set on two lines is one title."""
    out: list[models.Block] = []
    for b in blocks:
        if out and b.heading and out[-1].heading and out[-1].level == b.level:
            out[-1] = dataclasses.replace(out[-1], text=f"{out[-1].text} {b.text}")
        else:
            out.append(b)
    return out


def _text_of(doc: models.Document) -> list[str]:
    """Every text of a document; table cells apart so no name runs across two cells."""
    return [b.text for b in doc.blocks] + [
        " | ".join(cell for row in (t.header_rows or (t.header,)) + t.rows for cell in row)
        for t in doc.tables
    ]


def candidates(vendor: str, documents: Sequence[models.Document]) -> tuple:
    """The names one vendor's documents may go by, strongest first (see the module doc)."""
    lex = _lexicon()
    reader = _Reader()
    for doc in documents:
        if doc.author.lower() not in lex["placeholders"]:
            for seg in _segments(doc.author):
                reader.add(seg, "author", AUTHOR)
        if doc.title.lower() not in lex["placeholders"]:
            reader.line(doc.title, "title", TITLE)
        for line in doc.running:
            reader.line(line, "running", RUNNING)
        page_one = _title_lines([b for b in doc.blocks if b.page == 1][:FIRST_BLOCKS])
        if page_one and len(_segments(page_one[0].text)) > 1:  # a header of a one-page file
            reader.line(page_one[0].text, "header", HEADER)
        for b in page_one:
            reader.line(b.text, "title page", TITLE_PAGE)
            reader.cued(b.text, CUE if len(b.text.split()) <= CUE_WORDS else TITLE_PAGE)
            if b.heading:
                reader.line(b.text, "heading", TITLE_PAGE)
        texts = _text_of(doc)
        reader.texts += texts
        for text in texts[:READ_TEXTS]:
            for _, name in _runs(text):
                words = norm(name).split()
                if words and words[-1] in lex["suffixes"] and len(words) > 1:
                    reader.add(name, "suffix", SUFFIX)
                reader.add(name, "text", 0.0)
    return _scored(vendor, reader)


def _scored(vendor: str, reader: _Reader) -> tuple:
    lex = _lexicon()
    body = " " + norm(" \n ".join(reader.texts)) + " "
    lower, upper = set(), set()
    for text in reader.texts[:READ_TEXTS]:
        plain = _ADDRESS.sub(" ", text) if _ADDRESS_CORE.search(text) else text
        for w in _TOKENS.findall(plain):
            (upper if w[0].isupper() else lower).add(w.lower())
    # (a word of the vendor's own file name is its name, even where a logo sets it in lower
    # case: "tembusu IT" in a web page's header)
    named = {w for w in re.split(r"[\W_]+", vendor.lower()) if len(w) > 2}
    common = lex["generic"] | lex["suffixes"] | ((lower & upper) - named)

    @functools.lru_cache(maxsize=None)
    def count(k: str) -> int:
        return body.count(f" {k} ")

    full = _inherit(reader.found, common)
    pool = []
    for k, f in reader.found.items():
        shown = reader.found[full.get(k, k)].variants
        if _opens_sentence(k, f, common):  # 'Between Medway Systems Ltd': the name follows
            k = k.partition(" ")[2]
            shown = Counter({v.partition(" ")[2]: w for v, w in f.variants.items()})
        words = k.split()
        if not any(w not in common and not w.isdigit() and len(w) > 1 for w in words):
            continue
        structural = sum(f.signals.values())
        match = _id_match(vendor, words, common)
        if not structural and match < 0.5 and not f.recipient:
            continue  # a name that only recurs (a person, a product): never the company
        name = max(shown, key=lambda v: (not v.isupper(), shown[v], len(v), v))
        pool.append((-(structural + ID_MATCH * match), name, k, f.recipient, structural, match))
    out: dict[str, models.NameCandidate] = {}
    for _, name, k, recipient, structural, match in sorted(pool)[:POOL]:
        words = k.split()
        # 'Larchmont' on its own also counts for 'Larchmont IT Ltd'
        n = count(k) + sum(
            count(" ".join(words[:i])) for i in range(1, len(words)) if words[0] not in common
        )
        score = structural + ID_MATCH * match + min(MAX_FREQUENCY, math.log2(1 + n))
        if k not in out or out[k].score < score:  # one candidate per name, however written
            out[k] = models.NameCandidate(name, round(score, 3), recipient)
    out = _joined(out)
    ranked = sorted(out.values(), key=lambda c: (-c.score, -len(c.text.split()), c.text))
    return tuple(ranked[:KEEP])


def _joined(out: dict[str, models.NameCandidate]) -> dict[str, models.NameCandidate]:
    """A name cut at its "&" ('Hart Technology Ltd' of 'Brindle & Hart Technology Ltd') is the
    whole name: its recurrences count for the whole, and it is no name of its own."""
    kept = dict(out)
    for k, c in out.items():
        whole = next((w for w in out if w.endswith(f" & {k}") and not out[w].recipient), None)
        if whole and not c.recipient:
            del kept[k]
            if kept[whole].score < c.score:
                kept[whole] = dataclasses.replace(kept[whole], score=c.score)
    return kept


def _opens_sentence(k: str, f: _Found, common) -> bool:
    """An ordinary word capitalised because it starts a sentence, before a name. An acronym
    ('IT Solver') is part of the name."""
    first, _, rest = k.partition(" ")
    if not rest or first not in common:
        return False
    return not any(v.split()[0].isupper() for v in f.variants if v)


def _inherit(found: dict[str, _Found], common) -> dict[str, str]:
    """A name inside a signalled phrase shares its signals ('Contacting UKCloud' -> UKCloud):
    which of the two is the company then rests on how often each recurs. Returns the full
    form of each short name that the documents declare ('Crestline' -> 'Crestline Technology
    Partners', given as Author, after "by" or with a legal suffix), to show instead."""
    given = {k: dict(f.signals) for k, f in found.items()}
    full: dict[str, str] = {}
    for k in sorted(found, key=lambda k: (-sum(given[k].values()), k)):
        if not any(given[k].values()):
            continue  # nothing to share
        words = k.split()
        declared = bool(DECLARED & set(given[k]))
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                sub = " ".join(words[i:j])
                if sub == k or sub not in found or all(w in common for w in words[i:j]):
                    continue
                mine = found[sub].signals
                for signal, weight in given[k].items():
                    mine[signal] = max(mine.get(signal, 0.0), weight)
                if i == 0 and declared:
                    full.setdefault(sub, k)
    return full


def _id_match(vendor: str, words: list[str], common: frozenset | set) -> float:
    """How much of a name the vendor id spells ('crestline-tech' ~ 'Crestline Technology')."""
    ids = [t for t in re.split(r"[^a-z0-9]+", vendor.lower()) if len(t) > 1 and t not in common]
    own = [w for w in words if w not in common]
    if not ids or not own:
        return 0.0

    def close(a: str, b: str) -> bool:
        return a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)))

    hit = sum(1 for t in ids if any(close(t, w) for w in own))
    if not hit and "".join(own) in ("".join(ids), vendor.lower().replace("-", "")):
        return 1.0  # 'BluePeak' ~ 'blue-peak'
    spelled = [t for t in re.split(r"[^a-z0-9]+", vendor.lower()) if t]
    every = sum(1 for t in spelled if any(close(t, w) for w in words)) / len(spelled)
    return hit / min(len(ids), len(own)) + every / 4  # the generic words break ties


def client_text(criteria_dir: str | Path | None) -> str:
    """The raw text of the criteria files, comments included: where the client names itself."""
    if criteria_dir is None:
        return ""
    folder = Path(criteria_dir)
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))
        return "\n".join(p.read_text(encoding="utf-8", errors="replace")[: 1 << 20] for p in files)
    except OSError:
        return ""


def resolve(
    extractions: Sequence[models.VendorExtraction], client: str = ""
) -> list[models.VendorExtraction]:
    """Each extraction with `company` set: its strongest candidate that is its own.

    A name is not a vendor's own when its documents address it, when `client` (the criteria's
    text) contains it, or when another vendor's documents hold it about as strongly.
    """
    client_words = " " + norm(client) + " "
    best: dict[tuple[str, str], float] = {}  # (name key, vendor) -> strongest score
    addressed = set()
    for e in extractions:
        for c in e.names:
            k = key(c.text)
            best[k, e.vendor] = max(best.get((k, e.vendor), 0.0), c.score)
            if c.recipient:
                addressed.add(k)
    scores: dict[str, list[float]] = {}
    for (k, _), score in sorted(best.items()):
        scores.setdefault(k, []).append(score)
    out = []
    for e in extractions:
        chosen = ""
        for c in e.names:
            k = key(c.text)
            others = sorted(scores[k], reverse=True)
            shared = len(others) > 1 and others[1] * 2 > c.score
            if c.score < CONFIDENT:
                break
            if c.recipient or k in addressed or f" {k} " in client_words or shared:
                continue
            chosen = c.text
            break
        out.append(dataclasses.replace(e, company=chosen))
    return out
