"""Pure Python: the domain, the file formats, rendering. No Qt, no database."""
