"""What the validator reports: a stable code, a severity, a message, and where."""
from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR, INCONSISTENCY, WARNING = "error", "inconsistency", "warning"

# Every code the validator emits, with what it means (README and --help list them from here).
CODES = {
    "input:unreadable": "the file cannot be read",
    "input:tooLarge": "the file is larger than --max-size",
    "input:notXbrl": "the file is XML but not an XBRL instance",
    "input:unsafeZip": "a zip member's name would unpack outside its folder (../, an absolute path): refused",
    "xml:notWellFormed": "the file is not well-formed XML",
    "security:dtd": "a DOCTYPE (DTD, entity declarations) is refused, never processed",
    "inline:tupleCycle": "an ix:tuple that would contain itself through its tupleRef chain",
    "inline:otherTarget": "inline facts of another target document than the one read (--inline-target)",
    "dts:schemaRefMissing": "the instance has no link:schemaRef",
    "dts:notAvailable": "a schema or linkbase is in no package, folder or bundled copy, nor a local file (fetched "
                        "only with --fetch)",
    "dts:notChecked": "facts whose concepts or types come from a schema that is not available: not checked",
    "dts:notInBundledSubset": "facts of official concepts the bundled taxonomy subset does not declare: not checked",
    "xsd:invalid": "the instance, a schema or a linkbase is not valid against XML Schema",
    "xbrl:undeclaredConcept": "a fact's element is declared in no schema of the DTS",
    "xbrl:contextMissing": "a fact's contextRef names no context",
    "xbrl:unitMissing": "a numeric fact has no unitRef, or it names no unit",
    "xbrl:unitOnNonNumeric": "a non-numeric fact has a unitRef",
    "xbrl:periodType": "the concept's periodType does not match the context's period",
    "xbrl:monetaryUnit": "a monetary fact's unit is not a single ISO 4217 currency",
    "xbrl:sharesUnit": "a shares fact's unit is not xbrli:shares",
    "xbrl:decimalsMissing": "a numeric fact has neither decimals nor precision",
    "xbrl:decimalsAndPrecision": "a numeric fact has both decimals and precision",
    "xbrl:decimalsOnNonNumeric": "a non-numeric fact has decimals or precision",
    "xbrl:periodStartAfterEnd": "a context's startDate is after its endDate",
    "xbrl:inconsistentDuplicate": "facts of one concept, context and unit disagree",
    "xbrl:duplicateContext": "two contexts have the same entity and period",
    "xbrl:duplicateUnit": "two units have the same measures",
    "xbrl:unusedContext": "a context no fact refers to",
    "xbrl:unusedUnit": "a unit no fact refers to",
    "xbrldie:RepeatedDimensionInInstanceError": "a context gives one dimension twice",
    "xbrldie:ExplicitMemberNotExplicitDimensionError": "an explicit member's dimension is not an explicit dimension",
    "xbrldie:ExplicitMemberUndefinedQNameError": "an explicit member is declared in no schema of the DTS",
    "xbrldie:DefaultValueUsedInInstanceError": "a context gives a dimension its default member",
    "xbrldie:PrimaryItemDimensionallyInvalidError": "no hypercube of the fact's primary item admits its context",
    "calc:inconsistent": "a total differs from its calculation children beyond rounding (Calculations 1.1)",
    "identity:balanceSheet": "Assets differs from LiabilitiesAndStockholdersEquity",
    "identity:cashRollForward": "cash at the start plus the change in cash differs from cash at the end",
    "internal:error": "a fault of the validator itself (the file is reported, the batch goes on)",
    # what a conversion reports (NAME.report.json "findings"), in the same shape
    "convert:warning": "a conversion's warning: numbers a filing prints twice differently, a scale inferred, no CIK",
    "convert:unplaced": "a table row or value a conversion left out, with why",
    "schedule:differs": "a value of the filer's EX-27 schedule differs from the statements' fact of its concept",
    # a filing that could not be converted (the command's FAIL line and --json-summary)
    "convert:failed": "a filing that could not be converted",
    "input:refused": "a file that is not a text filing (binary, HTML only, empty, too large, unreadable)",
    "convert:noStatements": "a readable filing with no statement table and no stated amount",
    "convert:invalidOutput": "the rendered output failed schema validation; nothing was written",
    "limit:time": "the conversion took longer than --time-limit",
    "limit:memory": "the conversion needed more memory than --memory-limit",
    "output:unwritable": "the output folder could not be written",
    "output:nameTaken": "two inputs would write one output folder: the later one is refused",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of any check: of a converted filing's output before it is written, of
    `txt2xbrl validate`, and what the CLI prints for either."""

    code: str
    severity: str
    message: str
    file: str
    line: int = 0
    column: int = 0

    def text(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        where += f":{self.column}" if self.line and self.column else ""
        return f"{where}: {self.severity} {self.code}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


UNUSABLE = {"input:unreadable", "input:tooLarge", "input:unsafeZip", "xml:notWellFormed", "security:dtd", "input:notXbrl", "internal:error"}
