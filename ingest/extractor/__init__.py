"""Turn a news article into draft records of the people it reports detained abroad.

Plain Python with no framework or database: `extract(text, published)` returns an
`ExtractionResult`; `to_record()` gives the JSON shape reviewers and the scorer read.
"""

from .assemble import EXTRACTOR_VERSION, MAX_TEXT_CHARS, extract
from .metadata import split_metadata
from .records import (
    Charge,
    ConsularVisit,
    CountryFact,
    CourtSentence,
    Detainee,
    ExtractionResult,
    Extradition,
    Facility,
    MaxPenalty,
    NameMention,
    Nationality,
    Span,
)
from .serialize import result_to_dict, to_record

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_TEXT_CHARS",
    "Charge",
    "ConsularVisit",
    "CountryFact",
    "CourtSentence",
    "Detainee",
    "Extradition",
    "ExtractionResult",
    "Facility",
    "MaxPenalty",
    "NameMention",
    "Nationality",
    "Span",
    "extract",
    "result_to_dict",
    "split_metadata",
    "to_record",
]
