"""Worker processes that end with their run: how a pool worker starts (Ctrl-C is the parent's to handle, and
the worker exits, with everything it started, as soon as its parent is gone, even after `kill -9`), and how
the parent ends a pool and every process below it when a run is interrupted.

Used by the local pipeline's pool (coopnews.scale.workers), the totals' pool and the report runner.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager

import psutil

WATCH_SECONDS = 0.5  # how often a worker checks that its parent is still there
GRACE_SECONDS = 2.0  # how long processes get to end after SIGTERM before SIGKILL

_watching = False


def pool_worker_started() -> None:
    """Call first in a pool worker (its initializer): SIGINT does nothing (the parent stops the run and ends
    the workers), SIGTERM ends it, and a watcher thread ends it and its own children once its parent is gone.
    SIGINT gets a do-nothing handler rather than SIG_IGN: programs the worker starts (notebook kernels, which
    are interrupted with SIGINT on a cell timeout) must not inherit an ignored SIGINT."""
    global _watching
    signal.signal(signal.SIGINT, _do_nothing)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if _watching:
        return
    _watching = True
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="coopnews-parent-watch").start()


def _do_nothing(signum, frame) -> None:
    return None


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:  # reparented: the parent died
            end_process_trees([os.getpid()], include_roots=False)
            os._exit(1)


def end_process_trees(pids, *, include_roots: bool = True, grace: float = GRACE_SECONDS) -> None:
    """End the processes `pids` (unless include_roots is False) and all their descendants: SIGTERM, then
    SIGKILL for those still running after `grace` seconds. (Not for multiprocessing's own children when
    include_roots: waiting for them here would take their exit status from multiprocessing.)"""
    procs = descendants(pids)
    for pid in pids if include_roots else ():
        try:
            procs.append(psutil.Process(pid))
        except psutil.Error:
            continue
    _end(procs, grace)


def descendants(pids) -> list[psutil.Process]:
    """Every process below the processes `pids`."""
    found = []
    for pid in pids:
        try:
            found.extend(psutil.Process(pid).children(recursive=True))
        except psutil.Error:
            continue
    return found


def _end(procs: list[psutil.Process], grace: float) -> None:
    for proc in procs:
        try:
            proc.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(procs, timeout=grace)
    for proc in alive:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=grace)


def stop_pool(pool) -> None:
    """Cancel what a ProcessPoolExecutor has not started, and end its workers and everything they started."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    below = descendants([p.pid for p in processes if p.pid is not None])  # kernels, nested pools
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    _end(below, GRACE_SECONDS)
    for process in processes:  # reaped by multiprocessing itself, so the pool sees them gone
        process.join(GRACE_SECONDS)
        if process.is_alive():
            process.kill()
            process.join(GRACE_SECONDS)
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:  # let it end now: at interpreter exit, concurrent.futures' atexit hook could write
        manager.join(GRACE_SECONDS)  # to its wake-up pipe while it closes it ("Bad file descriptor" traceback)


@contextmanager
def interrupts_held():
    """While cleaning up after a first Ctrl-C: further SIGINTs and SIGTERMs are ignored (main thread only), so
    the cleanup always finishes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
