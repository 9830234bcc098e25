"""A small seccomp filter for the sandboxed program, built as classic BPF in pure Python.

bubblewrap installs it (``--seccomp FD``) just before it runs the program, after its own set-up.
The filter refuses what an exercise never needs and what widens the kernel's attack surface:
new namespaces (``unshare``, ``setns``, namespace flags on ``clone``), ``ptrace`` and reading other
processes' memory, the kernel keyring, ``bpf``, ``io_uring``, ``perf_event_open``, mounting,
module loading and similar administration calls, and every socket family except UNIX sockets.
``clone3`` answers "not implemented" so that the C library falls back to plain ``clone``, whose
flags the filter can inspect. Only x86-64 is described here; on other machines the sandbox runs
with its other layers and says that the filter is missing.
"""

from __future__ import annotations

import platform
import struct

# Classic BPF opcodes used below.
_LD_W_ABS = 0x20  # BPF_LD | BPF_W | BPF_ABS
_JEQ = 0x15  # BPF_JMP | BPF_JEQ | BPF_K
_JGE = 0x35  # BPF_JMP | BPF_JGE | BPF_K
_JSET = 0x45  # BPF_JMP | BPF_JSET | BPF_K
_RET = 0x06  # BPF_RET | BPF_K

_ALLOW = 0x7FFF0000
_KILL_PROCESS = 0x80000000
_ERRNO = 0x00050000
EPERM, ENOSYS, EAFNOSUPPORT = 1, 38, 97

# Offsets in struct seccomp_data: nr, arch, instruction pointer, then six 64-bit arguments
# (the low 32 bits of argument i sit at 16 + 8 i on a little-endian machine).
_NR, _ARCH, _ARG0 = 0, 4, 16
_AUDIT_ARCH_X86_64 = 0xC000003E
_X32_SYSCALL_BIT = 0x40000000
_AF_UNIX = 1
_NAMESPACE_FLAGS = 0x7E020000  # CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET

X86_64_DENIED = {
    "ptrace": 101,
    "syslog": 103,
    "vhangup": 153,
    "pivot_root": 155,
    "chroot": 161,
    "acct": 163,
    "mount": 165,
    "umount2": 166,
    "swapon": 167,
    "swapoff": 168,
    "reboot": 169,
    "init_module": 175,
    "delete_module": 176,
    "quotactl": 179,
    "kexec_load": 246,
    "add_key": 248,
    "request_key": 249,
    "keyctl": 250,
    "unshare": 272,
    "perf_event_open": 298,
    "name_to_handle_at": 303,
    "open_by_handle_at": 304,
    "setns": 308,
    "process_vm_readv": 310,
    "process_vm_writev": 311,
    "finit_module": 313,
    "kexec_file_load": 320,
    "bpf": 321,
    "userfaultfd": 323,
    "io_uring_setup": 425,
    "io_uring_enter": 426,
    "io_uring_register": 427,
    "open_tree": 428,
    "move_mount": 429,
    "fsopen": 430,
    "fsconfig": 431,
    "fsmount": 432,
    "fspick": 433,
    "mount_setattr": 442,
}
_X86_64_SOCKET, _X86_64_CLONE, _X86_64_CLONE3 = 41, 56, 435


def _op(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("<HBBI", code, jt, jf, k)


def available() -> bool:
    """True when this machine's architecture has a filter described here."""
    return platform.machine() in ("x86_64", "AMD64")


def program() -> bytes:
    """The filter as bytes of ``struct sock_filter``, ready for ``bwrap --seccomp``."""
    if not available():
        raise RuntimeError(f"no seccomp filter is described for {platform.machine()}")
    out = [
        _op(_LD_W_ABS, _ARCH),
        _op(_JEQ, _AUDIT_ARCH_X86_64, jt=1),
        _op(_RET, _KILL_PROCESS),  # a foreign calling convention: never legitimate here
        _op(_LD_W_ABS, _NR),
        _op(_JGE, _X32_SYSCALL_BIT, jf=1),
        _op(_RET, _ERRNO | ENOSYS),
    ]
    for number in sorted(X86_64_DENIED.values()):
        out += [_op(_JEQ, number, jf=1), _op(_RET, _ERRNO | EPERM)]
    out += [_op(_JEQ, _X86_64_CLONE3, jf=1), _op(_RET, _ERRNO | ENOSYS)]
    # socket(domain, ...): UNIX sockets only.
    out += [
        _op(_JEQ, _X86_64_SOCKET, jf=4),
        _op(_LD_W_ABS, _ARG0),
        _op(_JEQ, _AF_UNIX, jf=1),
        _op(_RET, _ALLOW),
        _op(_RET, _ERRNO | EAFNOSUPPORT),
    ]
    # clone(flags, ...): no new namespaces. The accumulator holds nr again only up to here.
    out += [
        _op(_JEQ, _X86_64_CLONE, jf=4),
        _op(_LD_W_ABS, _ARG0),
        _op(_JSET, _NAMESPACE_FLAGS, jf=1),
        _op(_RET, _ERRNO | EPERM),
        _op(_RET, _ALLOW),
        _op(_RET, _ALLOW),
    ]
    return b"".join(out)
