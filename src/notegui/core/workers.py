"""A thread that runs closures in order, and the token that cancels one: the Qt-free half of
running work off the UI thread (gui/tasks.py delivers the outcomes on the UI thread).

A worker is long-lived, not a pool's thread: every thread that reads a library opens its
own SQLite connection (and malloc arena), so the work on one library runs on a few threads
that last as long as it is open, and the connections are theirs."""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("notegui")


class Token:
    """Cancels one piece of work: whoever submitted it cancels, the work may ask (calling
    the token, or ``cancelled``) and stop early, and its outcome is dropped."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:  # (where a ``should_stop`` callable is asked for)
        return self._event.is_set()


@dataclass
class _Job:
    run: Callable[[], None]
    token: Token
    dropped: Callable[[], None] | None  # told when it will never run

    def drop(self) -> None:
        self.token.cancel()
        if self.dropped is not None:
            self.dropped()


class Worker:
    """One daemon thread running the closures submitted to it, one at a time, in order; a
    closure whose token was cancelled before its turn is skipped.

    ``newest_only``: a new closure replaces the ones still waiting (a search typed over).
    ``after``: this worker starts a closure only while ``after`` has none waiting or
    running (the full search waits for the quick one, so they never share the cores)."""

    def __init__(self, name: str, newest_only: bool = False,
                 after: Worker | None = None) -> None:
        self.name = name
        self._newest_only = newest_only
        self._after = after
        # (shared with ``after``: each worker's changes wake the other)
        self._condition: threading.Condition = (
            after._condition if after is not None else threading.Condition())
        self._waiting: deque[_Job] = deque()
        self._running: _Job | None = None
        self._stopped = False
        self._drain = False  # stopped, but the closures waiting still run
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, run: Callable[[], None], token: Token,
               dropped: Callable[[], None] | None = None) -> bool:
        """Queue ``run``; ``dropped()`` is called if it never runs (its token cancelled
        before its turn, replaced, or the worker stopped). False (and ``dropped()``) once
        the worker is stopped."""
        job = _Job(run, token, dropped)
        with self._condition:
            if self._stopped:
                job.drop()
                return False
            if self._newest_only:
                for older in self._waiting:
                    older.drop()
                self._waiting.clear()
            self._waiting.append(job)
            self._condition.notify_all()
        return True

    def _busy(self) -> bool:
        return bool(self._waiting) or self._running is not None

    def idle(self) -> bool:
        with self._condition:
            return not self._busy()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing is waiting or running; False on time-out."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while self._busy():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._condition.wait(left)
        return True

    def stop(self, drain: bool = False) -> None:
        """No more closures. ``drain``: those waiting still run, then the thread ends; else
        they are dropped, and the running one's token is cancelled (it may stop early)."""
        with self._condition:
            self._stopped = True
            self._drain = drain
            if not drain:
                for job in self._waiting:
                    job.drop()
                self._waiting.clear()
                if self._running is not None:
                    self._running.token.cancel()
            self._condition.notify_all()

    def join(self, timeout: float) -> bool:
        """Wait for the thread to end; False on time-out (it runs on, a daemon, and ends
        when its closure returns)."""
        self._thread.join(max(0.0, timeout))
        return not self._thread.is_alive()

    def close(self, timeout: float = 5.0) -> bool:
        self.stop()
        return self.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _ready(self) -> bool:
        if not self._waiting:
            return False
        return self._after is None or not self._after._busy()

    def _next(self) -> _Job | None:
        with self._condition:
            while not self._ready():
                if self._stopped and (not self._drain or not self._waiting):
                    return None
                self._condition.wait()
            if self._stopped and not self._drain:
                return None
            job = self._running = self._waiting.popleft()
            return job

    def _loop(self) -> None:
        while (job := self._next()) is not None:
            try:
                if job.token.cancelled:
                    job.drop()
                else:
                    job.run()
            except Exception:  # (the closures report their own errors: this keeps the thread)
                log.exception("%s: a task failed", self.name)
            finally:
                with self._condition:
                    self._running = None
                    self._condition.notify_all()
