"""Quotations inside a paragraph: narration and quote runs, and who speaks each quote.

Recognizes straight and curly double quotes, « », „ “, dash-led direct speech (`— … ," X said`, and the
Russian `— …, — сказал он.` form), and quotations that fill a whole paragraph. Quotes of three words or
fewer that are not a clause ("ultimatum", "red lines") are scare quotes and stay narration.
No I/O here; linear in the paragraph's length.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import sentences
from ..model import Block, Gender, Role, Run
from . import gender as _gender
from .chrome import word_count
from .people import ACCORDING, BODY_NOUNS, PRONOUNS, SPEECH_VERBS, Mention, People, is_label_name
from . import compiled
from .verbs import CS_PAST, DOCUMENTS, GERMAN_VERBS, PT_ONLY, QUOTING

__all__ = ["presented_speaker", "Piece", "split_quotes", "heading_pieces", "quoted_words", "echo_speakers", "attribute", "attribute_with_cues", "is_attributed_speech", "reported_speaker", "is_bridge", "is_dash_question"]

_DASH_LEAD = compiled.regex(r"^\s*(?:[—–]\s*|-\s+)(?=\S)")
_WORD = compiled.regex(r"[^\W_]+(?:['’-][^\W_]+)*")
# Pages mix their marks ("… ostentaba”, “… objetivos“): a straight mark may close a curly one and back.
_CLOSERS = {"“": "”\"", "«": "»", "„": "“”\"", '"': '"”'}
# A closing mark used to open (`que ”es cuando …`), or an opening one used to close (`objetivos“.`).
_CLOSER_OPENING = compiled.regex(r"(?:(?<=^)|(?<=[\s(\[]))”(?=\w)")
_OPENER_CLOSING = compiled.regex(r"(?<=[\w.,!?…])“(?=[\s.,;:!?)]|$)")
# Typesetters differ on the space before the dash: "…,— начал он.— …" as well as "…, — начал он. — …".
# Spanish sets the dash against the words it opens: "—No vamos a ceder —dijo Pérez—. Tampoco …".
# Portuguese drops the comma: "— Fizemos um grande jogo — disse o treinador."
_RU_ATTRIBUTION = compiled.regex(r"(?:([,!?…](?:\.{1,2})?)\s*[—–]\s*|(?<=\w)\s[—–]|(?<=\w)\s[—–]\s+(?=(?:"
                             + SPEECH_VERBS + r")\b))(?=[a-zà-ÿа-яё])")
_COMMA = compiled.regex(r"[,!?…]\s+")
_RU_RESUME = compiled.regex(r"(?:[.:!?…,]\s*[—–]|(?<=\w)[—–]\s*[.,;:]?)\s*")
_VERB = compiled.regex(rf"\b(?:{SPEECH_VERBS})\b", re.I)
_AFTER_WHO_VERB = compiled.regex(
    rf"^[\s,.;:!?—–-]*(?P<who>(?:[\w’'.-]+\s+){{0,4}}?[\w’'.-]+)\s+"
    rf"(?:(?:also|then|later|again|once|has|had|was|further|firmly|quietly|simply)\s+)?(?:{SPEECH_VERBS})\b",
    re.I,
)
_AFTER_VERB_WHO = compiled.regex(rf"^[\s,.;:!?—–-]*(?:{SPEECH_VERBS})\s+(?P<who>[^,.;:!?()]{{1,80}})", re.I)
# German "…", so der Endokrinologe. / "…", so Aberle.
_NAME_PARTICLES = {"de", "del", "da", "do", "dos", "das", "van", "von", "der", "la", "le", "di", "du", "bin", "al"}
_ACCORDING = compiled.regex(rf"\b(?:{ACCORDING})\b", re.I)
_TERM_BEFORE = compiled.regex(
    r"(?:^|[\s(])(?:the|a|an|this|these|those|its|their|his|her|our|so-called|la|el|los|las|le|les|un|une|una|"
    r"del|al|do|da|dos|das|du|des|au|aux|"
    r"unos|unas|der|die|das|den|dem|des|ein|eine|einen|einem|einer|o|os|as|um|uma|sogenannte[nmrs]?|"
    r"so\s+genannte[nmrs]?|llamad[oa]s?|denominad[oa]s?|dit|dite|dits|dites|soi-disant|chamad[oa]s?|"
    r"так\s+называем\w+|tzv\.|takzvan\w+)\s*$", re.I)
# Words that give a name, a title or a nickname to what follows in marks: the quoted words are that
# name, not speech ("dubbed "the Tuesday Club"", "a book titled "…"", "le projet baptisé « … »").
_NAMING = compiled.regex(
    r"(?:^|[\s(])(?:so-called|dubbed|nicknamed|known\s+as|(?:en)?titled|branded\s+as|"
    r"the\s+(?:words?|term|phrase|expression|slogan|hashtag|motto|label|headline)|"
    r"sogenannte[nmrs]?|so\s+genannte[nmrs]?|namens|betitelt|mit\s+dem\s+(?:Titel|Namen|Motto)|"
    r"(?:das|dem)\s+(?:Wort|Stichwort|Schlagwort)|(?:der|den|dem)\s+(?:Begriff|Ausdruck|Spitzname[n]?)|"
    r"baptisée?s?|surnommée?s?|intitulée?s?|le\s+(?:mot|terme|slogan)|l['’]expression|"
    r"apodad[oa]s?|titulad[oa]s?|bautizad[oa]s?|conocid[oa]s?\s+como|la\s+(?:palabra|expresión)|el\s+(?:término|lema)|"
    r"apelidad[oa]s?|intitulad[oa]s?|batizad[oa]s?|conhecid[oa]s?\s+como|a\s+(?:palavra|expressão)|o\s+termo|"
    r"под\s+названием|прозванн\w+|слово|zvan\w+|nazvan\w+|slovo|přezdív\w+|"
    r"(?:nombr|nomin|denomin|llam|bautiz|conoc|cham|batiz|apelid|intitul|titul)\w*\s+como|"
    # "lo que llamas “…”", "o que chamam de “…”": what someone calls a thing is its name.
    r"lo\s+que\s+llam\w+|o\s+que\s+cham\w+(?:\s+de)?|(?:le|lo|la|les)\s+llam(?:o|a|as|an|amos|aba|aban|ó)|"
    r"(?:o|a|os|as)\s+cham(?:o|a|am|amos|ava|ou)\s+de)\s*$", re.I)
# The kind of work, programme or body right before the marks: what follows is its title or name
# ("the film "…"", "das Buch „…“", "la campagne « … »", "компания «…»").
_WORK = compiled.regex(
    r"(?:^|\s)(?:film|movie|book|novel|series|show|song|album|play|documentary|programme|program|campaign|"
    r"initiative|project|operation|app|podcast|exhibition|headline|column|essay|study|poem|opera|hashtag|"
    r"Film|Buch|Roman|Serie|Sendung|Lied|Song|Album|Stück|Theaterstück|Dokumentation|Doku|Programm|Kampagne|"
    r"Initiative|Projekt|Aktion|Operation|App|Podcast|Ausstellung|Schlagzeile|Kolumne|Studie|Gedicht|Oper|"
    r"Titel|Motto|Slogan|Hashtag|Verein|Bündnis|Firma|Zeitung|Zeitschrift|"
    r"livre|roman|série|émission|chanson|pièce|documentaire|programme|campagne|projet|opération|application|"
    r"exposition|tribune|poème|titre|association|collectif|journal|magazine|"
    r"película|libro|novela|serie|programa|canción|álbum|obra|documental|campaña|proyecto|operación|"
    r"aplicación|exposición|columna|poema|título|asociación|plataforma|diario|revista|"
    r"filme|livro|romance|série|canção|música|peça|documentário|campanha|projeto|operação|aplicativo|"
    r"exposição|coluna|título|associação|jornal|revista|"
    r"фильм\w*|книг\w*|роман\w*|сериал\w*|программ\w*|песн\w*|альбом\w*|спектакл\w*|проект\w*|"
    r"операци\w*|выставк\w*|компани\w*|организаци\w*|движени\w*|фонд\w*|газет\w*|журнал\w*|"
    r"агентств\w*|издани\w*|телеканал\w*|"
    r"film\w*|knih\w*|seriál\w*|pořad\w*|písn\w*|projekt\w*|operac\w*|kampa\w*|společnost\w*|"
    r"hnutí|spolek|spolku|deník\w*|časopis\w*)"
    # "la peça teatral “…”", "el programa televisivo “…”": one adjective may follow the kind of work.
    r"(?:\s+[a-zà-ÿ]+(?:al|ar|ic[oa]|iv[oa]|ári[oa]|ari[oa]|ense))?\s*$")
# "a group called "…"", "un film appelé « … »": a name. "which he called "…"" is someone's words.
_CALLED = compiled.regex(r"(?:^|\s)(?P<noun>[\w’'-]+)\s+(?:called|named|appelée?s?|llamad[oa]s?|chamad[oa]s?|genannte?[nmrs]?)\s*$",
                     re.I)
_NOT_NOUNS = {"he", "she", "they", "we", "i", "you", "it", "who", "which", "that", "also", "publicly", "once",
              "il", "elle", "ils", "on", "qui", "que", "él", "ella", "ele", "ela", "er", "sie", "es", "wir", "man"}
_SO = compiled.regex(r"^[\s,;—–-]*so\s+(?=[A-ZÄÖÜ]|(?:der|die)\s)")
_ARTICLE_WORDS = {"the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "l'", "l’", "der", "die", "das", "den",
                  "dem", "des", "o", "os", "as", "un", "une", "una", "um", "uma", "ein", "eine", "his", "her", "its",
                  "their", "su", "sa", "son", "seu", "sua", "sein", "seine", "ihr", "ihre", "this", "that", "este",
                  "esta", "ese", "esa", "aquel", "aquella", "ce", "cet", "cette", "dieser", "diese", "dieses", "esse",
                  "essa", "tento", "tato", "toto", "ten", "ta", "этот", "эта", "тот", "та"}
_SO_WHO = compiled.regex(r"^[\s,;—–-]*so\s+(?P<who>(?:der|die)\s+[\w-]+|[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)")
_ACCORDING_PRONOUN = compiled.regex(
    r"\b(?:según|selon|segundo|podle|laut|d['’]après)\s+(él|ella|lui|elle|ele|ela|něj|něho|ní|ihm|ihr)\b"
    r"|\bпо\s+(его|её|ее)\s+(?:словам|мнению|данным)|\b(ihm|ihr|seinen|ihren)\s+(?:Worten\s+)?zufolge\b", re.I)
_FEMININE_PRONOUNS = {"ella", "elle", "ela", "ní", "ihr", "ihren", "её", "ее"}
_ZUFOLGE = compiled.regex(r"(?P<who>(?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+zufolge\b")
_FOR_WHO = compiled.regex(r"(?:^|[.;,]\s*)(?:para|pour|for|für)\s+(?P<who>[^,.;:!?]{2,60}),", re.I)
# A lead-in that names no subject before its verb ("se listu Washington Post svěřil:", "como diría en
# whatsapp"): in languages that drop the pronoun, the verb's own person speaks.
_PLURAL_PRONOUNS = compiled.regex(r"\b(?:they|we|ils|elles|nous|wir|они|мы|ellos|ellas|nosotros|eles|elas|nós|oni|my)\b", re.I)
_ACCORDING_WHO = compiled.regex(rf"\b(?:{ACCORDING})\s+(?P<who>[^,.;:!?()]{{1,60}})", re.I)
# A speech verb within two words: "Lira disse", "Varga then told".
_THEN_VERB = compiled.regex(rf"\s*(?:\w+\s+){{0,2}}?(?:{SPEECH_VERBS})\b", re.I)
# The same after an aside: "Antonia Martínez, aseguró", "Abu Hassan Amer, 44, agreed", "X (AfD) sagte".
_ASIDE_THEN_VERB = compiled.regex(
    rf"\s*(?:,[^,.;:!?]{{0,80}},|,|\([^()]{{0,40}}\))?\s*(?:[\w’'-]+\s+){{0,2}}?(?:{SPEECH_VERBS})\b", re.I)
# "comentó el de Red Bull": the one introduced with Red Bull in their title.
_VERB_THE_ONE_OF = compiled.regex(
    r"[\s,.;:!?—–-]*(?:" + SPEECH_VERBS + r")\s+(?:el|la)\s+de\s+(?P<what>[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*)*)",
    re.I)
_VERB_ONLY = compiled.regex(rf"^[\s,.;:!?—–-]*(?:{SPEECH_VERBS})(?:(?:-t)?-(?:il|elle|on))?\b", re.I)
_INDEFINITE = compiled.regex(
    r"^(?:one|another|someone|somebody|a|an|some|un|una|uno|um|uma|une|ein|eine|einer|кто-то|один|одна|"
    r"jeden|jedna|někdo)\b", re.I)
# An indefinite subject after an inverted verb ("ajoute un proche de X", "sagte eine Sprecherin"); "a" is
# left out, being a preposition in Romance languages ("pidió a la población").
_SOMEONE = compiled.regex(r"^(?:un|une|uno|una|um|uma|ein|eine|einer|one|someone|another)\b", re.I)
_DEMONSTRATIVE = compiled.regex(r"(este|esta|ese|esa|aquel|aquella|cet|cette|ce|dieser|diese|this|that|esse|essa)\s+"
                            r"([\w-]+)", re.I)
_FEMININE_DEMONSTRATIVES = {"esta", "esa", "aquella", "cette", "diese", "essa"}
_ROLE_OF = compiled.regex(r"(?:(?:el|la|le|l['’]|the|der|die|o|a)\s*)?([\w-]+)\s+(?:de|del|d['’]|of|von|des|du|da|do)\s*",
                      re.I)
_WORDS_OF = compiled.regex(
    r"\b(?:phrase|propos|mots|paroles|déclaration|cri du cœur|cri|words|remarks|comments|palabras|declaraciones|frase|"
    r"Worte|Aussage|Äußerung|palavras|declarações|слова)\s+(?:de|d['’]|of|del|von|des|du|do|da|de la)\s*", re.I)
_INNER_CUE = compiled.regex(
    rf"(?P<pre>[,!?…])\s+(?:[—–]\s+)?(?P<cue>(?:{SPEECH_VERBS})(?:-t-(?:il|elle|ils|elles))?\b"
    # "…, disse que se, ao final do meu mandato, …": a verb with its "that" clause is the speaker's own
    # narration inside the quotation, not an attribution.
    rf"(?!\s+(?:que|that|qu['’]|dass|že|что)\b)[^.;!?«»“”„\"]{{0,120}}?)"
    rf"(?:[.,]\s+(?:[—–]\s+)?(?=[A-ZÀ-ÞА-ЯЁ])|\.?\s*$)",
)
_ROLE_WORDS = compiled.regex(
    r"\b(?:mandatari[oa]|president[ea]?|vicepresident[ea]|senador[a]?|minist(?:ro|ra|re|er)|titular|"
    r"secretari[oa]|mayor|mayor[a]?|alcalde|sénateur|député|deputad[oa]|governador[a]?|gouverneur|"
    r"спортсмен\w*|мэр\w*|юрист\w*|министр\w*|президент\w*|глава|губернатор\w*|"
    r"senator\w*|minister|mayor|spokes\w+|official|chief|coach|judge|ministr\w*|mluvčí|předsed\w+)\b", re.I)
_CLAUSE_BREAK = compiled.regex(r"[;,]\s+(?:but|and|yet|pero|y|mais|et|aber|und|doch|mas|e|ale|a|но|а|и)\s+", re.I)
# Where the subject after an inverted verb ends and its object begins: "sagte Allendorf der Frankfurter
# Allgemeinen", "said Ms Grady to the BBC", "dijo Scott al diario", "quoted White as saying".
_OBJECT = compiled.regex(
    r"(?<!\bvon)(?<!\bvan)(?<!\bde)\s+(?:der|dem|den|des|to|the|as|in|im|on|at|al|à|au|aux|ao|à|na|no|em|en|bei|"
    r"vor|gegenüber|zu|zur|zum|dans|sur|lors|durante|during|after|après|nach|после|в|на|для|изданию|агентству|"
    r"por|con|que|who|qui|which|pour|par|avec|with|by|from|für|mit|über|com|pelo|pela|který|která|что|который|"
    r"которая|während|pendant|en)\s+")
# "diz o comunicado do STF", "the statement from the ministry said", "говорится в сообщении Минобороны".
_DOCUMENT = compiled.regex(
    rf"^(?:(?:the|a|an|el|la|los|las|le|les|l['’]|un|une|una|o|os|as|um|uma|der|die|das|des|dem|den|ein|eine|einer|"
    rf"einem|in|im|en|na|no|em|dans|в|во|its|his|her|their|su|sa|son|seu|sua|ihrer|seiner)\s*)*"
    rf"(?:{DOCUMENTS})\b(?P<rest>.{{0,80}})", re.I)
# Where an attribution clause ends: a stop that is not an abbreviation's ("a affirmé M. Peskov", "said
# Dr. Ruth Ngata", "dijo la Sra. Gómez") or a single initial's ("John F. Kennedy").
_ABBREVIATION_END = compiled.regex(
    r"(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\bMlle)(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bProf)(?<!\bSt)(?<!\bSr)"
    r"(?<!\bSra)(?<!\bHr)(?<!\bFr)(?<!\bIng)(?<!\bMgr)(?<!\bgen)(?<!\bGen)(?<!\bdr)(?<!\bProf)(?<!\bmed)(?<!\bphil)"
    r"(?<!\bnat)(?<!\bjur)(?<!\bDipl)(?<!\bMUDr)(?<!\bJUDr)(?<!\bPhDr)(?<!\bdoc)(?<!\b[A-ZÀ-ÞА-ЯЁ])[.;!?]")
# Plural forms of verbs of saying: dijeron, afirmaram, sagten, ont déclaré, expliquent, заявили, řekli.
_PLURAL_VERB = compiled.regex(r"(?:aron|ieron|eron|aram|eram|iram|ten|ent|ли|li|ly|^ont\s.*|^se sont\s.*)$")
_FROM_ORG = compiled.regex(
    r"\b(?i:aus|desde|from|du côté d[eu]|z|ze|из|из-под)\s+(?:(?:dem|der|den|el|la|los|las|the|l['’]|del)\s+)?"
    r"(?P<org>[A-ZÀ-ÞÄÖÜА-ЯЁ][\w’'-]+(?:\s+(?:de\s+|del\s+|der\s+|des\s+)?[A-ZÀ-ÞÄÖÜА-ЯЁ][\w’'-]+)*)")
_CONNECTOR_WORDS = {"de", "del", "da", "do", "des", "du", "of", "der", "von", "für"}
_JOURNALIST = compiled.regex(r"\b(?:journalist\w*|jornalista|periodista|journaliste|novinář\w*|журналист\w*|reporter\w*|"
                         r"repórter|entrevistador\w*|interviewer)\b", re.I)
_DOCUMENT_WORD = compiled.regex(rf"\b(?:{DOCUMENTS})\b", re.I)
_QUOTING_WHO = compiled.regex(rf"^[\s,.;:!?—–-]*(?:{QUOTING})\s+(?P<who>[^,.;:!?()]{{1,80}})", re.I)
_ORG_RUN = compiled.regex(
    r"[A-ZÀ-ÞА-ЯЁ][\w’'.-]*(?:\s+(?:(?:de|del|da|do|des|du|of|the|für|la|los|y|e|and)\s+)*[A-ZÀ-ÞА-ЯЁ][\w’'.-]*)*")
_PERSON_PRONOUNS = {"he": "he", "she": "she", "him": "he", "his": "he", "her": "she", "lui": "il", "ihm": "er",
                    "ihn": "er", "его": "он", "ему": "он", "ей": "она", "её": "она", "ее": "она", "ele": "ele",
                    "ela": "ela", "él": "él", "ella": "ella", "il": "il", "elle": "elle", "er": "er", "sie": "sie",
                    "он": "он", "она": "она", "ona": "ona"}
# After a verb, a phrase that starts like this is not its subject ("tiró en alusión a …").
_PREPOSITION = compiled.regex(
    r"(?:en|a|al|con|por|para|sobre|desde|tras|à|au|aux|dans|sur|pour|par|avec|lors|in|on|at|to|about|with|"
    r"after|during|em|no|na|ao|com|pelo|pela|в|во|на|о|об|с|со|по|после|im|auf|mit|über|zu|zur|zum|nach|bei|"
    r"vor|v|ve|o|s|se|při|k|ke|po|podle|laut|according|selon|según|segundo|tras|após|nach)\b", re.I)
# Titles, nicknames and scare quotes left in narration name no one ("Once Upon A Time in Hollywood").
_QUOTED = compiled.regex(r"“[^“”]{1,120}”|«[^«»]{1,120}»|„[^„“”]{1,120}[“”]|\"[^\"]{1,120}\"|»[^«»]{1,120}«")
# A name in marks with an apposition after it introduces someone by the name the page gives them
# ("“Maritza”, una estudiante que prefiere omitir su nombre, …", "« Karim », 40 ans, chauffeur"): a person.
# A quotation in the first person ("I", "we", "je", "nous", "ich", "wir", "yo", "eu", "já", "я", "мы"):
# testimony speaks for itself. English "I" only in capitals: "i" is a word of Spanish and Czech too.
_FIRST_PERSON = compiled.regex(
    r"\bI\b|\b(?i:I['’]m|my|me|we|our|us|j['’](?=\w)|je|moi|mon|ma|mes|nous|notre|nos|ich|mich|mir|mein\w*|wir|uns|unser\w*|"
    r"yo|mi|mis|nosotros|nosotras|nuestr\w+|eu|meu|minha|nós|noss[oa]s?|já|mě|mně|můj|moje|nás|naš\w+|"
    r"я|меня|мне|мой|моя|мы|нас|наш\w*)\b")
# An apposition after a name: an age or a description, not a relative clause ("…, quien está aprehendido").
_PRESENTED_AFTER = compiled.regex(
    r",\s+(?!(?:who|whose|which|that|quien|quienes|cuyo|cuya|que|qui|dont|lequel|laquelle|quem|cujo|cuja|"
    r"der|die|das|dessen|deren|welche[rs]?|který|která|které|jenž|již|который|которая|которые|чей)\b)(?:\d|[^\W\d_])")
# One word of a label in capitals: letters, with an apostrophe or a hyphen inside ("O’BRIEN", "PETERSON-WITHORN").
_LABEL_WORD = compiled.regex(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PSEUDONYM = compiled.regex(r"[“«„\"»]\s?(?P<name>[A-ZÀ-ÖØ-ÞА-ЯЁČŘŠŽĽ][\w’'-]+(?:\s[A-ZÀ-ÖØ-ÞА-ЯЁČŘŠŽĽ][\w’'-]+)?)\s?[”»“\"«],"
                            r"(?=\s+(?:\d{1,2}\b|[a-zà-ÿа-яё]))")
_SUBJECT_VERB = compiled.regex(rf"\b(?P<w>[\w’'-]+)\s+(?:[\w’'-]+\s+)?(?:{SPEECH_VERBS})\b", re.I)
# A finite verb makes a quoted phrase a clause someone said ("South Africa was a crumbling disaster"),
# where a scare quote or a nickname is a noun phrase.
_FINITE = compiled.regex(
    r"\b(?:is|was|are|were|has|have|had|will|would|can|could|should|must|does|did|am|"
    r"es|está|están|son|fue|era|eran|ha|han|hay|será|"
    r"est|sont|était|ont|sera|serait|"
    r"ist|sind|war|waren|hat|haben|wird|werden|kann|können|muss|"
    r"é|são|foi|era|tem|têm|há|será|"
    r"je|jsou|byl|byla|bylo|bude|má|"
    r"был|была|было|были|будет|есть)\b", re.I)
_SENTENCE_END = compiled.regex(r"[.!?…](?=\s|$)")
# Words that open a subject noun phrase (not "a", which is also a preposition in Portuguese and Spanish).
# "una fuente … señala que", "un proche du ministre confie :": someone the article does not name.
_INDEFINITES = {"un", "una", "une", "um", "uma", "ein", "eine", "a", "an"}
_SUBJECT_DETERMINERS = {"the", "this", "that", "el", "la", "los", "las", "este", "esta", "ese", "esa", "aquel",
                        "aquella", "le", "les", "ce", "cet", "cette", "der", "die", "das", "dieser", "diese", "o",
                        "os", "as", "esse", "essa", "este", "esta", "tento", "tato", "этот", "эта"} | _INDEFINITES
_AGED_WORD = compiled.regex(r"\d+-[Jj]ährige[rn]?")
_DETERMINER_GENDER = {
    **dict.fromkeys(("la", "esta", "esa", "aquella", "cette", "essa", "tato", "эта"), Gender.FEMALE),
    **dict.fromkeys(("el", "este", "ese", "aquel", "le", "ce", "cet", "o", "esse", "tento", "этот"), Gender.MALE),
}
# German articles tell a noun's gender only in the singular nominative: "der 48-Jährige", "die 32-Jährige".
_GERMAN_ARTICLE_GENDER = {"der": Gender.MALE, "die": Gender.FEMALE}
_CLAUSE_CONJUNCTIONS = {"and", "but", "y", "e", "pero", "et", "mais", "und", "aber", "mas", "a", "ale", "и", "но"}
_MOTTO = compiled.regex(
    r"\b(?:motto|slogan|devise|lema|leitspruch|wahlspruch|inschrift|aufschrift|inscription|inscripción|"
    r"banderole|banner|pancarta|transparent|schild|cartel|cartaz|faixa|heslo|nápis|девиз|лозунг|надпись)\w*\b",
    re.I)
_CS_FEMININE_VERB = compiled.regex(rf"(?:{CS_PAST})a\b")
_ORG_SUBJECT = compiled.regex(
    r"(?:^|,\s*)(?:(?i:el|la|los|las|the|le|les|l['’]|o|a|os|as|der|die|das)\s*)"
    r"(?P<org>[A-ZÀ-ÞÄÖÜ][\w’'-]*(?:\s+(?:(?:de|del|la|las|los|of|the|des|du|da|do|für)\s+)*[A-ZÀ-ÞÄÖÜ][\w’'-]*)+)"
    r"\s+(?=[a-zà-ÿ])")
# "trecho da justificativa oficial do MPPE": the owner after one to four lower-case words.
_BODY_BEFORE = compiled.regex(
    r"(?:^|[\s,;])(?i:el|la|los|las|o|a|os|as|the|le|les|l['’])\s*"
    r"(?P<org>[A-ZÀ-Þ][\w’'-]*(?:\s+(?:(?:de|del|da|do|dos|das|of|y|e)\s+)*[A-ZÀ-Þ][\w’'-]*)*)"
    r"\s+(?:[a-zà-ÿ]+\s+)?$")
# "Maria Souza, directora de la escuela," - a comma that closes an apposition, not an opening phrase.
_APPOSITION_BEFORE = compiled.regex(r"[A-ZÀ-Þ][\w’'-]+,\s+(?:[\w’'-]+\s+){0,6}[\w’'-]+,\s*$")
_TIME_LEAD = compiled.regex(
    r"^(?:(?:este|esta|ese|esa|nesta|neste|nessa|nesse|el|la|o|a|na|no|en)\s+)"
    r"(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|semana|mes|año|mañana|tarde|noche|"
    r"segunda|terça|quarta|quinta|sexta|manhã|ano|mês|madrugada)(?:-feira)?(?:\s*\(\d+\))?\s*,?\s*", re.I)
_SPEECH_NOUN = compiled.regex(
    r"\b(?:convocação|convocatoria|llamado|llamamiento|apelo|discurso|pronunciamento|pronunciamiento|"
    r"declaração|declaración|desabafo|recado|alerta|advertencia|advertência|mensagem|mensaje)\b", re.I)
_VERB_COLON = compiled.regex(rf"\b(?:{SPEECH_VERBS})\s*:\s*$")
_TRAILING_BODY = compiled.regex(
    r"(?<=\s)(?:el|la|o|a)\s+[A-ZÀ-Þ][\w’'-]*(?:\s+(?:(?:de|del|da|do|dos|das|y|e)\s+)*[A-ZÀ-Þ][\w’'-]*)+\s*$")
_NEW_CLAUSE = compiled.regex(r"(?:[,;]\s*(?:mas|pero|but|mais|aber|y|e|and|et|und)|;)\s*$", re.I)
_RELATIVE = compiled.regex(r"\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:que|quien|quienes|qui|who|which)\b", re.I)
_DOC_WORDS = frozenset(w.split()[0].lower() for w in DOCUMENTS.split("|") if w.replace(" ", "").isalpha())
_NOT_AUTHORS = {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro", "enero", "febrero", "marzo", "mayo", "junio", "julio", "septiembre",
                "octubre", "noviembre", "diciembre", "lei", "ley", "estado", "brasil", "españa", "méxico", "argentina"}
_OWNER = compiled.regex(r"\s*(?:[a-zà-ÿ][\w’'-]*\s+){1,4}?(?:de|del|da|do|of)\s+(?:(?:the|la|el|o|a)\s+)?"
                        r"(?P<org>[A-ZÀ-Þ][\w’'-]*(?:\s+(?:(?:de|del|da|do|dos|das|of|y|e)\s+)*[A-ZÀ-Þ][\w’'-]*)*)")
# "estudo elaborado pela Abradep", "el informe de la Contraloría", "o comunicado divulgado pelo STF": a
# document and its author, for "diz o documento" later.
_DOCUMENT_BY = compiled.regex(
    rf"\b(?i:{DOCUMENTS})\s+(?:[a-zà-ÿ]+\s+){{0,2}}?(?i:por|pela|pelo|de|da|do|del|by|of)\s+(?:(?i:the|la|el|o|a)\s+)?"
    r"(?P<org>[A-ZÀ-Þ][\w’'-]*(?:\s+(?:(?:de|del|da|do|dos|das|of|y|e)\s+)*[A-ZÀ-Þ][\w’'-]*)*)")
# A German body as the subject right before its verb: "und das Ministerium urteilt", "Der Verband schreibt".
_DE_BODY_SUBJECT = compiled.regex(
    rf"(?:^|[,;:]\s*|\b(?:und|auch|doch|aber|Und|Auch|Doch|Aber)\s+)(?P<np>(?:der|die|das|Der|Die|Das)\s+"
    rf"[A-ZÄÖÜ][\wäöüß-]+)\s+(?:{GERMAN_VERBS})\b")
# "ein Sprecher des Innenministeriums", "un porte-parole de la préfecture du Nord", "a spokesman for Acme":
# someone unnamed who speaks for a body (a definite "le porte-parole du ministère" is someone the article
# names, before or after).
_SPOKESPERSON_OF = compiled.regex(
    r"(?:ein|eine|un|une|a|an|um|uma|uno|una)\s+(?:Sprecher(?:in)?|Pressesprecher(?:in)?|"
    r"porte-parole|spokes(?:man|woman|person)|portavoz|vocer[oa]|porta-voz)\s+"
    r"(?P<of>des|der|du|de\s+la|de\s+l['’]|de|d['’]|of\s+the|for\s+the|of|for|del|de\s+los|da|do)\s*"
    r"(?P<org>[A-ZÀ-ÞÄÖÜa-zà-ÿäöüß][\w’'-]*(?:\s+(?:(?:de|du|des|der|of|the|la|del)\s+)?[A-ZÀ-ÞÄÖÜ][\w’'-]*)*)")
# The body a document belongs to, from the words after the document: "des Verbands", "de la CGT".
_DOCUMENT_OF = compiled.regex(
    r"\s*(?P<of>des|der|du|de\s+la|de\s+l['’]|de|d['’]|of\s+the|of|del|da|do)\s*"
    r"(?P<org>[A-ZÀ-ÞÄÖÜ][\w’'-]*(?:\s+(?:(?:de|du|des|der|of|the|la|del)\s+)?[A-ZÀ-ÞÄÖÜ][\w’'-]*)*)")
# A subject noun phrase right after a verb of saying ("sagt der Taxifahrer", "dit le chauffeur", "said the
# driver"); "a" and "o" are left out, being prepositions in Spanish and Portuguese.
_INVERTED_NOUN = compiled.regex(
    r"\s+(?:der|die|das|ein|eine|einer|le|la|l['’]|un|une|el|los|las|una|uno|um|uma|the|an)\s*[\w’'-]+\s*[.,;:!?]?\s*$",
    re.I)
# The German subjunctive of reported speech ("er sei", "es gebe", "sie habe sich"): someone's words retold.
_REPORTED_DE = compiled.regex(
    r"\b(?:sei|seien|habe|werde|könne|müsse|solle|dürfe|wolle|gebe|liege|gelte|stehe|brauche|wisse|bleibe|"
    r"komme|fehle|zeige|entwickle|lasse|gehe)\b")
# Words between an inverted verb and its subject that only place the speaker in the debate.
_ASIDE_FILLER = compiled.regex(
    r"^\s*(?:pour\s+(?:sa|leur)\s+part|de\s+(?:son|leur)\s+côté|quant\s+à\s+(?:lui|elle|eux)|à\s+son\s+tour|"
    r"seinerseits|ihrerseits|ebenfalls|dagegen|hingegen)\s*,?\s*", re.I)
# German verbs of saying split around their subject: "fügte er hinzu", "ließ sie auf X wissen", "stellte
# der Minister klar".
_DE_SEPARABLE = compiled.regex(
    r"^[\s,]*(?:fügte|fügt|ließ|lässt|ließen|stellte|stellt|führte|führt|gab|gibt|merkte|merkt|hielt|hält|"
    r"teilte|teilt|teilten|räumte|räumt|wies|weist)\s+"
    r"(?P<who>[^.;:!?„“\"]{1,80}?)\s+(?:hinzu|wissen|verlauten|klar|aus|zu|an|fest|mit|ein|hin)\b")
# What joins a person to the body they work for: "Konstantin Veit vom Vermögensverwalter Pimco", "Ana Gil,
# de la Fundación X", "Geoff Yu of BNY".
_AFFILIATION = compiled.regex(
    r"\s*,?\s*(?:vom|von\s+der|von|bei\s+der|beim|bei|aus\s+der|of|from|at|du|de\s+la|de\s+l['’]|des|de|del|"
    r"da|do|z|ze)\s+(?:[\w’'-]+\s+){0,3}")
_LEAD_IN_END = compiled.regex(rf"(?:[:,]|\b(?:that|что|que|qu['’]|dass|že|{SPEECH_VERBS}))\W*$", re.I)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a paragraph: narration, or a quotation's words without their marks."""

    text: str
    quote: bool
    raw_before: str = ""
    """For a quote: the paragraph text between the previous piece and this quote, marks included."""
    ends_sentence: bool = False
    """For a quote: its words end with a period, so text after it starts a new sentence."""


def _words(text: str) -> int:
    return len(_WORD.findall(text))


class _Scanner:
    """Finds matching quotation marks; remembers failed searches so hostile input stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.missing: dict[str, int] = {}

    def find(self, chars: str, start: int) -> int:
        best = -1
        for ch in chars:
            if self.missing.get(ch, len(self.text) + 1) <= start:
                continue
            pos = self.text.find(ch, start)
            if pos < 0:
                self.missing[ch] = start
            elif best < 0 or pos < best:
                best = pos
        return best

    def close_of(self, i: int) -> int:
        opener = self.text[i]
        if opener == "«":  # guillemets nest: «… «…» …»
            depth, j = 1, i + 1
            while depth:
                j = self.find("«»", j)
                if j < 0:
                    return -1
                depth += 1 if self.text[j] == "«" else -1
                j += 1
            return j - 1
        if opener == '"':
            return self._straight_close(i)
        return self.find(_CLOSERS[opener], i + 1)

    def _straight_close(self, i: int) -> int:
        """The mark closing a straight quote at `i`. Straight marks nest too, told apart by their
        neighbours: a mark after a space and before a letter opens an inner name ('"… АО "КрасЭКО",
        ОАО "МРСК" не могут …", - говорится'), the next one closes it."""
        text, depth, j = self.text, 0, i + 1
        first = self.find(_CLOSERS['"'], j)
        while True:
            j = self.find(_CLOSERS['"'], j)
            if j < 0 or j - i > 2000:
                # Unbalanced, or too far to be one quotation: the nearest mark, as for other quotes
                # (and a bounded scan keeps a page of stray marks linear).
                return first
            after = text[j + 1 : j + 2]
            if text[j] == '"' and text[j - 1] in " \t(" and after.isalnum():
                depth += 1
            elif depth:
                depth -= 1
            else:
                return j
            j += 1


def _spans(text: str, start: int) -> list[tuple[int, int, int, int]]:
    """(outer start, inner start, inner end, outer end) of each quotation from `start` on."""
    scan = _Scanner(text)
    out: list[tuple[int, int, int, int]] = []
    i = start
    n = len(text)
    while i < n:
        j = scan.find("“«„\"", i)
        if j < 0:
            break
        close = scan.close_of(j)
        if close < 0:
            # An opener never closed at the start of a paragraph or after a colon: the quotation
            # runs to the paragraph's end (multi-paragraph quotes leave it open).
            # So does one that opens a new sentence: '"…," he said. "This goes on' (the next
            # paragraph reopens it).
            ended = text[start:j].rstrip()[-1:] in (".", "!", "?", "…") and text[j + 1 : j + 2].isupper()
            if not text[start:j].strip() or text[:j].rstrip().endswith(":") or ended:
                out.append((j, j + 1, n, n))
                break
            i = j + 1
            continue
        out.append((j, j + 1, close, close + 1))
        i = close + 1
    return out


def _is_title(words: list[str]) -> bool:
    """Title Case with no sentence inside: a work's or an event's title ('Once Upon A Time in Hollywood')."""
    long = [w for w in words if len(w) >= 4]
    return bool(long) and len(words) <= 8 and words[0][:1].isupper() and \
        sum(w[:1].isupper() for w in long) >= max(2, 0.75 * len(long))


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return text[left : right.end() if right else len(text)]


def _is_scare(inner: str, context: str = "", opens_sentence: bool = False, after: str = "",
              before: str = "") -> bool:
    words = _WORD.findall(inner)
    if re.match(r"-[^\W\d_]", after) and not _VERB_ONLY.match(after[1:]) and len(words) <= 6:
        return True  # 'vor seinem "Müll"-Fauxpas': the quoted word is the first part of a compound
    if len(words) <= 12 and _names(before):
        return True  # 'The group, dubbed "the Tuesday Club", said …': a name, whatever verb follows
    if _VERB_ONLY.match(after) and re.match(r"\s*[,—–-]", after) and words:
        return False  # '"Manifestações onde?", questionou Serra': short, but attributed speech
    # A title keeps its comma or period inside the marks in American style: "The Case for Colonialism,",
    # "Harry Potter and the Deathly Hallows — Part 2." at the end of a sentence.
    # German capitalizes nouns ("Relotius schreibt: »Drückt uns die Daumen.«"): a final period is let
    # pass only for three capitalized words or more, and never after a colon.
    capitals = sum(w[:1].isupper() for w in words if len(w) >= 4)
    bare = inner.rstrip(",. ") if capitals >= 3 and not before.rstrip().endswith(":") else inner.rstrip(", ")
    if words and not re.search(r"[.!?…,;:]", bare) and _is_title(words) and len(words) >= 2:
        return True
    # A term after an article or "so-called" is a name for something, not speech: la "cuenta administrada
    # por su familia", the "tip of the iceberg", sogenannte „Fake News“; so is a list in parentheses.
    if len(words) <= 6 and not re.search(r"[.!?…]\W*$", inner.strip()) and _TERM_BEFORE.search(before):
        return True
    # A name or title in sentence case after an article or a preposition's contraction ('el contenido del
    # "Programa para la transformación del trabajo político"', 'ser la "Estrategia Económico-Social."'):
    # a capital, no sentence inside, no verb of saying around.
    if words and len(words) <= 12 and words[0][:1].isupper() and not re.search(r"[.!?…;:]", inner.strip().rstrip(".")) \
            and _TERM_BEFORE.search(before) and context and not _VERB.search(context):
        return True
    if len(words) <= 12 and before.rstrip().endswith("("):
        return True
    # A reference: "Sung Il-kwon, « En Corée, la politique du rayon de soleil », Le Monde diplomatique,
    # juin 2018." - an author, a title, a publication, and no verb of saying.
    if len(words) <= 15 and re.search(r"\w,\s*$", before) and re.match(r"[,.]?\s*,\s*[A-ZÀ-Þ]", after) \
            and context and not _VERB.search(context):
        return True
    if words and (re.match(r"\s*[,—–-]", after) or re.search(r"[,!?]\s*$", inner)) and _AFTER_WHO_VERB.match(after):
        return False  # '“We will win,” he said': short, but attributed speech (the comma inside the marks)
    # A motto, slogan or inscription shown after a colon ("wo das Motto an der Wand hängt: »…«", "bajo
    # el lema: «…»"): words on a wall or a banner, not someone's speech.
    lead = context[: max(0, context.find(inner))]
    if len(words) <= 8 and re.search(r":\W*$", before) and _MOTTO.search(lead) and not _VERB.search(lead):
        return True
    # A short phrase in a sentence that quotes nobody: a scare quote, a nickname, a name. A quotation
    # that opens its sentence and is followed by ", <verb>" is speech ("…", se desligan en …).
    whole_sentence = opens_sentence and len(words) >= 4 and bool(re.match(r"\s*[.!?…]", after))
    # 'o petista afirmou: "O Brasil voltou"': a verb of saying and a colon announce speech, however short.
    if len(words) >= 2 and _VERB_COLON.search(before):
        return False
    # "Para la especialista, "el sistema no funciona"": a view given to a person is their words.
    held = _FOR_WHO.search(lead + ",") if (lead := re.sub(r"[\s,]+$", "", before)) else None
    if held and len(words) >= 3 and (any(People.is_role(w) for w in held.group("who").split())
                                     or held.group("who")[:1].isupper()):
        return False
    if context and not whole_sentence and not (opens_sentence and re.match(r"\s*,\s*[a-zà-ÿа-яё]", after)) and len(words) <= 6 and not re.search(r"[.!?…]\W*$", inner.strip()) and \
            not (len(words) >= 4 and _FINITE.search(inner)) and \
            not _VERB.search(context) and not re.search(rf"\b(?:{ACCORDING})\b", context, re.I) and ":" not in context:
        return True
    if word_count(inner) > len(words):  # CJK: characters, not spaces, make the words
        return word_count(inner) <= 3
    if len(words) <= 3 and not re.search(r"[.!?…]\W*$", inner.strip()) or len(words) <= 2:
        return True
    # A name or title in quotes («Яндекс Переводчик», "The Night Harbour"), not speech.
    return len(words) <= 5 and all(w[:1].isupper() for w in words) and not re.search(r"[.!?,;:]", inner)


def _names(before: str) -> bool:
    """True when the words just before a quotation introduce a name or title ('dubbed', 'a film
    called', 'le projet baptisé'), so the quotation is that name."""
    if _NAMING.search(before) or _WORK.search(before):
        return True
    called = _CALLED.search(before)
    return bool(called) and called.group("noun").islower() and called.group("noun").lower() not in _NOT_NOUNS  # type: ignore[union-attr]


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?…:"


def is_dash_question(text: str) -> bool:
    """True for a paragraph that is a Spanish interviewer's question led by a dash ('—¿Cuál es la
    situación?', '—El Gobierno impulsa una ley, ¿cómo la evalúa?'): speech, by someone unnamed."""
    return bool(_DASH_LEAD.match(text)) and "¿" in text and text.rstrip().endswith("?")


def _dash_speech(text: str, introduced: bool = False) -> tuple[list[tuple[int, int, int, int]], int]:
    """Spans of dash-led direct speech at the paragraph start, and where normal scanning resumes.

    A dash also leads list items ("- Schools stay shut"), sign-offs and credits: the paragraph is
    speech only when a verb of saying attributes it ("— Речь, — сказал он", "—No —dijo Pérez—",
    "— Speech," X said) or when `introduced` (the paragraph before ended with a colon, or was dash
    speech itself: a dialogue goes on).
    """
    lead = _DASH_LEAD.match(text)
    if not lead:
        return [], 0
    begin = lead.end()
    # "— On travaille ici depuis trente ans, dit-il en souriant.": the verb follows a comma, no dash.
    introduced = introduced or any(_VERB.match(text, m.end()) for m in _COMMA.finditer(text, begin))
    # "—¿Cuál es la situación con los precios?": a Spanish interview's question, asked aloud.
    introduced = introduced or is_dash_question(text)

    def attributed(after: int) -> bool:
        return introduced or bool(_VERB.search(text, after, after + 80))

    # `— Speech …," X said.` : an odd straight quote (or a lone closer) ends the speech.
    if text.count('"') % 2 == 1:
        close = text.find('"', begin)
        return ([(0, begin, close, close + 1)], close + 1) if attributed(close + 1) else ([], 0)
    for closer, opener in (("”", "“"), ("»", "«")):
        close = text.find(closer, begin)
        if close >= 0 and opener not in text[begin:close]:
            return ([(0, begin, close, close + 1)], close + 1) if attributed(close + 1) else ([], 0)
    # `— Речь, — сказал он. — Ещё речь.` : dashes alternate speech and attribution.
    spans: list[tuple[int, int, int, int]] = []
    pos = begin
    said = introduced
    while pos < len(text):
        attribution = _RU_ATTRIBUTION.search(text, pos)
        if not attribution:
            spans.append((pos, pos, len(text), len(text)))
            break
        said = said or attributed(attribution.end())
        speech_end = attribution.start(1) + 1 if attribution.group(1) else attribution.start()
        spans.append((pos, pos, speech_end, attribution.end()))
        resume = _RU_RESUME.search(text, attribution.end())
        if not resume:
            return (spans, attribution.end()) if said else ([], 0)
        pos = resume.end()
    return (spans, len(text)) if said else ([], 0)


def _clean_narration(text: str) -> str:
    text = re.sub(r"^[\s,;:.!?—–-]+", "", text)
    return re.sub(r"[\s:—–-]+$", "", text).strip()


def _clean_quote(text: str) -> str:
    text = re.sub(r"^[\s—–-]+", "", text)
    return re.sub(r"[\s,;:—–-]+$", "", text).strip()


def split_quotes(text: str, introduced: bool = False) -> list[Piece]:
    """The paragraph as narration and quote pieces, in order; scare quotes stay in narration.

    `introduced`: the paragraph before announced speech (it ended with a colon, or was dash-led
    speech), so a paragraph led by a dash is speech even with no verb of saying in it.
    """
    dash_spans, resume = _dash_speech(text, introduced)
    # German and Czech print »…« with the marks turned the other way: scan a mirrored copy.
    first_open, first_close = text.find("«"), text.find("»")
    scan = text.translate(str.maketrans("«»", "»«")) if first_close >= 0 and (first_open < 0 or first_close < first_open) \
        else text
    scan = _CLOSER_OPENING.sub("“", scan)
    if "„" not in scan:  # German „…“ closes with “ by rule
        scan = _OPENER_CLOSING.sub("”", scan)
    found = _spans(scan, resume)
    spans = dash_spans + [s for s in found
                          if not _is_scare(text[s[1] : s[2]], _sentence_around(text, s[0], s[3]),
                                           _opens_sentence(text, s[0]), text[s[3] : s[3] + 40],
                                           text[max(0, s[0] - 30) : s[0]])]
    pieces: list[Piece] = []
    pos = 0
    for outer_start, inner_start, inner_end, outer_end in spans:
        between = text[pos:outer_start]
        narration = _clean_narration(between)
        if any(c.isalnum() for c in narration):
            pieces.append(Piece(narration, quote=False))
        raw = text[inner_start:inner_end].rstrip()
        # An attribution inside the marks: « …, affirme-t-elle. … » / «…, — объясняет юрист. — …»
        inner_cue = _INNER_CUE.search(raw)
        if inner_cue and any(c.isalnum() for c in raw[: inner_cue.start()]):
            first = _clean_quote(raw[: inner_cue.start("pre") + 1])
            pieces.append(Piece(first, quote=True, raw_before=between))
            pieces.append(Piece(inner_cue.group("cue"), quote=False))
            between, raw = "", raw[inner_cue.end() :]
        quote = _clean_quote(raw)
        if any(c.isalnum() for c in quote):
            pieces.append(Piece(quote, quote=True, raw_before=between, ends_sentence=raw.endswith(".")))
        pos = outer_end
    tail = _clean_narration(text[pos:])
    if any(c.isalnum() for c in tail):
        pieces.append(Piece(tail, quote=False))
    return pieces


# Headlines print quotations in single marks ("'We want to get to the end of AIDS,' researcher says"):
# an opening mark after a space or the line start, a closing one before a space, a stop or the end.
# An apostrophe between letters ("won't") is neither.
_SINGLE_SPAN = compiled.regex(r"(?:^|(?<=[\s(\[—–-]))['‘](?=\w)([^'‘’\n]*?(?:\w['’]\w[^'‘’\n]*?)*[\w.,!?…])['’](?=$|[\s,.;:!?)\]—–-])")
# A headline that gives a person's words after their name and a colon, the one addressed between
# ("Scholz an Putin:", "Macron aux agriculteurs :", "Biden to Congress:").
_HEADLINE_SAYS = compiled.regex(
    r"^\s*(?P<who>[A-ZÀ-ÞÄÖÜ][\w’'.-]*(?:\s+(?:de|von|van|da|del|du|le|la)?\s*[A-ZÀ-ÞÄÖÜ][\w’'.-]*){1,3}"
    r"(?:\s+(?:an|zu|über|gegen|à|aux|au|sur|contre|to|on|about|a|sobre|contra|para)\s+[^:„“\"«»]{1,40}?)?)"
    r"\s*:\s*(?=[„“\"«»])")
_DOUBLE_MARKS = compiled.regex(r"[\"“”«»„]")
_QUOTATION = compiled.regex(r"“([^“”]{1,2000})”|«([^«»]{1,2000})»|„([^„“”]{1,2000})[“”]|\"([^\"]{1,2000})\"|»([^«»]{1,2000})«")


def quoted_words(text: str) -> str:
    """The words of every quotation in `text`, lower-cased and space-separated with a space at both
    ends, for `heading_pieces` to tell a headline that repeats one of them."""
    found = (next(g for g in m.groups() if g is not None) for m in _QUOTATION.finditer(text))
    return " " + " ".join(" ".join(_WORD.findall(q.lower())) for q in found) + " "


def heading_pieces(text: str, quoted: Callable[[], str]) -> list[Piece] | None:
    """A headline or subheading that carries a quotation, as narration and quote pieces; None when it
    carries none. A quotation counts when the line attributes it ('"…", diz Temer', "'…,' top HIV
    researcher says", "Schubert: \"…\"") or when it repeats words the article quotes (a pull quote:
    "Künstliche Intelligenz in der Schule – „Sie werden schneller und erfolgreicher“"). Titles of
    works, names and short scare quotes stay narration. `quoted` gives `quoted_words` of the article,
    read only for a headline with a quotation in it.
    """
    if not _DOUBLE_MARKS.search(text):
        text = _SINGLE_SPAN.sub(lambda m: f"“{m.group(1)}”", text)
    if not _DOUBLE_MARKS.search(text):
        return None
    if is_attributed_speech(text):
        return split_quotes(text)
    said = _HEADLINE_SAYS.match(text)
    if said:
        # "Ricarda Lang an FDP: „Niemand glaubt Euch“": a name, whom it is addressed to, a colon and
        # the words, short as they are.
        found = _spans(text, said.end())
        if len(found) == 1 and len(_WORD.findall(text[found[0][1] : found[0][2]])) >= 2 \
                and not text[found[0][3] :].strip(" .!?…"):
            return [Piece(said.group("who"), quote=False),
                    Piece(_clean_quote(text[found[0][1] : found[0][2]]), quote=True, raw_before=text[: found[0][0]])]
    pieces: list[Piece] = []
    pos = 0
    for outer_start, inner_start, inner_end, outer_end in _spans(text, 0):
        inner = text[inner_start:inner_end]
        words = _WORD.findall(inner.lower())
        before = text[max(0, outer_start - 30) : outer_start]
        if len(words) < 4 or _is_title(_WORD.findall(inner)) or _names(before) \
                or f" {' '.join(words)} " not in quoted():
            continue
        narration = _clean_narration(text[pos:outer_start])
        if any(c.isalnum() for c in narration):
            pieces.append(Piece(narration, quote=False))
        pieces.append(Piece(_clean_quote(inner), quote=True, raw_before=text[pos:outer_start]))
        pos = outer_end
    if not pieces:
        return None
    tail = _clean_narration(text[pos:])
    if any(c.isalnum() for c in tail):
        pieces.append(Piece(tail, quote=False))
    return pieces


def echo_speakers(blocks: list[Block]) -> list[Block]:
    """A quotation the article prints twice (a headline or a pull quote repeating words quoted in
    the text) and attributes only once is the same person's: the unattributed copy takes the
    speaker of the attributed one whose words contain it."""
    said = [(" " + " ".join(_WORD.findall(run.text.lower())) + " ", run.speaker)
            for block in blocks for run in block.runs if run.role is Role.QUOTE and run.speaker]
    if not said:
        return blocks
    # One string and one search per unattributed quote keeps a page of many quotes linear.
    joined = "\n".join(text for text, _ in said)
    starts = list(itertools.accumulate((len(text) + 1 for text, _ in said), initial=0))
    out: list[Block] = []
    for block in blocks:
        runs = list(block.runs)
        for i, run in enumerate(runs):
            if run.role is not Role.QUOTE or run.speaker:
                continue
            words = _WORD.findall(run.text.lower())
            at = joined.find(" " + " ".join(words) + " ") if len(words) >= 4 else -1
            if at >= 0:
                who = said[bisect.bisect_right(starts, at) - 1][1]
                runs[i] = dataclasses.replace(run, speaker=who, cue="the same words quoted in the article")
        out.append(dataclasses.replace(block, runs=tuple(runs)))
    return out


def is_attributed_speech(text: str) -> bool:
    """True for a line that quotes someone with a verb of saying (`« … », a-t-il souligné`, `"…",
    indicó el senador Rick Scott`): speech, even when it is short enough to look like a heading."""
    pieces = split_quotes(text)
    if len(pieces) == 2 and pieces[1].quote and pieces[1].raw_before.rstrip().endswith(":") \
            and re.fullmatch(r"(?:[A-ZÀ-ÞА-ЯЁ][\w’'.-]*\s*){2,4}", pieces[0].text):
        return True  # "Emmanuel Macron : « La France sera au rendez-vous »": a name, a colon, their words
    return any(p.quote for p in pieces) and any(
        not p.quote and (_VERB.search(p.text) or _ACCORDING.search(p.text)) for p in pieces)


def _subject(sentence: str, people: People) -> str | None:
    """Who a lead-in sentence is about: 'according to X', a name before a speech verb, else the first person."""
    pronoun = _ACCORDING_PRONOUN.search(sentence)
    if pronoun:  # "Según ella,", "По его словам,", "Podle něj", "Ihren Worten zufolge"
        word = next(g for g in pronoun.groups() if g).lower()
        return people.last(Gender.FEMALE if word in _FEMININE_PRONOUNS else Gender.MALE)
    zufolge = _ZUFOLGE.search(sentence)
    if zufolge:  # "Scholz zufolge", "dem Minister zufolge": the name comes first in German
        found = people.find(zufolge.group("who"))
        who = found[-1].name if found else people.by_title(zufolge.group("who"))
        if who:
            return who
    source = _FROM_ORG.search(sentence)
    if source and _VERB.search(sentence[source.end() :]) and not people.find(source.group("org")):
        # "Aus dem Schulministerium heißt es", "Desde la Plataforma aseguran": the body speaks.
        return source.group("org")
    holder = _holder(sentence, people)
    if holder:  # "Para el ministro, «…»", "Pour Laurent Berger, « … »": the view is theirs
        return holder
    according = list(_ACCORDING_WHO.finditer(sentence))
    if according and according[-1].group("who").strip():
        phrase = according[-1].group("who")
        head = _head(phrase, people)
        if people.german and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+", head) and not people.by_surname(head) \
                and not _gender.is_given_name(head):
            phrase = ""  # "laut Marktprognosen": in German a lone capitalized word is a noun, not a person
        document = _DOCUMENT.match(phrase)
        owner = _DOCUMENT_OF.match(document.group("rest")) if document else None
        if owner:  # "Selon un communiqué de la CGT, « … »", "Laut einer Mitteilung des Verbands"
            return _body_name(owner.group("org"), owner.group("of"))
        who = people.resolve(_head(phrase, people)) or _named_organisation(_OBJECT.split(phrase, maxsplit=1)[0], people)
        if who:
            return who
    mentions: list[Mention] = people.find(sentence)
    for k, mention in enumerate(reversed(mentions)):
        if _THEN_VERB.match(sentence[mention.end :]) \
                and not _oblique(sentence, mention):
            earlier = mentions[len(mentions) - k - 2] if k + 1 < len(mentions) else None
            if earlier and _AFFILIATION.fullmatch(sentence[earlier.end : mention.start]):
                # "Konstantin Veit vom Vermögensverwalter Pimco betont:": the firm is where he works.
                return earlier.name
            return mention.name
    body = _DE_BODY_SUBJECT.search(sentence)
    if body and not mentions:
        # "Und das Ministerium urteilt über …:": the ministry the article named before speaks.
        named_body = people.organisation(body.group("np"))
        if named_body:
            return named_body
    for verb in _VERB.finditer(sentence):
        # "Dass sie gestattet worden war, erklärt Hamburgs Polizeipräsident Falk Schnabel mit …:", "…,
        # précise le porte-parole, Paul Durand :": the subject after an inverted verb, when the verb
        # opens its clause (after a comma or at the start), as German and French put it.
        if re.search(r"(?:^|[,;:]|\bso)\s*$", sentence[: verb.start()]) \
                and not any(m.start < verb.start() for m in mentions):
            named = _inverted_subject(re.split(r"[.;:!?]", sentence[verb.end() :], maxsplit=1)[0], people)
            if named and named in {m.name for m in mentions}:
                return named
    if sentence.rstrip().endswith(":"):
        # "X wanted to stand up, but Y shook his head and protested:" - the last clause's subject speaks.
        clauses = list(_CLAUSE_BREAK.finditer(sentence))
        last_clause = clauses[-1].end() if clauses else 0
        later = [m for m in mentions if m.start >= last_clause]
        if later:
            return later[0].name
    candidates: list[tuple[int, str]] = [(m.start, m.name) for m in mentions]
    for pronoun in re.finditer(r"\b\w+\b", sentence):
        word = pronoun.group(0).lower()
        if word in PRONOUNS or word in _PERSON_PRONOUNS:
            # "Pourtant, l'enseignement est pour lui une vocation :" - him, not the last woman named.
            person = people.last(_gender.of_cue(_PERSON_PRONOUNS.get(word, word)))
            if person:
                candidates.append((pronoun.start(), person))
                break
    # A role named before ("El portavoz destaca…:", "Премьер-министр Малайзии … продемонстрировал:").
    for role in re.finditer(r"[\w’'-]+", sentence):
        if people.is_role(role.group(0)):
            aged = _AGED_WORD.fullmatch(role.group(0))
            name = people.by_title(sentence[role.start() : role.start() + 80]) or \
                people.by_role(sentence[max(0, role.start() - 4) : role.end() + 40], guess=False)
            if aged and not name:
                # "In einem Statement sagte der 48-Jährige:": the man the sentences before were about.
                gender = _GERMAN_ARTICLE_GENDER.get(sentence[: role.start()].split()[-1].lower()
                                                    if sentence[: role.start()].split() else "")
                name = people.last_subject(gender) or people.by_role(sentence[max(0, role.start() - 4) : role.end()])
            if name:
                candidates.append((role.start(), name))
            break
    return min(candidates)[1] if candidates else None


def _holder(sentence: str, people: People) -> str | None:
    """The person a view is given to: 'Para Hurtado, su intervención …', 'Pour le maire, …'."""
    for m in _FOR_WHO.finditer(sentence):
        found = people.find(m.group("who"))
        who = found[0].name if found else people.by_title(m.group("who"))
        if who:
            return who
    return None


def _pro_drop(sentence: str, people: People) -> bool:
    """True for a lead-in whose verb of saying has no subject of its own before it (the pronoun
    dropped): no article, role or capitalized word in the three words before the verb."""
    verb = _VERB.search(sentence)
    if not verb or _PLURAL_PRONOUNS.search(sentence) or _DOCUMENT_WORD.search(sentence) \
            or _PLURAL_VERB.search(verb.group(0)):
        return False
    if _noun_subject(sentence[: verb.start()]):
        return False
    if _INVERTED_NOUN.match(sentence, verb.end()):
        return False  # "sagt der Taxifahrer.", "dit le chauffeur": the subject follows the verb
    near = re.findall(r"[\w’'-]+", sentence[: verb.start()])[-3:]
    first = re.match(r"\W*([\w’'-]+)", sentence)
    return not any(w.lower() in _ARTICLE_WORDS or people.is_role(w) or
                   (w[:1].isupper() and not (first and w == first.group(1))) for w in near)


def _noun_subject(before_verb: str) -> str | None:
    """The determiner of a common noun phrase that opens the clause before a verb, its subject ('esta
    vecina del barrio comenta que', 'la jeune femme raconte que'); None when there is none (the
    verb's pronoun was dropped, or a name is the subject)."""
    clause = re.split(r"[,;:()—–]", before_verb)[-1]
    words: list[str] = re.findall(r"[\w’'-]+", clause)
    while words and words[0].lower() in _CLAUSE_CONJUNCTIONS:
        words = words[1:]
    if len(words) >= 2 and words[0].lower() in _SUBJECT_DETERMINERS and words[1].islower():
        return words[0].lower()
    return None


def _noun_speaker(lead: str, people: People, hint: Callable[[], str | None]) -> tuple[bool, str | None]:
    """For a lead-in whose subject is a common noun phrase ('la jeune femme s’inquiète :', 'esta
    vecina comenta que'): (found, speaker). The phrase means a person named before only when its
    grammar shows a gender and that person is known to have it; otherwise the speaker is unnamed."""
    verb = _VERB.search(lead)
    determiner = _noun_subject(lead[: verb.start()]) if verb else None
    if determiner is None or _PLURAL_VERB.search(verb.group(0) if verb else ""):
        return False, None
    if determiner in _INDEFINITES:
        return True, None
    gender = _DETERMINER_GENDER.get(determiner) or _gender.of_cue(lead)
    if gender is None:
        return True, None
    # The one the paragraph has speaking may be of unknown gender ("glisse Zineb, … la jeune femme
    # s’inquiète"); anyone further back must be known to be of that gender.
    speaking = hint()
    if speaking and people.gender_of(speaking) in (gender, None):
        return True, speaking
    for who in (people.last_subject(gender), people.last_person(gender)):
        if who and people.gender_of(who) is gender:
            return True, who
    return True, None


def _unnamed_subject(sentence: str, people: People) -> bool:
    """True when a lead-in's subject is a role or group no one was introduced with ('La miembro de la
    Plataforma coincide:', 'dessen Chef sagt:', 'esta vecina comenta que'): someone speaks, but the
    article does not say who."""
    words = re.findall(r"[\w’'-]+", sentence)
    if _subject(sentence, people) is not None:
        return False
    verb = _VERB.search(sentence)
    return any(people.is_role(w) for w in words[:8]) or bool(verb and _noun_subject(sentence[: verb.start()]))


def _after(clause: str, people: People, hint: Callable[[], str | None] = lambda: None) -> tuple[bool, str | None, str]:
    """Read an attribution right after a quote: (found one, speaker, cue words).

    `hint` is who the paragraph's narration has speaking ("Lira disse que …"), for a verb with no
    subject ("…", disse.).
    """
    separable = _DE_SEPARABLE.match(clause)
    if separable:
        # "ließ sie auf X wissen", "fügte er hinzu": read as the verb then its subject.
        clause = f", sagte {separable.group('who')}."
    according = re.match(r"[\s,.;:!?—–-]*(?=(?:" + ACCORDING + r")\b)", clause, re.I)
    if according:
        # '"…", según el ministro.', '« … », selon lui.', '"…," according to Varga.'
        cue = clause.strip(" ,.;:!?—–-")[:80]
        return True, _subject(clause[according.end() :], people), cue
    of_the = _VERB_THE_ONE_OF.match(clause)
    if of_the:
        # "comentó el de Red Bull": the one the article introduced with Red Bull in their title.
        who = people.by_domain(of_the.group("what"))
        if who:
            return True, who, clause.strip(" ,.;:!?—–-")[:80]
    quoting = _QUOTING_WHO.match(clause)
    if quoting:  # "— приводит слова Уайта Las Vegas Review-Journal": Уайт speaks
        cue = clause.strip(" ,.;:!?—–-")[:80]
        first = re.match(r"[\w’'-]+", quoting.group("who"))
        speaker = (people.by_surname(first.group(0)) if first else None) or people.resolve(quoting.group("who"))
        return True, speaker, cue
    m = _AFTER_WHO_VERB.match(clause) or _AFTER_VERB_WHO.match(clause) or _SO_WHO.match(clause)
    verb_first = _VERB_ONLY.match(clause)
    # "a-t-il souligné", "fügte er hinzu": an inversion, not a subject.
    if m and (_VERB.match(m.group("who")) or verb_first and re.search(r"-(?:il|elle|on)$", verb_first.group(0))
              or re.match(r"-(?:il|elle|on)\b", m.group("who"))):
        m = None
    so = _SO.match(clause)
    if not m and not verb_first and not so:
        return False, None, ""
    cue = clause.strip(" ,.;:!?—–-")[:80]
    cue_gender = _gender.of_cue(cue)
    if verb_first and re.search(r"-on$", verb_first.group(0)):
        return True, None, cue  # "ajoute-t-on de même source": someone the article does not name
    spokes = _SPOKESPERSON_OF.match(clause[verb_first.end() :].strip()) if verb_first else None
    if spokes and not people.find(clause[verb_first.end() :]):  # type: ignore[union-attr]
        # "sagte ein Sprecher des Innenministeriums", "a indiqué un porte-parole de la préfecture": the
        # spokesperson speaks for the body.
        return True, _body_name(spokes.group("org"), spokes.group("of")), cue
    if verb_first and _SOMEONE.match(clause[verb_first.end() :].strip()):
        return True, None, cue  # "ajoute un proche de Pierre Moscovici": not Moscovici
    if so or verb_first and not re.search(r"-(?:il|elle|on)$", verb_first.group(0)):
        # An inverted subject: "declaró a la prensa el abogado Luis Gómez", "so Bürgermeister Peter Lang".
        named = _inverted_subject(clause[(verb_first or so).end() :], people)  # type: ignore[union-attr]
        if named and cue_gender is Gender.FEMALE and _CS_FEMININE_VERB.match(cue) \
                and not named.split()[-1].endswith(("á", "ova")):
            # "uvedla na adresu Michala Redla": a Czech verb in the feminine wants a woman, whose
            # surname ends in -ová or -á; a man's name after it is an object in another case.
            named = None
        if named:
            people.note_gender(named, cue_gender)
            return True, named, cue
    who = _head(_OBJECT.split(m.group("who").strip(), maxsplit=1)[0], people) if m else ""
    # Portuguese "a"/"o" before a noun is the article ("diz a garota"), not the preposition.
    # "expuso este martes la organización": a time phrase after the verb, then its subject.
    who = _TIME_LEAD.sub("", who)
    # "justifica o MPPE", "detalhou a AGU": after a Portuguese verb, an article and a body's name.
    body = bool(verb_first and verb_first.group(0).strip(" ,.;:!?—–-").lower() in PT_ONLY
                and re.match(r"(?:a|o|as|os)\s+[A-ZÀ-Þ]", who) and _named_organisation(who, people))
    article = re.match(r"(?:a|o|as|os)\s+(?!(?:la|el|los|las|lo|le|les|um|uma|mi|su|sus|seu|sua)\b)[a-zà-ÿ]", who) \
        or body
    if verb_first and _PREPOSITION.match(who) and not body:
        # "manifestó a través de un comunicado el Ministerio de Salud": the body after the phrase.
        body_after = _TRAILING_BODY.search(clause)
        if body_after and (org := _named_organisation(body_after.group(0).strip(), people)):
            return True, org, cue
    if verb_first and _PREPOSITION.match(who) and not _DOCUMENT.match(who) and not article:
        who = ""  # "řekl o svém mládí v New Yorku": a place or an object, not the subject
    if who and (demo := _DEMONSTRATIVE.match(who)) and not _DOCUMENT.match(demo.group(2)) \
            and not people.is_body(demo.group(2)) and not people.is_role(demo.group(2)) \
            and not people.organisation(who):
        # "dice este hombre de 76 años", "ajoute cette femme": someone just named, of that gender.
        gender = Gender.FEMALE if demo.group(1).lower() in _FEMININE_DEMONSTRATIVES else \
            Gender.MALE if demo.group(1).lower() != "this" and demo.group(1).lower() != "that" else None
        speaking = hint()
        if speaking and people.gender_of(speaking) in (gender, None):
            return True, speaking, cue
        return True, people.last_subject(gender) or people.last_person(gender), cue
    if who:
        if _INDEFINITE.match(who) and not body \
                and not (article and people.is_role(who.split()[1] if len(who.split()) > 1 else "")):
            # ("afirmou a ministra à GloboNews": Portuguese "a" before a role is "the".)
            return True, None, cue  # "said one person": someone speaks, the article does not say who
        document = _DOCUMENT.match(who) or (_DOCUMENT.match(clause[verb_first.end():].strip()) if verb_first else None)
        if document:
            # "añade el texto" after "explica la ONG en un comunicado": the statement's author goes on.
            # "heißt es in einer Mitteilung des Verbands": the body in the genitive wrote it.
            whole = _DOCUMENT.match(m.group("who").strip()) if m else None
            owner = _DOCUMENT_OF.match(whole.group("rest")) if whole else None
            return True, _organisation(document.group("rest")) or (
                _body_name(owner.group("org"), owner.group("of")) if owner else None) or people.last_statement \
                or people.press_source, cue
        of_person = _ROLE_OF.match(who)
        if of_person and people.is_role(of_person.group(1)) and people.find(who[of_person.end() :]):
            # "dijo el abogado de Pedro Gómez", "ajoute le conseiller d'Arnaud Montebourg": the one who
            # holds that title for them, if the article introduced them; never the person named.
            return True, people.by_title(who), cue
        pronoun = who.lower() in PRONOUNS and _gender.of_cue(who)
        speaking = (hint() or people.last_subject(pronoun or None)) if pronoun else None
        if pronoun and speaking and people.gender_of(speaking) in (pronoun, None):
            # "… he said" after a paragraph that has Levitt speaking: the one speaking, not the
            # last man named ("Sinwar").
            return True, speaking, cue
        # "expuso la organización campesina mediante sus canales": the body's noun phrase, not the rest.
        head = who.split()[:3]
        speaker = people.organisation(who) or (people.organisation(" ".join(head)) if len(head) == 3
                                               and head[1].lower() in BODY_NOUNS else None) \
            or people.resolve(who) or _named_organisation(who, people)
        if speaker:
            people.note_gender(speaker, cue_gender)
            return True, speaker, cue
        epithet = re.fullmatch(r"(?:el|la|le|o|a|der|die)\s+([\w-]+)", who)
        if (verb_first or so) and (_ROLE_WORDS.search(who) or any(people.is_role(w) for w in who.split()[:3])
                           or epithet and people.is_epithet(epithet.group(1))):
            # "dijo el mandatario", "написал спортсмен": the person introduced with that office.
            if _JOURNALIST.search(who):
                # "respondeu a jornalista": the one asking is rarely named, and never the one quoted.
                return True, people.by_role(who, cue_gender, guess=False), cue
            ahead = people.by_title_ahead(who)
            if ahead:  # "asegura el alcalde de Bédar", who the next paragraph introduces by name
                return True, ahead, cue
            return True, people.by_role(who, cue_gender) or (None if epithet else people.last(cue_gender)), cue
        if verb_first and not _PREPOSITION.match(who):
            return True, None, cue  # "écrit la presse régionale": a subject, but not a person we know
    if verb_first:
        # The verb without a name ("disse.", "řekla."): the person the paragraph has speaking,
        # else the one it is about, of the gender the verb shows. A plural verb ("explicaron a
        # Clarín desde el entorno presidencial") is a group the article does not name.
        if _PLURAL_VERB.search(verb_first.group(0)):
            return True, None, cue
        speaking = hint()
        if speaking and (cue_gender is None or people.gender_of(speaking) in (cue_gender, None)):
            return True, speaking, cue
        if people.unnamed_speaking:
            # `"…", diz a garota. … "…", diz em áudio.`: the one the article did not name goes on.
            return True, None, cue
        # The subject of the sentences just before ("O deputado ainda comentou a declaração do ministro
        # X, que afirmou …" then "…", relembrou): the deputy, not the minister named last.
        speaker = _subject_over_last(people, cue_gender)
        if cue_gender is not None and speaker and people.gender_of(speaker) is None:
            # "uvedla." with no woman known: the verb names a woman, not whoever was named last.
            speaker = None
        return True, speaker, cue
    return False, None, ""


def _inverted_subject(rest: str, people: People) -> str | None:
    """The person an inverted verb of saying names as its subject, from the words after the verb.

    The subject may follow an object or a place ("a la prensa el abogado Luis Gómez") or a role and a
    comma ("le maire de la commune, Pierre Lefèvre"); a person after a preposition is the object
    ("en alusión a Cristina Kirchner") and is passed over. None when no one is named.
    """
    rest = _ASIDE_FILLER.sub("", rest)  # "indique pour sa part le général X", "sagte seinerseits X"
    first = re.match(r"\s*([\w’'-]+)", rest)
    if first and first.group(1).lower() in _PERSON_PRONOUNS:  # "fügte er hinzu", "dijo ella"
        return people.last(_gender.of_cue(_PERSON_PRONOUNS[first.group(1).lower()]))
    role = re.match(r"\s*(?:(?:der|die|el|la|le|l['’]|the|o|a)\s+)?([\w’'-]+)\s*,\s*(?=[a-zà-ÿ])", rest)
    if role and people.is_role(role.group(1)):
        return None  # "schimpft der AfD-Chef, woraufhin Voigt …": the role is the subject, the name later is not
    for mention in people.find(rest):
        words = re.findall(r"[\w’'-]+|,", rest[: mention.start])
        k = len(words)
        while k and (words[k - 1].lower() in _ARTICLE_WORDS or people.is_role(words[k - 1])):
            k -= 1
        # "… del director de Juan Pérez", "le conseiller d'Arnaud Montebourg": the name is a noun's complement.
        complement = k >= 2 and words[k - 1].lower() in ("de", "del", "d'", "d’", "of", "von", "des", "du") \
            and words[k - 2] != ","
        if k and _PREPOSITION.fullmatch(words[k - 1]) or complement or _oblique(rest, mention):
            continue  # an object: "tiró en alusión a Cristina Kirchner", "řekl O’Brienovi", "сказал Путину"
        before = [w for w in words[:k] if w != ","]
        # "сказал ведущий автор исследования, заведующий лабораторией … Михаил Пантелеев": a long
        # title before the name is still the subject's.
        # Not when the role is another noun's complement: "dijo al ser consultado sobre las
        # solicitudes de renuncia del director general, Ricardo Yáñez" names whom it was about.
        role_at = next((i for i, w in enumerate(words[:k]) if people.is_role(w)), k)
        lead = [w for w in words[:role_at] if w.lower() not in _ARTICLE_WORDS]
        apposition = k and words[k - 1] == "," and role_at < k and not (
            lead and (_PREPOSITION.fullmatch(lead[-1]) or lead[-1].lower() in _CONNECTOR_WORDS | {"del", "al"}))
        if len(before) <= 4 or apposition or any(people.is_role(w) for w in words[:k]) and len(before) <= 30 \
                and not any(_PREPOSITION.fullmatch(w) and w.lower() not in _CONNECTOR_WORDS
                            and w.lower() not in ("o", "os", "as") for w in before):  # Portuguese articles
            return mention.name
        break
    return None


def _note_subjects(text: str, mentions: list[Mention], people: People) -> None:
    """Record who each sentence is about: a person named among its first words and not after a
    preposition ('But Al Saud is aware of the effect Sinwar may have' is about Al Saud). Pronouns
    later go to them before the last person named.

    Also keeps `people.lead_subject`: the subject of the latest sentence that names anyone (None when
    that sentence names people but none as its subject), for a verb of saying with no subject of
    its own ("…", relembrou) after a sentence that named someone else after its subject."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    for start, end in zip(starts, starts[1:] + [len(text)]):
        sentence = text[start:end]
        role = re.match(r"\W*(?:(?i:the|el|la|le|o|a|der|die|l['’])\s+)?([\w’'-]+)", sentence)
        if role and people.is_role(role.group(1)):
            # "El consejero ha lanzado además un mensaje …": about the one introduced as consejero.
            who = people.by_title(sentence[role.start(1) : role.start(1) + 60]) or \
                people.by_role(sentence[: role.end(1)], guess=False)
            if who:
                people.note_subject(who)
                people.lead_subject = who
                continue
        inside = [m for m in mentions if start <= m.start < end]
        if not inside:
            continue
        people.lead_subject = None
        for i, mention in enumerate(inside):
            words = re.findall(r"[\w’'-]+", text[start : mention.start])
            after_preposition = bool(words) and (_PREPOSITION.fullmatch(words[-1]) is not None
                                                 or words[-1] in _CONNECTOR_WORDS)
            # "Na sessão que já dura três horas, Moro voltou a ser questionado": an opening phrase,
            # a comma, then the subject and its verb.
            after_opening = re.search(r",\s*$", text[start : mention.start]) is not None \
                and re.match(r"\s+[a-zà-ÿ]", text[mention.end : mention.end + 3]) is not None \
                and not _APPOSITION_BEFORE.search(text[start : mention.start])
            # "Dans un document déposé en cour, le juge Bocock estime …": after an opening phrase and
            # its comma, a name with only an article and a title before it opens the clause.
            clause = re.findall(r"[\w’'-]+", re.split(r"[,;]", text[start : mention.start])[-1])
            opens_clause = "," in text[start : mention.start] and any(people.is_role(w) for w in clause) and \
                all(w.lower() in _ARTICLE_WORDS or people.is_role(w) or w.lower() in ("en", "de", "du")
                    for w in clause)
            if (i == 0 and len(words) <= 5 or after_opening or opens_clause) and not after_preposition \
                    and not _oblique(text, mention):
                people.note_subject(mention.name)
                people.lead_subject = mention.name
                # "Pacheco negou colocar em pauta, mas Girão ainda tenta": a later clause has its own
                # subject, and the sentence ends with it.
                for later in inside[i + 1 :]:
                    if _NEW_CLAUSE.search(text[start : later.start]) and \
                            re.match(r"\s+[a-zà-ÿ]", text[later.end : later.end + 3]):
                        people.lead_subject = later.name
                break


def _subject_over_last(people: People, gender: Gender | None, person: bool = False) -> str | None:
    """Who a verb of saying with no subject means: the subject of the latest sentence that named
    anyone, when that sentence named someone else after it ('José Queiroz elogiou os discursos de
    Arthur Lira' then '"…", avaliou': Queiroz); else the last person named, as before."""
    last = people.last_person(gender) if person else people.last(gender)
    subject = people.lead_subject
    if subject and subject != last and subject in people.names[-4:] \
            and (gender is None or people.gender_of(subject) in (gender, None)):
        return subject
    return last


def _body_before_verb(lead: str, people: People) -> str | None:
    """An organisation that is the subject of the lead-in's last verb of saying ('O MPPE informa que',
    'la Contraloría informó que', 'a Abradep defende que'): its article, its name, at most one word
    ('também'), then the verb. None when a person or nothing of the kind stands there."""
    # A capitalized "States" is the end of a name ("the United States"), not a verb.
    verbs = [v for v in _VERB.finditer(lead) if v.group(0)[:1].islower()]
    if not verbs:
        return None
    m = _BODY_BEFORE.search(lead[: verbs[-1].start()])
    if not m:
        return None
    before = re.findall(r"[\w’'-]+", lead[: m.start("org")])[-2:-1]
    if before and (_PREPOSITION.fullmatch(before[0]) or before[0].lower() in _CONNECTOR_WORDS):
        return None  # "El portavoz de la Asociación destaca": the spokesperson speaks, not the body
    org = m.group("org")
    if re.fullmatch(r"[A-ZÀ-Þ]{2,8}", org) or org in people.organisations:
        return None if people.find(org) else org
    return _named_organisation(m.group(0).strip(), people)


def _note_document_author(text: str, people: People) -> None:
    """Remember who wrote a document the narration names ('estudo elaborado pela Abradep', 'el
    informe de la Contraloría'), so that 'diz o documento' later speaks for them. Persons count too
    ('la carta del ministro Pérez'); a bare place or date does not."""
    # Most narration names no document: a set lookup spares the pattern's scan.
    if _DOC_WORDS.isdisjoint(text.lower().split()):
        return
    for m in _DOCUMENT_BY.finditer(text):
        org = m.group("org")
        if org.split()[0].lower() not in _NOT_AUTHORS:
            people.last_statement = org


def _oblique(text: str, mention: Mention) -> bool:
    """True when a Czech or Russian name stands in a case other than the nominative, so it is not the
    subject: 'O’Brienovi' (to O'Brien) for O’Brien, 'Путину' for Путин."""
    surface = re.findall(r"[\w’'-]+", text[mention.start : mention.end])
    written, name = (surface[-1] if surface else ""), mention.name.split()[-1]
    return written != name and written.startswith(name[:3]) and \
        bool(re.search(r"(?:ovi|em|ou|ovou|ové|a|у|ю|ому|ему|ой|ей|ым|им|ом|а|я)$", written))


def _head(who: str, people: People) -> str:
    """A subject that starts with a name ends where ordinary small words begin: 'Ayuso tras la visita'
    -> 'Ayuso', 'Habeck ist' -> 'Habeck'; titles and name particles stay ('ISD spokesman Tahir Della')."""
    if not who[:1].isupper():
        return who
    words = who.split()
    keep = 1
    while keep < len(words) and (words[keep][:1].isupper() or words[keep] in _NAME_PARTICLES
                                 or people.is_role(words[keep])):
        keep += 1
    return " ".join(words[:keep])


# Words for a kind of body, which name no particular one on their own ("der Verband", "das Ministerium").
_GENERIC_BODIES = {"verband", "verein", "ministerium", "partei", "gericht", "stiftung", "gewerkschaft", "behörde",
                   "kommission", "agentur", "regierung", "universität", "komitee", "bewegung", "amt"}


def _named_organisation(who: str, people: People) -> str | None:
    """An organisation that speaks ('Big Machine Records said', 'dijo la Asociación Vecinal X'): a
    run of capitalized words that names no person."""
    bare = re.sub(r"^(?:the|el|la|los|las|le|les|l['’]|o|a|der|die|das)\s*", "", who.strip(), flags=re.I)
    words = bare.split()
    if re.fullmatch(r"(?:der|die|das)\s+[A-ZÄÖÜ][a-zäöüß-]+", who.strip()) and people.is_body(bare) \
            and (bare.lower() not in _GENERIC_BODIES):
        # "teilte die Polizei mit", "erklärte das Gesundheitsministerium": a German body that is one
        # (a bare "der Verband" or "das Ministerium" names none of them).
        return bare
    # An acronym ("a indiqué la CGT", "said NASA"), or an institution's one-word name after a Romance or
    # English article ("dijo la Fiscalía", "said the Pentagon"); German capitalizes every noun, so not there.
    if len(words) == 1 and people.is_role(words[0]):
        return None  # "so der CEO": an office, not a body
    if len(words) == 1 and (re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ]{2,8}", words[0]) or bare != who.strip()
                            and re.match(r"(?:the|el|la|le|l['’]|o|a)\s*[A-ZÀ-Þ][a-zà-ÿ]{3,}$", who.strip())
                            and not people.is_role(words[0]) and not _gender.is_given_name(words[0])):
        return None if people.find(words[0]) else words[0]
    # "explicaba el ministerio de Exteriores de Egipto": an institution's common noun, then its name.
    body = bool(words) and bare != who.strip() and people.is_body(words[0]) and words[0].islower()
    if len(words) < 2 or not all(w[:1].isupper() or w.lower() in ("de", "del", "da", "do", "of", "for", "und", "and",
                                                                   "y", "e", "et", "des", "du", "la")
                                 or (body and i == 0) for i, w in enumerate(words)) \
            or (body and not any(w[:1].isupper() for w in words)):
        return None
    return None if people.find(" ".join(words)) else " ".join(words)


def _organisation_subject(sentence: str, people: People) -> str | None:
    """A named organisation that is a sentence's subject, at its start or after an opening phrase and
    a comma ('De cara al futuro, la Asociación Vecinal X se mantendrá …'); None otherwise."""
    m = _ORG_SUBJECT.search(sentence)
    if not m:
        return None
    return next((o for o in reversed(people.organisations) if o == m.group("org")), None) or \
        _named_organisation(m.group("org"), people)


def _body_name(words: str, preposition: str) -> str:
    """A body's name as the nominative: German puts it in the genitive after "des" ("des
    Innenministeriums", "des Verbandes"); a lower-case head keeps its article's place ("préfecture du
    Nord")."""
    if preposition.lower() == "des" and " " not in words and re.search(r"[^s]e?s$", words) and words[:1].isupper():
        return re.sub(r"e?s$", "", words) if not words.endswith("iums") else words[:-1]
    return words


def _organisation(rest: str) -> str | None:
    """The organisation a document belongs to, from the words after it ('do STF', 'of the Ministry',
    'da justificativa oficial do MPPE')."""
    m = re.match(r"\s*(?:(?:de|del|da|do|des|du|of|from|by|der|des|de la|de l['’])\s+)?(?:(?:the|la|el|le|l['’])\s*)?", rest)
    run = _ORG_RUN.match(rest, m.end() if m else 0)
    if run:
        return run.group(0).strip()
    # A document named with its kind first ("trecho da justificativa oficial do MPPE"): the owner a
    # few words on, after "de/da/do".
    owner = _OWNER.match(rest)
    return owner.group("org") if owner else None


def _speaking(text: str, mentions: list[Mention], people: People, relative: bool = True) -> str | None:
    """Who a stretch of narration has saying something ("Lira disse que …", "o senador afirmou que",
    "Ele afirmou que"), for a later quote whose verb has no subject."""
    for mention in reversed(mentions):
        # "Lira disse", "Antonia Martínez, aseguró", "Abu Hassan Amer, 44, agreed".
        if _ASIDE_THEN_VERB.match(text[mention.end :]) and not _oblique(text, mention):
            if not relative and _RELATIVE.match(text, mention.end) and people.lead_subject not in (None, mention.name) \
                    and people.lead_subject in people.names[-4:]:
                # "O deputado comentou a declaração do ministro X, que afirmou …" and then a paragraph
                # of quotation: X spoke only inside the relative clause; the sentence is the deputy's.
                continue
            return mention.name
    for verb in reversed(list(_VERB.finditer(text))):
        # "Con esas palabras ha descrito Moreno …", "Así ha resumido el consejero …, Antonio Sanz".
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, verb.start())), default=0)
        if text[max(0, verb.start() - 1) : verb.start()] in ("", " ") and mentions \
                and _pro_drop(text[start : verb.end()], people):
            clause = re.split(r"[.;!?]\s", text[verb.end() :], maxsplit=1)[0]
            named = _inverted_subject(clause, people)
            if named and any(m.name == named for m in mentions):
                return named
    for m in reversed(list(_SUBJECT_VERB.finditer(text))):
        word = m.group("w").lower()
        if word in _PERSON_PRONOUNS:
            gender = _gender.of_cue(_PERSON_PRONOUNS[word])
            return people.last_subject(gender) or people.last(gender)
        if people.is_role(word):
            return people.by_title(text[m.start("w") :]) or \
                people.by_role(text[max(0, m.start("w") - 4) : m.end("w") + 40], guess=False)
    return None


def attribute_with_cues(pieces: list[Piece], people: People,
                        carry: str | None = None) -> list[tuple[str | None, str | None]]:
    """The speaker of each piece and the words that named them ((None, None) for narration and for
    quotes whose speaker the text does not give). `carry` is the speaker of a quotation that ended
    the previous paragraph, who keeps speaking in a paragraph that opens with an unattributed quote.

    Updates `people` with everyone the paragraph names, in reading order.
    """
    out: list[tuple[str | None, str | None]] = [(None, None)] * len(pieces)
    named: list[list[Mention]] = [[] for _ in pieces]
    unknown: set[int] = set()  # quotes the text gives to someone it does not name
    last_quote_speaker: str | None = carry
    last_cue: str | None = "continues" if carry else None
    named_since_quote = False
    narrated: list[tuple[str, list[Mention]]] = []
    attributed_by = -1  # the narration piece that attributed the last quote
    subjects_before = len(people.subjects)

    def hint() -> str | None:
        # Read only when a verb lacks its subject: most paragraphs never need it. Else whoever spoke
        # last, when still among the people just named.
        return next((who for text, found in reversed(narrated) if (who := _speaking(text, found, people))), None) \
            or (people.subjects[-1] if len(people.subjects) > subjects_before else None) \
            or (last_quote_speaker if last_quote_speaker in people.names[-3:] else None)
    for i, piece in enumerate(pieces):
        if not piece.quote:
            masked = _mask_quoted(piece.text)
            mentions = people.find(masked)
            for alias in _pseudonyms(piece.text):
                # The marks say it is a name even when the name is no given name the reader knows.
                if not any(m.start <= alias.start("name") < m.end for m in mentions):
                    mentions.append(Mention(alias.group("name"), alias.start("name"), alias.end("name")))
            mentions.sort(key=lambda m: m.start)
            named[i] = mentions
            # The attribution of the last quote names its own speaker: that is not someone new.
            if any(m.name != last_quote_speaker for m in mentions):
                named_since_quote = True
            people.remember(mentions)
            if mentions:
                people.unnamed_speaking = False
            people.note_organisations(piece.text)
            _note_document_author(masked, people)
            _note_subjects(masked, mentions, people)
            narrated.append((piece.text, mentions))
            continue
        speaker: str | None = None
        cue: str | None = None
        after = pieces[i + 1].text if i + 1 < len(pieces) and not pieces[i + 1].quote else ""
        # After a quote that closed its sentence, a capitalized clause is new narration, not "X said".
        if piece.ends_sentence and after[:1].isupper():
            after = ""
        clause = _ABBREVIATION_END.split(after, maxsplit=1)[0] if after else ""
        found, speaker, cue_words = _after(clause, people, hint) if clause else (False, None, "")
        found_after = found
        if speaker and cue_words:
            # "…, écrit-elle", "…, řekla": the verb right after the quote tells the speaker's gender.
            people.note_gender(speaker, _gender.of_cue(cue_words[:40]))
        if found:
            cue = cue_words or None
        before = pieces[i - 1].text if i > 0 and not pieces[i - 1].quote else ""
        if not found and before and i - 1 == attributed_by and i - 2 in unknown \
                and len(sentences.split(before)) == 1:
            # `"…", sagt ein Militärexperte. "…"`: the one the article did not name goes on.
            found = True
        if not found and before and i - 1 == attributed_by and last_quote_speaker \
                and len(sentences.split(before)) == 1:
            # `"…," he told El Saife. "…"`: the narration between was the first part's attribution;
            # the same person goes on, whoever else it names.
            speaker, cue, found = last_quote_speaker, last_cue, True
        if not found and not before and i >= 2 and pieces[i - 1].quote and not pieces[i - 2].quote \
                and piece.raw_before.strip() == ":":
            # »…«: »…« - a colon after a quoted fragment: the sentence before both introduces the speech.
            before = pieces[i - 2].text
        if not found and before and i == 1 and (piece.raw_before.rstrip(" \"“«„»").endswith(":")
                                                or before.rstrip().endswith(":")):
            # "KARLA TARAZONA: «…»", or "JOHN SMITH:" on its own line over the quotation: a label in
            # capitals that is only a name says who speaks, as "Karla Tarazona:" does.
            labelled = _label_name(before, people)
            if labelled:
                speaker, cue, found = labelled, before.strip()[:80], True
        if not found and before:
            lead = sentences.split(before)[-1] if before else ""
            attached = _LEAD_IN_END.search(piece.raw_before.rstrip(" \"“«„")) or _LEAD_IN_END.search(lead)
            if attached or _VERB.search(lead) or _ACCORDING.search(lead) or _holder(lead, people):
                speaker = _body_before_verb(lead, people) or _subject(lead, people)
                if speaker:
                    cue = lead.strip()[-80:]
                    people.note_gender(speaker, _gender.of_cue(lead))
                    found = True
                elif (noun := _noun_speaker(lead, people, hint))[0]:
                    speaker, found = noun[1], True
                    cue = lead.strip()[-80:] if speaker else None
                elif _pro_drop(lead, people):
                    speaker = hint() or _subject_over_last(people, _gender.of_cue(lead), person=True)
                    cue, found = lead.strip()[-80:], True
                elif attached and _unnamed_subject(lead, people):
                    found = True
                elif piece.raw_before.rstrip(" \"“«„").endswith(":") \
                        and (body := _organisation_subject(lead, people)):
                    # "De cara al futuro, la Asociación Vecinal X se mantendrá en la misma línea …:"
                    speaker, cue, found = body, lead.strip()[-80:], True
            parts = sentences.split(before)
            if not found and len(parts) >= 2 and not _VERB.search(lead) and _VERB.search(parts[-2]):
                # 'He said context and timing were important. Specifically on July 9, "…"': the
                # sentence before reports the same person's words.
                speaker = _speaking(parts[-2], people.find(parts[-2]), people)
                if speaker:
                    cue, found = parts[-2].strip()[-80:], True
        if not found and not before and piece.ends_sentence is False and i + 1 < len(pieces) \
                and not pieces[i + 1].quote and not (last_quote_speaker and not named_since_quote):
            # `"…". Con esa frase, Alberto Fernández respondió …`: the next sentence says who spoke.
            following = sentences.split(pieces[i + 1].text)[0][:160]
            subject = _speaking(following, people.find(following), people) if _VERB.search(following) else None
            if subject:
                speaker, cue, found = subject, following[:80], True
        if not found and not before and i + 1 < len(pieces) and not pieces[i + 1].quote:
            # `«…» Cette petite phrase d'Arnaud Montebourg …`, `"…". Esas palabras del ministro …`: the
            # next sentence names whose words they were.
            following = sentences.split(pieces[i + 1].text)[0][:200]
            words_of = _WORDS_OF.search(following)
            if words_of:
                named_by = people.find(following[words_of.end() :])
                who = named_by[0].name if named_by and named_by[0].start < 40 else \
                    people.by_title(following[words_of.end() : words_of.end() + 60])
                if who:
                    speaker, cue, found = who, following[:80], True
        if not found and not before:
            # The next words credit the quotation, epigraph style: "« … » Roman Bornstein, journaliste,
            # dans une étude pour la Fondation Jean-Jaurès", or the next paragraph does ("Olivier
            # Truchot, journaliste, au sujet de …, 25 mars 2019"); a quotation standing alone whose
            # next paragraph opens "Le cri du cœur de David Dufresne …" or "Ces mots de …" is theirs.
            credit = pieces[i + 1].text if i + 1 < len(pieces) and not pieces[i + 1].quote else \
                (people.upcoming[0] if len(pieces) == 1 and people.upcoming else "")
            who = _credited(credit, people)
            if who:
                speaker, cue, found = who, credit[:80], True
        if not found and before and not after and before.rstrip()[-1:] in (".", "!", "?", "…") \
                and len(people.subjects) > subjects_before and people.is_person(people.subjects[-1]) \
                and not _VERB.search(sentences.split(before)[-1]) \
                and all(m.name == people.subjects[-1] for m in people.find(sentences.split(before)[-1])):
            # "Schlachter Holland-Moritz kann die Nachteile benennen. Mit dem Absatz ist er zufrieden.
            # "Aber …"": a quotation standing as its own sentence after narration about one person is theirs.
            speaker, cue, found = people.subjects[-1], sentences.split(before)[-1].strip()[-80:], True
        if speaker and (cue and _DOCUMENT_WORD.search(cue) or not people.is_person(speaker)
                        or speaker in people.organisations):
            # An organisation speaks through its statements: "diz o documento" goes on in its voice.
            people.last_statement = speaker
        if found and speaker is None:
            unknown.add(i)
        people.unnamed_speaking = found and speaker is None
        if not found and last_quote_speaker and not named_since_quote \
                and not (people.is_person(last_quote_speaker) and _names_speaker(piece.text, last_quote_speaker)):
            speaker, cue = last_quote_speaker, last_cue
        if not found and before and not speaker and people.last_speaker and people.names \
                and people.names[-1] == people.last_speaker and _REPORTED_DE.search(before) \
                and not people.find(before) and not _VERB.search(sentences.split(before)[-1]) \
                and not _DOCUMENT_WORD.search(before):
            # "Der Markt sei »größer als vor COVID-19«. Das Flugaufkommen liege bei 108 Prozent. »Die
            # Verbindungen hängen hinterher.«": German reported speech (Konjunktiv I) goes on in the
            # voice of the one quoted last, so does the quotation that follows it.
            speaker, cue = people.last_speaker, sentences.split(before)[-1].strip()[-80:]
        if speaker:
            people.remember([Mention(speaker, 0, 0)])
            if people.is_person(speaker):
                people.last_speaker = speaker
        out[i] = (speaker, cue if speaker else None)
        attributed_by = i + 1 if found_after else -1
        last_quote_speaker, last_cue = speaker, cue
        named_since_quote = False
    _backfill(pieces, out, named, unknown)
    return out


def _label_name(label: str, people: People) -> str | None:
    """The person a label in capitals names ('KARLA TARAZONA:', 'PETR NOVÁK'), written as a name
    ('Karla Tarazona'); None for any other label ('UPDATE:', 'LEIA TAMBÉM:') or a label not in capitals."""
    text = label.strip().rstrip(":").strip()
    words = text.split()
    if not 2 <= len(words) <= 4 or not text.isupper() or not all(_LABEL_WORD.fullmatch(w) for w in words):
        return None
    # "ANA DE LA TORRE" is Ana de la Torre: particles inside a name stay small.
    written = [w.lower() if k and w.lower() in _NAME_PARTICLES else w.title() for k, w in enumerate(words)]
    named = " ".join(written)
    if any(_VERB.fullmatch(w) for w in written) or named not in people.names and not is_label_name(written):
        # A label the article has not named as a person must read as a name on its own.
        return None
    found = people.find(named)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(named) and people.is_person(found[0].name):
        return found[0].name
    return None


def _pseudonyms(text: str) -> list[re.Match[str]]:
    """Names in marks that open a sentence with an apposition after them ('“Maritza”, una estudiante'),
    not the title of a work ('der Film „Der Untergang“, der …') nor a quoted word."""
    out = []
    for m in _PSEUDONYM.finditer(text):
        before = text[: m.start()]
        if before.strip() and not re.search(r"[.!?:]\s*$", before):
            continue
        if any(w.lower() in _ARTICLE_WORDS for w in m.group("name").split()) \
                or _VERB.match(text, m.end() + 1, m.end() + 40):
            # ('"No Brasil", respondeu a jornalista': a quotation and its attribution.)
            continue
        out.append(m)
    return out


def _mask_quoted(text: str) -> str:
    """`text` with every quoted span blanked (same length), so that names inside quotations are not
    read as people the narration names; a name in marks that an apposition follows stays, unmarked."""
    masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    for m in _pseudonyms(text):
        # "“Maritza”," becomes "  Maritza,": the name stays against its comma, the length stays the same.
        kept = (m.group("name") + ",").rjust(m.end() - m.start())
        masked = masked[: m.start()] + kept + masked[m.end() :]
    return masked


def _credited(text: str, people: People) -> str | None:
    """The person a credit line names ('Roman Bornstein, journaliste, dans une étude …', 'Laurence Bloch,
    directrice de France Inter, Télérama, 27 juin 2019') or whose words the next sentence says they
    were ('Le cri du cœur de David Dufresne résonne …'); None for any other text."""
    if not text:
        return None
    first = sentences.split(text)[0][:200]
    words_of = _WORDS_OF.search(first)
    if words_of and words_of.start() < 30:
        named = people.find(first[words_of.end() :])
        if named and named[0].start < 5:
            return named[0].name
    if len(_WORD.findall(first)) > 25 or re.search(r"[.!?…]\s*$", first) or _VERB.search(first):
        return None
    found = people.find(first)
    if found and found[0].start == 0 and re.match(r"\s*,\s*\S", first[found[0].end :]) \
            and people.is_person(found[0].name):
        return found[0].name
    return None


def _names_speaker(quote: str, speaker: str) -> bool:
    """True when a quotation names a person `speaker` by their surname ('Na gestão Mendonça essa média
    subiu'): words about them, not theirs, so an unattributed quote does not go on in their voice."""
    parts = speaker.split()
    names = {p for p in parts if p[:1].isupper() and len(p) > 2}
    return 2 <= len(parts) <= 4 and any(w in names for w in re.findall(r"[\w’'-]+", quote))


def _backfill(pieces: list[Piece], out: list[tuple[str | None, str | None]], named: list[list[Mention]],
              unknown: set[int]) -> None:
    """An unattributed quote followed in its paragraph by an attributed one, with no one else named
    between them, is the same person speaking (`"…". "…", détaille Mme Cardenal`)."""
    for i in range(len(pieces) - 1, -1, -1):
        if not pieces[i].quote or out[i][0] is not None or i in unknown:
            continue
        for j in range(i + 1, len(pieces)):
            if pieces[j].quote:
                if out[j][0] is not None:
                    out[i] = (out[j][0], "the attribution that follows: " + (out[j][1] or ""))
                break
            if j + 1 < len(pieces) and any(m.name != out[j + 1][0] for m in named[j]):
                break


def reported_speaker(text: str, people: People) -> str | None:
    """Who a paragraph of narration ends by reporting ('… je podle Petra Smejkala neudržitelné', 'X
    souhlasí a doplňuje, že …'): the speaker of a quotation that fills the next paragraph on its own."""
    parts = sentences.split(text)
    last = parts[-1] if parts else ""
    if not (_VERB.search(last) or _ACCORDING.search(last) or _holder(last, people)):
        # "No final da fala, Lula fez uma convocação.", "Boric hizo un llamado:": a noun of speech
        # whose subject is the sentence's.
        if _SPEECH_NOUN.search(last) and people.lead_subject \
                and any(m.name == people.lead_subject for m in people.find(last)):
            return people.lead_subject
        return None
    return _speaking(last, people.find(last), people, relative=False) or _subject(last, people)


def presented_speaker(narration: str, quotation: str, people: People) -> str | None:
    """The witness a paragraph of narration presents ('Nous avons rencontré Pasiphae, 20 ans, étudiante
    infirmière.', '“Maritza”, una estudiante …, se involucró en las protestas.') when the paragraph
    after it opens with a quotation in the first person and no one says who speaks: that paragraph
    is the witness's testimony. The narration must name that one person and no one else."""
    if not narration.rstrip().endswith((".", "!", "…")) or not _FIRST_PERSON.search(quotation[:300]) \
            or _VERB.search(_mask_quoted(quotation)):
        # (A quotation paragraph with its own "she said" is attributed by its own words.)
        return None
    following = people.upcoming[0] if people.upcoming else ""
    if following.lstrip()[:1] in "\"“«„»" and _VERB.search(_mask_quoted(following)):
        # «…» then "…," she said: the attribution that follows says who spoke both.
        return None
    masked = _mask_quoted(narration)
    found = people.find(masked)
    names = {m.name for m in found} | {m.group("name") for m in _pseudonyms(narration)}
    if len(names) != 1:
        return None
    name = names.pop()
    # Presented, not merely named: the subject of the narration, or a name an apposition describes
    # ("Pasiphae, 20 ans, étudiante"); not a name a relative clause goes on about ("…, quien está …").
    presented = people.lead_subject == name or bool(_pseudonyms(narration)) or any(
        _PRESENTED_AFTER.match(masked, m.end) for m in found)
    return name if presented and people.is_person(name) and name not in people.organisations else None


def is_bridge(text: str, runs: tuple[Run, ...], people: People) -> bool:
    """True for a short line of narration between quotations that names no one and says no one
    speaks ('Veja abaixo alguns dos trechos', 'Más adelante añadió:' is not one): the speaker of the
    quotation before it goes on in the quotation after it."""
    return all(run.role is Role.NARRATION for run in runs) and len(text.split()) <= 12 \
        and not _VERB.search(text) and not people.find(text) and not _ORG_RUN.search(text[1:])


def attribute(pieces: list[Piece], people: People) -> list[str | None]:
    """The speaker of each piece (None for narration and for quotes whose speaker the text does not give)."""
    return [speaker for speaker, _ in attribute_with_cues(pieces, people)]
