"""Every pattern file is JSONL spaCy reads and validates, and every label the code asks for exists.

After spaCy's own `spacy/tests/matcher/test_pattern_validation.py`: a pattern with a misspelt
key ("LOWR") or a wrong value type is silently useless unless the Matcher validates it.
"""

import ast
import re
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher

import msp_select
from msp_select.extract.quantities import find_money

PACKAGE = Path(msp_select.__file__).parent
PATTERN_FILES = sorted((PACKAGE / "patterns").glob("*.jsonl"))
LABEL_LIKE = re.compile(r"^[A-Z][A-Z_]*[A-Z](:[\w!/-]*)?$")  # PART:<criterion>/<role>


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _rows(path):
    return list(srsly.read_jsonl(path))


def _all_labels() -> set[str]:
    return {row["label"] for path in PATTERN_FILES for row in _rows(path)}


def test_there_are_pattern_files():
    assert {p.name for p in PATTERN_FILES} >= {"commitments.jsonl", "strength.jsonl"}


@pytest.mark.parametrize("path", PATTERN_FILES, ids=lambda p: p.name)
def test_every_line_loads_and_validates(path, vocab):
    rows = _rows(path)
    assert rows, f"{path.name} has no patterns"
    matcher = Matcher(vocab, validate=True)
    for number, row in enumerate(rows, 1):
        assert set(row) == {"label", "pattern"}, f"{path.name}:{number}: keys {sorted(row)}"
        assert LABEL_LIKE.match(row["label"]), f"{path.name}:{number}: label {row['label']!r}"
        try:
            matcher.add(row["label"], [row["pattern"]])
        except MatchPatternError as error:
            pytest.fail(f"{path.name}:{number}: {error}")


@pytest.mark.parametrize(
    "pattern",
    [[{"LOWR": "uptime"}], [{"LOWER": {"IN": "uptime"}}], [{"LOWER": "a", "OP": "*?!"}]],
)
def test_validation_rejects_a_broken_pattern(pattern, vocab):
    with pytest.raises(MatchPatternError):
        Matcher(vocab, validate=True).add("X", [pattern])


def _labels_used_in_code() -> set[str]:
    """String constants in the extraction code that look like pattern labels.

    spaCy's own token-pattern keys ("LOWER", "IN", "OP") and currency codes ("USD") look like
    labels too; they are recognised by asking spaCy's schema and the money parser.
    """
    schema = {}
    for model in (spacy.schemas.TokenPattern, spacy.schemas.TokenPatternString):
        schema.update(getattr(model, "model_fields", None) or model.__fields__)
    spacy_keys = {f.alias for f in schema.values()} | set(schema) | {"OP"}
    found = set()
    for path in (PACKAGE / "extract").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if LABEL_LIKE.match(node.value) and node.value not in spacy_keys:
                    found.add(node.value)
    return {label for label in found if not find_money(f"{label} 100")}


def test_the_scan_finds_the_labels_the_code_reads():
    used = _labels_used_in_code()
    assert {"CAT:", "SCOPE:", "BINDING", "PARTY:client!", "FLAG:"} <= used
    assert not used & {"LOWER", "IN", "USD", "EUR"}


def test_every_label_used_in_code_has_a_pattern():
    labels = _all_labels()
    missing = []
    for used in sorted(_labels_used_in_code()):
        prefix = used if used.endswith(":") else used + ":"
        if used not in labels and not any(label.startswith(prefix) for label in labels):
            missing.append(used)
    assert not missing, f"labels read by msp_select/extract/ with no pattern line: {missing}"


def test_every_pattern_label_is_read_by_the_code():
    used = _labels_used_in_code()
    prefixes = tuple(u for u in used if u.endswith(":"))
    unread = sorted(
        label for label in _all_labels() if label not in used and not label.startswith(prefixes)
    )
    assert not unread, f"pattern labels nothing in msp_select/extract/ reads: {unread}"
