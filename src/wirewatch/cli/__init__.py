"""The command line: a thin shell that parses options, calls the library and formats its output.

Commands live in modules by job and register themselves on the `main` group when imported here.
"""

from wirewatch.cli import corpus, events, measure, serve, stories  # noqa: F401  (registers the commands)
from wirewatch.cli.app import main

__all__ = ["main"]
