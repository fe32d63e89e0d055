"""Ingest settings in one place, so the CLI, the API and Spark jobs pass one object instead of globals."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """Limits and switches for reading sources; defaults suit a laptop reading a news crawl."""

    # A single document larger than this is skipped: no news article is this big, a dump or a binary is.
    max_document_bytes: int = 16 * MiB
    # Whole-file JSON and feeds are parsed in memory (JSON Lines and WARC are streamed): a larger ceiling.
    max_container_bytes: int = 512 * MiB
    # Same content seen again (same id) becomes a Skip. Off by default: the store counts repeat
    # sightings of a document itself, and needs to see them.
    skip_duplicates: bool = False
    # Off for air-gapped runs: URL inputs and URL lists then become Skips rather than fetches.
    allow_network: bool = True
    fetch_timeout: float = 20.0
    fetch_workers: int = 4
    user_agent: str = "wirewatch/0.1"
    # Feed entries usually carry a summary only; with this on, the linked page is fetched instead.
    follow_feed_links: bool = False
    # Dot-files and dot-directories (.git, .DS_Store) are ignored when walking a directory.
    include_hidden: bool = False
    # Force the JSON field that holds the body (e.g. "maintext"); None picks from the known names.
    json_body_field: str | None = None
