"""Cooperation relations read from a sentence's dependency parse (spaCy en_core_web_sm's parser, run only on
the sentences that hold a cooperation cue).

    docs = parse(["Honolulu's sister cities include Seoul, Manila and Naha."])
    relations(docs[0], parties, ("twinning", "sister cities"), main_party)   # [(party a, party b), ...]

Parties are mention dicts (start, end in the sentence; label, canonical, type, country). Two parties form a
pair when the dependency path between them passes through a cooperation cue and no conflict word
(data/relations.yaml); a list of coordinated parties is one node, so a head and its list make a star, not a
clique; coordinated parties pair with each other only as the joint subject of a cooperation predicate
("Lyon and Wuhan signed ...") or after "between". A place after a locative preposition ("held in Paris",
"the Hilton Hotel in Lyon") is a venue or a locator unless the word it attaches to is about investing or
opening something there. A subject such as "it" or "the company" stands for the document's main party (its
main organisation for a word naming a business), and so does a person visiting or holding talks.
Two parties are no pair when one is the object of a verb that is no cue ("to force Japan"), when both reach
their linking verb from its object side ("visit A, as well as B"), when only one of them stands after
"between", or when the path crosses from one clause into a coordinated clause with its own subject.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import load_data_yaml, word_alternatives
from ..timeline.timex.lexicon import MONTHS, WEEKDAYS
from .entities import model_name
from .gazetteer import is_territory
from .mention import HEAD_TYPE
from .persons import _PERSON_TITLE_HEADS, PERSONAL_TITLES, REPRESENTATIVE_WORDS

_WORDS, _ = load_data_yaml("relations.yaml")
WORDS = _WORDS  # the word lists, for coopnews.partners.relations
SETTING_TYPES = frozenset(_WORDS["setting_types"].split())
MAX_PATH = 8  # dependency edges between two parties' list heads
MAX_PATH_TWO = 14  # ... when they are the only two parties of the sentence


def _word_pattern(words: str) -> re.Pattern:
    return re.compile(r"^(?:" + word_alternatives(words.split()) + r")$", re.I)


_CONFLICT = _word_pattern(_WORDS["conflict_words"])
_ENDING = _word_pattern(_WORDS["ending_verbs"])
_ENDED_TIE = _word_pattern(_WORDS["ended_tie_nouns"])
_STRAINED = _word_pattern(_WORDS["strained_words"])
UNRELATED_BETWEEN = frozenset(_WORDS["unrelated_between_nouns"].split())
_ENDED_TIE_WORDS = re.compile(  # the same in words: an ending verb or "an end to", then a tie within five words
    rf"\b(?:{word_alternatives(_WORDS['ending_verbs'].split())}|an\s+end\s+to)\b(?:\s+[\w'’-]+){{0,4}}?\s+"
    rf"(?:{word_alternatives(_WORDS['ended_tie_nouns'].split())})\b", re.I)
_LOCATIVE = frozenset(_WORDS["locative_prepositions"].split())
_INVESTMENT = _word_pattern(_WORDS["investment_heads"])
_BETWEEN = frozenset(_WORDS["between_words"].split())
_MAIN_WORDS = frozenset(_WORDS["main_party_words"].split())
_DISTRIBUTIVE = frozenset(_WORDS["distributive_words"].split())
_DISTRIBUTIVE_MODIFIERS = frozenset(_WORDS["distributive_modifiers"].split())
_MAIN_ORG_WORDS = frozenset(_WORDS["main_organisation_words"].split())
_GOVERNMENT_WORDS = frozenset(_WORDS["government_words"].split())
_HERE_VISIT_WORDS = frozenset(_WORDS["here_visit_words"].split())
_GOVERNMENT_MODIFIERS = frozenset(_WORDS["government_modifiers"].split())
_JOINT = _word_pattern(_WORDS["joint_predicates"])
_SEPARATE = _word_pattern(_WORDS["separate_predicates"])
_POSSESSION = frozenset(_WORDS["possession_verbs"].split())
LOCAL_LEVELS = _LOCAL_LEVELS = frozenset(_WORDS["local_government_levels"].split())
_TIE_WORD = re.compile(rf"(?:{'|'.join(_WORDS['tie_words'].split())})$")
_CREATION = _word_pattern(_WORDS["creation_verbs"])
_VISIT = _word_pattern(_WORDS["visit_verbs"])
_SPEECH = frozenset(_WORDS["speech_verbs"].split())
_JOINING = frozenset(_WORDS["joining_verbs"].split())
_DEPARTING = frozenset(_WORDS["departure_verbs"].split())
_HOSTING = frozenset(_WORDS["hosting_verbs"].split())
_LEADING = frozenset(_WORDS["leading_verbs"].split())
_COMPASS = frozenset(_WORDS["compass_words"].split())
_PERSON_PRONOUNS = frozenset(_WORDS["person_pronouns"].split())
_VISIT_NOUNS = frozenset(_WORDS["visit_nouns"].split())
_TRAVEL_VERBS = frozenset(_WORDS["travel_verbs"].split())
_SUBJECTS = ("nsubj", "nsubjpass")
_NOUN_TAGS = frozenset(("NN", "NNS", "NNP", "NNPS"))  # Penn Treebank tags (the parser's token.tag_)
_COMMON_NOUN_TAGS = frozenset(("NN", "NNS"))
_PROPER_TAGS = frozenset(("NNP", "NNPS"))
_PRONOUN_TAGS = frozenset(("PRP", "PRP$", "WP", "WP$", "EX"))
_FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
_CLAUSE_BREAKS = ("relcl", "advcl")  # a relative or adverbial clause states another relation


@lru_cache(maxsize=1)
def load_parser():
    """spaCy's English pipeline reduced to the tagger and the dependency parser; loaded once. The attribute
    ruler (universal POS from the tags) is left out too: it cost a third of the parse, and the rules here read
    the Penn Treebank tags directly (_NOUN_TAGS ...)."""
    import spacy

    return spacy.load(model_name(), exclude=["ner", "lemmatizer", "senter", "attribute_ruler"])


_PARSED: dict[str, object] = {}  # sentence -> Doc: the pairs and events stages parse the same sentences
_PARSED_MAX = 20_000


_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})  # one character for one: offsets stay


def parse(texts: list[str], *, batch_size: int = 128) -> list:
    """spaCy Docs of `texts` (the candidate sentences), parsed in batches; recently parsed sentences are
    reused within the process. Curly quotes and apostrophes are parsed as straight ones, which the model was
    trained on ("Brazil’s Belo Horizonte" parsed apart from "Brazil's"); the Docs' offsets are the texts'."""
    todo = list(dict.fromkeys(t for t in texts if t not in _PARSED))
    if todo:
        if len(_PARSED) + len(todo) > _PARSED_MAX:
            _PARSED.clear()
        _PARSED.update(zip(todo, map(_repaired, load_parser().pipe(
            (t.translate(_STRAIGHT) for t in todo), batch_size=batch_size))))
    return [_PARSED[t] for t in texts]


_NUMBER = {"are": 2, "were": 2, "is": 1, "was": 1}  # how many items the subject of a verb of being holds


def _repaired(doc):
    """`doc` with the parser's known slips mended, in order: a subject left in the clause before
    (_clauses_run_together), two names nested one in the other (_names_coordinated), a subject taken into an
    opening phrase (_subject_after_opening_phrase), a subject's apposition after its verb
    (_appositions_past_the_verb), ties of one list hung on the names before them (_ties_listed_with_their_partners)."""
    return _ties_listed_with_their_partners(
        _appositions_past_the_verb(_subject_after_opening_phrase(_names_coordinated(_clauses_run_together(doc)))))


def _ties_listed_with_their_partners(doc):
    """`doc` with the ties of one list coordinated: in "X has sister city relations with Shanghai, Guangzhou, a
    cooperation protocol with Xi'an, and a memorandum with Hangzhou" the parser hangs "protocol" and
    "memorandum" on the names before them, as if Guangzhou were a protocol. A common noun with its own "with" and
    a name after it, apposed or coordinated to a name the noun before it has with it, joins that noun's list."""
    for noun in doc:
        if noun.tag_ not in _COMMON_NOUN_TAGS or noun.dep_ not in ("appos", "conj") \
                or noun.head.tag_ not in _PROPER_TAGS:
            continue
        if not any(c.lower_ == "with" and any(o.dep_ == "pobj" and o.tag_ in _PROPER_TAGS for o in c.children)
                   for n in (noun, *_of_chain([noun])) for c in n.children):
            continue  # "a memorandum of understanding with Hangzhou"
        item = noun.head
        while item.dep_ in ("appos", "conj") and item.head.tag_ in _PROPER_TAGS:
            item = item.head
        if item.dep_ == "pobj" and item.head.lower_ == "with" and item.head.head.tag_ in _COMMON_NOUN_TAGS:
            noun.head, noun.dep_ = item.head.head, "conj"
    return _names_listed_after_ties(doc)


def _names_listed_after_ties(doc):
    """`doc` with the names that continue a tie's list of partners joined to that list: in "a friendship link with
    Bethlehem and similar arrangements with Barga in Italy, St Malo in France and the Finnish town of Oulu" the
    parser coordinates "St Malo" with "link", a tie of its own. A name coordinated with a common noun, after a
    later tie of the noun's list (or the noun's second "with") whose "with" names a place, becomes that place's
    conjunct."""
    for name in doc:
        if name.tag_ not in _PROPER_TAGS or name.dep_ != "conj" or name.head.tag_ not in _COMMON_NOUN_TAGS:
            continue
        ties = [name.head, *(c for c in name.head.children if c.dep_ == "conj" and c.i < name.i)]
        withs = [c for t in ties for c in t.children if c.lower_ == "with" and c.i < name.i]
        partners = [o for c in withs for o in c.children if o.dep_ == "pobj" and o.tag_ in _PROPER_TAGS]
        if partners and len(withs) > 1:  # two lists of partners, the name after the second
            name.head = max(partners, key=lambda o: o.i)
    return doc


def _appositions_past_the_verb(doc):
    """`doc` without a subject's apposition the parser found after the subject's own verb: in "Angers has been
    twinned with ... Pisa (Italy) since 1982, Wigan (England) since 1988" it makes "Wigan" an apposition of
    "Angers", a second name of the subject; an item of the list the verb governs is no name of its subject. The
    name, with its place in brackets as such list items have, hangs on the verb, untyped."""
    for token in doc[:-1]:
        head = token.head
        if token.dep_ == "appos" and head.dep_ in _SUBJECTS and head.i < head.head.i < token.i \
                and doc[token.i + 1].text == "(":
            token.head, token.dep_ = head.head, "dep"
    return doc


def _clauses_run_together(doc):
    """`doc` with the subject restored to a second clause the parser read as part of the first one's object:
    in "Urumqi and Makassar are sister cities of Peshawar and Rome and Konya are sister cities of Multan" it
    hangs "Rome and Konya" on "Peshawar" and leaves the second "are" subjectless. The items right before such
    a verb become its subject: the last one for "is" or "was", the last two for "are" or "were"."""
    for verb in doc:
        n = _NUMBER.get(verb.lower_)
        if n is None or verb.dep_ != "conj" or verb.i == 0 or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        last = doc[verb.i - 1]
        if last.tag_ not in _PROPER_TAGS or last.dep_ != "conj" or last.head.i >= verb.i:
            continue
        first = last if n == 1 else last.head
        if first.dep_ == "pobj" and first.head.lower_ == "as" and first.head.i < first.i < verb.i:
            first.head.head, first.head.dep_ = verb, "mark"  # "strengthened as Port of Spain and Shanghai are due
            first.head, first.dep_ = verb, "nsubj"  # to be made sister cities": "as" opens a clause
            continue
        if first.dep_ != "conj" and n == 2 or _list_head(first).dep_ not in ("pobj", "dobj", "attr") \
                or _list_head(first).i == first.i:
            continue
        cc = [c for c in first.head.children if c.dep_ == "cc" and c.i < first.i]
        first.head, first.dep_ = verb, "nsubj"
        for c in cc:
            c.head = verb.head
    return doc


def _names_coordinated(doc):
    """`doc` with two coordinated names restored where the parser hung the first on the second's head: in "the
    Guangzhou Port and Alexandria Port established ..." it makes "Guangzhou Port" a modifier of the last "Port",
    with "Alexandria" its conjunct. When a name modifying a later name has a conjunct before that name, and
    only names lie between them, the later name becomes the conjunct, in the first one's place."""
    for head in doc:
        if head.tag_ not in _PROPER_TAGS or head.head.i == head.i:
            continue
        for first in [t for t in head.lefts if t.dep_ in ("nmod", "compound") and t.tag_ in _PROPER_TAGS]:
            conj = next((c for c in first.rights if c.dep_ == "conj" and c.i < head.i), None)
            if conj is None or not all(t.tag_ in _PROPER_TAGS for t in doc[conj.i:head.i]) \
                    or not any(c.dep_ == "cc" and first.i < c.i < conj.i for c in first.children):
                continue
            first.head, first.dep_ = head.head, head.dep_
            head.head, head.dep_ = first, "conj"
            conj.head, conj.dep_ = head, "compound"
            break
    return doc


def _subject_after_opening_phrase(doc):
    """`doc` with the subject restored to a main verb the parser left without one when an opening phrase ends
    in a place: in "During the North Bund Forum 2022 in Shanghai, the Port of Rotterdam and the Port of Shanghai
    renewed the Memorandum" it hangs "the Port of Rotterdam" on Shanghai as an apposition ("According to the city
    administration, Yerevan and Sofia will be ...": on the administration). A proper name after the phrase's
    comma, apposed to a noun in the phrase, becomes the verb's subject."""
    for verb in doc:
        if verb.dep_ != "ROOT" or not verb.tag_.startswith("VB") or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        opening = [c for c in verb.children if c.dep_ == "prep" and c.i < verb.i]
        for name in doc[:verb.i]:
            if name.dep_ != "appos" or name.tag_ not in _PROPER_TAGS or name.head.tag_ not in _NOUN_TAGS \
                    or name.head.i >= name.i \
                    or not any(p.i < name.head.i and name.head in p.subtree for p in opening):
                continue
            before = doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
            if before is not None and before.text == ",":
                name.head, name.dep_ = verb, "nsubj"
                break
    return doc


def _pronoun(token) -> bool:
    """A pronoun, or a determiner standing alone ("that", "this" as a subject)."""
    return token.tag_ in _PRONOUN_TAGS or (token.tag_ in ("DT", "WDT") and token.dep_ != "det")


def _verb(token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _list_head(token):
    """The first item of the coordination or apposition a token belongs to; a name the parser coordinated with
    a verb ("signed ... with Gosbank and foreign trade bank (Vneshtorgbank)") heads its own list."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        if token.dep_ == "conj" and _verb(token.head) and not _verb(token):
            break
        if token.dep_ == "conj" and _title_of(token.head):
            token = token.head.head.head  # "the Head of Agadir Council, Ali Bennani, and the Mayor of Nantes": the
            continue  # parser hangs the second signatory on the first one's body; it is the first title's conjunct
        if token.dep_ == "conj" and _locator_of_name(token.head) and token.tag_ in _PROPER_TAGS:
            token = token.head.head.head  # "with Marseilles in France or Karachi in Pakistan": the parser hangs
            continue  # the second item on the first one's country; it is the first item's conjunct
        token = token.head
    return token


def _locator_of_name(token) -> bool:
    """Whether a token is the place after "in" that locates the name before it ("Marseilles in France")."""
    return token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.tag_ in _PROPER_TAGS \
        and token.head.head.i < token.i


def _title_of(token) -> bool:
    """Whether a token is the object of "of" after a person's title ("the Head of Agadir Council", "the Mayor of
    Lyon")."""
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i \
        and (_represents(of.head) or of.head.lower_ in _ORGANISATION_TITLES)


def _represented_by(head, cue_ids: set[int] = frozenset()):
    """The person or body a list of places stands under, when it names whom they send ("the mayors of Lyon and
    Wuhan", "officials from Incheon and Tianjin", "Fresno Mayor Ann Cole", "the Guangdong provincial
    government"), or the noun naming the place's kind ("the state of Victoria"): the relation is read from that noun's place in the sentence, as the places act through it;
    else the list head itself."""
    for _ in range(3):
        up = head.head
        if head.dep_ in ("compound", "amod", "poss", "nmod") and up.i != head.i and _represents(up):
            head = up
        elif head.dep_ in ("compound", "nmod") and up.lower_ in _PLACE_KINDS and up.i != head.i:
            head = up  # "Zhejiang province and Bavaria": the kind noun takes the place's part in the sentence
        elif head.dep_ in ("compound", "poss") and _name_after_title_of(up):
            head = up  # "Mayor of Adelaide Jane Smith signed", "Chairman of the Hue People's Committee Le Van
            # Nam received": the parser hangs the city or body on the name
        elif head.dep_ == "pobj" and up.lower_ in _OF_FROM and up.head.i != up.i and (
                _represents(up.head) or (up.lower_ == "of" and up.head.lower_ in _PLACE_KINDS
                                         and not _cue_noun(up.head, cue_ids))
                or up.head.lower_ in _ORGANISATION_TITLES):
            head = up.head if _represents(up.head) or up.head.lower_ in _ORGANISATION_TITLES else _list_head(up.head)
            # "officials from Lyon and the Italian city of Turin": the kind noun, then the list it stands in
        elif head.dep_ == "pobj" and up.lower_ in ("including", "like") and up.head.i != up.i \
                and up.head.tag_ in _COMMON_NOUN_TAGS and not any(
                    c.tag_ in _PROPER_TAGS and c.dep_ in _NAMING_DEPS for c in up.head.children):
            head = up.head  # "meetings with decision-makers of companies, including Servier, Keolis and Thales":
            # the examples take the part of the noun they illustrate ("the Group of Seven leading industrial
            # countries including the United States": a named group's members stay its own)
        else:
            break
    return _list_head(head)


def _between_after_locator(a, b, cue_ids: set[int]) -> bool:
    """Whether `b` is the second party of a tie "between" `a` that the parser joined to a's locator ("the sister
    cities agreement between Blacktown City in Western Sydney and Porirua in Wellington": Porirua hangs on
    Sydney)."""
    locator = b.head if b.dep_ == "conj" else None
    return locator is not None and locator.dep_ == "pobj" and locator.head.lower_ == "in" \
        and locator.head.head.i == a.i and _between(a) and _cue_noun(a.head.head, cue_ids)


def _and_its_tie(a, b, cue_ids: set[int]) -> bool:
    """Whether `b` is named by the tie noun joined to list head `a` that a possessive pronoun owns ("between
    Macon-Bibb County and its sister city of Kurobe"): b is a's partner, whatever else the sentence says
    ("a sister city of Kobe" names Kobe's partner, not Kobe)."""
    noun = b.head.head if b.dep_ == "pobj" and b.head.lower_ == "of" else None
    return noun is not None and noun.dep_ == "conj" and noun.head.i == a.i and _cue_noun(noun, cue_ids) \
        and any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in noun.children)


_POSSESSIVE_PRONOUNS = frozenset("its their our his her".split())
_PERSON_POSSESSIVES = frozenset("his her their".split())  # a speaker's own ("his trip"), not a body's ("its")


def _cue_noun(noun, cue_ids: set[int]) -> bool:
    """A noun that is or is modified by a cue ("a twin town of Leipzig", "the sister city of Kobe")."""
    return noun.i in cue_ids or any(c.i in cue_ids for c in noun.children if c.dep_ in ("amod", "compound"))


def _ancestors(token) -> list:
    out = [token]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _destination(token) -> bool:
    """Where a trip goes: a place before a visit noun after a possessive ("his Mumbai visit"), or after "to" of a
    verb of travel ("will travel to New Delhi")."""
    if token.dep_ == "compound" and token.head.lower_ in _VISIT_NOUNS:
        return any(c.dep_ == "poss" for c in token.head.children)
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ in _TRAVEL_VERBS


def _joined_by(a, b) -> bool:
    """Whether `a` is the subject of a passive "joined" whose agent holds `b` ("Mayor Lee was joined by business
    leaders from Incheon"): one accompanies the other, neither joins the other."""
    path = _path(a, b)
    verb = next((t for t in path[1:-1] if t.lower_ in _JOINING and any(c.dep_ == "auxpass" for c in t.children)),
                None) if path else None
    if verb is None:
        return False
    below = {t.dep_ for t in path if t.head.i == verb.i and t.i != verb.i}
    return below == {"nsubjpass", "agent"}


def _path(a, b) -> list | None:
    """Tokens on the dependency path from a to b (both included), or None when they are in different trees."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    ids_b = [t.i for t in up_b]
    ia = next((k for k, t in enumerate(up_a) if t.i in ids_b), None)
    if ia is None:
        return None
    return up_a[:ia + 1] + list(reversed(up_b[:ids_b.index(up_a[ia].i)]))


def _is_venue(token, country: bool = False) -> bool:
    """A party after 'in'/'at' attached to a word that is not about investing or opening there; a place other than
    a country after ties ("sister cities in Turin") is one of them."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _PLACE_KINDS:
        token = token.head.head  # "meeting in the prefecture of Yamanashi": the noun is the place
    head = _list_head(token)
    if country or len(head.conjuncts) >= 2:
        token = head  # "cities in Canada, Mexico and Japan", "hosted events in Berlin, Rotterdam, Tokyo and Hong
        # Kong": the whole list is where they are
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in _LOCATIVE:
        return False
    ties = prep.head
    if ties.lower_ in ("delegation", "delegations") and prep.lower_ == "in":
        return False  # "the UK delegation in Poland": where the delegation is, visiting
    if not country and ties.lower_ in _PLACE_KINDS and any(
            c.dep_ in ("compound", "amod") and _TIE_WORD.match(c.lower_) for c in ties.children):
        return False  # "has sister cities in Turin and Leipzig" (not "four sister cities in Brazil"): its ties
    be = prep.head
    if be.lower_ in _BE and any(c.dep_ in _SUBJECTS and (_represents(c) or c.lower_ in _VISIT_NOUNS or (
            (c.tag_ in _PROPER_TAGS or c.lower_ in _PERSON_PRONOUNS) and _for_talks(be))) for c in be.children):
        return False  # "an Argentine mission is now in the U.S.", "De Croo was in Washington for trade talks"
    head = prep.head
    if head.dep_ == "dobj" and not _INVESTMENT.match(head.lower_):
        head = head.head  # "agreed to invest about 80 mln dlrs in Portland": the parser hangs the place on the sum
    return not _INVESTMENT.match(head.lower_) or _existing_facility(head)


def _product_name(token, cue_ids: set[int]) -> bool:
    """An organisation's name used for what it makes: a modifier of a common noun that is no cue, no body's head
    and no body's people, part, officer or programme ("Mini production", not "the Airbus deal", "the BMW group", "Iowa
    Farm Bureau leaders", "LDP executive council chairman" nor "the ICLEI programme"), or a name with an indefinite
    article ("a Mini")."""
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
        return True
    head = token.head
    return token.dep_ == "compound" and head.tag_ in ("NN", "NNS") and head.i not in cue_ids \
        and head.text[:1].islower() and head.text.capitalize() not in HEAD_TYPE \
        and head.text.capitalize() not in _PERSON_TITLE_HEADS \
        and head.lower_ not in _BODY_NOUNS and head.lower_ not in REPRESENTATIVE_WORDS and head.lower_ not in _RUN_NOUNS


_BODY_NOUNS = frozenset(_WORDS["body_nouns"].split())
_RUN_NOUNS = frozenset(_WORDS["run_nouns"].split())


def _in_frame(token) -> bool:
    """A party that is the frame of what happens or who watches it: "in the framework of X", "on the sidelines
    of X", "in the presence of the Mayor of X" (data/relations.yaml frame_nouns). Not the parties joined to it by
    "and": the parser often hangs a list of signers after "under the witness of A, B and C signed" on A."""
    for _ in range(4):
        while token.dep_ in ("compound", "flat", "amod", "appos") and token.head.i != token.i:
            token = token.head
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return False
        if token.head.head.lower_ in _FRAME_NOUNS:
            return True
        noun = token.head.head
        if noun.lower_ in _HELPER_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in ("with", "under"):
            return True  # "with the help of the California Foundation", "under the auspices of UNESCO"
        token = token.head.head  # "the presence of the Mayor of X": up to the noun that "of" hangs on
    return False


_FRAME_NOUNS = frozenset(_WORDS["frame_nouns"].split())
_HELPER_NOUNS = frozenset(_WORDS["helper_nouns"].split())


def _member_list(path, top) -> bool:
    """Whether the path runs from a body through the noun naming its members to those it includes ("the Group
    of Seven leading industrial countries including the United States and West Germany"): membership."""
    return top.lower_ in _MEMBER_NOUNS and path[0].i != top.i and path[-1].i != top.i and any(
        t.lower_ in ("including", "such") and t.head.i == top.i for t in path)


_MEMBER_NOUNS = frozenset(_WORDS["member_nouns"].split())


def _for_talks(verb) -> bool:
    """Whether the verb says what someone is somewhere for or on, a visit ("was in Washington for trade talks",
    "was in Britain on the first leg of a tour")."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "on") and any(
        g.lower_ in _VISIT_NOUNS or (g.lower_ == "leg" and any(o.lower_ in _VISIT_NOUNS for o in _of_chain([g])))
        for g in c.children) for c in verb.children)


def _existing_facility(noun) -> bool:
    """A facility someone already has ("Rover's plant", "its factory", "the Longbridge plant"), not one being
    opened, built or invested in: a place naming or after it only locates it."""
    if noun.lower_ not in _FACILITIES:
        return False
    owned = any(c.dep_ == "poss" or (c.dep_ == "compound" and c.tag_ in _PROPER_TAGS) for c in noun.children)
    verb = noun.head
    while verb.dep_ in ("prep", "pobj", "conj") and verb.head.i != verb.i and not _verb(verb):
        verb = verb.head
    return owned and verb.lower_ not in _OPENING


def _modifier_place(token, party_ids: set[int], cue_ids: set[int], org_ids: set[int] = frozenset()) -> bool:
    """A place that modifies a common noun ("the Paris stock exchange", "Nanjing's efforts", "a UK
    investment"): an adjective or a locator, not a party, unless that noun is a cue ("Honolulu's sister
    cities", "the Lyon-Wuhan partnership"), another party, or a title or person standing for the place. A
    place owning an organisation ("the Soviet Union's central bank Gosbank") only locates it."""
    if token.dep_ not in ("compound", "poss", "nmod", "amod"):
        return False
    head = token.head
    while head.i in party_ids and head.dep_ in ("compound", "poss", "nmod", "amod") and head.head.i != head.i:
        head = head.head  # "the China-Nanjing-France-Paris Industry Conference": up the chain of names
    if token.dep_ == "poss" and head.i in org_ids:
        return True
    if _represents(head):
        return False  # "Pakistani President Musharraf", "a Chinese delegation": the person stands for the place
    if token.dep_ in ("compound", "nmod") and head.lower_ in _PLACE_KINDS and head.i not in party_ids:
        return False  # "Zhejiang province": the noun names the place's kind
    if token.dep_ == "compound" and _name_after_title_of(head):
        return False  # "Mayor of Adelaide Jane Smith": the mayor's city
    if token.dep_ == "compound" and _existing_facility(head):
        return True  # "Rover's Longbridge plant": the place names where the plant is
    if head.lower_ in _GATHERINGS and token.dep_ in ("compound", "amod", "nmod") and not any(
            c.i in party_ids and c.i != token.i and c.dep_ in ("compound", "amod", "nmod") for c in head.children):
        return True  # "the Venice summit": its venue; "the US-Soviet summit" names its parties
    return not _cue_noun(head, cue_ids) and head.i not in party_ids and head.tag_ in _NOUN_TAGS


def _second_hat(token) -> bool:
    """The body of an office a person also holds, apposed after the office they act in ("Hamburg First Mayor
    Olaf Scholz, also Vice Chairman of the Social Democratic Party", "Murakhovsky, who is also chairman of ..."):
    the person acts for the first."""
    prep = token.head if token.dep_ == "pobj" else None
    title = prep.head if prep is not None and prep.lower_ == "of" else None
    if title is not None and title.dep_ == "attr" and title.head.dep_ == "relcl" and title.head.lower_ in ("is", "was"):
        verb = title.head  # "Murakhovsky, who is also chairman of the State Agro-Industrial Committee"
        return verb.head.tag_ in _PROPER_TAGS and any(c.lower_ == "also" and c.dep_ == "advmod"
                                                      for c in (*title.children, *verb.children))
    return title is not None and title.dep_ == "appos" and title.head.tag_ in _PROPER_TAGS \
        and any(c.lower_ == "also" for c in title.children if c.dep_ == "advmod")


def _name_after_title_of(token) -> bool:
    """A person's name after "<title> of" ("Mayor of Adelaide Jane Smith", "Chairman of the Hue People's
    Committee Le Van Nam", parsed with the city or body in the name)."""
    return token.tag_ in _PROPER_TAGS and _title_of(token)


_ORGANISATION_TITLES = frozenset(_WORDS["organisation_titles"].split())  # "Chairman of the ... Committee"


def _represents(token) -> bool:
    """A title or a person's name: a place modifying it is the place the person represents (ANNOTATION.md:
    "the French Consul General" gives France; "Indian Ambassador to Japan Deepa Wadhwa": the title may be parsed as
    the name's nmod)."""
    if token.lower_ in REPRESENTATIVE_WORDS:
        return True
    titled = any(c.lower_ in REPRESENTATIVE_WORDS for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
    return titled and (token.tag_ in _PROPER_TAGS or token.tag_ in _NOUN_TAGS)  # "Mayor Li", "consul general"


def _clauses_apart(path) -> bool:
    """The path joins two clauses the parser hung one on the other, each with a subject noun of its own ("Kharkiv
    ensured the support of Lublin, Chernihiv twinned with Rzeszów"): the subjects act in different clauses."""
    for k, t in enumerate(path):
        if t.dep_ != "ccomp" or not any(0 <= j < len(path) and path[j].i == t.head.i for j in (k - 1, k + 1)):
            continue
        own = [c for c in t.children if c.dep_ in _SUBJECTS]
        other = [c for c in t.head.children if c.dep_ in _SUBJECTS]
        if own and other and not any(_pronoun(c) or _speakers_own(c) for c in own + other):
            return True
    return False


def _reported(path) -> bool:
    """The path goes from the subject of a verb of saying into the clause it reports, whose subject is a
    noun of its own: the speaker is a source, not a party."""
    for k, t in enumerate(path[1:-1], 1):
        if t.lower_ not in _SPEECH:
            continue
        ends = {path[k - 1].dep_, path[k + 1].dep_}
        if not ends & set(_SUBJECTS):
            continue
        clause = path[k + 1] if path[k + 1].dep_ not in _SUBJECTS else path[k - 1]
        subjects = [c for c in clause.children if c.dep_ in _SUBJECTS]
        if any(not _pronoun(c) and not _speakers_own(c) for c in subjects) or not subjects:
            return True
        if _reports_further(path, clause):
            return True
    return False


def _speakers_own(noun) -> bool:
    """A noun a personal possessive owns ("Funaro told reporters his trip, which has taken him to London, ..."):
    the speaker's own doing, as a pronoun subject would be."""
    return any(c.dep_ == "poss" and c.lower_ in _PERSON_POSSESSIVES for c in noun.children)


def _reports_further(path, clause) -> bool:
    """Whether the path goes on from `clause`, whose subject is the speaker's pronoun, into a clause it governs
    with a noun subject of its own ("officials said they hoped the goodwill would lead to further CITIC investment
    in Victoria": the officials hope, the goodwill leads)."""
    ids = [t.i for t in path]
    k = ids.index(clause.i)
    for step in (1, -1):
        j = k + step
        while 0 < j < len(path) - 1 and path[j].dep_ == "ccomp" and path[j].head.i == path[j - step].i:
            if any(c.dep_ in _SUBJECTS and not _pronoun(c) for c in path[j].children):
                return True
            j += step
    return False


def _described(path, cue_ids: set[int] = frozenset()) -> bool:
    """The path crosses a description ("Y, a unit of X"), a relative or an adverbial clause, from one clause
    into a coordinated clause with a subject of its own, or from one coordinated verb's object to another's
    ("visited A ... and paid visits to B")."""
    inner = path[1:-1]
    top = min(path, key=lambda t: len(_ancestors(t)))
    if any((t.dep_ == "appos" and t.tag_ in _COMMON_NOUN_TAGS) or (t.dep_ in _CLAUSE_BREAKS and t.i != top.i
                                                                  and not _continues_head(t, path, cue_ids))
           for t in inner):
        return True  # a clause heading the path holds both parties: "a letter in which Chrysler plans to buy AMC"
    ids = [t.i for t in path]
    for k, t in enumerate(inner, 1):
        if t.dep_ == "conj" and _verb(t) and _verb(t.head) and t.head.i in (path[k - 1].i, path[k + 1].i) \
                and any(c.dep_ in _SUBJECTS for c in t.children):
            return True  # two clauses with subjects of their own: "X was set up in A, and B signed with C"
        if t.dep_ == "conj" and _verb(t) and t.head.i in (path[k - 1].i, path[k + 1].i):
            step = -1 if path[k - 1].i == t.head.i else 1  # direction of the chain's first verb on the path
            j = k
            while 0 < j + step < len(path) - 1 and path[j].dep_ == "conj" and path[j + step].i == path[j].head.i:
                j += step  # up a chain of coordinated verbs ("participated ..., had talks ..., visited X")
            side = path[j + step] if 0 <= j + step < len(path) else path[j]
            if side.i in ids and (side.dep_ not in _SUBJECTS or _passive_beside_active(side, t)):
                return True
    return False


def _passive_beside_active(subject, verb) -> bool:
    """Whether `subject` is the passive subject of one verb and `verb`, coordinated with it, is active ("talks
    with Underwoods had been called off and recently announced an offer for Charlie Browns"): the subject is not
    the other verb's, whose own is elided."""
    return subject.dep_ == "nsubjpass" and not any(c.dep_ == "auxpass" for c in verb.children) \
        and verb.tag_ in ("VBD", "VBZ", "VBP")


def _continues_head(clause, path, cue_ids: set[int] = frozenset()) -> bool:
    """A relative clause whose subject is its relative pronoun, entered from the noun it describes ("an IMF
    delegation, which visited Israel"): the noun itself acts in it, so it states the noun's own relation; so
    does an infinitive of purpose or a participle that is a cue, without a subject of its own ("led a
    delegation to visit Amsterdam", "will be on the road, visiting Beijing"; not "will visit A to celebrate the
    opening of B"), or an infinitive that is a cue on the noun ("are the first cities to join ICLEI")."""
    if clause.head.i not in {t.i for t in path}:
        return False
    if clause.dep_ == "advcl":  # "led a delegation to visit Amsterdam": the purpose, with the leader's subject;
        # "the delegation will be on the road for seven days, visiting Beijing": a participle, with its subject
        cue = clause.i in cue_ids or any(c.dep_ == "dobj" and c.i in cue_ids for c in clause.children)  # "will
        # invest 200 million euros to open a plant in Chengdu": the verb's object is the cue
        return cue and (any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) or clause.tag_ == "VBG") \
            and not any(c.dep_ in _SUBJECTS for c in clause.children)
    if clause.dep_ != "relcl":
        return False
    if clause.i in cue_ids and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
            and not any(c.dep_ in _SUBJECTS for c in clause.children):
        return True  # "Curitiba and Recife are the first cities to join ICLEI": an infinitive the noun does
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in clause.children)


def _negated(path) -> bool:
    """Whether a word of the path is negated ("did not sign", "there is no treaty between"), opens a question or a
    condition ("will decide whether to begin talks with Turkey", "if it is to join the EU") or is what someone is
    invited to do ("invited the governor to visit Quetta"): nothing is stated as done."""
    return any(c.dep_ == "neg" or (c.dep_ in ("mark", "advmod") and c.lower_ in _UNDECIDED)
               or (c.dep_ == "det" and c.lower_ == "no") for t in path for c in t.children) \
        or any(t.dep_ == "xcomp" and t.head.lower_.startswith("invit") for t in path)  # "invited X to visit Y"


_UNDECIDED = frozenset(_WORDS["undecided_words"].split())


def _joint(head, cue_ids: set[int] = frozenset()) -> bool:
    """Whether a coordination headed by `head` acts jointly: subject of a cooperation predicate, object of
    'between', or modifier of a cooperation noun ('the Lyon-Wuhan partnership')."""
    if head.head.lower_ in _BETWEEN:  # "there is no treaty between A and B", "the history between A and B"
        return not _negated([head.head.head]) and head.head.head.lower_ not in UNRELATED_BETWEEN
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ == "agent":  # "signed by Lyon and Wuhan"
        return bool(_JOINT.match(verb.head.lower_))
    if head.dep_ in _SUBJECTS:
        if verb.lower_ in _JOINING or verb.lower_ in _ATTENDING:
            return False  # "Spain and Portugal joined the community": each joins it; attending is no tie
        items = (head, *head.conjuncts)
        if any(c.lower_ in _DISTRIBUTIVE and c.i > head.i and not _maps_names(c)
               for c in (*verb.children, *(c for t in items for c in t.children))):
            return False  # "Kodak and Grace both have joint ventures with Cetus": each has its own
        verb = _what_they_said(verb)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "prep", "acomp", "xcomp")]
        if any(c.dep_ == "attr" and c.lower_ in ("member", "members") for c in objects):
            return False  # "A and B have long been members of the network": each is a member
        if any(g.lower_ in _DISTRIBUTIVE_MODIFIERS and g.dep_ in ("amod", "predet", "det")
               for c in objects for g in c.children):
            return False  # "Tampere and Turku have signed similar agreements with Chinese cities": each its own
        chain = _of_chain(objects)
        near = [verb, *objects, *(g for c in objects for g in c.children), *chain,
                *(g for t in chain for g in t.children if g.dep_ in ("compound", "nmod")),  # "pair of sister state"
                *(g for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ != "with"
                  for g in p.children if g.dep_ == "pobj"),  # "renewed their commitment to a strategic alliance"
                *(d for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ != "with"
                  for g in p.children if g.dep_ == "pcomp" for d in g.children if d.dep_ == "dobj"),
                # "reaffirmed their commitment to expanding cooperation"
                *(g for c in objects for x in c.children if x.dep_ == "xcomp"
                  for g in x.children if g.dep_ in ("oprd", "attr"))]  # "are due to be made sister cities"
        if any(t.dep_ == "prep" and (t.lower_ == "with" or (t.lower_ == "to" and not _respectively(verb)))
               and any(g.dep_ == "pobj" and g.tag_ in _PROPER_TAGS
                                                               and g.i not in cue_ids for g in t.children)
               for t in near):
            return False  # "Groton and New London have become sister cities with Kingston", "... have ties to
            # China": each with Kingston, each to China
        if any(t.dep_ == "prep" and t.lower_ == "with" and any(
                g.dep_ == "pobj" and any(c.dep_ == "poss" and c.lower_ == "their" for c in g.children)
                for g in t.children) for t in near):
            return False  # "Linköping and Örebro ended their ties with their counterparts in China": each its own
        if any(t.lower_ in _JOINING and t.dep_ in ("relcl", "acl", "xcomp") for t in near):
            return False  # "Curitiba and Recife are the first cities to join ICLEI": each joins it
        return any(_JOINT.match(t.lower_) or (t.i in cue_ids and t.i != head.i and not _SEPARATE.match(t.lower_))
                   for t in near)
    if head.dep_ in ("compound", "amod", "nmod", "poss"):
        return bool(_JOINT.match(verb.lower_)) and verb.i in cue_ids
    return False


def ends_a_tie(doc) -> bool:
    """Whether the parsed sentence `doc` ends or breaks a tie (_ends_a_tie): the test for pairs read from its words
    rather than its parse."""
    return any(_ends_a_tie(t) for t in doc)


def strains_a_tie(doc) -> bool:
    """Whether the parsed sentence `doc` describes a tie as strained (_strained: "the tense relations between A and
    B"): no pair is read from its words either."""
    return any(_strained(t) for t in doc)


def _ends_a_tie(token) -> bool:
    """Whether `token` is a verb ending or breaking a tie: its object (or the object of its "from") is a tie
    ("ended its sister agreement with Beijing", "withdrew from the partnership"), not a visit or talks; or the
    noun "end" of "an end to its alliance"."""
    if token.lower_ == "end" and token.tag_ == "NN":  # "negotiated an end to its alliance with General Motors"
        return any(g.dep_ == "pobj" and _ENDED_TIE.match(g.lower_) for c in token.children
                   if c.dep_ == "prep" and c.lower_ == "to" for g in c.children)
    if not _verb(token) or not _ENDING.match(token.lower_):
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                if g.dep_ == "pobj"]
    return any(_ENDED_TIE.match(o.lower_) for o in objects)


def _respectively(verb) -> bool:
    """Whether "respectively" maps the verb's subjects onto its objects one by one."""
    return any(t.lower_ == "respectively" for t in verb.subtree)


def _what_they_said(verb):
    """The verb of what coordinated subjects say they do together ("A and B said they would form a partnership":
    form), else the verb itself."""
    if verb.lower_ not in _SPEECH:
        return verb
    said = next((c for c in verb.children if c.dep_ == "ccomp" and any(
        g.dep_ in _SUBJECTS and g.lower_ in ("they", "we") for g in c.children)), None)
    return said if said is not None else verb


def _of_chain(objects) -> list:
    """Nouns an object leads to through 'of' ("had a series of rounds of talks" -> rounds, talks)."""
    out, frontier = [], list(objects)
    for _ in range(4):
        frontier = [g for t in frontier for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        out += frontier
    return out


def _cue_tokens(doc, cue_spans: list[tuple[int, int]]) -> set[int]:
    return {t.i for t in doc for s, e in cue_spans if t.idx < e and s < t.idx + len(t)}


def _cited_source(token) -> bool:
    """Whether the token is what "according to" cites ("..., according to the official Agence Kampuchea Presse")."""
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"


def _approver(token) -> bool:
    """Whether the party is who approves ("awaiting approval by X", "clearance from X", "approved by X"): a
    regulator of the deal, not a partner in it."""
    head = token
    while head.dep_ in ("compound", "appos", "conj") and head.head.i != head.i:
        head = head.head  # "by its owner, the Shanghai city government"
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("by", "from"):
        return False
    while prep.dep_ == "conj" and prep.head.lower_ in ("by", "from"):
        prep = prep.head  # "by its owner and by the Commission"
    return prep.head.lower_ in _APPROVAL or (prep.dep_ == "conj" and any(  # "awaiting approval by A, and by B"
        c.dep_ == "dobj" and c.lower_ in _APPROVAL for c in prep.head.children))


_APPROVAL = frozenset(_WORDS["approval_words"].split())


def _owner_of_named(token, party_ids: set[int], cue_ids: set[int]) -> bool:
    """The possessor of a party, or of a noun that a party's name stands in apposition to or names ("United's
    budget airline, Kingfisher Airlines", "Dupont Co's Conoco Inc", "Monsanto Co's G.D. Searle and Co
    subsidiary", "RJR Nabisco Inc's RJ Reynolds Tobacco USA unit"): the owner only identifies the party named
    after it. Not the holder of a tie ("Exmouth's twin town Langerwehe")."""
    head = token.head
    if head.i in cue_ids or any(c.i in cue_ids for c in head.children if c.dep_ in ("amod", "compound")):
        return False
    return token.dep_ == "poss" and head.i != token.i and (head.i in party_ids or any(
        c.dep_ in ("appos", "compound") and c.i in party_ids for c in head.children))


def _main_subjects(doc, cue_ids: set[int], party_ids: set[int]) -> list:
    """Subject tokens that stand for the document's main party: 'it', 'the company', 'the provincial government'
    (data/relations.yaml local_government_levels), or a person's name
    that is no party itself or a personal pronoun, visiting ("Mr Chen visited ...", "he is to visit ..."),
    of a verb that is or governs a cue."""
    out = []
    for t in doc:
        if (t.dep_ not in _SUBJECTS and t.dep_ != "poss") or t.i in party_ids:
            continue  # "National Petroleum Corporation": the end of a name, not "the corporation"
        verbs = [t.head, *t.head.conjuncts, *(c for c in t.head.children if c.dep_ == "xcomp")]  # "is to visit"
        person = _visiting(verbs) and (_titled_person(t) or (t.lower_ in _PERSON_PRONOUNS and not any(
            _titled_person(x) and x.dep_ in _SUBJECTS and not any(y.i in party_ids for y in x.subtree) for x in doc[:t.i])))
        # "Mr Kennedy is accelerating preparations as he visits Manchester": "he" is that man, no party
        local = t.lower_ in _GOVERNMENT_WORDS and any(c.lower_ in _LOCAL_LEVELS for c in t.children)
        if _owner_of_ties(t, cue_ids):
            out.append(t)  # "Its sister cities include ...", "The city's sister cities are ..."
            continue
        if (t.lower_ in _MAIN_WORDS or person or local) and not any(c.i in party_ids for c in t.children) \
                and not _speaker_pronoun(t, party_ids) and not _named_by_of(t, party_ids):
            if any(_governs_cue(v, cue_ids) for v in verbs):
                out.append(t)
    return out


def _main_clause_party(token, nodes: list) -> dict | None:
    """The party an "it" subject of a clause hung on the main clause stands for: the main clause's subject ("China
    has no ties with Seoul, while it maintains close links with North Korea": China), or None."""
    if token.lower_ != "it" or token.dep_ not in _SUBJECTS or token.head.dep_ not in ("advcl", "conj"):
        return None
    subject = next((c for c in token.head.head.children if c.dep_ in _SUBJECTS), None)
    return next((p for p, t in nodes if subject is not None and t.i == subject.i), None)


def _named_by_of(token, party_ids: set[int]) -> bool:
    """"the city of Concord": a kind word whose "of" names a party is that party, not the main one."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.i in party_ids for g in c.children)
               for c in token.children)


def _owns_apposed_tie(owner, named, cue_ids: set[int]) -> bool:
    """Whether `owner` owns a tie noun apposed to `named`: "Szeged, its Hungarian sister city", "Kobe, Seattle's
    sister city"."""
    head = owner.head
    return owner.dep_ == "poss" and head.dep_ == "appos" and head.head.i == named.i and _cue_noun(head, cue_ids)


def _owner_of_ties(token, cue_ids: set[int]) -> bool:
    """"Its" or "the city's" owning the subject naming its ties ("Its sister cities include A, B and C", "The
    city's sister cities are ...") or a noun apposed to a partner ("sent to Szeged, its Hungarian sister city"):
    the document's main party."""
    head = token.head
    owner = token.lower_ == "its" or (token.lower_ in _PLACE_KINDS and any(c.dep_ == "case" for c in token.children)
                                      and any(c.lower_ == "the" for c in token.children))
    return token.dep_ == "poss" and owner and head.dep_ in (*_SUBJECTS, "appos") and _cue_noun(head, cue_ids)


def _titled_person(token) -> bool:
    """A proper name with a personal or representative title ("Mr Chen", "Mayor Li", "Premier Zhao"): a person,
    not a product or a work the text names ("Honda's Asimo has visited the UK")."""
    return token.tag_ in _PROPER_TAGS and any(
        c.dep_ in ("compound", "amod") and (c.text.rstrip(".") in PERSONAL_TITLES or c.lower_ in REPRESENTATIVE_WORDS
                                           or c.tag_ in _PROPER_TAGS)
        for c in token.children)


def _visiting(verbs) -> bool:
    """Whether one of the verbs is a visit ("Mr Chen visited ...") or takes a visit noun ("was holding talks
    with ...", "made a trip to ...")."""
    return any(_VISIT.match(v.lower_) or any(c.dep_ == "dobj" and c.lower_ in _VISIT_NOUNS for c in v.children)
               for v in verbs)


_QUOTED_WE = re.compile(r"[ \t]*[\"“][ \t]*(?P<we>We)\b")


def quoted_we(text: str) -> re.Match | None:
    """The opening "We" of a quote going on from the sentence before, with no speaker of its own ('"We have a
    Sister City relationship with Gansu province"'): it speaks for the last person named."""
    we = _QUOTED_WE.match(text)
    return we if we and not any(w in _SPEECH for w in _WORD.findall(text.lower())) else None


def _speaker_pronoun(token, party_ids: set[int]) -> bool:
    """A pronoun subject of a clause reported by a party ("BUE said it signed ...", "RJR Nabisco Inc's RJ
    Reynolds Tobacco USA unit said it sold ..."): it is that party, named in the sentence, not the document's
    main party."""
    verb = token.head
    if not _pronoun(token) or verb.dep_ != "ccomp" or verb.head.lower_ not in _SPEECH:
        return False
    return any(c.dep_ in _SUBJECTS and (c.i in party_ids or any(
        g.dep_ in ("compound", "appos") and g.i in party_ids for g in c.children)) for c in verb.head.children)


_MAIN_HINT = re.compile(r"\b(?:" + "|".join(sorted(_MAIN_WORDS | _GOVERNMENT_WORDS)) + r")\b|[A-Z][a-z]+\s+\w*\s*(?:"
                        + "|".join(_WORDS["visit_verbs"].split()) + r")\b|[A-Z][a-z]+\s+(?:\w+\s+){1,3}(?:"
                        + "|".join(sorted(_VISIT_NOUNS)) + r")\b", re.I)


def states_conflict(text: str) -> bool:
    """Whether a word of `text` is a word of conflict (data/relations.yaml conflict_words: "complaint",
    "sanctions") or `text` ends a tie ("ended its sister agreement"): the test the parse applies to the words
    linking two parties, for text that is not parsed."""
    return any(_CONFLICT.match(w) for w in _WORD.findall(text)) or bool(_ENDED_TIE_WORDS.search(text))


_WORD = re.compile(r"[A-Za-z][\w-]*")


def may_stand_for_main(sentence: str) -> bool:
    """Whether the sentence holds a word that may stand for the document's main party ('it', 'the
    company', a person visiting) or its home country ('the government'): a cheap test before parsing."""
    return bool(_MAIN_HINT.search(sentence))


def contains(a: dict, b: dict) -> bool:
    """A place and the bigger place it lies in (Nanjing - China, Nanjing - Jiangsu), not a city and a territory
    its country holds (Hangzhou - Hong Kong: the gazetteer gives Hong Kong's own towns the country Hong Kong)."""
    if a["label"] != "PLACE" or b["label"] != "PLACE" or a.get("type") == b.get("type"):
        return False
    region = a if a.get("type") == "region" else b
    if {a.get("type"), b.get("type")} == {"city", "region"} and is_territory(region["canonical"]):
        return False
    return bool(a.get("country")) and a.get("country") == b.get("country")


def relations(doc, parties: list[dict], cue_spans: list[tuple[int, int]], main: dict | None = None,
              people: dict[str, dict] | None = None, main_org: dict | None = None,
              home: dict | None = None, speaker: dict | None = None,
              here: dict | None = None, it: dict | None = None, local: dict | None = None,
              visitor: dict | None = None) -> list[tuple[dict, dict]]:
    """Unordered pairs of parties the sentence `doc` states as cooperating (see the module docstring);
    `people` maps the surname of a person the document introduced as representing a place ("British Trade
    Secretary Paul Channon") to that place's mention: "Channon said ..." then speaks for it. `home` is the
    country of the wire's dateline (its mention), which "the government" stands for; `speaker` the party of the
    person the text named last (a subject "he" or "she" stands for it); `here` the place of the wire's dateline,
    which the adverb "here" names ("a brief visit here"); `it` the party opening the sentence before, which a
    subject "it" stands for rather than the main party ("Cincinnati signed ... Currently, it has ..."); `local`
    the story's first place below country level, which "the provincial government" stands for when the main
    party is a country; `visitor` the party whose delegation the text named last, which "the delegation" stands
    for."""
    cue_ids = {i for i in _cue_tokens(doc, cue_spans) if not _market_exchange(doc[i]) and not _sign_noun(doc[i])
               and not _concurring(doc[i]) and not _people_members(doc[i])}
    spans = [(p, doc.char_span(int(p["start"]), int(p["end"]), alignment_mode="expand")) for p in parties]
    spans = [(p, span) for p, span in spans if span is not None]
    party_ids = {t.i for _, span in spans for t in span}
    if people:
        spans += [({**people[t.text], "start": t.idx, "end": t.idx + len(t)}, doc[t.i:t.i + 1]) for t in doc
                  if t.text in people and (t.tag_ in _NOUN_TAGS or t.tag_ == "JJ" or _opening_interjection(t))
                  and t.i not in party_ids]
        # "Lund" may be tagged NN, a name opening a sentence JJ ("Mikulic visits West Germany next week"), the
        # Korean surname "Oh" an interjection ("Oh will visit Paris")
        party_ids = {t.i for _, span in spans for t in span}
    place_ids = {t.i for p, span in spans if p["label"] == "PLACE" for t in span}
    org_ids = {t.i for p, span in spans if p["label"] == "ORG" for t in span}
    typed_place_ids = {t.i for p, span in spans if p["label"] == "PLACE" and p.get("type") for t in span}
    city_ids = {t.i for p, span in spans if p["label"] == "PLACE" and p.get("type") == "city" for t in span}
    nodes = []  # (party, root token)
    if people:  # a person the text names like an organisation or a place ("Channon"): the place they represent
        spans = [(_represented(p, people), span) for p, span in spans]
    for p, span in spans:
        if p["label"] == "PLACE" and ((p.get("type") is None and not any(
                c.i in typed_place_ids for c in span.root.conjuncts)) or
                                      _modifier_place(_list_head(span.root), party_ids, cue_ids, org_ids)):
            continue  # a name no gazetteer knows as a place (often a person; not "Groton and New London"), or an
            # adjective-like place
        if _is_venue(span.root, p.get("type") == "country") or (p["label"] == "PLACE" and (
                (span.root.dep_ == "appos" and span.root.head.i in place_ids
                 and not {span.root.i, span.root.head.i} <= city_ids)
                or _locates_apposed(span.root, place_ids) or _in_location_clause(span.root, place_ids)
                or _compass_locator(span.root))):
            continue  # "held in Paris"; "Nanjing, China", "Suva, the capital of Fiji": the country locates the city
            # (a city apposed to a city is the next of a list: "Atlanta in the United States, Hangzhou in China")
        if _in_frame(span.root):
            continue  # "in the framework of the Border Committee": the frame of what happens, no party
        if _second_hat(_list_head(span.root)):
            continue  # "Mayor Olaf Scholz, also Vice Chairman of the SPD": a person's other office, no party
        if p["label"] == "ORG" and _product_name(span.root, cue_ids):
            continue  # "invested in Mini production", "one in six cars sold was a Mini": a brand, no party
        if _approver(span.root) or _cited_source(_list_head(span.root)):
            continue  # "awaiting approval by the National Development and Reform Commission": a regulator; "according
            # to the official Agence Kampuchea Presse": who reports it
        if p["label"] == "PLACE" and (_ranks_in(span.root) or _ranked_ahead(_list_head(span.root))):
            continue  # "Japan's largest-ever takeover deal", "Brazil's biggest beer firm Ambev": a place ranks, no party
        if _owner_of_named(span.root, party_ids - {t.i for t in span}, cue_ids):  # another party's, not its own
            continue  # "United's budget airline, Kingfisher Airlines, is to buy ...": the airline acts
        nodes.append((p, span.root))
    if home is not None:
        nodes += [({**home, "start": t.idx, "end": t.idx + len(t)}, t) for t in _bare_governments(doc, party_ids)]
    if here is not None:
        nodes += [({**here, "start": t.idx, "end": t.idx + len(t)}, t) for t in doc if _visited_here(t)]
    if speaker is not None:
        we = quoted_we(doc.text)
        nodes += [({**speaker, "start": t.idx, "end": t.idx + len(t)}, t) for t in doc
                  if (t.lower_ in _PERSON_PRONOUNS or (we and t.idx == we.start("we"))) and t.dep_ in _SUBJECTS]
    traveller = visitor if visitor is not None else main
    if traveller is not None:  # "The agenda included meetings with entities such as Ruta N": the visitors met them
        nodes += [({**traveller, "start": t.idx, "end": t.idx + len(t)}, t) for t in doc if _itinerary_subject(t)]
    they = _they(doc, [(p, span.root) for p, span in spans])
    nodes += they
    stood_for: dict[int, set] = {}  # "they" -> the names of the list it stands for
    for p, t in they:
        stood_for.setdefault(t.i, set()).add(p["canonical"])
    subjects = [(_main_clause_party(t, nodes) or (it if it is not None and t.lower_ in ("it", "its") else
                 visitor if visitor is not None and t.lower_ in DELEGATION_WORDS else
                 _main_for(t, main, main_org, local)), t) for t in _main_subjects(doc, cue_ids, party_ids)
                if speaker is None or t.lower_ not in _PERSON_PRONOUNS]  # "he" is the speaker's, not the main party
    subjects = [(p, t) for p, t in subjects if p is not None]
    if subjects and (not any(p["canonical"] == subjects[0][0]["canonical"] for p, _ in nodes)
                     or _main_clause_party(subjects[0][1], nodes) is not None):  # "it" acts in a clause of its own
        nodes.append(subjects[0])
    groups: dict[int, list] = {}
    for p, tok in nodes:
        groups.setdefault(_represented_by(_list_head(tok), cue_ids).i, []).append((p, tok))
    listed = _semicolon_list(doc, nodes)
    out, seen = [], set()
    for i, (pa, ta) in enumerate(nodes):
        for pb, tb in nodes[i + 1:]:
            key = frozenset((pa["canonical"], pb["canonical"]))
            if len(key) < 2 or key in seen or contains(pa, pb) or contains(pb, pa) \
                    or named_after(pa, pb) or named_after(pb, pa):
                continue
            if any(key <= stood_for.get(t.i, set()) for t in (ta, tb)):
                continue  # the members of the list "they" stands for are each the partner, not each other's
            if _destination(_list_head(ta)) and _destination(_list_head(tb)):
                continue  # "during his Mumbai visit, will travel to New Delhi": two stops of one trip
            if _joined_by(ta, tb) or _joined_by(tb, ta):
                continue  # "The Andrews Government was joined by leaders from Ballarat and Geelong": company kept
            if _created_by(ta, tb) or _created_by(tb, ta):
                continue  # "the institute was jointly established by A and B": what they made is no partner of theirs
            if ta.i in listed and tb.i in listed:
                continue  # "partnerships with Matola, in Mozambique; Accra, in Ghana; and Kinshasa": items of one list
            if _locates_places(pa, ta, cue_ids) or _locates_places(pb, tb, cue_ids) or _fellow_member(ta) \
                    or _fellow_member(tb):
                continue
            if _linked(ta, tb, cue_ids, groups, two=len({p["canonical"] for p, _ in nodes}) == 2):
                seen.add(key)
                out.append((pa, pb, ta, tb))
    if not any(_twin_cue(doc[i]) for i in cue_ids):
        return [(pa, pb) for pa, pb, _, _ in out]
    return _without_pairs_inside_a_star(out, cue_ids)


_ITINERARY_WORDS = frozenset(_WORDS["itinerary_words"].split())


def _itinerary_subject(token) -> bool:
    """The programme of a visit, subject of "include" with a meeting or a visit as its object ("The programme
    included meetings with the Bordeaux Bristol Association, the university of Bordeaux ...")."""
    return token.lower_ in _ITINERARY_WORDS and token.dep_ in _SUBJECTS \
        and token.head.lower_ in ("include", "includes", "included") \
        and any(c.dep_ == "dobj" and c.lower_ in _VISIT_NOUNS | _MEETING_NOUNS for c in token.head.children)


_MEETING_NOUNS = frozenset(("meeting", "meetings"))  # the parser runs without a lemmatiser: forms, not lemmas


def _they(doc, named: list) -> list:
    """Nodes for a subject "they" that opens a clause after a list of parties in the same sentence: the list's
    members, each on the pronoun ("lost markets in Spain and Portugal after they joined the European
    Community"). A list is two or more parties (`named`: each party and its name's root token, whatever else
    it is in the sentence) coordinated under one head, the last such before the pronoun."""
    out = []
    if any(t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT" and t.lower_ in DELEGATION_WORDS for t in doc):
        return out  # "The delegation, which has covered Germany and the Netherlands, ... they plan to ...": its own
    for t in doc:
        if t.lower_ != "they" or t.dep_ not in _SUBJECTS or t.head.dep_ not in ("advcl", "relcl", "conj", "ccomp"):
            continue
        lists: dict[int, list] = {}
        for p, tok in named:
            if tok.i < t.i:
                lists.setdefault(_list_head(tok).i, []).append(p)
        lists = {h: ps for h, ps in lists.items() if len({p["canonical"] for p in ps}) >= 2}
        if lists:
            out += [({**p, "start": t.idx, "end": t.idx + len(t)}, t) for p in lists[max(lists)]]
    return out


_TWIN_WORDS = frozenset(_WORDS["twin_words"].split())
_PARTNER_TOWN_NOUNS = frozenset(("town", "towns", "city", "cities", "region", "regions", "province", "provinces"))


def _twin_cue(token) -> bool:
    """A cue naming sister or twin cities: a twin word ("sister", "twinned"), or "partner" naming towns ("to become
    partner towns of St. Petersburg")."""
    return token.lower_ in _TWIN_WORDS or (token.lower_ == "partner" and token.head.lower_ in _PARTNER_TOWN_NOUNS)

# what a later sentence calls a delegation the text named with whom it comes from ("The group will visit ...")
DELEGATION_WORDS = frozenset(("delegation", "delegations", "group"))


def _without_pairs_inside_a_star(found: list, cue_ids: set[int]) -> list[tuple[dict, dict]]:
    """The pairs of `found` (pa, pb, ta, tb) of a sentence naming sister or twin cities, without those between two
    items of one list that a party outside it is paired with, both: "Among the sister cities of Baku are Dakar,
    Izmir and Naples" is a star on Baku (ANNOTATION.md), not ties among its items."""
    group = {}
    for pa, pb, ta, tb in found:
        for p, t in ((pa, ta), (pb, tb)):
            head = _represented_by(_list_head(t), cue_ids)
            if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _PLACE_KINDS:
                head = head.head.head  # "its sister cities of Ikoma and Anjo as well as Wanju-gun": one list
            group.setdefault(p["canonical"], head.i)
    partners: dict[str, set[str]] = {}
    for pa, pb, _, _ in found:
        partners.setdefault(pa["canonical"], set()).add(pb["canonical"])
        partners.setdefault(pb["canonical"], set()).add(pa["canonical"])
    subjects = {p["canonical"] for pa, pb, ta, tb in found for p, t in ((pa, ta), (pb, tb))
                if _list_head(t).dep_ in _SUBJECTS}
    out = []
    for pa, pb, ta, tb in found:
        a, b = pa["canonical"], pb["canonical"]
        if group[a] == group[b] and any(group.get(c) != group[a] for c in partners[a] & partners[b]):
            continue
        if a not in subjects and b not in subjects and partners[a] & partners[b] & subjects \
                and "poss" not in (ta.dep_, tb.dep_):  # "with Rotterdam's twinned-port of Seattle": its own tie
            continue  # "Kunming has another sister city ..., Cochabamba (Bolivia), as well as a friendly exchange
            # city, Porto Seguro (Brazil)": the subject's ties, two lists the parser did not join
        out.append((pa, pb))
    return out


def _semicolon_list(doc, nodes: list) -> set[int]:
    """Token indexes of the parties written as one list with semicolons between its items ("partnerships with
    Matola, in Mozambique; Accra, in Ghana; Val de Marne, in France; and Kinshasa"), which the parser seldom
    reads as a coordination: such items are never each other's partners. The list runs from the last verb
    before the first semicolon to the first verb after the last one, when the pieces between two semicolons are
    short and hold no finite verb."""
    text = doc.text
    cuts = [m.start() for m in re.finditer(";", text)]
    if len(cuts) < 2:
        return set()
    middle = [(a + 1, b) for a, b in zip(cuts, cuts[1:])]
    if any(len(text[a:b].split()) > 16 for a, b in middle) \
            or any(a <= t.idx < b and t.tag_ in _FINITE_TAGS for t in doc for a, b in middle):
        return set()  # a clause between semicolons: sentences, not items
    verbs = [t.idx for t in doc if _verb(t)]
    start = max((i for i in verbs if i < cuts[0]), default=-1)  # "sister cities are Beirut; ..."
    end = min((i for i in verbs if i > cuts[-1]), default=len(text))  # "...; A and B pose for a photo"
    return {t.i for _, t in nodes if start < t.idx < end}


def _maps_names(word) -> bool:
    """A "respectively" right after names ("A and B, Mayors of Accra and Cape Town respectively, signed"): it
    maps people to their places, and says nothing of how they act."""
    before = word.doc[word.i - 1] if word.i else None
    return word.lower_ == "respectively" and before is not None and before.tag_ in _PROPER_TAGS


def _hyphen_pair(ta, tb, cue_ids: set[int]) -> bool:
    """Two parties joined by a hyphen before the cooperation noun they name ("the China-Africa cooperation",
    "Japan-US trade talks", "the Lyon-Wuhan partnership", "PNG-China ties"): the noun states their relation,
    unless a word of conflict is on the way ("a US-Japan trade dispute")."""
    a, b = (ta, tb) if ta.i < tb.i else (tb, ta)
    doc = a.doc
    if b.i - a.i != 2 or doc[a.i + 1].text not in _HYPHENS or a.head.i != b.i:
        return False
    if _couples_listed(b) and any(doc[i].lower_ in _TWIN_WORDS for i in cue_ids):
        return True  # "Sister Cities ...: Commendations Presented to Riverside-Sendai, San Diego-Yokohama, and ..."
    head = b
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head
        if _CONFLICT.match(head.lower_) or _strained(head):
            return False
        if head.i in cue_ids:
            return True
    return False


def _couples_listed(b) -> bool:
    """Whether `b`, the second name of a hyphened couple, is an item of a list of such couples ("Riverside-Sendai,
    San Diego-Yokohama, and Pasadena-Mishima")."""
    items = [b, *b.conjuncts]
    return len(items) >= 2 and all(t.i >= 2 and t.doc[t.i - 1].text in _HYPHENS and t.doc[t.i - 2].head.i == t.i
                                   for t in items)


def _strained(token) -> bool:
    """Whether `token` is a tie that a word of strain describes, as its modifier or in its predicate ("the tense
    relations between A and B", "relations are going through a tense period", "ties have soured")."""
    if not _ENDED_TIE.match(token.lower_):
        return False
    if any(c.dep_ == "amod" and _STRAINED.match(c.lower_) for c in token.children):
        return True
    if token.dep_ not in _SUBJECTS:
        return False
    verb = token.head
    said = [t for t in verb.subtree if not t.is_ancestor(token) and t.i != token.i and not token.is_ancestor(t)]
    return _STRAINED.match(verb.lower_) is not None or any(
        _STRAINED.match(t.lower_) and t.dep_ in ("acomp", "amod", "attr", "advmod") for t in said)


_HYPHENS = frozenset(("-", "–", "—"))


def _created_by(made, maker) -> bool:
    """Whether `made` names what a verb of creating says `maker` made ("the Confucius Institute was jointly
    established by A and B", "A and B set up the joint venture X"): the creators are partners of each other, the
    thing they made is no partner of theirs (data/relations.yaml creation_verbs)."""
    noun = made
    while noun.dep_ in ("compound", "flat", "appos") and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if not _CREATION.match(verb.lower_):
        return False
    if noun.dep_ == "nsubjpass":
        makers = [c for c in verb.children if c.dep_ == "agent"]
    elif noun.dep_ == "dobj":
        makers = [c for c in verb.children if c.dep_ in _SUBJECTS]
    else:
        return False
    return maker.i in {t.i for m in makers for t in m.subtree}


def _concurring(token) -> bool:
    """Whether 'agreed with' shares an opinion, its clause going on with what was said ("Norfolk Mayor Kenneth
    Alexander agreed with Youngkin, saying the city stands ..."), not an agreement made."""
    return token.lower_ in ("agree", "agrees", "agreed") and any(c.dep_ == "prep" and c.lower_ == "with"
                                                                 for c in token.children) \
        and any(c.dep_ == "advcl" and c.lower_ in ("saying", "adding", "noting", "stating") for c in token.children)


def _sign_noun(token) -> bool:
    """Whether 'sign(s)' is a noun ("It is a sign of the QCA's concern", "airport signs"), no signing."""
    return token.lower_ in ("sign", "signs") and token.tag_ in _COMMON_NOUN_TAGS


def _people_members(token) -> bool:
    """"talks with Reagan Administration officials and members of Congress": members listed beside people who
    represent a body are people too, no membership."""
    return token.lower_ in ("member", "members") and token.dep_ == "conj" and _represents(token.head)


def _market_exchange(token) -> bool:
    """Whether 'exchange(s)' names a market, not exchanges between partners: a place's name modifies it
    ("the London exchange", "the Amsterdam, Brussels, Lisbon and Paris exchanges"), not joined by a hyphen
    ("Lyon-Wuhan exchanges") and with no 'between' or 'with' after it."""
    if token.lower_ not in ("exchange", "exchanges"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in token.children):
        return False
    doc = token.doc
    return any(c.dep_ in ("compound", "nmod") and c.tag_ in _PROPER_TAGS and c.i + 1 < len(doc)
               and doc[c.i + 1].text not in ("-", "–") and doc[c.i - 1].text not in ("-", "–")
               for c in token.children)


def _ranks_in(token) -> bool:
    """Whether a place owns a superlative ("Japan's largest-ever takeover deal", "Brazil's biggest beer firm",
    "South Africa's third-largest bank"): it says where something ranks, not who acts. A role in a relation
    keeps its owner ("China's biggest trading partner", "Lyon's largest investor")."""
    head = token.head
    if token.dep_ not in ("poss", "compound") or head.i <= token.i or _ROLE.match(head.lower_):
        return False
    return any(t.tag_ == "JJS" or _SUPERLATIVE.match(t.lower_) for t in token.doc[token.i + 1:head.i])


_SUPERLATIVE = re.compile(r"^(?:[a-z]+-)?(?:[a-z]+est|most)(?:-ever)?$")
_ROLE = _word_pattern(_WORDS["relation_roles"])


def _ranked_ahead(token) -> bool:
    """Whether a place is named as ranking ahead in a ranking ("Tanzania's second-largest trading partner after
    China", "third-largest export partner, behind Mexico and Canada"): it only ranks, no party to the tie."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in ("after", "behind") and any(
        t.tag_ == "JJS" or _SUPERLATIVE.match(t.lower_) for t in prep.head.children)


def _locates_apposed(token, place_ids: set[int]) -> bool:
    """"Suva, the capital of Fiji", "Wuhan, capital of Hubei province", "Novosibirsk city of Russia": a place
    after "of" in an apposition naming another place's kind, or after a place and its kind."""
    if token.dep_ == "compound" and token.head.lower_ in _PLACE_KINDS:
        token = token.head
    kind = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return kind is not None and kind.lower_ in _PLACE_KINDS and (
        (kind.dep_ == "appos" and (kind.head.i in place_ids or _kind_of_place(kind.head, place_ids)))
        or any(c.dep_ == "compound" and c.i in place_ids for c in kind.children))  # "Novosibirsk city of Russia"


def _kind_of_place(noun, place_ids: set[int]) -> bool:
    """"the city of Guangzhou": a kind of place whose "of" names one (an apposition after it describes that place:
    "The city of Guangzhou, capital of south China's Guangdong Province, ...")."""
    return noun.lower_ in _PLACE_KINDS and any(
        c.lower_ == "of" and any(g.i in place_ids for g in c.children) for c in noun.children)


_LOCATION_VERBS = frozenset(("located", "situated", "lying", "nestled"))


def _in_location_clause(token, place_ids: set[int]) -> bool:
    """"Hanam, located to the east of the capital Seoul, became ...": a place inside a clause of "located"
    that modifies another place only says where that place lies."""
    for up in token.ancestors:
        if up.lower_ in _LOCATION_VERBS and up.dep_ in ("acl", "relcl", "advcl") and up.head.i in place_ids:
            return True
        if up.dep_ in ("ROOT", "conj") and up.pos_ in ("VERB", "AUX"):
            return False
    return False


def _co_visitors(head, groups: dict[int, list]) -> bool:
    """Whether the list under `head` is the subject of a visit to another party ("a delegation of mayors from
    Peru and Chile visited Beijing", "officials from A, B and C paid courtesy calls on D"): fellow visitors, not
    partners of each other."""
    verb = head.head
    if head.dep_ not in _SUBJECTS or not (verb.lower_ in _HERE_VISIT_WORDS or any(
            c.dep_ == "dobj" and c.lower_ in _HERE_VISIT_WORDS for c in verb.children)):
        return False
    inside = {t.i for t in head.subtree}
    return any(i != head.i and i not in inside and any(t.i == i for t in verb.subtree) for i in groups)


def _visited_here(token) -> bool:
    """"here" where someone comes to the dateline's place: "arrived here", "a brief visit here", "ended a
    visit here" (data/relations.yaml here_visit_words)."""
    if token.lower_ != "here" or token.dep_ != "advmod":
        return False
    head = token.head
    return head.lower_ in _HERE_VISIT_WORDS or any(
        c.lower_ in _HERE_VISIT_WORDS for c in head.children if c.dep_ in ("dobj", "pobj"))


def _bare_governments(doc, party_ids: set[int]) -> list:
    """Tokens 'government' (data/relations.yaml government_words) with no nationality, name or owner of their
    own: "the federal government" in a wire story is the government of the dateline's country; "the Japanese
    government", "Ottawa's government" are not."""
    return [t for t in doc if t.lower_ in _GOVERNMENT_WORDS and t.tag_ in _COMMON_NOUN_TAGS and t.i not in party_ids
            and all(c.lower_ in _GOVERNMENT_MODIFIERS for c in t.children if c.dep_ in _NAMING_DEPS)]


_NAMING_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "npadvmod"})


def _main_for(subject, main: dict | None, main_org: dict | None, local: dict | None = None) -> dict | None:
    """The main party a subject stands for: a word for a business ("the company", "the bank") stands for
    the document's main organisation when it has one ("SANDOZ PLANS VENTURE IN USSR ... The company said"),
    a local government ("the provincial government") for the first place below country level of the headline
    and lead (`local`) when the main party is a country, any other word ("it", "the city") for its main party,
    unless the word is "the city" or "the town" and that party is an organisation."""
    if subject.lower_ in _MAIN_ORG_WORDS and main_org is not None:
        return main_org
    if main is not None and main.get("type") == "country" and _local_government(subject):
        return local  # "The provincial government has inked sister relationships with ...": no country's doing
    if subject.lower_ in _TOWN_WORDS and main is not None and main["label"] != "PLACE":
        return None  # "New twin cities go too far for SNP ... the city may be twinned with": a town, not the party
    return main


_TOWN_WORDS = frozenset(("city", "town"))


def _local_government(token) -> bool:
    """"the provincial government", "the city council", "the municipal administration": a body below country
    level."""
    return any(c.lower_ in _LOCAL_LEVELS for c in token.children) and (
        token.lower_ in _GOVERNMENT_WORDS or token.lower_ in ("council", "authorities", "assembly"))


def _represented(party: dict, people: dict[str, dict]) -> dict:
    """The place a party stands for when its name is a person's surname the document introduced with that place
    ("U.S. Agriculture Secretary Richard Lyng" ... "Lyng said"), else the party; gazetteer places stay."""
    words = str(party.get("text") or "").split()
    if not words or words[-1] not in people or (party["label"] == "PLACE" and party.get("type")):
        return party
    return {**people[words[-1]], "start": party["start"], "end": party["end"]}


def named_after(body: dict, place: dict) -> bool:
    """A party named after the other ("Nanjing Investment Promotion Bureau" and Nanjing, "Fondation Sophia
    Antipolis" and Sophia Antipolis): a body or a part of it, not its partner."""
    name, whole = str(place["canonical"]), str(body["canonical"])
    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", whole) if name else None
    return found is not None and not (body.get("type") == "association"
                                      and _PARTNER_AFTER_HYPHEN.search(whole, 0, found.start()))


# the second town of a couple naming an association ("Seattle-Bergen Sister City Association"): the partner of the
# association's town, which it keeps ties with, not the place it belongs to
_PARTNER_AFTER_HYPHEN = re.compile(r"[A-Z][\w'’.]*[ \t]?[-–][ \t]?$")


def _stray_conjunct(token) -> bool:
    """A name the parser coordinated with a verb ("signed a contract with Renault, and Peugeot": Peugeot is
    parsed as a second verb of 'signed'): an item continuing the list of the verb's objects."""
    return token.dep_ == "conj" and _verb(token.head) and not _verb(token)


def _met_with_examples(ta, tb) -> bool:
    """One party met "with" and the other among the examples "including" of the same word ("meeting with the
    Business Council ... and executives from several Japanese corporations, including ... Hitachi"): both are
    the other side of one meeting, not partners of each other."""
    def entry(token):
        for a in token.ancestors:
            if a.dep_ == "prep" and a.lower_ in ("with", "including"):
                return a.lower_, a.head.i
        return None

    ea, eb = entry(ta), entry(tb)
    return ea is not None and eb is not None and ea[1] == eb[1] and {ea[0], eb[0]} == {"with", "including"}


def _co_objects(ta, tb) -> bool:
    """A stray conjunct of a verb and a party on the verb's object side: two items of one list of objects,
    each the subject's partner, not each other's."""
    for x, y in ((_list_head(ta), tb), (_list_head(tb), ta)):
        if _stray_conjunct(x) and x.head.i in {t.i for t in _ancestors(y)[1:]} \
                and _list_head(y).dep_ not in _SUBJECTS and y.i < x.i:
            return True
        if _second_tie_of(x, y):
            return True
    return False


_LIKENESS_PREPOSITIONS = frozenset(("like", "alongside", "besides", "unlike"))
_LIKENESS_NOUNS = frozenset(("addition", "as", "similar", "contrast"))  # "in addition to", "as with", "in contrast to"


def _parallel_to_subject(x, y) -> bool:
    """Whether `x` is what a likeness sets beside the subject `y` of a clause ("Alongside Shenzhen, Shanghai has
    also twinned with Porto", "Shanghai, like Shenzhen, has twinned with Porto", "In addition to Shenzhen,
    ..."): the two are compared, not partners."""
    head = _list_head(x)
    prep = head.head
    if head.dep_ != "pobj" or prep.i == head.i:
        return False
    if prep.lower_ not in _LIKENESS_PREPOSITIONS:
        if prep.lower_ not in ("to", "with") or prep.head.lower_ not in _LIKENESS_NOUNS:
            return False
        prep = prep.head if prep.head.dep_ != "pobj" else prep.head.head  # "In addition to": "In"
    subject = _list_head(y)
    subject = next((t for t in _ancestors(subject) if t.dep_ in _SUBJECTS), subject)
    return prep.head.i == subject.i or (subject.dep_ in _SUBJECTS and prep.head.i == subject.head.i
                                        and prep.i < subject.head.i)  # "will lead delegations to Japan, in
    # addition to India": a likeness after the verb sets beside its objects


def _examples_of(head, token) -> bool:
    """Whether `token` is among the examples a noun gives of what it is made of ("a delegation, including the
    Mayor of Ipswich")."""
    return any(t.dep_ == "prep" and t.lower_ in ("including", "like") and t.head.i == head.i
               for t in _ancestors(_list_head(token)))


def _bound_home(token) -> bool:
    """A place the travellers go back to ("before heading back to India on Sunday", "flew back to Osaka"): their
    home, no partner of the places they visit."""
    head = _list_head(token)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "to":
        return False
    return prep.head.lower_ == "back" or any(c.lower_ == "back" and c.dep_ in ("advmod", "prt")
                                             for c in prep.head.children)


def _second_tie_of(x, y) -> bool:
    """Whether `y` is the partner of a second tie joined to `x`'s, `x` the first tie's partner ("a friendship
    link with Bethlehem and similar arrangements with Barga", "signed a partnership with Lyon and an agreement
    with Turin": each is the subject's partner). The parser hangs the second tie on either the first tie or its
    partner, and its "with" on either noun."""
    if x.dep_ != "pobj" or x.head.lower_ not in ("with", "to"):
        return False
    above = {t.i for t in _ancestors(y)[1:]}
    tie = x.head.head
    ties = (tie, tie.head) if tie.dep_ == "conj" else (tie,)  # "..., a protocol with Xi'an, and a memorandum"
    seconds = [c for c in (*x.children, *(c for t in ties if t.tag_ in _COMMON_NOUN_TAGS for c in t.children))
               if c.dep_ == "conj" and x.i < c.i < y.i and not _verb(c) and c.tag_ not in _PROPER_TAGS]
    seconds += [c for second in seconds for c in second.conjuncts if second.i < c.i < y.i]  # "a charter with
    # Turin and an agreement with Porto"
    return any(p.dep_ == "prep" and p.lower_ in ("with", "to") and p.i in above and p.i > second.i
               for second in seconds for n in (second, *_of_chain([second]), tie)
               for p in n.children)  # "a protocol with Xi'an, and a memorandum of understanding with Hangzhou"


def _object_of_other_verb(token, cue_ids: set[int]) -> bool:
    """The direct object of a verb that is no cooperation cue ("called for EC-U.S. cooperation to force Japan
    to open its markets", "asked Britain to restore ties"): the party is acted on by another predicate, not
    a partner in the cooperation the sentence names. A verb whose subject is a cue ("Kobe's sister cities
    include Seattle") or a verb of leaving, whose object is the traveller's home ("left Britain on a tour of
    Africa"), keeps its object."""
    while token.dep_ in ("compound", "flat") and token.head.i != token.i:
        token = token.head  # "to establish the Kenya Shipping line": the name's noun is the object
    verb = token.head
    if token.dep_ != "dobj" or not _verb(verb) or verb.i in cue_ids or verb.lower_ in _DEPARTING:
        return False
    if verb.dep_ == "xcomp" and verb.head.i in cue_ids:
        return False  # "agreed to supply Iran": what the cue verb commits to names the partner
    if verb.lower_ in _POSSESSION and _cue_noun(token, cue_ids):
        return False  # "Chengdu has three new sister cities": the object names the subject's ties
    if verb.lower_ in _HOSTING and token.i in cue_ids and token.lower_ in _VISIT_NOUNS | {"delegation", "delegations"}:
        return False  # "Sheboygan is hosting a delegation from its sister city": the host and its guests
    if verb.lower_ in _LEADING and token.i in cue_ids and token.lower_ in DELEGATION_WORDS:
        return False  # "led a Lisbon delegation to Spain and Monaco": the delegation goes where it is led
    if verb.dep_ == "relcl" and _cue_noun(verb.head, cue_ids) \
            and (verb.head.lower_ not in DELEGATION_WORDS | _VISIT_NOUNS
                 or (verb.head.lower_ in _TRAVEL_NOUNS and verb.lower_ in _ITINERARY_VERBS)) \
            and any(c.dep_ in _SUBJECTS and c.tag_ == "WDT" for c in verb.children):
        return False  # "it has six sister cities, which include Hefei": the relative clause lists the ties; "a
        # Latin American tour which includes Bolivia and Guatemala": the places a journey takes in ("a
        # delegation that includes the Academy's Chief Executive": its people, no partners)
    # "partner cities include", "firms that have been linked with investment in Russia include"
    return not any(c.dep_ in _SUBJECTS and (_cue_noun(c, cue_ids) or _cue_relative(c, cue_ids)) for c in verb.children)


_TRAVEL_NOUNS = frozenset(("trip", "trips", "tour", "tours", "visit", "visits", "journey", "itinerary"))
_ITINERARY_VERBS = frozenset(("include", "includes", "included", "cover", "covers", "covered", "take", "takes",
                              "took", "taken"))  # the parser's pipeline has no lemmas


def _cue_relative(noun, cue_ids: set[int]) -> bool:
    """Whether a relative clause on the noun holds a cue ("firms that have been linked with investment in X")."""
    return any(c.dep_ == "relcl" and any(t.i in cue_ids for t in c.subtree) for c in noun.children)


def _between(head) -> bool:
    """Whether a list head is the object of 'between': "an agreement between A and B" names both its
    parties, so A and B are nobody else's partners through it ("X signed a deal with Y after an agreement
    between A and B")."""
    return head.dep_ == "pobj" and head.head.lower_ in _BETWEEN


def _between_one_and_list(head) -> bool:
    """Whether a list after 'between' is one party, "and", then a list of others with commas ("an agreement
    between Davao City and Iligan City, General Santos City and Cagayan de Oro City"): the first party is each
    other's partner, the others are not each other's."""
    if not _between(head) or head.i + 1 >= len(head.doc) or head.doc[head.i + 1].lower_ != "and":
        return False
    second = next((c for c in head.children if c.dep_ == "conj"), None)
    return second is not None and any(t.text == "," for t in head.doc[second.i:head.right_edge.i + 1])


_OF_FROM = frozenset(("of", "from"))
_BE = frozenset("be is are was were been being".split())
_FACILITIES = frozenset(_WORDS["facility_nouns"].split())
_ATTENDING = frozenset(_WORDS["attending_verbs"].split())
_GATHERINGS = frozenset(_WORDS["gathering_nouns"].split())
_OPENING = frozenset(_WORDS["opening_verbs"].split())
_PLACE_KINDS = frozenset(_WORDS["place_kind_nouns"].split())
_SUBJECT_SIDE = frozenset(("nsubj", "nsubjpass", "csubj", "csubjpass", "agent"))


def _opening_interjection(token) -> bool:
    """A capitalised word the parser read as an interjection of a verb that has no subject ("Oh will visit
    Paris"): the verb's subject, a person's name."""
    return token.dep_ == "intj" and token.text[:1].isupper() and _verb(token.head) and not any(
        c.dep_ in _SUBJECTS for c in token.head.children)


def _co_complements(path, top) -> bool:
    """Both parties reach the verb that links them from its object side ("will visit Aceh, as well as Sri
    Lanka"; "before visiting Israel, he made a trip to Iraq"): each is the subject's partner, not the other's.
    The object of a verb of leaving is the traveller's home, on the subject's side ("left Britain on a tour
    of Africa"), and so is the delegation a verb of leading takes ("led a Lisbon delegation to Spain")."""
    if not _verb(top):
        return False
    k = next(i for i, t in enumerate(path) if t.i == top.i)
    if k == 0 or k == len(path) - 1:
        return False
    home = top.lower_ in _DEPARTING
    led = top.lower_ in _LEADING  # "led a Lisbon delegation to Spain": the delegation led is the subject's side
    return not any(t.dep_ in _SUBJECT_SIDE or (home and t.dep_ == "dobj") or _misparsed_subject(t)
                   or _opening_interjection(t)
                   or (led and t.dep_ == "dobj" and t.lower_ in DELEGATION_WORDS) for t in (path[k - 1], path[k + 1]))


def _in_other_conjunct(path, top, cues: set[int]) -> bool:
    """Whether the path goes down from a cue verb into a verb coordinated with it that has no cue of its own
    ("Lee visited the Xiamen Jumao Photonic Co, and expressed hopes to import solar panel modules from Jumao to
    New Zealand and Nigeria"): that verb's clause says something else than the cue's relation."""
    if top.i not in cues or not _verb(top):
        return False
    at = next(k for k, t in enumerate(path) if t.i == top.i)
    for k, t in enumerate(path):
        if t.dep_ == "conj" and t.head.i == top.i and _verb(t) and t.i not in cues:
            side = path[:k] if k < at else path[k + 1:]
            return not any(s.i in cues for s in side) and not any(c.i in cues for c in t.children)
    return False


_DAY_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS)  # "Tuesday's meeting": a date, no owner


def _owned_on_the_way(path) -> bool:
    """Whether a noun inside the path belongs to another party, named off the path ("Chinese officials had been
    irritated by Rover's disclosure of its talks with Shanghai Automotive"): what the noun leads to is the
    owner's, not the other end's. A person who owns it ("during President Xi Jinping's visit to New Zealand")
    may stand for an end."""
    on = {t.i for t in path}
    named = {end.head.i for end in (path[0], path[-1]) if end.dep_ in ("compound", "amod", "nmod", "appos")}
    return any(c.dep_ == "poss" and c.tag_ in _PROPER_TAGS and c.i not in on and not _represents(c)
               and c.lower_ not in _DAY_NAMES
               for t in path[1:-1] if t.tag_ in _COMMON_NOUN_TAGS and t.i not in named for c in t.children)
    # "with Halden Group's Vestfold Power Ltd unit": the owner of the unit an end names only identifies it


def _asks_another(path, top) -> bool:
    """The subject of a verb that asks, urges or invites its object to do what the path goes on to ("King Fahd
    ... may ask Britain to restore diplomatic relations with Syria"): the object acts, the asker is no party to
    it. The path runs from the verb's subject to its clause, past an object off the path."""
    if not _verb(top):
        return False
    deps = {t.dep_ for t in path if t.head.i == top.i and t.i != top.i}
    return deps >= {"xcomp"} and bool(deps & set(_SUBJECTS)) and any(
        c.dep_ == "dobj" and c.i not in {t.i for t in path} for c in top.children)


def _compass_locator(token) -> bool:
    """Whether a place follows "<compass word> of" ("Vladimir, 120 miles east of Moscow"): it locates another."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _COMPASS


def _misparsed_subject(token) -> bool:
    """A name before its verb parsed as the verb's adjective ("Mikulic visits West Germany": 'Mikulic' amod of
    'visits'), or an auxiliary the parser hung the subject on ("Canterbury remains twinned with Vladimir":
    'Canterbury' subject of 'remains'): the subject's side."""
    return (token.dep_ == "amod" and _verb(token.head) and token.i < token.head.i) or (
        token.dep_ in ("aux", "auxpass") and any(c.dep_ in _SUBJECTS for c in token.children))


def _apposed(token) -> bool:
    """A name in apposition to another item of its list ("Bordeaux, France, signed ..."; "X, a unit of Y"), not
    to a descriptive noun that is itself an item ("the federal government and the trading house, Koyama Trading
    Co, signed": the house is Koyama) nor to a plural noun the list names ("The capitals, Beijing and Moscow, set
    up links"), unless someone owns that noun."""
    head = token.head
    return token.dep_ == "appos" and not (head.tag_ in _COMMON_NOUN_TAGS and (
        head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children))) and not (
        head.tag_ == "NNS" and any(c.dep_ == "conj" for c in token.children)
        and not any(c.dep_ == "poss" for c in head.children))  # "Its sister cities, A and B,": another's


_TIE_NOUNS = frozenset(_WORDS["tie_nouns"].split())  # "renew its sister city friendship with Changchun"


def _fellow_member(word) -> bool:
    """Whether a name is an example of what a party joins ("Mumbai joins metropolises such as Johannesburg and
    Seoul as a member of ICLEI"): a fellow member of the network, no partner of the joiner."""
    head = _list_head(word)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "as" or not any(c.lower_ == "such" for c in prep.children):
        return False
    noun = prep.head
    return noun.dep_ == "dobj" and noun.head.lower_ in _JOINING


def _joined_owner(joined, other, cue_ids: set[int]) -> bool | None:
    """Whether `other` is the partner of a name the subject joins ("Nagaoka is Honolulu's 28th sister city,
    joining Baguio, Baku and Mumbai"): the joined names are the owner's sister cities too, so they pair with
    Honolulu (True) and not with the joiner Nagaoka (False); None when the sentence has not this shape."""
    head = _list_head(joined)
    verb = head.head
    if head.dep_ != "dobj" or verb.tag_ != "VBG" or verb.lower_ not in _JOINING \
            or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    clause, word = verb.head, _list_head(other)
    if word.dep_ == "poss" and word.head.head.i == clause.i and word.head.dep_ in ("attr", "dobj", "oprd") \
            and (word.head.i in cue_ids or any(c.i in cue_ids for c in word.head.children)):
        return True  # "Honolulu's 28th sister city, joining ..."
    if word.dep_ in _SUBJECTS and word.head.i == clause.i:
        return False  # "Nagaoka is ..., joining Baguio": a fellow sister city of Baguio, not its partner
    return None


def _locates_places(party: dict, word, cue_ids: set[int]) -> bool:
    """Whether a place other than a city is alone the object of "in" after a kind of place ("Japan-affiliated
    sister cities in Southern California", "a city in Japan"), or countries are the object of "of" after kinds
    of places in the plural ("port cities of Korea, Japan and China"): they say where those places lie
    ("sister cities in Kotor and Batumi", "a sister city in Batumi" name them)."""
    first = _list_head(word)
    if party.get("type") == "country" and first.dep_ == "pobj" and first.head.lower_ == "of" \
            and first.head.head.tag_ == "NNS" and first.head.head.lower_ in _PLACE_KINDS:
        return True  # "port cities of Korea, Japan and China": the countries say where those cities lie
    head = _represented_by(first, cue_ids)
    prep = head.head
    return party.get("type") != "city" and not head.conjuncts and head.dep_ == "pobj" and prep.lower_ == "in" \
        and prep.head.lower_ in _PLACE_KINDS


def _with_subject(subject, other, cue_ids: set[int]) -> bool:
    """Whether `other` is the party a subject acts with ("Wuhan with Oita City in Japan and Daejeon in South Korea
    renewed two cooperation agreements", "Lyon, together with Turin, signed"), the subject's verb being or
    governing a cue."""
    head = _list_head(other)
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "with":
        return False
    owner = prep.head.head if prep.head.lower_ == "together" else prep.head
    verb = subject.head
    return owner.i == subject.i and subject.dep_ in _SUBJECTS and _governs_cue(verb, cue_ids)


def _governs_cue(token, cue_ids: set[int]) -> bool:
    """Whether `token` is a cue or governs one (its subtree, itself included, holds a cue token)."""
    return any(c.i in cue_ids for c in token.subtree)


def _linked(ta, tb, cue_ids: set[int], groups: dict[int, list], *, two: bool = False) -> bool:
    if _hyphen_pair(ta, tb, cue_ids) or _owns_apposed_tie(ta, tb, cue_ids) or _owns_apposed_tie(tb, ta, cue_ids):
        return True
    if _co_objects(ta, tb) or _met_with_examples(ta, tb) or _bound_home(ta) or _bound_home(tb):
        return False
    ha, hb = _represented_by(_list_head(ta), cue_ids), _represented_by(_list_head(tb), cue_ids)
    if _parallel_to_subject(ta, tb) or _parallel_to_subject(tb, ta):
        return False  # "Alongside Shenzhen, Shanghai has also twinned with Porto": Shenzhen is Shanghai's like
    if _examples_of(ha, tb) or _examples_of(hb, ta):
        return False  # "A five-member Australian delegation, including Brisbane Mayor Campbell Newman and Ipswich
        # Mayor Paul Pisasale": the members the noun names are on its side, no partner of whom it stands for
    if ha.i == hb.i:
        coordinated = not (_apposed(ta) or _apposed(tb))
        members = {p["canonical"] for p, _ in groups.get(ha.i, ())}
        if coordinated and len(members) >= 3 and _between_one_and_list(ha):
            return _list_head(ta).i in (ta.i, tb.i)  # "between Davao City and Iligan City, Kalibo and CDO": a star
        verbs = (ha.head, _what_they_said(ha.head))  # "A and B say they will oppose any bid": no tie
        tie = ha.head.head if ha.head.lower_ == "between" else ha.head  # "the tense relations between A and B"
        return coordinated and len(members) <= 3 and _joint(ha, cue_ids) and not _negated([ha.head]) \
            and not any(_CONFLICT.match(v.lower_) for v in verbs) and not _co_visitors(ha, groups) \
            and not _strained(tie)
    joined = _joined_owner(ta, tb, cue_ids)
    joined = _joined_owner(tb, ta, cue_ids) if joined is None else joined
    if joined is not None:
        return joined
    if _with_subject(ha, tb, cue_ids) or _with_subject(hb, ta, cue_ids):
        return True
    if _and_its_tie(ha, hb, cue_ids) or _and_its_tie(hb, ha, cue_ids) \
            or _between_after_locator(ha, tb, cue_ids) or _between_after_locator(hb, ta, cue_ids):
        return True
    if _between(ha) != _between(hb) or (_between(ha) and ha.head.i != hb.head.i):
        return False  # "the agreement between A and B; cooperation between C and D": two relations
    path = _path(ha, hb)
    if path is None or len(path) - 1 > (MAX_PATH_TWO if two else MAX_PATH):
        return False
    if _object_of_other_verb(ha, cue_ids) or _object_of_other_verb(hb, cue_ids):
        return False
    if any(t.lower_ == "than" for t in path):
        return False  # "Los Angeles has more sister cities than Chicago": a comparison, no tie between them
    if any(t.lower_ == "by" and t.dep_ == "prep" and t.head.tag_ in _NOUN_TAGS and t.head.i not in cue_ids
           for t in path[1:-1]):
        return False  # "a visit to the iconic 8 House by Bjarke Ingels Group": a work's maker, not the visitor's host
    if any(_CONFLICT.match(t.lower_) or _ends_a_tie(t) or _strained(t) for t in path) or _negated(path) \
            or _reported(path) or _clauses_apart(path) \
            or _described(path, cue_ids):
        return False
    top = min(path, key=lambda t: len(_ancestors(t)))
    if _co_complements(path, top) or _asks_another(path, top):
        return False
    if top.lower_ in _ATTENDING and any(t.dep_ in ("agent", "nsubj") and t.head.i == top.i for t in path):
        return False  # "The agreement, signed by A and B, was attended by C": C watched, no party to it
    # the noun a place acts through ("delegations from ...") links it to others, not to the words it governs
    senders = {h.i for h, t in ((ha, ta), (hb, tb)) if h.i != _list_head(t).i and h.i == top.i}
    if senders and top.i in cue_ids and any(t.dep_ == "prep" and t.lower_ in ("to", "in") and t.head.i == top.i
                                            for t in path):
        return True  # "a Whanganui delegation to Nagaizumi-cho", "the UK delegation in Poland": where the noun a
        # place acts through goes or is
    existing = [t for t in path if _existing_facility(t)]  # "Rover's Longbridge plant", "KOTRA's existing offices in"
    cues = cue_ids - senders - {t.i for t in existing} - {c.i for t in existing for c in t.children if c.dep_ == "prep"}
    if _in_other_conjunct(path, top, cues) or _owned_on_the_way(path):
        return False
    if any(t.i in cues for t in path) or any(c.i in cues for c in top.children):
        return True
    if any(t.dep_ == "attr" and any(c.i in cues and c.dep_ == "compound" for c in t.children) for t in path[1:-1]):
        return True  # "are to become partner towns of St. Petersburg": the cue names the kind of the noun on the way
    if any(c.dep_ in _SUBJECTS and _cue_noun(c, cues) for c in top.children):
        return True  # "Hefei's partner cities include X"
    if (top.lower_ in _BE and _for_talks(top)) or _member_list(path, top):
        return True  # "De Croo was in Washington for trade talks"; "the G7 countries including the U.S."
    # "are due to start four days of talks with officials of the U.S.": the cue is what a verb of the path takes;
    # "has established sisterhood and friendship cooperation cities with A": or the kind of tie of places it takes
    objects = [o for t in path if _verb(t) for d in t.children if d.dep_ == "dobj" for o in (d, *d.conjuncts)]
    return any(c.i in cues for c in _of_chain(objects)) or any(
        c.i in cues for o in objects if o.lower_ in _PLACE_KINDS or o.lower_ in _TIE_NOUNS for c in o.children
        if c.dep_ in ("compound", "amod") and c.tag_ not in _PROPER_TAGS)
