"""PyInstaller's entry script: the same entry point as the ``notegui`` console script."""

import multiprocessing

from notegui.launch import main

if __name__ == "__main__":
    # A large import parses files in a "spawn" child process; frozen, that child is this
    # executable again, and freeze_support() turns it into the worker instead of the app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
