"""Training never loses work: Ctrl+C and SIGTERM save, a run folder has one writer, a full disk is one
sentence and the last good file stays, the first checkpoint comes early (issue 21, "Work is never lost")."""

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ganexplorer.cli import main
from ganexplorer.core.formats.native import load_native_state

QUICK = ["train", "--model", "dcgan32-quick", "--batch", "8", "--sample-every", "0", "--device", "cpu"]


def _start(out: Path, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONUNBUFFERED="1")
    return subprocess.Popen([sys.executable, "-m", "ganexplorer", *QUICK, "--steps", "1000000", "--log-every", "2",
                             "--out", str(out), *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


@pytest.mark.slow
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_after_the_first_log_line_saves_and_the_run_resumes(sig, code, tmp_path, capsys):
    """Before: the KeyboardInterrupt landed inside the step: exit 130 and no last.safetensors."""
    out = tmp_path / "run"
    proc = _start(out)
    try:
        line = proc.stdout.readline()          # the first log line: training is under way
        assert line.startswith("Epoch"), line + proc.stderr.read()
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill() if proc.poll() is None else None
    assert proc.returncode == code, err
    saved = out / "last.safetensors"
    assert saved.exists()
    said = [x for x in err.splitlines() if x.startswith("ganexplorer")]   # the rest: setup lines, the bar
    assert len(said) == 1 and str(saved) in said[0] and "Traceback" not in err, err
    step = load_native_state(saved)[0]["metadata"]["training"]["step"]
    assert step >= 2
    assert main([*QUICK, "-q", "--steps", str(step + 1), "--out", str(out), "--resume"]) == 0
    assert load_native_state(saved)[0]["metadata"]["training"]["step"] == step + 1
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"]


def test_resume_on_a_folder_without_a_checkpoint_is_one_sentence_or_starts_when_asked(tmp_path, capsys):
    out = tmp_path / "killed-early"
    out.mkdir()
    assert main([*QUICK, "-q", "--steps", "1", "--out", str(out), "--resume"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "no checkpoint" in err and "--resume-or-start" in err
    assert main([*QUICK, "-q", "--steps", "1", "--out", str(out), "--resume-or-start"]) == 0
    assert load_native_state(out / "last.safetensors")[0]["metadata"]["training"]["step"] == 1
    assert main([*QUICK, "-q", "--steps", "2", "--out", str(out), "--resume-or-start"]) == 0
    assert load_native_state(out / "last.safetensors")[0]["metadata"]["training"]["step"] == 2


def test_the_first_checkpoint_comes_within_the_first_minute(tmp_path, monkeypatch):
    """A classroom demo killed after a minute resumes: the first save does not wait checkpoint_minutes (2)."""
    from test_train_resume import config, tiny_digits

    from ganexplorer.core.train import gan_trainer
    from ganexplorer.core.train.events import CheckpointEvent
    from ganexplorer.core.train.factory import make_trainer

    clock = [1000.0]
    monkeypatch.setattr(gan_trainer.time, "monotonic", lambda: clock[0])
    tr = make_trainer(config("mlp-gan", checkpoint_every=100_000, checkpoint_minutes=2.0), tiny_digits(),
                      out_dir=tmp_path)
    saved = []
    run = tr.run(max_steps=1000)
    for ev in run:
        clock[0] += 1.0                       # one second a step
        if isinstance(ev, CheckpointEvent):
            saved.append(ev.step)
            if len(saved) == 2:
                break
    run.close()
    assert saved[0] <= 60 and saved[1] - saved[0] >= 100, saved


def test_a_second_run_into_the_same_folder_is_refused_and_a_dead_runs_lock_is_taken_over(tmp_path, capsys):
    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.events import ReadyEvent
    from ganexplorer.core.train.session import training_session

    out = tmp_path / "run"
    cfg = TrainConfig.for_model("dcgan32-quick", batch_size=8, sample_every=0, device="cpu", log_every=0)
    first = training_session(cfg, run_dir=out, max_steps=1000)
    for ev in first:
        if isinstance(ev, ReadyEvent):
            break
    try:
        assert main([*QUICK, "-q", "--steps", "1", "--out", str(out)]) == 2
        err = capsys.readouterr().err.strip()
        assert "\n" not in err and str(out) in err and str(os.getpid()) in err
        assert not (out / "last.safetensors").exists()
    finally:
        first.close()
    # The first run is over: its lock went with it, and a lock left by a dead process is taken over.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    from ganexplorer.core.train.run_lock import LOCK_NAME
    (out / LOCK_NAME).write_text(dead.stdout.strip())
    assert main([*QUICK, "-q", "--steps", "1", "--out", str(out)]) == 0


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_while_saving_a_checkpoint_is_one_sentence_and_the_last_good_file_stays(tmp_path, capsys,
                                                                                             monkeypatch):
    from safetensors import SafetensorError

    from ganexplorer.core.formats import native

    out = tmp_path / "run"
    assert main([*QUICK, "-q", "--steps", "1", "--out", str(out)]) == 0
    good = (out / "last.safetensors").read_bytes()

    def half_then_full(tensors, filename, metadata=None):
        Path(filename).write_bytes(b"half a file")
        raise SafetensorError('Error while serializing: IoError(Os { code: 28, kind: StorageFull, message: '
                              '"No space left on device" })')
    monkeypatch.setattr(native, "save_file", half_then_full)
    rc = main([*QUICK, "-q", "--steps", "3", "--checkpoint-every", "1", "--out", str(out), "--resume"])
    err = capsys.readouterr().err.strip()
    assert rc not in (0, 1) and "\n" not in err and "full" in err and "last.safetensors" in err, (rc, err)
    assert "SafetensorError" not in err and "IoError" not in err
    assert (out / "last.safetensors").read_bytes() == good
    assert not [p for p in out.rglob("*.tmp")]


def test_sample_pictures_are_written_whole_or_not_at_all(tmp_path, capsys, monkeypatch):
    """Before: a full disk left a truncated PNG under samples/."""
    from PIL import Image

    real_save = Image.Image.save

    def save_half(self, fp, *args, **kwargs):
        real_save(self, fp, *args, **kwargs)
        Path(fp).write_bytes(Path(fp).read_bytes()[:20])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(Image.Image, "save", save_half)
    out = tmp_path / "run"
    rc = main(["train", "--model", "dcgan32-quick", "--batch", "8", "--device", "cpu", "-q", "--steps", "2",
               "--sample-every", "1", "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert rc not in (0, 1) and "\n" not in err and "full" in err, (rc, err)
    assert not list((out / "samples").glob("*.png")) if (out / "samples").exists() else True
    assert not [p for p in out.rglob("*.tmp")]


def test_minutes_inf_is_refused_in_one_sentence(tmp_path, capsys):
    assert main([*QUICK, "--minutes", "inf", "--out", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err.strip()
    assert "--minutes" in err and "\n" not in err
    assert not (tmp_path / "run").exists()


def test_the_lock_file_names_the_process_that_holds_it(tmp_path):
    from ganexplorer.core.train.run_lock import LOCK_NAME, RunLock, RunLocked

    with RunLock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().split()[0] == str(os.getpid())
        with pytest.raises(RunLocked, match=str(os.getpid())):
            RunLock(tmp_path).acquire()
    again = RunLock(tmp_path)
    again.acquire()
    again.release()


@pytest.mark.parametrize("on_the_main_thread", [False, True])
def test_preloading_leaves_the_collector_switches_alone(monkeypatch, on_the_main_thread):
    """Issue 22 item 5: gc.disable/gc.freeze are the whole process's; a worker thread turned collection off
    (and back on, under the window's own collector) and froze the heap. No thread does now (core/train/preload.py
    says why the command line's main thread needs it no more than the window)."""
    import gc
    import importlib.util
    import threading

    import torch

    from ganexplorer.core.train import preload

    seen = {}

    class FakeDynamo:   # stands in for torch._dynamo: notes what the collector was doing during the import
        def find_spec(self, name, path=None, target=None):
            return importlib.util.spec_from_loader(name, self) if name == "torch._dynamo" else None

        def create_module(self, spec):
            return None

        def exec_module(self, module):
            seen["collecting"] = gc.isenabled()

    monkeypatch.setattr(torch, "_dynamo", getattr(torch, "_dynamo", None), raising=False)
    monkeypatch.delitem(sys.modules, "torch._dynamo", raising=False)
    monkeypatch.setattr(sys, "meta_path", [FakeDynamo(), *sys.meta_path])
    was, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.enable()
    try:
        if on_the_main_thread:
            preload.preload_training_imports()
        else:
            worker = threading.Thread(target=preload.preload_training_imports)
            worker.start()
            worker.join(60)
        assert seen == {"collecting": True} and gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        (gc.enable if was else gc.disable)()


def test_the_thread_count_follows_the_models_size_and_comes_back(tmp_path):
    """Issue 21, training speed: the Quick demo trained 2x slower with torch's default threads than with one
    on a busy machine. Small models train on one thread, big ones keep more; the caller's count returns."""
    import torch

    from ganexplorer.core.train.config import TrainConfig
    from ganexplorer.core.train.events import StepEvent
    from ganexplorer.core.train.session import training_session
    from ganexplorer.core.train.threads import training_threads

    assert training_threads("dcgan32-quick", 16) == 1 and training_threads("mlp-gan", 16) == 1
    assert training_threads("dcgan64", 16) == 2 and training_threads("dcgan128", 16) == 16
    assert training_threads("dcgan128", 1) == 1   # never more than torch (OMP_NUM_THREADS) allows
    torch.set_num_threads(2)
    cfg = TrainConfig.for_model("dcgan32-quick", batch_size=8, sample_every=0, device="cpu", log_every=0)
    during = [torch.get_num_threads() for ev in training_session(cfg, max_steps=2) if isinstance(ev, StepEvent)]
    assert during == [1, 1] and torch.get_num_threads() == 2
