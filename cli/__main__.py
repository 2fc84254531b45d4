"""`python -m cli` runs the command line (the same as the `clusterrank` script)."""

from cli.app import main

raise SystemExit(main())
