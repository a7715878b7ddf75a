"""Hostile checkpoint files (issue 13): each one through ``ganexplorer info`` / ``generate`` in a subprocess.

The corpus is built here, one file (at least) per class of attack the issue lists, plus
the malicious-code files that were refused before and honest files that must still load:

- crash: a numpy dtype whose pickled state declares fields; a tuple nested 10^6 deep used as
  a dict key (plain pickle, torch zip, legacy torch);
- hang: a memo-shared DAG (2^64 paths) in an NVIDIA network's arguments and in a torch file;
  ``_codecs.encode(..., 'punycode')``; a native file asking for 10^7 mapping layers;
- memory: a memo index of 2^28 (9 bytes); a 6e8-slot object array; a deflate bomb in a torch
  zip; absurd architecture arguments; stride-0 weights; ``_load_from_bytes`` of a bytearray
  and of a sparse tensor;
- text: keys, globals and a file name holding newlines and ANSI escapes;
- messages: a FIFO, a device, a symlink loop, complex tensors, an absurd but well-formed
  safetensors header, a valid ``torch.save(..., pickle_protocol=4)`` file;
- loads-then-fails: zero channels / width / image size, NaN and Inf weights.

Each run: a fresh wrapper process runs the CLI and reports its exit code, output, wall
time and ``RUSAGE_CHILDREN.ru_maxrss`` (the largest process in the CLI's tree). Bad files:
exit 2, at most two lines on stderr, no traceback, no escape character; good files: exit 0.
Always: no signal death, under 20 s, at most 1.5 GB, no marker file (no code ran).
"""

from __future__ import annotations

import io
import json
import os
import pickle
import struct
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
import torch

from layouts import write_nvidia_pickle, write_rosinality_converted

pytestmark = pytest.mark.slow   # a child process per file, seconds each on 2 cores

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 20
MAX_RSS_BYTES = 1.5 * 2**30
POSIX = os.name == "posix"

# -- pickle opcodes by hand ---------------------------------------------------------------------


def op_str(s: str) -> bytes:
    b = s.encode()
    return b"X" + struct.pack("<I", len(b)) + b


def op_global(module: str, name: str) -> bytes:
    return b"c" + module.encode() + b"\n" + name.encode() + b"\n"


def op_int(i: int) -> bytes:
    return b"J" + struct.pack("<i", i)


def deep_tuple_key_pickle(depth: int = 1_000_000) -> bytes:
    """{((((...)))): 1}: CPython's hash recurses once per level (a C stack overflow at ~10^5)."""
    return b"\x80\x04}" + b")" + b"\x85" * depth + b"K\x01s."


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def legacy_stream(main: bytes, keys: bytes = b"\x80\x02].", data: bytes = b"") -> bytes:
    """A legacy torch.save stream around the pickle ``main``: magic, version, sys info, main, keys, data."""
    magic = pickle.dumps(0x1950A86A20F9469CFC6C, protocol=2)
    return (magic + pickle.dumps(1001, protocol=2)
            + pickle.dumps({"protocol_version": 1001, "little_endian": True,
                            "type_sizes": {"short": 2, "int": 4, "long": 4}}, protocol=2) + main + keys + data)


def torch_zip(path: Path, data_pkl: bytes, entries: dict[str, bytes] | None = None,
              deflated: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("archive/data.pkl", data_pkl)
        for name, data in (entries or {}).items():
            z.writestr(f"archive/{name}", data,
                       compress_type=zipfile.ZIP_DEFLATED if name in deflated else zipfile.ZIP_STORED)
        z.writestr("archive/version", "3\n")
    return path


class _Reduce:
    def __init__(self, func, args):
        self.func, self.args = func, args

    def __reduce__(self):
        return self.func, self.args


# -- the corpus ----------------------------------------------------------------------------------

@dataclass
class Case:
    name: str
    build: Callable[[Path], Path]
    expect: str                   # regular expression the stderr sentence (bad) must match; "" for good files
    good: bool = False
    generate: bool = False        # also run `generate` (a representative subset)
    posix_only: bool = False
    marker: bool = False          # the file tries to write tmp/marker
    notes: list[str] = field(default_factory=list)


def _tiny_g(**init_kwargs_override):
    from conftest import randomise
    from ganexplorer.core.models.stylegan2 import Generator

    torch.manual_seed(0)
    G = Generator(z_dim=16, c_dim=0, w_dim=16, img_resolution=8, img_channels=3,
                  mapping_kwargs=dict(num_layers=2), synthesis_kwargs=dict(channel_base=64, channel_max=16))
    randomise(G).eval()
    if init_kwargs_override:
        G.init_kwargs = {**G.init_kwargs, **init_kwargs_override}
    return G


def _nvidia(path: Path, G=None, **kw) -> Path:
    return write_nvidia_pickle(path, G if G is not None else _tiny_g(), None, keys=("G_ema",),
                               marker=path.parent / "marker", **kw)


def _absurd_nvidia(**synthesis_or_base):
    def build(d: Path) -> Path:
        G = _tiny_g()
        k = dict(G.init_kwargs)
        for key, v in synthesis_or_base.items():
            if key in k:
                k[key] = v
            elif key in ("num_layers",):
                k["mapping_kwargs"] = {**k["mapping_kwargs"], key: v}
            else:
                k["synthesis_kwargs"] = {**k["synthesis_kwargs"], key: v}
        G.init_kwargs = k
        return _nvidia(d / "absurd.pkl", G)
    return build


def _dcgan_state(ngf: int = 8, res: int = 32):
    from ganexplorer.core.models.dcgan import DCGANGenerator

    torch.manual_seed(2)
    return DCGANGenerator(nz=100, ngf=ngf, nc=3, resolution=res).eval().state_dict()


def _save(path: Path, obj, **kw) -> Path:
    torch.save(obj, path, **kw)
    return path


def _native(path: Path, family: str = "mlp", kwargs_patch: dict | None = None, metadata: dict | None = None) -> Path:
    from safetensors.torch import save_file

    from ganexplorer.core.formats import save_native
    from ganexplorer.core.formats.native import META_KEY, load_native_state
    from ganexplorer.core.models.registry import build_preset

    preset = {"mlp": "mlp-gan", "dcgan": "dcgan32-quick", "stylegan2": "stylegan2-32"}[family]
    G, _ = build_preset(preset)
    save_native(path, family, G, metadata=metadata)
    if kwargs_patch:
        header, tensors = load_native_state(path)
        header["G_kwargs"] = _merge(header["G_kwargs"], kwargs_patch)
        save_file(tensors, str(path), metadata={META_KEY: json.dumps(header)})
    return path


def _merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def b_dtype_state(d: Path) -> Path:
    """A numpy scalar whose dtype's BUILD state declares a field (numpy would read file bytes as an object)."""
    body = (b"\x80\x02" + op_global("numpy.core.multiarray", "scalar")
            + op_global("numpy", "dtype") + op_str("f8") + b"\x89\x88\x87R" + b"q\x00"
            + b"(K\x03" + op_str("|") + b"N" + op_str("a") + b"\x85" + b"}" + op_str("a")
            + op_global("numpy", "dtype") + op_str("f8") + b"\x89\x88\x87R" + op_int(1 << 30) + b"\x86s"
            + b"K\x08K\x01K\x00tb" + b"C\x08" + b"\x41" * 8 + b"\x86R.")
    (d / "dtype.pkl").write_bytes(body)
    return d / "dtype.pkl"


def b_dag_kwargs(d: Path) -> Path:
    dag: list = []
    for _ in range(64):   # lists, so that the writer (which copies dicts) keeps the sharing
        dag = [dag, dag]
    G = _tiny_g()
    G.init_kwargs = {**G.init_kwargs, "mapping_kwargs": {**G.init_kwargs["mapping_kwargs"], "x": dag}}
    return _nvidia(d / "dag.pkl", G)


def b_dag_zip(d: Path) -> Path:
    dag: dict = {"w": torch.zeros(2)}
    for _ in range(64):
        dag = {"a": dag, "b": dag}
    return _save(d / "dag.pt", dag)


def b_punycode(d: Path) -> Path:
    import codecs

    (d / "puny.pkl").write_bytes(pickle.dumps({"G_ema": _Reduce(codecs.encode, ("\u00e9" * 200_000, "punycode"))},
                                              protocol=4))
    return d / "puny.pkl"


def b_object_array(d: Path) -> Path:
    body = (b"\x80\x02" + op_global("numpy.core.multiarray", "_reconstruct") + op_global("numpy", "ndarray")
            + b"K\x00\x85" + b"C\x01b" + b"\x87R"
            + b"(K\x01" + op_int(600_000_000) + b"\x85" + op_global("numpy", "dtype") + op_str("O8")
            + b"\x89\x88\x87R" + b"(K\x03" + op_str("|") + b"NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK\x3ftb"
            + b"\x89" + b"]NNN\x87" + b"tb.")
    (d / "objarray.pkl").write_bytes(body)
    return d / "objarray.pkl"


def b_deflate_bomb(d: Path) -> Path:
    """A torch zip whose one storage is 256 MB of deflated zeros (about 250 kB in the file)."""
    n = 64 << 20  # float32 elements
    # data.pkl: {"w": _rebuild_tensor_v2(pid('storage', FloatStorage, '0', 'cpu', n), 0, (n,), (1,), False, {})}
    pkl = (b"\x80\x02}" + op_str("w") + op_global("torch._utils", "_rebuild_tensor_v2")
           + b"((" + op_str("storage") + op_global("torch", "FloatStorage") + op_str("0") + op_str("cpu")
           + op_int(n) + b"tQ" + b"K\x00" + op_int(n) + b"\x85K\x01\x85\x89"
           + op_global("collections", "OrderedDict") + b")RtRs.")
    path = d / "bomb.pt"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("archive/data.pkl", pkl, compress_type=zipfile.ZIP_STORED)
        with z.open("archive/data/0", "w", force_zip64=True) as f:
            chunk = bytes(1 << 20)
            for _ in range(n * 4 >> 20):
                f.write(chunk)
    return path


def b_stride0(d: Path) -> Path:
    sd = {k: (torch.zeros(1, dtype=v.dtype).expand(v.shape) if v.ndim == 4 else v)
          for k, v in _dcgan_state(ngf=64, res=128).items()}
    return _save(d / "stride0.pt", sd)


def _from_bytes_pickle(d: Path, name: str, payload) -> Path:
    b = io.BytesIO()
    torch.save(payload, b, _use_new_zipfile_serialization=False)
    evil = {"G_ema": _Reduce(torch.storage._load_from_bytes, (b.getvalue(),)), "D": None}
    (d / name).write_bytes(pickle.dumps(evil, protocol=4))
    return d / name


def b_ansi_keys(d: Path) -> Path:
    return _save(d / "keys.pt", {"\x1b[31mTraceback (most recent call last):\n  File \"x\"\x1b]0;pwned\x07": torch.zeros(2),
                                 "\u202eevil": torch.zeros(1)})


def b_ansi_global(d: Path) -> Path:
    body = b"\x80\x04" + op_global("os\x1b[31m", "system\x1b]0;title\x07") + op_str("x") + b"\x85R."
    (d / "ansi.pkl").write_bytes(body)
    return d / "ansi.pkl"


def b_big_header(d: Path) -> Path:
    header = json.dumps({"__metadata__": {"pad": "x" * (20 << 20)}, "w": {"dtype": "F32", "shape": [1],
                                                                         "data_offsets": [0, 4]}}).encode()
    (d / "big.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + bytes(4))
    return d / "big.safetensors"


def b_st_complex(d: Path) -> Path:
    header = json.dumps({"__metadata__": {"ganexplorer": "{}"}, "w": {"dtype": "C64", "shape": [1],
                                                                      "data_offsets": [0, 8]}}).encode()
    (d / "complex.safetensors").write_bytes(struct.pack("<Q", len(header)) + header + bytes(8))
    return d / "complex.safetensors"


def b_nan(d: Path) -> Path:
    G = _tiny_g()
    with torch.no_grad():
        G.mapping.fc0.weight[0, 0] = float("nan")
    return _nvidia(d / "nan.pkl", G)


def b_inf(d: Path) -> Path:
    sd = _dcgan_state()
    sd["main.0.weight"] = sd["main.0.weight"].clone()
    sd["main.0.weight"][0, 0, 0, 0] = float("inf")
    return _save(d / "inf.pt", sd)


def b_fifo(d: Path) -> Path:
    os.mkfifo(d / "fifo.pkl")
    return d / "fifo.pkl"


def b_loop(d: Path) -> Path:
    os.symlink(d / "loop.pkl", d / "loop.pkl")
    return d / "loop.pkl"


def b_malicious(kind: str) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        marker = d / "marker"
        calls = {"os.system": (os.system, (f"touch {marker}",)),
                 "eval": (eval, (f"open({str(marker)!r}, 'w').write('x')",)),
                 "exec": (exec, (f"open({str(marker)!r}, 'w').write('x')",)),
                 "popen": (subprocess.Popen, (["touch", str(marker)],))}
        func, args = calls[kind.split(":")[-1]]
        obj = {"G_ema": _Reduce(func, args), "D": None}
        if kind.startswith("zip:"):
            return _save(d / "evil.pt", obj)
        if kind.startswith("legacy:"):
            return _save(d / "evil_legacy.pt", obj, _use_new_zipfile_serialization=False)
        (d / "evil.pkl").write_bytes(pickle.dumps(obj, protocol=4))
        return d / "evil.pkl"
    return build


def b_tensorflow(d: Path) -> Path:
    (d / "karras2019.pkl").write_bytes(b"\x80\x04" + op_global("dnnlib.tflib.network", "Network") + b")\x81.")
    return d / "karras2019.pkl"


CORPUS: list[Case] = [
    # honest files: must keep working
    Case("nvidia-p4", lambda d: _nvidia(d / "network-snapshot.pkl"), "", good=True, generate=True, marker=True),
    Case("nvidia-p2", lambda d: _nvidia(d / "p2.pkl", protocol=2), "", good=True),
    Case("rosinality", lambda d: write_rosinality_converted(d / "ros.pt", _tiny_g()), "", good=True, generate=True),
    Case("dcgan-zip-protocol4", lambda d: _save(d / "p4.pt", _dcgan_state(), pickle_protocol=4), "", good=True,
         generate=True),
    Case("dcgan-legacy", lambda d: _save(d / "old.pt", _dcgan_state(), _use_new_zipfile_serialization=False), "",
         good=True, generate=True),
    Case("native", lambda d: _native(d / "mlp.safetensors"), "", good=True, generate=True),
    Case("native-html-metadata", lambda d: _native(d / "html.safetensors", metadata={
        "training": {"dataset": "<h1 style='color:red'>BIG</h1>", "step": 3}}), "", good=True),
    Case("evil-file-name", lambda d: _native(d / "evil\n\x1b[31mred\x1b]0;title\x07.safetensors"), "", good=True,
         posix_only=True),
    # crash
    Case("numpy-dtype-state", b_dtype_state, r"numpy dtype with fields"),
    Case("deep-tuple-key", lambda d: _write(d / "deep.pkl", deep_tuple_key_pickle()),
         r"nested 101 levels deep", generate=True),
    Case("deep-tuple-key-zip", lambda d: torch_zip(d / "deep.pt", deep_tuple_key_pickle()),
         r"torch file ganexplorer will not unpack: it has containers nested"),
    Case("deep-tuple-key-legacy", lambda d: _write(d / "deepl.pt", legacy_stream(deep_tuple_key_pickle())),
         r"torch file ganexplorer will not unpack: it has containers nested"),
    # hang
    Case("dag-nvidia-kwargs", b_dag_kwargs, r"values repeated through shared references"),
    Case("dag-torch-zip", b_dag_zip, r"values repeated through shared references"),
    Case("codecs-punycode", b_punycode, r"_codecs\.encode with an encoding other than latin1, which ganexplorer refuses"),
    Case("native-1e7-layers", lambda d: _native(d / "layers.safetensors", "stylegan2",
                                                {"mapping_kwargs": {"num_layers": 10_000_000}}),
         r"num_layers 10000000 is outside 1\.\.64"),
    # memory
    Case("memo-index-bomb", lambda d: _write(d / "memo.pkl", b"\x80\x04Nr\x00\x00\x00\x10."),
         r"memo index of 268,435,456 in a pickle of 9 bytes", generate=True),
    Case("object-array", b_object_array, r"numpy dtype 'O8' that is not a plain number type"),
    Case("deflate-bomb", b_deflate_bomb, r"expands to more than"),
    Case("resolution-2^20", _absurd_nvidia(img_resolution=2 ** 20), r"img_resolution 1048576 is outside 4\.\.4096",
         generate=True),
    Case("w_dim-25000", _absurd_nvidia(w_dim=25_000), r"w_dim 25000 is outside"),
    Case("filter-20000-taps", _absurd_nvidia(resample_filter=[1.0] * 20_000), r"resample_filter has 20,000 entries"),
    Case("w_dim-16000-budget", _absurd_nvidia(w_dim=16_000), r"larger than the weights it holds"),
    Case("stride-0", b_stride0, r"broadcast \(stride 0\) tensor at main\.0\.weight", generate=True),
    Case("from-bytes-bytearray", lambda d: _from_bytes_pickle(d, "bytearray.pkl", bytearray(b"abc")),
         r"names builtins\.bytearray, which ganexplorer refuses"),
    Case("from-bytes-sparse", lambda d: _from_bytes_pickle(d, "sparse.pkl", torch.eye(3).to_sparse()),
         r"names torch\._utils\._rebuild_sparse_tensor, which ganexplorer refuses"),
    # text
    Case("ansi-keys", b_ansi_keys, r"holds a dict with keys \\x1b|holds a dict with keys .*\\u202e"),
    Case("ansi-global", b_ansi_global, r"names os.*system.*which ganexplorer refuses to run"),
    # messages
    Case("fifo", b_fifo, r"is a FIFO \(named pipe\), not a file", posix_only=True),
    Case("dev-zero", lambda d: Path("/dev/zero"), r"is a device, not a file", posix_only=True),
    Case("symlink-loop", b_loop, r"symbolic link that loops back on itself", posix_only=True),
    Case("complex-torch", lambda d: _save(d / "complex.pt", {"w": torch.zeros(3, dtype=torch.complex64)}),
         r"ComplexFloatStorage tensors"),
    Case("safetensors-20MB-header", b_big_header, r"will not read: its safetensors header is 20 MB"),
    Case("safetensors-complex", b_st_complex, r"will not read: it holds complex tensors"),
    # loads, then fails
    Case("nvidia-channels-0", _absurd_nvidia(channel_base=4), r"layer of size 0", generate=True),
    Case("native-img-size-0", lambda d: _native(d / "size0.safetensors", "mlp", {"img_size": 0}),
         r"img_size 0 is outside 1\.\.1024"),
    Case("native-ngf-0", lambda d: _native(d / "ngf0.safetensors", "dcgan", {"ngf": 0}), r"ngf 0 is outside"),
    Case("nan-weights", b_nan, r"holds NaN weights in mapping\.fc0\.weight", generate=True),
    Case("inf-weights", b_inf, r"holds infinite weights in main\.0\.weight"),
    # code that must never run (refused before this issue too)
    Case("malicious-os.system", b_malicious("os.system"), r"names posix\.system, which ganexplorer refuses to run",
         marker=True, generate=True),
    Case("malicious-eval", b_malicious("eval"), r"names builtins\.eval", marker=True),
    Case("malicious-exec", b_malicious("exec"), r"names builtins\.exec", marker=True),
    Case("malicious-popen", b_malicious("popen"), r"names subprocess\.Popen", marker=True),
    Case("malicious-torch-zip", b_malicious("zip:os.system"), r"names code ganexplorer will not run \(posix\.system\)",
         marker=True),
    Case("malicious-legacy-torch", b_malicious("legacy:os.system"),
         r"names code ganexplorer will not run \(posix\.system\)", marker=True),
    Case("tensorflow-pickle", b_tensorflow, r"TensorFlow StyleGAN pickle"),
]


def build_corpus(root: Path, cases: list[Case] = CORPUS) -> list[tuple[Case, Path]]:
    """Build every case (one folder each, so markers do not mix); POSIX-only cases are skipped elsewhere."""
    out = []
    for case in cases:
        if case.posix_only and not POSIX:
            continue
        d = root / case.name
        d.mkdir(parents=True, exist_ok=True)
        out.append((case, Path(case.build(d))))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("hostile"))


# -- the harness ---------------------------------------------------------------------------------

_WRAPPER = r"""
import json, resource, subprocess, sys, time
t0 = time.monotonic()
try:
    p = subprocess.run(sys.argv[1:], capture_output=True, timeout=%d)
    rc, out, err = p.returncode, p.stdout, p.stderr
except subprocess.TimeoutExpired as e:
    rc, out, err = "timeout", e.stdout or b"", e.stderr or b""
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "out": out.decode("utf-8", "replace"), "err": err.decode("utf-8", "replace"),
                  "seconds": time.monotonic() - t0, "maxrss": ru.ru_maxrss * (1 if sys.platform == "darwin" else 1024)}))
""" % TIMEOUT_S


def run_cli(*args: str, cwd: Path) -> dict:
    """The CLI in a fresh wrapper process: its exit code, output, seconds and the tree's peak RSS in bytes."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    p = subprocess.run([sys.executable, "-c", _WRAPPER, sys.executable, "-m", "ganexplorer", *args],
                       capture_output=True, text=True, cwd=cwd, env=env, timeout=TIMEOUT_S + 30)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def check_run(case: Case, path: Path, res: dict, what: str) -> None:
    said = f"{case.name} ({what}): rc={res['rc']} stderr={res['err']!r} stdout={res['out'][-300:]!r}"
    assert res["rc"] != "timeout" and res["seconds"] < TIMEOUT_S, said
    assert isinstance(res["rc"], int) and res["rc"] >= 0, said          # no death by a signal
    assert res["maxrss"] <= MAX_RSS_BYTES, f"{said} maxrss={res['maxrss'] / 2**20:.0f} MB"
    lines = res["err"].strip().splitlines()
    assert not any(ln.startswith("Traceback") for ln in lines), said
    assert "\x1b" not in res["err"] + res["out"], said                 # no escape sequence reaches the terminal
    if case.good:
        assert res["rc"] == 0, said
    else:
        import re

        assert res["rc"] == 2, said
        assert 1 <= len(lines) <= 2, said
        assert re.search(case.expect, res["err"]), said
    if case.marker:
        assert not (path.parent / "marker").exists(), f"{case.name}: code from the file ran"


def _ids(cases):
    return [c.name for c in cases]


@pytest.mark.parametrize("case", CORPUS, ids=_ids(CORPUS))
def test_info_on_every_hostile_file(corpus, case, tmp_path):
    found = [(c, p) for c, p in corpus if c is case]
    if not found:
        pytest.skip("POSIX-only file kind")
    (c, path), = found
    check_run(c, path, run_cli("info", str(path), cwd=tmp_path), "info")


GENERATE = [c for c in CORPUS if c.generate]


@pytest.mark.parametrize("case", GENERATE, ids=_ids(GENERATE))
def test_generate_on_a_representative_subset(corpus, case, tmp_path):
    (c, path), = [(c, p) for c, p in corpus if c is case]
    out = tmp_path / "out"
    res = run_cli("generate", "--network", str(path), "--seeds", "0-1", "--outdir", str(out), cwd=tmp_path)
    check_run(c, path, res, "generate")
    if c.good:
        assert sorted(p.name for p in out.glob("*.png")) == ["seed0000.png", "seed0001.png"]


def test_every_class_of_the_issue_is_in_the_corpus():
    """The issue's classes, each with at least one file (names above), so none is dropped silently."""
    names = {c.name for c in CORPUS}
    classes = {
        "crash": {"numpy-dtype-state", "deep-tuple-key", "deep-tuple-key-zip", "deep-tuple-key-legacy"},
        "hang": {"dag-nvidia-kwargs", "dag-torch-zip", "codecs-punycode", "native-1e7-layers"},
        "memory": {"memo-index-bomb", "object-array", "deflate-bomb", "resolution-2^20", "w_dim-25000",
                   "filter-20000-taps", "stride-0", "from-bytes-bytearray", "from-bytes-sparse"},
        "text": {"ansi-keys", "ansi-global", "evil-file-name", "native-html-metadata"},
        "messages": {"dcgan-zip-protocol4", "safetensors-20MB-header", "fifo", "dev-zero", "symlink-loop",
                     "malicious-torch-zip"},
        "loads-then-fails": {"nvidia-channels-0", "native-img-size-0", "native-ngf-0", "nan-weights", "inf-weights"},
        "malicious-code": {"malicious-os.system", "malicious-eval", "malicious-exec", "malicious-popen",
                           "malicious-legacy-torch"},
    }
    for kind, members in classes.items():
        assert members <= names, (kind, members - names)
