"""Build the spaCy pipeline every extractor shares: sentences, lemmas and the project's patterns.

The patterns live in `msp_select/patterns/*.jsonl`, one `{"label": ..., "pattern": [...]}`
per line (spaCy Matcher token patterns), so an analyst can add a phrase without touching
Python. Labels carry their meaning: `CAT:response_time`, `SCOPE:P1`, `NOT:history`, ...
All of them go into one Matcher stored on the pipeline (`nlp.get_pipe("msp_patterns")`),
which fills `doc._.msp_matches` with `(label, start_char, end_char)` in one pass per text.
"""

from __future__ import annotations

import json
import re
import sys
import types
from functools import lru_cache
from importlib import resources
from pathlib import Path

from msp_select.errors import InputError
from msp_select.extract.quantities import time_unit

PATTERNS_DIR = Path(__file__).resolve().parent.parent / "patterns"
# Files read by other modules (strength/criteria/flags) are loaded by their owners.
MATCHER_FILES = (
    "commitments.jsonl",
    "scopes.jsonl",
    "cadence.jsonl",
    "prices.jsonl",
    "distractors.jsonl",
)


def load_patterns(names=MATCHER_FILES) -> list[dict]:
    """Read JSONL pattern files; a broken line names its file and line number."""
    rows = []
    for name in names:
        path = PATTERNS_DIR / name
        if not path.exists():
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                row["label"], row["pattern"]
            except (ValueError, KeyError) as e:
                raise InputError(f"{path}:{i}: not a pattern line ({e})") from None
            row["pattern"] = [_contracted(token) for token in row["pattern"]]
            rows.append(row)
            if row["pattern"] and row["pattern"][0].get("IS_SENT_START") is True:
                rows.append(_after_clause_number(row))
    return rows


# a clause's number before a sentence ("4.3 For example, ..."): the sentence opens after it
_CLAUSE_NUMBER = r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?$"


_NOT = ("n't", "n’t")  # "don't offer" is "do not offer": the tokenizer splits off "n't"


def _contracted(token: dict) -> dict:
    """A token pattern that matches "not" matches the contracted "n't" too."""
    lower = token.get("LOWER")
    if lower == "not":
        return token | {"LOWER": {"IN": ["not", *_NOT]}}
    if isinstance(lower, dict):
        lower = {
            k: [*v, *_NOT] if k in ("IN", "NOT_IN") and "not" in v else v for k, v in lower.items()
        }
        return token | {"LOWER": lower}
    return token


def _after_clause_number(row: dict) -> dict:
    """A pattern that opens a sentence, also matched after the clause's number."""
    first = {k: v for k, v in row["pattern"][0].items() if k != "IS_SENT_START"}
    number = {"IS_SENT_START": True, "TEXT": {"REGEX": _CLAUSE_NUMBER}}
    return row | {"pattern": [number, first, *row["pattern"][1:]]}


def _import_spacy():
    """spaCy, imported without its command line.

    `spacy/__init__.py` imports `spacy.cli.info` for one re-export (`spacy.info`), and with it
    the whole command line (typer, weasel, httpx, requests, ...): about 0.3 s of CPU, a third
    of the import, for commands msp-select never runs. Placeholders stand in for `spacy.cli`
    during the import and are removed after it, so `import spacy.cli` later loads the real one
    and `spacy.info` loads it when called.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__, cli_info.info = [], info
    placeholders = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    sys.modules.update(placeholders)
    try:
        import spacy
    except ImportError:  # a spaCy that needs more of its CLI: import it with the real one
        _drop(placeholders)
        import spacy
    finally:
        _drop(placeholders)
    return spacy


def _drop(placeholders: dict) -> None:
    for name, module in placeholders.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]


_LETTER_REFERENCE = re.compile(r"^[A-Z]\.$")
_UNIT_STOP = re.compile(r"^[a-z]{1,4}\.$")  # a unit the tokenizer kept with its full stop ("h.")
# "min." and "max." for minimum and maximum, before a figure
_BOUND_SHORT = re.compile(r"(?i:min|max)")


def _register():
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("msp_matches"):
        Doc.set_extension("msp_matches", default=())

    if "msp_patterns" in Language.factories:
        return

    @Language.factory("msp_patterns")
    def make_matcher(nlp, name):
        return PatternMatcher(nlp, IndexedMatcher)

    @Language.factory("msp_lemmas")
    def make_lemmas(nlp, name):
        return LookupLemmas(nlp)

    @Language.component("msp_bullets")
    def bullets(doc):
        return _mark_sentence_starts(doc)


def _mark_sentence_starts(doc):
    """Bullets, table-cell separators and line breaks start a new sentence, and so does a
    capital after a lettered reference ("... against Schedule B. Critical incidents ..."),
    which the tokenizer keeps whole like an initial. A full stop before a word in lower
    case ends an abbreviation, not a sentence ("3 bus. days", "Crit. patches").
    (Texts are read once, as strings.)"""
    texts = [tok.text for tok in doc]
    clock, openers = _clock_stops()
    for i, text in enumerate(texts[:-1]):
        if text in ("•", "▪", "◦", "‣", "|") or "\n" in text:
            doc[i + 1].is_sent_start = True
        elif text in clock and texts[i + 1].istitle() and texts[i + 1].lower() in openers:
            doc[i + 1].is_sent_start = True  # "... until 5 p.m. We do not ..."
        elif _UNIT_STOP.match(text) and time_unit(text[:-1]) and texts[i + 1].istitle():
            doc[i + 1].is_sent_start = True  # "... $150/h. Beaverline Lite is not ..."
        elif text == "." and i and texts[i - 1].isalpha() and texts[i + 1].islower():
            doc[i + 1].is_sent_start = False
        elif (
            text == "."
            and _BOUND_SHORT.fullmatch(texts[i - 1] if i else "")
            and (doc[i + 1].like_num and not (i > 1 and doc[i - 2].like_num))
        ):
            doc[i + 1].is_sent_start = False  # "min. 90%", "MAX. 12% PER MONTH" (not "30 min.")
        elif i and _LETTER_REFERENCE.match(text) and doc[i - 1].is_title and doc[i + 1].is_title:
            doc[i + 1].is_sent_start = True
    return doc


class LookupLemmas:
    """Lemmas from spacy-lookups-data's English table, a capitalised word looked up
    lower-cased when its own form is not in it ("Response", "Resolves").

    spaCy's lookup lemmatizer visits every token in Python; here each distinct word is looked
    up once per process and the lemmas of a text are set in one array.
    """

    def __init__(self, nlp):
        from spacy.lookups import load_lookups

        self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self.short = _short_forms()
        self.strings = nlp.vocab.strings
        self._lemma: dict[int, int] = {}  # word (ORTH id) -> lemma id

    def __call__(self, doc):
        import numpy
        from spacy.attrs import LEMMA, ORTH

        if not len(doc):
            return doc
        lemma = self._lemma
        words = doc.to_array(ORTH).tolist()
        for word in set(words).difference(lemma):
            text = self.strings[word]
            found = self.short.get(text.lower()) or self.table.get(text, text)
            if found == text and not text.islower():
                found = self.table.get(text.lower(), text.lower())
            lemma[word] = self.strings.add(found)
        doc.from_array([LEMMA], numpy.array([[lemma[w]] for w in words], dtype="uint64"))
        return doc


class PatternMatcher:
    """Every project pattern, matched once per text; results go to `doc._.msp_matches`.

    Patterns made only of exact words (`LOWER`/`ORTH`, no operators) are expanded into
    phrases for a PhraseMatcher, which is much faster; the rest go to a token Matcher.
    """

    def __init__(self, nlp, matcher_cls):
        from spacy.matcher import PhraseMatcher

        self.matcher = matcher_cls(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemmas = PhraseMatcher(nlp.vocab, attr="LEMMA")
        lemmatize = _lemmatizer(nlp)
        for row in load_patterns():
            words = _as_phrases(row["pattern"], ("LOWER", "ORTH"))
            lemmas = _as_phrases(row["pattern"], ("LEMMA",)) if lemmatize else None
            if words is not None:
                self.phrases.add(row["label"], [nlp.make_doc(" ".join(w)) for w in words])
            elif lemmas is not None:
                self.lemmas.add(row["label"], [lemmatize(" ".join(w)) for w in lemmas])
            else:
                self.matcher.add(row["label"], [row["pattern"]])

    def __call__(self, doc):
        vocab = doc.vocab.strings
        hits = list(self.matcher(doc)) + list(self.phrases(doc)) + list(self.lemmas(doc))
        found = {(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), vocab[mid]) for mid, s, e in hits}
        doc._.msp_matches = tuple((label, s, e) for s, e, label in sorted(found))
        return doc


class IndexedMatcher:
    """A token Matcher that tries a pattern only on a text holding the words it needs.

    spaCy's Matcher tries every pattern at every token (and calls Python once per token for
    each `IN` set), so a few hundred patterns cost about 0.1 ms per token. Most patterns need
    words a passage does not contain ("escalation", "credit"). Here patterns are grouped by
    the words their required tokens (no `OP`, or `+`) must have (LOWER, ORTH/TEXT, LEMMA,
    ENT_TYPE) and the `REGEX`es some word must fit, one Matcher per group, and a text runs
    only the groups all of whose needs it meets. A pattern skipped that way cannot match, so
    the result is that of one Matcher holding every pattern: `(key, start, end)` once each,
    here sorted.

    Two forms that match the same, faster: a pattern of plain words (`_word_phrases`) goes to
    a PhraseMatcher, one call per text for all of them where each group costs a Matcher call;
    a long range of any tokens (`{0,12}`) becomes one pattern per count (`_exact_counts`).
    """

    _COLUMNS = {"LOWER": 0, "ORTH": 1, "TEXT": 1, "LEMMA": 2, "ENT_TYPE": 3}

    def __init__(self, vocab):
        from spacy.lang.en.stop_words import STOP_WORDS

        self.vocab = vocab
        self._stop = STOP_WORDS
        self._groups: dict[tuple, int] = {}  # required words -> group number
        self._matchers: list = []
        self._needs: list[list[tuple[int, frozenset[int]]]] = []  # per group: (column, ids)
        self._regexes: list[list[tuple]] = []  # per group: (column, compiled regex)
        self._reach: list[int | None] = []  # per group: its longest match in tokens, None: any
        self._index: tuple[dict, ...] = ({}, {}, {}, {})  # column -> word id -> groups
        self._anywhere: list[int] = []  # groups of patterns that need no particular word
        self._fitting: dict[str, tuple[set, set]] = {}  # regex -> word ids tried, fitting
        self._phrases: dict[str, object] = {}  # LOWER / LEMMA -> PhraseMatcher

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        for pattern in patterns:
            plain = _word_phrases(pattern)
            if plain is not None:
                attr, phrases = plain
                if attr not in self._phrases:
                    self._phrases[attr] = PhraseMatcher(self.vocab, attr=attr)
                lemma = attr == "LEMMA"
                docs = [Doc(self.vocab, words=ws, lemmas=ws if lemma else None) for ws in phrases]
                self._phrases[attr].add(key, docs)
                continue
            group = self._group(self._required(pattern))
            self._matchers[group].add(key, _exact_counts(pattern))
            reach = self._reach[group]
            length = _longest(pattern)
            self._reach[group] = None if reach is None or length is None else max(reach, length)

    def _group(self, needs: tuple) -> int:
        """The group of the patterns with these needs, made and indexed on first use."""
        from spacy.matcher import Matcher

        if needs not in self._groups:
            group = self._groups[needs] = len(self._matchers)
            self._matchers.append(Matcher(self.vocab))
            self._reach.append(0)
            ids = [(col, frozenset(map(self._id, w))) for col, w in needs if not isinstance(w, str)]
            self._needs.append(ids)
            self._regexes.append([(col, re.compile(w)) for col, w in needs if isinstance(w, str)])
            if ids:
                # found by its first need (the rarest-looking word), then checked on all
                for word in ids[0][1]:
                    self._index[ids[0][0]].setdefault(word, []).append(group)
            else:  # checked on every text
                self._anywhere.append(group)
        return self._groups[needs]

    def _id(self, word: str) -> int:
        return self.vocab.strings.add(word)

    def _required(self, pattern: list[dict]) -> tuple:
        """(column, words) of each required token, the most selective first, then (column,
        regex) of each required `REGEX`."""
        found = {}
        for token in pattern:
            attrs = {a.upper() if isinstance(a, str) else a: v for a, v in token.items()}
            if attrs.get("OP") not in (None, "+"):
                continue
            for attr, value in attrs.items():
                col = self._COLUMNS.get(attr)
                if col is not None and isinstance(value, dict) and set(value) == {"REGEX"}:
                    if isinstance(value["REGEX"], str):
                        found[(col, value["REGEX"])] = (True, (col, value["REGEX"]))
                    continue
                if isinstance(value, dict) and set(value) == {"IN"}:
                    value = value["IN"]
                elif isinstance(value, str):
                    value = [value]
                else:
                    continue
                if col is not None and value and all(isinstance(w, str) for w in value):
                    words = tuple(sorted(set(value)))
                    common = any(w.lower() in self._stop for w in words)
                    rank = (common, len(words), -min(map(len, words)), col, words)
                    found[(col, words)] = (False, rank)  # before any regex
        return tuple(sorted(found, key=found.__getitem__))

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        """(key, start, end) of every match in a Doc, as `Matcher(doc)` gives them, sorted."""
        from spacy.attrs import ENT_TYPE, LEMMA, LOWER, ORTH

        if not len(doc):
            return []
        columns = doc.to_array([LOWER, ORTH, LEMMA, ENT_TYPE]).T.tolist()
        present = [set(c) for c in columns]
        groups = set(self._anywhere)
        for col, index in enumerate(self._index):
            for word in present[col] & index.keys():  # (the words looked up in C)
                groups.update(index[word])
        found = {m for phrases in self._phrases.values() for m in phrases(doc)}
        for g in sorted(groups):
            if all(not present[col].isdisjoint(ids) for col, ids in self._needs[g]) and all(
                self._fits(present[col], regex) for col, regex in self._regexes[g]
            ):
                for start, end in self._windows(g, columns, len(doc)):
                    found.update(
                        (key, start + s, start + e)
                        for key, s, e in self._matchers[g](doc[start:end])
                    )
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _windows(self, group: int, columns: list[list[int]], length: int) -> list[tuple]:
        """The stretches of a text where the group's patterns can match: within its longest
        match of a token holding its first need, which every match holds. spaCy's Matcher
        tries every pattern at every token, so a long passage costs that much less."""
        reach = self._reach[group]
        if reach is None or not self._needs[group]:
            return [(0, length)]
        col, ids = self._needs[group][0]
        windows: list[list[int]] = []
        for i, word in enumerate(columns[col]):
            if word in ids:
                start, end = max(0, i - reach + 1), min(length, i + reach)
                if windows and start <= windows[-1][1]:
                    windows[-1][1] = end
                else:
                    windows.append([start, end])
        return [(s, e) for s, e in windows]

    def _fits(self, present: set[int], regex) -> bool:
        """Whether one of a text's words (ids) fits the regex, searched as spaCy's REGEX does;
        each word is tried once per regex, then remembered."""
        seen, fitting = self._fitting.setdefault(regex.pattern, (set(), set()))
        for word in present - seen:
            seen.add(word)
            if regex.search(self.vocab.strings[word]):
                fitting.add(word)
        return not present.isdisjoint(fitting)


def _word_phrases(pattern: list[dict], limit: int = 1000):
    """("LOWER" or "LEMMA", word lists) of a pattern each of whose tokens is one exact word or
    an `IN` list of them, on one attribute, some optional (`?`); else None.

    The phrases are every way through the optional tokens (spaCy's Matcher reports a match for
    each). A LOWER word with a capital never matches, so such a pattern stays a pattern.
    """
    import itertools

    attrs, options = set(), []
    for token in pattern:
        token = {a.upper(): v for a, v in token.items()}
        op = token.pop("OP", None)
        if op not in (None, "?") or len(token) != 1:
            return None
        ((attr, value),) = token.items()
        if isinstance(value, dict) and set(value) == {"IN"}:
            value = value["IN"]
        words = [value] if isinstance(value, str) else value
        if attr not in ("LOWER", "LEMMA") or not isinstance(words, list) or not words:
            return None
        if not all(isinstance(w, str) and w and (attr == "LEMMA" or w == w.lower()) for w in words):
            return None
        attrs.add(attr)
        options.append(sorted(set(words)) + ([None] if op else []))
    combos = list(itertools.islice(itertools.product(*options), limit + 1))
    if len(attrs) != 1 or len(combos) > limit:
        return None
    phrases = [[w for w in c if w is not None] for c in combos]
    return attrs.pop(), [p for p in phrases if p]


_RANGE = re.compile(r"\{(\d*),(\d+)\}")


def _longest(pattern: list[dict]) -> int | None:
    """How many tokens a pattern matches at most; None where a token may repeat unbounded."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", "") or "")
        if op in ("", "!", "?", "1"):
            total += 1
        elif (found := _RANGE.fullmatch(op)) and found[2]:
            total += int(found[2])
        elif (count := re.fullmatch(r"\{(\d+)\}", op)) is not None:
            total += int(count[1])
        else:  # "*", "+", "{n,}"
            return None
    return total


def _exact_counts(pattern: list[dict], limit: int = 256) -> list[list[dict]]:
    """The pattern with each bounded range inside it (`{"OP": "{0,12}"}`) written as one
    pattern per count (`{"OP": "{k}"}`), which together match exactly what it matches.

    spaCy turns `{0,12}` into twelve `?` tokens and follows every path through them without
    merging paths that meet, so a long range costs up to 2**12 partial matches per start
    token; a fixed count costs one. A range that opens or closes the pattern is kept, as is a
    pattern that would give more than `limit` patterns.
    """
    import itertools

    options = []
    for i, token in enumerate(pattern):
        found = _RANGE.fullmatch(str(token.get("OP", "")))
        if not found or i in (0, len(pattern) - 1):
            options.append([[token]])
            continue
        plain = {k: v for k, v in token.items() if k != "OP"}
        lo, hi = int(found[1] or 0), int(found[2])
        options.append([[{**plain, "OP": f"{{{n}}}"}] if n else [] for n in range(lo, hi + 1)])
    count = 1
    for choice in options:
        count *= len(choice)
    if count == 1 or count > limit:
        return [pattern]
    return [[t for part in combo for t in part] for combo in itertools.product(*options)]


def _lemmatizer(nlp):
    """A function making a pattern doc whose lemmas are the words given (for LEMMA phrases)."""
    if "msp_lemmas" not in nlp.pipe_names:
        return None

    def make(text):
        doc = nlp.make_doc(text)
        for tok in doc:
            tok.lemma_ = tok.lower_
        return doc

    return make


_PUNCT_VARIANTS = ["-", "–", ":", "/", "(", ".", ","]


def _as_phrases(pattern: list[dict], keys, limit: int = 3000) -> list[list[str]] | None:
    """Word lists for a pattern of plain words, or None when it needs the token Matcher.

    An optional word (`"OP": "?"`) gives phrases with and without it; an optional punctuation
    mark (`{"IS_PUNCT": true, "OP": "?"}`) gives phrases with none or a common mark.
    """
    import itertools

    options = []
    for tok in pattern:
        tok = dict(tok)
        optional = tok.pop("OP", None)
        if optional not in (None, "?") or len(tok) != 1:
            return None
        ((key, value),) = tok.items()
        if key == "IS_PUNCT" and value is True:
            words = list(_PUNCT_VARIANTS)
        elif key not in keys:
            return None
        elif isinstance(value, str):
            words = [value.lower()]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            words = [v.lower() for v in value["IN"]]
        else:
            return None
        options.append(words + [None] if optional else words)
    combos = list(itertools.islice(itertools.product(*options), limit + 1))
    if len(combos) > limit:
        return None
    phrases = [[w for w in c if w is not None] for c in combos]
    return [p for p in phrases if p]


@lru_cache(maxsize=4)
def build_nlp(model: str | None = None):
    """The shared pipeline, built once per process (and per model name)."""
    spacy = _import_spacy()
    _register()
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner"])
        except OSError:
            raise InputError(
                f"spaCy model '{model}' is not installed; install it with pip or run "
                "without --spacy-model (msp-select never downloads models)"
            ) from None
        if "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
    else:
        nlp = spacy.blank("en")
        _keep_abbreviations(nlp)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("msp_bullets", after="sentencizer")
        nlp.add_pipe("msp_lemmas")
    nlp.add_pipe("msp_patterns", last=True)
    return nlp


@lru_cache(maxsize=1)
def _abbreviations() -> dict:
    import yaml

    path = resources.files("msp_select") / "patterns" / "abbreviations.yaml"
    return yaml.safe_load(path.read_text("utf-8"))


@lru_cache(maxsize=1)
def _clock_stops() -> tuple[frozenset, frozenset]:
    """Clock suffixes with a full stop, and the words that open a sentence after one."""
    data = _abbreviations()
    return frozenset(data["clock_suffixes"]), frozenset(data["sentence_openers"])


def spelt_headers(headers: list[str]) -> list[str]:
    """Headers with the short forms their partners explain spelt out (abbreviations.yaml
    `paired_headers`): "Rest Std (h)" beside "Resp Std (min)" is "Restore Std (h)"."""
    out = list(headers)
    for short, word, partner in _abbreviations().get("paired_headers", []):
        if any(re.search(rf"\b{re.escape(partner)}\b", h or "") for h in headers):
            out = [re.sub(rf"\b{re.escape(short)}\b", word, h or "") for h in out]
    return out


def _short_forms() -> dict[str, str]:
    """Short forms and the lemma each stands for ("resp" -> "response")."""
    return {str(k).lower(): v for k, v in _abbreviations().get("lemmas", {}).items()}


def _keep_abbreviations(nlp) -> None:
    """One token for "approx." and the other abbreviations in abbreviations.yaml, and for the
    currency signs written with a full stop ("Rs.", "Kshs."), so that the number after one does
    not open a new sentence."""
    from spacy.symbols import ORTH

    from .. import vocab

    signs = [w for w in vocab.CURRENCIES if w.endswith(".")]
    for word in dict.fromkeys([*_abbreviations()["keep_whole"], *signs]):
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def sentences(doc) -> tuple:
    """A Doc's sentences, found once: spaCy checks the whole Doc's annotation on every
    `doc.sents`, and one passage is split by several rules."""
    found = doc.user_data.get("msp_sents")
    if found is None:
        found = doc.user_data["msp_sents"] = tuple(doc.sents)
    return found


def span_matches(span, matcher, key: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of `matcher` inside `span`, offsets relative to the span.

    The matcher runs once per Doc and its matches are kept on the Doc, so asking about many
    sentences and clauses of one passage costs one matching pass, not one per span.
    """
    from spacy.tokens import Span

    is_span = isinstance(span, Span)
    doc = span.doc if is_span else span
    cache = doc.user_data.setdefault(("msp_matches", key), None)
    if cache is None:
        strings = doc.vocab.strings
        cache = [(strings[mid], s, e) for mid, s, e in matcher(doc)]
        doc.user_data[("msp_matches", key)] = cache
    lo, hi = (span.start, span.end) if is_span else (0, len(doc))
    return [(label, s - lo, e - lo) for label, s, e in cache if s >= lo and e <= hi]
