"""PLOVER event coding (the `events` stage)."""
