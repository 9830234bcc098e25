"""A run's files in its scratch folder: writing the program's files in (owned by the run's uid) and
collecting result files out, each opened without following links and only if it is a plain file with
one link and under the size cap."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path


def write_files(root: Path, files: Mapping[str, str | bytes], uid: int) -> None:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode() if isinstance(content, str) else content
        target.write_bytes(data)
    for path in [root, *root.rglob("*")]:
        os.lchown(path, uid, uid)


def collect(root: Path, names: Sequence[str], cap: int) -> tuple[dict[str, bytes], list[str]]:
    """(contents of the result files that pass, one note per file that was refused or missing)."""
    outputs: dict[str, bytes] = {}
    notes: list[str] = []
    for name in names:
        try:
            fd = _open_beneath(root, name)
        except FileNotFoundError:
            notes.append(f"{name}: not produced")
            continue
        except OSError as exc:
            notes.append(f"{name}: refused ({exc.strerror or exc})")
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                notes.append(f"{name}: refused (not a regular file)")
            elif info.st_nlink != 1:
                notes.append(f"{name}: refused (hard-linked)")
            elif info.st_size > cap:
                notes.append(f"{name}: refused (larger than {cap:,} bytes)")
            else:
                data = os.read(fd, cap + 1)
                if len(data) > cap:
                    notes.append(f"{name}: refused (larger than {cap:,} bytes)")
                else:
                    outputs[name] = data
        finally:
            os.close(fd)
    return outputs, notes


def _open_beneath(root: Path, name: str) -> int:
    """Open root/name refusing a symlink at every step (O_NOFOLLOW per component)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        parts = Path(name).parts
        for part in parts[:-1]:
            next_fd = os.open(part, flags | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
        return os.open(parts[-1], flags, dir_fd=fd)
    finally:
        os.close(fd)
