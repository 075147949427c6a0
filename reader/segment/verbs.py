"""Attribution lexicons per language: verbs of saying, 'according to' phrases, documents that speak.

Each language lists its declaration verbs in the forms news prose uses (past, present, perfect and
their inversions: "a-t-elle ajouté", "fügte er hinzu" is read by the caller). The lists are joined
into one regular expression shaped as a character trie, so that matching several hundred words
costs about as much as matching a handful. No I/O here.
"""

from __future__ import annotations

import re

__all__ = ["SPEECH_VERBS", "ACCORDING", "DOCUMENTS", "QUOTING", "CS_PAST", "GERMAN_VERBS", "PT_ONLY", "trie_pattern"]

_EN = """said says say added adds noted notes stated states asked asks told tells explained explains stressed
stresses emphasised emphasized emphasises emphasizes believes believed thinks thought argued argues recalled
recalls wrote writes continued continues insisted insists warned warns claimed claims declared declares
announced announces replied replies answered answers commented comments concluded concludes admitted admits
suggested suggests remarked remarks observed observes shouted whispered agreed agrees confirmed confirms
acknowledged acknowledges complained complains urged urges predicted predicts promised promises wondered
joked conceded concedes cautioned cautions noting saying adding asking quipped recounted recounts tweeted
posted testified reported reports maintained maintains countered counters responded responds reiterated
reiterates explained described describes told added retorted retorts
mused muses reflected recalled remembered remembers advised advises pleaded demanded demands estimated estimates
disclosed revealed reveals boasted lamented laments protested objected elaborated clarified underlined
highlighted texted emailed messaged laughed sighed explains recalls writes conceded acknowledged summed""".split()

_RU_STEMS = """сказал заявил отметил добавил подчеркнул пояснил сообщил рассказал признал уточнил напомнил спросил
ответил написал заключил прокомментировал пожаловал продолжил закончил начал попросил пошутил возразил заметил
объяснил предупредил подтвердил призвал посетовал констатировал резюмировал парировал воскликнул повторил
поделил высказал выразил указал заверил сообщ добавлял говорил объявил отреагировал настаивал утверждал
подытожил поинтересовал обратил уверил убеждал
отмечал подчеркивал подчёркивал рассказывал объяснял пояснял заявлял признавал возмутил удивил усмехнул вспомнил
вспоминал отрезал пообещал обещал посоветовал предложил потребовал сетовал жаловал описал акцентировал рассуждал
размышлял уточнял утверждал сформулировал охарактеризовал оценил прокомментировал поблагодарил""".split()
_RU = """говорит считает считают объясняет отмечает рассказывает поясняет подчеркивает подчёркивает признается
признаётся пишет говорится сообщает заявляет добавляет уточняет полагает утверждает уверяет настаивает
констатирует напоминает предупреждает цитирует
признаёт признает рассуждает вспоминает жалуется сетует возмущается удивляется продолжает замечает соглашается
подтверждает сообщают говорят рассказывают отмечают пишут поясняют объясняют уверены уточняют заявляют
резюмирует отвечает спрашивает шутит убеждён убежден уверен уверена убеждена""".split()

_FR = """a déclaré a dit dit disait déclare affirme a affirmé ajoute a ajouté explique a expliqué souligne a souligné
estime a estimé écrit a écrit indique a indiqué précise a précisé assure a assuré glisse a glissé soupire
a soupiré lâche a lâché ironise a ironisé plaide a plaidé nuance a nuancé avoue a avoué
relève a relevé signale a signalé murmure a murmuré fustige a fustigé critique a critiqué renchérit a renchéri
abonde a abondé rapporte a rapporté certifie a certifié promet a promis décrit a décrit tonne a tonné
interroge a interrogé questionne a questionné assène a asséné tempête a tempêté argumente a argumenté
complète a complété explicite a explicité enchaîne a enchaîné reprend a repris sourit a souri s'amuse s’amuse
s'indigne s’indigne s'insurge s’insurge s'étonne s’étonne s'interroge s’interroge s'agace s’agace
s'emporte s’emporte s'alarme s’alarme se félicite se désole se souvient se rappelle se défend
disent affirment expliquent estiment soulignent racontent ajoutent précisent indiquent
rappelle a rappelé détaille a détaillé développe a développé a réagi réagit raconte a raconté confie
a confié lance a lancé poursuit a poursuivi insiste a insisté reconnaît a reconnu regrette a regretté déplore
a déploré martèle a martelé répond a répondu juge a jugé observe a observé note a noté prévient a prévenu
s'inquiète s’inquiète témoigne a témoigné commente a commenté résume a résumé conclut a conclu avance a avancé
tranche a tranché analyse a analysé s'exclame s’exclame demande a demandé rétorque a rétorqué répète a répété
admet a admis annonce a annoncé avertit a averti dénonce a dénoncé salue a salué se réjouit s'est réjoui
s’est réjoui a tweeté explique expliquait ajoutait affirmait racontait confiait souffle a soufflé
conseille a conseillé recommande a recommandé
constate a constaté mentionne a mentionné remarque a remarqué se remémore
évoque a évoqué a confirmé
a-t-il a-t-elle a-t-on""".split("\n")

_FR_REFLEXIVE = """félicité indigné insurgé étonné interrogé inquiété agacé emporté alarmé amusé exclamé réjoui défendu
justifié excusé exprimé confié souvenu rappelé désolé ému offusqué""".split()

_DE = """sagte sagt sagten erklärte erklärt betonte betont meint meinte schreibt schrieb warnte warnt fragte
fragt antwortete antwortet kritisiert kritisierte ergänzt ergänzte erzählt erzählte berichtet berichtete
bestätigt bestätigte räumt räumte forderte fordert versicherte versichert bekräftigte bekräftigt unterstrich
unterstreicht argumentierte argumentiert beklagte beklagt klagte klagt lobte lobt mahnte mahnt erläuterte
erläutert teilte teilt verwies verweist glaubt glaubte zitiert zitierte kommentierte kommentiert
resümierte bilanzierte ergänzte hieß räumte teilte kündigte wies erinnerte erinnert schildert schilderte beschreibt beschrieb vermutet vermutete monierte
moniert bemängelte bemängelt beteuerte beteuert widersprach widerspricht entgegnete entgegnet erwiderte
erwidert konterte kontert rief ruft schimpfte schimpft urteilte urteilt analysiert analysierte resümiert
bilanziert folgert folgerte appellierte appelliert gesteht gestand präzisierte präzisiert begründete
begründet versprach verspricht sagen erklären betonen schreiben warnen fordern meinen berichten kritisieren
bekräftigt findet fand gratulierte gratuliert würdigte würdigt protestiert protestierte""".split()
_DE_PHRASES = ["fügte hinzu", "fügt hinzu", "heißt es", "hieß es", "stellte klar", "stellt klar", "fuhr fort", "führte aus",
               "gab zu", "stellte fest", "stellt fest",
               "hält fest", "hielt fest", "merkte an", "merkt an"]

_ES = """dijo dice dijeron afirmó afirma aseguró asegura explicó explica señaló señala añadió añade declaró declara
agregó agrega indicó indica preguntó respondió responde remarcó remarca remató apuntó apunta tiró
escribió escribe explicaron comenta comentó recalca recalcó destaca destacó insiste insistió sostiene sostuvo
advierte advirtió subraya subrayó expresó expresa manifestó manifiesta admite admitió reconoce reconoció lamenta
lamentó confesó confiesa cuenta contó relata relató denuncia denunció replicó criticó enfatizó
enfatiza puntualizó puntualiza aclaró aclara concluyó concluye precisó precisa detalló detalla reiteró reitera
sentenció sentencia opinó opina consideró considera cuestionó cuestiona expuso planteó plantea mencionó
menciona narró narra recordó recuerda ironizó bromeó afirmaron señalaron indicaron aseguraron publicó tuiteó
contestó contesta argumentó argumenta alertó defendió defiende resaltó resalta exclamó aseveró asevera
acotó acota expresaron agregaron añadieron explicaban decía decían informó informa informaron insistía aseguraba afirmaba señalaba
explicaba contaba recordaba agregaba añadía sostenía lamentaba reconocía comentaba advertía destacaba
subrayaba matizó matiza zanjó concretó ahondó abundó completó valoró valora celebró celebra reprochó reprocha
sugirió sugiere anunció anuncia avisó avisa apostilló resumió resume prosiguió continuó agradeció
insistieron sostuvieron denunciaron explicó respondieron reclamó reclama pidió pide exigió exige recoge
recogió diría diciendo agregando añadiendo explicando señalando asegurando gritó grita reflexiona reflexionó complementó complementa
acusa acusó adelantó adelanta enumeró enumera""".split()
# Spain's press reports in the perfect: "ha dicho", "ha asegurado", "han explicado".
_ES_PARTICIPLES = """dicho afirmado asegurado explicado señalado añadido declarado indicado preguntado respondido
remarcado apuntado escrito comentado recalcado destacado insistido sostenido advertido subrayado expresado
manifestado admitido reconocido lamentado confesado contado relatado denunciado replicado criticado enfatizado
puntualizado aclarado concluido precisado detallado reiterado sentenciado opinado considerado cuestionado
expuesto planteado mencionado narrado recordado ironizado bromeado publicado tuiteado contestado argumentado
alertado defendido resaltado exclamado aseverado acotado matizado zanjado valorado celebrado reprochado
sugerido anunciado avisado resumido continuado agradecido reclamado pedido exigido recogido apostillado descrito
definido calificado especificado agregado informado confirmado asegurado recalcado reafirmado reivindicado
trasladado transmitido garantizado prometido negado desmentido revelado""".split()
_ES_REFLEXIVE = """quejó queja quejaba lamentó lamenta preguntó pregunta disculpó justificó justifica defendió
defiende sinceró sincera jactó sorprendió sorprende felicitó felicita congratuló jactaba preguntaba
lamentaba quejaba sinceraba""".split()

_PT = """disse diz dizem afirmou afirma explicou explica declarou declara acrescentou acrescenta destacou destaca
ressaltou ressalta perguntou pergunta respondeu responde informa informou aponta apontou frisou comentou comenta
avaliou avalia defendeu defende completou contou relatou relata alertou garantiu garante
pontuou argumentou argumenta reforçou reforça criticou admitiu admite observou observa lembrou lembra
questionou questiona assegurou salientou salienta enfatizou enfatiza sublinhou sublinha escreveu escreve
publicou postou alegou negou nega confirmou confirma reconheceu reconhece disseram afirmaram declararam
concluiu conclui detalhou detalha ponderou pondera resumiu desabafou desabafa avisou afirmava dizia
declarava explicava contava lamentou lamenta brincou celebrou comemorou agradeceu pediu cobrou rebateu rebate
retrucou replicou indagou ironizou justificou justifica sustentou sustenta insistiu insiste advertiu adverte
anunciou anuncia prometeu promete reclamou reclama relembrou recordou opinou analisou analisa finalizou
esclareceu esclarece emendou revelou revela confessou confidenciou tuitou explicaram contaram relataram
ressaltaram destacaram garantiram acusa acusou rechaçou rechaça critica sugere sugeriu ressalvou disparou
dispara cravou reafirma reafirmou reitera reiterou adiantou adianta enumerou enumera""".split()

_CS_STEMS = """řekl uvedl dodal prohlásil napsal zdůraznil vysvětlil zeptal odpověděl doplnil konstatoval podotkl sdělil
upozornil poznamenal potvrdil popsal připomněl svěřil přiznal vzkázal ocenil kritizoval varoval komentoval
oznámil dodával uváděl tvrdil pokračoval poukázal shrnul posteskl postěžoval pochválil ujistil slíbil
přislíbil vyzval odmítl zopakoval vzpomínal vzpomněl líčil popisoval vysvětloval říkal usoudil zhodnotil
nastínil hodnotil informoval ohradil zareagoval reagoval namítl opáčil prozradil upřesnil objasnil přiblížil
zmínil naznačil odhadl předpověděl přidal uzavřel
myslel domníval soudil pravil""".split()
_CS = """míní tvrdí říká uvádí dodává vysvětluje cituje upozorňuje zdůrazňuje poznamenává připomíná popisuje
potvrzuje odpovídá hodnotí líčí vzpomíná přiznává konstatuje varuje ujišťuje shrnuje podotýká
doplňuje dodávají uvádějí říkají tvrdí píše píšou myslí domnívá soudí dodává""".split()

ACCORDING = (
    r"according to|as \w+ put it|in the words of|in \w+ words|"
    r"по словам|по мнению|по данным|по (?:его|её|ее|их) (?:словам|мнению|данным)|"
    r"selon|d'après|d’après|aux yeux de|de l['’]avis de|"
    r"laut|zufolge|nach (?:Ansicht|Angaben|Worten|Einschätzung|Meinung|Auffassung) (?:von|des|der)|"
    r"según|de acuerdo con|en palabras de|a juicio del?|en opinión del?|a decir del?|"
    r"segundo|de acordo com|conforme|nas palavras de|na opinião de|na avaliação de|"
    r"podle slov|podle|slovy"
)
# A document or statement that speaks: "the report says", "diz o comunicado do STF", "говорится в сообщении".
DOCUMENTS = (
    r"statement|report|letter|document|release|ruling|study|notice|post|"
    r"comunicado|declaración|informe|documento|carta|nota|texto|publicación|mensaje|resolución|estudio|"
    r"dictamen|querella|fallo|reporte|boletín|proyecto de ley|"
    r"communiqué|rapport|document|lettre|texte|note|message|"
    r"Mitteilung|Erklärung|Bericht|Schreiben|Brief|Stellungnahme|Papier|Studie|Beschluss|"
    r"comunicado|relatório|documento|nota|carta|texto|decisão|estudo|justificativa|trecho|"
    r"petição|agravo|sentença|acórdão|ofício|projeto de lei|"
    r"prohlášení|zpráva|dopis|dokument|sdělení|"
    r"сообщени\w*|заявлени\w*|документ\w*|доклад\w*|письм\w*|пресс-релиз\w*|релиз\w*|постановлени\w*"
)
# Verbs of quoting that name the speaker as their object: "приводит слова Уайта", "quoted X as saying".
QUOTING = r"приводит слова|приводят слова|цитирует|цитируют|quoted|quotes|cita a|citó a|cite|zitiert|cituje"


def trie_pattern(words: list[str]) -> str:
    """One regular expression matching exactly `words`, factored by common prefixes."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return build(trie)


def _all_words() -> list[str]:
    """Every verb form of saying, the Russian and Czech stems' regular endings included."""
    words = _listed_words()
    for stem in _RU_STEMS:
        for ending in ("", "а", "о", "и"):
            for reflexive in ("", "ся", "сь"):
                words.append(stem + ending + reflexive)
    for stem in _CS_STEMS:
        words += [stem + ending for ending in ("", "a", "i", "o")]
    return sorted({w for w in words if w})


def _listed_words() -> list[str]:
    """The verb forms written out one by one (all but the Russian and Czech stems' endings)."""
    words: list[str] = []
    words += _EN + ["pointed out", "points out", "went on", "goes on"]
    words += _RU
    words += [w.strip() for line in _FR for w in _split_fr(line)]
    words += ["a fait valoir", "fait valoir", "a fait savoir", "fait savoir"]
    for participle in _FR_REFLEXIVE:  # "s'est félicitée": the participle agrees with the speaker
        for aux in ("s'est", "s’est", "se sont"):
            words += [f"{aux} {participle}", f"{aux} {participle}e", f"{aux} {participle}s", f"{aux} {participle}es"]
    words += _DE + _DE_PHRASES + _ES + _PT
    words += [f"se {verb}" for verb in _ES_REFLEXIVE]
    words += [f"{aux} {participle}" for participle in _ES_PARTICIPLES for aux in ("ha", "han", "había", "habían")]
    words += [f"se ha {participle}" for participle in ("quejado", "lamentado", "preguntado", "mostrado", "sincerado",
                                                        "defendido", "justificado")]
    words += _CS
    return sorted({w for w in words if w})


def _split_fr(line: str) -> list[str]:
    """French forms, keeping the two-word perfects ('a déclaré') and reflexives together."""
    tokens = line.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] in ("a", "s'est", "s’est", "se") and i + 1 < len(tokens):
            out.append(f"{tokens[i]} {tokens[i + 1]}")
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


# The stems' endings stay a suffix group rather than 1,280 more words in the trie: the pattern is
# embedded in a dozen expressions, and its length is what compiling them costs (0.3 s per process).
SPEECH_VERBS = (f"(?:{trie_pattern(_listed_words())}"
                + f"|(?:{trie_pattern(sorted(set(_RU_STEMS)))})(?:[аои])?(?:с[яь])?"
                + f"|(?:{trie_pattern(sorted(set(_CS_STEMS)))})[aio]?)")
"""A regular expression (no anchors, no word boundaries) for a verb of saying in any of our languages."""

GERMAN_VERBS = trie_pattern(sorted(set(_DE + _DE_PHRASES)))
"""A regular expression for a German verb of saying: German capitalizes nouns, so 'Minuten sagt' is no name."""

PT_ONLY = frozenset(_PT) - frozenset(_ES)
"""Portuguese verb forms of saying that Spanish does not share ('disse', 'diz', 'afirmou'): after them,
'a'/'o' before a capitalized word is the article of the subject ('diz o MPPE', 'afirmou a AGU'), where
Spanish 'a' is a preposition ('dijo a Clarín')."""

CS_PAST = trie_pattern(sorted(set(_CS_STEMS)))
"""A regular expression for the masculine past of a Czech verb of saying ('řekl'); + 'a' is feminine."""
