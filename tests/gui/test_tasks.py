"""The one way to run work off the UI thread (gui/tasks.py): the outcome comes back on the UI
thread, an error as an error, a cancelled task's outcome never, and closing does not wait
for ever on a task that runs on."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QMainWindow

from notegui.core.errors import LibraryError
from notegui.gui.tasks import LIBRARY_WORKER, Tasks


def on_ui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_the_result_is_delivered_on_the_ui_thread(qtbot):
    tasks = Tasks()
    seen: list[tuple[str, bool]] = []
    release = threading.Event()

    def work(_token) -> str:
        release.wait(5)
        return threading.current_thread().name

    task = tasks.run(work, lambda name: seen.append((name, on_ui_thread())), name="worker")
    assert task.running() and not seen
    release.set()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("worker", True)]  # ran on its own thread, delivered on the UI thread
    assert not task.running()
    tasks.shutdown()


def test_an_exception_is_delivered_as_an_error_and_not_printed(qtbot, capfd, caplog):
    tasks = Tasks()
    failures: list[tuple[Exception, bool]] = []
    results: list[object] = []
    for work in (lambda _token: 1 / 0, lambda _token: (_ for _ in ()).throw(
            LibraryError("library.sqlite3 is read-only"))):
        tasks.run(work, results.append, lambda error: failures.append(
            (error, on_ui_thread())))
    qtbot.waitUntil(lambda: len(failures) == 2)
    assert results == []
    # (each on a thread of its own: either may end first)
    by_kind = {type(error).__name__: (str(error), on_ui) for error, on_ui in failures}
    assert by_kind == {"ZeroDivisionError": ("division by zero", True),
                       "LibraryError": ("library.sqlite3 is read-only", True)}
    assert "Traceback" not in capfd.readouterr().err
    # The unexpected one is logged with its traceback, the expected one by its message.
    logged = {record.getMessage(): record.exc_info is not None for record in caplog.records
              if record.getMessage().startswith("notegui-task")}
    assert logged == {"notegui-task failed": True,
                      "notegui-task: library.sqlite3 is read-only": False}
    tasks.shutdown()


def test_a_cancelled_task_is_told_and_its_result_dropped(qtbot):
    tasks = Tasks()
    delivered: list[str] = []
    started, saw_cancel = threading.Event(), threading.Event()

    def work(token) -> str:
        started.set()
        deadline = time.monotonic() + 5
        while not token.cancelled and time.monotonic() < deadline:
            time.sleep(0.005)
        if token.cancelled:
            saw_cancel.set()
        return "too late"

    task = tasks.run(work, delivered.append, worker=LIBRARY_WORKER)
    waiting = tasks.run(lambda _token: "never run", delivered.append, worker=LIBRARY_WORKER)
    assert started.wait(5)
    task.cancel()
    waiting.cancel()
    assert saw_cancel.wait(5)
    assert task.wait(5000) and waiting.wait(5000)
    after = tasks.run(lambda _token: "next", delivered.append, worker=LIBRARY_WORKER)
    qtbot.waitUntil(lambda: not after.running())
    assert delivered == ["next"]  # (the worker goes on with the next task)
    assert not task.running() and not waiting.running()
    tasks.shutdown()


def test_a_newest_only_worker_skips_what_was_typed_over(qtbot):
    tasks = Tasks()
    tasks.worker("lane", newest_only=True)
    release, ran, delivered = threading.Event(), [], []

    def work(text):
        def run(_token) -> str:
            ran.append(text)
            if text == "first":
                release.wait(5)
            return text
        return run

    for text in ("first", "second", "third"):
        tasks.run(work(text), delivered.append, worker="lane")
        if text == "first":
            qtbot.waitUntil(lambda: ran == ["first"])
    release.set()
    qtbot.waitUntil(lambda: delivered == ["first", "third"])
    assert ran == ["first", "third"]
    tasks.shutdown()


def test_progress_posted_from_the_worker_arrives_in_order_before_the_result(qtbot):
    tasks = Tasks()
    events: list[object] = []

    def work(token) -> str:
        for step in range(3):
            tasks.run_on_main(lambda step=step: events.append((step, on_ui_thread())), token)
        return "done"

    tasks.run(work, events.append)
    qtbot.waitUntil(lambda: "done" in events)
    assert events == [(0, True), (1, True), (2, True), "done"]
    tasks.shutdown()


def test_shutdown_with_a_task_running_neither_hangs_nor_delivers(qtbot):
    tasks = Tasks()
    delivered: list[str] = []
    started, release = threading.Semaphore(0), threading.Event()

    def stubborn(_token) -> str:  # (one SQLite step that cannot be interrupted)
        started.release()
        release.wait(30)
        return "after the window closed"

    tasks.run(stubborn, delivered.append, worker=LIBRARY_WORKER)
    own = tasks.run(stubborn, delivered.append, name="notegui-backup")
    assert started.acquire(timeout=5) and started.acquire(timeout=5)  # (both running)
    began = time.monotonic()
    assert tasks.shutdown(msecs=200) is False  # abandoned, said so
    assert time.monotonic() - began < 5
    assert not own.running()
    release.set()
    qtbot.wait(200)
    assert delivered == []
    refused = tasks.run(lambda _token: "once closed", delivered.append)
    qtbot.wait(100)
    assert delivered == [] and not refused.running()


def test_shutdown_waits_for_a_task_that_stops_when_cancelled(qtbot):
    tasks = Tasks()
    started, stopped = threading.Event(), threading.Event()

    def polite(token) -> None:
        started.set()
        while not token.cancelled:
            time.sleep(0.005)
        stopped.set()

    tasks.run(polite, lambda _result: None, worker=LIBRARY_WORKER)
    assert started.wait(5)
    assert tasks.shutdown() is True
    assert stopped.is_set()  # (ended before shutdown returned: its connection can close)


def test_closing_the_window_drops_what_its_tasks_still_deliver(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    tasks = Tasks(window)
    delivered: list[str] = []
    release = threading.Event()
    task = tasks.run(lambda _token: release.wait(5) and "late", delivered.append)
    for found in window.findChildren(Tasks):  # (as MainWindow.closeEvent does)
        found.shutdown()
    window.close()
    release.set()
    assert task.wait(5000)
    qtbot.wait(100)
    assert delivered == []
