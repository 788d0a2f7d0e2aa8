"""The registered dialects' names, in the order detection prefers them: light enough for the command line.

`reader.dialects` builds its registry in this order and refuses to load when the two disagree, so the
command line's choices never need the reader (and markdown-it) imported."""

DIALECT_NAMES = ("typescript", "python", "go", "php", "java", "csharp", "ruby", "unity", "plain")
