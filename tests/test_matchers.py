"""nlp.IndexedMatcher finds exactly what one spaCy Matcher holding every pattern finds.

It runs a pattern only on a text that holds the words the pattern requires; a word wrongly
taken as required (an optional token, a negated one) would lose matches, which these tests
compare against the plain Matcher on the project's own patterns and on hand-made ones.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from spacy.matcher import Matcher

from msp_select.extract.nlp import IndexedMatcher, _exact_counts, _word_phrases, load_patterns

SENTENCES = [
    "We will respond to P1 incidents within 15 minutes and resolve them within 4 hours.",
    "Escalations outside business hours are charged at $150 per hour.",
    "On termination we will return all data and hand over admin credentials to the client.",
    "The client retains admin credentials; we never stop the clock during a P1.",
    "We aim to respond within one hour but cannot guarantee response times for third parties.",
    "Service credits of up to 10% of the monthly fee apply if availability falls below 99.9%.",
    "No service credits are payable for scheduled maintenance.",
    "Your previous provider charged for escalation, and you asked for a named account manager.",
    "A named account manager and a senior engineer will attend quarterly service reviews.",
    "Provided that the Client maintains supported hardware, faults will be fixed next day.",
    "Licences can be added or removed monthly without penalty, at no additional cost.",
    "On-site visits are billed at the standard rate; out-of-hours work is extra.",
    "Our first-line desk logs the call; senior engineers are available the next working day.",
    "It is the customer's responsibility to provide remote access.",
    "We may, at our discretion, endeavour to restore service as soon as reasonably practicable.",
]

HAND_MADE = [
    ("REQUIRED", [{"LOWER": "credit"}, {"LOWER": "of"}]),
    ("OPTIONAL_FIRST", [{"LOWER": "the", "OP": "?"}, {"LIKE_NUM": True}, {"LOWER": "hours"}]),
    ("STAR", [{"LOWER": "we"}, {"OP": "*"}, {"LOWER": "respond"}]),
    ("PLUS", [{"LOWER": {"IN": ["very", "most"]}, "OP": "+"}, {"LOWER": "urgent"}]),
    ("NEGATED", [{"LOWER": "no", "OP": "!"}, {"LOWER": "service"}, {"LOWER": "credits"}]),
    ("LEMMA", [{"LEMMA": {"IN": ["resolve", "fix"]}}, {"LOWER": "them"}]),
    ("TEXT", [{"TEXT": "P1"}]),
    ("LOWERCASE_KEYS", [{"lower": "response"}, {"lower": "times", "op": "?"}]),
    ("NO_WORD", [{"LIKE_NUM": True}, {"IS_PUNCT": True, "OP": "?"}, {"TEXT": "%"}]),
    ("NEVER", [{"LOWER": "Escalation"}]),  # upper case never equals a LOWER value
    # long ranges are matched as one pattern per count (nlp._exact_counts)
    (
        "RANGE",
        [{"LOWER": "credits"}, {"OP": "{0,12}", "TEXT": {"NOT_IN": [";"]}}, {"LOWER": "fee"}],
    ),
    (
        "RANGES",
        [
            {"LOWER": "outside"},
            {"OP": "{0,3}"},
            {"LOWER": "hours"},
            {"OP": "{1,6}"},
            {"LOWER": "per"},
        ],
    ),
    ("RANGE_LAST", [{"LOWER": "if"}, {"OP": "{0,3}"}]),
    # plain words go to a PhraseMatcher (nlp._word_phrases)
    (
        "PHRASE",
        [
            {"LOWER": {"IN": ["service", "no"]}},
            {"LOWER": "service", "OP": "?"},
            {"LOWER": "credits"},
        ],
    ),
    ("LEMMA_PHRASE", [{"LEMMA": {"IN": ["resolve", "fix"]}}, {"LEMMA": "they", "OP": "?"}]),
    # a text runs these only when a word fits the regex, or a token has the entity type
    ("REGEX", [{"TEXT": {"REGEX": "^P[0-9]$"}}, {"LOWER": "incidents"}]),
    ("ENTITY", [{"ENT_TYPE": "client", "OP": "+"}, {"LEMMA": "retain"}]),
]


def _both(vocab, rows):
    plain, indexed = Matcher(vocab), IndexedMatcher(vocab)
    for label, pattern in rows:
        plain.add(label, [pattern])
        indexed.add(label, [pattern])
    return plain, indexed


@pytest.fixture(scope="module")
def project_matchers(nlp):
    """Plain and indexed matchers of every pattern file the extractors match with."""
    files = [
        ("commitments.jsonl", "scopes.jsonl", "cadence.jsonl", "prices.jsonl"),
        ("distractors.jsonl",),
        ("criteria.jsonl", "flags.jsonl"),
        ("strength.jsonl",),
    ]
    return [_both(nlp.vocab, [(r["label"], r["pattern"]) for r in load_patterns(f)]) for f in files]


@pytest.mark.parametrize("text", SENTENCES)
def test_project_patterns_match_as_one_matcher(nlp, project_matchers, text):
    doc = nlp(text)
    for plain, indexed in project_matchers:
        found = indexed(doc)
        assert len(found) == len(set(found))
        assert set(found) == set(plain(doc))


def test_project_patterns_do_match_these_sentences(nlp, project_matchers):
    """The comparison above is not vacuous: every matcher finds something in the sentences."""
    docs = [nlp(t) for t in SENTENCES]
    for plain, indexed in project_matchers:
        assert sum(len(indexed(d)) for d in docs) >= len(SENTENCES) // 2


@pytest.mark.parametrize("text", SENTENCES + ["Very very urgent: the 4 hours", "99.9 %", ""])
def test_hand_made_patterns_match_as_one_matcher(nlp, text):
    plain, indexed = _both(nlp.vocab, HAND_MADE)
    doc = nlp(text)
    assert set(indexed(doc)) == set(plain(doc))


def test_long_ranges_and_plain_words_take_the_faster_forms(nlp):
    """The comparisons above cover the rewritten forms: they are taken, and they match."""
    rows = dict(HAND_MADE)
    assert len(_exact_counts(rows["RANGE"])) == 13
    assert len(_exact_counts(rows["RANGES"])) == 4 * 6
    assert _exact_counts(rows["RANGE_LAST"]) == [rows["RANGE_LAST"]]
    assert _word_phrases(rows["PHRASE"])[0] == "LOWER"
    assert _word_phrases(rows["LEMMA_PHRASE"])[0] == "LEMMA"
    assert _word_phrases(rows["NEVER"]) is None
    _, indexed = _both(nlp.vocab, HAND_MADE)
    found = {nlp.vocab.strings[k] for t in SENTENCES for k, _, _ in indexed(nlp(t))}
    assert {"RANGE", "RANGES", "RANGE_LAST", "PHRASE", "LEMMA_PHRASE", "REGEX"} <= found


def test_patterns_on_named_parties_match_as_one_matcher(nlp, project_matchers):
    """ENT_TYPE patterns ("Harbourside Dental Group retains") run on texts naming a party."""
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms(["Harbourside Dental Group"]), _forms(["Tasman Networks"]))
    pairs = [*project_matchers, _both(nlp.vocab, HAND_MADE)]
    found = set()
    for text in SENTENCES:
        doc = nlp(
            text.replace("client", "Harbourside Dental Group").replace("We ", "Tasman Networks ")
        )
        parties.mark(doc)
        for plain, indexed in pairs:
            assert set(indexed(doc)) == set(plain(doc))
            found |= {nlp.vocab.strings[k] for k, _, _ in indexed(doc)}
    assert {"ENTITY", "PARTY:provider", "WHO:client"} <= found


@pytest.mark.parametrize(
    "text, label",
    [
        ("Restore within 4 hours.", "OPTIONAL_FIRST"),
        ("We pay service credits.", "NEGATED"),
        ("A most urgent call.", "PLUS"),
        ("Response within the hour.", "LOWERCASE_KEYS"),
        ("Availability of 99.9 %", "NO_WORD"),
    ],
)
def test_patterns_without_the_listed_word_still_match(nlp, text, label):
    """Optional, negated or absent words are not required: the text lacks them and matches."""
    _, indexed = _both(nlp.vocab, HAND_MADE)
    assert label in {nlp.vocab.strings[k] for k, _, _ in indexed(nlp(text))}


def test_the_pipeline_is_built_without_spacys_command_line_which_still_works():
    """nlp._import_spacy leaves spaCy's CLI (typer, weasel, ...) out of the import; a later
    `import spacy.cli` and `spacy.info()` get the real ones, not the placeholders."""
    code = (
        "import sys\n"
        "from msp_select.extract.nlp import build_nlp\n"
        "doc = build_nlp()('We respond within 15 minutes.')\n"
        "print(len(doc), 'spacy.cli' in sys.modules, 'typer' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), spacy.info()['spacy_version'] == spacy.__version__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["6", "False", "False", "True", "True"]


def _names_by_scan(parties, doc) -> list[tuple[int, int, str]]:
    """The entities strength.Parties.mark sets, found by trying every name at every token."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    spans = []
    for label, forms in (("client", parties.client), ("provider", parties.provider)):
        for words in {tuple(f.split()) for f in forms}:
            for i in range(len(doc) - len(words) + 1):
                if all(doc[i + k].text == w for k, w in enumerate(words)):
                    spans.append(Span(doc, i, i + len(words), label=label))
    return [(s.start, s.end, s.label_) for s in filter_spans(spans)]


@pytest.mark.parametrize(
    "text, mentions",
    [
        ("Harbourside Dental Group appoints a deputy; Tasman Networks holds no admin rights.", 2),
        ("HDG and Harbourside Dental staff keep the keys. Tasman engineers patch servers.", 3),
        ("Harbourside Harbourside Dental Group Group, said Tasman Networks Tasman.", 4),
        ("harbourside dental group in lower case is not the name; TASMAN is not Tasman.", 1),
        ("No party is named here at all.", 0),
    ],
)
def test_party_names_are_marked_as_by_trying_every_name_at_every_token(nlp, text, mentions):
    from msp_select.extract.strength import Parties, _forms

    parties = Parties(_forms(["Harbourside Dental Group"]), _forms(["Tasman Networks"]))
    doc = nlp(text)
    parties.mark(doc)
    found = [(e.start, e.end, e.label_) for e in doc.ents]
    assert found == _names_by_scan(parties, nlp(text))
    assert len(found) == mentions


@pytest.mark.parametrize(
    "text",
    SENTENCES
    + [
        "Response Times: Engineers RESPONDING to Resolved tickets; Responses were logged.",
        "P1 incidents are Escalated; the Customer's Admins reviewed Invoices.",
    ],
)
def test_lemmas_are_spacys_lookup_lemmas_with_capitals_looked_up_lower_cased(nlp, text):
    """msp_lemmas looks each word up once and remembers it; the lemmas must be those of
    spaCy's own lookup lemmatizer, a capitalised word the table lacks tried lower-cased."""
    import spacy

    reference = spacy.blank("en")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    table = reference.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    expected = []
    for tok in reference(text):
        lemma = tok.lemma_
        if lemma == tok.text and not tok.is_lower:
            lemma = table.get(tok.lower_, tok.lower_)
        expected.append(lemma)
    assert [t.lemma_ for t in nlp(text)] == expected
    assert "respond" in [t.lemma_ for t in nlp("Responding")]


def test_matches_within_a_span_are_the_plain_filter_in_the_same_order():
    """The per-sentence slice of a passage's matches comes from an index on the Doc; it must
    give what a scan of every match gives, and follow matches added after it was built."""
    from msp_select.extract import _matches_within
    from msp_select.extract.nlp import build_nlp

    nlp = build_nlp()
    doc = nlp(
        "P1 incidents get a response within 15 minutes. P2 within 1 hour; P3 within 4 hours. "
        "Availability is 99.9% per month, and backups run every 4 hours."
    )
    found = doc._.msp_matches
    spans = [(0, len(doc.text)), (0, 47), (48, 90), (30, 120), (91, len(doc.text))]
    for start, end in spans:
        plain = [m for m in found if m[1] >= start and m[2] <= end]
        assert _matches_within(doc, start, end) == plain
    doc._.msp_matches = found = tuple(found) + (("SCOPE:P1", 0, 2),)
    assert _matches_within(doc, 0, 2) == [m for m in found if m[1] >= 0 and m[2] <= 2]
