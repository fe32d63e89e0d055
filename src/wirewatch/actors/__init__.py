"""Actors: mentions resolved to the shipped knowledge base (`wirewatch.actors.kb`)."""
