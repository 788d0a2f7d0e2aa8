"""Run docmodels as `python -m docmodels` (installed) or `python -m generator` (from a checkout)."""

import sys

from .entry import main

sys.exit(main())
