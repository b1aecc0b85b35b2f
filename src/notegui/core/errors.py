"""Errors every layer may see."""


class LibraryError(Exception):
    """The library cannot be opened or written; ``str()`` says what, where and why."""


class ExportError(Exception):
    """An export could not be written; the message names the file and the reason."""
