"""A pickle interpreter that never calls code from the file: globals become inert records.

Python's unpickler imports and calls whatever a pickle names. This one runs the same
opcodes (:func:`~ganexplorer.core.formats.prescan.iter_ops`, after :func:`prescan` has
bounded the structure) but looks every global up in a table the caller gives; an entry
is a :class:`Admitted` whose ``call``/``new``/``build`` are ours (build a plain dict, a
tensor *description*, a record of NVIDIA's persistent object), never the named function.
A global not in the table raises :class:`UnsafePickleError` naming it, before anything
is called. BUILD is applied only to our own records and plain dicts, so no foreign
``__setstate__`` ever runs (a numpy dtype's state, for one, is checked, not applied).

Stdlib only (it runs in the isolated reader process and for CIFAR batches in-process).
"""

from __future__ import annotations

from typing import Any, Callable

from ganexplorer.core.formats.errors import DamagedPickleError, PickleBoundsError, UnsafePickleError
from ganexplorer.core.formats.prescan import FileBytes, iter_ops, prescan

_PY2_MODULES = {"__builtin__": "builtins", "copy_reg": "copyreg"}


class Admitted:
    """What an admitted global does when a pickle calls it (REDUCE), instantiates it (NEWOBJ/OBJ) or BUILDs."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, name: str, call: Callable[..., Any] | None = None, new: Callable[..., Any] | None = None):
        self.name, self._call, self._new = name, call, new

    def call(self, *args: Any) -> Any:
        if self._call is None:
            raise DamagedPickleError(f"{self.name} is called, which it never is in a checkpoint")
        try:
            return self._call(*args)
        except (TypeError, ValueError) as e:
            if isinstance(e, (PickleBoundsError, DamagedPickleError)):
                raise
            raise DamagedPickleError(f"{self.name} called with unexpected arguments") from None

    def new(self, *args: Any) -> Any:
        if self._new is None:
            return self.call(*args)
        return self._new(*args)

    def __repr__(self) -> str:
        return f"<admitted {self.name}>"


class Machine:
    """Runs one pickle (``load``) over ``buf``, a bytes-like object or an mmap of the file.

    ``globals``: (module, name) -> :class:`Admitted`; ``persistent_load``: pid -> object
    (None refuses persistent ids); ``encoding``: for Python 2 ``str`` opcodes ('bytes' keeps bytes);
    ``lazy_bytes``: large byte strings come back as :class:`FileBytes` spans of ``buf``.
    """

    def __init__(self, buf: Any, globals: dict[tuple[str, str], Admitted], *,
                 persistent_load: Callable[[Any], Any] | None = None, encoding: str = "latin1",
                 lazy_bytes: bool = False) -> None:
        self.buf, self.globals, self.persistent_load = buf, globals, persistent_load
        self.encoding, self.lazy_bytes = encoding, lazy_bytes

    def find_global(self, module: str, name: str) -> Admitted:
        module = _PY2_MODULES.get(module, module)
        adm = self.globals.get((module, name))
        if adm is None:
            raise UnsafePickleError(f"{module}.{name}")
        return adm

    def refuse_named_globals(self, start: int = 0, end: int | None = None) -> int:
        """Pre-scan ``buf[start:end]``; refuse the first global outside the table by name. Returns the STOP offset."""
        summary = prescan(self.buf, start, end)
        for module, name in summary.globals:
            self.find_global(module, name)
        if summary.uses_persistent_ids and self.persistent_load is None:
            raise UnsafePickleError("a persistent id (torch.save data outside a torch file)")
        return summary.stop

    def load(self, start: int = 0, end: int | None = None) -> tuple[Any, int]:
        """(object, offset past STOP) of the pickle at ``buf[start:end]``, pre-scanned first."""
        stop = self.refuse_named_globals(start, end)
        try:
            return self._run(start, stop), stop
        except (IndexError, KeyError):   # the pre-scan checks the stack; this is the second line of defence
            raise DamagedPickleError("opcodes that do not fit together") from None
        except TypeError as e:           # e.g. a list used as a dict key
            raise DamagedPickleError(f"an impossible value ({str(e)[:80]})") from None

    def _string(self, raw: bytes) -> Any:
        if self.encoding == "bytes":
            return raw
        try:
            return raw.decode(self.encoding, "strict")
        except UnicodeDecodeError:
            raise DamagedPickleError(f"a string that is not {self.encoding} text") from None

    def _run(self, start: int, end: int) -> Any:
        """Execute the pickle's opcodes on inert values and return what STOP leaves.

        Long on purpose: one branch per opcode in one loop, as in CPython's ``pickle.py``, so each branch
        can be read against the protocol and no opcode pays for a method call.
        """
        stack: list[Any] = []
        metastack: list[list[Any]] = []
        memo: dict[int, Any] = {}

        def pop_mark() -> list[Any]:
            nonlocal stack
            if not metastack:
                raise DamagedPickleError("a MARK-less collection")
            items, stack = stack, metastack.pop()
            return items

        for op, arg, _at in iter_ops(self.buf, start, end, lazy_bytes=self.lazy_bytes):
            c = chr(op)
            if c in "IJKMLFGXVBC" or op in (0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x96):
                stack.append(arg)   # numbers, text, bytes: decoded (and bounded) by iter_ops
            elif c in "STU":
                stack.append(self._string(arg))
            elif c == "N":
                stack.append(None)
            elif op == 0x88:
                stack.append(True)
            elif op == 0x89:
                stack.append(False)
            elif c == "(":
                metastack.append(stack)
                stack = []
            elif c == "]":
                stack.append([])
            elif c == "}":
                stack.append({})
            elif op == 0x8F:
                stack.append(set())
            elif c == ")":
                stack.append(())
            elif c == "t":
                items = pop_mark()  # (pop_mark rebinds ``stack``: never inside ``stack.append(...)``)
                stack.append(tuple(items))
            elif op in (0x85, 0x86, 0x87):
                n = op - 0x84
                if len(stack) < n:
                    raise DamagedPickleError("a stack underflow")
                top = tuple(stack[-n:])
                del stack[-n:]
                stack.append(top)
            elif c == "l":
                items = pop_mark()
                stack.append(items)
            elif c == "d":
                items = pop_mark()
                d = {}
                for i in range(0, len(items) - 1, 2):
                    d[items[i]] = items[i + 1]
                stack.append(d)
            elif op == 0x91:
                items = pop_mark()
                stack.append(frozenset(items))
            elif c == "a":
                value = stack.pop()
                _append(stack[-1], [value])
            elif c == "e":
                items = pop_mark()
                _append(stack[-1], items)
            elif c == "s":
                value = stack.pop()
                key = stack.pop()
                _setitems(stack[-1], [key, value])
            elif c == "u":
                items = pop_mark()
                _setitems(stack[-1], items)
            elif op == 0x90:
                items = pop_mark()
                target = stack[-1]
                if not isinstance(target, set):
                    raise DamagedPickleError("ADDITEMS on something that is not a set")
                target.update(items)
            elif c == "0":
                if stack:
                    stack.pop()
                else:
                    pop_mark()
            elif c == "1":
                pop_mark()
            elif c == "2":
                stack.append(stack[-1])
            elif c in "ghj":
                stack.append(memo[arg])
            elif c in "pqr":
                memo[arg] = stack[-1]
            elif op == 0x94:
                memo[len(memo)] = stack[-1]
            elif c == "c":
                stack.append(self.find_global(*arg))
            elif op == 0x93:
                name = stack.pop()
                module = stack.pop()
                if type(name) is not str or type(module) is not str:
                    raise DamagedPickleError("STACK_GLOBAL with names that are not text")
                stack.append(self.find_global(module, name))
            elif c == "R":
                args = stack.pop()
                func = stack.pop()
                if not isinstance(func, Admitted) or not isinstance(args, tuple):
                    raise DamagedPickleError("a call of something that is not callable")
                stack.append(func.call(*args))
            elif op == 0x81:
                args = stack.pop()
                cls = stack.pop()
                if not isinstance(cls, Admitted) or not isinstance(args, tuple):
                    raise DamagedPickleError("NEWOBJ of something that is not a class")
                stack.append(cls.new(*args))
            elif op == 0x92:
                kwargs = stack.pop()
                args = stack.pop()
                cls = stack.pop()
                if not isinstance(cls, Admitted) or not isinstance(args, tuple) or kwargs:
                    raise DamagedPickleError("NEWOBJ_EX of something that is not a class")
                stack.append(cls.new(*args))
            elif c == "i":
                cls = self.find_global(*arg)
                items = pop_mark()
                stack.append(cls.call(*items))
            elif c == "o":
                items = pop_mark()
                if not items or not isinstance(items[0], Admitted):
                    raise DamagedPickleError("OBJ of something that is not a class")
                stack.append(items[0].call(*items[1:]))
            elif c == "b":
                state = stack.pop()
                _build(stack[-1], state)
            elif c in "PQ":
                pid = arg if c == "P" else stack.pop()
                if self.persistent_load is None:
                    raise UnsafePickleError("a persistent id (torch.save data outside a torch file)")
                stack.append(self.persistent_load(pid))
            elif op in (0x80, 0x95):
                pass  # PROTO, FRAME: nothing to do (lengths were checked)
            elif c == ".":
                return stack.pop()
            else:
                raise DamagedPickleError(f"an opcode 0x{op:02x} that checkpoints never use")
        raise DamagedPickleError("no STOP")  # pragma: no cover - iter_ops raises first


def _append(target: Any, items: list[Any]) -> None:
    if isinstance(target, list):
        target.extend(items)
    elif isinstance(target, set):
        target.update(items)
    else:
        raise DamagedPickleError(f"APPEND to a {type(target).__name__}")


def _setitems(target: Any, items: list[Any]) -> None:
    if not isinstance(target, dict):
        raise DamagedPickleError(f"SETITEM on a {type(target).__name__}")
    for i in range(0, len(items) - 1, 2):
        target[items[i]] = items[i + 1]


class AttributeDict(dict):
    """A dict standing for an object whose attributes are its data (``argparse.Namespace``): BUILD fills it."""


def _build(obj: Any, state: Any) -> None:
    """BUILD: our records check their own state; a dict's state is its instance attributes.

    For an :class:`AttributeDict` those are the data; for any other dict (an OrderedDict's
    ``_metadata``, an EasyDict's ``__dict__``) they are dropped.
    """
    build = getattr(obj, "build_state", None)
    if build is not None:
        build(state)
        return
    if isinstance(obj, dict):
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        for part in (state, slotstate):
            if part is None:
                continue
            if not isinstance(part, dict):
                raise DamagedPickleError("a BUILD state that is not a dict")
            if isinstance(obj, AttributeDict):
                obj.update(part)
        return
    raise DamagedPickleError(f"a BUILD on a {type(obj).__name__}, which checkpoints never do")


def leaf_bytes(buf: Any, value: Any) -> bytes:
    """The bytes of ``value`` (bytes, bytearray or a :class:`FileBytes` span of ``buf``)."""
    if isinstance(value, FileBytes):
        return bytes(buf[value.offset:value.offset + value.length])
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    raise DamagedPickleError(f"{type(value).__name__} where bytes were expected")
