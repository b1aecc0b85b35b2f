"""Where PySide6's type stubs say less than Qt does, said once, with why."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCompleter

# A signal's argument may be a C++ type name: note and annotation ids are 64-bit, which
# Signal(int) is not. The stubs take Python types only.
INT64: type = "qint64"  # type: ignore[assignment]


def application() -> QApplication:
    """The running QApplication (the stubs say instance() may be a QCoreApplication or
    None; notegui's gui makes a QApplication before any widget)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication runs before any widget"
    return app


def first_key(sequence: QKeySequence) -> int:
    """The first key of ``sequence``, as a combined key code (Qt's operator[], which the
    stubs lack)."""
    return sequence[0].toCombined()  # type: ignore[index]


def popup(completer: QCompleter) -> QAbstractItemView:
    """The completer's list (QCompleter makes it when first asked: never None, though the
    stubs say it may be)."""
    view = completer.popup()
    assert view is not None, "QCompleter makes its popup on demand"
    return view


def activated_index(completer: QCompleter) -> SignalInstance:
    """The completer's ``activated(QModelIndex)`` (a row, where ``activated(str)`` gives
    only its text): the stubs do not let an overloaded signal be indexed."""
    return completer.activated[QModelIndex]  # type: ignore[index]
