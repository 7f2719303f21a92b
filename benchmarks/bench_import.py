"""Import cost of c5statement against ``import attrs, cattrs``, and first access to MEETING_2020.

Each figure is the median over fresh interpreters (so nothing is cached in the
process), measured inside the interpreter with ``time.perf_counter``, so that
interpreter start-up is left out. The package's bytecode is compiled first, as
``pip install`` does, so that no figure includes compiling source.

Run: ``python benchmarks/bench_import.py [--runs N]``
Targets: the import at most 1.25 times that of attrs + cattrs; first access under 30 ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

IMPORT_BASELINE = "import attrs, cattrs"
IMPORT_PACKAGE = "import c5statement"

TIMER = """
import time
start = time.perf_counter()
{setup}
middle = time.perf_counter()
{measured}
end = time.perf_counter()
print((middle - start) * 1000, (end - middle) * 1000)
"""


def measure(setup: str, measured: str, runs: int) -> tuple[float, float]:
    """Median milliseconds of *setup* and of *measured* after it, over fresh interpreters."""
    first, second = [], []
    code = TIMER.format(setup=setup, measured=measured)
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout  # noqa: S603 - our own code
        a, b = (float(value) for value in out.split())
        first.append(a)
        second.append(b)
    return statistics.median(first), statistics.median(second)


def main() -> None:
    """Print the figures and whether they meet the targets."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40, help="fresh interpreters per figure (default 40)")
    runs = parser.parse_args().runs
    import c5statement

    package_dir = c5statement.__path__[0]
    subprocess.run([sys.executable, "-m", "compileall", "-q", package_dir], check=True)  # noqa: S603 - our own package

    baseline, _ = measure(IMPORT_BASELINE, "pass", runs)
    package, _ = measure(IMPORT_PACKAGE, "pass", runs)
    _, first_access = measure(IMPORT_PACKAGE, "c5statement.MEETING_2020", runs)
    _, cached_access = measure("import c5statement; c5statement.MEETING_2020", "c5statement.MEETING_2020", runs)
    ratio = package / baseline

    print(f"Python {sys.version.split()[0]}, median of {runs} fresh interpreters")
    print(f"{'measure':<44}{'ms':>9}")
    print(f"{'import attrs, cattrs':<44}{baseline:>9.2f}")
    print(f"{'import c5statement':<44}{package:>9.2f}   ratio {ratio:.2f} (target <= 1.25)")
    print(f"{'first access to MEETING_2020':<44}{first_access:>9.2f}   (target < 30)")
    print(f"{'later access to MEETING_2020 (cached)':<44}{cached_access:>9.4f}")
    verdict = "meets" if ratio <= 1.25 and first_access < 30 else "MISSES"
    print(f"-> {verdict} the targets")


if __name__ == "__main__":
    main()
