"""The end of a session from outside the window: SIGTERM (a logout, ``kill``, a system
shutting down), SIGINT (Ctrl+C in the terminal that started notegui) and SIGHUP (that
terminal closed) close the window as Ctrl+Q does, unless notegui was started with them
ignored (``nohup``).

Python runs a signal's handler only when the interpreter next runs Python code, and while
Qt's event loop sleeps it runs none: so the handler does nothing itself, and the wake-up
file descriptor (``signal.set_wakeup_fd``, one end of a socket pair, to which the C-level
handler writes the signal's number) wakes the loop through a QSocketNotifier on the other
end. The slot runs in the loop like any event, where closing the window is safe."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger("notegui")

# (SIGHUP does not exist on Windows, where Qt's own events end the session.)
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP")
                       if hasattr(signal, name))


class QuitOnSignals(QObject):
    """Calls ``end(signal number)`` in the event loop when one of ``signals`` arrives.
    ``close`` puts the previous handlers back. Made in the main thread (Python sets signal
    handlers there only)."""

    def __init__(self, end: Callable[[int], None],
                 signals: tuple[int, ...] = ENDING_SIGNALS, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._end = end
        self._reader, self._writer = socket.socketpair()
        for end_of_pair in (self._reader, self._writer):
            end_of_pair.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._woken)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        # A signal ignored by whoever started notegui stays ignored: `nohup notegui` must
        # outlive its terminal (SIGHUP), a job started in the background ignores SIGINT.
        self._previous = {number: signal.signal(number, _noted) for number in signals
                          if signal.getsignal(number) is not signal.SIG_IGN}
        self._ended = False

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except OSError:
            return
        numbers = [number for number in received if number in self._previous]
        if numbers and not self._ended:
            self._ended = True
            log.info("%s received: closing the window as Ctrl+Q does",
                     signal.Signals(numbers[0]).name)
            self._end(numbers[0])

    def close(self) -> None:
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _noted(_number: int, _frame: object) -> None:
    """The Python-level handler: the work is done by the wake-up descriptor's slot."""
