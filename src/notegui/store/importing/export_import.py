"""A notegui markdown export imported back (``core.vault.detect`` says ``notegui-export``):
the library's own notes of its top files merged as a notegui JSON document's are (by title,
with their citations, sources and tags), then each vault folder beside them imported as a
vault of that name (vault_import.py), so that its notes come back at their paths."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Protocol

from notegui.core.domain import ImportOutcome
from notegui.core.formats import json_format
from notegui.core.formats.export_reader import read_export, vault_kind
from notegui.core.import_plan import VaultJob
from notegui.core.vault_report import VaultReport
from notegui.store.importing.vault_import import VaultImport


class _Documents(Protocol):
    def import_bytes(self, data: bytes, name: str) -> ImportOutcome: ...


def import_export(documents: _Documents, job: VaultJob, report: VaultReport,
                  should_stop: Callable[[], bool],
                  writer: Callable[[VaultJob, VaultReport], VaultImport],
                  ) -> Iterator[ImportOutcome]:
    """The export folder ``job.folder``: one outcome for its own notes (as a JSON file's,
    its files not read each refused as an entry), then one a file of its vault folders,
    each written by a ``writer`` (a VaultImport into the library); ``report`` sums the
    vaults' reports. One file of it (``job.file``): that note alone."""
    report.folder, report.vault, report.kind = job.folder, job.name, job.kind
    inside = os.path.relpath(job.file, job.folder).replace(os.sep, "/") if job.file else ""
    if "/" in inside:  # one file of a vault folder: that vault's note
        name = inside.partition("/")[0]
        root = os.path.join(job.folder, name)
        vault = VaultReport()
        yield from writer(VaultJob(root, name, vault_kind(root), job.file), vault).run(
            should_stop)
        _add(report, vault)
        return
    try:
        read = read_export(job.folder)
    except OSError as error:
        yield ImportOutcome(job.folder, "refused", f"cannot be read: {error.strerror}")
        return
    own = read.document
    if inside:  # one file at its top: that note of the library's own (its citations read
        # by the names of the others)
        stem = inside.removesuffix(".md")
        own = replace(own, notes=tuple(n for n in own.notes if n.title == read.titles.get(
            stem)), refused=tuple(r for r in own.refused if r.startswith(f"{inside}: ")))
        read = replace(read, vaults={})
    report.notes = len(own.notes) + len(own.refused)
    if own.notes:
        outcome = documents.import_bytes(json_format.dumps(own).encode("utf-8"), job.folder)
        yield replace(outcome, refused_entries=(*outcome.refused_entries, *own.refused))
    elif own.refused:
        yield ImportOutcome(job.folder, "refused", "no note of the library's own read",
                            refused_entries=own.refused)
    for name, folder in read.vaults.items():
        if should_stop():
            return
        vault = VaultReport()
        yield from writer(VaultJob(str(folder), name, vault_kind(folder)), vault).run(
            should_stop)
        _add(report, vault)


def _add(total: VaultReport, vault: VaultReport) -> None:
    total.images_copied += vault.images_copied
    total.images_unchanged += vault.images_unchanged
    total.skipped.merge(vault.skipped)
    total.gone.extend(vault.gone)
    total.stubs += vault.stubs
    total.changed |= vault.changed
    total.notes += vault.notes
