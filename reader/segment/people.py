"""Who is who in an article: named people, the titles they were introduced with, and pronouns.

A heuristic reader of proper names (no model, no download): capitalized word runs, minus title
words, places and organizations. It only has to be good enough to say who speaks a quotation, and
it answers None rather than guess when nothing fits. No I/O here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Gender
from . import gender as _gender
from .verbs import ACCORDING, SPEECH_VERBS

__all__ = ["People", "SPEECH_VERBS", "ACCORDING", "PRONOUNS", "Mention"]

# Latin Extended-A mixes capitals and small letters ("Č", "ě"): only its capitals start a name.
_CAP = "[A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper()) + "А-ЯЁЇІЄҐ]"
# "y"/"e" are left out: "con Fux, Pacheco e Bolsonaro" lists three people, not one double-barrelled name.
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "ibn", "dos", "das",
              "del", "ter", "ten"}
_TOKEN = re.compile(rf"{_CAP}[\w’'-]*|\b(?:{'|'.join(sorted(_PARTICLES))})\b(?=\s+{_CAP})")
_STARTERS = set(
    """the a an on in at by for from to with without after before during since until according meanwhile
    however but and or so yet he she they we i it this that these those there here what why when who where
    how although though moreover therefore earlier later today yesterday tomorrow now then also even only
    just both each every all some many most several such our their his her its my your if as unlike like
    despite instead still recent last next first second third one two three not no nobody everyone anyone
    passengers opponents critics officials residents experts analysts sources reports while once whether
    thus hence indeed perhaps maybe nevertheless nonetheless furthermore besides otherwise dear mr mrs ms
    dr prof sir madam monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    desde según para por con sin sobre entre hacia hasta tras ante durante el los las un una unos unas al
    pero como cuando donde este esta estos estas ese esa también además así ahora hoy ayer
    les des un une dans pour par avec sans sur sous chez selon depuis après avant pendant mais et ou comme
    quand où que qui ce cette ces aussi ainsi
    der die das ein eine im am an auf aus bei mit nach seit vor zu zum zur für gegen ohne um über unter und
    oder aber auch doch dann denn wenn als wie so laut dieser diese dieses diesem diesen jener jene jenes
    kein keine sein seine ihr ihre unser unsere es sie er wir man nur noch schon heute gestern morgen
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni juli oktober
    dezember nacht tag woche jahr
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre
    segunda terça quarta quinta sexta sábado janeiro fevereiro março maio junho julho setembro outubro
    novembro dezembro
    o os as um uma no na nos nas em segundo após mas também
    v ve na z ze s o u k ke za po pro při podle i ale když jak že také
    в на по с со из к от до для об при за под над и а но как когда что это также""".split()
)
_TITLES = set(
    """president prime minister secretary general chancellor councillor councilor mayor governor senator
    congressman congresswoman representative ambassador spokesman spokeswoman spokesperson director chairman
    chairwoman chair ceo founder head chief commander deputy vice foreign defense defence treasury state
    interior finance justice economy health king queen prince princess pope cardinal bishop rabbi imam judge
    doctor professor colonel major captain lieutenant sergeant admiral officer inspector detective coach
    manager analyst expert associate assistant aide adviser advisor envoy special official leader speaker
    member economist researcher scientist historian author editor reporter correspondent presidential
    political executive harbour harbor master nurse mp mep dr prof mr mrs ms sir lord lady dame saint st
    herr frau monsieur madame señor señora senhor senhora pan paní господин госпожа
    portavoz presidente presidenta ministro ministra secretario secretaria alcalde alcaldesa senador senadora
    diputado diputada gobernador gobernadora fiscal juez jueza abogado abogada directora concejal concejala
    ingeniero ingeniera entrenador entrenadora vocero vocera mandatario mandataria jefe jefa
    ministre président présidente porte-parole maire député députée sénateur sénatrice directeur directrice
    juge avocat avocate procureur procureure secrétaire chercheur chercheuse professeur professeure
    sprecher sprecherin ministerin präsident präsidentin bürgermeister bürgermeisterin chefin leiter
    leiterin direktor direktorin trainer professorin experte expertin anwalt anwältin richter richterin
    porta-voz prefeito prefeita deputado deputada governadora delegado delegada advogado advogada juiz juíza
    secretário secretária diretor diretora comandante
    soudkyně soudce mluvčí ministr ministryně předseda předsedkyně prezident prezidentka advokát advokátka
    starosta starostka ředitel ředitelka poslanec poslankyně
    президент премьер-министр премьер министр глава мэр губернатор спикер пресс-секретарь представитель
    депутат сенатор директор тренер адвокат судья прокурор журналист эксперт аналитик профессор
    политолог председатель помощник посол канцлер спортсмен
    titular miembro membre mitglied membro člen член юрист врач адвокат лидер основатель руководитель
    vicepresidente vicepresidenta vice-président vice-présidente vizepräsident vizepräsidentin vice-presidente
    periodista journaliste journalist jornalista novinář novinářka lawyer attorney
    expresidente expresidenta ex-presidente ex-président ex-présidente exministro exministra ex-ministre
    exmandatario exmandataria ex-präsident ex-presidente exprezident экс-президент former
    piloto pilote fahrer rennfahrer driver jugador jugadora joueur joueuse spieler spielerin jogador jogadora
    player tenista futbolista capitán capitaine kapitän campeón campeona champion champion weltmeister
    técnico treinador entraîneur hráč trenér pilot""".split()
)
# A person called by nationality, as sports and foreign news do ("dijo el neerlandés", "a lancé le Belge").
_DEMONYMS = set(
    """neerlandés neerlandesa holandés holandesa británico británica inglés inglesa alemán alemana español
    española francés francesa italiano italiana argentino argentina mexicano mexicana brasileño brasileña
    estadounidense ruso rusa chino china colombiano colombiana chileno chilena venezolano venezolana peruano
    peruana uruguayo uruguaya hondureño hondureña monegasco monegasca finlandés finlandesa australiano
    australiana canadiense japonés japonesa danés danesa serbio serbia suizo suiza belga portugués portuguesa
    ucraniano ucraniana sueco sueca noruego noruega polaco polaca griego griega cubano cubana ecuatoriano
    ecuatoriana boliviano boliviana paraguayo paraguaya dominicano dominicana guatemalteco guatemalteca
    salvadoreño salvadoreña nicaragüense costarricense panameño panameña
    néerlandais néerlandaise britannique allemand allemande espagnol espagnole français française italien
    italienne argentin argentine américain américaine russe chinois chinoise belge suisse canadien
    canadienne japonais japonaise ukrainien ukrainienne tchèque polonais polonaise portugais portugaise
    brésilien brésilienne monégasque finlandais finlandaise australien australienne
    holandês britânico britânica alemão alemã espanhol espanhola francês italiano argentino americano
    americana russo chinês brasileiro brasileira português
    niederländer niederländerin brite britin spanier spanierin franzose französin italiener italienerin
    amerikaner amerikanerin schweizer schweizerin österreicher österreicherin belgier brasilianer
    argentinier""".split()
)
_ORG_WORDS = set(
    """asociación plataforma ayuntamiento ministerio gobierno universidad partido comisión fundación tribunal
    frente movimiento coalición alianza congreso senado congresso front mouvement bewegung casa palacio palais
    palácio planalto élysée
    association plateforme mairie ministère gouvernement université parti tribunal conseil
    verband verein ministerium regierung universität partei gericht stiftung
    associação prefeitura ministério governo universidade partido fundação
    sdružení ministerstvo vláda univerzita strana soud
    ассоциация министерство правительство университет партия суд фонд""".split()
)
_PLACES = set(
    """russian american us u.s uk u.k british english ukrainian belarusian french german chinese european eu
    nato un israeli iranian turkish polish czech spanish portuguese italian japanese korean indian brazilian
    canadian australian mexican saudi syrian arab western eastern northern southern soviet russia ukraine
    belarus usa america china france germany britain england europe kiev kyiv moscow washington london paris
    berlin beijing kremlin white house pentagon brussels israel iran turkey poland spain portugal italy japan
    korea india brazil canada australia mexico syria crimea donbass kursk kharkov kharkiv jeddah riyadh
    gaza africa asia""".split()
)
_ORG_HEADS = set(
    """states forces federation union kingdom republic region ministry department center centre council
    committee office staff house street square island islands river sea ocean mountains university institute
    bank agency party army navy corps court assembly parliament times post news daily journal service group
    company inc ltd airport station hospital school church cathedral palace harbour harbor authority
    association organization organisation fund foundation commission coalition alliance treaty agreement day
    week war games cup league club team press media television radio tv channel network studies affairs
    administration government duma senate congress reserve exchange index market arts sciences academy
    awards festival""".split()
)
PRONOUNS = {"he", "she", "they", "him", "her", "он", "она", "они", "il", "elle", "er", "sie", "él", "ella",
            "ele", "ela", "ona", "oni"}


# Words for one office in our languages: "el mandatario" is the person introduced as "presidente",
# "o titular da Defesa" the one introduced as "ministro da Defesa".
_ROLE_GROUPS = [
    set("""president presidente presidenta président présidente präsident präsidentin prezident prezidentka
        президент mandatario mandataria staatschef""".split()),
    set("""minister ministro ministra ministre ministerin ministr ministryně министр titular""".split()),
    set("""spokesman spokeswoman spokesperson portavoz vocero vocera porte-parole sprecher sprecherin porta-voz
        mluvčí пресс-секретарь представитель""".split()),
    set("""mayor alcalde alcaldesa maire bürgermeister bürgermeisterin prefeito prefeita starosta starostka
        мэр""".split()),
    set("""coach entrenador entrenadora trainer тренер técnico treinador entraîneur trenér""".split()),
    set("""expresidente expresidenta ex-presidente ex-président ex-présidente exmandatario exmandataria
        ex-präsident exprezident экс-президент""".split()),
    set("""piloto pilote fahrer rennfahrer driver pilot""".split()),
    set("""jugador jugadora joueur joueuse spieler spielerin jogador jogadora player tenista futbolista hráč
        футболист теннисист хоккеист""".split()),
    set("""senator senador senadora sénateur sénatrice сенатор""".split()),
    set("""judge juez jueza juge richter richterin juiz juíza soudce soudkyně судья""".split()),
    set("""vicepresidente vicepresidenta vice-président vice-présidente vizepräsident vizepräsidentin
        vice-presidente вице-президент""".split()),
    set("""journalist periodista journaliste jornalista novinář novinářka журналист reporter""".split()),
]
_ROLE_GROUPS.append(_DEMONYMS)
_ROLE_GROUP = {word: i for i, group in enumerate(_ROLE_GROUPS) for word in group}
_TITLES |= _DEMONYMS
_MALE_ARTICLES = {"el", "le", "o", "der", "il", "lo", "du", "del", "do", "dem", "des"}
_FEMALE_ARTICLES = {"la", "die", "une", "una", "uma", "da"}
_FEMALE_ROLES = set("""presidenta présidente präsidentin prezidentka ministra ministerin ministryně vocera
    alcaldesa prefeita starostka entrenadora senadora sénatrice jueza richterin juíza soudkyně sprecherin
    bürgermeisterin spokeswoman""".split())


_ARTICLES = {"the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "der", "die", "das", "den", "dem",
             "o", "os", "as", "un", "une", "una", "um", "uma", "ein", "eine", "этот", "эта"}


# Words that join a role to its domain: "minister of health", "ministre de la Santé", "secretario general del".
_CONNECTORS = {"of", "for", "de", "del", "la", "du", "des", "da", "do", "der", "von", "für"}
_CYRILLIC = re.compile(r"[а-яё]", re.I)
_PERSON_TAGS = {"Name", "Surn", "Patr"}


@lru_cache(maxsize=1)
def _morph() -> Any:
    try:
        import pymorphy3
    except ImportError:  # without the analyser, Russian names are matched as written
        return None
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    """A lower-case Russian word's dictionary form ('премьер-министром' -> 'премьер-министр'); others as is."""
    morph = _morph()
    if morph is None or not _CYRILLIC.search(word):
        return word
    return str(morph.parse(word)[0].normal_form)


@lru_cache(maxsize=4096)
def _nominative(word: str, gender: str | None = None) -> str:
    """A Russian name word in the nominative ('Ибрагимом' -> 'Ибрагим', 'Бурмистровой' -> 'Бурмистрова').

    A word one of whose readings as a name is already nominative is kept, so a nominative surname
    that happens to look like another name's genitive stays as written.
    """
    morph = _morph()
    if morph is None or not _CYRILLIC.search(word):
        return word
    parses = [p for p in morph.parse(word) if _PERSON_TAGS & set(p.tag.grammemes)]
    if not parses or any(p.tag.case == "nomn" for p in parses):
        return word
    if gender is not None:
        parses = [p for p in parses if p.tag.gender == gender] or parses
    form = parses[0].inflect({"nomn"})
    if form is None:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in str(form.word).split("-"))


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    """A Russian word whose likeliest reading is a place name ('Малайзии')."""
    morph = _morph()
    return morph is not None and bool(_CYRILLIC.search(word)) and "Geox" in morph.parse(word)[0].tag.grammemes


def _nominative_name(words: list[str]) -> list[str]:
    """A Russian full name in the nominative, the surname agreeing with the given name's gender."""
    morph = _morph()
    if morph is None or not any(_CYRILLIC.search(w) for w in words):
        return words
    gender = _name_gender(words[0])
    return [_nominative(w, gender) for w in words]


@lru_cache(maxsize=4096)
def _name_gender(word: str) -> str | None:
    """The grammatical gender of a Russian given name's likeliest reading, if it reads as one."""
    morph = _morph()
    first = [p for p in morph.parse(word) if "Name" in p.tag.grammemes] if morph is not None else []
    return str(first[0].tag.gender) if first else None


def _mid_sentence(text: str, start: int) -> bool:
    """True when the word at `start` follows other words of its sentence (its capital says something)."""
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?…:;\"“”«»„—–-("


_SPOKES_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|representative|portavoz|vocero|vocera|porte-parole|sprecher(?:in)?|"
    r"porta-voz|mluvčí|пресс-секретарь|представитель)\s+(?:for|of|from|de|del|du|des|der|da|do|dos|das)\s+"
    r"(?:(?:the|la|el|le|l['’])\s*)?(?P<org>" + _CAP + r"[\w’'.-]*(?:\s+(?:(?:and|y|et|und|e|of|de|del|des|für|for)\s+)?"
    + _CAP + r"[\w’'.-]*)*)")
_SPEECH_NEXT = re.compile(rf"\s+(?:{SPEECH_VERBS})\b", re.I)


def _introduced(text: str, end: int) -> bool:
    """A lone given name followed by an apposition or a verb of saying ('Antoine*, 32 ans', 'Zineb said')."""
    return text[end : end + 1] in (",", "*", "(") or bool(_SPEECH_NEXT.match(text, end))


def _clean_token(token: str) -> str:
    return re.sub(r"[’']s$", "", token)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the text, and where."""

    name: str
    start: int
    end: int
    title: str | None = None


@dataclass
class People:
    """The people an article has named so far, in order, with their titles; resolves references."""

    names: list[str] = field(default_factory=list)
    """Full names in order of last mention (most recent last)."""
    titles: dict[str, str] = field(default_factory=dict)
    """Lower-case title phrase -> full name of the person introduced with it."""
    surnames: dict[str, str] = field(default_factory=dict)
    """Last name -> the most recently named person with it."""
    genders: dict[str, Gender | None] = field(default_factory=dict)
    """Full name -> gender, from the name itself or from the grammar of a cue that named them."""
    given: dict[str, str] = field(default_factory=dict)
    """First name -> the most recently named person with it ("Marie-Pierre" after "Marie-Pierre Dausse")."""
    roles: dict[str, set[int]] = field(default_factory=dict)
    """Full name -> the role groups of the titles they were introduced with."""
    role_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Full name -> the words of the title they were introduced with."""

    def find(self, text: str) -> list[Mention]:
        """People named in `text` (full names of two or more words, or known surnames), in order."""
        found: list[Mention] = []
        tokens = list(_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            j = i
            while j + 1 < len(tokens) and re.fullmatch(r"\s+", text[tokens[j].end() : tokens[j + 1].start()]):
                # "Version der Mail" is two nouns; "Ursula von der Leyen" one name.
                if tokens[j + 1].group(0) in ("der", "den") and tokens[j].group(0) not in ("von", "van"):
                    break
                j += 1
            found.extend(self._from_run(text, tokens[i : j + 1], found))
            i = j + 1
        # "a spokesperson for the Universities and Colleges Employers' Association said": no person is
        # named, so the organisation stands for whoever speaks for it ("…," he said).
        for m in _SPOKES_FOR.finditer(text):
            # Not when the spokesperson is named next to the phrase ("David Campo, portavoz de la
            # Asociación Vecinal", "the spokesman for X, John Smith") or the name is a single word.
            named = any(0 <= m.start() - f.end <= 3 or 0 <= f.start - m.end() <= 3 for f in found)
            if " " in m.group("org") and not named and \
                    not any(f.start <= m.start("org") < f.end or m.start("org") <= f.start < m.end("org") for f in found):
                found.append(Mention(m.group("org"), m.start("org"), m.end("org")))
                found.sort(key=lambda f: f.start)
        return found

    def _from_run(self, text: str, run: list[re.Match[str]], earlier: list[Mention]) -> list[Mention]:
        words = [_clean_token(m.group(0)) for m in run]
        # The name is the run's tail after title words, places and sentence-initial words.
        k = 0
        while k < len(words) and (
            words[k].lower().rstrip(".") in _STARTERS | _TITLES | _PLACES
            or _lemma(words[k].lower()) in _TITLES
            or (words[k].isupper() and len(words[k]) > 1)
        ):
            k += 1
        name_words = words[k:]
        while name_words and name_words[0].lower() in _PARTICLES:  # "de Cristina Kirchner": the "de" is not hers
            name_words = name_words[1:]
            k += 1
        if not name_words or name_words[-1].lower() in _ORG_HEADS or name_words[-1].lower() in _PLACES:
            return []
        # "Asociación Vecinal Pradera-Tercio Terol": an organisation's name, not a person's.
        if any(w.lower() in _ORG_WORDS for w in name_words):
            return []
        if any(w.isupper() and len(w) > 1 for w in name_words) or any(c.isdigit() for w in name_words for c in w):
            return []
        # Keep at most a given name, particles and a surname: "Belarus Alexander Lukashenko" -> the last two.
        core = [w for w in name_words if w.lower() not in _PARTICLES]
        # ... unless the run starts at a given name: "Paulo Sérgio Nogueira", "Ana Sofia Cardenal".
        first_given = next((i for i, w in enumerate(name_words) if _gender.is_given_name(w, loose=True)), None) \
            if len(core) > 2 else None
        if first_given is not None and len(name_words) - first_given <= 4 and \
                len([w for w in name_words[first_given:] if w.lower() not in _PARTICLES]) >= 2:
            name_words = name_words[first_given:]
        elif len(core) > 2:
            cut = len(name_words) - 1
            seen = 0
            while cut > 0 and seen < 2:
                if name_words[cut].lower() not in _PARTICLES:
                    seen += 1
                if seen < 2 or name_words[cut - 1].lower() in _PARTICLES:
                    cut -= 1
            name_words = name_words[cut:]
            while name_words and name_words[0].lower() in _PARTICLES:
                name_words = name_words[1:]
        start = run[len(words) - len(name_words)].start() if name_words else run[0].start()
        end = run[-1].end()
        if _is_place(name_words[-1]):
            return []
        name_words = _nominative_name(name_words)  # "Анваром Ибрагимом" is Анвар Ибрагим
        core = [w for w in name_words if w.lower() not in _PARTICLES]
        if len(core) >= 2:
            name = " ".join(name_words)
        elif len(core) == 1:
            # "Piet de Vries called … According to de Vries": a surname named earlier in the same text.
            known = next((m.name for m in reversed(earlier) if m.name.split()[-1] == core[0]), None) or \
                self.by_surname(core[0]) or (self.given.get(core[0]) if len(words) == 1 else None)
            if known is None:
                # A lone surname counts when a title introduces it ("Judge Ford", "Mr. Marcus"); a lone
                # given name inside a sentence names someone too ("comme nous le raconte Antoine*").
                if not any(w.lower().rstrip(".") in _TITLES for w in words[:k]) and \
                        not (len(words) == 1 and _mid_sentence(text, start) and _gender.is_given_name(core[0])
                             and core[0].lower() not in _PLACES and _introduced(text, run[-1].end())):
                    return []
                known = core[0]
            name = known
        else:
            return []
        title = self._title_before(text, start, words[:k]) or self._title_after(text, end)
        return [Mention(name=name, start=start, end=end, title=title)]

    @staticmethod
    def _title_before(text: str, start: int, cap_words: list[str]) -> str | None:
        """The title just before a name: 'President of Belarus Alexander Lukashenko' -> 'president of belarus'."""
        window = text[max(0, start - 100) : start]
        tokens = list(re.finditer(r"[\w’'-]+", window))
        taken: list[str] = []
        edge = len(window)
        for token in reversed(tokens):
            between = window[token.end() : edge]
            # Only spaces may separate title words, except a comma right before the name
            # ("the harbour master, Ilse Varga") and the period of an abbreviation ("Dr. Anna").
            # "o ministro da Defesa, general Paulo Sérgio Nogueira": a comma between two titles, too.
            allowed = between.strip() == "" or (edge == len(window) and between.strip() in (",", ".")) or \
                (between.strip() == "," and bool(taken) and all(w in _TITLES for w in taken))
            word = _clean_token(token.group(0))
            low = _lemma(word.lower())
            if not allowed or low in ("the", "a", "an") or len(taken) >= 5:
                break
            if not (word[:1].isupper() or low in _CONNECTORS or low in _TITLES):
                break
            taken.insert(0, low)
            edge = token.start()
        while taken and taken[0] in _CONNECTORS:
            taken.pop(0)
        if not any(w in _TITLES for w in taken):
            return None
        return " ".join(taken)

    @staticmethod
    def _title_after(text: str, end: int) -> str | None:
        """An appositive title: 'Tigran Meloyan, an analyst at the HSE Center' -> 'analyst'."""
        m = re.match(
            r",\s+(?:(?:an?|the|his|her)\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
            r"(?=\s+(?:at|of|for|in|with|who|from|on|de|del|da|do|des|du|der|von|für|bei|в|из)\b|\s*[,.;]|$)",
            text[end : end + 120],
        )
        if not m:
            return None
        words = [_lemma(w) for w in m.group(1).lower().split()]
        return " ".join(words) if words and all(w in _TITLES for w in words[-1:]) else None

    def by_surname(self, word: str) -> str | None:
        """The most recently named person whose last name is `word`."""
        return self.surnames.get(word) or self.surnames.get(_nominative(word))

    @staticmethod
    def is_role(word: str) -> bool:
        """True for a title or role word in any of our languages and cases ('portavoz', 'министром')."""
        return _lemma(word.lower()) in _TITLES

    def by_title(self, phrase: str) -> str | None:
        """The person introduced with a title matching `phrase` ('The President of Belarus', 'el portavoz
        de la Asociación'): the whole phrase first, then its first words."""
        words = [_lemma(w) for w in re.findall(r"[\w’'-]+", phrase.lower()) if w not in _ARTICLES]
        # "à cette occasion le ministre de la Santé": the role starts at its first role word.
        first_role = next((i for i, w in enumerate(words) if w in _TITLES), None)
        if first_role is None:
            return None
        words = words[first_role:]
        for n in range(min(len(words), 6), 0, -1):
            key = " ".join(words[:n])
            if n < len(words) and words[n - 1] not in _TITLES and key not in self.titles:
                continue  # a shortened phrase must still end in a role word, or be a whole title
            for title, name in reversed(list(self.titles.items())):
                if title == key or title.endswith(" " + key) or key.endswith(" " + title):
                    return name
        return None

    def remember(self, mentions: list[Mention]) -> None:
        """Record mentions as the most recent people named."""
        for mention in mentions:
            if mention.name in self.names:
                self.names.remove(mention.name)
            self.names.append(mention.name)
            parts = mention.name.split()
            self.surnames[parts[-1]] = mention.name
            if len(parts) >= 2:
                self.given[parts[0]] = mention.name
            if mention.title:
                groups = {_ROLE_GROUP[w] for w in mention.title.split() if w in _ROLE_GROUP}
                if groups:
                    self.roles[mention.name] = groups
                self.role_words[mention.name] = tuple(mention.title.split())
                self.titles.pop(mention.title, None)
                self.titles[mention.title] = mention.name
                # Also key the head noun phrase alone: "russian foreign minister" -> "foreign minister".
                parts = mention.title.split()
                for i in range(1, len(parts)):
                    if parts[i] in _TITLES:
                        self.titles.setdefault(" ".join(parts[i:]), mention.name)

    def last(self, gender: Gender | None = None) -> str | None:
        """The most recently named person, of `gender` when given (people of unknown gender fit too)."""
        if gender is None:
            return self.names[-1] if self.names else None
        # The nearest person who may be of that gender: a known woman named before an unknown
        # "Пётр Ян" does not take "написал спортсмен" from him.
        return next((name for name in reversed(self.names) if self.gender_of(name) in (gender, None)), None)

    def by_role(self, phrase: str, gender: Gender | None = None, guess: bool = True) -> str | None:
        """The person a role phrase with no matching title means ('dijo el mandatario', 'написал
        спортсмен'): the nearest person introduced with a title of the same office, else the nearest
        person of the phrase's gender not introduced with a different office (only when `guess`).
        None if no role word."""
        words = [_lemma(w) for w in re.findall(r"[\w’'-]+", phrase.lower())]
        at = next((i for i, w in enumerate(words) if w in _TITLES or w in _ROLE_GROUP), None)
        if at is None:
            return None
        role = words[at]
        if gender is None:
            article = words[at - 1] if at else ""
            gender = Gender.FEMALE if role in _FEMALE_ROLES or article in _FEMALE_ARTICLES else \
                Gender.MALE if article in _MALE_ARTICLES else None
        group = _ROLE_GROUP.get(role)
        # The last few dozen people are the ones a role can still mean; older ones are out of the story.
        fits = [n for n in reversed(self.names[-40:]) if gender is None or self.gender_of(n) in (gender, None)]
        if group is not None:
            same = [n for n in fits if group in self.roles.get(n, set())]
            # "o titular da Defesa": the minister whose title shares its domain, else the nearest minister.
            domain = {w for w in words[at + 1 :] if w not in _CONNECTORS and w not in _ARTICLES and len(w) > 3}
            best = next((n for n in same if domain & set(self.role_words.get(n, ()))), None)
            if best or same:
                return best or same[0]
        if not guess:
            return None
        # Otherwise the nearest person not introduced with another office: "la vicepresidenta" is not
        # the journalist just named. An office over the same body still fits ("presidente do Senado"
        # for "o senador").
        return next((n for n in fits if group is None or not self.roles.get(n)
                     or any(t[:5] == role[:5] for t in self.role_words.get(n, ()))), None)

    def is_person(self, name: str) -> bool:
        """False for a speaker whose name ends like an organisation ('Supreme Court', 'UCEA')."""
        words = name.split()
        return not (words[-1].lower() in _ORG_HEADS or (len(words) == 1 and name.isupper()))

    def gender_of(self, name: str) -> Gender | None:
        """What the article (or the given name) says about a person's gender."""
        if name not in self.genders:
            self.genders[name] = _gender.of_name(name)
        return self.genders[name]

    def note_gender(self, name: str, gender: Gender | None) -> None:
        """Record gender evidence from the text; the article's own grammar wins over the name list."""
        if gender is not None:
            self.genders[name] = gender

    def resolve(self, phrase: str) -> str | None:
        """A person for a name, surname, pronoun or title phrase; None if nothing fits."""
        phrase = phrase.strip(" ,.;:—–-\"'“”«»„")
        if not phrase:
            return None
        if phrase.lower() in PRONOUNS:
            return self.last(_gender.of_cue(phrase))
        mentions = self.find(phrase)
        if mentions:
            return mentions[0].name
        words = phrase.split()
        if len(words) == 1 and words[0][:1].isupper():
            return self.by_surname(_clean_token(words[0])) or _clean_token(words[0])
        return self.by_title(phrase)
