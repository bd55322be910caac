"""Signals and time limits: Ctrl-C exits 130, SIGTERM 143, and no worker outlives the run.

install()                  # main process: SIGINT/SIGTERM raise errors.Interrupted once
check()                    # in a waiting loop: raise it again if a finalizer swallowed it
worker_started(parent)     # first thing in a worker: parent handles signals; die with it
deadline(seconds)          # raise Overtime in the main thread when the time is up
held()                     # SIGINT/SIGTERM wait while a worker is being started
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading

from msp_select.errors import Interrupted

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


_received: list[int] = []  # the signal that stopped the run, once one has arrived


def install() -> None:
    """Turn the first SIGINT or SIGTERM into Interrupted; ignore repeats while cleaning up."""

    def handler(signum, frame):
        for s in _SIGNALS:
            signal.signal(s, signal.SIG_IGN)
        _received.append(signum)
        raise Interrupted(signum)

    for s in _SIGNALS:
        signal.signal(s, handler)


def check() -> None:
    """Raise Interrupted again for a signal whose exception was swallowed: one that lands while
    a finalizer runs ("Exception ignored in ...") is lost, and waiting loops call this."""
    if _received:
        raise Interrupted(_received[0])


@contextlib.contextmanager
def held():
    """Hold SIGINT/SIGTERM back (delivered on exit), e.g. across a fork."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def worker_started(parent: int) -> None:
    """In a forked worker: the parent handles Ctrl-C (it kills workers); SIGTERM kills this one
    at once; and on Linux the worker is killed when the parent dies, however it dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class Overtime(Exception):
    """The time given to `deadline` ran out."""


@contextlib.contextmanager
def deadline(seconds: float):
    """Raise Overtime inside the block after `seconds` (main thread on Unix; elsewhere a no-op).

    Python checks signals between bytecodes and inside long regular-expression matches, so
    pure-Python work (extraction) is stopped; the previous alarm handler is restored after.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def handler(signum, frame):
        raise Overtime()

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
