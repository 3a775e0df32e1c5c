"""Persistence: SQLModel tables, queries, migrations and plan import."""
