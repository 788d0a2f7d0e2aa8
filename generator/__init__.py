"""docmodels: markdown model docs in, typed Python models, docs and tests out, kept in sync."""

__version__ = "0.1.0"
