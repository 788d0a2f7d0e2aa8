"""Run docmodels as `python -m docmodels` (installed) or `python -m generator` (from a checkout)."""

import sys

from generator.entry import main

sys.exit(main())
