"""Rotation: keep the newest backup of each of the last days, weeks and months.

Like ``restic forget --keep-daily 7 --keep-weekly 4 --keep-monthly 12``: the newest backup of
each of the ``keep_daily`` most recent days that have backups is kept, then the newest of each of
the ``keep_weekly`` most recent ISO weeks, and of the ``keep_monthly`` most recent months. A
backup made before a risky operation (import, merge, ...) is a backup like the others and counts
within its day. The newest backup is never deleted. Days are local days (``tz``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

from db.backup.naming import parse_backup_name
from db.backup.types import PrunePlan


def plan_pruning(
    backups: Sequence[tuple[Path, dt.datetime]],
    *,
    keep_daily: int = 7,
    keep_weekly: int = 4,
    keep_monthly: int = 12,
    tz: dt.tzinfo | None = None,
) -> PrunePlan:
    """Which of ``backups`` (path, aware time) to keep and which to delete (a pure function)."""
    if min(keep_daily, keep_weekly, keep_monthly) < 0:
        raise ValueError("keep counts cannot be negative")
    # Stable: backups with the same time keep the order given (newest first from the caller).
    ordered = sorted(backups, key=lambda item: item[1], reverse=True)
    reasons: dict[Path, str] = {}
    if ordered:
        reasons[ordered[0][0]] = "newest"

    def local(at: dt.datetime) -> dt.datetime:
        return at.astimezone(tz)

    buckets: tuple[tuple[str, int, Callable[[dt.datetime], Hashable]], ...] = (
        ("daily", keep_daily, lambda at: local(at).date()),
        ("weekly", keep_weekly, lambda at: local(at).isocalendar()[:2]),
        ("monthly", keep_monthly, lambda at: (local(at).year, local(at).month)),
    )
    for label, count, bucket_of in buckets:
        seen: set[Hashable] = set()
        for path, at in ordered:  # newest first: the first of a bucket is its newest
            if len(seen) >= count:
                break
            bucket = bucket_of(at)
            if bucket in seen:
                continue
            seen.add(bucket)
            reasons.setdefault(path, label)
    keep = tuple(path for path, _at in ordered if path in reasons)
    delete = tuple(path for path, _at in ordered if path not in reasons)
    return PrunePlan(keep=keep, delete=delete, reasons=reasons)


def prune_backups(
    folder: Path,
    *,
    keep_daily: int = 7,
    keep_weekly: int = 4,
    keep_monthly: int = 12,
    now: dt.datetime | None = None,
    tz: dt.tzinfo | None = None,
) -> PrunePlan:
    """Delete the backups in ``folder`` that rotation does not keep; returns the plan carried
    out. Only files named as backups are considered; backups dated after ``now`` (a clock that
    was ahead) are kept and do not take a day's place."""
    now = now or dt.datetime.now(dt.UTC)
    found: list[tuple[Path, dt.datetime]] = []
    future: list[Path] = []
    if folder.is_dir():
        for path in folder.iterdir():
            named = parse_backup_name(path.name)
            if named is None or not path.is_file():
                continue
            if named[0] > now + dt.timedelta(minutes=5):
                future.append(path)
            else:
                found.append((path, named[0]))
    found.sort(key=lambda item: (item[1], item[0].stat().st_mtime_ns), reverse=True)
    plan = plan_pruning(
        found, keep_daily=keep_daily, keep_weekly=keep_weekly, keep_monthly=keep_monthly, tz=tz
    )
    deleted: list[Path] = []
    for path in plan.delete:
        try:
            path.unlink()
            deleted.append(path)
        except FileNotFoundError:
            deleted.append(path)
        except OSError:
            continue  # in use or read-only: tried again at the next rotation
    reasons = dict(plan.reasons)
    reasons.update({path: "future" for path in future})
    return PrunePlan(keep=tuple(future) + plan.keep, delete=tuple(deleted), reasons=reasons)
