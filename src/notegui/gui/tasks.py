"""Work off the UI thread, its outcome back on it: the window's one way of doing both.

``Tasks.run(work, on_done, on_error)`` runs ``work(token)`` on a worker thread
(core/workers.py) and calls ``on_done(result)`` or ``on_error(exception)`` on the UI thread.
Everything a thread hands back (outcomes, progress) is a closure posted with
``run_on_main``: kept in a list, and one queued signal with no arguments tells the UI thread
to run them, so no Python object crosses threads inside Qt and no timer polls.

A cancelled task's outcome is dropped, and so is every outcome once ``shutdown`` ran (the
window closed): nothing reaches a closed window.

Named workers (``worker=``) are for the work on the open library: they last until
``close_workers`` (the library is left or closed), and their threads own the library's
connections they open. A task without a worker gets a thread of its own (a backup, a
restore): it is not waited for at shutdown, only its outcome dropped."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from notegui.core.errors import LibraryError
from notegui.core.workers import Token, Worker

log = logging.getLogger("notegui")

T = TypeVar("T")
LIBRARY_WORKER = "notegui-library"  # the open library's worker (its imports)
SHUTDOWN_MS = 5000  # how long closing waits for the library's workers


def _nothing() -> None:
    pass


class Task(Generic[T]):
    """A handle on one submitted piece of work."""

    def __init__(self, token: Token) -> None:
        self.token = token
        self._ended = threading.Event()  # the work returned or will never run
        self._settled = False  # its outcome was delivered or dropped

    def cancel(self) -> None:
        """Stop it (the work may look at its token) and drop its outcome."""
        self.token.cancel()

    def running(self) -> bool:
        """True from the start until its outcome is delivered; False once cancelled."""
        return not self._settled and not self.token.cancelled

    def wait(self, msecs: int | None = None) -> bool:
        """Wait for the work to return on its thread (not for the delivery, which is the
        UI thread's: the one waiting here); False on time-out."""
        return self._ended.wait(None if msecs is None else msecs / 1000)


class Tasks(QObject):
    """Runs closures off the UI thread and hands their outcomes back on it."""

    _posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._closures: list[tuple[Callable[[], None], Token | None]] = []
        self._workers: dict[str, Worker] = {}
        self._tasks: dict[Task, str | None] = {}  # not settled yet -> its worker's name
        self._closed = False
        self._posted.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)

    @property
    def closed(self) -> bool:
        return self._closed

    # -- from any thread -------------------------------------------------------------------

    def run_on_main(self, closure: Callable[[], None], token: Token | None = None) -> None:
        """Run ``closure`` on the UI thread soon, unless ``token`` is cancelled by then or
        the tasks were shut down."""
        with self._lock:
            if self._closed:
                return
            self._closures.append((closure, token))
        with contextlib.suppress(RuntimeError):  # (the window's objects are gone)
            self._posted.emit()

    # -- on the UI thread ------------------------------------------------------------------

    def worker(self, name: str, newest_only: bool = False, after: str | None = None) -> Worker:
        """The named worker, started the first time it is asked for (and again after
        ``close_workers``)."""
        found = self._workers.get(name)
        if found is None:
            found = self._workers[name] = Worker(
                name, newest_only, self.worker(after) if after is not None else None)
        return found

    def running_worker(self, name: str) -> Worker | None:
        """The named worker if it was started (and not closed since)."""
        return self._workers.get(name)

    def run(self, work: Callable[[Token], T], on_done: Callable[[T], None],
            on_error: Callable[[Exception], None] | None = None, *, worker: str | None = None,
            token: Token | None = None, name: str = "notegui-task") -> Task[T]:
        """Run ``work(token)`` on the named worker (else on a thread of its own, named
        ``name``); then ``on_done(result)`` or ``on_error(exception)`` on the UI thread.
        A LibraryError is expected (its message says it all) and logged as a warning; any
        other exception is logged with its traceback. Without ``on_error`` an error is only
        logged."""
        task: Task[T] = Task(token if token is not None else Token())
        thread_name = worker or name

        def job() -> None:
            try:
                result = work(task.token)
            except Exception as error:
                if isinstance(error, LibraryError):
                    log.warning("%s: %s", thread_name, error)
                else:
                    log.exception("%s failed", thread_name)
                self._post_outcome(task, partial(on_error, error) if on_error else _nothing)
            else:
                self._post_outcome(task, lambda: on_done(result))
            finally:
                task._ended.set()

        if self._closed:
            task.cancel()
            task._ended.set()
            return task
        for older in [older for older in self._tasks if older.token.cancelled]:
            del self._tasks[older]  # (their outcomes are dropped: nothing left to cancel)
        self._tasks[task] = worker
        if worker is not None:
            self.worker(worker).submit(job, task.token, task._ended.set)
        else:
            own = Worker(name)
            own.submit(job, task.token, task._ended.set)
            own.stop(drain=True)  # (its thread ends with the task)
        return task

    def close_workers(self, names: Iterable[str] | None = None,
                      msecs: int = SHUTDOWN_MS) -> bool:
        """End the named workers (all of them when their library is left): their tasks
        not finished are cancelled (outcomes dropped) and their threads waited for, up to
        ``msecs`` in all; False if one still runs then (abandoned: a daemon thread whose
        outcome is dropped). The outcomes of tasks that had finished are still delivered.
        A worker asked for afterwards starts afresh."""
        names = set(self._workers if names is None else names)
        for task, name in self._tasks.items():
            if name in names and not task._ended.is_set():
                task.cancel()
        workers = [self._workers.pop(name) for name in names if name in self._workers]
        for worker in workers:
            worker.stop()
        deadline = time.monotonic() + msecs / 1000
        ended = [worker.join(deadline - time.monotonic()) for worker in workers]
        if not all(ended):
            log.warning("a worker still ran when its library was left: abandoned")
        return all(ended)

    def shutdown(self, msecs: int = SHUTDOWN_MS) -> bool:
        """The window closes: every task cancelled and every outcome dropped from now on;
        the named workers waited for (``close_workers``), the others abandoned."""
        with self._lock:
            self._closed = True
            self._closures.clear()
        for task in self._tasks:
            task.cancel()
            task._settled = True
        self._tasks.clear()
        return self.close_workers(msecs=msecs)

    def _post_outcome(self, task: Task, deliver: Callable[[], None]) -> None:
        def settle() -> None:  # (on the UI thread: dropped or delivered, it is settled)
            task._settled = True
            self._tasks.pop(task, None)
            if not task.token.cancelled:
                deliver()

        self.run_on_main(settle)

    def _run_posted(self) -> None:
        with self._lock:
            closures, self._closures = self._closures, []
        for at, (closure, token) in enumerate(closures):
            if self._closed:
                return
            if token is not None and token.cancelled:
                continue
            try:
                closure()
            except BaseException:  # (the rest run next time; the error goes on as any slot's)
                with self._lock:
                    self._closures[:0] = closures[at + 1:]
                self._posted.emit()
                raise
