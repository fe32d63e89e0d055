"""Persistence. All SQL lives in this package; everything else calls Store methods."""

from wirewatch.store.duck import DEFAULT_DB, Store, default_db_path

__all__ = ["DEFAULT_DB", "Store", "default_db_path"]
