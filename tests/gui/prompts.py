"""Answering the window's modal questions from a test, by the button a reader would click."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

TRIES = 250  # 5 s of looking for the box, then give up (the test's asserts say what is wrong)


def answer_next_box(button: str, seen: list[str] | None = None) -> list[str]:
    """Click ``button`` on the next modal message box; its text (and informative text)
    goes into the list returned, so the test can assert what the reader was asked."""
    seen = [] if seen is None else seen

    def look(tries: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(f"{box.windowTitle()}\n{box.text()}\n{box.informativeText()}")
            for candidate in box.buttons():
                if candidate.text().replace("&", "") == button:
                    candidate.click()
                    return
            box.reject()  # no such button: say so through ``seen`` rather than hang
            seen.append(f"(no {button!r} button)")
            return
        if tries:
            QTimer.singleShot(20, lambda: look(tries - 1))

    QTimer.singleShot(0, lambda: look(TRIES))
    return seen


def back_to(qtbot, window) -> None:
    """Give the window back its activation after a box closed (a window manager does;
    the offscreen platform leaves no window active, and the shortcuts need one)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
