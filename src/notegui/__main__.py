"""`python -m notegui` runs the same entry point as the `notegui` command."""

from notegui.app import main

raise SystemExit(main())
