"""notegui: read, search, annotate and edit a library of linked question notes, offline."""

__version__ = "0.1.0"
