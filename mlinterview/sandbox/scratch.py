"""Scratch folders: the size-capped tmpfs each run works in (mounted by the helper, so result files
can be collected after the run) and the sweep that removes what a killed helper left behind."""

from __future__ import annotations

import contextlib
import ctypes
import os
import tempfile
from pathlib import Path

from mlinterview.sandbox import cgroups

SCRATCH_PREFIX = "mlinterview-scratch-"
MS_NOSUID, MS_NODEV = 2, 4
MNT_DETACH = 2
_libc = ctypes.CDLL(None, use_errno=True)


def mount_tmpfs(target: Path, size_mb: int, uid: int) -> None:
    options = f"size={size_mb}m,nr_inodes=4096,mode=0700,uid={uid},gid={uid}".encode()
    if _libc.mount(b"tmpfs", str(target).encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options) != 0:
        raise OSError(ctypes.get_errno(), f"mounting the scratch tmpfs on {target} failed")


def unmount(target: Path) -> None:
    _libc.umount2(str(target).encode(), MNT_DETACH)


def remove_empty_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.rmdir()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_leftovers() -> None:
    """Remove what a killed sandbox process left: its cgroups and scratch mounts. Both names
    start with the pid of the process that made them; only those of dead processes are touched."""
    for directory in cgroups.group_dirs():
        pid = directory.name.split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            cgroups.remove_dir(directory)
    base = Path(tempfile.gettempdir())
    with open("/proc/self/mounts") as handle:
        mounts = [line.split()[1] for line in handle]
    for root in base.glob(f"{SCRATCH_PREFIX}*"):
        pid = root.name[len(SCRATCH_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        for mount in mounts:
            if mount.startswith(f"{root}/"):
                unmount(Path(mount))
        for child in root.iterdir():
            with contextlib.suppress(OSError):
                child.rmdir()
        remove_empty_dir(root)
