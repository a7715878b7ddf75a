"""The 1-D demo's run: repeatable, with snapshots that say what D saw, and a summary at the end."""

import numpy as np
import pytest

from ganexplorer.core.train.demo1d import (
    Demo1D,
    Demo1DConfig,
    Demo1DEvent,
    Demo1DSnapshot,
    Demo1DSummary,
    preprocess,
)


def _events(**kw):
    return list(Demo1D(Demo1DConfig(**kw)).run(snapshot_every=5))


def test_the_same_seed_repeats_the_run_and_another_seed_does_not():
    a, b = _events(epochs=8, seed=4), _events(epochs=8, seed=4)
    c = _events(epochs=8, seed=5)
    assert [e for e in a if isinstance(e, Demo1DEvent)] == [e for e in b if isinstance(e, Demo1DEvent)]
    assert a[-1].learned == b[-1].learned and a[-1].learned != c[-1].learned


def test_events_snapshots_and_summary_arrive_in_order():
    demo = Demo1D(Demo1DConfig(epochs=11, preprocess="moments4"))
    evs = list(demo.run(snapshot_every=5))
    kinds = [type(e).__name__ for e in evs]
    assert kinds.count("Demo1DEvent") == 11 and kinds[-1] == "Demo1DSummary"
    snaps = [e for e in evs if isinstance(e, Demo1DSnapshot)]
    assert [s.epoch for s in snaps] == [0, 5, 10]
    s = snaps[-1]
    assert s.xs.shape == s.d_of_x.shape == (121,) and s.real.shape == s.fake.shape == (5000,)
    # What D saw of the last real batch: its mean, std, skew and kurtosis (500 draws of N(4, 1.25)) ...
    assert s.real_features.shape == s.fake_features.shape == (4,)
    assert s.real_features[:2] == pytest.approx([4.0, 1.25], abs=0.3)
    # ... and the scores are D's sigmoid of exactly those features.
    logits = demo.D.forward(np.stack([s.real_features, s.fake_features], axis=1))[0].reshape(-1)
    assert [s.d_real, s.d_fake] == pytest.approx(1 / (1 + np.exp(-logits)), rel=1e-5)
    summary = evs[-1]
    assert isinstance(summary, Demo1DSummary) and summary.epochs == summary.planned == 11
    assert summary.target == (4.0, 1.25) and summary.line().startswith("Done: 11 epochs in ")


def test_the_d_curve_is_d_of_the_real_batch_moved_to_each_x():
    demo = Demo1D(Demo1DConfig(preprocess="moments2", epochs=3))
    list(demo.run())
    batch = demo.real()
    xs = np.array([1.0, 4.0, 7.0])
    curve = demo.d_curve(xs, batch)
    for x, d in zip(xs, curve):
        moved = batch - batch.mean() + x
        assert d == pytest.approx(float(demo.discriminate(moved)[0]), abs=1e-5)
        assert preprocess(moved, "moments2")[0, 0] == pytest.approx(x, abs=1e-4)


def test_a_stopped_run_sums_up_what_it_reached_and_the_log_ends_with_the_summary():
    demo = Demo1D(Demo1DConfig(epochs=50))
    it = demo.run()
    for _ in range(3):
        next(it)
    it.close()
    s = demo.summary()
    assert s.epochs == 3 and s.line().startswith("Stopped after 3 of 50 epochs")
    lines = list(Demo1D(Demo1DConfig(epochs=4, print_every=2)).run_log())
    assert [ln.split(":")[0] for ln in lines[:-1]] == ["Epoch 0", "Epoch 2", "Epoch 3"]
    assert lines[-1].startswith("Done: 4 epochs in ") and "learned mean" in lines[-1]


@pytest.mark.parametrize("kw", [{"preprocess": "median"}, {"sigma": 0.0}, {"epochs": 0}])
def test_impossible_settings_are_one_sentence(kw):
    with pytest.raises(ValueError, match="must be"):
        Demo1D(Demo1DConfig(**kw))


@pytest.mark.parametrize("args, sentence", [(["--sigma", "nan"], "sigma must be a finite number, not nan"),
                                            (["--mu", "inf"], "mu must be a finite number, not inf")])
def test_the_command_line_refuses_a_target_that_is_not_a_number(args, sentence, capsys):
    """``demo1d --sigma nan`` trained on NaN for every epoch and exited 0; now one sentence and exit 2."""
    from ganexplorer.cli import main

    assert main(["demo1d", "--epochs", "3", *args]) == 2
    assert capsys.readouterr().err.strip() == f"ganexplorer: error: {sentence}"
