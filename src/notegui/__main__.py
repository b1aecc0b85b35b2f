"""`python -m notegui` runs the same entry point as the `notegui` command."""

from notegui.launch import main

raise SystemExit(main())
