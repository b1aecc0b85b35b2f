"""The library on disk: SQLite through peewee. Never imports Qt."""
