"""Sync through git (issue 18): a library and a remote repository kept in step, no Qt.
The design: docs/sync.md."""
