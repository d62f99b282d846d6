"""``clearair user list | add | remove | passwd | revoke-sessions``: accounts for multi-user mode.

Passwords are asked for with hidden input (twice), or read from the first line
of stdin with ``--password-stdin`` for scripts; never taken on the command line.
"""

from __future__ import annotations

import json
import sys

import typer

from clearair.cli_errors import fail

user_app = typer.Typer(no_args_is_help=True, help="Accounts for multi-user mode.")

PASSWORD_STDIN = typer.Option(False, "--password-stdin", help="Read the password from the first line of stdin.")


def _accounts():  # noqa: ANN202 - imported lazily: the store is not needed for --help
    from clearair.cli import _store
    from clearair.store.accounts import Accounts

    return Accounts(_store())


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        if not line:
            fail("no password on stdin")
        return line.rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("list")
def user_list(json_out: bool = typer.Option(False, "--json", help="Print the accounts as JSON.")) -> None:
    """The accounts, with their open sessions and case files."""
    users = _accounts().list_users()
    if json_out:
        typer.echo(json.dumps([u.model_dump(mode="json") for u in users], indent=2))
        return
    if not users:
        typer.echo("No accounts yet: add one with `clearair user add NAME`.")
        return
    for u in users:
        typer.echo(f"{u.username}  since {u.created_at:%Y-%m-%d}  {u.sessions} session{'s' * (u.sessions != 1)}  "
                   f"{u.cases} case file{'s' * (u.cases != 1)}")


@user_app.command("add")
def user_add(name: str, password_stdin: bool = PASSWORD_STDIN) -> None:
    """Create an account (user names: letters, digits, '.', '_' and '-')."""
    from clearair.store.accounts import valid_username

    username = valid_username(name)  # before asking for a password
    _accounts().add(username, _password(password_stdin))
    typer.echo(f"user {username} added")


@user_app.command("passwd")
def user_passwd(name: str, password_stdin: bool = PASSWORD_STDIN) -> None:
    """Set a new password; the account's open sessions end."""
    accounts = _accounts()
    accounts.set_password(name, _password(password_stdin))
    typer.echo(f"password of {name.strip().lower()} changed; its sessions have ended")


@user_app.command("revoke-sessions")
def user_revoke_sessions(name: str) -> None:
    """Log the account out everywhere (it can log in again)."""
    ended = _accounts().revoke_sessions(name)
    typer.echo(f"{ended} session{'s' * (ended != 1)} of {name.strip().lower()} ended")


@user_app.command("remove")
def user_remove(name: str, delete_cases: bool = typer.Option(False, "--delete-cases",
                                                             help="Also delete the case files the account owns."),
                yes: bool = typer.Option(False, "--yes", help="Do not ask.")) -> None:
    """Remove an account, its sessions and the shares made to it."""
    username = name.strip().lower()
    if not yes and not typer.confirm(f"Remove user {username}{' and their case files' if delete_cases else ''}?"):
        raise typer.Exit(1)
    deleted = _accounts().remove(username, delete_cases=delete_cases)
    typer.echo(f"user {username} removed" + (f" with {deleted} case file{'s' * (deleted != 1)}" if deleted else ""))
