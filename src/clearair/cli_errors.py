"""One error boundary for every command: a problem with the input, the store or a file
becomes one line on stderr and exit code 2, never a traceback.

Like datasette's command line, the commands themselves just raise; the group
that runs them (``ErrorBoundary``) turns what a person can fix into a sentence.
"""

from __future__ import annotations

from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from clearair.errors import InputError


def fail(message: str) -> NoReturn:
    """Print ``clearair: message`` (one line, control characters made harmless) on stderr and exit with code 2."""
    from clearair.cli_output import neutralised

    typer.echo(f"clearair: {neutralised(' '.join(message.split()))}", err=True)
    raise typer.Exit(code=2)


def message_for(err: BaseException) -> str | None:
    """The sentence for an error a person can act on, or None for a bug (left to show its traceback)."""
    from sqlalchemy.exc import DBAPIError

    from clearair.store.errors import StoreError, store_error

    if isinstance(err, (InputError, StoreError)):
        return str(err)
    if isinstance(err, OverflowError):
        return "a number given is far too large"
    if isinstance(err, IsADirectoryError):
        return f"{err.filename} is a folder, not a file"
    if isinstance(err, FileNotFoundError):
        return f"no such file: {err.filename}" if err.filename else "a file it needs is missing"
    if isinstance(err, PermissionError):
        return f"not allowed to open {err.filename}" if err.filename else "not allowed (file permissions)"
    if isinstance(err, OSError):
        mapped = store_error(err)
        if mapped is not None:
            return str(mapped)
        where = f"{err.filename}: " if err.filename else ""
        return f"{where}{err.strerror or type(err).__name__}"
    if isinstance(err, DBAPIError):
        mapped = store_error(err)
        first = str(err.orig).splitlines()[0] if err.orig is not None else type(err).__name__
        return str(mapped) if mapped is not None else f"the case store failed: {first}"
    return None


class ErrorBoundary(TyperGroup):
    """The command group that turns errors a person can act on into one line and exit code 2.

    Typer's own exits and usage errors are none of those types, so they pass through unchanged.
    Everything the command prints goes through ``cli_output.guarded_output``: user text cannot
    drive the terminal."""

    def invoke(self, ctx: Any) -> Any:  # a typer Context
        from clearair.cli_output import flush_output, guarded_output

        with guarded_output():
            try:
                result = super().invoke(ctx)
                flush_output()
                return result
            except Exception as err:  # noqa: BLE001 - classified below; anything else is re-raised
                if not isinstance(err, typer.Exit):
                    flush_output()  # a failed output explains the error better than the error itself
                message = message_for(err)
                if message is None:
                    raise
                fail(message)
