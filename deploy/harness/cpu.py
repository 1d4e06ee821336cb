"""Where the CPU goes during a load run: the backend JVM, the PostgreSQL cluster (postmaster and its
children), the load client (this process and its children) and everything else on the machine, from
/proc jiffies sampled at the start and end of the measured window (Linux only)."""

import os

TICKS = os.sysconf("SC_CLK_TCK")


def _process_ticks(pid):
    """utime + stime of pid (all its threads), 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5), after pid and comm


def children(parent):
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == parent:
            children.append(int(entry))
    return children


def find_process(*needles):
    """The pid of the first process whose command line contains every needle (bytes), or None."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                command = handle.read()
        except OSError:
            continue
        if all(needle in command for needle in needles):
            return int(entry)
    return None


def _machine_ticks():
    """(busy, stolen) jiffies over all cores: user, nice, system, irq, softirq; steal (time the
    hypervisor gave this VM's cores to others)."""
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(v) for v in handle.readline().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values
    return user + nice + system + irq + softirq, steal


class CpuSampler:
    """groups: name -> function returning the pids of that group now."""

    def __init__(self, groups):
        self.groups = groups
        self.start = None

    def _sample(self):
        ticks = {}
        for name, roots in self.groups.items():
            ticks[name] = sum(_process_ticks(pid) for pid in roots())
        return ticks, _machine_ticks(), os.times().elapsed

    def __enter__(self):
        self.start = self._sample()
        return self

    def __exit__(self, *exc):
        self.end = self._sample()
        return False

    def report(self):
        (ticks0, (busy0, steal0), t0), (ticks1, (busy1, steal1), t1) = self.start, self.end
        seconds = max(t1 - t0, 1e-9)
        cores = {name: (ticks1[name] - ticks0[name]) / TICKS / seconds for name in self.groups}
        busy = (busy1 - busy0) / TICKS / seconds
        result = {f"{name}_cores": round(value, 2) for name, value in cores.items()}
        result["other_cores"] = round(max(0.0, busy - sum(cores.values())), 2)
        result["machine_busy_cores"] = round(busy, 2)
        result["stolen_cores"] = round((steal1 - steal0) / TICKS / seconds, 2)
        result["cores"] = os.cpu_count()
        result["load_average_after"] = [round(v, 2) for v in os.getloadavg()]
        return result
