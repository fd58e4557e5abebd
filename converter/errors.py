"""The converter's own error types: every one names the file and, where it applies, the line."""
from __future__ import annotations


class ConversionError(Exception):
    """A filing that cannot be converted. Printed as `path:line: message`, never as a traceback."""

    exit_code = 1

    def __init__(self, message: str, path: str = "", line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}" if where else self.message


class InputError(ConversionError):
    """Input that is not a text filing at all (empty, binary, HTML only, too large, unreadable)."""

    exit_code = 3


class NoStatementsError(ConversionError):
    """A readable filing in which no financial statement table (nor a stated amount) was found."""

    exit_code = 4


class ValidationFailure(ConversionError):
    """A rendered document failed schema validation; nothing was written."""

    exit_code = 5


class TimeLimit(ConversionError):
    """The filing took longer than the time limit of one conversion."""

    exit_code = 6


class MemoryLimit(ConversionError):
    """The filing needed more memory than the ceiling of one conversion."""

    exit_code = 7


class OutputError(ConversionError):
    """The output folder could not be written (permissions, a full disk)."""

    exit_code = 8


INTERNAL_ERROR = 70  # a bug of ours: reported per filing, never a traceback
INTERRUPTED = 130  # Ctrl-C

# the finding code of a filing that failed, by its exit status (validator/findings.py CODES)
FAILURE_CODES = {1: "convert:failed", 3: "input:refused", 4: "convert:noStatements", 5: "convert:invalidOutput",
                 6: "limit:time", 7: "limit:memory", 8: "output:unwritable", INTERNAL_ERROR: "internal:error"}
