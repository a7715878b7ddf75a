"""Open any supported checkpoint, deciding the format by content, never by extension.

The first bytes decide the container: safetensors (our native format, read in-process by
a parser with nothing to exploit, :mod:`.native`), torch.save zip archives, legacy
torch.save streams (sniffed by their pickled magic number, not by unpickling) and plain
pickles (NVIDIA's). Those three are parsed once, in a limited child process
(:mod:`.isolated`, :mod:`.reader`), into plain values and tensor locations; the parent
checks those (:mod:`.rebuild`) and copies the tensors from the file it opened first. The
contents then decide the layout reader; the architecture is bounded before it is built
(:mod:`.bounds`) and the weights checked for NaN/Inf after. Every failure is one
:class:`CheckpointError` sentence, whatever the file does.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ganexplorer.core.formats.errors import CheckpointError, LoadCancelled
from ganexplorer.core.formats.isolated import ReaderFailed, read_isolated
from ganexplorer.core.formats.files import ReadError, identity, is_legacy_torch, open_regular
from ganexplorer.core.text import printable
from ganexplorer.core.guarded import os_problem
from ganexplorer.core.messages import message, parse

if TYPE_CHECKING:
    from ganexplorer.core.formats.loaded import LoadedModel

# torch and the model classes are imported only once a file has passed the reader: refusing a
# hostile or foreign file (``ganexplorer info bad.pkl``) then takes a fraction of a second.

_MAX_SAFETENSORS_HEADER = 1 << 32   # a first u64 above this is not a safetensors header length


def sniff(head: bytes) -> str:
    """Container kind from a file's first bytes: safetensors, zip, legacy, pickle or unknown."""
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if len(head) >= 9:
        (n,) = struct.unpack("<Q", head[:8])
        if 2 <= n < _MAX_SAFETENSORS_HEADER and head[8:9] == b"{":
            return "safetensors"
    if is_legacy_torch(head):
        return "legacy"
    if head[:1] == b"\x80" and len(head) >= 2 and 2 <= head[1] <= 5:
        return "pickle"
    return "unknown"


def _describe(head: bytes) -> str:
    """What the first bytes look like, in words the sentence's translation knows (messages_ko WORDS)."""
    if head.startswith((b"\x89HDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "an image or HDF5 file"
    if head.lstrip().startswith((b"{", b"[")):
        return "JSON or text"
    if head.startswith(b"\x93NUMPY"):
        return "a NumPy array file"
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64]):
        return "plain text"
    return message("ckpt.unrecognised_bytes", hex=head[:8].hex(" "))


def load_checkpoint(path: str | Path, nz: int | None = None, cancel: Any = None) -> LoadedModel:
    """Read a generator from ``path``. ``nz`` overrides the latent size guessed for DCGAN files.

    ``cancel``: anything with ``is_set()`` (a :class:`threading.Event`); once set, the reader
    process is killed and :class:`LoadCancelled` raised. Raises :class:`CheckpointError`
    (one sentence) for anything that is not a readable generator.
    """
    path = Path(path)
    try:
        return _load(path, nz, cancel)
    except CheckpointError:
        raise
    except MemoryError:
        raise CheckpointError(path, message("file.too_large")) from None
    except RecursionError:
        raise CheckpointError(path, message("file.nested")) from None
    except Exception as e:  # noqa: BLE001 -- a reader met a layout it did not foresee: still one sentence, no traceback
        raise CheckpointError(path, message("file.unreadable", detail=f"{type(e).__name__}: {_first_line(e)}")) from None


def _load(path: Path, nz: int | None, cancel: Any) -> LoadedModel:
    try:
        fd, st = open_regular(str(path))
    except ReadError as e:
        raise CheckpointError(path, str(e)) from None
    except OSError as e:
        raise CheckpointError(path, os_problem(e, path, folder="file.folder", other="file.unopenable")) from None
    with os.fdopen(fd, "rb") as fh:
        if st.st_size == 0:
            raise CheckpointError(path, message("file.empty"))
        head = fh.read(256)
        kind = sniff(head)
        if kind == "safetensors":
            from ganexplorer.core.formats.native import load_native

            return load_native(path)
        if kind == "unknown":
            raise CheckpointError(path, message("ckpt.unknown_format", found=_describe(head)))
        obj = _read_untrusted(path, fh, st, kind, cancel)
    return _from_contents(path, obj, nz)


def _read_untrusted(path: Path, fh: Any, st: os.stat_result, kind: str, cancel: Any) -> Any:
    """The object a zip/legacy/pickle file holds: parsed in the reader process, rebuilt and checked here."""
    try:
        msg, blob = read_isolated(os.path.abspath(path), kind, st.st_size, cancel)
    except LoadCancelled:
        raise LoadCancelled(path, message("file.cancelled")) from None
    except ReaderFailed as e:
        raise CheckpointError(path, parse(str(e)) or message("ckpt.unsafe", detail=str(e))) from None
    if not msg.get("ok"):
        raise CheckpointError(path, _refusal(kind, msg))
    if msg.get("identity") != identity(os.fstat(fh.fileno())):
        raise CheckpointError(path, message("file.changed"))
    from ganexplorer.core.formats.rebuild import RebuildError, Rebuilder

    try:
        return Rebuilder(fh, st.st_size, msg.get("storages", []), blob).value(msg.get("tree"))
    except RebuildError as e:
        what = "pickle" if kind == "pickle" else "torch file"
        raise CheckpointError(path, message("ckpt.unpack_refused", what=what, detail=str(e))) from None


def _refusal(kind: str, msg: dict[str, Any]) -> str:
    """The problem sentence for a reader's refusal message."""
    what = "pickle" if kind == "pickle" else "torch file"
    reason = msg.get("kind")
    text = printable(str(msg.get("name") or msg.get("detail") or msg.get("problem") or ""), limit=200)
    if reason == "refused":
        if text.startswith("dnnlib.tflib"):
            return message("ckpt.tensorflow")
        if kind == "pickle":
            return message("ckpt.pickle_code", name=text)
        return message("ckpt.torch_code", detail=text)
    if reason == "bounds":
        return message("ckpt.unpack_refused", what=what, detail=text)
    if reason == "damaged":
        if kind == "pickle":
            return message("ckpt.pickle_damaged", detail=text)
        if kind == "legacy":
            return message("ckpt.legacy_damaged", detail=text)
        return message("ckpt.zip_unreadable", detail=text)
    if reason == "memory":
        return parse(text) or message("ckpt.unsafe", detail=text)
    if reason == "problem":
        return text
    if reason == "os":
        return message("file.unreadable", detail=text)
    return message("ckpt.unsafe_answer", answer=printable(str(reason), limit=40))


def _first_line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return (text[0] if text else type(e).__name__)[:160]


def _from_contents(path: Path, obj: Any, nz: int | None) -> LoadedModel:
    import torch

    from ganexplorer.core.formats.dcgan_state import find_dcgan, load_dcgan
    from ganexplorer.core.formats.nvidia import load_nvidia, looks_like_nvidia
    from ganexplorer.core.formats.rosinality import find_rosinality, load_rosinality

    if looks_like_nvidia(obj):
        return load_nvidia(path, obj)
    ros = find_rosinality(obj)
    if ros is not None:
        sd, key = ros
        latent_avg = obj.get("latent_avg") if isinstance(obj, dict) else None
        return load_rosinality(path, sd, key, latent_avg if isinstance(latent_avg, torch.Tensor) else None)
    dc = find_dcgan(obj)
    if dc is not None:
        role, sd, where = dc
        if role == "D":
            raise CheckpointError(path, message("ckpt.dcgan_only_d", where=where))
        return load_dcgan(path, obj, sd, where, nz=nz)
    raise CheckpointError(path, message("ckpt.unknown_layout", found=_summarise(obj)))


def _summarise(obj: Any) -> str:
    import torch

    if isinstance(obj, dict):
        keys = [printable(k, limit=40) for k in list(obj)[:5]]
        return f"a dict with keys {', '.join(keys)}" + (" ..." if len(obj) > 5 else "") if keys else "an empty dict"
    if isinstance(obj, torch.Tensor):
        return f"a single tensor of shape {list(obj.shape)}"
    return f"a {type(obj).__name__}"
