"""``reader bench``: scripted, repeatable benchmarks with their targets."""

from __future__ import annotations

import argparse
import dataclasses

from rich import box
from rich.table import Table
from rich.text import Text

from reader.bench.runner import AREAS, run_areas
from reader.cli.common import CliError, add_json_option, console, err_console, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "bench", help="run the benchmarks (speed and quality on synthetic corpora)"
    )
    p.add_argument(
        "areas", nargs="*", metavar="AREA", help=f"which to run: {', '.join(AREAS)} (default: all)"
    )
    p.add_argument(
        "--quick", action="store_true", help="small workloads: a smoke run, not a measurement"
    )
    add_json_option(p)
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    unknown = [a for a in args.areas if a not in AREAS]
    if unknown:
        raise CliError(f"unknown bench area '{unknown[0]}' (choose from {', '.join(AREAS)})")

    def announce(area: str) -> None:
        if not args.json:
            err_console.print(Text(f"running {area} ...", style="dim"))

    results = run_areas(args.areas or None, quick=args.quick, on_area=announce)
    if args.json:
        print_json({"quick": args.quick, "measurements": [dataclasses.asdict(m) for m in results]})
        return 0
    table = Table(
        box=box.SIMPLE_HEAD,
        title="reader bench" + (" (quick)" if args.quick else ""),
        title_justify="left",
    )
    table.add_column("area", no_wrap=True)
    table.add_column("measurement", ratio=1)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("target", no_wrap=True)
    table.add_column("", no_wrap=True)
    for m in results:
        mark = (
            Text("—", style="dim")
            if m.ok is None
            else Text("ok", style="green")
            if m.ok
            else Text("MISSED", style="bold red")
        )
        value = f"{m.value:,.3f}".rstrip("0").rstrip(".") + f" {m.unit}"
        name = Text(m.name)
        if m.note:
            name.append(f"\n{m.note}", style="dim")
        table.add_row(m.area, name, value, m.target or "", mark)
    console.print(table)
    return 0
