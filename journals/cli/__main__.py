"""`python -m journals.cli ARGS`, as `journals ARGS`."""

import sys

from journals.cli import main

sys.exit(main())
