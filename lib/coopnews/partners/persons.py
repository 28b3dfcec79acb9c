"""People told apart from places and organisations in news text: the persons' titles (data/entities.yaml
title_words, title_heads, person_roles; PERSONAL_TITLES, "Mr", "Dr"), the family names written first
(data/names.yaml family_names_first), a person's name after a body or place that spaCy ran into it ("Lord Mayor of
Birmingham John Lines", "the Can Tho City People's Committee Tran Van Binh"), and the filters that drop a
document's mentions that are a person's surname ("Michael Howard" ... "Howard said"), a place ending a name after
its particle ("Joao da Silva") or a person's whole name ("spokesman Owain Pryce", "Christian Estrosi said he").
Reads the heads and legal forms of coopnews.partners.mention, the gazetteer and the registry's demonyms, and
imports nothing of coopnews.partners.entities, which finds the mentions (and the persons spaCy tags, the spans
given to these filters) and applies these tests; coopnews.partners.syntax and coopnews.partners.relations read
its titles and list separator.

    _not_persons(text, mentions, registry, persons)   # the mentions that are no person
"""
from __future__ import annotations

import re

from ..data import load_data_yaml, one_of
from ..timeline.timex.lexicon import WEEKDAYS
from .gazetteer import _DIRECTION_WORDS, _small_town, capital_of, lookup_place
from .mention import _NON_SPACE, _NOT_OPENING_A_NAME, HEAD_TYPE, LEGAL_FORMS, Mention, org_type
from .registry import Registry, _demonym_keys, normalise_name

_LEXICON, _ = load_data_yaml("entities.yaml")  # data/entities.yaml: the words below, editable
_NAME_WORDS, _ = load_data_yaml("names.yaml")  # data/names.yaml

TITLE_WORDS = f"(?:{one_of(_LEXICON['title_words'].split())})"
TITLE_HEADS = rf"(?:{one_of(_LEXICON['title_heads'])})\b"
_PERSON_TITLE_HEADS = [h for h in _LEXICON["title_heads"] if h not in _LEXICON["body_title_heads"].split()]
_PERSON_TITLE_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_PERSON_TITLE_HEADS)})[ \t]+$")
_PERSON_TITLE_COMMA_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_PERSON_TITLE_HEADS)}),[ \t]+$")  # "Governor, Ann Lee,"
LIST_SEPARATOR = re.compile(r"^(?:,\s+(?:and\s+)?|\s+and\s+)$")  # between two names of a plain list: ", ", ", and ", " and "
REPRESENTATIVE_WORDS = frozenset(_LEXICON["representative_words"].split())  # "French Consul General": France
TITLE_GRADE_WORDS = frozenset(_LEXICON["title_grade_words"].split())  # "Soviet first deputy prime minister"
ENVOY_TITLES = r"(?:Ambassador|Consul|Consul-General|Envoy|High Commissioner)"  # a country's envoys (any case)


def _place_before_person(s: str) -> int | None:
    """Length of the place opening `s` when a person's name of two or three words follows it ("Birmingham John
    Lines" after "Lord Mayor of"; the longer place first: "Montego Bay Leeroy Williams"), else None."""
    words = s.split()
    for k in (2, 1):
        rest = words[k:]
        if 2 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest) and org_type(" ".join(rest)) is None \
                and lookup_place(" ".join(words[:k])) is not None and lookup_place(" ".join(rest)) is None:
            return len(" ".join(words[:k]))
    return None


def _body_before_named_person(text: str, s: str) -> int | None:
    """Length of what opens `s` (after "Mayor of") before a person's name of two words whose last word the text
    also writes alone ("Karasu Sabri Aslanbay" ... "Aslanbay said"), else None."""
    words = s.split()
    if len(words) < 3 or org_type(" ".join(words[-2:])) or not all(w[:1].isupper() and "-" not in w for w in words[-2:]):
        return None
    if not words[-3][:1].isupper() or (len(words) == 3 and words[0] in HEAD_TYPE):
        return None  # "Paris Association of French-Chinese Friendship", "the Foundation Sophia Antipolis"
    if len(re.findall(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", text)) < 2 \
            or any(re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", text) for w in words[-2:]):
        return None
    return len(s) - len(" ".join(words[-2:])) - 1


_TITLE_WORD = re.compile(f"{TITLE_WORDS}|{TITLE_HEADS}")  # "State Council Premier Li": a title, then the name


def _body_before_person(s: str) -> int | None:
    """Length of a body's name ending in a head that opens no name ("Committee", "Corporation") when two or three
    capitalised words follow it that are no head, legal form or place, or a weekday: a person's name or a day
    ("People's Committee Phan Van Mai", "Development Corporation Wednesday"), or any head when a family name
    written first opens them ("Provincial Government Liu Xiaojie"), else None."""
    words = list(_NON_SPACE.finditer(s))
    for k in range(1, len(words) - 1):
        rest = [w.group() for w in words[k + 1:]]
        head = words[k].group()
        if (head in _NOT_OPENING_A_NAME or (head in HEAD_TYPE and rest[0] in FAMILY_NAMES_FIRST)) \
                and (2 <= len(rest) <= 3 or rest[0].lower() in WEEKDAYS) \
                and all(w[:1].isupper() and w[1:].islower() and w not in HEAD_TYPE and w not in LEGAL_FORMS for w in rest) \
                and not _TITLE_WORD.fullmatch(rest[0]) and rest[0].lower() not in REPRESENTATIVE_WORDS \
                and lookup_place(" ".join(rest)) is None:
            return words[k].end()
    return None


def _place_before_person_in_body(s: str) -> int | None:
    """Length of a body's name ending in "of" and a place when a person's name of two or three words follows
    the place ("Government of Telangana Jayesh Ranjan"), else None."""
    words = list(_NON_SPACE.finditer(s))
    for k, w in enumerate(words[:-3]):
        if w.group() != "of" or k == 0:
            continue
        for n in (2, 1):
            rest = [x.group() for x in words[k + 1 + n:]]
            if 2 <= len(rest) <= 3 and all(x[:1].isupper() and x[1:].replace("-", "").isalpha() and x[1:].islower()
                                           and x not in HEAD_TYPE and x not in LEGAL_FORMS for x in rest) \
                    and not _TITLE_WORD.fullmatch(rest[0]) and lookup_place(" ".join(rest)) is None \
                    and not any(lookup_place(x) for x in rest) and not all(x.group() in _DIRECTION_WORDS for x in words[k + 1:k + 1 + n]) \
                    and lookup_place(s[words[k + 1].start():words[k + n].end()]) is not None \
                    and lookup_place(s[words[k + 1].start():]) is None:  # not "Department of Health of Can Tho City"
                return words[k + n].end()
    return None


_TITLE_AND_NAME_TAIL = re.compile(rf"[ \t]+(?:{TITLE_WORDS}[ \t]+)*(?:{one_of(_PERSON_TITLE_HEADS)})"
                                  r"(?:[ \t]+[A-Z][a-z][\w'’-]*){1,3}$")


def _body_before_title_and_name(s: str) -> int | None:
    """Length of a body's name that a person's title and name follow ("Hebei Province Department of Human
    Resources and Social Security Director Wang"), when what is left names a body (it has a head), else None."""
    m = _TITLE_AND_NAME_TAIL.search(s)
    if m is None or m.start() == 0 or org_type(s[:m.start()]) is None:
        return None
    acronym = _BRACKETED_ACRONYM_END.search(s, 0, m.start())  # "... Development (GDEcD) Commissioner Pat Wilson"
    return acronym.start() if acronym else m.start()


_BRACKETED_ACRONYM_END = re.compile(r"[ \t]*\([A-Za-z.&-]{2,12}\)$")


PERSONAL_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Gen", "Sir", "Lord", "Lady")  # "Mr Howard", "Ms Essex"
_TITLED_NAME = re.compile(rf"\b(?:{'|'.join(PERSONAL_TITLES)})\.?\s+([A-Z][\w-]*(?:['’][A-Z][\w-]*)?)")  # "Mr O'Brien", "Mr Lyons' image"


FAMILY_NAMES_FIRST = frozenset(_NAME_WORDS["family_names_first"].split())  # written before the given name: "Li Wei"


def _given_name_after(text: str, family: str, names: set[str]) -> bool:
    """Whether the text writes `family` before a given name somewhere ("Sun Zhiyang", "Lee Jae-soo"): a capitalised
    word that is no organisation word, title or place, and the two words open no name found (`names`: "Sun
    Microsystems")."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(family)}[ \t]+([A-Z][a-z]+(?:-[a-z]+)?)\b", text):
        word = m.group(1)
        if word not in HEAD_TYPE and word not in LEGAL_FORMS and not _TITLE_WORD.fullmatch(word) \
                and lookup_place(word) is None and not any(n.startswith(m.group()) for n in names):
            return True
    return False


_ROLE_NAMED = re.compile(  # "mayor Geordin Hill-Lewis", "Governor Lourdes Leon Guerrero", "Mayor Marco Antonio
    # Rodriguez Hurtado": a person with a title
    rf"(?<![\w-])(?:{one_of(_LEXICON['person_roles'].split() + [r.capitalize() for r in _LEXICON['person_roles'].split()])})"
    r"[ \t]+((?:[A-Z][a-z][\w'’-]*[ \t]+){1,3}[A-Z][a-z][\w'’-]*)\b(?![ \t]+(?:of|[A-Z]))")


NAME_END = re.compile(r"(?:['’]s?)?[.,;:]*$")  # what a surname drops: "Baker's" -> Baker, "Chouhan’s" -> Chouhan


_ROLE_WORDS = frozenset([r.capitalize() for r in _LEXICON["person_roles"].split()] + _LEXICON["title_heads"])


def _family_names(words: list[str]) -> list[str]:
    """The words of a titled person's name that may stand alone for them: the last; in a name of four words the
    one before too, a Spanish name's first surname ("Marco Antonio Rodriguez Hurtado": Rodriguez, Hurtado), unless
    the fourth is a place, the name's and not the person's ("Chief Minister Chaudhry Parvez Elahi Punjab and")."""
    if words and words[0] in _ROLE_WORDS:
        words = words[1:]  # "Chief| Minister Arjun Singh Tomar": the role's second word
    if len(words) == 4:
        return words[2:3] if lookup_place(NAME_END.sub("", words[3])) is not None else words[2:]
    return words[-1:]


def _not_surnames(text: str, mentions: list[Mention], persons: list[tuple[int, int]], registry: Registry) -> list[Mention]:
    """Mentions without those that are the surname of a person the document names ("Michael Howard" ...
    "Howard said", "Mr Howard"; "Richard Lyng" ... "Lyng urged"; "mayor Geordin Hill-Lewis" ... "Hill-Lewis said",
    a name after a role word, spaCy's person or not; for places, a two-word name's first word too, where
    the family name comes first: "Diao Ailin" ... "Diao met", a small town's name or none; "Shenyang Daily" and
    "Bandung Monument" leave the cities alone): a gazetteer city or region ("Governor Lourdes Leon Guerrero" ...
    "Guerrero traveled": no Mexican state), a one-word place no
    gazetteer knows or a one-word organisation of that name is the person (registry names and national capitals
    stay). A one-word name right after a personal title ("Ms Essex said", "Mr Lyons' image") is a person,
    whatever place it names."""
    bodies = {(m.start, m.end) for m in mentions if m.label == "ORG" and (m.source == "registry" or org_type(m.text))}
    names = [text[s:e].split() for s, e in persons if (s, e) not in bodies  # "Invest Liverpool": no person,
             and not re.search(r"\s[-–—]\s", text[s:e])]  # nor "Chitose - Anchorage", two places a dash joins
    surnames = {words[-1] for words in names if len(words) >= 2 and "of" not in words}  # "Oberburgermeister of
    # Aachen", a person to spaCy, is a title and its place
    family_first = {words[0] for words in names if len(words) == 2}  # "Diao Ailin ... Diao met" (not "Heinz" the firm)
    family_first = {w for w in family_first if _small_town(w) or lookup_place(w, registry) is None}  # not "Shenyang Daily"
    surnames = {w for w in surnames if not _used_as_a_town(text, w, mentions)}  # "Study Dunedin": an agency
    surnames |= set(_TITLED_NAME.findall(text)) | {NAME_END.sub("", word) for name in _ROLE_NAMED.findall(text)
                                                   for word in _family_names(name.split())}
    if not surnames and not family_first and not any(m.text in FAMILY_NAMES_FIRST for m in mentions):
        return mentions
    titled = {m.start(1) for m in _TITLED_NAME.finditer(text)}  # "Ms Essex said": a person, whatever Essex is
    names_found = {m.text for m in mentions}

    def surname(m: Mention) -> bool:
        if m.start in titled and " " not in m.text and (m.source != "registry" or m.label == "PLACE"):
            return True
        if m.label == "ORG" and m.text in FAMILY_NAMES_FIRST and m.source != "registry" \
                and registry.lookup(m.text) is None and _given_name_after(text, m.text, names_found):
            return True  # "Mayor Sun Zhiyang ... Sun said": the person, no organisation
        if m.text not in surnames | (family_first if m.label == "PLACE" else set()) \
                or m.source in ("registry", "acronym", "head") or registry.lookup(m.text) is not None:
            return False
        if m.label == "PLACE":  # a city, or a name no gazetteer knows ("Mr Prewitt": spaCy may tag Prewitt GPE)
            return (m.type in ("city", "region") and capital_of(m.canonical) is None) \
                or (m.type is None and " " not in m.text)
        return m.label == "ORG" and " " not in m.text and not m.text.isupper()

    return [m for m in mentions if not surname(m)]


_TOWN_WORDS_AFTER = r"(?:['’]s)?[ \t]+(?:[Mm]ayor|[Cc]ity[ \t]+[Cc]ouncil|[Dd]elegation|[Mm]unicipal|[Mm]etropolitan)\b"
_TOWN_WORDS_BEFORE = r"(?<![\w-])(?:[Mm]ayor|[Cc]ity|[Tt]own|[Mm]unicipality)[ \t]+of[ \t]+"


def _used_as_a_town(text: str, word: str, mentions: list[Mention]) -> bool:
    """Whether the text writes `word` as a town: opening a government body's name ("Rockhampton Regional
    Council"), before a town's office or delegation ("Dunedin Mayor Dave Cull", "a Dunedin delegation") or after
    "Mayor of", "City of" ("the City of Montpellier"); then a person spaCy saw in an agency's name ("Advance
    Rockhampton", "Study Dunedin", "Polytech Montpellier") gives it no surname."""
    if any(m.label == "ORG" and m.text.split()[0] == word and org_type(m.text) == "government" for m in mentions):
        return True
    name = re.escape(word)
    return re.search(rf"(?<![\w-]){name}{_TOWN_WORDS_AFTER}|{_TOWN_WORDS_BEFORE}{name}(?![\w-])", text) is not None


_PARTICLE_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+(?:de[ \t]+la|de[ \t]+los|de[ \t]+las|del|de|da|do|dos|"
                              r"van[ \t]+der|van[ \t]+den|van|von|di|du)[ \t]+$")


def _not_name_particles(text: str, mentions: list[Mention], registry: Registry) -> list[Mention]:
    """Mentions without places that end a person's name after a particle ("President Miguel de la Madrid",
    "Joao da Silva"): a capitalised word that is no place, then the particle, then the place's name."""
    def in_name(m: Mention) -> bool:
        if m.label != "PLACE" or m.source == "registry":
            return False
        before = _PARTICLE_BEFORE.search(text, max(0, m.start - 40), m.start)
        return before is not None and before.group(1) not in HEAD_TYPE \
            and lookup_place(before.group(1), registry) is None
    return [m for m in mentions if not in_name(m)]


_CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"  # "Šapić", "Łukasz"
_PERSON_NAME = re.compile(rf"{_CAPITAL}[\w'’-]*\.?(?:[ \t]+(?:(?:de|van|von|der|da|di|le|la|bin|al)[ \t]+)?"
                          rf"{_CAPITAL}[\w'’-]*\.?){{1,3}}")
_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{one_of(_LEXICON['person_roles'].split())}),?[ \t]+$")  # "director, Jo Bloggs,"
_HONORIFIC_BEFORE = re.compile(r"(?<![\w-])(?:Mr|Mrs|Ms|Dr|Prof|Madam|Madame)\.?[ \t]+$")  # "Dr K N Vijayprakash"
_ROLES_LOWER = one_of([t.lower() for t in _LEXICON["title_heads"]] + _LEXICON["person_roles"].split())
_TITLE_AFTER = re.compile(r",[ \t]+(?:(?:the|a|an|its|his|her)[ \t]+(?:[\w'’.-]+[ \t]+){0,3}?"
                          rf"(?:{_ROLES_LOWER})\b"
                          rf"|(?:{one_of([r.capitalize() for r in _LEXICON['person_roles'].split()] + _LEXICON['title_heads'])})"
                          r"[ \t]+of\b"
                          rf"|(?:(?:deputy|vice|chief|executive|senior|assistant)[ \t-]+)?(?:{_ROLES_LOWER})[ \t]+of\b)")
# ... ", the bank's managing director"; ", Chief of Nkawie"; ", deputy head of"
_ROLE_OF_AFTER = re.compile(r",[ \t]+(?:(?:Vice|Deputy|Executive)[ \t-])?"  # ", President of", ", Vice-Governor of"
                            rf"(?:{one_of([r.capitalize() for r in _LEXICON['person_roles'].split()])})[ \t]+of\b")


def _in_list_of_persons(text: str, m: Mention, persons: list[tuple[int, int]]) -> bool:
    """Whether a list names people on both sides of the mention ("Deputy Mayors Ali Demir, Hasan Kaya and Ayse
    Yilmaz": the tagger's organisation in the middle is a person too)."""
    before = any(LIST_SEPARATOR.match(text[e:m.start]) for s, e in persons if e <= m.start)
    after = any(LIST_SEPARATOR.match(text[m.end:s]) for s, e in persons if s >= m.end)
    return before and after


_LED_BY_BEFORE = re.compile(r"(?<![\w-])(?:[Dd]elegations?|[Dd]elegates|[Oo]fficials|[Mm]ission|[Vv]isitors)\b[^.\n]{0,60}?"
                            r"(?<![\w-])(?:led|headed)[ \t]+by[ \t]+$")  # "officials led by Ken Sato", not "a group led by"


# a title of a place or body, then a comma, right before a name: "the Mayor of Nice, Christian Estrosi", "Consul-General
# of Nigeria in New York, Lot Egopija", "Chief minister of Maharashtra, Eknath Shinde"
_PERSON_TITLE_ANY_CASE = one_of(_PERSON_TITLE_HEADS + [h.lower() for h in _PERSON_TITLE_HEADS])
_TITLE_OF_THEN_COMMA = re.compile(rf"(?<![\w-])(?:{_PERSON_TITLE_ANY_CASE})"
                                  r"[ \t]+(?:of|to|for)[ \t]+[^,;.()\n]{1,60}(?:,[ \t]+[A-Z][^,;.()\n]{0,30})?,[ \t]+$")
# ... "the Mayor of Nice, Christian Estrosi"; "Mayor of Sitia, Greece, Georgios Zervakis": the place's country between
# ... or its country in brackets, then the name: "Governing mayor of Berlin (Germany) Klaus Wowereit"
_TITLE_OF_PLACE_BRACKETED = re.compile(rf"(?<![\w-])(?:{_PERSON_TITLE_ANY_CASE})"
                                       r"[ \t]+of[ \t]+[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}[ \t]*\([A-Z][a-z][^()\n]{0,28}\)[ \t]+$")
_SPEAKS_AFTER = re.compile(r"[ \t]+(?:said|says|stated|added|noted|told|explained|stressed|emphasi[sz]ed|underlined|"
                           r"remarked|recalled)[ \t]+(?:that[ \t]+)?(?:he|she|his|her)\b")  # "... said he was pleased"
_QUOTE_SPEAKER_BEFORE = re.compile(r"[,.!?][\"”’]?[ \t]+(?:said|says|added|noted|explained|stressed|remarked)[ \t]+$")
# a person's verb after a name written alone, adverbs or "in turn" between: "Regalado recalled", "Ducci then
# thanked", "Masuzoe, in turn, noted", "Al Ahbabi pointed out" (no "said": "Toyota said" is a firm's)
_PERSON_VERB_AFTER = re.compile(r"(?:,[ \t]+in[ \t]+turn,|[ \t]+(?:also|first|then|further|later|again))?[ \t]+"
                                r"(?:recalled|thanked|noted|pointed[ \t]+out|expressed|stressed|emphasi[sz]ed|hoped|"
                                r"welcomed|praised|congratulated|underlined|invited|told|remarked|explained)\b")
# a role in brackets after a name, lower case: "Keiko Shibasaki (city policy)", "Junichi Inoue (vice mayor)"
_ROLE_IN_BRACKETS_AFTER = re.compile(rf"[ \t]*\((?:(?:{_ROLES_LOWER})\b|[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){{0,3}}\)[ \t]*[,;]|"
                                     r"[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,3}\)[ \t]+and\b)")
_COUNTERPART_AROUND = re.compile(r"(?:[ \t]+and[ \t]+(?:his|her)[ \t]+(?:[\w-]+[ \t]+)?counterpart\b)")  # "X and his counterpart"
_COUNTERPART_BEFORE = re.compile(r"(?<![\w-])(?:his|her)[ \t]+(?:[\w-]+[ \t]+)?counterpart,?[ \t]+$")  # "his Tokyo counterpart, X"


def _written_as_a_person(text: str, name: str) -> bool:
    """Whether the text treats a name of two or three words as a person's: its family name (last word or last two)
    stands alone before a person's verb ("Regalado recalled", "Al Ahbabi pointed out") or after a quote's "said"
    ('," said Ducci'), or the name has a counterpart ("signed by Michaël Delafosse and his counterpart", "his
    Tokyo counterpart, Yoichi Masuzoe") or, somewhere, a person's title before it ("Mayor Shangguan Jiqing"). Not
    a first word alone ("Horsten told Trends": Horsten International stays)."""
    words = name.split()
    if not 2 <= len(words) <= 3:
        return False
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
        if _COUNTERPART_AROUND.match(text, m.end()) or _COUNTERPART_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                or _PERSON_TITLE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            return True  # ... or a person's title elsewhere: "Mayor Shangguan Jiqing met ..." under "Shangguan Jiqing Met"
    for family in dict.fromkeys((words[-1], " ".join(words[-2:]))):
        if family == name:
            continue
        for m in re.finditer(rf"(?<![\w'’.-]){re.escape(family)}(?![\w'’-])", text):
            before = text[max(0, m.start() - 30):m.start()]
            if re.search(r"[A-Z][\w'’-]*[ \t]+$", before) or re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
                continue  # part of a longer name ("said Band Aid")
            if _PERSON_VERB_AFTER.match(text, m.end()) or _QUOTE_SPEAKER_BEFORE.search(before):
                return True
    return False


_FAMILY_THEN_HYPHENED = re.compile(r"[A-Z][a-z]+[ \t]+[A-Z][a-z]+-[a-z]+")
_FAMILY_THEN_GIVEN = re.compile(r"[A-Z][a-z]+[ \t]+[A-Z][a-z]+")
_DESCRIBED_AFTER = re.compile(r",[ \t]+[a-z]")  # "Sun Yunfei, standing committee member": who the name is


def _not_persons(text: str, mentions: list[Mention], registry: Registry,
                 persons: list[tuple[int, int]] = ()) -> list[Mention]:
    """Mentions without organisations that are people: a name of two to four words with no organisation head
    that a role noun or "led by" opens ("spokesman Owain Pryce", "developer Jo Bloggs", "a delegation led by Ken
    Sato"), that an apposition gives a title ("Ann Lee, the bank's managing director"), whose last word the text
    gives a title ("Mr Pryce"), that stands between people in a list, that follows a title of a place and a comma
    ("the Mayor of Nice, Christian Estrosi") or a title between commas ("Lagos State Governor, Babajide
    Sanwo-Olu,"), that has a role in brackets after it ("Keiko Shibasaki (city policy),") or that, of two words or
    more and no known kind, says something of
    him- or herself ("Christian Estrosi said he was pleased"; "Sun Microsystems said it") or a quote's "said"
    opens ('"...," said Abdeslam Bekkali'); every mention of a name
    found so is the person. A name holding a country, region or city is no person."""
    titled = set(_TITLED_NAME.findall(text))
    demonyms = _demonym_keys(registry)
    opening_longer = {m.text.split()[0] for m in mentions if m.label == "ORG" and " " in m.text}

    def person(m: Mention) -> bool:
        if m.label == "ORG" and m.source not in ("registry", "acronym") and _FAMILY_THEN_HYPHENED.fullmatch(m.text) \
                and m.text.split()[0] in FAMILY_NAMES_FIRST and registry.lookup(m.text) is None:
            return True  # "Seoul city Park Won-soon", "Moon Jae-in": a family name, then a hyphened given name
        if m.label == "ORG" and m.source not in ("registry", "acronym") and _FAMILY_THEN_GIVEN.fullmatch(m.text) \
                and m.text.split()[0] in FAMILY_NAMES_FIRST and _DESCRIBED_AFTER.match(text, m.end) \
                and org_type(m.text) is None and registry.lookup(m.text) is None:
            return True  # "Sun Yunfei, standing committee member of ...": a family name, a given name, then who
        if m.label == "ORG" and m.source not in ("registry", "acronym") and m.text.split()[-1] not in HEAD_TYPE \
                and _PERSON_NAME.fullmatch(m.text) and _PERSON_TITLE_BEFORE.search(text, max(0, m.start - 30), m.start) \
                and registry.lookup(m.text) is None \
                and not any(lookup_place(w, registry) and not _small_town(w) for w in m.text.split()):
            return True  # "Busan Mayor Park Heong-joon", "Tokyo Governor Yoichi Masuzoe" (Yoichi a small town too)
        if m.label == "ORG" and m.source not in ("registry", "acronym") and " " not in m.text and m.text[1:].islower() \
                and m.text not in opening_longer and org_type(m.text) is None and registry.lookup(m.text) is None \
                and lookup_place(m.text, registry) is None and _PERSON_TITLE_BEFORE.search(text, max(0, m.start - 30), m.start):
            return True  # "paid a courtesy call on Governor Masuzoe": one word after a person's title, when no longer
            # organisation's name opens with it ("Dean Witter" ... "Witter Reynolds Inc": the firm)
        if m.label == "PLACE" and " " not in m.text and m.source not in ("registry", "acronym") \
                and _small_town(m.text) and registry.lookup(m.text) is None and _ROLE_OF_AFTER.match(text, m.end):
            return True  # "Campana, President of Córdoba Congress and Vice-Governor of Córdoba, headed a delegation":
            # a person with a title, not the Argentine town of that name
        if m.label == "PLACE" and m.type is None and m.source not in ("registry", "acronym") \
                and _PERSON_NAME.fullmatch(m.text) and "\n" not in m.text and registry.lookup(m.text) is None \
                and not any(lookup_place(w, registry) and not _small_town(w) for w in m.text.split()):
            return _written_as_a_person(text, m.text) \
                or _TITLE_OF_THEN_COMMA.search(text, max(0, m.start - 120), m.start) is not None
            # "Miami's Tomas Regalado ... Regalado recalled"; "the Governor of Tokyo, Shintaro Ishihara and ..."
        if m.label != "ORG" or m.source in ("registry", "acronym") or registry.lookup(m.text) is not None \
                or org_type(m.text) is not None or not _PERSON_NAME.fullmatch(m.text) or "\n" in m.text \
                or any(lookup_place(w, registry) and not _small_town(w) for w in m.text.split()):
            return False  # "Lisbon Futures Exchange, an exchange spokesman said": a place's body
        return m.text.split()[-1] in titled or _ROLE_BEFORE.search(text, max(0, m.start - 40), m.start) is not None \
            or _TITLE_AFTER.match(text, m.end) is not None or _HONORIFIC_BEFORE.search(text, max(0, m.start - 8), m.start) \
            or _LED_BY_BEFORE.search(text, max(0, m.start - 90), m.start) is not None \
            or _in_list_of_persons(text, m, persons) \
            or (m.type in (None, "other") and _written_as_a_person(text, m.text)) \
            or (" " in m.text and _ROLE_IN_BRACKETS_AFTER.match(text, m.end) is not None) \
            or (_PERSON_TITLE_COMMA_BEFORE.search(text, max(0, m.start - 30), m.start) is not None
                and text[m.end:m.end + 1] == ",") \
            or _TITLE_OF_THEN_COMMA.search(text, max(0, m.start - 120), m.start) is not None \
            or _TITLE_OF_PLACE_BRACKETED.search(text, max(0, m.start - 100), m.start) is not None \
            or (" " in m.text and m.type in (None, "other") and _SPEAKS_AFTER.match(text, m.end) is not None
                and not any(normalise_name(w) in demonyms  # "Royal Dutch said": a firm
                            for w in m.text.split())) \
            or (" " in m.text and m.type in (None, "other")  # '"... a new impetus," said Abdeslam Bekkali.'
                and _QUOTE_SPEAKER_BEFORE.search(text, max(0, m.start - 16), m.start) is not None)

    people = [person(m) for m in mentions]
    found = {m.text for m, is_person in zip(mentions, people) if is_person}  # "the Mayor of Nice, Christian Estrosi"
    return [m for m, is_person in zip(mentions, people) if not is_person and not (m.label == "ORG" and m.text in found)
            and not _family_name_of(m, found, registry)]


def _family_name_of(m: Mention, persons: set[str], registry: Registry) -> bool:
    """Whether an untyped mention is the family name of a person found ("Regalado" after "Tomas Regalado", "Ducci"
    linked to "Luciano Ducci")."""
    if m.source in ("registry", "acronym") or m.type not in (None, "other") or registry.lookup(m.text) is not None:
        return False
    if m.canonical in persons:
        return True
    return any(m.text != p and m.text in (p.split()[0], p.split()[-1], " ".join(p.split()[-2:])) for p in persons)
