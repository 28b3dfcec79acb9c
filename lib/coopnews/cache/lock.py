"""Locks that make a cache folder safe to share between processes (two `coopnews process` runs, notebooks of
a report batch, a notebook and the command line).

A table folder has a lock file, `.lock`; writers (appending a part, compacting) hold it exclusively, readers
(listing the parts and reading them) hold it shared, so a reader never lists a part that a compaction in
another process then removes. The locks are `flock` locks on an open file: the kernel releases them when
the process ends, however it ends, so a killed run never leaves a cache locked. Within one process a lock
is re-entrant (a writer may read); a forked child does not inherit its parent's locks.
"""
from __future__ import annotations

import fcntl
import os
import threading
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"

_held: dict[str, list] = {}  # lock path -> [pid, fd, exclusive, depth]
_guard = threading.RLock()


@contextmanager
def folder_lock(folder: str | Path, *, exclusive: bool):
    """Hold the lock of `folder` (created when writing) shared or exclusively, waiting for it as long as
    another process holds it in a conflicting mode. Reading a folder that does not exist takes no lock."""
    folder = Path(folder)
    if not exclusive and not folder.is_dir():
        yield
        return
    path = str(folder / LOCK_FILE)
    with _guard:
        entry = _held.get(path)
        if entry is not None and entry[0] != os.getpid():
            entry = None  # inherited through fork: not ours
        if entry is None:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            except BaseException:
                os.close(fd)
                raise
            entry = _held[path] = [os.getpid(), fd, exclusive, 0]
        elif exclusive and not entry[2]:
            fcntl.flock(entry[1], fcntl.LOCK_EX)  # a reader that now writes
            entry[2] = True
        entry[3] += 1
    try:
        yield
    finally:
        with _guard:
            entry[3] -= 1
            if entry[3] == 0:
                _held.pop(path, None)
                fcntl.flock(entry[1], fcntl.LOCK_UN)
                os.close(entry[1])
