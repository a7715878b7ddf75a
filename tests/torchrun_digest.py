"""``ganexplorer train`` for the torchrun tests (tests/test_train_distributed.py): the same command line, and at
the end of a group run each rank writes a SHA-256 of its networks to ``$GANEXPLORER_TEST_RANK_DIGESTS/rank<R>.sha256``
so the test can check that the ranks ended with the same weights. The shipped trainer knows nothing of it:
this script wraps the method that ends a group run (``TrainerExecution._end_together``).

Run as ``python -m torch.distributed.run ... tests/torchrun_digest.py train ARGS``.
"""

import hashlib
import multiprocessing
import os
import sys
from pathlib import Path

import torch

DIGEST_ENV = "GANEXPLORER_TEST_RANK_DIGESTS"


def state_digest(modules: dict) -> str:
    """SHA-256 over every named module's parameters and buffers, in a fixed order, from CPU copies."""
    h = hashlib.sha256()
    for name, module in modules.items():
        for key, value in module.state_dict().items():
            h.update(f"{name}.{key}".encode())
            h.update(value.detach().to("cpu").contiguous().view(-1).view(torch.uint8).numpy().tobytes())
    return h.hexdigest()


def main() -> int:
    from ganexplorer.cli import main as cli
    from ganexplorer.core.train.execution import TrainerExecution

    folder = Path(os.environ[DIGEST_ENV])
    end_together = TrainerExecution._end_together

    def end_and_write_digest(self) -> None:
        end_together(self)
        if self.world.distributed:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"rank{self.world.rank}.sha256").write_text(state_digest(self.modules()) + "\n")

    TrainerExecution._end_together = end_and_write_digest
    return cli(sys.argv[1:])


if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
