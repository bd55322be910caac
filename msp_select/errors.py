"""Errors a user can act on. Each carries a one-line message that names the file."""

from __future__ import annotations


class MspSelectError(Exception):
    """Base class: the CLI prints `str(err)` on one line, never a traceback."""

    exit_code = 2


class InputError(MspSelectError):
    """Usage or input error (missing folder, invalid criteria file): nothing is written."""

    exit_code = 2


class DocumentError(MspSelectError):
    """One document could not be read; the other vendors are still processed (exit 1)."""

    exit_code = 1

    def __init__(self, file: str, problem: str, advice: str = ""):
        self.file = file
        self.problem = problem
        self.advice = advice
        text = f"{file}: {problem}"
        if advice:
            text += f"; {advice}"
        super().__init__(text)


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM reached the run: exit 128 + the signal number (130, 143).

    A BaseException, like KeyboardInterrupt, so no `except Exception` swallows it.
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.exit_code = 128 + signum
