"""`docmodels fmt`: model docs rewritten into one canonical layout without changing what they mean.

`layout.format_doc` formats one doc, `run` runs the command, `commands` wires fmt, lint and new into the CLI.
"""
