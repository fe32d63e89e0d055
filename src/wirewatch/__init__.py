"""wirewatch: raw news in, verifiable event records out.

`wirewatch.process(text_or_path)` returns records as dicts; `wirewatch.open(db)` gives a corpus whose
queries return Arrow tables (`.to_pandas()`, `polars.from_arrow`).
"""

from __future__ import annotations

__version__ = "0.1.0"

from wirewatch.api import Corpus, open, process  # noqa: E402  (after __version__: api imports it)

__all__ = ["Corpus", "__version__", "open", "process"]
