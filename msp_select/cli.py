"""Command line: parse options, call msp_select.api, print one line per problem.

Kept thin and import-light so that `msp-select --help` is instant: heavy libraries load
inside the api functions only when a command runs.
"""

from __future__ import annotations

import functools
import sys

import click

from msp_select import __version__
from msp_select.errors import Interrupted, MspSelectError


def _guard(fn):
    """Turn errors a user can act on into one line on stderr and the contract's exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        verbose = (ctx.find_root().obj or {}).get("verbose", False)
        try:
            return fn(*args, **kwargs)
        except MspSelectError as err:
            click.echo(f"msp-select: {terminal_safe(str(err))}", err=True)
            sys.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("msp-select: interrupted", err=True)
            sys.exit(130)
        except Interrupted as stop:
            what = "terminated" if stop.exit_code == 143 else "interrupted"
            click.echo(f"msp-select: {what}; no output was changed", err=True)
            sys.exit(stop.exit_code)
        except Exception as err:  # a bug of ours, not the user's input: still no traceback
            if verbose:
                raise
            click.echo(
                f"msp-select: internal error ({type(err).__name__}: {terminal_safe(str(err))}); "
                "rerun with --verbose and report it",
                err=True,
            )
            sys.exit(2)

    return wrapper


def terminal_safe(text: str) -> str:
    from msp_select.files import terminal_safe as escape

    return escape(text)


def _lines(text: str) -> str:
    """Multi-line output with each line terminal-safe (vendor names come from files)."""
    return "\n".join(terminal_safe(line) for line in text.split("\n"))


def _stack(*decorators):
    """Several decorators as one, applied as if written one above the other in this order."""

    def apply(f):
        for decorate in reversed(decorators):
            f = decorate(f)
        return f

    return apply


# Options shared by the commands that read PDFs (api.ReadOptions).
_read_options = _stack(
    click.option(
        "--spacy-model",
        default=None,
        help="An installed trained spaCy pipeline to use instead of the blank English one.",
    ),
    click.option(
        "--no-cache", is_flag=True, help="Parse every PDF again; read and write no cache."
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Where parsed documents are cached (default: the user cache folder).",
    ),
    click.option(
        "--jobs",
        type=click.IntRange(1),
        default=None,
        help="Documents parsed in parallel (default: CPU count).",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(1),
        default=120.0,
        show_default=True,
        help="Seconds allowed to read one document.",
    ),
    click.option(
        "--max-pages",
        type=click.IntRange(1),
        default=500,
        show_default=True,
        help="Refuse documents longer than this.",
    ),
    click.option("--password", help="Password of an encrypted PDF you hold."),
)
# Under every command: the click context, and errors as one line with the contract's exit code.
_guarded = _stack(click.pass_context, _guard)

_samples_option = click.option(
    "--samples",
    type=click.IntRange(0),
    default=10000,
    show_default=True,
    help="Monte Carlo weight samples for the sensitivity analysis (0: skip).",
)


def _read_options_of(kw):
    from msp_select import api

    return api.ReadOptions(
        password=kw["password"],
        max_pages=kw["max_pages"],
        timeout=kw["timeout"],
        jobs=kw["jobs"],
        cache_dir=kw["cache_dir"],
        use_cache=not kw["no_cache"],
        spacy_model=kw["spacy_model"],
    )


class _Progress:
    """A progress bar on stderr when it is a terminal and not --quiet; silent otherwise."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and sys.stderr.isatty()
        self.bar = None

    def __call__(self, done: int, total: int, path) -> None:
        if not self.enabled or total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Reading proposals", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)
        if done >= total:
            self.bar.__exit__(None, None, None)


def _report(outcome, quiet: bool, message: str) -> None:
    for line in outcome.errors:
        click.echo(f"msp-select: {terminal_safe(line)}", err=True)
    for line in outcome.warnings:
        click.echo(f"msp-select: warning: {terminal_safe(line)}", err=True)
    if not quiet:
        click.echo(terminal_safe(message))
    sys.exit(outcome.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="msp-select")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option(
    "-v", "--verbose", is_flag=True, help="More detail, including tracebacks of internal errors."
)
@click.pass_context
def main(ctx, quiet, verbose):
    """Choose a Managed IT Services Provider on the evidence of its own proposal."""
    ctx.obj = {"quiet": quiet, "verbose": verbose}


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out", "out_dir", required=True, type=click.Path(), help="Folder for commitments.json."
)
@_read_options
@_guarded
def extract(ctx, paths, out_dir, **kw):
    """Read PDFs or vendor folders and write what each vendor commits to (commitments.json)."""
    from msp_select import api

    quiet = ctx.obj["quiet"]
    outcome = api.extract(paths, out_dir, _read_options_of(kw), progress=_Progress(quiet))
    _report(outcome, quiet, f"Wrote {outcome.written[0]}")


@main.command()
@click.argument("proposals_dir", type=click.Path())
@click.option(
    "--criteria",
    "criteria_dir",
    required=True,
    type=click.Path(),
    help="Folder of criteria YAML files.",
)
@click.option("--out", "out_dir", required=True, type=click.Path(), help="Folder for the outputs.")
@click.option(
    "--method",
    default=None,
    help="MCDA method (default: the criteria's settings.method, else topsis).",
)
@click.option(
    "--overrides",
    type=click.Path(dir_okay=False),
    default=None,
    help="Analyst overrides (default: PROPOSALS_DIR/overrides.yaml when present).",
)
@click.option(
    "--panel",
    type=click.Path(dir_okay=False),
    default=None,
    help="CSV of evaluators' manual team-fit scores (evaluator, vendor, criterion, score).",
)
@click.option(
    "--date",
    default=None,
    help="Date printed in the memo (default: SOURCE_DATE_EPOCH, else today).",
)
@click.option(
    "--format",
    "formats",
    multiple=True,
    type=click.Choice(["md", "html", "xlsx", "csv"]),
    default=("md", "html"),
    show_default=True,
    help="Outputs beside the JSON; repeat for several.",
)
@_samples_option
@click.option(
    "--absent-must-have",
    "absent",
    type=click.Choice(["confirm", "eliminate"]),
    default="confirm",
    show_default=True,
    help="A must-have the proposal is silent on: keep the vendor ranked as 'unconfirmed "
    "must-have' with a question to ask (confirm), or eliminate it.",
)
@_read_options
@_guarded
def score(
    ctx,
    proposals_dir,
    criteria_dir,
    out_dir,
    method,
    overrides,
    panel,
    date,
    formats,
    samples,
    absent,
    **kw,
):
    """Extract, judge against the criteria, rank the vendors and write the selection memo."""
    from msp_select import api

    quiet = ctx.obj["quiet"]
    opts = api.ScoreOptions(
        method=method,
        overrides=overrides,
        panel=panel,
        date=date,
        formats=tuple(formats),
        samples=samples,
        absent=absent,
    )
    outcome = api.score(
        proposals_dir, criteria_dir, out_dir, _read_options_of(kw), opts, progress=_Progress(quiet)
    )
    memo = next((p for p in outcome.written if p.name == "memo.html"), outcome.written[-1])
    _report(outcome, quiet, f"Memo written to {memo}")


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@_guarded
def init(ctx, directory):
    """Write a starter criteria folder from the default library."""
    from msp_select import api

    written = api.init(directory)
    if not ctx.obj["quiet"]:
        for p in written:
            click.echo(terminal_safe(f"Wrote {p}"))
        click.echo(f"Edit the goals and weights, then run: msp-select criteria check {directory}")


@main.group("criteria")
def criteria_group():
    """Work with criteria folders."""


@criteria_group.command("check")
@click.argument("directory", type=click.Path())
@_guarded
def criteria_check(ctx, directory):
    """Validate every criteria file of DIRECTORY; print each problem with its line."""
    from msp_select import api

    problems = api.check_criteria(directory)
    for p in problems:
        click.echo(terminal_safe(p), err=True)
    if problems:
        sys.exit(2)
    if not ctx.find_root().obj["quiet"]:
        click.echo(terminal_safe(f"{directory}: criteria are valid"))


@main.command()
@click.argument("matrix_csv", type=click.Path(dir_okay=False))
@click.option("--objectives", required=True, help="min or max per criterion, comma-separated.")
@click.option("--weights", required=True, help="A weight per criterion, comma-separated.")
@click.option("--method", default="topsis", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_samples_option
@_guarded
def rank(ctx, matrix_csv, objectives, weights, method, as_json, samples):
    """Rank a decision matrix a team scored by hand (first column: alternatives)."""
    import json

    from msp_select import api

    result = api.rank(matrix_csv, objectives, weights, method, samples=samples)
    click.echo(json.dumps(result.to_json(), indent=2) if as_json else _lines(result.to_text()))


@main.command()
@click.argument("vendors", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="The folder of an earlier `score` run (holds scores.json and commitments.json).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "csv", "json"]),
    default="text",
    show_default=True,
)
@_guarded
def compare(ctx, vendors, out_dir, fmt):
    """Show shortlisted vendors side by side: goals, team fit, risks, price."""
    from msp_select import api

    text = api.compare(vendors, out_dir, fmt)
    click.echo(text if fmt == "json" else _lines(text), nl=False)


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option(
    "--proposals",
    type=click.Path(file_okay=False),
    default=None,
    help="The proposals folder (default: the one the score run recorded in OUT_DIR/run.json).",
)
@click.option(
    "--criteria",
    type=click.Path(file_okay=False),
    default=None,
    help="The criteria folder (default: the one the score run recorded).",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=None, help="Port (default: a free one)."
)
@click.option("--no-browser", is_flag=True, help="Print the URL; do not open a browser.")
@_read_options
@_guarded
def review(ctx, out_dir, proposals, criteria, port, no_browser, **kw):
    """Check and correct the evidence in a browser, beside the PDF page (after `score`)."""
    from msp_select import api

    api.review(
        out_dir,
        proposals,
        criteria,
        _read_options_of(kw),
        port=port,
        open_browser=not no_browser,
        echo=click.echo,
    )


def run() -> None:
    """The `msp-select` program: Ctrl-C exits 130 and SIGTERM 143 wherever they arrive."""
    import gc

    from msp_select import interrupts

    # A run builds millions of objects that live until it ends (spaCy, pdfplumber): collecting
    # after every 700 new ones spent ~10% of a cold `score` scanning them; a short-lived
    # program can wait for 50 000.
    gc.set_threshold(50_000, 50, 100)
    interrupts.install()
    try:
        main()
    except Interrupted as stop:
        sys.exit(stop.exit_code)
