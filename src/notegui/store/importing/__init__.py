"""Importing files into a library: ``Importer`` runs an import (batches, staged links, the
index built beside, checkpoints, the lock imports and checks take turns on); the modules
beside it are the parts it owns. ``SqliteLibrary`` delegates its import methods here."""
