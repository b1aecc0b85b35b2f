"""A JSON document's notes read from markdown folders (those with a ``path``) written into
the library as the vault import writes a folder's files (vault_import.py): upserted by
path, never replacing a note of the same title, their links found again in their bodies
by the vault's rules. One import a vault (the first segment of the paths)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from notegui.core.domain import ImportOutcome
from notegui.core.formats.document import NoteRecord
from notegui.core.formats.vault_export import as_vault_file
from notegui.core.import_listing import Skipped
from notegui.core.import_plan import VaultJob
from notegui.core.vault import Problem, VaultAttachment, VaultFile
from notegui.core.vault.kinds import MARKDOWN
from notegui.core.vault_report import VaultReport
from notegui.store.importing.vault_import import VaultImport


@dataclass(frozen=True)
class RecordsJob(VaultJob):
    """A vault's notes given as records instead of a folder's files. Not the whole vault:
    notes of it the records do not name are left as they are, unlisted."""

    files: tuple[VaultFile, ...] = ()

    @property
    def whole(self) -> bool:
        return False

    def read(self, skipped: Skipped) -> Iterator[VaultFile | VaultAttachment | Problem]:
        yield from self.files


def by_vault(records: Iterable[NoteRecord]) -> dict[str, list[NoteRecord]]:
    """The records of each vault (by the first segment of their paths), in their order."""
    vaults: dict[str, list[NoteRecord]] = {}
    for record in records:
        vaults.setdefault(record.path.partition("/")[0], []).append(record)
    return vaults


def import_records(source: str, records: Iterable[NoteRecord],
                   writer: Callable[[VaultJob, VaultReport], VaultImport],
                   should_stop: Callable[[], bool] = lambda: False,
                   ) -> Iterator[tuple[ImportOutcome, VaultReport]]:
    """Each vault note of ``records`` written by a ``writer`` (a VaultImport into the
    library) a vault; ``source``: the file they came from, for the report. Each file's
    outcome with its vault's report."""
    for name, notes in by_vault(records).items():
        report = VaultReport()
        job = RecordsJob(source, name, MARKDOWN, files=tuple(as_vault_file(n) for n in notes))
        for outcome in writer(job, report).run(should_stop):
            yield outcome, report
