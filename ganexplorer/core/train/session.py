"""A whole training run as one iterator: preparation first, then the trainer's own events.

Opening a dataset, building (or resuming) the trainer and drawing the real-image grid can take
seconds; as the first steps of the iterator they run wherever the iterator runs (the GUI's
training thread), and a consumer shows their progress from :class:`SetupEvent`s. The CLI and the
Train tab both drive this function, so they prepare, save and fail alike. A setup failure the
user can fix (a missing or broken dataset, a foreign checkpoint, impossible settings) ends the
iterator with ``StoppedEvent(reason='error')`` and one sentence, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np

from ganexplorer.core.data.batches import TrainingImages
from ganexplorer.core.data.dataset import DatasetError, ImageDataset, open_dataset
from ganexplorer.core.formats.errors import CheckpointError
from ganexplorer.core.messages import message
from ganexplorer.core.render.images import grid, to_uint8
from ganexplorer.core.train.checkpoint import new_run_dir
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.distributed import World
from ganexplorer.core.train.events import ReadyEvent, SetupEvent, StoppedEvent
from ganexplorer.core.train.factory import make_trainer
from ganexplorer.core.train.preload import preload_training_imports
from ganexplorer.core.train.run_lock import RunLock
from ganexplorer.core.train.threads import using_training_threads

SETUP_ERRORS = (DatasetError, CheckpointError, ValueError, OSError)


def real_grid(dataset: ImageDataset, resolution: int, channels: int, size: int) -> np.ndarray:
    """The first ``size``² images as the model sees them (resized, grey or RGB), as one uint8 picture."""
    images = TrainingImages(dataset, resolution, channels).head(size * size)
    return grid([to_uint8(x) for x in images], cols=size, pad=2, fill=40)


def training_session(config: TrainConfig, run_dir: str | Path | None = None, out_root: str | Path | None = None,
                     resume_from: str | Path | None = None, max_steps: int | None = None,
                     epochs: float | None = None, minutes: float | None = None,
                     world: World | None = None) -> Iterator[object]:
    """Prepare and run one training run; yields SetupEvents, a ReadyEvent, then ``GANTrainer.run``'s events.

    ``run_dir``: the folder to save in (the CLI's ``--out``; a resumed run's own folder). ``out_root``:
    without ``run_dir``, a new timestamped folder is made in it once everything else has worked (so a
    failed start leaves no empty folder). Neither: nothing is saved. ``resume_from``: a checkpoint to go on
    from. ``max_steps`` / ``epochs`` / ``minutes``: as :meth:`GANTrainer.run`. ``world``: this process's
    place in a torchrun group (``distributed.py``; None: a single process).
    """
    with using_training_threads(config.model):   # small models train fastest on one thread
        yield from _session(config, run_dir, out_root, resume_from, max_steps, epochs, minutes, world)


def _session(config: TrainConfig, run_dir: str | Path | None, out_root: str | Path | None,
             resume_from: str | Path | None, max_steps: int | None, epochs: float | None,
             minutes: float | None, world: World | None) -> Iterator[object]:
    try:
        config.validate()
        yield SetupEvent("dataset", config.data, message("train.opening", data=config.data))
        data = open_dataset(config.data)
        for note in data.notes:   # skipped pictures, a part used: the window says them (the CLI logged them)
            yield SetupEvent("note", config.data, note)
        yield SetupEvent("model", config.model, message("train.building", model=config.model) if resume_from is None
                         else message("train.building_from", model=config.model, path=resume_from))
        preload_training_imports()   # torch.optim's first use: seconds of imports, kept from stalling the UI
        trainer = make_trainer(config, data, out_dir=run_dir, resume_from=resume_from, world=world)
        picture = real_grid(data, trainer.resolution, trainer.channels, config.grid_size)
        if run_dir is None and out_root:
            run_dir = trainer.out_dir = new_run_dir(out_root, config.model)
        lock = RunLock(run_dir).acquire() if run_dir is not None and trainer.out_dir is not None else None
    except SETUP_ERRORS as e:   # a folder another live run holds (RunLocked) too
        yield StoppedEvent(0, "error", str(e))
        return
    del data   # the trainer holds the images it needs (the same uint8 tensor, not a copy)
    try:
        yield ReadyEvent(trainer, Path(run_dir) if run_dir is not None else None, picture, trainer.step,
                         tuple(trainer.history), trainer.dataset_name, resume_from is not None)
        yield from trainer.run(max_steps=max_steps, epochs=epochs, minutes=minutes)
    finally:   # closed, finished or failed: the folder is free again once the trainer has saved
        if lock is not None:
            lock.release()
