"""allygraph: a knowledge graph of corporate AI alliances."""

__version__ = "0.1.0"
