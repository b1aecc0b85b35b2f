"""What importing one markdown folder did, beyond its files' own outcomes: the images
copied, the files left out by kind, the notes whose files are gone (kept), and the notes
its links touched. The store fills it; the command line and the window say it the same
way (``lines``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from notegui.core.import_listing import IMAGE, PDF, Skipped


@dataclass
class VaultReport:
    """One vault's import. ``skipped``: the files of the folder that are neither notes nor
    images, by kind (images too large or unreadable are refused files, not skipped)."""

    folder: str = ""
    vault: str = ""  # the vault's name: the first segment of its notes' paths
    kind: str = ""  # as core.vault.detect says (obsidian, foam, dendron, markdown...)
    images_copied: int = 0  # new or changed since the last import
    images_unchanged: int = 0
    skipped: Skipped = field(default_factory=Skipped)
    gone: list[str] = field(default_factory=list)  # paths of notes whose files are gone
    stubs: int = 0  # notes made for links that lead to no note
    # Notes written by the links (stubs, links re-resolved for files that did not change):
    # the window refreshes them with the files' own.
    changed: set[int] = field(default_factory=set)
    notes: int = 0  # markdown files read (refused ones too)

    def lines(self) -> list[str]:
        """The lines the summary gives before its total."""
        counts = self.skipped.counts
        images = f"{self.images_copied:,} {'image' if self.images_copied == 1 else 'images'}"
        pdfs = counts.get(PDF, 0)
        first = (f"{self.vault}: {images} copied"
                 + (f" ({self.images_unchanged:,} unchanged)" if self.images_unchanged else "")
                 + f", {pdfs:,} {'PDF' if pdfs == 1 else 'PDFs'} skipped")
        others = Skipped({kind: number for kind, number in counts.items()
                          if kind not in (PDF, IMAGE)})
        if others.total:
            first += f"; {others.numbers()} skipped (not notes)"
        lines = [first]
        if self.gone:
            count = len(self.gone)
            lines.append(f"{count:,} {'note' if count == 1 else 'notes'} whose files are gone "
                         f"(kept): {', '.join(self.gone)}")
        return lines
