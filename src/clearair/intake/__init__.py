"""intake: raw text in, a validated :class:`Document` out.

Reads text from a file, stdin or a string, rejects input that cannot be a
situation (with a one-line :class:`~clearair.errors.InputError`), normalises it
without moving any character, and splits a pasted thread into the letter, the
replies and the writer's updates.
"""

from clearair.intake.document import Document, build_document
from clearair.intake.reading import read_bytes, read_source
from clearair.intake.validate import validate_fragment, validate_text, validate_words

__all__ = ["Document", "build_document", "read_bytes", "read_source", "validate_fragment", "validate_text", "validate_words"]
