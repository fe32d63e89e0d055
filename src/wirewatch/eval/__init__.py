"""Accuracy measurements on public data sets; each module returns plain dicts of figures for the CLI."""
