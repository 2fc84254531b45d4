"""`python -m clusterrank` runs the command line (the same as the `clusterrank` script)."""

from clusterrank.cli.app import main

raise SystemExit(main())
