"""The line that names the machine a figure was measured on."""

import os
import platform


def machine() -> str:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
    except OSError:
        pass
    return f"{platform.machine()}, {os.cpu_count()} cores{', ' + cpu if cpu else ''}, Python {platform.python_version()}"
