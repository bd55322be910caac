"""Run one function over many items in forked worker processes.

Forked, not spawned: a worker starts with the parent's memory, so a spaCy pipeline built once
in the parent is shared, not rebuilt or pickled. Results come back pickled through a pipe
(trusted: our own child). Work is split before forking, heaviest items first, each to the
least loaded worker; the order of the results is the order of the items whatever the split.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Callable, Sequence

from msp_select.interrupts import worker_started


def _split(weights: Sequence[float], jobs: int) -> list[list[int]]:
    loads = [0.0] * jobs
    shares: list[list[int]] = [[] for _ in range(jobs)]
    for i in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        k = loads.index(min(loads))
        shares[k].append(i)
        loads[k] += weights[i]
    return [s for s in shares if s]


def _child(conn, fn, items, share) -> None:
    try:
        conn.send([(i, fn(items[i])) for i in share])
    except BaseException:  # the parent redoes this share itself and sees the error there
        conn.send(None)
    finally:
        conn.close()
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers twice


def map_forked(
    fn: Callable, items: Sequence, jobs: int, weights: Sequence[float] | None = None
) -> list:
    """[fn(item) for item in items], shared among `jobs` forked workers.

    A share whose worker fails or dies is run again in this process, so an error surfaces
    as it would without workers. Without fork (or with one job) everything runs here.
    """
    items = list(items)
    if jobs <= 1 or len(items) <= 1 or "fork" not in mp.get_all_start_methods():
        return [fn(x) for x in items]
    ctx = mp.get_context("fork")
    shares = _split(weights or [1.0] * len(items), min(jobs, len(items)))
    results: list = [None] * len(items)
    running = []
    try:
        for share in shares:
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(send, fn, items, share), daemon=True)
            proc.start()
            send.close()
            running.append((recv, proc, share))
        for recv, proc, share in running:
            try:
                got = recv.recv()
            except (EOFError, OSError):
                got = None
            for i, value in got if got is not None else [(i, fn(items[i])) for i in share]:
                results[i] = value
    finally:
        for recv, proc, _ in running:
            if proc.is_alive():
                proc.kill()
            proc.join()
            recv.close()
    return results


class Pending:
    """fn() running in a forked child while this process does something else.

    `result()` waits for it; if the child fails or dies, fn() runs again here so an error
    surfaces as it would without the child. Leaving the `with` block ends the child.
    """

    def __init__(self, fn: Callable):
        self.fn, self.proc, self.conn = fn, None, None
        if "fork" in mp.get_all_start_methods():
            ctx = mp.get_context("fork")
            self.conn, send = ctx.Pipe(duplex=False)
            parent = os.getpid()
            # Not a daemon: fn may start worker processes of its own (the PDF readers do), which
            # a daemon may not. worker_started ties the child's life to this process instead.
            self.proc = ctx.Process(
                target=_child, args=(send, lambda _: worker_started(parent) or fn(), [None], [0])
            )
            self.proc.start()
            send.close()

    def result(self):
        got = None
        if self.conn is not None:
            try:
                got = self.conn.recv()
            except (EOFError, OSError):
                got = None
        return got[0][1] if got else self.fn()

    def __enter__(self) -> Pending:
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join()
            self.conn.close()
