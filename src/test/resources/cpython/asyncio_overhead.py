#!/usr/bin/env python3
"""Per-task overhead of CPython's real asyncio for the natural program of N independent sleep(0) tasks.

Usage: asyncio_overhead.py N [REPEATS]. Prints one JSON line: {"python", "tasks", "runs_s": [...], "best_s"}.
Each run is timed inside Python (perf_counter around create_task x N and awaiting them all), on a fresh loop.
"""
import asyncio
import json
import platform
import sys
import time


async def work():
    await asyncio.sleep(0)


async def natural_program(n):
    started = time.perf_counter()
    tasks = [asyncio.create_task(work()) for _ in range(n)]
    await asyncio.gather(*tasks)
    return time.perf_counter() - started


def main():
    n = int(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    runs = [asyncio.run(natural_program(n)) for _ in range(repeats)]
    print(json.dumps({"python": platform.python_version(), "tasks": n, "runs_s": runs, "best_s": min(runs)}))


if __name__ == "__main__":
    main()
