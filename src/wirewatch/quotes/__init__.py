"""Direct, mixed and indirect speech: who said what, where and when."""

from wirewatch.quotes.find import Quote, find_quotes

__all__ = ["Quote", "find_quotes"]
