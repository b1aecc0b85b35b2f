"""File formats: parse and write only, never touch the database."""
