import os
import sys

from eigenstudy_export.cli import main

# glibc reads GLIBC_TUNABLES only at process start. Transparent huge pages for malloc made a 1024 px
# synthesis forward 4.5x faster here (large tensors faulted in 2 MiB pages, not 4 KiB; see
# docs/benchmarks.md, "Page faults"), so the exporter restarts itself once with them unless the
# caller chose (any glibc.malloc.hugetlb value, 0 included, is kept). exec replaces this process:
# same PID, same signals, nothing left behind.
_TUNABLES = os.environ.get("GLIBC_TUNABLES", "")
if "glibc.malloc.hugetlb=" not in _TUNABLES and sys.platform == "linux":
    env = dict(os.environ, GLIBC_TUNABLES=f"{_TUNABLES}:glibc.malloc.hugetlb=1" if _TUNABLES else "glibc.malloc.hugetlb=1")
    os.execve(sys.executable, [sys.executable, "-m", "eigenstudy_export", *sys.argv[1:]], env)

sys.exit(main())
