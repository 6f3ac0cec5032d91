"""Speaker attribution for quotes found by :mod:`reader.extract.quotes`.

For each quote, in this order:

1. its own sentence: ``“…,” Graham said`` / ``“…,” said Daniel Fried, former …`` /
   ``“…” ― Karen Bobadilla`` after the quote; ``Lavrov told reporters: “…`` / ``according to the
   White House, “…`` / ``Trump called the senator a “nasty guy”`` before it; a fragment inside
   someone's reported speech belongs to the reporter (``Trump said that Clinton described it as
   “the gold standard”``);
2. the sentence just before it in its paragraph when that sentence attributes speech or
   introduces it with a colon (``…, Schiff said. “…”``, ``Obama has a new message: “…”``);
3. another quote of the same paragraph (``“A,” he said. “B.”``);
4. the previous paragraph's quote when this paragraph opens with a quotation (news convention for
   a speech running on) and names no speaker of its own, or a previous paragraph that ends by
   introducing it (``… reports:``).

Speakers are looked for in the quote's paragraph and its neighbours; a pronoun looks back a
few paragraphs for its person, and "it" to the body its sentence is about or that spoke just
before ("The ministry said: … It added: …"). Pronouns are resolved to the person who
opened a sentence since the last named speaker, else that speaker (or the last full name before
the quote). "He"/"she" must fit the person's gender when a title ("Mrs.") or a given name
(``reader.extract.first_names``) tells it: "Cruz said … he said" is Ted, not Heidi Cruz; a
"she" after a man falls back to the last woman named or who spoke, else stays "she". A surname
goes to the fullest mention ("Lavrov" -> "Sergei Lavrov"); when several people share it
("Mrs. Clinton": Hillary or Bill) a gendered or matching title decides, then a full mention just
before, then the one named most. Titles are dropped from the name ("Foreign Minister").

Cue verbs recognised (any tense form listed): say, tell, add, ask, write, state, note, warn,
explain, declare, insist, argue, claim, continue, recall, reply, respond, tweet, post, report,
announce, acknowledge, admit, concede, suggest, predict, promise, vow, pledge, urge, shout, yell,
chant, joke, quip, boast, brag, complain, lament, caution, observe, remark, comment, conclude,
counter, confirm, emphasize, stress, maintain, contend, agree, testify, wonder, demand, charge,
allege, blast, slam, mock, call, describe, dub, label, read, recount, exclaim, whisper, accuse,
praise, criticize, thunder, sing, put it; and "according to", and a dash credit ("― Name").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from reader.extract import timex_lexicon as lx
from reader.extract.first_names import gender_of_first_name
from reader.text.sentences import ABBREVIATIONS, TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from reader.extract.quotes import Quote

__all__ = ["CUE_PATTERN", "CUE_VERBS", "attribute", "is_title_case"]

_VERB_STEMS = {
    # base: (present 3rd, past, -ing)
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "add": ("adds", "added", "adding"),
    "ask": ("asks", "asked", "asking"),
    "write": ("writes", "wrote", "writing"),
    "state": ("states", "stated", "stating"),
    "note": ("notes", "noted", "noting"),
    "warn": ("warns", "warned", "warning"),
    "explain": ("explains", "explained", "explaining"),
    "declare": ("declares", "declared", "declaring"),
    "insist": ("insists", "insisted", "insisting"),
    "argue": ("argues", "argued", "arguing"),
    "claim": ("claims", "claimed", "claiming"),
    "continue": ("continues", "continued", "continuing"),
    "recall": ("recalls", "recalled", "recalling"),
    "reply": ("replies", "replied", "replying"),
    "respond": ("responds", "responded", "responding"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "post": ("posts", "posted", "posting"),
    "report": ("reports", "reported", "reporting"),
    "announce": ("announces", "announced", "announcing"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admits", "admitted", "admitting"),
    "concede": ("concedes", "conceded", "conceding"),
    "suggest": ("suggests", "suggested", "suggesting"),
    "predict": ("predicts", "predicted", "predicting"),
    "promise": ("promises", "promised", "promising"),
    "vow": ("vows", "vowed", "vowing"),
    "pledge": ("pledges", "pledged", "pledging"),
    "urge": ("urges", "urged", "urging"),
    "shout": ("shouts", "shouted", "shouting"),
    "yell": ("yells", "yelled", "yelling"),
    "chant": ("chants", "chanted", "chanting"),
    "joke": ("jokes", "joked", "joking"),
    "quip": ("quips", "quipped", "quipping"),
    "boast": ("boasts", "boasted", "boasting"),
    "brag": ("brags", "bragged", "bragging"),
    "complain": ("complains", "complained", "complaining"),
    "lament": ("laments", "lamented", "lamenting"),
    "caution": ("cautions", "cautioned", "cautioning"),
    "observe": ("observes", "observed", "observing"),
    "remark": ("remarks", "remarked", "remarking"),
    "comment": ("comments", "commented", "commenting"),
    "conclude": ("concludes", "concluded", "concluding"),
    "counter": ("counters", "countered", "countering"),
    "confirm": ("confirms", "confirmed", "confirming"),
    "emphasize": ("emphasizes", "emphasized", "emphasizing"),
    "stress": ("stresses", "stressed", "stressing"),
    "maintain": ("maintains", "maintained", "maintaining"),
    "contend": ("contends", "contended", "contending"),
    "agree": ("agrees", "agreed", "agreeing"),
    "testify": ("testifies", "testified", "testifying"),
    "wonder": ("wonders", "wondered", "wondering"),
    "demand": ("demands", "demanded", "demanding"),
    "charge": ("charges", "charged", "charging"),
    "allege": ("alleges", "alleged", "alleging"),
    "blast": ("blasts", "blasted", "blasting"),
    "slam": ("slams", "slammed", "slamming"),
    "mock": ("mocks", "mocked", "mocking"),
    "call": ("calls", "called", "calling"),
    "describe": ("describes", "described", "describing"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "label": ("labels", "labeled", "labeling"),
    "read": ("reads", "read", "reading"),
    "recount": ("recounts", "recounted", "recounting"),
    "exclaim": ("exclaims", "exclaimed", "exclaiming"),
    "whisper": ("whispers", "whispered", "whispering"),
    "accuse": ("accuses", "accused", "accusing"),
    "praise": ("praises", "praised", "praising"),
    "hail": ("hails", "hailed", "hailing"),
    "criticize": ("criticizes", "criticized", "criticizing"),
    "thunder": ("thunders", "thundered", "thundering"),
    "sing": ("sings", "sang", "singing"),
    # Reporting verbs that rewrites and synonym "spinning" put in place of "said".
    "mention": ("mentions", "mentioned", "mentioning"),
    "assert": ("asserts", "asserted", "asserting"),
    "reiterate": ("reiterates", "reiterated", "reiterating"),
    "underline": ("underlines", "underlined", "underlining"),
    "underscore": ("underscores", "underscored", "underscoring"),
}
CUE_VERBS: frozenset[str] = frozenset(
    list(_VERB_STEMS) + [form for forms in _VERB_STEMS.values() for form in forms]
)
"""Every verb form that introduces or closes a quotation."""

# Cues of two words: each form of the verb, and the word that must follow it.
_PHRASAL_CUES = {"put": "it", "point": "out", "points": "out", "pointed": "out", "pointing": "out"}

CUE_PATTERN = (
    lx.alternation([*CUE_VERBS, *(f"{form} {rest}" for form, rest in _PHRASAL_CUES.items())])
    + r"\b"
)
"""A cue verb as a regex (longest forms first), for other patterns to build on."""
# Between a subject and its verb: auxiliaries and one adverb ("has also said", "later told").
_AUX = r"(?:(?:has|have|had|would|will|could|did|does|also|later|then|once|previously|again|simply|just|still|even|never|often|now|already|[a-z]+ly)\s+){0,3}"
# Abbreviated titles before a name ("Sen.", "Det. Insp.", "Cllr."), the sentence splitter's
# own; the sentence finder below also knows them as abbreviations (no sentence ends at their dot).
_NAME_TITLE_ABBREVIATIONS = lx.alternation(word.capitalize() for word in TITLE_ABBREVIATIONS)
# "Del." and "Sec." are titles too, but too rarely abbreviations to hold a sentence open.
_RARE_TITLE_ABBREVIATIONS = ("del", "sec")
_TITLE_ABBR = rf"(?:{_NAME_TITLE_ABBREVIATIONS}|{lx.alternation(w.capitalize() for w in _RARE_TITLE_ABBREVIATIONS)})\."
_CAP = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'\u2019\-]*[\w])"
_PARTICLE = r"(?:de|da|di|del|della|van|von|der|den|la|le|bin|al|of|ibn|dos|du)"
# "Secretary of the Interior Dirk Kempthorne": a title reaching its office through "of the"
# (elsewhere "of the" ends a name: "Andrew Bailey of the Bank of England").
_OF_THE_TITLE = (
    r"(?:(?:Deputy|Under|Assistant|Vice|Prime|Foreign|First)\s+)?(?:Secretary|Minister|Director"
    r"|Governor|Chairman|Chairwoman|Chair|President|Commissioner|Head|Chief|Speaker|Leader"
    r"|Secretary-General|Mayor)\s+of\s+the\s+"
)
_NAME = (
    rf"(?:(?:{_TITLE_ABBR}\s+)+|{_OF_THE_TITLE})?{_CAP}"
    # "Juror No. 8": a person the article numbers.
    rf"(?:\s+No\.\s+\d{{1,3}}(?!\d)|\s+(?:{_PARTICLE}\s+)?{_CAP}){{0,5}}"
    # "Martin Luther King Jr.", "Acme Corp." ("Corp.," would otherwise end the name at its dot)
    r"(?:,?\s+(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros)\.|\s+(?:II|III|IV))?"
)
# Two to four capitalised words: a person's full name ("Jamie Rappaport Clark").
_FULL_NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{1,3}}"
_PAREN = r"(?:\s*\([^()\n]{1,40}\))?"
# An apposition between a name and its verb: "Flynn, a top Trump surrogate, said".
_APPOSITION = r"(?:,\s+(?P<appos>[^,;:\"\u201c\u201d\n]{2,120}?),)?"
_PRONOUN = r"(?:he|she|they|we|I|it|He|She|They|We|It)\b"
# Words that open a descriptor ("the official", "several aides"), lower case.
_DETERMINER_WORDS = (
    "the", "a", "an", "one", "another", "two", "three", "several", "some", "many", "his", "her",
    "their", "its", "my", "our", "your", "most", "other",
)  # fmt: skip
_DETERMINER = "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _DETERMINER_WORDS) + ")"
# A descriptor noun phrase; function words mark a clause, not a speaker ("the debate by calling").
_NOT_IN_NOMINAL = (
    r"(?!(?:by|to|that|who|whom|which|and|or|while|what|as|than|is|was|were|are|be|been|when"
    r"|where|if|because|after|before|during|into|from|its|it|he|she|they|we|has|had|have)\b)"
)
_NOMINAL = rf"{_DETERMINER}\s+(?:{_NOT_IN_NOMINAL}[\w'\u2019\-]+\s+){{0,6}}?{_NOT_IN_NOMINAL}[\w'\u2019\-]+"
_BARE_PLURAL = (
    r"(?:sources|officials|aides|analysts|experts|critics|supporters|advisers|advisors|people"
    r"|voters|witnesses|observers|residents|police|authorities|investigators|prosecutors"
    r"|lawmakers|activists|protesters|protestors|economists|historians|scientists|researchers"
    r"|diplomats|observers|insiders|strategists|organizers|democrats|republicans|leaders"
    r"|officers|members|representatives|negotiators|envoys|ministers|spokespeople|groups)"
)
# A capitalised determiner before a lower-case word opens a descriptor ("The complaint"), not a name.
_BARE_PLURAL_RE = re.compile(_BARE_PLURAL)
# "Kremlin officials", "White House aides": capitalised modifiers of a plural speaker noun.
_NAMED_PLURAL = rf"(?:{_CAP}\s+){{1,3}}{_BARE_PLURAL}\b"
# "Scott's family", "Trump's campaign manager": a name's possession speaks.
_POSSESSIVE_NOMINAL = (
    r"(?!(?:He|She|It|That|There|What|Who|Here|Let|On|In|At|Following|After|Before)\b)"
    rf"{_CAP}(?:\s+{_CAP}){{0,3}}['\u2019]s(?:\s+{_NOT_IN_NOMINAL}[a-z][\w'\u2019\-]*){{1,3}}"
)
_SUBJECT = (
    rf"(?P<pron>{_PRONOUN})|(?!{_DETERMINER}\s+[a-z]|{_NAMED_PLURAL}|{_POSSESSIVE_NOMINAL})(?P<name>{_NAME}){_PAREN}{_APPOSITION}"
    rf"|(?P<nominal>{_NOMINAL}|{_BARE_PLURAL}|{_POSSESSIVE_NOMINAL}|{_NAMED_PLURAL})"
)

# Lower-case words describing the name a cue introduces: "said 9/11 widow Terry Strada", "said
# longtime aide Huma Abedin" (never a preposition, pronoun or conjunction: "said on Friday").
_CUE_DESCRIPTOR = (
    r"(?:(?!(?:on|in|at|of|to|for|with|by|from|about|during|after|before|when|that|this|it|he|one|an?|the"
    r"|she|they|we|and|or|but|as|if|so|than|then|there|here|while|since|until)\b)"
    r"[a-z0-9][\w/'\u2019-]*\s+){0,3}"
)
# After a quote: "…” ― Karen Bobadilla" (the cue forms are _AFTER_CUE_SUBJECT_RE, below).
# "according to a statement from the ministry", "a report by Reuters": the source is the
# issuer ("documents seen by the BBC" names who saw them, not who speaks, and is left out).
_ISSUED_BY = (
    r"(?:(?:an?|the|its|his|her|their)\s+(?:[a-z]+\s+)?(?:press\s+)?(?:statement|report|release"
    r"|transcript|post|letter|document|filing|memo|e-?mail|tweet|message|note|survey|poll|study"
    r"|analysis|announcement|notice|readout)s?\s+(?:(?:issued|released|published|posted|put\s+out)"
    r"\s+)?(?:from|by)\s+)?"
)
_ACCORDING_RE = re.compile(
    rf"(?P<cue>[Aa]ccording\s+to)\s+{_ISSUED_BY}(?:(?:(?!{_DETERMINER}\b)[a-z][\w'\u2019-]*\s+){{0,5}}?(?P<name>{_NAME})|(?P<nominal>{_NOMINAL}?)(?=[,.;:]|\s+(?:on|in|at)\b)|(?P<pron>him|her|them))"
)
# A sentence boundary inside a window: terminal punctuation (and closing marks) then a space.
_SENTENCE_END_RE = re.compile("[.!?][\"'\u201d\u2019]*\\s+(?=[\"'\u201c\u2018A-Z(])")
# A word a dot follows without ending a sentence: an initial, a title, "Jr.", "Inc.", "Sept."
# The sentence splitter's abbreviations ("Jr", "Inc", "Ltd", "Sept"), "No." and "U.S".
_ABBREVIATION = (
    rf"\b(?:[A-Z]|{_NAME_TITLE_ABBREVIATIONS}|No|vs|U\.S|"
    + lx.alternation(word.capitalize() for word in ABBREVIATIONS)
    + ")"
)
_ABBREVIATION_RE = re.compile(rf"{_ABBREVIATION}$")

_TITLE_WORDS = frozenset(
    [
        "president",
        "presidents",
        "vice",
        "secretary",
        "minister",
        "foreign",
        "deputy",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "gen",
        "general",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "leader",
        "majority",
        "minority",
        "ambassador",
        "attorney",
        "judge",
        "justice",
        "mayor",
        "chief",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "prime",
        "defense",
        "state",
        "house",
        "senate",
        "former",
        "candidate",
        "nominee",
        "rev",
        "prof",
        "professor",
        "sgt",
        "lt",
        "col",
        "capt",
        "adm",
        "del",
        "delegate",
        "congressman",
        "congresswoman",
        "commissioner",
        "sheriff",
        "officer",
        "executive",
        "ceo",
        "coach",
        "pastor",
        "bishop",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "lord",
        "sir",
        "dame",
        "adviser",
        "advisor",
        "manager",
        "treasurer",
        "chancellor",
        "councilman",
        "councilwoman",
        "lawmaker",
        "mp",
        "host",
        "anchor",
        "correspondent",
        "editor",
        "analyst",
        "strategist",
        # The titles that reach an office through "of the" (_OF_THE_TITLE) and nowhere else.
        "secretary-general",
        "head",
        # Every abbreviated title the sentence splitter knows ("Msgr.", "Det.", "Cllr."), but
        # a saint's ("St. Louis").
        *(f"{word}." for word in TITLE_ABBREVIATIONS if word not in ("st", "ste")),
        *(f"{word}." for word in _RARE_TITLE_ABBREVIATIONS),
    ]
)
# Offices in a title ("Secretary of the Interior Dirk Kempthorne", "Minister of Foreign Affairs
# Sergei Lavrov"): part of the title only after a title word and "of", since they also open
# the names of bodies ("the International Atomic Energy Agency", "the Commerce Department").
_OFFICE_WORDS = frozenset(
    [
        "interior",
        "treasury",
        "homeland",
        "security",
        "commerce",
        "agriculture",
        "energy",
        "labor",
        "education",
        "transportation",
        "intelligence",
        "affairs",
        "finance",
        "trade",
        "defence",
        "environment",
        "health",
        # The bodies an office heads ("Head of the Chinese Delegation Zhou Shengxian").
        "delegation",
        "committee",
        "commission",
        "council",
        "board",
        "agency",
        "bureau",
        "department",
        "ministry",
        "party",
    ]
)
# After a quote: "…,” Graham said" or "…,” said Daniel Fried". In "said White House press
# secretary Jen Psaki" an organisation and a lower-case title before the name describe the
# speaker, who is the name: an organisation, a modifier or two, then a title the name stripper
# knows (``_TITLE_WORDS``) or one of a few that only follow an organisation.
_ORG_TITLE_WORDS = sorted(
    {word for word in _TITLE_WORDS if word.isalpha()}
    | {"aide", "commander", "coordinator", "counsel", "economist", "envoy", "lawyer"}
    | {"negotiator", "official"}
)
# Words with a job's ending that are none.
_NOT_A_JOB = r"(?:after|under|other|later|together|whether|either|neither|never|major|minor|member)"
_ORGANISATION = rf"(?:{_CAP}\s+){{1,4}}"
_ORG_TITLE = (
    rf"(?:{_ORGANISATION}"
    r"(?:(?:press|deputy|chief|senior|top|assistant|associate"
    r"|communications|national|foreign|policy|security|legal|economic|military|political)\s+){0,2}"
    rf"(?:{lx.alternation(_ORG_TITLE_WORDS)}\s+){{1,3}}(?={_CAP})"
    # "said Trend Micro advanced threat researcher Paul Ferguson": a job no list holds, known
    # by its ending, and then a full name.
    rf"|{_ORGANISATION}(?:[a-z]+\s+){{0,2}}(?!{_NOT_A_JOB}\b)[a-z]{{3,}}(?:er|or|ist|ian|ant)\s+"
    rf"(?={_CAP}\s+{_CAP}))?"
)
# A dot inside a descriptor: "a U.S. Embassy official", "the Rev. Peter Wherry".
_DOTTED_WORD = rf"{_ABBREVIATION}\."
_DASH_CREDIT_RE = re.compile(
    rf"[\s,.;:]*(?P<cue>[\u2015\u2014]|--)[\s\u00a0]*{_ORG_TITLE}(?P<name>{_NAME})"
)
_AFTER_CUE_SUBJECT_RE = re.compile(
    rf"[\s,;:.!?]*(?P<cue>{CUE_PATTERN})(?:\s+[a-z]+ly)?\s+"
    rf"(?:{_CUE_DESCRIPTOR}{_ORG_TITLE}(?P<name>{_NAME})|(?P<nominal>{_DETERMINER}\s+(?:{_DOTTED_WORD}|[^,.;:!?\"\u201c\u201d\n]){{1,80}}?)(?=[,.;:!?\"\u201c\u201d]|\s+(?:on|in|at|during|after|before|when|who)\b|$)|(?P<pron>{_PRONOUN}))"
)
_SENTENCE_STARTERS = frozenset(
    [
        "but",
        "and",
        "or",
        "so",
        "then",
        "when",
        "while",
        "as",
        "meanwhile",
        "still",
        "yet",
        "now",
        "also",
        "later",
        "earlier",
        "last",
        "on",
        "in",
        "at",
        "after",
        "before",
        "during",
        "if",
        "although",
        "though",
        "because",
        "since",
        "asked",
        "instead",
        "however",
        "today",
        "yesterday",
        "this",
        "that",
        "these",
        "those",
        "here",
        "there",
        "speaking",
        "writing",
        *lx.WEEKDAY_NAMES,
        "what",
        "why",
        "how",
        "where",
        "who",
        "even",
        "indeed",
        "finally",
        "first",
        "second",
        "well",
        "no",
        "yes",
        "not",
        "perhaps",
        "maybe",
        "once",
        "unlike",
        "like",
        "only",
        "despite",
        "thus",
        "therefore",
        "moreover",
        "furthermore",
        "nevertheless",
        "nonetheless",
        "besides",
        "otherwise",
        "for",
        "with",
        "from",
        "by",
        "to",
        "under",
        "among",
        "against",
        "without",
        "through",
        "inside",
        "outside",
        "nearby",
        "across",
        "around",
        "near",
        "throughout",
        "until",
        "amid",
        "upon",
        "too",
        "already",
        "again",
        "soon",
        # not "may": a modal verb and a surname ("May said")
        *(name for name in lx.MONTH_NAMES if name != "may"),
        "my",
        "his",
        "her",
        "our",
        "their",
        "your",
        "its",
    ]
)
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
# "Ninety percent of …" opens with no name; "One said:" is someone (a neighbour).
_NUMBERS_NOT_NAMES = frozenset(lx.NUMBER_WORDS) - {"one", "a", "an"}
_MAX_BEFORE = 320
_MAX_AFTER = 260


_TITLE_OF_BEFORE_RE = re.compile(
    rf"(?i:\b{lx.alternation(w for w in _TITLE_WORDS if w.isalpha())}\s+of\s+(?:the\s+)?)$"
)


def _strip_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-initial words and leading titles ("But Foreign Minister Sergei Lavrov")."""
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    while len(tokens) > 1 and tokens[0][2].lower() in _SENTENCE_STARTERS:
        tokens.pop(0)
    # Keep what follows the last title word when something does ("Secretary of State John Kerry").
    last_title = -1
    # "Secretary of the (Interior Ken Salazar)": the title may stand before the span.
    of_after_title = _TITLE_OF_BEFORE_RE.search(text, max(0, start - 40), start) is not None
    for i, (_, _, token) in enumerate(tokens):
        word = token.lower().rstrip(",")
        if word in _TITLE_WORDS:
            last_title, of_after_title = i, False
        elif word == "of" and last_title >= 0:
            of_after_title = True
        elif word in _OFFICE_WORDS and of_after_title:
            last_title = i
    if 0 <= last_title < len(tokens) - 1:
        tokens = tokens[last_title + 1 :]
    office = False
    if tokens and tokens[0][2] == "of" and len(tokens) > 1:
        tokens.pop(0)
        if tokens[0][2] == "the" and len(tokens) > 1:
            tokens.pop(0)
            office = True
    if not tokens:
        return start, end
    # The name starts at the given name after an office that runs on to the person
    # ("Secretary-General of the United Nations Antonio Guterres") or after a title no list
    # holds, two or more capitalised words ("Palmer City Clerk Janette Bower").
    given = next((i for i, token in enumerate(tokens) if gender_of_first_name(token[2])), None)
    if (
        given is not None
        and given < len(tokens) - 1
        and (
            office
            or given >= 2
            and all(token[2][:1].isupper() and token[2].isalpha() for token in tokens[:given])
        )
    ):
        tokens = tokens[given:]
    return start + tokens[0][0], start + tokens[-1][1]


class _Mention:
    """A speaker mention next to a quote: kind is "name", "pron", "nominal" or "phrase" (a
    descriptor holding a name: ``name`` is where the name is)."""

    __slots__ = ("cue", "end", "kind", "name", "start")

    def __init__(
        self, start: int, end: int, kind: str, cue: str, name: tuple[int, int] | None = None
    ) -> None:
        self.start, self.end, self.kind, self.cue = start, end, kind, cue
        self.name = name if name is not None else (start, end)


# Title words that are also common surnames (Billy King, Ben Bishop, Kevin Judge).
_SURNAME_TITLES = frozenset(
    {
        "king",
        "bishop",
        "judge",
        "pope",
        "coach",
        "host",
        "lord",
        "prince",
        "sheriff",
        "chancellor",
        "manager",
        "pastor",
        "mayor",
    }
)
_DETERMINER_BEFORE_RE = re.compile(rf"\b{_DETERMINER}\s+\Z")


def _mention_from(
    match: re.Match[str], offset: int, text: str, cue: str | None = None, strict: bool = False
) -> _Mention | None:
    """The mention a subject match found; ``strict`` (no cue next to it) refuses a lone
    capitalised common word ("Pressure is building"), else it is read as a plain noun ("Police")."""
    cue = " ".join((cue if cue is not None else match.group("cue")).split()).lower()
    for kind in ("name", "pron", "nominal"):
        value = match.group(kind)
        if value is None:
            continue
        start, end = match.start(kind) + offset, match.end(kind) + offset
        if kind == "name":
            start, end = _strip_name(text, start, end)
            word = text[start:end]
            appos = match.group("appos") if "appos" in match.re.groupindex else None
            if (
                appos is not None
                and (
                    " " not in word or _DETERMINER_BEFORE_RE.search(text, max(0, start - 8), start)
                )
                and _FULL_NAME_RE.fullmatch(appos) is not None
                and word not in appos
            ):
                # "His partner at Lenox, Lawrence B. Cummings, called", "The ambassador to the
                # United Nations, Linda Thomas-Greenfield, called": the apposition is the person,
                # the single word or the named body before it only where they work.
                name = _strip_name(text, match.start("appos") + offset, match.end("appos") + offset)
                return _Mention(start, end, "phrase", cue, name)
            if (
                word.lower() in _SENTENCE_STARTERS
                or word.lower() in _NUMBERS_NOT_NAMES
                or (
                    # "…,” King said": a surname that is also a title ("the King" never comes
                    # here: the subject patterns take it as a descriptor).
                    word.lower() in _TITLE_WORDS and word.lower() not in _SURNAME_TITLES
                )
            ):
                return None
            last = word.rsplit(None, 1)[-1]
            day = _POSSESSIVE_END_RE.sub("", last)
            if day != last and day.lower() in _CALENDAR_NAMES:
                return None  # "On Tuesday’s episode of …, the nominee said": a day's, nobody's
            # (A bare day or month has already gone: it is a sentence starter.)
            if " " not in word and _is_common_word(text, start, end):
                if strict:
                    return None
                kind = "nominal"
            elif word.split(None, 1)[0].lower() in _DETERMINERS:
                # "The Bush administration", "The Republican nominee": a name as a modifier.
                end = _noun_phrase_end(text, start, end, plural_nouns=False)
        if kind == "nominal":
            end = _noun_phrase_end(text, start, end)
        return _Mention(start, end, kind, cue)
    return None


# Days and months, which open sentences as possessives ("Tuesday’s episode"); "May" is also a
# surname and a modal, so it is left out.
_CALENDAR_NAMES = frozenset(lx.WEEKDAY_NAMES) | {m for m in lx.MONTH_NAMES if m != "may"}
_POSSESSIVE_END_RE = re.compile("['\u2019]s?$")


# Nouns for a person by their role: one noun phrase with an office before them ("an Interior
# official"), and a speaker when right before a participle cue ("an inside source calling").
_ROLE_NOUNS = frozenset(
    [
        "source",
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "adviser",
        "aide",
        "lawyer",
        "executive",
        "diplomat",
        "analyst",
        "officer",
        "leader",
        "commander",
        "envoy",
        "editor",
        "correspondent",
    ]
)
_ROLE_NOUN_RE = re.compile(rf"\s+(?:{'|'.join(sorted(_ROLE_NOUNS))})s?\b")
# Bodies that issue words ("the statement said", "the ministry added"): speakers before a
# participle cue, and what a later "it" may stand for.
_ISSUING_BODIES = frozenset(
    ["statement", "report", "newspaper", "paper", "magazine", "studio", "government", "company"]
    + ["group", "agency", "ministry", "firm"]
)
# Who else speaks right before a participle cue: the role nouns, the bodies, and crowds.
_SPEAKING_NOUNS = (
    _ROLE_NOUNS
    | _ISSUING_BODIES
    | frozenset(["crowd", "protesters", "demonstrators", "fans", "witness", "witnesses", "police"])
)


def _noun_phrase_end(text: str, start: int, end: int, plural_nouns: bool = True) -> int:
    """Where a descriptor found up to a modifier really ends: "an Interior official", "A Kraft
    spokeswoman", "the former FBI official", not "an Interior", "A Kraft", "the former".
    ``plural_nouns=False`` stops before a word ending in "s", which after a name is as often its
    verb ("The Post reports") as its noun."""
    words = text[start:end].split()[1:]
    if not all(_is_a_modifier(word) for word in words):
        # It has its noun already ("Her agent Mark Roesler"), but an office before a role is
        # one noun phrase: "the shadowy Nixon White House aide".
        role = _ROLE_NOUN_RE.match(text, end) if words and words[-1][0].isupper() else None
        return role.end() if role is not None else end
    for _ in range(4):
        last = text[start:end].rsplit(None, 1)[-1]
        if not _is_a_modifier(last):
            break
        following = _NEXT_WORD_RE.match(text, end)
        if following is None:
            break
        word = following.group(1)
        if (
            word in CUE_VERBS
            or word in _NOT_A_NOUN
            or word in lx.IRREGULAR_PASTS
            or word.endswith(("ed", "ing", "ly"))
            or not plural_nouns
            and word.endswith("s")
        ):
            break
        end = following.end()
    return end


def _is_a_modifier(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        or lower in _MODIFIER_WORDS
        or "-" in word
        or lower.endswith(
            ("al", "ous", "ive", "ic", "ful", "ary", "est", "ish", "ian", "ese", "ern")
        )
    )


_NEXT_WORD_RE = re.compile(r"[ \t]+([a-z][a-z'\u2019-]*)\b")
_MODIFIER_WORDS = frozenset(
    [
        "first",
        "last",
        "former",
        "only",
        "most",
        "other",
        "new",
        "senior",
        "top",
        "young",
        "old",
        "late",
        "early",
        "second",
        "third",
        "same",
        "chief",
        "deputy",
        "acting",
        "tech",
        "white",
        "black",
        "wooden",
        "accompanying",
        "enduring",
        "outside",
        "vice",
        "earlier",
        "female",
        "male",
        "armed",
    ]
)
_COMMON_REACH = 20_000
# Filled per text by ``attribute`` (cleared at its start; the key's id is that text's).
_common_word_cache: dict[tuple[int, str, int], bool] = {}


def _occurs_inside_words(text: str, word: str, lo: int, hi: int, capitalised: bool) -> bool:
    """Whether ``word`` occurs as a whole word in ``text[lo:hi]``; ``capitalised``: only where
    it follows a lower-case word or a comma (inside a sentence). A find loop: no regex compile."""
    pos = text.find(word, lo, hi)
    while pos != -1:
        stop = pos + len(word)
        before = text[pos - 1] if pos else " "
        after = text[stop] if stop < len(text) else " "
        if not (before.isalnum() or before in "'\u2019-" or after.isalnum() or after in "'\u2019-"):
            if not capitalised:
                return True
            if (
                before in " \u00a0"
                and pos >= 2
                and (text[pos - 2].islower() or text[pos - 2] == ",")
            ):
                return True
        pos = text.find(word, stop, hi)
    return False


def _is_common_word(text: str, start: int, end: int) -> bool:
    """A capitalised word that is an ordinary word here ("Pressure is building", "Perhaps"):
    the text also writes it in lower case and never capitalises it inside a sentence."""
    word = text[start:end]
    if not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
        return False
    block = start // _COMMON_REACH
    key = (id(text), word, block)
    cached = _common_word_cache.get(key)
    if cached is not None:
        return cached
    lo = max(0, (block - 1) * _COMMON_REACH)
    hi = min(len(text), (block + 2) * _COMMON_REACH)
    common = _occurs_inside_words(text, word.lower(), lo, hi, capitalised=False) and not (
        _occurs_inside_words(text, word, lo, hi, capitalised=True)
    )
    _common_word_cache[key] = common
    return common


def _sentence_start(text: str, start: int, stop: int) -> int:
    """Where the last sentence of ``text[start:stop]`` starts (abbreviations do not end one)."""
    sentence_start = start
    # One character past ``stop`` so that a boundary right before it (". “") is seen.
    for m in _SENTENCE_END_RE.finditer(text, start, min(len(text), stop + 1)):
        if text[m.start()] == "." and _ABBREVIATION_RE.search(text, start, m.start()):
            continue
        sentence_start = min(m.end(), stop)
    return sentence_start


def _sentence_end(text: str, start: int, stop: int) -> int:
    for m in _SENTENCE_END_RE.finditer(text, start, stop):
        if text[m.start()] == "." and _ABBREVIATION_RE.search(text, start, m.start()):
            continue
        return m.start() + 1
    return stop


def _after_attribution(text: str, start: int, stop: int, partial: bool) -> _Mention | None:
    if stop <= start:  # a quote that ends its paragraph has nothing after it to search
        return None
    for pattern in (_AFTER_CUE_SUBJECT_RE, _DASH_CREDIT_RE):
        m = pattern.match(text, start, stop)
        if m is not None:
            if (m.groupdict().get("nominal") or "x")[-1].isspace():
                # '…,” said the Kuwaiti request gives the U.S. “a legal basis”': words running
                # into a quotation are a clause, no speaker.
                continue
            mention = _mention_from(m, 0, text)
            if mention is not None and mention.kind == "nominal":
                # "said the Secretary of the Interior, Dirk Kempthorne.": the apposition names
                # the person the descriptor stands for.
                named = _APPOSED_NAME_RE.match(text, mention.end, stop)
                if named is not None:
                    return _Mention(
                        mention.start, named.end(1), "phrase", mention.cue, named.span(1)
                    )
                # "said a buoyant Gen. Norman Schwarzkopf": the descriptor ends in the name.
                named_at_end = _name_ending(text, mention.start, mention.end)
                if named_at_end is not None:
                    return _Mention(mention.start, mention.end, "phrase", mention.cue, named_at_end)
            if mention is not None:
                return mention
    punctuation = _LEAD_PUNCTUATION_RE.match(text, start, stop)
    assert punctuation is not None  # the pattern matches the empty string too
    lead = punctuation.end()
    m = _ACCORDING_RE.match(text, lead, stop)
    if m is not None:
        return _mention_from(m, 0, text)
    mention = _subject_right_after(text, lead, stop)
    if mention is None and partial:
        # A fragment inside a sentence whose speaker follows it: "… a “hard line,” Lavrov said."
        mention = _subject_cue_in(text, start, _sentence_end(text, start, stop), last=False)
    return mention


def _name_ending(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a person's full name (two words or more) that ends ``text[start:end]``."""
    for word in _CAPITALISED_WORD_RE.finditer(text, start, end):
        m = _FULL_NAME_RE.match(text, word.start(), end)
        if m is not None and m.end() == end:
            span = _strip_name(text, m.start(), m.end())
            if _is_a_persons_full_name(text, span):
                return span
    return None


_CAPITALISED_WORD_RE = re.compile(r"\b[A-Z]")


_LOWER_CASE_WORD_NEXT_RE = re.compile(r" [a-z]")


def _subject_right_after(text: str, start: int, stop: int) -> _Mention | None:
    """ "…,” Trump lawyer Marc Kasowitz said": everything between the quote and its cue."""
    spans = _cue_spans(text, start, min(stop, start + 140))
    for index, (cue_start, cue_end) in enumerate(spans):
        if (
            index + 1 < len(spans)
            and text[cue_start:cue_end] in _VERB_STEMS
            and _MODIFIES_A_NOUN_RE.match(text, cue_end)
        ):
            # "Chinese state media reported", "a former state senator, told": a bare form
            # before a noun modifies it; the verb is the later cue.
            continue
        before = text[start:cue_start].split()
        if before and before[-1].lower() in _NOT_BEFORE_A_CUE_VERB:
            continue  # "…, one of the states suing the EPA, said": that cue is a noun
        if before and before[-1].lower() in _COPULAS:
            # "… emerges as there is report of another fire": no verb after "is"; and "the
            # “special relationship” was mentioned": a passive names no one.
            continue
        if (
            len(before) > 1
            and before[-2].lower() in _NOUN_PHRASE_OPENERS
            and text[cue_end - 1] == "s"
        ):
            continue  # "compared to 11% of Democratic claims"
        return _subject_before_cue(text, start, cue_start, cue_end)
    return None


def _subject_before_cue(text: str, start: int, cue_start: int, cue_end: int) -> _Mention | None:
    cue = text[cue_start:cue_end]
    if cue.endswith("ing") or _sentence_end(text, start, cue_start) < cue_start:
        return None
    m = _SUBJECT_AT_END_RE.match(text, start, cue_start)
    if m is not None:
        return _mention_from(m, 0, text, cue)
    phrase = text[start:cue_start]
    # Twelve words at most, twenty when they hold an apposition ("Scott Pruitt, the attorney
    # general of Oklahoma, one of the states suing the EPA, said").
    count = len(phrase.split())
    limit = 20 if "," in phrase else 12
    after_full_stop = text[max(0, start - 4) : start].rstrip(" " + _QUOTE_CLOSERS)[-1:] == "."
    if after_full_stop:
        limit = 4  # a quote ending its sentence is followed by a new one, seldom by a cue
    if not count or count > limit or any(ch in _MARKS for ch in phrase):
        return None
    all_said = _ALL_SAID_RE.match(phrase)
    if all_said is not None:
        # "“No comment,” was all the spokesman would say": the speaker follows "was all".
        start += all_said.end()
        phrase = text[start:cue_start]
    first_word = phrase.split()[0]
    if first_word in _CLAUSE_OPENERS:
        return None  # "…” and called on people to …": a new clause of the earlier subject
    if "," in phrase and first_word[0].islower() and not _opens_a_subject(first_word):
        return _subject_past_the_fragment(text, start, cue_start, cue_end)
    if first_word.lower() in _SENTENCE_STARTERS and after_full_stop:
        return None  # "…kidding.” To which she said, “…”": a new sentence for the next quote
    aux = _TRAILING_AUX_RE.search(text, start, cue_start)
    end = aux.start() if aux is not None else cue_start
    relative = _RELATIVE_CLAUSE_RE.search(text, start, end)
    if relative is not None:
        end = relative.start()  # "the official, who spoke on condition of anonymity, said"
    while end > start and text[end - 1] in " ,":
        end -= 1
    last_word = text[start:end].rsplit(None, 1)[-1] if end > start else ""
    if last_word in ("he", "she", "they", "we", "I"):
        return _Mention(end - len(last_word), end, "pron", cue)  # "To which she said"
    names = [
        span
        for m in _FULL_NAME_RE.finditer(text, start, end)
        if " " in text[(span := _strip_name(text, m.start(), m.end()))[0] : span[1]]
    ] or [
        span
        for m in _ONE_NAME_RE.finditer(text, start, end)
        if text[(span := _strip_name(text, m.start(), m.end()))[0] : span[1]].lower()
        not in _SENTENCE_STARTERS
        # "Chinese state media", "one U.S. crew chief": a capitalised word before a lower-case one
        # describes the speaker, who is no one of that name.
        and _LOWER_CASE_WORD_NEXT_RE.match(text, span[1], end) is None
    ]
    if names:
        # The mention covers the whole phrase; the name is its last capitalised run.
        return _Mention(start, end, "phrase", cue, names[-1])
    if ", " in text[start:end] and first_word.lower() not in _DETERMINERS:
        # "… Corallo also died, the newspaper said": the clause is the newspaper's words.
        past = _subject_past_the_fragment(text, start, cue_start, cue_end)
        if past is not None:
            return past
    return _Mention(start, end, "nominal", cue)


_ALL_SAID_RE = re.compile(r"\s*(?:was|is)\s+all\s+(?=\S+\s)")
# A relative or participle clause set off by commas inside a subject: not part of who spoke.
_RELATIVE_CLAUSE_RE = re.compile(
    r",\s+(?:who|whom|whose|which|speaking|asking|requesting|declining|citing)\b"
)
_DETERMINERS = frozenset(["a", "an", "the", "this", "these", "those"])
_POSSESSIVES = frozenset(["his", "her", "its", "their", "our", "my", "your"])
_PREPOSITIONS = frozenset(["of", "to", "in", "on", "at", "for", "with", "by", "from"])
# Forms of "be": they follow a subject and never end a noun phrase, and a cue right after one
# is no speaker's verb ("there is report of", "was mentioned").
_COPULAS = frozenset(["is", "was", "are", "were", "be", "been", "being"])
# Modal and auxiliary verbs (a subject's, never a noun's): "the official would", "did".
_MODALS = lx.MODALS | {"did", "do", "does"}
# Words that follow a subject, never a noun it ends with (``_noun_phrase_end``).
_NOT_A_NOUN = (
    _PREPOSITIONS
    | _COPULAS
    | _MODALS
    | {
        "has",
        "have",
        "had",
        "also",
        "not",
        "who",
        "which",
        "that",
        "then",
        "and",
        "or",
        "but",
        "as",
    }
)
# Words that open a noun phrase, so a capitalised word after them modifies a noun.
_NOUN_PHRASE_OPENERS = (
    _DETERMINERS
    | _POSSESSIVES
    | _PREPOSITIONS
    | {"former", "many", "some", "most", "all", "several", "few", "more"}
)
# A cue after these is a noun, a new clause's verb, or a relative clause's ("one resident, who
# asked not to be named, said": the cue is "said").
_NOT_BEFORE_A_CUE_VERB = (
    _DETERMINERS
    | _POSSESSIVES
    | _PREPOSITIONS
    | {"that", "and", "or", "but", "as", "who", "which", "whom"}
)
# A lower-case word after a cue's bare form that no verb takes as its next word: the cue word
# modifies it ("state media").
_MODIFIES_A_NOUN_RE = re.compile(
    " (?!"
    + lx.alternation(
        _DETERMINERS
        | _POSSESSIVES
        | _PREPOSITIONS
        | {"that", "them", "him", "what", "how", "why", "whether", "about", "out", "back"}
        | {"again", "not"}
    )
    + r"\b)[a-z]{3,}\b"
)


def _subject_past_the_fragment(
    text: str, start: int, cue_start: int, cue_end: int
) -> _Mention | None:
    """The writer's sentence goes on past the fragment ("…,” including seven rifles, the
    statement said"; "…” by agencies, argued the NRDC): the cue's subject opens the last clause,
    or follows the cue."""
    comma = text.rfind(",", start, cue_start)
    if not text[comma + 1 : cue_start].strip():
        end = _sentence_end(text, cue_start, min(len(text), cue_end + 120))
        inverted = _AFTER_CUE_SUBJECT_RE.match(text, comma, end)
        return _mention_from(inverted, 0, text) if inverted is not None else None
    clause = cue_start - len(text[comma + 1 : cue_start].lstrip())
    m = _SUBJECT_AT_END_RE.match(text, clause, cue_start) or _CLAUSE_SUBJECT_RE.match(
        text, clause, cue_start
    )
    return _mention_from(m, 0, text, text[cue_start:cue_end], strict=True) if m else None


def _opens_a_subject(word: str) -> bool:
    """A lower-case word a subject may open with: "the statement", "he", "police", "officials"."""
    return word in _SUBJECT_OPENERS or _BARE_PLURAL_RE.fullmatch(word) is not None


# Lower-case words that may open a subject ("the statement said", "he said").
_SUBJECT_OPENERS = _DETERMINERS | frozenset(_DETERMINER_WORDS) | {"he", "she", "they", "we", "it"}
_CLAUSE_OPENERS = frozenset(["and", "or", "but", "then", "while", "as", "when", "after", "before"])
_MARKS = '"\u201c\u201d\u00ab\u00bb'
_QUOTE_CLOSERS = "\"'\u201d\u2019\u00bb"
_LEAD_PUNCTUATION_RE = re.compile(r"[\s,;:\u2014\u2013-]*")
_TRAILING_AUX_RE = re.compile(rf"\s+{_AUX}\Z")
_ONE_NAME_RE = re.compile(rf"{_NAME}")


def _cue_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Spans of the cue words in ``text[start:stop]``: a word scan, far cheaper than a cue regex."""
    spans = []
    for m in _WORD_RE.finditer(text, start, stop):
        word = m.group()
        if word in CUE_VERBS:
            spans.append(m.span())
        elif word in _PHRASAL_CUES and text.startswith(" " + _PHRASAL_CUES[word], m.end()):
            spans.append((m.start(), m.end() + 1 + len(_PHRASAL_CUES[word])))  # "points out"
    return spans


_MODAL_RE = re.compile(rf"\b(?:{'|'.join(sorted(_MODALS | {'to'}))})\b")
_NOUN_CUES_AFTER_SINGULAR = frozenset(base for base in _VERB_STEMS if base not in {"read"})
# Cue forms that are as often plural nouns ("his tweets", "her remarks").
_NOUN_PLURALS = frozenset(
    _VERB_STEMS[base][0]
    for base in (
        "tweet",
        "comment",
        "remark",
        "post",
        "report",
        "claim",
        "note",
        "call",
        "charge",
        "promise",
        "pledge",
        "vow",
        "joke",
        "quip",
        "boast",
        "complaint",
        "demand",
        "label",
    )
    if base in _VERB_STEMS
)


def _cue_is_noun(text: str, m: re.Match[str], cue_start: int, cue: str) -> bool:
    """The cue word is a noun of the subject's phrase: "Clinton's remark", "a controversial
    comment", "a lunch counter" (a singular subject takes no bare verb form without a modal)."""
    kind = next(k for k in ("name", "pron", "nominal") if m.group(k) is not None)
    subject = m.group(kind)
    if subject.endswith(("'s", "\u2019s")):
        return True
    if kind == "nominal" and re.search(r"['\u2019]s\s", subject) and cue.lower() in _NOUN_PLURALS:
        return True  # "Trump's flurry of late-night tweets", "Trump's disrespectful comments"
    if kind == "name" and cue.endswith("s"):
        previous = text[max(0, m.start(kind) - 12) : m.start(kind)].split()
        if previous and previous[-1].lower() in _NOUN_PHRASE_OPENERS:
            return True  # "in former Soviet states", "32% of Republican claims"
    if cue.lower() not in _NOUN_CUES_AFTER_SINGULAR:
        return False
    if _MODAL_RE.search(text, m.start(kind), cue_start) is not None:
        return False
    if kind == "pron":
        return subject.lower() in ("he", "she", "it")
    if re.search(r"\band\s+\Z", text[max(0, m.start(kind) - 6) : m.start(kind)]):
        return False  # "Obama and Clinton call them …"
    last = subject.split()[-1].lower()
    return not last.endswith("s") and _BARE_PLURAL_RE.fullmatch(last) is None


def _subject_before(text: str, lower: int, cue_start: int, cue_end: int) -> _Mention | None:
    """The subject ending right before a cue ("Sergei Lavrov (told)", "the White House (said)")."""
    cue = text[cue_start:cue_end]
    if cue.endswith("ing"):
        # "Trump unleashed a series of tweets saying …": the speaker is the sentence's subject.
        return _sentence_subject(text, lower, cue_start, cue)
    for reach in (90, 170):
        lo = max(lower, cue_start - reach)
        m = _SUBJECT_AT_END_RE.search(text, lo, cue_start)
        object_seen = False
        while m is not None and _follows_a_preposition(text, lo, m.start()):
            # "killed on an Albany street last year said", "In a Monday statement President
            # Obama said": a preposition's object is no subject; the subject is further on.
            object_seen = True
            m = _SUBJECT_AT_END_RE.search(text, m.start() + 1, cue_start)
        if m is None and object_seen and text[lo:cue_start].rstrip().endswith(","):
            # "Johnnie Wilson, of Springfield, Va., said": the name the appositions describe.
            opening = _NAME_THEN_COMMA_RE.match(text, _sentence_start(text, lower, cue_start))
            if opening is not None:
                name = _strip_name(text, *opening.span("name"))
                return _Mention(name[0], name[1], "name", cue.lower())
        if m is not None:
            if m.group("nominal") is not None:
                # The shortest descriptor: "the official", not "a hard line in the talks the official".
                inner = _LAST_DETERMINER_RE.search(text, m.start("nominal") + 1, m.end("nominal"))
                if inner is not None:
                    retry = _SUBJECT_AT_END_RE.match(text, inner.start(), cue_start)
                    if retry is not None:
                        m = retry
            if m.group("nominal") is not None and cue in _PARTICIPLE_CUES:
                return _sentence_subject(text, lower, cue_start, cue)  # "a box labeled"
            if _cue_is_noun(text, m, cue_start, cue):
                return None
            return _mention_from(m, 0, text, cue)
        clauses = list(_RELATIVE_CLAUSE_RE.finditer(text, lo, cue_start))
        interjected = clauses[-1] if clauses else None
        if interjected is not None and _AUX_AFTER_COMMA_RE.match(
            text, interjected.end(), cue_start
        ):
            # "The minister, speaking to the BBC, said": the subject before the clause.
            m = _SUBJECT_BEFORE_CLAUSE_RE.search(text, lo, interjected.start())
            if m is not None and not _follows_a_preposition(text, lo, m.start()):
                return _mention_from(m, 0, text, cue)
        m = _APPOSED_SUBJECT_AT_END_RE.search(text, lo, cue_start)
        if m is not None:
            # "Her spokesman, Bill McAllister, said": the descriptor's apposition is the person.
            name = _strip_name(text, m.start("name"), m.end("name"))
            return _Mention(m.start("desc"), m.end("name"), "phrase", cue.lower(), name)
        if lo == lower or "," not in text[lo:cue_start]:
            break
    return None


def _follows_a_preposition(text: str, lower: int, pos: int) -> bool:
    previous = text[max(lower, pos - 12) : pos].split()
    return bool(previous) and previous[-1].lower() in _OBJECT_PREPOSITIONS


_NAME_THEN_COMMA_RE = re.compile(rf"(?P<name>{_FULL_NAME}),\s")
_OBJECT_PREPOSITIONS = frozenset(
    # Not "from" or "at": "A statement from Waitrose said", "researchers at Trend Micro said".
    ["of", "on", "in", "by", "into", "about"]
)


def _subject_cue_in(text: str, start: int, stop: int, last: bool) -> _Mention | None:
    """The last (or first) "subject cue" pair in ``text[start:stop]``."""
    spans = _cue_spans(text, start, stop)
    if last:
        spans.reverse()
    for cue_start, cue_end in spans:
        mention = _subject_before(text, start, cue_start, cue_end)
        if mention is not None:
            return mention
    return None


def _before_attribution(text: str, start: int, stop: int, partial: bool) -> _Mention | None:
    offset = _sentence_start(text, start, stop)
    if "ccording to" in text[offset:stop]:
        m = _ACCORDING_RE.search(text, offset, stop)
        if m is not None:
            mention = _mention_from(m, 0, text)
            if mention is not None:
                return mention
    # A full quote takes its speaker from the words that introduce it ("X said: “"), not from a
    # verb far back in a sentence that only mentions someone.
    lower = offset if partial else max(offset, stop - 40 - 30)
    spans = _cue_spans(text, lower, stop)
    for cue_start, cue_end in reversed(spans):
        if not partial and stop - cue_end > 40:
            break
        mention = _subject_before(text, offset, cue_start, cue_end)
        if mention is None and not partial and not text[cue_start:cue_end].endswith("ing"):
            # "She … repeatedly says, “…”": the cue's subject opens the sentence (for an -ing
            # cue, _subject_before has just asked that).
            mention = _sentence_subject(text, offset, cue_start, text[cue_start:cue_end])
        if mention is not None:
            return _reporter_of(text, offset, mention) if partial else mention
    if stop - offset < 60 and "aid " in text[offset:stop]:
        m = _INVERTED_INTRO_RE.search(text, offset, stop)  # "Said Ellis: “…”"
        if m is not None:
            return _mention_from(m, 0, text)
    return None


def _previous_sentence_attribution(text: str, lower: int, stop: int) -> _Mention | None:
    """A quotation opening a sentence right after one that attributes speech in the same
    paragraph: "…, Schiff said. “…”", "…,” added Rep. Jim Clyburn, a leader. “…”", or that
    introduces it with a colon: "Obama is rolling out a new message: “It's about me.”"."""
    end = stop
    while end > lower and text[end - 1].isspace():
        end -= 1
    if end <= lower or text[end - 1] not in ".:" or end - lower < 8:
        return None
    sentence_start = _sentence_start(text, max(lower, end - _MAX_BEFORE), end - 1)
    if any(ch in _MARKS for ch in text[sentence_start:end]):
        return None  # the sentence quotes someone itself: its cue is that quote's
    for cue_start, cue_end in reversed(_cue_spans(text, sentence_start, end)):
        mention = _subject_before(text, sentence_start, cue_start, cue_end)
        if mention is not None:
            return mention
        m = _AFTER_CUE_SUBJECT_RE.match(text, cue_start, end)  # "added Rep. Jim Clyburn"
        if m is not None:
            mention = _mention_from(m, 0, text)
            if mention is not None:
                return mention
    if text[end - 1] == ":":
        return _sentence_subject(text, sentence_start, end, "")
    return None


# Between a reporting verb and the subject of its clause: nothing, "that", or a short phrase
# then "that" ("said during a rally in Michigan that").
_REPORTED_CLAUSE_RE = re.compile('\\s+(?:(?:[^,.;:!?"\u201c\u201d\n]{0,60}?\\s)?that\\s+)?\\Z')
_REPORTING_CUES = frozenset(
    form
    for base in ("say", "tell", "claim", "argue", "insist", "suggest", "note", "add", "write")
    for form in (base, *_VERB_STEMS[base])
)


def _reporter_of(text: str, start: int, mention: _Mention) -> _Mention:
    """The speaker reporting the clause a fragment's speaker belongs to: in "Trump said that
    Clinton described the deal as “the gold standard”" the words are quoted by Trump."""
    for cue_start, cue_end in reversed(_cue_spans(text, start, mention.start)):
        if text[cue_start:cue_end] not in _REPORTING_CUES:
            continue
        if _REPORTED_CLAUSE_RE.match(text, cue_end, mention.start) is None:
            break
        outer = _subject_before(text, start, cue_start, cue_end)
        return outer if outer is not None else mention
    return mention


_INVERTED_INTRO_RE = re.compile(rf"\b(?P<cue>Said|said)\s+(?P<name>{_NAME})\s*[:,]\s*\Z")


_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "of",
        "ibn",
        "dos",
        "du",
    ]
)


def _name_ahead_of(text: str, pos: int) -> int | None:
    """Where the capitalised words right before ``pos`` start (up to three), if any."""
    chunk_start = max(0, pos - 60)
    chunk = text[chunk_start:pos]
    if not chunk.endswith(" "):
        return None
    newline = chunk.rfind("\n")
    tokens = list(_TOKEN_RE.finditer(chunk, newline + 1))
    first = None
    taken = 0
    for token in reversed(tokens):
        word = token.group()
        if word in _PARTICLES and first is not None:
            continue
        if (
            not word[:1].isupper()
            or word[-1] in ",;:"
            or (word[-1] == "." and len(word) > 2 and word.lower() not in _TITLE_WORDS)
            or _DASHED_ON_RE.search(word)  # "Mr. Gomes-and Catherine Gomes": a dash, not a name
        ):
            break
        first = token.start()
        taken += 1
        if taken == 3:
            break
    return None if first is None else chunk_start + first


_DASHED_ON_RE = re.compile(r"-[a-z]")


_WORD_RE = re.compile(r"[A-Za-z]+")
_PARTICIPLE_CUES = frozenset(
    {"called", "labeled", "described", "dubbed", "read", "noted", "reported"}
)
# A sentence's subject: after an optional short opener ("In July,"), a name, pronoun or
# descriptor followed by a lower-case word (its verb).
_SENTENCE_SUBJECT_RE = re.compile(
    rf"(?:[^,\n\"\u201c\u201d]{{1,40}},\s+)?(?:{_SUBJECT})\s+(?:[a-z]+ly\s+)?[a-z]"
)


_CLAUSE_SUBJECT_RE = re.compile(rf"(?:{_SUBJECT})\s+(?:[a-z]+ly\s+)?[a-z]")


def _sentence_subject(text: str, start: int, stop: int, cue: str) -> _Mention | None:
    """The subject of the clause holding ``stop``: the one after the last comma when a clause
    starts there ("As Biden reiterated …, Kremlin officials redoubled warning …"), else the
    sentence's. A participle cue ("saying") has rules of its own: ``_participle_subject``."""
    if cue.endswith("ing"):
        return _participle_subject(text, start, stop, cue)
    return _clause_subject(text, start, stop, cue)


def _clause_subject(text: str, start: int, stop: int, cue: str) -> _Mention | None:
    comma = text.rfind(", ", start, stop)
    if comma > start:
        m = _CLAUSE_SUBJECT_RE.match(text, comma + 2, stop)
        if m is not None:
            mention = _mention_from(m, 0, text, cue, strict=True)
            if mention is not None:
                return _past_lower_case_titles(text, mention)
    m = _SENTENCE_SUBJECT_RE.match(text, start, stop)
    if m is None:
        return None
    mention = _mention_from(m, 0, text, cue, strict=True)
    return _past_lower_case_titles(text, mention) if mention is not None else None


_TITLED_NAME_RE = re.compile(rf"\s+((?:[a-z]+\s+){{1,3}})({_FULL_NAME})")


def _past_lower_case_titles(text: str, mention: _Mention) -> _Mention:
    """ "Greek prime minister George Papandreou condemned …": the subject is the person, not
    the country's adjective the lower-case title follows."""
    if mention.kind != "name":
        return mention
    m = _TITLED_NAME_RE.match(text, mention.name[1])
    if m is None or not all(word in _TITLE_WORDS for word in m.group(1).split()):
        return mention
    return _Mention(mention.start, m.end(2), "name", mention.cue, _strip_name(text, *m.span(2)))


def _participle_subject(text: str, start: int, stop: int, cue: str) -> _Mention | None:
    """Who a participle cue ("saying", "calling") at ``stop`` belongs to."""
    comma = text.rfind(", ", start, stop)
    if comma > start and not text[comma + 2 : stop].strip():
        # "…, told reporters that Hiller called 911, saying": a participle after a comma is the
        # clause's before it, which may open after "that" (with a person for its subject: in
        # "officials tried to calm fears that the crisis was spreading, insisting" it is not).
        that = text.rfind(" that ", start, comma)
        if that > text.rfind(", ", start, comma):
            m = _CLAUSE_SUBJECT_RE.match(text, that + 6, comma)
            mention = _mention_from(m, 0, text, cue, strict=True) if m is not None else None
            if mention is not None and mention.kind in ("name", "pron"):
                return mention
        return _clause_subject(text, start, comma, cue)
    # "…, an inside source calling it “…”": a short noun phrase opening the clause is the
    # participle's subject ("A government official downplayed the unrest, saying" is a clause).
    clause = comma + 2 if comma > start else start
    words = text[clause:stop].split()
    if len(words) <= 4 and not any(w.lower() in _DETERMINERS for w in words[1:]):
        m = _SUBJECT_AT_END_RE.match(text, clause, stop)
        mention = _mention_from(m, 0, text, cue, strict=True) if m is not None else None
        # A name, or a noun for someone who speaks.
        if mention is not None and (
            mention.kind != "nominal"
            or words[-1].lower() in _SPEAKING_NOUNS
            or _BARE_PLURAL_RE.fullmatch(words[-1].lower())
        ):
            return mention
        if mention is not None and all(_is_a_modifier(word) for word in words[1:]):
            # A noun phrase still short of its noun ("a flirtatious singing barker"): the -ing
            # word describes that noun, it introduces nobody's words.
            return None
    return _clause_subject(text, start, stop, cue)


# Words that cannot follow a subject as its verb. ("and" and "for" may go on a name: "Mr. King
# and Mr. Morial", "Citizens for Tax Justice".)
_NOT_A_VERB = (
    _DETERMINERS | _POSSESSIVES | (_PREPOSITIONS - {"for"}) | {"as", "that", "about", "over"}
)


def is_title_case(content: str) -> bool:
    """Words in title case, as a work, an award or a nickname is named ("The Hunger Games",
    "Deep Throat", "the Chin"): a quotation mark around them quotes nobody's words by itself.
    Numbers count as capitalised words ("13th", "The 411"); "I" alone is someone speaking."""
    words = _TITLE_TOKEN_RE.findall(content)
    return (
        bool(words)
        and all(
            word[0].isupper() or word[0].isdigit() or word.lower() in _TITLE_LOWER_WORDS
            for word in words
        )
        # A title opens with a capital; a lower-case article before it is the writer's ("the
        # Chin"), a lower-case preposition a fragment of a sentence ("It's ‘in Their Heads.’").
        and (not words[0][0].islower() or words[0] in _ARTICLES)
        and words != ["I"]
    )


_TITLE_TOKEN_RE = re.compile(r"[^\W_][\w'\u2019-]*")
# Small words a title leaves in lower case ("Contract with America", "Kate and Leopold").
_TITLE_LOWER_WORDS = _DETERMINERS | _PREPOSITIONS | {"and", "or", "as", "vs"}
_ARTICLES = frozenset(["a", "an", "the"])


def _could_hold_a_view(text: str, mention: _Mention) -> bool:
    """Whether a sentence's subject, found with no cue, can be whoever a fragment quotes.

    A subject is followed by its verb: a capitalised word followed by an article or a
    preposition is an opener ("Whatever the resolution, … a true ''genius''", "Following an
    outcry, the bill, known as the “…”", "Preys on our worst fears"). And "it" ("It was called
    a ``drive-by''", "It's a ``House Call''") is the thing the writer names, not a speaker.
    (Not a rule of ``_sentence_subject``: where a cue follows, a preposition may too, "Banners in
    the square read: ``The state kills''".)
    """
    word = text[mention.start : mention.end]
    if word.lower() == "it" or _CONTRACTED_IT_RE.fullmatch(word):
        return False
    if word.rsplit(None, 1)[-1] in _TIME_NOUNS:  # lower case: "the New York Times" speaks
        return False  # "The last five days have been a wild ride for ``Twilight'' fans"
    after = _WORD_RE.match(text, mention.end + 1) if mention.kind == "name" else None
    return after is None or after.group().lower() not in _NOT_A_VERB


_TIME_NOUNS = frozenset(
    [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "time",
        "times",
        "hour",
        "hours",
        "moment",
    ]
)
_CONTRACTED_IT_RE = re.compile("[Ii]t['\u2019][a-z]{1,2}")


_TOKEN_RE = re.compile(r"\S+")
_LAST_DETERMINER_RE = re.compile(rf"\b{_DETERMINER}\s+(?!.*\b{_DETERMINER}\s)")
_APPOSED_SUBJECT_AT_END_RE = re.compile(
    rf"(?<![\w'\u2019])(?P<desc>{_NOMINAL}|{_POSSESSIVE_NOMINAL}),\s+(?P<name>{_FULL_NAME}),\s+{_AUX}\Z"
)
_SUBJECT_BEFORE_CLAUSE_RE = re.compile(rf"(?<![\w'\u2019])(?:{_SUBJECT})\Z")
# The end of a clause set off by commas, right before its subject's verb.
_AUX_AFTER_COMMA_RE = re.compile(rf"[^,;:\"\u201c\u201d\n]{{0,100}},\s+{_AUX}\Z")
_SUBJECT_AT_END_RE = re.compile(rf"(?<![\w'\u2019])(?:{_SUBJECT})\s+{_AUX}\Z")


class _Resolver:
    """Full names for surnames and people for pronouns, within one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full_mentions: dict[tuple[str, int], list[tuple[int, tuple[int, int]]]] = {}

    def fullest(self, start: int, end: int, gender: str | None = None) -> tuple[int, int]:
        """The fullest mention of the name at ``text[start:end]`` ("Lavrov" -> "Sergei Lavrov");
        with ``gender`` ('m'/'f', from a pronoun), people the other gender are passed over."""
        text = self.text
        surname = text[start:end]
        if (
            not surname[:1].isupper()
            or not surname.isalpha()
            and not _SURNAME_RE.fullmatch(surname)
        ):
            return start, end
        # Look only in the article-sized stretch around the mention, so that one huge text does
        # not cost a full scan per surname.
        block = start // _RESOLVE_REACH
        key = (surname, block)
        mentions = self._full_mentions.get(key)
        if mentions is None:
            mentions = []
            limit = min(len(text), (block + 2) * _RESOLVE_REACH)
            pos = text.find(surname, max(0, (block - 1) * _RESOLVE_REACH), limit)
            while pos != -1:
                stop = pos + len(surname)
                before = text[pos - 1] if pos else " "
                after = text[stop] if stop < len(text) else " "
                if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
                    first = _name_ahead_of(text, pos)
                    if first is not None:
                        s, e = _strip_name(text, first, stop)
                        previous = text[max(0, first - 5) : first].split()
                        if (
                            s == first
                            and previous
                            and previous[-1].lower().lstrip(_OPENING_QUOTE_CHARS) in _DETERMINERS
                        ) or text[s:e].split()[0].lower() in _DETERMINERS:
                            pass  # "the Washington Post Trump said": an organisation, then him;
                            # "The Notorious Bettie Page": a film's title
                        elif (
                            e - s > len(surname)
                            and text[s:e].split()[0].lower() not in _SENTENCE_STARTERS
                            and not any(ch in _NOT_IN_A_NAME for ch in text[s:e])
                        ):
                            mentions.append((pos, (s, e)))
                pos = text.find(surname, stop, limit)
            self._full_mentions[key] = mentions
        if gender is not None:
            # People the name or title says are of that gender, else those it says nothing of.
            genders = [_gender_of(text, span) for _, span in mentions]
            wanted = gender if gender in genders else None
            mentions = [m for m, g in zip(mentions, genders, strict=True) if g == wanted]
        if not mentions:
            return start, end
        names = {text[s:e] for _, (s, e) in mentions}
        if len(names) == 1:
            best: tuple[int, int] | None = None
            for pos, span in mentions:
                # The latest full mention before this one, else the first after it.
                if pos < start or best is None:
                    best = span
                if pos >= start:
                    break
            return best or (start, end)
        return self._choose(start, end, mentions)

    def _choose(
        self, start: int, end: int, mentions: list[tuple[int, tuple[int, int]]]
    ) -> tuple[int, int]:
        """One of several people sharing a surname ("Mrs. Clinton": Hillary or Bill): a title
        ruling some out by gender or matching theirs, then a full mention close before, then
        the one the text names most."""
        text = self.text
        title = _title_before(text, start)
        by_name: dict[str, list[tuple[int, tuple[int, int], str | None]]] = {}
        for pos, (s, e) in mentions:
            by_name.setdefault(text[s:e], []).append((pos, (s, e), _title_before(text, s)))
        candidates = list(by_name.values())
        gender = _TITLE_GENDER.get(title or "")
        if gender is not None:
            candidates = [
                c
                for c in candidates
                if all(_TITLE_GENDER.get(t or "", gender) == gender for _, _, t in c)
            ] or candidates
        if title is not None:
            candidates = [c for c in candidates if any(t == title for _, _, t in c)] or candidates
        latest = max(
            (
                (pos, span)
                for c in candidates
                for pos, span, _ in c
                if pos < start
                and not _RELATIVE_BEFORE_RE.search(text, max(0, span[0] - 40), span[0])
            ),
            default=None,
        )
        # A gendered title ("Mrs.") says more than closeness: "Bill Clinton" may be nearer.
        if latest is not None and start - latest[0] < _NEARBY and gender is None:
            return latest[1]
        most = max(candidates, key=lambda c: (len(c), -c[0][0]))
        before = [span for pos, span, _ in most if pos < start]
        return before[-1] if before else most[0][1]


# A full mention this close before a surname is the one it refers to ("Eric Trump … Trump said").
_NEARBY = 600
# A relative introduced beside the person the story is about ("his wife, Heidi Cruz"): news
# then calls the relative by the given name, and the bare surname stays the first person's.
_RELATIVE_BEFORE_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:wife|husband|son|daughter|brother|sister|father|mother|widow"
    r"|widower|spouse|cousin|nephew|niece|uncle|aunt|grandson|granddaughter|stepson"
    r"|stepdaughter)\s*,?\s*$",
    re.IGNORECASE,
)
_TITLE_GENDER = {
    "mrs.": "f",
    "mrs": "f",
    "ms.": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "mr.": "m",
    "mr": "m",
    "sir": "m",
    "congresswoman": "f",
    "congressman": "m",
    "chairwoman": "f",
    "chairman": "m",
    "spokeswoman": "f",
    "spokesman": "m",
}


def _gender_of(text: str, span: tuple[int, int]) -> str | None:
    """'m', 'f' or None for the person named at ``span``: a gendered title before or in the
    name ("Mrs. Clinton", "Ms. Jane Doe"), else a given name that tells ("Hillary Clinton")."""
    words = text[span[0] : span[1]].split()
    title = _title_before(text, span[0])
    if title is None and words and words[0].lower() in _TITLE_GENDER:
        title = words[0].lower()
    if title is not None and title in _TITLE_GENDER:
        return _TITLE_GENDER[title]
    given = [
        w
        for w in words[:-1]
        if w.lower().rstrip(".") not in _TITLE_WORDS and not (len(w) <= 2 and w.endswith("."))
    ]  # "W. Mark Felt": the initial tells nothing, "Mark" does
    # The first word that is a given name: "Detective Dominic Mangoni" is a man.
    return next((g for w in given if (g := gender_of_first_name(w)) is not None), None)


def _fits(text: str, span: tuple[int, int], pronoun: str) -> bool:
    """Whether "he"/"she" can mean the person at ``span`` (unknown genders fit either)."""
    wanted = _PRONOUN_GENDER.get(pronoun.lower())
    if wanted is None:
        return True
    gender = _gender_of(text, span)
    return gender is None or gender == wanted


def _title_before(text: str, start: int) -> str | None:
    """The title word right before a name ("Mrs." in "Mrs. Clinton"), lower-cased."""
    words = text[max(0, start - 16) : start].split()
    if not words or not text[start - 1 : start].isspace():
        return None
    word = words[-1].lower()
    return word if word in _TITLE_WORDS or word in _TITLE_GENDER else None


_RESOLVE_REACH = 20_000
_NOT_IN_A_NAME = frozenset(',;:!?"\u201c\u201d\u00ab\u00bb()')
_SURNAME_RE = re.compile(r"[^\W\d_][\w'\u2019\-]*")


def attribute(
    text: str,
    quotes: list[Quote],
    paragraphs: list[tuple[int, int]],
    quote_paragraphs: list[int],
    continues_paragraph: list[bool],
) -> list[Quote]:
    """``quotes`` with speaker, cue and carry-over filled in (same order)."""
    _common_word_cache.clear()
    resolver = _Resolver(text)
    mentions: list[_Mention | None] = []
    paragraph_starts = [start for start, _ in paragraphs]
    titles = [quote.partial and is_title_case(quote.content) for quote in quotes]
    for i, quote in enumerate(quotes):
        para_start, para_end = paragraphs[quote_paragraphs[i]]
        # A quote closed in a later paragraph is attributed after its closing mark, there.
        closing_para_end = para_end
        if quote.end > para_end:
            closing_para_end = paragraphs[bisect_right(paragraph_starts, quote.end - 1) - 1][1]
        next_start = closing_para_end
        if i + 1 < len(quotes) and quotes[i + 1].start < closing_para_end:
            next_start = min(closing_para_end, quotes[i + 1].start)
        after_stop = min(next_start, quote.end + _MAX_AFTER)
        previous_end = para_start
        if i > 0 and quote_paragraphs[i - 1] == quote_paragraphs[i] and not quote.partial:
            previous_end = quotes[i - 1].end
        before_start = max(previous_end, quote.start - _MAX_BEFORE)
        mention = None
        if continues_paragraph[i]:
            # A paragraph going on with the last one's speech keeps that speaker unless it
            # names its own ("“…,” added Rep. Jim Clyburn").
            mention = _after_attribution(text, quote.end, after_stop, False)
        elif quote.partial:
            mention = _before_attribution(
                text, before_start, quote.start, True
            ) or _after_attribution(text, quote.end, after_stop, True)
        else:
            mention = _after_attribution(text, quote.end, after_stop, False)
            if mention is None or _reports_a_new_statement(text, quote, mention, before_start):
                mention = _before_attribution(text, before_start, quote.start, False) or mention
        if (
            mention is None
            and not quote.partial
            and not continues_paragraph[i]
            # Else it goes on from the paragraph's last quote.
            and (previous_end == para_start or mentions[i - 1] is None)
        ):
            mention = _previous_sentence_attribution(text, previous_end, quote.start)
        if mention is None and quote.partial and not titles[i]:
            # The writer's sentence around a fragment belongs to its subject ("Trump admires
            # Putin as a “strong leader”").
            sentence_start = _sentence_start(text, before_start, quote.start)
            mention = _sentence_subject(text, sentence_start, quote.start, "")
            if mention is not None and not _could_hold_a_view(text, mention):
                mention = None
        mentions.append(mention)

    result: list[Quote] = []
    sources: list[int | None] = [None] * len(quotes)  # index whose mention a quote borrows
    for i, mention in enumerate(mentions):
        if mention is not None or titles[i]:
            continue  # a title no cue attributes is nobody's words: it borrows no speaker
        paragraph = quote_paragraphs[i]
        # Another quote of the same paragraph with a speaker: nearest before, else after.
        # Quotes are in text order, so a paragraph's quotes are neighbours in the list.
        before = []
        j = i - 1
        while j >= 0 and quote_paragraphs[j] == paragraph:
            before.append(j)
            j -= 1
        after = []
        j = i + 1
        while j < len(quotes) and quote_paragraphs[j] == paragraph:
            after.append(j)
            j += 1
        for j in before + after:
            # A fragment's speaker guessed from the writer's sentence (no cue) is lent to nobody.
            neighbour = mentions[j]
            if neighbour is not None and (neighbour.cue or not quotes[j].partial):
                sources[i] = j
                break
        if sources[i] is not None:
            continue
        starts_paragraph = not text[paragraphs[paragraph][0] : quotes[i].start].strip()
        if continues_paragraph[i] or starts_paragraph and not quotes[i].partial:
            # News convention: a quotation paragraph with no attribution goes on from the last.
            for j in range(i - 1, -1, -1):
                if quote_paragraphs[j] < paragraph - 1:
                    break
                if quote_paragraphs[j] == paragraph - 1:
                    previous = mentions[j]
                    if previous is not None and not previous.cue and quotes[j].partial:
                        continue  # a guessed fragment speaker does not carry over
                    sources[i] = sources[j] if previous is None else j
                    break
            if sources[i] is None and paragraph > 0:
                intro = _introduction(text, paragraphs[paragraph - 1])
                if intro is not None:
                    mentions[i] = intro

    history = _SpeakerHistory()
    quoted = _Quoted([quote.start for quote in quotes], [quote.end for quote in quotes])
    last_body: tuple[int, int] | None = None  # the last speaker that was no person
    for i, quote in enumerate(quotes):
        origin = sources[i]
        mention = mentions[i] if origin is None else mentions[origin]
        if mention is None:
            result.append(replace(quote, continued_from=origin))
            continue
        speaker_span = mention.name
        word = text[mention.start : mention.end]
        if mention.kind == "pron":
            if word.lower() == "it":
                # "The Security Council condemned … what it called “a clear threat”": the body
                # the sentence is about.
                body = _antecedent_in_sentence(
                    text, mention.start, paragraphs[quote_paragraphs[i]][0], resolver
                )
                if body is not None and not _A_PRONOUN_RE.match(text, body[0], body[1]):
                    speaker_span = resolver.fullest(*body)
                elif last_body is not None and quote.start - last_body[1] < _MAX_BEFORE:
                    # "The ministry said: “…” It added: “…”"
                    speaker_span = last_body
            elif word.lower() in _PERSON_PRONOUNS:
                speaker_span = _resolve_pronoun(
                    text,
                    quote,
                    mention,
                    paragraphs[quote_paragraphs[i]][0],
                    resolver,
                    history,
                    quoted,
                )
        elif mention.kind == "nominal" and word.split()[-1].lower() in _BODY_WORDS:
            last_body = speaker_span
        elif mention.kind in ("name", "phrase"):
            speaker_span = resolver.fullest(*mention.name)
            history.named(text, speaker_span, mention.name, max(quote.end, mention.end))
        result.append(
            replace(
                quote,
                speaker=text[speaker_span[0] : speaker_span[1]],
                speaker_start=speaker_span[0],
                speaker_end=speaker_span[1],
                cue=mention.cue or None,
                continued_from=origin,
                mention_start=mention.start,
                mention_end=mention.end,
            )
        )
    return result


def _reports_a_new_statement(text: str, quote: Quote, mention: _Mention, lower: int) -> bool:
    """Whether the attribution found after a quote that ends its sentence opens a statement of
    its own rather than crediting the quote: "She added that talks would continue", or any
    sentence after a quote the writer introduced with a colon ("The minister said: “…” She
    added, …")."""
    if not _ENDS_A_SENTENCE_RE.search(text, quote.start, quote.end):
        return False
    if text[lower : quote.start].rstrip().endswith(":"):
        return True
    sentence_end = _sentence_end(text, mention.start, min(len(text), mention.end + 160))
    return any(
        m[1] == mention.cue for m in _CUE_THEN_THAT_RE.finditer(text, quote.end, sentence_end)
    )


_CUE_THEN_THAT_RE = re.compile(rf"\b({CUE_PATTERN})\s+that\b")


# A quotation whose last words end a sentence: "… on this.”", "… this?” ".
_ENDS_A_SENTENCE_RE = re.compile(f"[.?!][{_QUOTE_CLOSERS}]+\\s*\\Z")


_A_PRONOUN_RE = re.compile(_PRONOUN)


@dataclass(frozen=True, slots=True)
class _Quoted:
    """Where a text's quotations are (in text order), to tell whether a name stands in one."""

    starts: list[int]
    ends: list[int]

    def holds(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


@dataclass(slots=True)
class _SpeakerHistory:
    """Who has spoken so far in a text, for the pronouns of later quotes."""

    last: tuple[int, int] | None = None  # the last speaker named, in full
    last_mention: tuple[int, int] = (0, 0)  # the words that named them ("Cruz")
    last_end: int = 0  # where their quote (or attribution) ended
    people: list[tuple[tuple[int, int], int]] = field(default_factory=list)
    """Persons who spoke, named or by a resolved pronoun, with where their quote ended."""
    by_pronoun: dict[int, tuple[int, int]] = field(default_factory=dict)
    """A pronoun's start -> the person it was resolved to (quotes sharing it agree)."""

    def named(self, text: str, person: tuple[int, int], mention: tuple[int, int], end: int) -> None:
        self.last, self.last_mention, self.last_end = person, mention, end
        if _is_a_persons_full_name(text, person):
            self.people.append((person, end))


def _resolve_pronoun(
    text: str,
    quote: Quote,
    mention: _Mention,
    para_start: int,
    resolver: _Resolver,
    history: _SpeakerHistory,
    quoted: _Quoted,
) -> tuple[int, int]:
    """The person "he"/"she" (any person pronoun) attributing ``quote`` means, else the
    pronoun itself."""
    known = history.by_pronoun.get(mention.start)
    if known is not None:
        return known
    word = text[mention.start : mention.end]
    pronoun_span = (mention.start, mention.end)
    stop = min(mention.start, quote.start)
    antecedent = _antecedent_in_sentence(text, mention.start, para_start, resolver)
    named = resolver.fullest(*antecedent) if antecedent is not None else None
    if named is not None and _fits(text, named, word):
        person = named
    elif history.last is not None:
        # A person opening a sentence since the last speaker's quote is whom the pronoun most
        # likely means ("Meyer penned a letter. ``…,'' she wrote").
        lower = max(history.last_end, quote.start - _MAX_SUBJECT_REACH)
        person = _last_person_named(text, lower, stop, resolver, word, quoted) or history.last
    else:
        # With no speaker yet, the last person named at all in the few hundred characters before.
        lower = max(0, quote.start - _MAX_NAME_REACH)
        person = (
            _last_person_named(text, lower, quote.start, resolver, word, quoted, anywhere=True)
            or pronoun_span
        )
    if person == history.last and not _fits(text, person, word):
        # "Cruz said …; “…,” he said": Ted Cruz, not Heidi Cruz named just before.
        regendered = resolver.fullest(*history.last_mention, _PRONOUN_GENDER.get(word.lower()))
        if regendered != history.last_mention:
            person = regendered
    if not _fits(text, person, word):
        person = (
            _person_who_fits(text, quote.start, stop, resolver, word, history.people, quoted)
            or pronoun_span
        )
    if person != pronoun_span:
        history.people.append((person, max(quote.end, mention.end)))
    history.by_pronoun[mention.start] = person
    return person


def _person_who_fits(
    text: str,
    quote_start: int,
    stop: int,
    resolver: _Resolver,
    pronoun: str,
    people: list[tuple[tuple[int, int], int]],
    quoted: _Quoted,
) -> tuple[int, int] | None:
    """For "she" whose first guess is a man (or "he", a woman), the likeliest person who fits:
    one opening a sentence since the last fitting speaker; else the nearest person named whose
    given name or title says the pronoun's gender; else that earlier speaker. A name of
    unknown gender is not enough (film titles and firms look like names), so the pronoun may
    stay unresolved."""
    earlier = next((p for p in reversed(people) if _fits(text, p[0], pronoun)), None)
    lower = max(0, quote_start - _MAX_SUBJECT_REACH)
    since = _last_person_named(
        text, max(earlier[1] if earlier else 0, lower), stop, resolver, pronoun, quoted
    )
    gendered = since or _last_person_named(
        text, lower, stop, resolver, pronoun, quoted, anywhere=True, gender_told=True
    )
    return gendered or (earlier[0] if earlier else None)


def _is_possessive(text: str, span: tuple[int, int]) -> bool:
    """Whether the name at ``span`` is a possessive ("Trump's plan"), 's inside it or not."""
    return text[span[1] - 2 : span[1] + 2].startswith(("'s", "\u2019s")) or text[
        span[1] : span[1] + 2
    ] in ("'s", "\u2019s")


def _antecedent_in_sentence(
    text: str, pronoun_start: int, para_start: int, resolver: _Resolver
) -> tuple[int, int] | None:
    """A name opening the pronoun's own sentence ("Trump said he …")."""
    start = _sentence_start(text, max(para_start, pronoun_start - _MAX_BEFORE), pronoun_start)
    if any(ch in _MARKS for ch in text[start:pronoun_start]):
        return None  # a name inside a quotation is not the speaker's
    m = _SENTENCE_SUBJECT_RE.match(text, start, pronoun_start)
    if m is None:
        return None
    if m.group("nominal") is not None and m.group("nominal").split()[0].lower() in (
        "my",
        "our",
        "his",
        "her",
        "their",
    ):
        return m.span("nominal")  # "My mother has softened, but she still says"
    if m.group("name") is None:
        return None
    start, end = _strip_name(text, m.start("name"), m.end("name"))
    if text[start:end].lower() in _SENTENCE_STARTERS:
        return None  # "My mother … she says"
    word = text[start:end]
    if (
        word.endswith("ing")
        and " " not in word
        and "," in text[end:pronoun_start]
        and resolver.fullest(start, end) == (start, end)
    ):
        return None  # "Expressing certainty that …, he said" (but "When King hired …, he")
    return start, end


_INTRO_RE = re.compile(
    rf"(?:{_SUBJECT})\s+{_AUX}(?P<cue>{CUE_PATTERN})[^.!?\"\u201c\u201d]{{0,80}}:\s*$"
)


_STATEMENT_INTRO_RE = re.compile(
    rf"(?:{_SUBJECT})\s+{_AUX}(?:made|issued|gave|released|offered|posted|sent|put\s+out)\s+"
    r"(?:the\s+following|this|these|an?|his|her|their|its|one)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>comments?|statements?|remarks?|message|response|reply|note|tweets?|post)\s*:\s*$"
)


def _introduction(text: str, paragraph: tuple[int, int]) -> _Mention | None:
    """A paragraph that introduces the next one's quotation: "The New York Times reports:"."""
    start, end = paragraph
    if not text[start:end].rstrip().endswith(":"):
        return None
    sentence_start = _sentence_start(text, max(start, end - _MAX_BEFORE), end)
    # "Sanders made the following comment:", "The ministry issued this statement:".
    m = _STATEMENT_INTRO_RE.search(text, sentence_start, end)
    if m is not None:
        return _mention_from(m, 0, text, m.group("noun"))
    m = _INTRO_RE.search(text, sentence_start, end)
    if m is None or _cue_is_noun(text, m, m.start("cue"), m.group("cue")):
        return None  # "… made a brief comment:": "comment" is no verb of "a brief"
    return _mention_from(m, 0, text)


_FULL_NAME_RE = re.compile(rf"(?P<name>{_FULL_NAME})")
_APPOSED_NAME_RE = re.compile(rf",\s+({_FULL_NAME})(?=\s*[,.;:!?]|$)")


# Last words that make a name an organisation's or a place's, never the person a pronoun is.
_INSTITUTION_WORDS = frozenset(
    [
        "center",
        "centre",
        "department",
        "ministry",
        "office",
        "agency",
        "council",
        "committee",
        "commission",
        "party",
        "union",
        "university",
        "college",
        "school",
        "hospital",
        "church",
        "court",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "group",
        "bank",
        "association",
        "institute",
        "foundation",
        "service",
        "services",
        "times",
        "post",
        "news",
        "journal",
        "house",
        "airport",
        "station",
        "street",
        "avenue",
        "park",
        "county",
        "city",
        "state",
        "states",
        "republic",
        "kingdom",
        "creamery",
        "dairy",
        "farms",
        "studios",
        "records",
        "media",
        "network",
        "industries",
        "holdings",
        "club",
        "society",
        "today",
        "weekly",
        "magazine",
        "tribune",
        "herald",
        "press",
        "ocean",
        "sea",
        "river",
        "lake",
        "island",
        "islands",
        "mountains",
        "valley",
        "bay",
        "coast",
        "beach",
    ]
)
# What "it" can stand for among the descriptors that speak ("the ministry", "the company").
_BODY_WORDS = _INSTITUTION_WORDS | _ISSUING_BODIES
# Words no person's name holds anywhere ("World War II", "Garden of Eden", "Los Angeles").
_NOT_IN_A_PERSONS_NAME = frozenset(["war", "world", "of", "the", "and", "los", "las"])


# Where a sentence starts: after its end mark (and a closing quote) and a space, or a line.
_AFTER_A_SENTENCE_END = r"(?:(?<=[.!?]\s)|(?<=[.!?][\"'\u201d\u2019]\s)|(?<=\n))"
# A surname as a clause's subject: opening a sentence or following an opener's comma, with a
# title or not (what may follow it is the caller's).
_SURNAME_OPENING_A_CLAUSE = (
    rf"(?:{_AFTER_A_SENTENCE_END}|(?<=,\s))"
    r"(?:(?P<title>Mrs?\.?|Ms\.?|Miss)\s+)?(?P<name>[A-Z][a-z][\w\-]*)"
)
_PRONOUN_GENDER = {"he": "m", "she": "f"}
# How far back a pronoun looks for a newly named subject: a few paragraphs, so that a long text
# costs no scan from its start per quote.
_MAX_SUBJECT_REACH = 2000
# How far back a pronoun with no speaker before it looks for anyone named.
_MAX_NAME_REACH = 600
_OPENING_QUOTE_CHARS = "\"'`\u201c\u2018"
_OPENING_MARKS = frozenset(_OPENING_QUOTE_CHARS)  # a set: "" (the text's start) is none


def _person_of_surname(
    text: str, m: re.Match[str], pronoun: str, resolver: _Resolver
) -> tuple[int, int] | None:
    """The full name of the surname a subject match found (group ``name``, its title in group
    ``title``), if it is a person's the pronoun can mean; else None."""
    if m.group("next") in _NOT_A_VERB or m.group("name").lower() in _SENTENCE_STARTERS:
        return None
    gender = _PRONOUN_GENDER.get(pronoun.lower())
    title_gender = _TITLE_GENDER.get((m.group("title") or "").lower())
    if gender is not None and title_gender is not None and title_gender != gender:
        return None
    if _is_common_word(text, *m.span("name")):
        return None
    full = resolver.fullest(*m.span("name"))
    if full == m.span("name") and title_gender is not None and gender is not None:
        # "Mr. Obama has seen the charts. “…,” he said": the title says it is a person, and
        # which; the text need not give the full name.
        return (m.start("title"), m.end("name"))
    if full == m.span("name") or not _is_a_persons_full_name(text, full):
        return None
    return full if _fits(text, full, pronoun) else None


def _last_person_named(
    text: str,
    start: int,
    stop: int,
    resolver: _Resolver,
    pronoun: str,
    quoted: _Quoted,
    anywhere: bool = False,
    gender_told: bool = False,
) -> tuple[int, int] | None:
    """The last person in ``text[start:stop]`` the pronoun can mean, by a surname opening a
    clause that the text gives in full elsewhere ("Somehow, Reid managed …" is Tara Reid; not
    the object in "who coproduced Reid") or by a full name opening a sentence; ``anywhere``:
    a full name wherever it stands. ``gender_told``: only people whose given name or title
    says the pronoun's gender."""
    found: tuple[int, tuple[int, int]] | None = None  # where the mention is, and its full name
    for m in _SUBJECT_SURNAME_OR_APPOSED_RE.finditer(text, start, stop):
        if m.group("appos") is not None and text[m.start() - 2 : m.start()] == ", ":
            continue  # "…, Riva, 47, and …": a list, not a sentence's subject
        if _inside_a_quotation(text, m.start("name"), quoted):
            continue
        full = _person_of_surname(text, m, pronoun, resolver)
        if full is not None and (not gender_told or _tells_gender(text, full, pronoun)):
            found = (m.start("name"), full)
    names = _FULL_NAME_RE if anywhere else _SUBJECT_FULL_NAME_RE
    for m in names.finditer(text, start, stop):
        span = _past_descriptors(text, _strip_name(text, *m.span("name")))
        if (
            (found is None or span[0] > found[0])
            and _may_be_meant(text, span, pronoun, quoted)
            and (not gender_told or _tells_gender(text, span, pronoun))
        ):
            found = (span[0], span)
    return found[1] if found is not None else None


def _may_be_meant(text: str, span: tuple[int, int], pronoun: str, quoted: _Quoted) -> bool:
    """Whether a pronoun can mean the full name at ``span``: a person's name, not a quoted
    one, not an organisation's or a place's, not a possessive ("Ivanka Trump's statement" is
    no subject), not opening with an article ("The Notorious Bettie Page": a film), not
    someone of the other gender."""
    first = text[span[0] : span[1]].split(None, 1)[0]
    return (
        not _inside_a_quotation(text, span[0], quoted)
        and first.lower() not in _DETERMINERS
        and _is_a_persons_full_name(text, span)
        and not _is_possessive(text, span)
        and _fits(text, span, pronoun)
    )


def _past_descriptors(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A full name without the ordinary words capitalised before it, which describe the person
    ("Actor Leonardo DiCaprio", "Homicide Detective Dominic Mangoni"); two words stay, an
    article stays ("The Notorious Bettie Page" is a film's title), and so does a given name
    that is also a word ("Rose Marie Reid", "Bill de Blasio")."""
    tokens = list(_TOKEN_RE.finditer(text, *span))
    skip = 0
    while (
        len(tokens) - skip > 2
        and tokens[skip].group().lower() not in _DETERMINERS
        and gender_of_first_name(tokens[skip].group()) is None
        and _is_common_word(text, *tokens[skip].span())
    ):
        skip += 1
    return (tokens[skip].start(), span[1]) if tokens else span


def _inside_a_quotation(text: str, position: int, quoted: _Quoted) -> bool:
    """A name someone says is not the one saying it; nor is one a mark opens (a title: "for
    ``New Moon,'' she wrote") where the marks are not a quotation."""
    return quoted.holds(position) or text[position - 1 : position] in _OPENING_MARKS


def _tells_gender(text: str, span: tuple[int, int], pronoun: str) -> bool:
    return _gender_of(text, span) == _PRONOUN_GENDER.get(pronoun.lower())


# A full name opening a sentence, followed by its verb or by an apposition ("Dirk Kempthorne,
# at a news conference, said", "Sen. Barbara Boxer (D-Calif.) said").
_SUBJECT_FULL_NAME_RE = re.compile(
    rf"{_AFTER_A_SENTENCE_END}(?:(?:But|And|So|Yet|Then)\s+)?"
    rf"(?P<name>{_FULL_NAME})(?=\s+[a-z]|,\s|\s\()"
)
# A surname opening a clause before its verb ("Kempthorne said") or an apposition
# ("Kempthorne, at a news conference, said").
_SUBJECT_SURNAME_OR_APPOSED_RE = re.compile(
    _SURNAME_OPENING_A_CLAUSE + r"(?=\s+(?P<next>[a-z]+)|(?P<appos>,\s|\s\())"
)


def _is_a_persons_full_name(text: str, span: tuple[int, int]) -> bool:
    """Several words on one line, not ending like an organisation's or a place's name."""
    words = text[span[0] : span[1]].split()
    return (
        len(words) > 1
        and words[-1].lower() not in _INSTITUTION_WORDS
        and not any(word.lower() in _NOT_IN_A_PERSONS_NAME for word in words)
        and not all(word.isupper() for word in words)  # "MIDWAY ATOLL -": a dateline
        and "\n" not in text[span[0] : span[1]]
    )
