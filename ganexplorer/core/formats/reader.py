"""The untrusted half of loading: a checkpoint file -> plain data, without torch, numpy or any code from it.

This is what the isolated process (:mod:`.isolated`) runs. It reads plain pickles
(NVIDIA's network snapshots), torch.save zip archives and legacy torch.save streams with
the bounded interpreter of :mod:`.pickle_vm`, admitting only the globals in
:func:`checkpoint_globals`, each of which builds an inert record:

- a tensor is a *description* (:class:`TensorRef`: storage, offset, size, stride); its bytes
  stay in the file, located by offset (:class:`StorageRef`), and are copied once by the
  parent into memory it owns; only data that is not in the file verbatim (a deflated zip
  entry, a protocol-2 ``_codecs.encode`` string) travels as a blob, bounded in size;
- NVIDIA's ``_reconstruct_persistent_obj(meta)`` is a :class:`PersistentRecord` (class name,
  state), its ``module_src`` only searched for which repository wrote it, never run;
- ``torch.storage._load_from_bytes(b)`` parses ``b`` as the legacy stream of *one storage*
  (torch's own function would run ``torch.load(weights_only=False)``; a weights-only load
  would admit torch's wider list, e.g. ``bytearray`` and sparse tensors);
- a numpy dtype only from an allow-list of plain numeric codes, its pickled state checked
  and never applied; numpy arrays and scalars only of those dtypes, sized exactly.

:class:`Encoder` turns the result into JSON-able data plus a storage table and blobs, with
a node budget (memo-shared references are expanded, so a DAG that would explode is
refused, not walked) and a depth limit. Stdlib only, so the process starts quickly.

Split by job: :mod:`.files` (which file: regular, identity, legacy or not), :mod:`.records` (the inert
records and the blob budget), :mod:`.admitted` (the globals a pickle may name), :mod:`.encode` (the
hand-back encoding); this module holds the container readers (plain pickle, legacy stream, zip archive)
and :func:`read_file`, which the isolated process calls.
"""

from __future__ import annotations

import mmap
import os
import struct
import zipfile
import zlib
from typing import Any, BinaryIO

from ganexplorer.core.formats.admitted import checkpoint_globals
from ganexplorer.core.formats.encode import Encoder
from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError, UnsafePickleError
from ganexplorer.core.formats.files import (LEGACY_MAGIC, LEGACY_PROTOCOL, ReadError, identity,
                                            open_regular)
from ganexplorer.core.formats.pickle_vm import Admitted, Machine, leaf_bytes
from ganexplorer.core.formats.prescan import FileBytes
from ganexplorer.core.formats.records import Budget, StorageRef, itemsize
from ganexplorer.core.messages import message



class Reader:
    """Reads one file (an mmap ``mm`` of it) into records; the container readers below share it."""

    def __init__(self, mm: Any, size: int, encoding: str = "latin1") -> None:
        self.mm, self.size, self.encoding = mm, size, encoding
        self.budget = Budget(size)
        self._file_storages: dict[tuple[int, str, int], StorageRef] = {}
        self._globals = self._admitted()
        self._legacy_head: tuple[bytes, bool] | None = None   # NVIDIA pickles repeat it for every tensor

    def storage_for_bytes(self, data: Any, dtype: str, numel: int, big_endian: bool) -> StorageRef:
        """A storage whose bytes are ``data``: left in the file when it is a :class:`FileBytes` span of it."""
        if isinstance(data, FileBytes):   # only the file's own mapping is read with lazy bytes
            return self.file_storage(data.offset, dtype, numel, big_endian)
        blob = leaf_bytes(self.mm, data)
        if len(blob) != numel * itemsize(dtype):
            raise DamagedPickleError("tensor data shorter than its size")
        self.budget.add_blob(len(blob))
        return StorageRef(dtype, numel, 0, blob, big_endian)

    def file_storage(self, offset: int, dtype: str, numel: int, big_endian: bool = False) -> StorageRef:
        if offset < 0 or offset + numel * itemsize(dtype) > self.size:
            raise PickleBoundsError(f"tensor data of {numel * itemsize(dtype):,} bytes beyond the end of the file")
        key = (offset, dtype, numel)
        ref = self._file_storages.get(key)
        if ref is None:
            ref = self._file_storages[key] = StorageRef(dtype, numel, offset, None, big_endian)
        return ref

    def _admitted(self) -> dict[tuple[str, str], Admitted]:
        return checkpoint_globals(self)

    # -- containers ---------------------------------------------------------------------------
    def machine(self, buf: Any, persistent_load: Any = None) -> Machine:
        return Machine(buf, self._globals, persistent_load=persistent_load, encoding=self.encoding,
                       lazy_bytes=buf is self.mm)

    def plain_pickle(self) -> Any:
        obj, _ = self.machine(self.mm).load(0, self.size)
        return obj

    def storage_from_bytes(self, b: Any) -> StorageRef:
        """``torch.storage._load_from_bytes(b)``: ``b`` must be a legacy torch stream of one storage."""
        if isinstance(b, FileBytes):
            start, end = b.offset, b.offset + b.length
            data_buf = self.mm
        elif isinstance(b, (bytes, bytearray)):
            data_buf, start, end = bytes(b), 0, len(b)
        else:
            raise DamagedPickleError("_load_from_bytes of something that is not bytes")
        obj = self.legacy(data_buf, start, end)
        if not isinstance(obj, StorageRef):
            raise PickleBoundsError("_load_from_bytes of data that is not a single storage")
        return obj

    def legacy(self, buf: Any, start: int, end: int) -> Any:
        """A legacy (non-zip) torch.save stream at ``buf[start:end]``: magic, version, sys info, object, keys, data.

    The sections are read in file order in one function, each bounded before the next."""
        m = self.machine(buf)
        head = self._legacy_head
        if head is not None and buf[start:start + len(head[0])] == head[0]:
            pos, big = start + len(head[0]), head[1]   # the same three header pickles as the last stream
        else:
            magic, pos = m.load(start, end)
            if magic != LEGACY_MAGIC:
                raise DamagedPickleError("a legacy torch stream without its magic number")
            version, pos = m.load(pos, end)
            if version != LEGACY_PROTOCOL:
                raise DamagedPickleError(f"a legacy torch stream of protocol {str(version)[:20]}")
            sys_info, pos = m.load(pos, end)
            big = isinstance(sys_info, dict) and sys_info.get("little_endian") is False
            if pos - start <= 1024:
                self._legacy_head = (bytes(buf[start:pos]), big)
        pending: dict[str, list[Any]] = {}   # root key -> [dtype, numel, {(element offset, numel): StorageRef}]

        def pid(saved: Any) -> StorageRef:
            if not isinstance(saved, tuple) or not saved:
                raise DamagedPickleError("a persistent id that is not a tuple")
            kind = saved[0].decode("ascii", "replace") if isinstance(saved[0], bytes) else saved[0]
            if kind == "module":
                raise UnsafePickleError("a pickled torch.nn.Module (a whole model object)")
            if kind != "storage" or len(saved) != 6:
                raise DamagedPickleError("an unknown persistent id")
            stype, root, _location, numel, view = saved[1:]
            dtype = _storage_dtype(stype)
            if not isinstance(root, str) or type(numel) is not int or numel < 0:
                raise DamagedPickleError("a storage id with bad fields")
            entry = pending.setdefault(root, [dtype, numel, {}])
            if entry[0] != dtype or entry[1] != numel:
                raise DamagedPickleError("one storage declared with two different sizes")
            offset, count = 0, numel
            if view is not None:
                if (not isinstance(view, tuple) or len(view) != 3 or type(view[1]) is not int
                        or type(view[2]) is not int or view[1] < 0 or view[2] < 0 or view[1] + view[2] > numel):
                    raise DamagedPickleError("a storage view outside its storage")
                offset, count = view[1], view[2]
            ref = entry[2].get((offset, count))
            if ref is None:
                ref = entry[2][(offset, count)] = StorageRef(dtype, count, None, None, big)
            return ref

        obj, pos = self.machine(buf, pid).load(pos, end)
        keys, pos = m.load(pos, end)
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys) or len(set(keys)) != len(keys):
            raise DamagedPickleError("a legacy torch stream with a bad storage list")
        if set(keys) != set(pending):
            raise DamagedPickleError("a legacy torch stream whose storages and data do not match")
        for key in keys:
            dtype, numel, refs = pending[key]
            size = itemsize(dtype)
            if pos + 8 > end:
                raise DamagedPickleError("a legacy torch stream that ends before its tensor data (truncated)")
            (stored,) = struct.unpack(">q" if big else "<q", bytes(buf[pos:pos + 8]))
            pos += 8
            if stored != numel or pos + numel * size > end:
                raise DamagedPickleError("a legacy torch stream whose tensor data is cut or mis-sized")
            for (offset, count), ref in refs.items():
                at = pos + offset * size
                if buf is self.mm:
                    real = self.file_storage(at, dtype, count, big)
                    ref.offset = real.offset
                else:
                    ref.blob = bytes(buf[at:at + count * size])
                    self.budget.add_blob(len(ref.blob))
                    ref.offset = 0
            pos += numel * size
        return obj

    def torch_zip(self, fh: BinaryIO) -> Any:
        """A torch.save zip archive: ``<root>/data.pkl`` with storages in ``<root>/data/<key>``."""
        try:
            zf = zipfile.ZipFile(fh)
            infos = zf.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, struct.error, NotImplementedError):
            raise ReadError(message("ckpt.zip_damaged")) from None
        pkl = [i for i in infos if i.filename.endswith("data.pkl") and i.filename.count("/") == 1]
        if not pkl:
            raise ReadError(message("ckpt.zip_no_data"))
        root = pkl[0].filename.split("/")[0]
        by_name = {i.filename: i for i in infos}
        big = False
        if f"{root}/byteorder" in by_name:
            big = self._entry_bytes(zf, by_name[f"{root}/byteorder"], 16).strip() == b"big"
        info = pkl[0]
        if info.compress_type == zipfile.ZIP_STORED:
            buf, start, end = self.mm, self._stored_offset(info), None
            end = start + info.file_size
        else:
            buf = self._entry_bytes(zf, info, info.file_size)
            start, end = 0, len(buf)
        storages: dict[str, StorageRef] = {}

        def pid(saved: Any) -> StorageRef:
            if not isinstance(saved, tuple) or len(saved) != 5 or saved[0] not in ("storage", b"storage"):
                raise DamagedPickleError("an unknown persistent id")
            stype, key, _location, numel = saved[1:]
            dtype = _storage_dtype(stype)
            if not isinstance(key, str) or type(numel) is not int or numel < 0:
                raise DamagedPickleError("a storage id with bad fields")
            ref = storages.get(key)
            if ref is not None:
                if ref.dtype != dtype or ref.numel != numel:
                    raise DamagedPickleError("one storage declared with two different sizes")
                return ref
            entry = by_name.get(f"{root}/data/{key}")
            if entry is None:
                raise ReadError(message("ckpt.torch_storage_missing", key=key[:40]))
            nbytes = numel * itemsize(dtype)
            if entry.file_size != nbytes:
                raise DamagedPickleError(f"storage {key[:40]} holds {entry.file_size:,} bytes, not {nbytes:,}")
            if entry.compress_type == zipfile.ZIP_STORED:
                ref = self.file_storage(self._stored_offset(entry), dtype, numel, big)
            else:
                ref = StorageRef(dtype, numel, 0, self._entry_bytes(zf, entry, nbytes), big)
            storages[key] = ref
            return ref

        obj, _ = self.machine(buf, pid).load(start, end)
        return obj

    def _stored_offset(self, info: zipfile.ZipInfo) -> int:
        """Where an uncompressed entry's bytes start in the file (after its local header)."""
        if info.compress_size != info.file_size:
            raise ReadError(message("ckpt.zip_damaged"))
        return self._data_start(info)

    def _data_start(self, info: zipfile.ZipInfo) -> int:
        """Where an entry's stored (possibly compressed) bytes start; all ``compress_size`` of them must be here."""
        h = info.header_offset
        head = bytes(self.mm[h:h + 30])
        if len(head) != 30 or head[:4] != b"PK\x03\x04":
            raise ReadError(message("ckpt.zip_damaged"))
        n, m = struct.unpack("<HH", head[26:30])
        start = h + 30 + n + m
        if start + info.compress_size > self.size:
            raise ReadError(message("ckpt.zip_damaged"))
        return start

    def _entry_bytes(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, expected: int) -> bytes:
        """A compressed entry inflated to at most ``expected`` bytes (a deflate bomb stops there)."""
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ReadError(message("ckpt.zip_compression"))
        if info.file_size > expected:
            raise PickleBoundsError(f"a zip entry that claims {info.file_size:,} bytes")
        if info.compress_type == zipfile.ZIP_STORED:
            start = self._stored_offset(info)
            return bytes(self.mm[start:start + info.file_size])
        self.budget.add_blob(info.file_size)
        start = self._data_start(info)
        raw = self.mm[start:start + info.compress_size]
        d = zlib.decompressobj(-15)
        try:
            out = d.decompress(raw, expected + 1)
        except zlib.error:
            raise ReadError(message("ckpt.zip_damaged")) from None
        if len(out) != info.file_size:
            raise PickleBoundsError(f"a zip entry that inflates beyond its stated {info.file_size:,} bytes")
        return out


def _storage_dtype(stype: Any) -> str:
    if not isinstance(stype, Admitted):
        raise DamagedPickleError("a storage of an unknown type")
    refused = getattr(stype, "refused", None)
    if refused:
        raise PickleBoundsError(refused)
    dtype = getattr(stype, "dtype", None)
    if dtype is None:
        raise DamagedPickleError(f"a storage of type {stype.name}")
    return dtype



def read_file(path: str, kind: str) -> tuple[dict[str, Any], bytes]:
    """Read ``path`` (sniffed as ``kind``: 'pickle', 'legacy' or 'zip') into the hand-back message and its blob."""
    fd, st = open_regular(path)
    with os.fdopen(fd, "rb") as fh:
        if st.st_size == 0:
            raise ReadError(message("file.empty"))
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            reader = Reader(mm, st.st_size)
            if kind == "pickle":
                obj = reader.plain_pickle()
            elif kind == "legacy":
                obj = reader.legacy(mm, 0, st.st_size)
            elif kind == "zip":
                obj = reader.torch_zip(fh)
            else:
                raise ReadError(message("ckpt.unknown_kind", kind=kind))
            enc = Encoder()
            tree = enc.encode(obj)
            return {"tree": tree, "storages": enc.storages, "identity": identity(st)}, b"".join(enc.blobs)
        finally:
            mm.close()  # records hold offsets and copies, never views of the mapping
