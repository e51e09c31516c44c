"""The ``decorum`` command: check drafts, list packs, score a corpus, serve the HTTP API, manage the host."""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
from pathlib import Path

from engine import IdentityError, PackError, UnknownPolicy, __version__, check_report, list_policies, load_errors
from engine.contract import DEFAULT_SENSITIVITY, SENSITIVITIES
from engine.model import Finding
from native_host.commands import add_subcommands


# `decorum check` exits 0 when the draft is clean, 1 with findings, and this when some rule could
# not finish (the draft may break it unseen), findings or not.
EXIT_INCOMPLETE = 3


def _report_refusals() -> None:
    for error in load_errors():
        print(f"decorum: refused a policy pack: {error}", file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> int:
    text = args.text if args.text is not None else sys.stdin.read()
    _report_refusals()
    try:
        identity = json.loads(args.identity) if args.identity else None
    except json.JSONDecodeError as exc:
        print(f"decorum: --identity is not valid JSON: {exc}", file=sys.stderr)
        return 2
    policies = args.policy or [p.id for p in list_policies()]
    try:
        report = check_report(
            text,
            policies,
            identity,
            profile_disclaimer=args.profile_disclaimer or (),
            sensitivity=args.sensitivity,
            detection=args.detection,
        )
    except (UnknownPolicy, IdentityError) as exc:
        print(f"decorum: {exc}", file=sys.stderr)
        return 2
    findings = report.findings
    if args.json:
        print(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
        if report.incomplete:  # the findings stay a list on stdout, as before
            print(f"decorum: some checks {_unfinished(report.incomplete)}", file=sys.stderr)
    elif not findings:
        print(f"No findings, but some checks {_unfinished(report.incomplete)}" if report.incomplete else "No findings.")
    else:
        _print_findings(text, findings)
        if report.incomplete:
            print(f"Some checks {_unfinished(report.incomplete)}")
    return EXIT_INCOMPLETE if report.incomplete else 1 if findings else 0


def _unfinished(rules: tuple[str, ...]) -> str:
    return (
        f"did not finish: {', '.join(rules)} (a pattern ran past its time limit and was stopped; "
        "these rules may have missed something)"
    )


def _print_findings(text: str, findings: list[Finding]) -> None:
    units = text.encode("utf-16-le")
    for f in findings:
        excerpt = units[2 * f.start : 2 * f.end].decode("utf-16-le", errors="replace")
        print(f"{f.severity}: [{f.policy}/{f.category}] {f.message}")
        print(f"    at {f.start}-{f.end}: {excerpt!r}")
        if f.source == "model":
            because = f" because of: {', '.join(f'{r!r}' for r in f.reasons)}" if f.reasons else ""
            print(f"    found by the learned checker{because}")
        print(f"    {f.clause.section}: \u201c{f.clause.quote}\u201d")
        if f.fix:
            print(f"    fix: append \u201c{f.fix.text}\u201d")


def _cmd_policies(args: argparse.Namespace) -> int:
    infos = list_policies()
    _report_refusals()
    if args.json:
        print(json.dumps([i.model_dump() for i in infos], ensure_ascii=False, indent=2))
        return 0
    for info in infos:
        print(f"{info.id:<10} {info.name} ({info.organisation}, {info.date})")
        print(f"{'':<10} categories: {', '.join(info.categories)}")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from engine.evaluation import evaluate, format_comparison, format_report, read_corpus

    items = list(read_corpus(Path(args.path)))
    if args.detection != "all":
        report = evaluate(items, args.detection, args.sensitivity)
        print(json.dumps(report.as_dict(), indent=2) if args.json else format_report(report))
        return 0
    # What the engine does, and beside it the rules and the learned checker each alone.
    reports = {detection: evaluate(items, detection, args.sensitivity) for detection in ("rules", "model", "combined")}
    combined = reports["combined"]
    if args.json:
        alone = {name: {k: v for k, v in r.as_dict().items() if k != "items"} for name, r in reports.items() if name != "combined"}
        print(json.dumps({**combined.as_dict(), "alone": alone}, indent=2))
    else:
        print(format_comparison(reports) + "\n\ncombined, draft by draft:\n" + format_report(combined))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from engine import warm

    from .api import ORIGINS_VARIABLE, create_app, origins_from_environment
    from .server import NotLoopback, serve

    try:
        app = create_app([*origins_from_environment(), *(args.allow_origin or ())])
    except ValueError as exc:
        print(f"decorum: {exc} (from --allow-origin or {ORIGINS_VARIABLE})", file=sys.stderr)
        return 2
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="decorum serve: %(levelname)s: %(message)s")

    def announce(urls: list[str]) -> None:
        warm()  # the port is ours now: build every pack before the first request rather than in it
        print(f"decorum: serving the API and its playground on {' and '.join(urls)} (Ctrl-C stops)", file=sys.stderr, flush=True)

    try:
        serve(app, args.host, args.port, args.timeout, on_ready=announce)
    except NotLoopback as exc:
        print(f"decorum: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"decorum: cannot serve on {args.host} port {args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of seconds")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="decorum", description=__doc__)
    parser.add_argument("--version", action="version", version=f"decorum {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="check a draft (argument or standard input) against policy packs")
    p.add_argument("text", nargs="?", help="the draft; read from standard input when absent")
    p.add_argument("--policy", action="append", metavar="ID", help="a pack to apply (repeatable; default: all)")
    p.add_argument("--identity", metavar="JSON", help='identity overrides, e.g. \'{"society": {"names": ["…"], "acronyms": ["…"]}}\'')
    # Where the draft is typed changes nothing: any name is still accepted, as the protocol's
    # `site` is, so that older scripts run.
    p.add_argument("--site", help=argparse.SUPPRESS)
    p.add_argument(
        "--profile-disclaimer",
        action="append",
        metavar="ID",
        help="my profile already carries the disclaimer for this pack (repeatable; matters for rcr and ipem)",
    )
    p.add_argument("--json", action="store_true", help="print the findings as the protocol's JSON")
    p.add_argument("--sensitivity", choices=SENSITIVITIES, default=DEFAULT_SENSITIVITY, help="how sure the learned checker must be (default: %(default)s)")
    p.add_argument("--detection", choices=["combined", "rules", "model"], default="combined", help="rules and learned checker (default), or either alone")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("policies", help="list the policy packs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_policies)

    p = sub.add_parser("eval", help="score the engine on a labelled corpus (JSON lines): rules, model and combined")
    p.add_argument("path")
    p.add_argument("--json", action="store_true", help="print one JSON object: micro, categories, clean_false_alarm_rate, items (combined), and the same figures for rules and model alone under 'alone'")
    p.add_argument("--detection", choices=["all", "combined", "rules", "model"], default="all", help="score one way of detecting only (default: all three, side by side)")
    p.add_argument("--sensitivity", choices=["fewer", "balanced", "more"], default="balanced", help="the learned checker's thresholds (default: %(default)s)")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("serve", help="serve the check API and its playground page over HTTP on loopback")
    p.add_argument("--host", default="127.0.0.1", help="127.0.0.1 (default), ::1 or localhost; nothing else is served")
    p.add_argument("--port", type=int, default=8765, help="default: %(default)s; 0 picks a free port")
    p.add_argument(
        "--allow-origin",
        action="append",
        metavar="ORIGIN",
        help="also answer browser pages of this origin, e.g. moz-extension://<uuid> (repeatable; "
        "also DECORUM_ALLOW_ORIGIN, space-separated)",
    )
    # Long enough for any local client between two packets; a stalled one is dropped after this.
    p.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=10.0,
        help="close a connection idle or stalled mid-request this many seconds (default: %(default)s)",
    )
    p.set_defaults(func=_cmd_serve)

    add_subcommands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The commands that load packs say which were refused, once: not again through the engine's log.
    logging.getLogger("decorum.packs").addHandler(logging.NullHandler())
    logging.getLogger("decorum.packs").propagate = False
    try:
        return args.func(args)
    except PackError as exc:
        print(f"decorum: broken policy pack: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
