"""How far a background run is, in percent: one rule for imports, exports and badge-check runs."""


def percent_done(done: int, total: int | None, *, finished: bool) -> int:
    """100 once the run is finished; before that the share done, never above 100 (0 while the total is
    not known yet)."""
    if finished:
        return 100
    if not total:
        return 0
    return min(100, done * 100 // total)
