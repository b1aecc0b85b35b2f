"""Signals as a desktop session gives them. A test run started in the background (`cmd &`
without job control ignores SIGINT) or under `nohup` (SIGHUP) passes those ignored to every
process it starts, and notegui rightly keeps an ignored signal ignored: so a test that sends
one must give its process, or itself, the default handling first."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SESSION_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGHUP", "SIGTERM")
                        if hasattr(signal, name))


def child_with_default_signals(then: Callable[[], object] | None = None
                               ) -> Callable[[], None]:
    """A ``preexec_fn``: the child starts with the default handling of the session's
    signals, then runs ``then`` (which may ignore one on purpose)."""

    def reset() -> None:
        for number in SESSION_SIGNALS:
            signal.signal(number, signal.SIG_DFL)
        if then is not None:
            then()

    return reset


@contextmanager
def python_ctrl_c() -> Iterator[None]:
    """This process raises KeyboardInterrupt on SIGINT (Python's default), for the block."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
