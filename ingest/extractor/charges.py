"""Charges as the text states them ("conspiracy to commit wire fraud") and their category."""

from __future__ import annotations

import re

from .events import Event, SentenceContext, is_hypothetical, pick_date
from .gazetteers import WEEKDAY_NAMES

# Category -> stems; the first category whose stem occurs in the phrase wins, so the order
# puts the specific before the general ("money laundering" is not filed under fraud).
CATEGORY_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foreign_agent",
        ("foreign agent", "unregistered agent", "agent of a foreign", "foreign-agent"),
    ),
    (
        "espionage",
        (
            "espionage",
            "spying",
            "spy ",
            "spied",
            "treason",
            "state secret",
            "intelligence",
            "classified",
        ),
    ),
    ("money_laundering", ("launder",)),
    (
        "cybercrime",
        (
            "hack",
            "cyber",
            "computer",
            "intrusion",
            "malware",
            "ransomware",
            "phishing",
            "carding",
            "botnet",
            "data theft",
        ),
    ),
    ("sanctions_export", ("sanction", "export", "embargo", "dual-use", "dual use")),
    (
        "drugs",
        (
            "drug",
            "narcotic",
            "cocaine",
            "heroin",
            "cannabis",
            "marijuana",
            "methamphetamine",
            "hashish",
            "opium",
            "amphetamine",
            "ecstasy",
            "mdma",
            "psychotropic",
        ),
    ),
    ("weapons", ("weapon", "firearm", "gun", "ammunition", "explosive", "arms ")),
    (
        "immigration",
        (
            "immigration",
            "illegal entry",
            "visa",
            "overstay",
            "migrant",
            "human smuggling",
            "people smuggling",
            "illegal border",
            "residence permit",
            "work permit",
            "entry into",
        ),
    ),
    (
        "fraud",
        (
            "fraud",
            "scam",
            "cheque",
            "check kiting",
            "embezzl",
            "forg",
            "counterfeit",
            "swindl",
            "bounced",
            "false pretences",
            "deception",
            "banking regulation",
        ),
    ),
    (
        "violent",
        (
            "murder",
            "assassinat",
            "kill",
            "homicide",
            "manslaughter",
            "assault",
            "rape",
            "robbery",
            "stab",
            "terror",
            "kidnap",
            "attack",
            "violen",
            "riot",
            "sabotage",
            "arson",
            "hooligan",
        ),
    ),
)

# Words that make an "accused of ..." phrase a criminal charge rather than any accusation.
_GENERIC_OFFENCE = [
    "adulter",
    "insider trading",
    "terroris",
    "smuggl",
    "theft",
    "steal",
    "stole",
    "crime",
    "offence",
    "offense",
    "illegal",
    "unlawful",
    "violat",
    "breach",
    "break",
    "corrupt",
    "brib",
    "extremis",
    "regulation",
    "blasphem",
    "insult",
    "defam",
    "vandal",
    "trespass",
    "poach",
    "mining",
    "evasion",
    "tax",
    "traffick",
    "conspir",
    "extort",
    "organisation",
    "organization",
    "gang",
    "false information",
    "fake",
    "discredit",
    "mercenar",
    "collaborat",
    "collu",
    "hostile",
    "photograph",
    "import",
    "possess",
    "insult",
    "incit",
    "hatred",
    "propaganda",
    "subversi",
    "separatis",
    "sedition",
    "hooligan",
    "obscen",
    "indecen",
    "disrespect",
    "bribe",
    "murder",
    "national security",
    "state security",
    "drunk",
    "coup",
    "plotting",
    "kickback",
    "public order",
    "sexual",
    "having sex",
    "rebel",
    "criminal association",
    "criminal group",
    "criminal organi",
    "criminal communit",
    "blackmail",
    "perjur",
    "obstruct",
    "child abuse",
    "abuse of",
    "hostage-taking",
    "hostage taking",
    "taking hostages",
    "piracy",
    "property destruction",
    "destruction of property",
]
_OFFENCE_WORDS = re.compile(
    "|".join(
        re.escape(stem.strip())
        for stem in sorted(
            set(_GENERIC_OFFENCE) | {s for _c, stems in CATEGORY_STEMS for s in stems}, key=len
        )[::-1]
    )
    # "for acquiring citizenship without the state's approval": a deed done without leave
    + r"|\bwithout\s+(?:[\w'’-]+\s+){0,3}?(?:permission|approval|authori[sz]ation|"
    r"licen[cs]e|permit|consent)\b",
    re.IGNORECASE,
)

# The stems that name one offence, not offending in general ("a crime", "an offence").
_SPECIFIC_STEMS = "|".join(
    re.escape(stem.strip())
    for stem in sorted(
        (set(_GENERIC_OFFENCE) - {"crime", "offence", "offense"})
        | {s for _c, stems in CATEGORY_STEMS for s in stems},
        key=len,
    )[::-1]
)
# "jailed for a large insurance fraud ring", "for a 1990 double murder": after the article,
# a year and the words that lead to a named offence.
_AFTER_A_NAMED = r"\s+(?:\d{4}\s+)?(?:[\w-]+\s+){0,2}?(?:" + _SPECIFIC_STEMS + r")"
_NAMED_AFTER_ARTICLE = re.compile(
    r"^(?:a|an)\s+(?:\d{4}\s+)?(?=(?:[\w-]+\s+){0,2}?(?:" + _SPECIFIC_STEMS + r"))",
    re.IGNORECASE,
)

# "for the 2019 murder of a judge": a harm done to someone names the offence.
_HARM = r"(?:murder|assassination|killing|kidnapping|abduction|rape|stabbing|shooting)"

_STRONG = (
    r"charged\s+(?:(?:\w+\s+){0,7}?)with|convict(?:ed|ing)\s+(?:(?:\w+\s+){0,5}?)of|"
    # "charges against him include", "faces 9 charges in the US, including"
    r"charges\s+(?:(?:against|in)\s+(?:[\w.-]+\s+){0,2}?[\w.-]+\s*,?\s+)?"
    r"(?:include|included|including|"
    r"ranging\s+from)|"
    r"found\s+(?:(?:[\w,]+\s+){0,5}?)guilty\s+(?:(?:[\w,]+\s+){0,6}?)of|"
    # "pleaded guilty in May to", "pleaded guilty last month to"
    r"plead(?:ed|ing|s)?\s+(?:not\s+)?guilty\s+(?:(?:in|on|at)\s+(?:\w+\s+){1,3}?|"
    r"(?:last|this|earlier\s+this)\s+\w+\s+)?to|"
    # "indicted in Nevada on four counts of", "a federal indictment for"
    r"indict(?:ed|ment)\s+(?:in\s+(?:[A-Z][\w.]*\s+){1,3})?(?:on|for)"
    r"(?:\s+(?:[\w-]+\s+)?counts?\s+of)?|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+counts?\s+of|"
    # "10 charges on multiple conspiracy counts": the offence named before "counts"
    r"charges\s+on\s+(?:multiple|several|numerous|\w+)(?=\s+[\w-]+\s+counts?\b)|"
    r"on\s+charges\s+of|"
    # "a charge of", "on a second charge of", "the lesser charge of"
    r"(?:a|the)\s+(?:(?:second|third|further|separate|new|fresh|lesser|single|additional|"
    r"main|final|first)\s+)?charges?\s+of|"
    # "on false charges of", "trumped-up charges of": a judgement of the charges, then them
    r"(?:false|trumped-up|bogus|fabricated|spurious|dubious|criminal|formal|serious)\s+"
    r"charges?\s+of|"
    r"(?:faces?|facing|faced|including|includes|included|multiple|several|two|three|four|"
    r"five|\d+)\s+charges\s+of|acquitted\s+(?:(?:\w+\s+){0,2}?)of|cleared\s+(?:(?:\w+\s+){0,2}?)of"
)
_WEAK = (
    r"(?:claim|claims|claimed|allege|alleges|alleged)\s+(?:that\s+)?(?:he|she|they)(?:\s+had)?|"
    r"accused\s+(?:(?:\w+\s+){0,2}?)of|accus(?:e[sd]?|ing)\s+(?:\w+\s+)of|suspected\s+of|"
    # "is accused in South Korea of", "faces Greek accusations of"
    r"accused\s+in\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){1,3}of|accusations?\s+of|"
    # "accused Moreau, 41, and Diallo, 29, of": the people accused, each with an age
    r"accuse[sd]?\s+(?:(?:and\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,\s*\d{1,2})?,?\s+){1,3}of|"
    r"on\s+suspicion\s+of|"
    r"(?:sentenced|jailed|fined|arrested|detained|held|imprisoned|faces?|facing|serving|served|"
    r"convicted|sentence|term|sent\s+to\s+(?:prison|jail)|in\s+(?:[A-Z][\w-]*\s+)?(?:prisons?|jails?)|execution|"
    r"executed|on\s+death\s+row)\b"
    # "for" and the offence, not "for a year" (but "for a drug offence") or "for the first time";
    # the last full stop of initials ("a U.S. federal jail for") ends no sentence
    r"(?:[^.;]|\.(?!\s)|(?<=[A-Z]\.[A-Z])\.){0,120}?\bfor(?!\s+(?:(?:a|an)(?!\s+(?:[\w-]+\s+){1,2}?"
    r"(?:offen[cs]es?|conviction)\b)(?!" + _AFTER_A_NAMED + r")|"
    r"the(?!\s+(?:(?:offen[cs]es?|crimes?)\s+of|(?:\d{4}\s+)?" + _HARM + r"\s+of)\b)|\d|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|life|up|more|over|about|almost|nearly|"
    r"several|months|years|weeks|days)\b)|"
    r"(?:arrested|detained|jailed|held)\s+over|wanted\s+(?:for|over)|"
    # "sentenced to three years, reportedly over immigration offences"
    r"(?:sentenced|jailed|convicted|imprisoned|fined)\b(?:[^.;]){0,80}?\b(?:reportedly\s+|"
    r"allegedly\s+)?over(?=\s+(?:alleged\s+)?[a-z])|"
    # "sentenced to death in the murder of a child"
    r"(?:sentenced|convicted|jailed|arrested|detained|charged|executed|tried)\b(?:[^.;]){0,80}?"
    r"\bin(?:\s+the)?(?=\s+(?:murder|killing|death|stabbing|shooting|rape|kidnapping|"
    r"abduction|robbery)\s+of\b)"
)
_TRIGGER = re.compile(
    r"\b(?:(?P<strong>" + _STRONG + r")|(?P<weak>" + _WEAK + r"))\s+", re.IGNORECASE
)
_NOUN_CHARGES = re.compile(
    r"\b(?:on|faces?|facing|face|a|an|the|two|three|four|five|six|new|additional|fresh)\s+"
    # "on firearms and public order charges": two fields of offence share the head noun
    r"(?:(?P<first>[\w-]+)\s+(?:and|or)\s+)?"
    r"(?P<what>(?:[\w\"“”-]+\s+){0,2}?[\w\"“”-]+)\s+"
    r"(?P<head>charges?)\b",
    re.IGNORECASE,
)
# "after an embezzlement conviction", "his 2019 fraud conviction": the offence proved
_NOUN_CONVICTION = re.compile(
    r"\b(?:a|an|his|her|their)\s+(?:\d{4}\s+)?(?P<what>(?:[\w-]+\s+)?[\w-]+)\s+"
    r"(?P<head>conviction)\b",
    re.IGNORECASE,
)
_BROUGHT = re.compile(r"(?:on|faces?|facing)\s", re.IGNORECASE)
# "drug charges", "weapons charges", "drug-related charges": a word that names the field of an
# offence, not the offence, so the charge is stated with its head noun.
_FIELD_OF_OFFENCE = re.compile(
    r"^(?:drugs?|narcotics?|weapons?|arms|guns?|firearms?|tax|immigration|visa|currency|"
    r"customs|public\s+order|[\w]+-related)$",
    re.IGNORECASE,
)
# "the theft charge", "a drug offence": a determiner, the words that name the offence, its head.
_BARE_HEAD = re.compile(
    r"^(?:the|a|an)\s+(?:\d{4}\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\s+(charges?|offen[cs]es?|convictions?)$",
    re.IGNORECASE,
)
# "for the offences of X", "of the crime of X": the words that name what follows as a charge.
_OFFENCE_LEAD = re.compile(r"^(?:the\s+)?(?:offen[cs]es?|crimes?|charges?)\s+of\s+", re.IGNORECASE)
_NOT_A_CHARGE_ADJ = re.compile(
    r"^(?:a|an|trumped-up|dubious|related|formal|criminal|new|several|the|these|those|such|similar|"
    r"multiple|various|other|fabricated|politically|serious|unspecified|unrelated|false|bogus|"
    r"two|three|four|five|all)$",
    re.IGNORECASE,
)

# Where a charge phrase stops: punctuation, a new clause, or words that start circumstances.
_STOP = re.compile(
    r"[;:()\"“”]|,(?!\d)|(?<!\b[A-Z])\.(?!\d|[A-Z]\.)"
    r"|\s+and\s+(?:was|were|is|has|had|have|been|then|later|sentenced|fined|served|received|faces|"
    r"could|will|pleaded|said|says|told|denies|insists|\w+ed)\b"
    r"|\s+(?:was|were|is|are|has|have|had)\b"  # "accused of spying was sentenced": the verb
    r"|\s+committed\b"  # "for a drug offence committed abroad": where, not what
    r"|\s+(?:but|while|when|after|before|because|though|although|rather\s+than|instead|by|that|"
    r"which|who|whom|where|if|since|until|during|under|following|despite|outside|inside|"
    r"near|between)\b"
    r"|\s+(?:at|on|over|from)\s+(?:the|a|an|his|her|their)\b|\s+at\s+[A-Z]"
    r"|\s+on\s+\d|\s+from\s+[A-Z]"
    # "charged with theft on Monday": the day, not the deed
    r"|\s+(?:on|last|this)\s+" + WEEKDAY_NAMES + r"\b"
    # "taking part in a gang", "membership in a group": what the part is taken in
    r"|(?<!\bpart)(?<!\bparticipating)(?<!\bparticipation)(?<!\bmembership)"
    r"(?<!\binvolvement)(?<!\bcomplicity)\s+in\s+(?:\d|[A-Z]|(?:the|a|an|his|her|their)\b)"
    r"|\s+with\s+(?:the\s+)?(?:intent|intention|aim|goal|purpose)\b"  # why, not what
    r"|\s+over\s+(?:alleged|suspected|purported)\b"  # "over alleged links": the grounds
    r"|\s+for\s+(?:(?:which|the|a|an|his|her|their|several|years|months)\b|\d)"
    r"|\s+(?:last|this|next|earlier|later)\s+(?:week|month|year)"
    # "jailed on charges of spying for X two years earlier": when, not what
    r"|\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
    r"(?:years?|months?|weeks?|days?|decades?)\s+(?:and\s+a\s+half\s+)?(?:ago|earlier|before)\b"
    r"|\s+(?:in\s+connection\s+with|in\s+relation\s+to|as\s+part\s+of)\b"
    r"|\s[–—-]\s"
)
_TRAILING = re.compile(r"(?:\s+(?:and|or|of|the|a|an|to|with|for))+$", re.IGNORECASE)
_SPLIT = re.compile(r"\s+and\s+(?:of\s+)?(?=[\"“]?[a-z])")
# "of spying and "for taking bribes"": a quoted item, with its own preposition, is the charge
_QUOTED_PART = re.compile(r"^[\"“](?:(?:for|of)\s+)?([^\"“”]+)[\"”]$")
_MAX_WORDS = 12
_NOT_A_CHARGE_START = (
    "each ",
    "every ",
    "a ",
    "an ",
    "the ",
    "his ",
    "her ",
    "their ",
    "all ",
    "any ",
    "some ",
    "these ",
    "those ",
    "such ",
)
_NO_OBJECT = frozenset(["of", "with", "guilty", "to", "on", "for", "in", "not"])
_OBJECT_VERBS = frozenset(
    [
        "charged",
        "convicted",
        "accused",
        "accuse",
        "accuses",
        "found",
        "convicting",
        "acquitted",
        "cleared",
        "sentenced",
        "jailed",
        "fined",
        "claim",
        "claims",
        "claimed",
        "allege",
        "alleges",
        "alleged",
    ]
)


# "accused of being a spy", "of being a foreign spy": the charge is spying
_BEING_A_SPY = re.compile(r"^being\s+an?\s+(?:[\w-]+\s+)?spy\b", re.IGNORECASE)
# Words of offending in general, with nothing that names which offence.
_NO_OFFENCE_NAMED = re.compile(
    r"^(?:(?:similar|other|such|related|unspecified|various|several|many|minor|serious|"
    r"unrelated|these|those|the|same|alleged)\s+)*"
    r"(?:crimes?|offen[cs]es?|charges?|wrongdoing|misdeeds?)$",
    re.IGNORECASE,
)
# "nine others", "12 charges": a count of people charged together, or of charges.
_COUNTED = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|several)\s+"
    r"(?:other\s+|more\s+|separate\s+|criminal\s+|federal\s+)?"
    r"(?P<what>people|persons|men|women|others|co-defendants|defendants|suspects|charges|"
    r"counts|offences|offenses|crimes)$",
    re.IGNORECASE,
)
_PEOPLE_COUNTED = frozenset(
    ["people", "persons", "men", "women", "others", "co-defendants", "defendants", "suspects"]
)
_NAMING = r"(?:including|among\s+them|such\s+as)\s+"
# "charges including A and B" read as one phrase: the lead before the first charge named.
_INCLUDING_LEAD = re.compile(
    r"^(?:(?:criminal\s+|several\s+|other\s+)?(?:charges|counts|offences|offenses),?\s+)?"
    + _NAMING,
    re.IGNORECASE,
)
# ", including A and B" after a count of charges.
_INCLUDING = re.compile(r"^\s*,?\s*" + _NAMING, re.IGNORECASE)


# "for filming the destruction of", "for reporting child abuse", "for writing about
# corruption": what a reporter, filmmaker or critic told of, not what they did.
_TELLING_OF = re.compile(
    r"^(?:filming|reporting(?:\s+on)?|writing\s+(?:about|on)|criticising|criticizing|"
    r"documenting|investigating|covering|exposing|photographing|denouncing|speaking\s+(?:out\s+)?"
    r"(?:about|against|on)|campaigning\s+against|protesting\s+(?:against|about)|"
    r"(?:making|shooting)\s+a\s+(?:documentary|film)\s+(?:about|on))\b",
    re.IGNORECASE,
)


def categorise(phrase: str) -> str:
    low = f" {phrase.lower()} "
    for category, stems in CATEGORY_STEMS:
        if any(stem in low for stem in stems):
            return category
    return "other"


# A quoted term inside a charge: "registered as a “foreign agent”".
_INNER_QUOTE = re.compile(r"[\"“][^\"“”]{1,40}[\"”]")


def _cut(text: str) -> str:
    match = _STOP.search(text)
    while match and match.start() > 0:
        inner = _INNER_QUOTE.match(text, match.start())
        if not inner:
            break
        match = _STOP.search(text, inner.end())
    phrase = _TRAILING.sub("", (text[: match.start()] if match else text).rstrip())
    words = phrase.split()
    return " ".join(words[:_MAX_WORDS]) if len(words) <= _MAX_WORDS else ""


def _phrases(raw: str, strong: bool) -> list[str]:
    """One or more charges from the words after a trigger: "sabotage and illegal possession of
    explosives" is two. After a loose trigger ("accused of") the circumstances that follow
    "with" ("flying in with two kilograms of cocaine") are no part of the charge."""
    raw = _INVOLVEMENT.sub("", raw, count=1)
    raw = _INVOLVED_IN.sub("", raw, count=1)
    quoted = _QUOTED_LIST.match(raw)
    if quoted:
        # accused of "insulting the president" and "inciting social hatred"
        return [q.strip(" ,.") for q in re.findall(r"[\"“]([^\"”]{3,80})[\"”]", quoted.group())]
    in_quote = raw[:1] in '"“'
    if in_quote:
        raw = raw[1:]  # a quotation too long to be the charge itself: read its first words
    if not strong:
        raw = re.split(r"\s+with\b", raw, maxsplit=1)[0]
    shared = _SHARED_HEAD.match(raw)
    if shared and _one_head(shared):
        rest = raw[shared.end() :]
        head = shared.group("head")
        mods = re.split(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", shared.group("mods"))
        return [f"{mod} {head}" for mod in mods] + _listed_after(rest, strong=strong)
    cut = _cut(raw)
    if not cut:
        return []
    parts = [_QUOTED_PART.sub(r"\1", p.strip()) for p in _SPLIT.split(cut) if p.strip()]
    # "to damage computers and to transmit demands" is one charge, not two
    if not (len(parts) > 1 and all(len(p.split()) <= 8 and p[:3] != "to " for p in parts)):
        parts = [cut]
    elif _SHARED_OBJECT.match(cut) and not _OFFENCE_WORDS.search(parts[0]):
        parts = [cut]  # "forming and leading a group": one deed told by two verbs
    rest = raw[raw.find(cut) + len(cut) :]
    if in_quote:
        # charged with "A, B, as well as C": every item of the quotation is a charge
        close = re.search(r"[\"”]", rest)
        rest = rest[: close.start()] if close else rest
    return parts + _listed_after(rest, quoted=in_quote, strong=strong)


_SHARED_OBJECT = re.compile(r"^[a-z]+ing\s+and\s+[a-z]+ing\s")
# "bank, wire and visa fraud": words that each name a kind of the one offence after them
_SHARED_HEAD = re.compile(
    r"^(?P<mods>[a-z][\w-]*(?:\s*,\s*[a-z][\w-]*)*\s*,?\s+(?:and|or)\s+[a-z][\w-]*)"
    r"\s+(?P<head>[a-z][\w-]*)"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:and|or|in|on|at|for|from|since|to)\b)"
)


def _one_head(shared: re.Match[str]) -> bool:
    """The first word names no offence by itself ("bank"), the last does ("fraud")."""
    first = re.match(r"[\w-]+", shared.group("mods")).group()
    return not _OFFENCE_WORDS.search(first) and bool(_OFFENCE_WORDS.search(shared.group("head")))


# "accused of involvement in the 'murder-for-hire' plot": the charge is what they took part in
_INVOLVEMENT = re.compile(
    r"^(?:involvement|participation|(?:a|an|his|her|their)\s+(?:alleged\s+)?role)\s+in\s+"
    r"(?:the\s+|a\s+|an\s+)?(?=[\"“])",
    re.IGNORECASE,
)
# "accused of being involved in a plot or conspiracy to ...": the charge is the plot itself
_INVOLVED_IN = re.compile(
    r"^(?:being\s+|having\s+been\s+)?involved\s+in\s+(?:a|an|the)\s+(?=[a-z])", re.IGNORECASE
)
# A quoted reason of two words or more that is no span of time ("for 'years'").
_QUOTED_REASON = re.compile(
    r"^\s*[\"“](?!(?:[\w-]+\s+)?(?:years?|months?|weeks?|days?|decades?)\b)[^\"”\s]+\s[^\"”]{2,80}[\"”]",
    re.IGNORECASE,
)
_QUOTED_LIST = re.compile(
    r"^\s*[\"“][^\"”]{3,80}[\"”](?:\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)[\"“][^\"”]{3,80}[\"”])*"
)
_LIST_ITEM = re.compile(
    r"^\s*(?P<sep>,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
    r"[\"“]?(?P<item>[a-z][\w’'-]*(?:\s+[\"“]?[\w’'-]+){0,7}?)"
    # the last item ends where the circumstances begin ("... and arson by a court in X")
    r"(?=[\"”]?\s*(?:,|\band\b|\bas\s+well\s+as\b|[.;]|$)|\s+(?:at|after|before)\s"
    r"|\s+by\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:court|judge|tribunal|jury|panel)\b)"
)
# "leading a group called Al-Nur (the Light) and ...": a name's gloss inside a list
_GLOSS = re.compile(r"^\s*\([^()]{1,80}\)")
# "of sneaking in illegally in March and engaging in ...": when a charge ends at a date, the
# list goes on after it.
_LIST_DATE = re.compile(
    r"^\s+(?:in|on|since|during)\s+(?:(?:early|late|mid-)\s*)?(?:\d{4}|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{4})?"
    r"(?=\s+and\s)"
)


# "charges of fraud, tampering with evidence and ...": after a word that brings charges, an
# item that starts with a verb in -ing names a deed charged, not the circumstances, unless
# the word is one that opens a circumstance ("including", "pending").
_DEED_ITEM = re.compile(
    r"^(?!(?:including|during|following|pending|according|regarding|concerning|involving|"
    r"carrying|facing|bringing|leaving|totalling|totaling|amounting|being)\b)[a-z]{2,}ing\b"
)


def _within_list(match: re.Match[str], rest: str) -> bool:
    """An item joined by "and", or followed by another: not a clause that closes the sentence
    (", ordering him to serve life")."""
    return (
        "and" in match.group("sep") or re.match(r"\s*(?:,|and\b)", rest[match.end() :]) is not None
    )


def _listed_after(rest: str, *, quoted: bool = False, strong: bool = False) -> list[str]:
    """ "conspiracy to violate export controls, smuggling and money laundering": the charges
    listed after the first one, as long as each reads as an offence (inside a quotation that
    lists charges, each item is one; after a word that brings charges, so is a deed told by
    its verb). "Fraud and abuse" after a comma stays one charge."""
    found: list[str] = []
    rest = _LIST_DATE.sub("", rest, count=1)
    rest = _GLOSS.sub("", rest, count=1)
    while True:
        match = _LIST_ITEM.match(rest)
        if not match:
            return found
        item = match.group("item")
        deed = strong and _DEED_ITEM.match(item) is not None and _within_list(match, rest)
        if not quoted and not deed and not _OFFENCE_WORDS.search(item):
            if not found or match.group("sep").strip() != "and":
                return found
            found[-1] += match.group()  # "computer fraud and abuse"
        elif (
            quoted
            and found
            and match.group("sep").strip() == "and"
            and not (_OFFENCE_WORDS.search(found[-1]))
        ):
            found[-1] += match.group()  # "supporting and funding terrorism"
        else:
            found.append(item)
        rest = rest[match.end() :]


# "Filipino murder convict Joselito Zapanta", "drug trafficking suspect Li Wen": the offence
# named by the lower-case words before the noun that stands before a name.
_OFFENDER_NOUN = re.compile(
    r"(?P<what>(?<![\w-])[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?P<t>convicts?|suspects?)"
    r"\s+(?=[A-Z][a-z])"
)


def _offender_nouns(context: SentenceContext) -> list[Event]:
    events: list[Event] = []
    base = context.sentence.start
    for match in _OFFENDER_NOUN.finditer(context.text):
        words = match.group("what").split()
        while words and not _OFFENCE_WORDS.search(words[0]):
            words = words[1:]
        phrase = " ".join(words)
        if not phrase:
            continue
        start = base + match.end("what") - len(phrase)
        anchor = base + match.start("t")
        events.append(
            Event(
                kind="charge",
                sentence=context.sentence.index,
                start=start,
                end=start + len(phrase),
                anchor=anchor,
                anchor_end=base + match.end("t"),
                transitive=True,
                hypothetical=False,
                date=None,
                data={"phrase": phrase, "category": categorise(phrase), "strong": True},
            )
        )
    return events


def find_charges(context: SentenceContext) -> list[Event]:
    events: list[Event] = _offender_nouns(context)
    base = context.sentence.start
    text = context.text
    for match in _triggers(text):
        strong = match.group("strong") is not None
        trigger_words = match.group().lower().split()
        # "charged with", "indicted for": a charge was brought. "Held on charges of" and
        # "the charge of" name what a detention is about, not a step of the case.
        formal = strong and trigger_words[0] not in ("on", "a", "the")
        trigger_word = trigger_words[0]
        # "convicted her of": the object sits between verb and preposition.
        has_object = len(trigger_words) > 2 and trigger_words[1] not in _NO_OBJECT
        anchor = base + match.start()
        verb_end = anchor + len(trigger_word)
        tail = text[match.end() :]
        offset = match.end()
        lead = _OFFENCE_LEAD.match(tail)
        if lead:
            tail, offset = tail[lead.end() :], offset + lead.end()
        # "deported for the offences of X and Y": the text itself calls each an offence, and
        # "sentenced to death for 'cooperating with an enemy state'" quotes the court's words.
        quoted_reason = trigger_words[-1] == "for" and bool(_QUOTED_REASON.match(tail))
        named = strong or lead is not None or quoted_reason
        emitted: set[str] = set()
        phrases = _phrases(tail, named)
        # "accused of spying and taking part in protests": the deed joined to an offence
        offending = any(_OFFENCE_WORDS.search(p) for p in phrases)
        for phrase in phrases:
            deed = offending and _DEED_ITEM.match(phrase) is not None
            if not named and not deed and not _OFFENCE_WORDS.search(phrase):
                continue
            if not named and _TELLING_OF.match(phrase):
                continue  # "jailed for writing about abuse of power": the offence is the topic
            phrase = re.sub(r"^(?:with|of)\s+", "", phrase)
            phrase = re.sub(
                r"^(?:allegedly|reportedly|supposedly|alleged|suspected|purported)\s+", "", phrase
            )
            phrase = _BEING_A_SPY.sub("spying", phrase)
            phrase = _HARM_LEAD.sub("", phrase)
            phrase = re.sub(r"(?<=\w)\s+counts?$", "", phrase)  # "conspiracy counts"
            bare = _BARE_HEAD.match(phrase)
            if bare and not any(_NOT_A_CHARGE_ADJ.match(w) for w in bare.group(1).split()):
                # "pleaded not guilty to the theft charge", "jailed for a drug offence"
                what, head = bare.group(1), bare.group(2).lower()
                # "for a 2021 bribery conviction": the offence is what was proved
                head = "" if head.startswith("conviction") else head
                keep_head = head.startswith("offen") or _FIELD_OF_OFFENCE.match(what)
                phrase = f"{what} {head}" if keep_head and head else what
            article = _NAMED_AFTER_ARTICLE.match(phrase) if trigger_words[-1] == "for" else None
            if article:
                # "for a fraud scheme", not "for a related attack" (another's offence)
                phrase = phrase[article.end() :]
                if _NOT_A_CHARGE_ADJ.match(phrase.split()[0]):
                    continue
            phrase = _INCLUDING_LEAD.sub("", phrase)  # "12 charges, including bribery"
            if phrase.lower().startswith(_NOT_A_CHARGE_START) or phrase.isdigit():
                continue
            listed, here, at = [phrase], tail, offset
            counted = _COUNTED.match(phrase)
            if counted:
                # "charged with nine others": no charge. "to 12 charges, including
                # bribery and fraud": the charges are those it goes on to name.
                after = tail[tail.find(phrase) + len(phrase) :]
                named_after = _INCLUDING.match(after)
                if counted.group("what").lower() in _PEOPLE_COUNTED or not named_after:
                    continue
                here = after[named_after.end() :]
                at = offset + len(tail) - len(here)
                listed = _phrases(here, True)
            for phrase in listed:
                if _NO_OFFENCE_NAMED.match(phrase):
                    continue  # "for similar offences", "wanted for crimes"
                if phrase in emitted:
                    continue  # "12 charges, including A and B", then "including A" again
                emitted.add(phrase)
                start = base + at + max(here.find(phrase), 0)
                end = start + len(phrase)
                if len(re.findall(r"[\"“”]", phrase)) % 2:
                    phrase = re.sub(r"[\"“”]", "", phrase)  # engaging in "hostile acts: unclosed
                events.append(
                    _charge_event(
                        context,
                        phrase,
                        (start, end),
                        (anchor, verb_end),
                        transitive=has_object and trigger_word in _OBJECT_VERBS,
                        strong=strong,
                        formal=formal,
                    )
                )
    for match in [*_NOUN_CHARGES.finditer(text), *_NOUN_CONVICTION.finditer(text)]:
        for group in ("first", "what"):
            if group in match.re.groupindex and match.group(group):
                event = _noun_charge(context, match, group)
                if event:
                    events.append(event)
    return events


def _noun_charge(context: SentenceContext, match: re.Match[str], group: str) -> Event | None:
    """The charge named before the word "charges" ("held on espionage charges"), or the
    first of two named there ("on drug and weapons charges")."""
    base = context.sentence.start
    words = [w.strip('"“”') for w in match.group(group).split()]
    words = [w for w in words if w]
    while words and _NOT_A_CHARGE_ADJ.match(words[0]):
        words = words[1:]
    while words and words[-1].lower() in ("and", "or"):
        words = words[:-1]  # "on conspiracy and charges related to ...": the first charge
    if not words or any(_NOT_A_CHARGE_ADJ.match(w) for w in words):
        return None
    phrase = " ".join(words)
    if not _OFFENCE_WORDS.search(phrase):
        return None
    start = base + match.start(group) + match.group(group).find(words[0])
    end = start + len(phrase)
    if _FIELD_OF_OFFENCE.match(phrase):
        phrase = f"{phrase} {match.group('head').lower()}"
        end = base + match.end("head") if group == "what" else end
    anchor = base + match.start()
    # "held on terrorism charges", "faces spying charges": charges were brought
    formal = _BROUGHT.match(match.group()) is not None
    return _charge_event(
        context,
        phrase,
        (start, end),
        (anchor, base + match.end()),
        transitive=False,
        strong=True,
        formal=formal,
    )


def _charge_event(
    context: SentenceContext,
    phrase: str,
    span: tuple[int, int],
    verb: tuple[int, int],
    *,
    transitive: bool,
    strong: bool,
    formal: bool,
) -> Event:
    """A charge event: `span` is where the phrase is in the text, `verb` the trigger's."""
    anchor, anchor_end = verb
    return Event(
        kind="charge",
        sentence=context.sentence.index,
        start=span[0],
        end=span[1],
        anchor=anchor,
        anchor_end=anchor_end,
        transitive=transitive,
        hypothetical=_charge_hypothetical(context, anchor),
        date=pick_date(context, anchor),
        data={"phrase": phrase, "category": categorise(phrase), "strong": strong, "formal": formal},
    )


# A word that brings charges, read again inside the reach of a loose one.
_STRONG_TRIGGER = re.compile(r"\b(?:" + _STRONG + r")\s+", re.IGNORECASE)


def _triggers(text: str) -> list[re.Match[str]]:
    """Each trigger in reading order, a loose one cut at its nearest preposition: in
    "sentenced to three years over X and for Y", "sentenced ... over" comes before
    "sentenced ... for", so X is read and not lost to the longer reach. Nor is a word that
    brings charges lost inside that reach ("sentenced after being found guilty of X and
    'for Y'")."""
    found: list[re.Match[str]] = []
    pos = 0
    while match := _TRIGGER.search(text, pos):
        while match.group("weak") is not None:
            shorter = _TRIGGER.match(text, match.start(), match.end() - 1)
            if not shorter or shorter.end() >= match.end():
                break
            match = shorter
        found.append(match)
        pos = match.end()
        inner = _STRONG_TRIGGER.search(text, match.start() + 1, match.end())
        if match.group("weak") is not None and inner:
            pos = inner.start()
    return found


# "the 2019 assassination of a critic" read as "assassination of a critic"
_HARM_LEAD = re.compile(r"^the\s+(?:\d{4}\s+)?(?=" + _HARM + r"\s+of\b)", re.IGNORECASE)


def _charge_hypothetical(context: SentenceContext, anchor: int) -> bool:
    """A charge phrase stays true under "faces" or "could"; only denials and acquittals
    by negation ("was not charged with") undo it."""
    clause_start, _ = context.clause(anchor)
    window = context.text[
        max(clause_start, anchor - 30) - context.sentence.start : anchor - context.sentence.start
    ]
    return bool(re.search(r"\b(?:not|never|no)\b", window, re.IGNORECASE)) and is_hypothetical(
        context, anchor
    )
