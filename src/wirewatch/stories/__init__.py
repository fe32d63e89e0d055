"""The corpus level: wire copies and updates, stories across outlets and days, canonical events (one act,
many reports), coverage comparison and dyad timelines. Write side: `update_corpus`; read side: `query`."""

from wirewatch.stories.update import rebuild, update_corpus

__all__ = ["rebuild", "update_corpus"]
