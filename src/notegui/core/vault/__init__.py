"""Reading markdown folders (Obsidian, Foam, Dendron, plain) and resolving their links:
Qt-free and store-free (docs/vaults.md; the contract: the vault import design)."""

from notegui.core.vault.kinds import detect
from notegui.core.vault.model import LinkRef, Problem, VaultAttachment, VaultFile
from notegui.core.vault.reader import read_vault
from notegui.core.vault.resolve import LinkIndex, resolve

__all__ = ["LinkIndex", "LinkRef", "Problem", "VaultAttachment", "VaultFile", "detect",
           "read_vault", "resolve"]
