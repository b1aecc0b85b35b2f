"""Errors of the file formats; their messages name the place and what is wrong."""


class FormatError(ValueError):
    """The input is not in the expected format."""
