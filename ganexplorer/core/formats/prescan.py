"""Opcode pre-scan: a pickle's structure is bounded before anything in it is built.

A pickle is a program for a stack machine, and a few hundred bytes of it can ask for
absurd work: a tuple nested a million deep (CPython's ``hash`` then recurses until the C
stack overflows), memo-shared tuples forming a DAG whose hash walks 2^64 paths, a memo
index of 2^28 (the C unpickler grows its memo array to match), or a length field
promising gigabytes the file does not hold. :func:`iter_ops` decodes opcodes with every
declared length checked against the bytes that are really there; :func:`prescan`
simulates the stack (depth and hash cost of every tuple/frozenset, exactly, because they
are immutable) and refuses, with a sentence, anything beyond :data:`MAX_DEPTH`,
:data:`MAX_HASH_COST`, :data:`MAX_OPS` or a memo index beyond the file's size. It also
lists the globals the pickle names, so a refusal can name them before anything runs.

Stdlib only: this runs in the isolated reader process. Large byte strings inside a file
are not copied: with ``lazy_bytes`` they come back as :class:`FileBytes` (offset, length).
"""

from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass, field
from typing import Any, Iterator

from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError

MAX_DEPTH = 100             # nesting of containers; real checkpoints stay below ~25
MAX_HASH_COST = 100_000     # elements hashing one tuple/frozenset visits (shared parts counted each time)
MAX_OPS = 2_000_000         # opcodes in one pickle (a 200 MB StyleGAN2 pickle has ~20,000)
MAX_LONG_BYTES = 64         # a 512-bit integer; checkpoints hold no larger numbers
MAX_TEXT_NUMBER = 100       # characters of a protocol-0 number
MAX_LINE = 1 << 20          # a protocol-0 text line
LAZY_BYTES = 4096           # byte strings at least this long stay in the file (FileBytes)


@dataclass(frozen=True)
class FileBytes:
    """A byte string of the scanned buffer left where it is: ``length`` bytes at ``offset``."""

    offset: int
    length: int

    __hash__ = None  # type: ignore[assignment]  # never a dict key: it is not the bytes themselves


@dataclass
class ScanSummary:
    ops: int = 0
    stop: int = 0                                   # offset just past STOP
    protocol: int = 0
    globals: list[tuple[str, str]] = field(default_factory=list)   # in order of appearance, unique
    uses_persistent_ids: bool = False


def _u(data: Any, fmt: str) -> int:
    return struct.unpack(fmt, data)[0]


def _line(buf: Any, pos: int, end: int) -> tuple[bytes, int]:
    nl = buf.find(b"\n", pos, min(end, pos + MAX_LINE))
    if nl < 0:
        raise DamagedPickleError(f"an unterminated text line at byte {pos}")
    return bytes(buf[pos:nl]), nl + 1


def _text_int(raw: bytes, pos: int) -> int:
    if len(raw) > MAX_TEXT_NUMBER:
        raise PickleBoundsError(f"a {len(raw)}-digit number at byte {pos}")
    try:
        return int(raw.rstrip(b"L") or b"x", 10)
    except ValueError:
        raise DamagedPickleError(f"a malformed number at byte {pos}") from None


_LEN_FMT = {  # opcode -> (length field size, struct format, kind)
    ord("T"): (4, "<i", "string"), ord("U"): (1, "<B", "string"),
    ord("B"): (4, "<I", "bytes"), ord("C"): (1, "<B", "bytes"), 0x8E: (8, "<Q", "bytes"), 0x96: (8, "<Q", "bytes"),
    ord("X"): (4, "<I", "unicode"), 0x8C: (1, "<B", "unicode"), 0x8D: (8, "<Q", "unicode"),
    0x8A: (1, "<B", "long"), 0x8B: (4, "<i", "long"),
}
_FIXED = {  # opcode -> (size, struct format)
    ord("J"): (4, "<i"), ord("K"): (1, "<B"), ord("M"): (2, "<H"), ord("h"): (1, "<B"), ord("j"): (4, "<I"),
    ord("q"): (1, "<B"), ord("r"): (4, "<I"), 0x82: (1, "<B"), 0x83: (2, "<H"), 0x84: (4, "<i"),
    0x80: (1, "<B"), 0x95: (8, "<Q"), ord("G"): (8, ">d"),
}
_NO_ARG = set(b"N\x88\x89\x97\x98]aelt)\x85\x86\x87}dsu\x8f\x90\x91012(\x94\x93Rbo\x81\x92.Q")
_TEXT = set(b"ILFSVgpPci")


def iter_ops(buf: Any, start: int = 0, end: int | None = None, *,
             lazy_bytes: bool = False) -> Iterator[tuple[int, Any, int]]:
    """(opcode, decoded argument, offset) for each opcode of the pickle at ``buf[start:end]``, through STOP.

    Every length is checked against the bytes present before anything is read. Text strings
    come back as ``str``; BINSTRING-family strings as raw ``bytes`` (the reader picks the
    encoding); byte strings of :data:`LAZY_BYTES` or more as :class:`FileBytes` when ``lazy_bytes``.
    One loop with a decoder per argument kind (long on purpose: the length checks sit next to the reads).
    """
    end = len(buf) if end is None else end
    pos = start
    while True:
        if pos >= end:
            raise DamagedPickleError("it ends before its STOP opcode (truncated)")
        op = buf[pos]
        at = pos
        pos += 1
        if op in _NO_ARG:
            yield op, None, at
            if op == 0x2E:  # STOP
                return
            continue
        fixed = _FIXED.get(op)
        if fixed is not None:
            n, fmt = fixed
            if pos + n > end:
                raise DamagedPickleError(f"it ends inside an opcode at byte {at} (truncated)")
            arg: Any = buf[pos] if fmt == "<B" else _u(buf[pos:pos + n], fmt)
            pos += n
            if op == 0x95 and arg > end - pos:  # FRAME
                raise DamagedPickleError(f"a frame of {arg:,} bytes where {end - pos:,} remain")
            yield op, arg, at
            continue
        spec = _LEN_FMT.get(op)
        if spec is not None:
            n, fmt, kind = spec
            if pos + n > end:
                raise DamagedPickleError(f"it ends inside an opcode at byte {at} (truncated)")
            length = _u(buf[pos:pos + n], fmt)
            pos += n
            if length < 0:
                raise DamagedPickleError(f"a negative length at byte {at}")
            if length > end - pos:  # never read: a truncated file, or a length that no file could back
                raise DamagedPickleError(f"a length of {length:,} bytes at byte {at} where only {end - pos:,} remain")
            if kind == "long":
                if length > MAX_LONG_BYTES:
                    raise PickleBoundsError(f"a {length * 8:,}-bit integer at byte {at}")
                arg = int.from_bytes(buf[pos:pos + length], "little", signed=True)
            elif kind == "unicode":
                try:
                    arg = bytes(buf[pos:pos + length]).decode("utf-8", "surrogatepass")
                except UnicodeDecodeError:
                    raise DamagedPickleError(f"malformed UTF-8 text at byte {at}") from None
            elif kind == "bytes" and lazy_bytes and length >= LAZY_BYTES:
                arg = FileBytes(pos, length)
            else:
                arg = bytes(buf[pos:pos + length])
            pos += length
            yield op, arg, at
            continue
        if op in _TEXT:
            raw, pos = _line(buf, pos, end)
            if op == ord("I"):
                arg = {b"01": True, b"00": False}.get(raw)
                if arg is None:
                    arg = _text_int(raw, at)
            elif op == ord("L") or op in (ord("g"), ord("p")):
                arg = _text_int(raw, at)
            elif op == ord("F"):
                if len(raw) > MAX_TEXT_NUMBER:
                    raise PickleBoundsError(f"a {len(raw)}-character number at byte {at}")
                try:
                    arg = float(raw)
                except ValueError:
                    raise DamagedPickleError(f"a malformed float at byte {at}") from None
            elif op == ord("S"):
                if len(raw) < 2 or raw[:1] != raw[-1:] or raw[:1] not in (b"'", b'"'):
                    raise DamagedPickleError(f"an unquoted string at byte {at}")
                try:
                    arg = codecs.escape_decode(raw[1:-1])[0]
                except ValueError:
                    raise DamagedPickleError(f"a malformed string at byte {at}") from None
            elif op == ord("V"):
                arg = raw.decode("raw-unicode-escape", "replace")
            elif op == ord("P"):
                arg = raw.decode("ascii", "replace")
            else:  # GLOBAL, INST: two lines
                name, pos = _line(buf, pos, end)
                arg = (raw.decode("utf-8", "replace"), name.decode("utf-8", "replace"))
            yield op, arg, at
            continue
        raise DamagedPickleError(f"an unknown opcode 0x{op:02x} at byte {at}")


# Stack entries: (depth, hash cost, string or None, is tuple/frozenset); MARK is None.
_STR_OPS = {ord("X"), 0x8C, 0x8D, ord("V")}


def prescan(buf: Any, start: int = 0, end: int | None = None) -> ScanSummary:
    """Check the structure of the pickle at ``buf[start:end]`` (see module docstring) without building it.

    Raises :class:`PickleBoundsError` for a hostile shape, :class:`DamagedPickleError` for nonsense.
    Long on purpose: one loop with a branch per opcode family, so every bound is checked where the
    opcode's effect on the stack is (the same reason ``iter_ops`` is one loop).
    """
    end = len(buf) if end is None else end
    size = end - start
    stack: list[Any] = []
    memo: dict[int, Any] = {}
    out = ScanSummary()
    seen_globals: set[tuple[str, str]] = set()
    scalar = (0, 1, None, False)

    def pop_mark() -> list[Any]:
        items: list[Any] = []
        while stack:
            e = stack.pop()
            if e is None:
                return items
            items.append(e)
        raise DamagedPickleError("a MARK-less collection (stack underflow)")

    def pop() -> Any:
        if not stack or stack[-1] is None:
            raise DamagedPickleError("a stack underflow")
        return stack.pop()

    def container(items: list[Any], hashable: bool) -> tuple:
        depth = 1 + max((e[0] for e in items), default=0)
        if depth > MAX_DEPTH:
            raise PickleBoundsError(f"containers nested {depth} levels deep (more than {MAX_DEPTH})")
        cost = 1 + sum(e[1] if e[3] else 1 for e in items) if hashable else 1
        if cost > MAX_HASH_COST:
            raise PickleBoundsError(f"a tuple whose hash visits more than {MAX_HASH_COST:,} elements "
                                    "(shared references repeated)")
        return (depth, cost, None, hashable)

    def grow(items: list[Any]) -> None:
        """APPEND/SETITEM/...: items go into the container now on top of the stack."""
        if not stack or stack[-1] is None:
            raise DamagedPickleError("a stack underflow")
        top = stack[-1]
        depth = max(top[0], 1 + max((e[0] for e in items), default=0))
        if depth > MAX_DEPTH:
            raise PickleBoundsError(f"containers nested {depth} levels deep (more than {MAX_DEPTH})")
        stack[-1] = (depth, top[1], None, top[3])

    def remember(i: int) -> None:
        if i < 0 or i > size:
            raise PickleBoundsError(f"a memo index of {i:,} in a pickle of {size:,} bytes")
        if not stack or stack[-1] is None:
            raise DamagedPickleError("a memo store with nothing to store")
        memo[i] = stack[-1]

    for op, arg, at in iter_ops(buf, start, end):
        out.ops += 1
        if out.ops > MAX_OPS:
            raise PickleBoundsError(f"more than {MAX_OPS:,} opcodes")
        c = chr(op)
        if op in _STR_OPS:
            stack.append((0, 1, arg if len(arg) <= 256 else None, False))
        elif c in "IJKMLFSTUBCGN" or op in (0x8A, 0x8B, 0x8E, 0x96, 0x88, 0x89):
            stack.append(scalar)
        elif c == "(":
            if len(stack) > MAX_OPS:
                raise PickleBoundsError("too many open MARKs")
            stack.append(None)
        elif c in "]}" or op == 0x8F:
            stack.append((1, 1, None, False))
        elif c == ")":
            stack.append((1, 1, None, True))
        elif c == "t":
            stack.append(container(pop_mark(), True))
        elif op in (0x85, 0x86, 0x87):
            stack.append(container([pop() for _ in range(op - 0x84)], True))
        elif op == 0x91:  # FROZENSET
            stack.append(container(pop_mark(), True))
        elif c in "ld":
            stack.append(container(pop_mark(), False))
        elif c == "a":
            grow([pop()])
        elif c in "eu" or op == 0x90:
            grow(pop_mark())
        elif c == "s":
            grow([pop(), pop()])
        elif c == "0":  # POP: an item, or a MARK left on top
            if not stack:
                raise DamagedPickleError("a stack underflow")
            stack.pop()
        elif c == "1":
            pop_mark()
        elif c == "2":
            if not stack or stack[-1] is None:
                raise DamagedPickleError("a stack underflow")
            stack.append(stack[-1])
        elif c in "ghj":
            if arg not in memo:
                raise DamagedPickleError(f"a memo lookup of an unknown index at byte {at}")
            stack.append(memo[arg])
        elif c in "pqr":
            remember(arg)
        elif op == 0x94:  # MEMOIZE
            remember(len(memo))
        elif c == "c":
            _note_global(out, seen_globals, arg)
            stack.append(scalar)
        elif op == 0x93:  # STACK_GLOBAL
            name, module = pop(), pop()
            if module[2] is not None and name[2] is not None:   # names built some other way: checked when run
                _note_global(out, seen_globals, (module[2], name[2]))
            stack.append(scalar)
        elif c == "i":  # INST
            _note_global(out, seen_globals, arg)
            pop_mark()
            stack.append(scalar)
        elif c == "o":  # OBJ
            if not pop_mark():
                raise DamagedPickleError("an OBJ without a class")
            stack.append(scalar)
        elif c == "R":
            pop(), pop()
            stack.append(scalar)
        elif c == "b":  # BUILD: the state goes into the object below it
            grow([pop()])
        elif op == 0x81:  # NEWOBJ
            pop(), pop()
            stack.append(scalar)
        elif op == 0x92:  # NEWOBJ_EX
            pop(), pop(), pop()
            stack.append(scalar)
        elif c == "P":
            out.uses_persistent_ids = True
            stack.append(scalar)
        elif c == "Q":
            out.uses_persistent_ids = True
            pop()
            stack.append(scalar)
        elif op == 0x80:
            if arg > 5:
                raise DamagedPickleError(f"an unknown pickle protocol {arg}")
            out.protocol = arg
        elif op == 0x95:
            pass  # FRAME: its length was checked against the bytes present
        elif op in (0x82, 0x83, 0x84):
            raise PickleBoundsError("an extension-registry code (EXT opcode), which checkpoints never use")
        elif op in (0x97, 0x98):
            raise PickleBoundsError("out-of-band buffers (protocol 5 NEXT_BUFFER), which checkpoints never use")
        elif c == ".":
            if not stack or stack[-1] is None:
                raise DamagedPickleError("a STOP with a malformed stack")
            out.stop = at + 1
            return out
        else:  # pragma: no cover - every opcode iter_ops yields is handled above
            raise DamagedPickleError(f"an unhandled opcode 0x{op:02x}")
    raise DamagedPickleError("no STOP")  # pragma: no cover - iter_ops raises first


def _note_global(out: ScanSummary, seen: set, pair: tuple[str, str]) -> None:
    if pair not in seen and len(seen) < 1000:
        seen.add(pair)
        out.globals.append(pair)
