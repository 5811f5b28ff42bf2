"""`python -m seoclean` runs the command line."""

import sys

from seoclean.cli import main

sys.exit(main())
