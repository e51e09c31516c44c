"""The `install-host`, `uninstall-host` and `doctor` subcommands, for the `decorum` command line.

decorum/cli.py registers them with add_subcommands; each handler takes the parsed arguments
and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys

from native_host import doctor, manifests

ALL = "all"


def add_subcommands(subparsers: argparse._SubParsersAction) -> None:
    """Register install-host, uninstall-host and doctor on an argparse subparsers object."""
    install = subparsers.add_parser(
        "install-host",
        help="register the native-messaging host with your browsers",
        description="Write the host manifest that lets the Decorum extension start decorum-host. "
        "With --browser all (the default), for every supported browser that has run on this account.",
    )
    _add_browser_option(install)
    _add_extension_id_option(install, "the Chromium extension id allowed to start the host")
    install.set_defaults(func=run_install_host)

    uninstall = subparsers.add_parser(
        "uninstall-host",
        help="remove the native-messaging host's registration",
        description="Remove the host manifest written by install-host.",
    )
    _add_browser_option(uninstall)
    uninstall.set_defaults(func=run_uninstall_host)

    check = subparsers.add_parser(
        "doctor",
        help="find out why the extension cannot reach the host",
        description="Check each browser's host manifest and start the host as the browser would; "
        "print each problem with the command that fixes it. Exits non-zero when there are problems.",
    )
    _add_browser_option(check)
    _add_extension_id_option(check, "the Chromium extension id the manifest should allow, if not the default")
    check.set_defaults(func=run_doctor)


def _add_browser_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--browser",
        choices=[*manifests.BROWSERS, ALL],
        default=ALL,
        help="which browser (default: all that have run on this account)",
    )


def _add_extension_id_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--extension-id", metavar="ID", help=f"{help_text} (default: the id fixed by the manifest key)")


def run_install_host(args: argparse.Namespace) -> int:
    """Write the manifests; on Windows print the registry commands that point the browsers at them."""
    browsers = _chosen_browsers(args.browser)
    if not browsers:
        # Nothing to do is not a failure (`make run` calls this on machines with no browser profile yet).
        print(
            "nothing written: start your browser once and run this again, or name it with --browser",
            file=sys.stderr,
        )
        return 0
    try:
        written = manifests.install(browsers, extension_id=args.extension_id)
    except (manifests.HostNotInstalled, ValueError) as error:
        print(f"decorum install-host: {error}", file=sys.stderr)
        return 1
    for browser, path in zip(browsers, written):
        print(f"{browser}: wrote {path}")
    if sys.platform == "win32":
        print("Now register the manifests (Windows reads them through the registry) by running:")
        for browser in browsers:
            print("  " + manifests.registry_add_command(manifests.location(browser)))
    print("Reload the extension, then check with: decorum doctor")
    return 0


def run_uninstall_host(args: argparse.Namespace) -> int:
    """Remove the manifests that exist; on Windows print the registry commands that undo the registration."""
    browsers = list(manifests.BROWSERS) if args.browser == ALL else [args.browser]
    removed = manifests.uninstall(browsers)
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print("no host manifest was installed; nothing to remove")
    if sys.platform == "win32":
        print("Also remove the registry entries by running:")
        for browser in browsers:
            print("  " + manifests.registry_delete_command(manifests.location(browser)))
    return 0


def run_doctor(args: argparse.Namespace) -> int:
    """Print every problem with its fix; exit 1 if there was any."""
    browsers = _chosen_browsers(args.browser)
    if not browsers:
        print("nothing to check: start your browser once, then run: decorum install-host", file=sys.stderr)
        return 1
    try:
        problems = doctor.diagnose(browsers=browsers, extension_id=args.extension_id)
    except ValueError as error:
        print(f"decorum doctor: {error}", file=sys.stderr)
        return 1
    print(doctor.format_report(browsers, problems))
    return 1 if problems else 0


def _chosen_browsers(choice: str) -> list[str]:
    """The named browser, or for 'all' each browser that has run here, saying which were skipped."""
    if choice != ALL:
        return [choice]
    present = manifests.installed_browsers()
    for browser in manifests.BROWSERS:
        if browser not in present:
            print(f"{browser}: skipped, {manifests.location(browser).config_dir} does not exist")
    return present
