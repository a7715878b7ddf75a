"""Entry point of the frozen app (PyInstaller): the same ``main()`` as the ``ganexplorer`` command."""

import multiprocessing
import sys
import warnings

# torch.jit's overload registry wants the source of a few torch functions; the frozen app ships byte-code
# only and uses no TorchScript, so these warnings are noise on every start.
warnings.filterwarnings("ignore", message="Unable to retrieve source for @torch.jit._overload")

from ganexplorer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless; we never start worker processes, but a library might
    sys.exit(main())
