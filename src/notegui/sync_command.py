"""``notegui sync``: the command line's side of a sync (core.ports.Sync does the work).
Text out, one line a note changed; exit 0 when the library and the remote agree, 1 when
the sync could not finish."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TextIO

from notegui.core.ports import Sync
from notegui.core.sync_model import SyncError, SyncReport, SyncStatus
from notegui.core.visible_text import visible

OK, PROBLEM, USAGE = 0, 1, 2


def run(args: argparse.Namespace, sync: Sync, out: TextIO) -> int:
    if args.json and not args.status:
        print("notegui: sync: --json goes with --status", file=sys.stderr)
        return USAGE
    try:
        if args.remote is not None:
            remote = args.remote.strip()
            if not remote:
                print("notegui: sync: --remote is empty: give a URL or a path",
                      file=sys.stderr)
                return USAGE
            sync.set_settings(replace(sync.settings(), remote=remote))
        if args.status:
            return _status(sync.status(fetch=True), args.json, out)
        report = sync.sync()
    except SyncError as error:
        print(f"sync failed ({error.kind}): {visible(str(error))}", file=out)
        return PROBLEM
    _report(report, sync.settings().remote, out)
    return OK


def _report(report: SyncReport, remote: str, out: TextIO) -> None:
    for word, lines in (("sent", report.sent), ("received", report.received),
                        ("merged", report.merged), ("conflict", report.conflicts),
                        ("refused", report.refused), ("warning", report.warned)):
        for line in lines:
            print(f"{word} {visible(line)}", file=out)
    counts = [f"{len(report.sent)} sent", f"{len(report.received)} received",
              f"{len(report.merged)} merged",
              f"{len(report.conflicts)} conflict{'s' if len(report.conflicts) != 1 else ''}"]
    if report.refused:
        counts.append(f"{len(report.refused)} refused")
    if report.warned:
        counts.append(f"{len(report.warned)} warning{'s' if len(report.warned) != 1 else ''}")
    print(f"{', '.join(counts)}; the library and {visible(remote)} agree at "
          f"{report.commit[:12] or 'an empty repository'}", file=out)


def _status(status: SyncStatus, as_json: bool, out: TextIO) -> int:
    if as_json:
        json.dump({
            "remote": status.remote, "last_sync": status.last_sync or None,
            "last_result": status.last_result or None,
            "to_send": status.ahead, "to_receive": status.behind,
            "conflicts": [{"uid": c.uid, "note_id": c.note_id, "title": c.title,
                           "fields": list(c.fields), "found": c.found,
                           "mine": c.mine, "theirs": c.theirs} for c in status.conflicts],
        }, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return OK
    if not status.remote:
        print("sync is not set up: notegui sync --remote URL", file=out)
        return OK
    print(f"remote: {visible(status.remote)}", file=out)
    print(f"last sync: {status.last_sync or 'never'}"
          + (f" (failed: {visible(status.last_result)})" if status.last_result else ""),
          file=out)
    print(f"{status.ahead} to send, {status.behind} to receive, "
          f"{len(status.conflicts)} in conflict", file=out)
    for conflict in status.conflicts:
        print(f"conflict {visible(conflict.title)}: {', '.join(conflict.fields)} "
              f"(found {conflict.found})", file=out)
    return OK
