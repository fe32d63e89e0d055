"""A small error hierarchy whose messages say what to do next."""


class WirewatchError(Exception):
    """Base for errors a user can act on; the message says how."""


class InputError(WirewatchError):
    """An input that cannot be read as a document (binary, empty, malformed container)."""


class FetchError(InputError):
    """A URL that could not be fetched within our limits."""


class StoreError(WirewatchError):
    """The database cannot be opened or written."""
