"""The desktop app: PySide6 widgets over core. Never imports store, peewee or sqlite3."""
