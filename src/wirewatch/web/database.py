"""One DuckDB database per server process, a fresh cursor per request.

DuckDB allows one writing process per file, and a connection must not be shared between threads mid-query.
So the server opens the file once (read-only unless writes are enabled with a token) and every request
works on its own cursor of that connection: cursors are cheap (about 0.1 ms) and run in parallel.
Writes (POST /ingest) are serialised by a lock, because the ingest job is one writer.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from wirewatch.errors import WirewatchError
from wirewatch.store import Store


class StoreView(Store):
    """A Store over a borrowed cursor: the Store's query methods without opening the file again."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:  # noqa: D107
        # Deliberately no super().__init__: the parent Database owns the file and its migrations.
        self.con = con
        self.path = path
        self.read_only = read_only


class Database:
    """The served database: opened once, read-only unless `writable`, handing out per-request views."""

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = str(path)
        if not writable and not Path(self.path).exists():
            raise WirewatchError(
                f"no database at {self.path!r}: run `wirewatch ingest PATH --db {self.path}`"
            )
        self.writable = writable
        self.store = Store(self.path, read_only=not writable)
        self.write_lock = threading.Lock()

    @contextmanager
    def view(self) -> Iterator[StoreView]:
        cur = self.store.con.cursor()
        try:
            yield StoreView(cur, self.path, read_only=not self.writable)
        finally:
            cur.close()

    def close(self) -> None:
        self.store.close()
