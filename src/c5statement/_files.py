"""Writing files whole or not at all: the one atomic writer of the package.

:func:`c5statement.dump` and ``c5statement parse -o`` both write through
:func:`write_atomic`: the data goes to a temporary file beside the target
(``.NAME.c5statement-*.tmp``), which is flushed and synced to disk, then renamed
over the target; the folder is synced too, so that the rename survives a crash.
Any failure removes the temporary file and leaves the target as it was.

Permissions follow one rule, that of any program writing a file: a file that
is replaced keeps its permissions; a new file gets ``0o666`` less the umask.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


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


def write_atomic(path: str | os.PathLike[str], data: bytes, *, replace: bool = True) -> None:
    r"""Write *data* to *path* atomically: whole, or not at all.

    Args:
        path: The file to write.
        data: Its new content.
        replace: Whether an existing file may be replaced. Without it, a file
            that exists, or appears while writing, raises
            :class:`FileExistsError` and is left alone.

    Raises:
        OSError: If the file cannot be written; the target is left as it was.

    Example:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.json"
        >>> write_atomic(target, b"{}\n")
        >>> target.read_bytes(), [path.name for path in target.parent.iterdir()]
        (b'{}\n', ['out.json'])
    """
    target = Path(path)
    folder = target.parent
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.c5statement-", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
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
