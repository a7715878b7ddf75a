"""The bounded pickle machinery: pre-scan, interpreter, reader, rebuild and the isolated process."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import pickle
import threading

import numpy as np
import pytest
import torch

from ganexplorer.core.formats.errors import (CheckpointError, DamagedPickleError, LoadCancelled, PickleBoundsError,
                                             UnsafePickleError)
from ganexplorer.core.formats.isolated import Limits, ReaderFailed, _death, read_isolated
from ganexplorer.core.formats.pickle_vm import Admitted, Machine
from ganexplorer.core.formats.prescan import MAX_DEPTH, FileBytes, iter_ops, prescan
from ganexplorer.core.formats.reader import Reader
from ganexplorer.core.formats.rebuild import RebuildError, Rebuilder
from ganexplorer.core.formats.safe_pickle import PersistentObject, RestrictedUnpickler, restricted_load
from test_hostile_files import deep_tuple_key_pickle, op_global, op_str

# -- pre-scan -------------------------------------------------------------------------------------


def test_prescan_measures_what_a_pickle_builds_without_building_it():
    data = pickle.dumps({"a": (1, (2, 3)), "b": [b"x" * 10]}, protocol=4)
    s = prescan(data)
    assert s.stop == len(data) and s.protocol == 4 and s.ops > 5 and s.globals == []


def test_deep_nesting_is_refused_at_the_first_level_past_the_limit():
    with pytest.raises(PickleBoundsError, match=f"nested {MAX_DEPTH + 1} levels deep"):
        prescan(deep_tuple_key_pickle(10_000))
    prescan(deep_tuple_key_pickle(MAX_DEPTH - 2))   # the dict, the empty tuple and 98 more: just inside


def test_a_tuple_dag_whose_hash_would_explode_is_refused():
    t: tuple = ()
    for _ in range(40):
        t = (t, t)   # 2^40 paths, 40 distinct tuples: pickle memoizes the sharing
    body = pickle.dumps(t, protocol=2)   # (never hash t here: that is the hang being tested)
    data = b"\x80\x02}" + body[2:-1] + b"K\x01s."   # {t: 1}
    assert len(data) < 2000
    with pytest.raises(PickleBoundsError, match="hash visits more than"):
        prescan(data)


def test_memo_indices_and_lengths_are_checked_against_the_file():
    with pytest.raises(PickleBoundsError, match="memo index of 268,435,456 in a pickle of 9 bytes"):
        prescan(b"\x80\x04Nr\x00\x00\x00\x10.")
    with pytest.raises(DamagedPickleError, match="a length of 4,294,967,295 bytes"):
        prescan(b"\x80\x04B\xff\xff\xff\xff.")
    with pytest.raises(DamagedPickleError, match="truncated"):
        prescan(pickle.dumps([1, 2, 3], protocol=2)[:-3])


def test_large_byte_strings_stay_in_the_file():
    data = pickle.dumps([b"\x01" * 10_000, b"ab"], protocol=4)
    args = [a for _, a, _ in iter_ops(data, lazy_bytes=True) if isinstance(a, (bytes, FileBytes))]
    assert isinstance(args[0], FileBytes) and data[args[0].offset:args[0].offset + args[0].length] == b"\x01" * 10_000
    assert args[1] == b"ab"


# -- interpreter ----------------------------------------------------------------------------------

def test_a_refused_global_is_named_before_any_admitted_call_runs():
    calls = []
    table = {("mod", "ok"): Admitted("mod.ok", lambda *a: calls.append(a))}
    body = (b"\x80\x04" + op_global("mod", "ok") + op_str("first") + b"\x85R0"
            + op_global("posix", "system") + op_str("touch x") + b"\x85R.")
    with pytest.raises(UnsafePickleError, match="posix.system"):
        Machine(body, table).load()
    assert calls == []   # the pre-scan refused the file before mod.ok was called


@pytest.mark.parametrize("protocol", [0, 1, 2, 3, 4, 5])
def test_plain_values_round_trip_in_every_protocol(protocol):
    value = {"a": [1, 2.5, None, True], "b": (1, (2,)), "c": "text\u00e9", "d": {3: -(2 ** 40)}, "e": {1, 2}}
    data = pickle.dumps(value, protocol=protocol)
    assert Reader(data, len(data)).plain_pickle() == value


def test_a_dict_subclass_state_is_not_taken_for_its_items():
    import collections

    d = collections.OrderedDict(a=1)
    d._metadata = {"x": 2}   # what torch's state_dict() carries
    obj, _ = Machine(pickle.dumps(d, protocol=2),
                     {("collections", "OrderedDict"): Admitted("collections.OrderedDict", lambda *a: {})}).load()
    assert obj == {"a": 1}


# -- in-process restricted unpickler (CIFAR batches) ----------------------------------------------

def test_cifar_style_python2_batch_reads_as_arrays():
    data = np.arange(12, dtype=np.uint8).reshape(2, 6)
    batch = {b"data": data, b"labels": [3, 7], b"batch_label": b"training batch 1 of 5"}
    raw = pickle.dumps(batch, protocol=2)
    d = RestrictedUnpickler(io.BytesIO(raw), encoding="bytes").load()
    assert isinstance(d[b"data"], np.ndarray) and np.array_equal(d[b"data"], data)
    assert d[b"labels"] == [3, 7] and d[b"batch_label"] == b"training batch 1 of 5"
    fortran = np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3))
    assert np.array_equal(restricted_load(io.BytesIO(pickle.dumps(fortran, protocol=4))), fortran)


def test_numpy_objects_outside_plain_numbers_are_refused():
    with pytest.raises(PickleBoundsError, match="not a plain number type"):
        restricted_load(io.BytesIO(pickle.dumps(np.array([None, 1], dtype=object), protocol=2)))
    with pytest.raises(UnsafePickleError, match="builtins.getattr"):
        restricted_load(io.BytesIO(b"\x80\x04" + op_global("builtins", "getattr") + b".")
                        )


# -- rebuild: the parent believes nothing the reader says -------------------------------------------

def _rebuilder(storages, blob=b"", size=1000):
    return Rebuilder(io.BytesIO(bytes(size)), size, storages, blob)


@pytest.mark.parametrize("spec, match", [
    ([0, 0, [4, 4], [0, 1]], "stride 0"),
    ([0, 0, [4, 4], [2, 1]], "overlap"),
    ([0, 0, [10, 10], [10, 1]], "beyond its data"),
    ([0, -1, [2], [1]], "negative"),
    ([7, 0, [2], [1]], "no storage"),
])
def test_tensor_descriptions_are_checked(spec, match):
    rb = _rebuilder([{"dtype": "float32", "numel": 16, "file": 0}])
    with pytest.raises(RebuildError, match=match):
        rb.tensor(spec, ("G", "w"))


def test_storage_tables_are_checked():
    with pytest.raises(RebuildError, match="overlap in the file"):
        _rebuilder([{"dtype": "float32", "numel": 16, "file": 0}, {"dtype": "float32", "numel": 16, "file": 32}])
    with pytest.raises(RebuildError, match="beyond the end of the file"):
        _rebuilder([{"dtype": "float32", "numel": 1000, "file": 0}])
    with pytest.raises(RebuildError, match="type ganexplorer does not read"):
        _rebuilder([{"dtype": "complex64", "numel": 1, "file": 0}])
    rb = _rebuilder([{"dtype": "float32", "numel": 2, "blob": 4}], blob=b"\0" * 4 + np.float32([1, 2]).tobytes())
    assert rb.tensor([0, 1, [1], [1]], ()).tolist() == [2.0]   # offsets count inside the storage


def test_persistent_object_walks_visit_each_child_once():
    leaf = PersistentObject("Leaf", {"_parameters": {"w": torch.ones(1)}})
    node = leaf
    for _ in range(64):   # a DAG: each level refers twice to the next one
        node = PersistentObject("Node", {"_modules": {"a": node, "b": node}})
    assert list(node.tensors()) == ["a" + ".a" * 63 + ".w"]


# -- the isolated reader process ------------------------------------------------------------------

def _many_ops(path, n=1_900_000):
    path.write_bytes(pickle.dumps(list(range(n)), protocol=4))   # ~n opcodes, all admitted
    return path


def test_out_of_memory_in_the_reader_is_one_sentence(tmp_path):
    path = _many_ops(tmp_path / "big.pkl", 600_000)
    limits = Limits(memory_bytes=8 << 20, cpu_s=30, wall_s=60)
    try:
        msg, _ = read_isolated(str(path), "pickle", path.stat().st_size, limits=limits)
        assert msg["ok"] is False and msg["kind"] == "memory", msg
        assert msg["problem"] == "the reader ran out of its 8 MB memory budget"
    except ReaderFailed as e:   # an allocation deep in C may fail without a Python error: a crash, still said
        assert "the reader" in str(e)


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_CPU is POSIX")
def test_too_much_processor_time_in_the_reader_is_one_sentence(tmp_path):
    path = _many_ops(tmp_path / "slow.pkl")
    with pytest.raises(ReaderFailed, match="took more than 1 s of processor time|was killed"):
        read_isolated(str(path), "pickle", path.stat().st_size, limits=Limits(512 << 20, cpu_s=1, wall_s=60))


def test_a_reader_that_takes_too_long_is_stopped(tmp_path):
    """The wall-clock limit (0.2 s) stops it, not the processor-time limit (30 s): the sentence says which."""
    path = _many_ops(tmp_path / "slow.pkl")
    with pytest.raises(ReaderFailed, match="took longer than 0 s"):
        read_isolated(str(path), "pickle", path.stat().st_size, limits=Limits(512 << 20, cpu_s=30, wall_s=0.2))
    assert not multiprocessing.active_children()


def test_cancel_kills_the_reader_at_once(tmp_path):
    from ganexplorer.core.formats import load_checkpoint

    path = _many_ops(tmp_path / "slow.pkl")
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with pytest.raises(LoadCancelled, match="loading was cancelled"):
        load_checkpoint(path, cancel=cancel)
    assert not multiprocessing.active_children()


def test_death_by_signal_is_said_in_words():
    limits = Limits(1 << 30, 20, 40)
    assert _death(-11, limits) == "the reader crashed (SIGSEGV)"
    assert _death(-24, limits) == "the reader took more than 20 s of processor time"
    assert _death(3, limits) == "the reader crashed (exit code 3)"


def test_a_file_swapped_while_it_was_read_is_not_trusted(tmp_path, monkeypatch):
    from ganexplorer.core.formats import load, load_checkpoint

    path = tmp_path / "a.pt"
    torch.save({"w": torch.zeros(2)}, path)
    real = load.read_isolated

    def swapped(*a, **kw):
        msg, blob = real(*a, **kw)
        msg["identity"][1] += 1   # another inode: the file was replaced in between
        return msg, blob

    monkeypatch.setattr(load, "read_isolated", swapped)
    with pytest.raises(CheckpointError, match="changed while it was being read"):
        load_checkpoint(path)


def test_the_reader_imports_neither_torch_nor_numpy(tmp_path):
    import subprocess
    import sys

    code = ("import sys, ganexplorer.core.formats.isolated, ganexplorer.core.formats.reader;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'numpy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.replace("'", '"')) == []


def test_a_warm_reader_serves_one_file_and_the_next_one_waits(tmp_path):
    from ganexplorer.core.formats import isolated

    path = tmp_path / "a.pkl"
    path.write_bytes(pickle.dumps({"a": [1, 2]}, protocol=4))
    isolated.keep_warm(True)
    try:
        spare = isolated._spare
        msg, _ = read_isolated(str(path), "pickle", path.stat().st_size)
        assert msg["ok"] and msg["tree"] == {"d": [["a", [1, 2]]]}
        assert not spare.proc.is_alive()                       # it served its one file and left
        assert len(multiprocessing.active_children()) == 1     # the next file's reader, waiting
    finally:
        isolated.keep_warm(False)
    assert not multiprocessing.active_children()
