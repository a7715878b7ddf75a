"""Entry point of the frozen app (PyInstaller): the same ``main()`` as the ``ganexplorer`` command."""

import multiprocessing
import sys
import warnings

# torch.jit's overload registry wants the source of a few torch functions; the frozen app ships byte-code
# only and uses no TorchScript, so these warnings are noise on every start.
warnings.filterwarnings("ignore", message="Unable to retrieve source for @torch.jit._overload")

if __name__ == "__main__":
    # Checkpoint readers run in spawned processes (core.formats.isolated); in a frozen app each such child
    # starts this executable again, and freeze_support() turns it into the reader before anything is imported.
    multiprocessing.freeze_support()
    from ganexplorer.cli import main

    sys.exit(main())
