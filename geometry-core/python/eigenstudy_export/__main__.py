import sys

from eigenstudy_export.cli import main

sys.exit(main())
