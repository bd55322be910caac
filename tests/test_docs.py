"""Docs and messages name only commands and options that exist; README names every command.

After sqlite-utils' `tests/test_docs.py`. The command tree is read from click itself, so a new
command or option is checked without touching this file.
"""

import ast
import re
from pathlib import Path

import click
import pytest

import msp_select
from msp_select.cli import main

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(msp_select.__file__).parent
README = ROOT / "README.md"
MARKDOWN = [README, ROOT / "criteria" / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
MESSAGE_FILES = sorted(
    [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2"), *PACKAGE.rglob("*.yaml")],
    key=lambda p: str(p),
)
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MENTION = re.compile(r"msp-select((?:[ \t]+[^\s`|;]+)*)")


def _commands(group=main, path=()):
    """(words after `msp-select`, click command) for every command and group in the tree."""
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from _commands(command, path + (name,))


COMMANDS = dict(_commands())
HELP = ("-h", "--help")


def _options(command) -> set[str]:
    names = set(HELP)
    for param in command.params:
        if isinstance(param, click.Option):
            names.update(param.opts + param.secondary_opts)
    return names


ALL_OPTIONS = set().union(*(_options(c) for c in COMMANDS.values()))


def _code_in_markdown(text: str) -> list[str]:
    """Inline `code`, indented and fenced code lines: where commands are written to be run."""
    code, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced or line.startswith("    "):
            code.append(line)
        else:
            code.extend(re.findall(r"`([^`]+)`", line))
    return code


def _code_in_message(text: str) -> list[str]:
    """In a message or docstring, a command is quoted in backticks or follows 'run'."""
    return re.findall(r"`([^`]+)`", text) + re.findall(r"\brun:?\s+(msp-select[^`;\n]*)", text)


def _strings(path: Path) -> list[str]:
    """The text of a file as users see it: a Python module's string literals, else the file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return [text]
    nodes = list(ast.walk(ast.parse(text)))
    in_fstrings = {id(v) for n in nodes if isinstance(n, ast.JoinedStr) for v in n.values}
    strings = [
        n.value
        for n in nodes
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in in_fstrings
    ]
    # an f-string reads as its text with "{}" for each value
    strings += [
        "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in n.values)
        for n in nodes
        if isinstance(n, ast.JoinedStr)
    ]
    return strings


def _sources():
    """(place, text, code snippets) for every file users read."""
    for path in MARKDOWN:
        text = path.read_text(encoding="utf-8")
        yield path.relative_to(ROOT), text, _code_in_markdown(text)
    for path in MESSAGE_FILES:
        for text in _strings(path):
            yield path.relative_to(ROOT), text, _code_in_message(text)


SOURCES = list(_sources())


def _problems_in(snippet: str) -> list[str]:
    """Walk each `msp-select ...` in a snippet down the command tree; name what is not there."""
    problems = []
    for match in MENTION.finditer(snippet):
        path, words = (), match.group(1).split()
        for word in words:
            command = COMMANDS[path]
            if word.startswith("-"):
                option = word.split("=")[0]
                if OPTION.fullmatch(option) and option not in _options(command):
                    problems.append(f"`msp-select {' '.join(path)}` has no option {option}")
            elif isinstance(command, click.Group) and re.fullmatch(r"[a-z][a-z-]*", word):
                if path + (word,) not in COMMANDS:
                    problems.append(f"no command `msp-select {' '.join(path + (word,))}`")
                    break
                path += (word,)
    return problems


def test_the_command_tree_is_read_from_click():
    assert {("score",), ("extract",), ("criteria", "check")} <= set(COMMANDS)
    assert {"--spacy-model", "--criteria", "--objectives", "--help"} <= ALL_OPTIONS


@pytest.mark.parametrize(
    "snippet, problem",
    [
        ("msp-select criteria init DIR", "no command `msp-select criteria init`"),
        ("msp-select scores proposals/", "no command `msp-select scores`"),
        ("msp-select rank m.csv --model x", "`msp-select rank` has no option --model"),
        ("msp-select score proposals/ --criteria c --out r", None),
        ("msp-select -q compare A B --out DIR --format=json", None),
    ],
)
def test_a_mention_is_walked_down_the_tree(snippet, problem):
    assert _problems_in(snippet) == ([problem] if problem else [])


def test_commands_in_docs_and_messages_exist():
    problems = [
        f"{place}: {problem}"
        for place, _, snippets in SOURCES
        for snippet in snippets
        for problem in _problems_in(snippet)
    ]
    assert not problems, "\n".join(sorted(set(problems)))


def test_options_in_docs_and_messages_exist():
    unknown = {
        f"{place}: {option}"
        for place, text, _ in SOURCES
        for option in OPTION.findall(text)
        if option not in ALL_OPTIONS
    }
    assert not unknown, "\n".join(sorted(unknown))


@pytest.mark.parametrize(
    "path", [p for p in COMMANDS if p], ids=lambda p: " ".join(p) if isinstance(p, tuple) else p
)
def test_every_command_is_in_the_readme(path):
    assert f"msp-select {' '.join(path)}" in README.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "path", list(COMMANDS), ids=lambda p: " ".join(p) if isinstance(p, tuple) else p
)
def test_every_command_has_help(path):
    assert COMMANDS[path].help, f"`msp-select {' '.join(path)}` has no help text"
