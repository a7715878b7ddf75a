"""Training on a chosen device, in mixed precision, and on several processes with torchrun.

The torchrun tests start what the README shows (``torchrun --nproc_per_node=2 -m ganexplorer train ...``,
as ``python -m torch.distributed.run``) with two gloo processes on the CPU, through ``tests/torchrun_digest.py``:
the same command line, plus a digest of each rank's weights at the end; a hang in the group would be a
test failure after the subprocess timeout, never a stuck CI job.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from ganexplorer.cli import main
from ganexplorer.core.formats.native import load_native_state, read_header
from ganexplorer.core.train.config import TrainConfig
from ganexplorer.core.train.distributed import SINGLE, World, batch_slice, check_world, rank_rng_state, world_from_env
from ganexplorer.core.train.placement import parse_train_device
from torchrun_digest import DIGEST_ENV

ROOT = Path(__file__).resolve().parents[1]
HANG_LIMIT_S = 150   # two processes of a few tiny steps take ~15-25 s on 2 busy cores


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_ADDR",
                                                             "MASTER_PORT")}
    env.update(OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT), **extra)
    return env


def _torchrun(args: list[str], digests: Path, nproc: int = 2) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}",
           str(ROOT / "tests" / "torchrun_digest.py"), "train", *args]
    try:
        return subprocess.run(cmd, cwd=ROOT, env=_env(**{DIGEST_ENV: str(digests)}), capture_output=True,
                              text=True, timeout=HANG_LIMIT_S)
    except subprocess.TimeoutExpired as e:   # the process group hung: say so, with what it printed
        pytest.fail(f"torchrun did not finish in {HANG_LIMIT_S} s (a collective hang?)\n{e.stderr}")


def _step_of(path: Path) -> int:
    return int(read_header(path)["metadata"]["training"]["step"])


def _assert_ranks_agree(digests: Path) -> None:
    files = sorted(digests.glob("rank*.sha256"))
    assert [f.name for f in files] == ["rank0.sha256", "rank1.sha256"]
    texts = {f.read_text() for f in files}
    assert len(texts) == 1, "the two ranks ended with different weights"


@pytest.mark.slow
def test_torchrun_trains_dcgan_on_two_gloo_processes_and_one_process_resumes(tmp_path):
    out, digests = tmp_path / "run", tmp_path / "digests"
    common = ["--model", "dcgan32-quick", "--data", "builtin:digits", "--batch", "16", "--sample-every", "2",
              "--log-every", "1", "--out", str(out)]
    done = _torchrun([*common, "--steps", "3", "--device", "cpu"], digests)
    assert done.returncode == 0, done.stderr[-3000:]
    _assert_ranks_agree(digests)
    assert _step_of(out / "last.safetensors") == 3
    # Rank 0 alone logs and draws samples: one log line per step, one grid per sampled step.
    assert done.stdout.count("Epoch 0 step 3:") == 1, done.stdout
    assert sorted(p.name for p in (out / "samples").glob("step*.png")) == [
        "step0000000.png", "step0000002.png", "step0000003.png"]
    # The checkpoint holds the bare modules (no DDP "module." names) and opens for one process.
    _, tensors = load_native_state(out / "last.safetensors")
    assert not any(".module." in k for k in tensors)
    alone = subprocess.run([sys.executable, "-m", "ganexplorer", "train", *common, "--steps", "5", "--resume",
                            "-q"], cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=HANG_LIMIT_S)
    assert alone.returncode == 0, alone.stderr[-3000:]
    assert _step_of(out / "last.safetensors") == 5


@pytest.mark.slow
def test_torchrun_trains_stylegan2_with_lazy_r1_and_path_length_on_two_processes(tmp_path):
    """R1 (first D step), path length (first G step), style mixing and the EMA run outside DDP's usual
    forward: every rank must still make the same collectives, and end with the same G, D and G_ema.
    A time limit, which each process would reach at its own step, ends the group at one step."""
    out, digests = tmp_path / "run", tmp_path / "digests"
    done = _torchrun(["--model", "stylegan2-32", "--data", "builtin:digits", "--batch", "8", "--minutes", "0.05",
                      "--pl-weight", "2", "--augment", "translation,cutout", "--sample-every", "0",
                      "--log-every", "0", "--out", str(out), "-q"], digests)
    assert done.returncode == 0, done.stderr[-3000:]
    _assert_ranks_agree(digests)
    assert _step_of(out / "last.safetensors") >= 1


def test_each_rank_reads_its_own_slice_of_every_batch():
    seen = [batch_slice(3, 12, World(r, 4, r)) for r in range(4)]
    assert [(s.start, s.stop) for s in seen] == [(36, 39), (39, 42), (42, 45), (45, 48)]
    assert batch_slice(3, 12, SINGLE) == slice(36, 48)   # one process: the whole batch, as before


def test_the_group_comes_from_torchruns_environment():
    assert world_from_env({}) == SINGLE
    assert world_from_env({"RANK": "1", "WORLD_SIZE": "2", "LOCAL_RANK": "1"}) == World(1, 2, 1)
    with pytest.raises(ValueError, match="outside WORLD_SIZE"):
        world_from_env({"RANK": "2", "WORLD_SIZE": "2"})


def test_a_batch_the_group_cannot_share_is_one_sentence():
    with pytest.raises(ValueError, match="multiple of the number of processes"):
        check_world(World(0, 3, 0), 16, "dcgan32")
    with pytest.raises(ValueError, match="multiple of 4"):
        check_world(World(0, 2, 0), 12, "stylegan2")
    check_world(World(0, 2, 0), 16, "stylegan2", n_images=1000)
    with pytest.raises(ValueError, match="fewer than one batch"):
        check_world(World(0, 2, 0), 16, "stylegan2", n_images=10)


def test_under_torchrun_a_batch_the_group_cannot_share_stops_before_joining(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("WORLD_SIZE", "2")   # no MASTER_ADDR: joining the group would fail with another message
    assert main(["train", "--model", "dcgan32-quick", "--batch", "7", "--steps", "1", "--device", "cpu",
                 "--out", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err
    assert "--batch 7 must be a multiple of the number of processes (2)" in err and err.count("\n") == 1


def test_other_ranks_draw_their_own_numbers():
    states = {bytes(rank_rng_state(0, 0, r).numpy()) for r in (1, 2, 3)}
    assert len(states) == 3
    assert torch.equal(rank_rng_state(5, 100, 1), rank_rng_state(5, 100, 1))


@pytest.fixture
def tiny_stylegan2_cond(monkeypatch):
    """Every StyleGAN2 training part (labels, noise, mixing, R1, path length) at 16 px: quick on a CPU."""
    from ganexplorer.core.models.registry import PRESETS, Preset

    g = dict(z_dim=32, c_dim=10, w_dim=32, img_resolution=16, img_channels=1, mapping_kwargs=dict(num_layers=2),
             synthesis_kwargs=dict(channel_base=256, channel_max=32))
    d = dict(c_dim=10, img_resolution=16, img_channels=1, channel_base=256, channel_max=32)
    monkeypatch.setitem(PRESETS, "stylegan2-16-cond-test", Preset("stylegan2", g, d, "test", conditional=True))
    return "stylegan2-16-cond-test"


@pytest.mark.slow
@pytest.mark.parametrize("model", ["dcgan32-cond", "stylegan2"])
def test_training_on_a_device_mixes_no_cpu_tensor_in_and_its_checkpoint_resumes_on_the_cpu(
        tmp_path, model, tiny_stylegan2_cond):
    """On the stand-in accelerator (``tests/fake_device.py``: CUDA's placement rules, CPU numbers), any batch,
    latent, label, noise, augmentation mask or penalty direction left on the CPU raises."""
    from fake_device import FakeDevice

    from ganexplorer.core.data.dataset import open_dataset
    from ganexplorer.core.train.factory import make_trainer

    model = tiny_stylegan2_cond if model == "stylegan2" else model
    cfg = TrainConfig.for_model(model, conditional=True, batch_size=4, sample_every=1, log_every=0, grid_size=2,
                                pl_weight=2.0, r1_interval=2, augment="translation,cutout",
                                watch_classes=model != "dcgan32-cond")   # the class histogram: once is enough
    data = open_dataset("builtin:digits")
    with FakeDevice() as dev:
        tr = make_trainer(cfg, data, out_dir=tmp_path, device=dev)
        assert all(p.device == dev for p in tr.G.parameters())
        events = list(tr.run(max_steps=2))
    assert events[-1].reason == "finished"
    _, tensors = load_native_state(tmp_path / "last.safetensors")
    assert all(v.device.type == "cpu" and type(v) is torch.Tensor for v in tensors.values())
    again = make_trainer(cfg, data, out_dir=tmp_path, resume_from=tmp_path / "last.safetensors",
                         device=torch.device("cpu"))
    assert again.step == 2 and list(again.run(max_steps=3))[-1].reason == "finished"


def test_device_forms():
    assert parse_train_device("cpu") == torch.device("cpu")
    with pytest.raises(ValueError, match="auto, cpu, cuda, cuda:N or mps"):
        parse_train_device("gpu")
    with pytest.raises(ValueError, match="auto, cpu, cuda, cuda:N or mps"):
        TrainConfig(model="dcgan32-quick", device="cuda:x").validate()


def test_train_on_the_cpu_when_asked(tmp_path):
    out = tmp_path / "run"
    assert main(["train", "--model", "dcgan32-quick", "--steps", "2", "--batch", "8", "--device", "cpu",
                 "--sample-every", "0", "--out", str(out), "-q"]) == 0
    assert _step_of(out / "last.safetensors") == 2
    assert read_header(out / "last.safetensors")["metadata"]["training"]["config"]["device"] == "cpu"
    # Where a run trained is not imposed on the machine that resumes it (a GPU box's run, a laptop's resume).
    from ganexplorer.core.train.checkpoint import read_run_config

    assert read_run_config(out / "last.safetensors")[0].device == "auto"


@pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")
def test_an_unavailable_cuda_is_one_sentence_and_exit_2(tmp_path, capsys):
    for device in ("cuda", "cuda:1"):
        assert main(["train", "--model", "dcgan32-quick", "--steps", "1", "--device", device,
                     "--out", str(tmp_path / "run")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "CUDA" in err and "Traceback" not in err, err
    assert not (tmp_path / "run" / "last.safetensors").exists()


@pytest.mark.parametrize("precision", ["bf16", "fp16"])
def test_mixed_precision_trains_and_saves_float32(tmp_path, precision):
    """On the CPU too (autocast and GradScaler exist there), so the switch is tested without a GPU."""
    out = tmp_path / "run"
    assert main(["train", "--model", "dcgan32-quick", "--steps", "2", "--batch", "8", "--device", "cpu",
                 "--precision", precision, "--sample-every", "0", "--out", str(out), "-q"]) == 0
    _, tensors = load_native_state(out / "last.safetensors")
    weights = [v for k, v in tensors.items() if k.startswith(("G.", "D.")) and v.is_floating_point()]
    assert weights and all(v.dtype == torch.float32 and torch.isfinite(v).all() for v in weights)


@pytest.mark.parametrize("precision", ["bf16", "fp16"])
def test_mixed_precision_takes_stylegan2s_penalties_too(tmp_path, precision, tiny_stylegan2_cond):
    """R1 and path length differentiate through the networks themselves: under autocast (and fp16's loss
    scale, which their inner gradients share) they still come out finite and the weights stay float32."""
    from ganexplorer.core.data.dataset import open_dataset
    from ganexplorer.core.train.factory import make_trainer

    cfg = TrainConfig.for_model(tiny_stylegan2_cond, conditional=True, batch_size=4, sample_every=0, log_every=0,
                                grid_size=2, watch_classes=False, r1_interval=1, pl_weight=2.0, pl_interval=1,
                                device="cpu", precision=precision)
    tr = make_trainer(cfg, open_dataset("builtin:digits"), out_dir=tmp_path)
    assert list(tr.run(max_steps=2))[-1].reason == "finished"
    assert tr.r1_applied == 2 and torch.isfinite(tr.pl_mean) and float(tr.pl_mean) > 0
    assert all(p.dtype == torch.float32 for p in tr.G.parameters())


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_train_on_cuda_then_resume_on_a_machine_without_one(tmp_path, precision):
    out = tmp_path / "run"
    common = ["--model", "stylegan2-32", "--batch", "8", "--sample-every", "0", "--pl-weight", "2",
              "--out", str(out), "-q"]
    assert main(["train", *common, "--steps", "3", "--device", "cuda", "--precision", precision]) == 0
    _, tensors = load_native_state(out / "last.safetensors")
    assert all(v.device.type == "cpu" for v in tensors.values())
    cpu_only = subprocess.run([sys.executable, "-m", "ganexplorer", "train", *common, "--steps", "4", "--resume",
                               "--device", "auto"], cwd=ROOT, env=_env(CUDA_VISIBLE_DEVICES=""),
                              capture_output=True, text=True, timeout=HANG_LIMIT_S)
    assert cpu_only.returncode == 0, cpu_only.stderr[-3000:]
    assert _step_of(out / "last.safetensors") == 4
