"""Numbered SQL migrations shipped with the package, applied in order inside one transaction each."""

from __future__ import annotations

import re
from importlib import resources

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str]]:
    """(version, sql) for every migration file, sorted by version."""
    found = []
    for entry in resources.files("wirewatch.store").joinpath("migrations").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def latest() -> int:
    return max((v for v, _ in available()), default=0)
