"""make bench: every benchmark, one table each, results as JSON in bench/results/.

    python -m bench                # all
    python -m bench prechecks      # one
"""

import sys

from bench import legacy, prechecks, records, review_queue, unregistered, wizard, workbench_browser

BENCHMARKS = {"prechecks": prechecks.run, "review_queue": review_queue.run,
              "unregistered": unregistered.run, "records": records.run, "legacy": legacy.run,
              "wizard": wizard.run, "workbench_browser": workbench_browser.run}


def main(argv: list[str]) -> None:
    names = argv or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        sys.exit(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    for name in names:
        BENCHMARKS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
