"""Reading files within bounds, and writing them whole or not at all: the one atomic writer of the package.

:func:`read_limited` reads a regular file of bounded size for
:func:`c5statement.load` and the command line: a FIFO, a device or a socket is
refused at once (reading one could wait forever), and a file larger than the
limit is refused after reading one byte more than the limit.

:func:`c5statement.dump` and ``c5statement parse -o`` both write through
:func:`write_atomic`: the data goes to a temporary file beside the target
(``.NAME.c5statement-*.tmp``), which is flushed and synced to disk, then renamed
over the target; the folder is synced too, so that the rename survives a crash.
Any failure removes the temporary file and leaves the target as it was.
A symbolic link is written through (the file it points to is replaced, the
link stays); a folder, a FIFO, a device or a socket, an empty name and a name
ending with a slash are refused, never replaced (:func:`writable_target`). A
name too long to make room for the usual temporary name gets a short one,
``.c5statement-XXXXXXXX.tmp``. No descriptor stays open on any way out.
A process killed while writing (``kill -9``, a power loss) cannot remove it: a
leftover ``.NAME.c5statement-XXXXXXXX.tmp`` beside ``NAME`` is such a
temporary, never a complete file, and can be deleted.

Permissions follow one rule, that of any program writing a file: a file that
is replaced keeps its permissions; a new file gets ``0o666`` less the umask.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from ._errors import InvalidStatementError

__all__ = ["read_limited", "writable_target", "write_atomic"]

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file *path*, if it holds at most *limit* of them.

    Raises:
        InvalidStatementError: If *path* is not a regular file (a FIFO, a
            device, a socket: refused without waiting for a writer) or holds
            more than *limit* bytes.
        OSError: If the file cannot be opened or read (``IsADirectoryError``
            for a folder).

    Example:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.json"
        >>> _ = path.write_bytes(b"{}")
        >>> read_limited(path, 2)
        b'{}'
        >>> read_limited(path, 1)
        Traceback (most recent call last):
        ...
        c5statement.InvalidStatementError: invalid statement data (1 problem):
          $: too large: 2 bytes, more than 1 bytes, the most c5statement reads
    """
    # Without O_NONBLOCK, opening a FIFO that has no writer would wait for one.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:  # the descriptor is closed on every way out, a refusal included
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", os.fspath(path))
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
            reason = f"not a regular file ({kind}): c5statement reads only regular files and standard input"
            raise InvalidStatementError([("$", reason)])
        with open(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
        held = max(os.fstat(handle).st_size, len(data))  # the whole file's size, as from_json gives a text's
    finally:
        os.close(handle)
    if len(data) > limit:
        mib = limit // (1024 * 1024)
        size = f"{mib} MiB" if mib and limit % (1024 * 1024) == 0 else f"{limit} bytes"
        raise InvalidStatementError([("$", f"too large: {held} bytes, more than {size}, the most c5statement reads")])
    return data


def _new_file_mode() -> int:
    """The permissions ``open()`` would give a new file: ``0o666`` less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Sync the folder's entry list, where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _link_or_rename(temporary: Path, target: Path) -> None:
    """Give *temporary* the name *target*, raising :class:`FileExistsError` if *target* exists."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some network and FAT file systems): check, then rename
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        temporary.replace(target)


_TEMPORARY = ".c5statement-"
"""The start of the short temporary name, for a target whose name leaves no room for the usual one."""

_NAME_MAX = 255
"""The longest file name, in bytes, of common file systems: a temporary name must fit in it."""


def _temporary_prefix(target: Path) -> str:
    """``.NAME.c5statement-``, or ``.c5statement-`` when *NAME* is too long to make room (over 200 bytes)."""
    prefix = f".{target.name}{_TEMPORARY}"
    # mkstemp adds 8 characters; the suffix ".tmp" 4 more.
    return prefix if len(os.fsencode(prefix)) + 12 <= _NAME_MAX else _TEMPORARY


def writable_target(path: str | os.PathLike[str]) -> Path:
    """The file that writing to *path* writes: *path*, or the file a symbolic link at *path* points to.

    Raises:
        OSError: With a reason in plain words, if *path* is empty, ends with a
            slash, is a folder or a special file (a FIFO, a device, a socket:
            replacing one would change what the path is), or is a link in a loop.

    Example:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> (folder / "link.json").symlink_to("real.json")
        >>> writable_target(folder / "link.json").name
        'real.json'
        >>> writable_target(str(folder) + "/out.json/")
        Traceback (most recent call last):
        ...
        IsADirectoryError: [Errno 21] the name ends with a slash, so it names a folder, not a file: '.../out.json/'
    """
    name = os.fspath(path)
    if not name:
        raise FileNotFoundError(errno.ENOENT, "the file name is empty", name)
    if name.endswith(("/", os.sep, os.altsep or os.sep)):
        raise IsADirectoryError(errno.EISDIR, "the name ends with a slash, so it names a folder, not a file", name)
    target = Path(name)
    if target.is_symlink():
        with contextlib.suppress(FileNotFoundError):  # a dangling link: its target is made
            target.stat()  # a loop of links raises here
        target = Path(os.path.realpath(target))
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", name)
    if not stat.S_ISREG(mode):
        kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
        raise OSError(errno.EINVAL, f"not a regular file ({kind}): c5statement writes only regular files", name)
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes, *, replace: bool = True) -> None:
    r"""Write *data* to *path* atomically: whole, or not at all.

    A symbolic link is written through: the file it points to is replaced
    atomically (or made, for a dangling link), and the link stays. A folder, a
    FIFO, a device or a socket is never replaced: see :func:`writable_target`.

    Args:
        path: The file to write.
        data: Its new content.
        replace: Whether an existing file may be replaced. Without it, a file
            that exists (or a link, dangling or not), or appears while writing,
            raises :class:`FileExistsError` and is left alone.

    Raises:
        OSError: If the file cannot be written; the target is left as it was.

    Example:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.json"
        >>> write_atomic(target, b"{}\n")
        >>> target.read_bytes(), [path.name for path in target.parent.iterdir()]
        (b'{}\n', ['out.json'])
    """
    target = writable_target(path)
    if not replace and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "File exists", os.fspath(path))
    folder = target.parent
    handle, name = tempfile.mkstemp(dir=folder, prefix=_temporary_prefix(target), suffix=".tmp")
    temporary = Path(name)
    try:
        try:
            stream = os.fdopen(handle, "wb")
        except BaseException:
            os.close(handle)
            raise
        with stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        exists = replace and target.exists()
        temporary.chmod(target.stat().st_mode & 0o7777 if exists else _new_file_mode())
        if replace:
            temporary.replace(target)
        else:
            _link_or_rename(temporary, target)
        _sync_folder(folder)
    finally:
        # After a rename there is nothing left to remove; after a hard link, the temporary name.
        temporary.unlink(missing_ok=True)
