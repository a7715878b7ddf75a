"""Entry point of the frozen app (PyInstaller): the same ``main()`` as the ``ganexplorer`` command."""

import multiprocessing
import sys

from ganexplorer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless; we never start worker processes, but a library might
    sys.exit(main())
