"""Run docmodels as `python -m generator`."""

import sys

from generator.entry import main

sys.exit(main())
