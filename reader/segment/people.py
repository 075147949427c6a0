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
from . import compiled
from . import gender as _gender
from .verbs import ACCORDING, GERMAN_VERBS, SPEECH_VERBS

__all__ = ["People", "SPEECH_VERBS", "ACCORDING", "PRONOUNS", "BODY_NOUNS", "Mention", "is_label_name"]

# Latin Extended-A mixes capitals and small letters ("Č", "ě"): only its capitals start a name.
_CAP = "[A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x180) if chr(c).isupper()) + "А-ЯЁЇІЄҐ]"
# "y"/"e" are left out: "con Fux, Pacheco e Bolsonaro" lists three people, not one double-barrelled name.
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "ibn", "dos", "das",
              "del", "ter", "ten"}
_TOKEN = compiled.regex(rf"{_CAP}[\w’'-]*|\b(?:{'|'.join(sorted(_PARTICLES))})\b(?=\s+{_CAP})")
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
    desde según para por con sin sobre entre hacia hasta tras ante durante el los las un una unos unas al en
    mientras tanto luego después antes aunque sin embargo pues porque si
    pero como cuando donde este esta estos estas ese esa también además así ahora hoy ayer
    les des un une dans pour par avec sans sur sous chez selon depuis après avant pendant mais et ou comme
    quand où que qui ce cette ces aussi ainsi
    der die das ein eine im am an auf aus bei mit nach seit vor zu zum zur für gegen ohne um über unter und
    oder aber auch doch dann denn wenn als wie so laut dieser diese dieses diesem diesen jener jene jenes
    kein keine sein seine ihr ihre unser unsere es sie er wir man nur noch schon heute gestern morgen
    ihren ihrem ihrer ihres seinen seinem seiner seines unseren unserem unserer deren dessen einem einen
    einer eines jeden jedem jeder jedes allen alle viele wie wer wo warum was welche welcher nun zudem
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni juli oktober
    dezember nacht tag woche jahr
    lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto
    septiembre octubre noviembre diciembre
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet août
    septembre octobre novembre décembre
    segunda terça quarta quinta sexta sábado janeiro fevereiro março maio junho julho setembro outubro
    novembro dezembro
    o os as um uma no na nos nas em segundo após mas também
    embora porém contudo entretanto todavia ainda apesar quando enquanto depois antes agora hoje ontem
    durante sobre para pelo pela com sem como se já isso isto essa esse esta este ele ela eles elas nesta
    neste nessa nesse desde até entre porque pois assim então afinal além conforme cerca sim não mais
    pese incluso ya tampoco ley lei
    v ve na z ze s o u k ke za po pro při podle i ale když jak že také než protože pokud proto tak však jenže
    přesto pak potom dnes včera zítra teď nyní už ještě to tento tato ten ta je jsou byl byla kromě během
    mezi před od do nad pod podle jeho její jejich jak jaký která který které co kdo kde proč nebo ani
    dle aby kdyby zatímco zato navíc například
    в на по с со из к от до для об при за под над и а но как когда что это также однако если потому теперь
    сейчас уже ещё еще после во этот эта эти тот та те его её ее их кроме между""".split()
)
_TITLES = set(
    """général générale commandant capitaine amiral contre-amiral
    president prime minister secretary general chancellor councillor councilor mayor governor senator
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
    porta-voz prefeito prefeita deputado deputada governador governadora delegado delegada advogado advogada juiz juíza
    secretário secretária diretor diretora comandante
    soudkyně soudce mluvčí ministr ministryně předseda předsedkyně prezident prezidentka advokát advokátka
    starosta starostka ředitel ředitelka poslanec poslankyně
    президент премьер-министр премьер министр глава мэр губернатор спикер пресс-секретарь представитель
    депутат сенатор директор тренер адвокат судья прокурор журналист эксперт аналитик профессор
    политолог председатель помощник посол канцлер спортсмен
    legislador legisladora congresista parlamentario parlamentaria asambleísta
    titular miembro membre mitglied membro člen член юрист врач адвокат лидер основатель руководитель
    vicepresidente vicepresidenta vice-président vice-présidente vizepräsident vizepräsidentin vice-presidente
    periodista journaliste journalist jornalista novinář novinářka lawyer attorney
    expresidente expresidenta ex-presidente ex-président ex-présidente exministro exministra ex-ministre
    exmandatario exmandataria ex-präsident ex-presidente exprezident экс-президент former
    piloto pilote fahrer rennfahrer driver jugador jugadora joueur joueuse spieler spielerin jogador jogadora
    player tenista futbolista capitán capitaine kapitän campeón campeona champion champion weltmeister
    técnico treinador entraîneur hráč trenér pilot
    scientist physician surgeon psychologist psychiatrist virologist epidemiologist biologist physicist chemist
    engineer architect activist campaigner teacher lecturer student actor actress singer musician artist
    novelist writer playwright filmmaker entrepreneur businessman businesswoman owner boss candidate
    commissioner prosecutor spokesperson strategist consultant pollster sociologist psychologist researcher
    wissenschaftler wissenschaftlerin virologe virologin forscher forscherin arzt ärztin politiker politikerin
    abgeordnete abgeordneter chef vorsitzende vorsitzender geschäftsführer geschäftsführerin kanzler kanzlerin
    ökonom ökonomin historiker historikerin autorin sänger sängerin schauspieler schauspielerin lehrer
    lehrerin polizist polizistin staatsanwalt staatsanwältin verteidiger verteidigerin unternehmer
    unternehmerin gründer gründerin kritiker kritikerin aktivist aktivistin trainerin regierungschef
    regierungschefin ministerpräsident ministerpräsidentin landrat landrätin oberbürgermeister
    oberbürgermeisterin parteichef parteichefin konzernchef konzernchefin mediziner medizinerin psychologe
    psychologin soziologe soziologin politologe politologin epidemiologe epidemiologin jurist juristin
    bischof kardinal papst managerin geschäftsführerin pressesprecher pressesprecherin
    científico científica investigador investigadora médico médica doctora psicólogo psicóloga profesor
    profesora empresario empresaria activista cantante actor actriz escritor escritora economista analista
    experto experta especialista sociólogo socióloga politólogo politóloga epidemiólogo epidemióloga líder
    dirigente candidato candidata magistrado magistrada coordinador coordinadora gerente delegado delegada
    consejero consejera rector rectora director diputado portavoza
    scientifique chercheuse médecin docteur psychologue sociologue politologue économiste historien
    historienne écrivain écrivaine auteur autrice chanteur chanteuse acteur actrice militant militante
    responsable dirigeant dirigeante patron patronne élu élue candidat candidate enseignant enseignante
    étudiant étudiante syndicaliste
    cientista pesquisador pesquisadora médico médica psicóloga professora empresário empresária ativista
    cantor cantora ator atriz escritora economista analista especialista socióloga candidato candidata
    promotor promotora vereador vereadora parlamentar coordenador coordenadora gerente presidenta
    premiér premiérka vědec vědkyně lékař lékařka psycholog psycholožka profesor profesorka ekonom
    ekonomka analytik analytička hejtman hejtmanka senátor senátorka politik politička šéf šéfka herec
    herečka zpěvák zpěvačka učitel učitelka kapitán primátor primátorka náměstek náměstkyně europoslanec
    europoslankyně obhájce obhájkyně žalobce expert expertka odborník odbornice podnikatel podnikatelka
    autor autorka spisovatel spisovatelka
    учёный ученый врач психолог экономист политик актёр актер актриса певец певица писатель писательница
    учитель учительница спортсменка чемпион чемпионка бизнесмен предприниматель вице-премьер лидер
    кандидат генерал полковник историк социолог эпидемиолог вирусолог инфекционист специалист ректор
    защитник следователь министр замминистра замглавы
    tricampeón tricampeona bicampeón bicampeona campeão campeã funcionario funcionaria funcionário funcionária
    fonctionnaire beamter beamtin úředník úřednice чиновник чиновница dirigente ejecutivo ejecutiva executivo
    executiva político política
    toxicologue toxicólogo toxicóloga toxikologe toxikologin naturopathe naturópata nutritionniste nutricionista
    gastro-entérologue gastroenterólogo gastroenteróloga anthropologue antropólogo antropóloga anthropologe
    anthropologin philosophe filósofo filósofa philosoph philosophin biologiste biólogo bióloga biologe
    biologin virologue épidémiologiste integrante referente kandidat kandidatin spitzenkandidat
    spitzenkandidatin gremialista architecte arquitecto arquitecta architekt architektin comunicador
    comunicadora panelista presentador presentadora locutor locutora conductor conductora animador
    animadora animateur animatrice présentateur présentatrice moderator moderatorin""".split()
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
    """federación fédération federation föderation federação federace федерация confederación confédération
    sindicato syndicat gewerkschaft odbory asociación plataforma ayuntamiento ministerio gobierno universidad partido comisión fundación tribunal
    frente movimiento coalición alianza congreso senado congresso front mouvement bewegung casa palacio palais grupo
    palácio planalto élysée armadas armées streitkräfte forças fuerzas guardia policía policia polizei police
    полиция policie ejército bomberos junta generalitat xunta consejería diputación cabildo unidad unité
    association plateforme mairie ministère gouvernement université parti tribunal conseil
    verband verein ministerium regierung universität partei gericht stiftung comité komitee committee комитет výbor
    associação prefeitura ministério governo universidade partido fundação comissão câmara cámara chambre
    sdružení ministerstvo vláda univerzita strana soud úřad urząd bureau behörde oficina escritório агентство
    управление ведомство служба agentura
    ассоциация министерство правительство университет партия суд фонд
    corte cour consejo instituto institut escuela colegio asamblea assemblée unión observatorio agencia
    banco liga organización organisation organização organizace dirección direction departamento département contraloría fiscalía procuraduría defensoría auditoría tesorería secretaría órgano organismo
    préfecture gendarmerie parquet rectorat feuerwehr staatsanwaltschaft bundesregierung landesregierung""".split()
)
_PLACES = set(
    """russian american us u.s uk u.k british english ukrainian belarusian french german chinese european eu
    nato un israeli iranian turkish polish czech spanish portuguese italian japanese korean indian brazilian
    canadian australian mexican saudi syrian arab western eastern northern southern soviet russia ukraine
    belarus usa america china france germany britain england europe kiev kyiv moscow washington london paris
    berlin beijing kremlin white house pentagon brussels israel iran turkey poland spain portugal italy japan
    korea india brazil canada australia mexico syria crimea donbass kursk kharkov kharkiv jeddah riyadh
    gaza africa asia atlantique atlántico atlantic pacifique pacífico pacific nord-est nord-ouest sud-est sud-ouest
    nordeste noroeste sudeste sudoeste northeast northwest southeast southwest rio río unidos unido unidas unis
    uni estados états vereinigten spojené соединенные штаты""".split()
)
_ORG_HEADS = set(
    """states forces federation union kingdom republic region ministry department center centre council
    committee office staff house street square island islands river sea ocean mountains university institute
    bank agency party army navy corps court assembly parliament times post news daily journal service group
    company inc ltd airport station hospital school church cathedral palace harbour harbor authority
    association organization organisation fund foundation commission coalition alliance treaty agreement day
    week war games cup league club team press media television radio tv channel network studies affairs
    administration government duma senate congress reserve exchange index market arts sciences academy
    awards festival estado état etat staat stát государство seguridad sécurité""".split()
)
_SAINTS = {"são", "san", "santa", "santo", "saint", "sainte", "sankt", "st", "st.", "svatý", "svatá", "new", "nueva",
           "nuevo", "nova", "novo", "nouvelle", "los", "las", "port", "puerto", "porto", "fort", "bad"}
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
    set("""judge juez jueza juge richter richterin juiz juíza soudce soudkyně судья magistrado magistrada
        instructor instructora magistrat magistrate""".split()),
    set("""vicepresidente vicepresidenta vice-président vice-présidente vizepräsident vizepräsidentin
        vice-presidente вице-президент""".split()),
    set("""journalist periodista journaliste jornalista novinář novinářka журналист reporter""".split()),
]
_DEMONYM_GROUP = len(_ROLE_GROUPS)
_ROLE_GROUPS.append(_DEMONYMS)
_ROLE_GROUP = {word: i for i, group in enumerate(_ROLE_GROUPS) for word in group}
_TITLES |= _DEMONYMS | set(_ROLE_GROUP)
# Words that never start a person's name: sentence starters, titles, places.
_NOT_NAMES = _STARTERS | _TITLES | _PLACES
_MALE_ARTICLES = {"el", "le", "o", "der", "il", "lo", "du", "del", "do", "dem", "des"}
_FEMALE_ARTICLES = {"la", "die", "une", "una", "uma", "da"}
_FEMALE_ROLES = set("""presidenta présidente präsidentin prezidentka ministra ministerin ministryně vocera
    alcaldesa prefeita starostka entrenadora senadora sénatrice jueza richterin juíza soudkyně sprecherin
    bürgermeisterin spokeswoman""".split())


_COURTESY = {"mr", "mrs", "ms", "herr", "frau", "monsieur", "madame", "señor", "señora", "senhor", "senhora", "pan",
             "paní", "sir", "lady", "dame", "господин", "госпожа"}
_ARTICLES = {"the", "a", "an", "el", "la", "los", "las", "le", "les", "l", "der", "die", "das", "den", "dem",
             "o", "os", "as", "un", "une", "una", "um", "uma", "ein", "eine", "этот", "эта"}


# Words that join a role to its domain: "minister of health", "ministre de la Santé", "secretario general del".
_CONNECTORS = {"of", "for", "de", "del", "la", "du", "des", "da", "do", "der", "von", "für"}
_CYRILLIC = compiled.regex(r"[а-яё]", re.I)
_GERMAN = compiled.regex(r"\b(?:der|die|das|und|ist|nicht|mit|sich|auf|dem|den|eine|einen|wird|sind|zum|zur|über|für|"
                         r"auch|oder|aber)\b")
# Endings of German nouns and adjectives ("Künstliche", "Texteingabefeld", "Forschung").
_GERMAN_NOUN = compiled.regex(r"(?:ung|heit|keit|schaft|ismus|ität|tion|feld|werk|haus|amt|e|en|es|er|em)$")
_ORGANISATION = compiled.regex(
    _CAP + r"[\w’'-]*(?:\s+(?:(?:de|del|de la|des|du|da|do|of|the|für|der|y|e|and)\s+)*" + _CAP + r"[\w’'-]*)+")
_GENERIC_ORGS = {"ong", "ngo", "organización", "organisation", "organization", "organização", "organizace",
                 "организация", "company", "empresa", "compañía", "entreprise", "société", "unternehmen", "firma",
                 "společnost", "компания", "institución", "institution", "instituição", "entidad", "agency",
                 "agencia", "agence", "agentur", "agência", "group", "grupo", "groupe", "gruppe", "skupina", "группа"}
# Words that end a title phrase: what comes after them is not the title's domain.
_APPOSITION_STOPS = {"sobre", "about", "con", "with", "por", "by", "para", "for", "contra", "against", "sur", "über",
                     "mit", "durch", "que", "who", "qui", "quien", "that", "which", "than", "como", "comme", "wie",
                     "о", "с", "по", "что", "který", "která", "že", "s", "se", "pour", "avec", "par", "à", "a", "en",
                     "in", "to", "at", "on", "y", "and", "et", "und", "e", "и"}
_EPITHET = compiled.regex(r"(?:eño|eña|ano|ana|ense|és|esa|ego|ega|ais|aise|ois|oise|ien|ienne|ês)$")
_NOT_EPITHETS = set("""ciudadano ciudadana hermano hermana anciano anciana humano veterano veterana cirujano cirujana
    paisano paisana aldeano aldeana cristiano cristiana mecánico empresa mesa presa princesa promesa sorpresa
    defensa tesis ancien ancienne citoyen citoyenne mien mienne sien sienne chrétien chrétienne gardien gardienne
    mais jamais anglais""".split())
# Titles won, not held: "el tricampeón del mundo" is the story's main figure.
_CHAMPIONS = set("""champion campeón campeona tricampeón tricampeona bicampeón bicampeona campeão campeã champion
    championne weltmeister weltmeisterin mistr mistryně чемпион чемпионка""".split())
# German compounds whose head is a title ("Gesundheitsministerin", "Regierungssprecher", "SPD-Chef").
_COMPOUND_HEADS = ("siegerin", "sieger", "kandidatin", "kandidat", "ministerin", "minister", "sprecherin", "sprecher", "chefin", "chef", "kanzlerin", "kanzler",
                   "präsidentin", "präsident", "politikerin", "politiker", "sekretärin", "sekretär", "vorsitzende", "vorsitzender",
                   "expertin", "experte", "forscherin", "forscher", "trainerin", "trainer", "bürgermeisterin",
                   "bürgermeister", "direktorin", "direktor", "leiterin", "leiter", "managerin", "manager")
_COMPOUND_ROLE = compiled.regex(r"^[\wäöüß-]{2,}(?:" + "|".join(_COMPOUND_HEADS) + r")$")
# "der 45-Jährige", "die 32-Jährige": a person by age, as German news calls the one just named.
_AGED = compiled.regex(r"\d+-jährige[rn]?")
# A German compound whose head is a body ("Landwirtschaftsministerium", "Bauernverband", "Bundesgericht").
_GERMAN_BODY = compiled.regex(
    r"\b[A-ZÄÖÜ][a-zäöüß]{3,}(?:ministerium|verband|behörde|gericht|gewerkschaft|stiftung|kommission|"
    r"regierung|polizei|agentur)\b")
# A press office or website given as a source: "сообщила пресс-служба вуза", "на сайте городской
# администрации", "selon le service de presse de la mairie", "teilte die Pressestelle der Stadt mit".
_PRESS_SOURCE = compiled.regex(
    r"(?:пресс-служб[аеуы]|на\s+сайте|service\s+de\s+presse|Pressestelle|press\s+office|oficina\s+de\s+prensa|"
    r"assessoria\s+de\s+imprensa|tiskové\s+oddělení|tiskového\s+oddělení)\s+(?:de\s+la\s+|du\s+|des\s+|der\s+|"
    r"of\s+the\s+|de\s+|del\s+|da\s+|do\s+)?[^\s,.;:!?«»\"]+(?:\s+[^\s,.;:!?«»\"]+)?")
# The elided article of French and Italian, written onto its noun: "l'imam", "d’avocat".
_ELIDED = compiled.regex(r"^[ld]['’](?=\w)")
# An acronym joined to a noun ("DDR-Hotel", "US-Senator", "SPD-Politiker") describes; it is no part of a name.
_ACRONYM_COMPOUND = compiled.regex(r"[A-ZÄÖÜ]{2,}-[a-zäöüß]*[A-ZÄÖÜ]?[a-zäöüß]+$")
# A given name that opens its sentence counts when an apposition follows it: "Mohammed, cadre ferroviaire,
# a assisté …", "Ibrahim, 32 ans,", "Anna, Lehrerin aus Köln,".
_APPOSITION_NEXT = compiled.regex(r",\s+(?:\d+\s*(?:ans|años|anos|Jahre|years|let|лет)\b|"
                                  r"(?!(?:un|une|el|la|le|les|l|der|die|das|a|an|the|o|um|uma|son|sa|ses)\b)"
                                  r"[a-zà-ÿ][\w’'-]+(?:\s+[\w’'-]+){0,4}\s*,)")
# An age between commas introduces a person, whatever their name: "Fatima, 34, a nurse", "Pasiphae, 20 ans,",
# "Jana (34)". The page's own asterisk for a changed name may sit on it ("Antoine*, 32 ans,").
# A description in small letters follows the age: "Barcelona, 2, Real Madrid, 1" is a score.
_AGE_NEXT = compiled.regex(r"\*?(?:,\s+\d{1,2}(?:\s*(?:ans|años|anos|Jahre|years(?:\s+old)?|let|roků|лет|года?|год))?\s*,"
                           r"(?=\s*[a-zà-ÿа-яё])|\s+\(\d{1,2}\)\s*[,.]?)")


# Endings of Spanish, French and Portuguese common nouns and adjectives that surnames rarely have
# ("Ingeniería", "Universitaria", "Políticas", "Anticorrupción", "Sécurité").
_COMMON_NOUN = compiled.regex(
    r"(?:ción|ciones|sión|siones|idad|idades|ismo|ismos|ería|erías|ncias|itaria|itario|itarias|itarios|"
    r"ógica|ógico|ógicas|ógicos|icas|icos|ivas|ivos|iva|ivo|ales|antes|entes|tion|tions|ité|ités|isme|ique|"
    r"iques|ção|ções|dade|dades|ários|árias|ário|ária|ional|ionales|ionaux|ionnel|ionnelle|egial|egiales|icial|iciales|ocial|ociales|ecial|eciales|ncial|nciales|"
    # Spanish and Portuguese adjectives of bodies and programmes ("Buró Político", "Justiça Eleitoral",
    # "Secretaria Estadual", "Bolsa Família").
    r"ítico|ítica|íticos|íticas|itoral|itorales|ctoral|ctorales|adual|aduales|ederal|ederales|icipal|icipales|"
    r"amília|amilia)$")


# German abstract nouns ("Souveränität Venezuelas", "Gesellschaft"), never a given name.
_ABSTRACT_NOUN = compiled.regex(r"(?:ität|heit|keit|schaft|ismus|ungen)$")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country names, lower-case, in English and in the languages we read ('costa rica', 'alemania',
    'allemagne'), from pycountry's translations: a capitalized run that is one names no person."""
    import gettext
    import os

    import pycountry

    folder = os.path.join(os.path.dirname(pycountry.__file__), "locales")
    names: set[str] = set()
    for language in ("es", "fr", "de", "pt", "cs", "ru", "it"):
        try:
            translation: gettext.NullTranslations = gettext.translation("iso3166-1", folder, languages=[language])
        except OSError:  # a missing catalogue: English names only
            translation = gettext.NullTranslations()
        for country in pycountry.countries:
            for name in {country.name, getattr(country, "common_name", country.name)}:
                names.update({name.lower(), translation.gettext(name).lower()})
    return frozenset(names)


def _compound_head(word: str) -> str:
    """The title a German compound ends with ('gesundheitsministerin' -> 'ministerin'), or the word."""
    if word in _TITLES or not _COMPOUND_ROLE.search(word):
        return word
    return next(head for head in _COMPOUND_HEADS if word.endswith(head))


# Words for any office-holder: they mean whoever holds an office in the story.
_GENERIC_ROLES = set("""official funcionario funcionaria funcionário funcionária fonctionnaire beamter beamtin
    úředník úřednice чиновник чиновница responsable dirigente politician político política politique politiker
    politikerin""".split())
# A body's kind in lower case and its name, with at most one adjective between ("o partido Rede
# Sustentabilidade", "la organización social Comité de Desarrollo Campesino (Codeca)").
_KIND_THEN_NAME = compiled.regex(
    r"\b(?P<kind>[a-zà-ÿ]{4,})\s+(?:[a-zà-ÿ]{4,}\s+)?(?P<name>" + _CAP + r"[\w’'-]*(?:\s+(?:(?:de|del|da|do|dos|das|y|e)\s+)*"
    + _CAP + r"[\w’'-]*)*)")
# A Spanish or Portuguese office in lower case with its article, right before a lone name.
_LOWER_TITLE_BEFORE = compiled.regex(
    r"\b(?i:el|la|o|a)\s+(?:presidente|presidenta|ministro|ministra|senador|senadora|deputado|deputada|diputado|"
    r"diputada|governador|governadora|gobernador|gobernadora|alcalde|alcaldesa|prefeito|prefeita|juiz|juíza|juez|"
    r"jueza|papa|rei|rey|técnico|treinador|entrenador|vereador|vereadora|general|coronel|pastor|padre)\s+$")
# Capitalized, these name a department rather than a person ("Secretaria Estadual de Cultura").
_DEPARTMENTS = {"secretaria", "secretaría"}
BODY_NOUNS = frozenset(_ORG_WORDS | _GENERIC_ORGS)
"""Lower-case nouns for a kind of body in our languages ('partido', 'organización', 'ministère')."""
# Spanish and Portuguese words for any member of a chamber, and the titles they stand for.
_LEGISLATOR_WORDS = {"parlamentar", "parlamentares", "parlamentario", "parlamentaria", "legislador", "legisladora",
                     "congresista"}
_LEGISLATORS = {"deputado", "deputada", "diputado", "diputada", "senador", "senadora", "vereador", "vereadora",
                "concejal", "concejala", "congresista", "legislador", "legisladora", "parlamentar", "asambleísta"}
_HEAD_OF_STATE = compiled.regex(
    r"\b(?:chef de l['’]état|jefe del? estado|chefe de estado|head of state|staatsoberhaupt|hlava státu|"
    r"глав\w* государства|chef de l['’]etat)\b")
_CZECH_LETTERS = compiled.regex(r"[ěřůťďňĚŘŮŤĎŇ]")
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
    if not _CYRILLIC.search(word):  # other scripts never load the analyser
        return word
    morph = _morph()
    if morph is None:
        return word
    return str(morph.parse(word)[0].normal_form)


@lru_cache(maxsize=4096)
def _nominative(word: str, gender: str | None = None) -> str:
    """A Russian name word in the nominative ('Ибрагимом' -> 'Ибрагим', 'Бурмистровой' -> 'Бурмистрова').

    A word one of whose readings as a name is already nominative is kept, so a nominative surname
    that happens to look like another name's genitive stays as written.
    """
    if not _CYRILLIC.search(word):
        return word
    morph = _morph()
    if morph is None:
        return word
    parses = [p for p in morph.parse(word) if _PERSON_TAGS & set(p.tag.grammemes)]
    # A surname's own nominative ending (Силуанов, Песков) is kept even when the analyser's best
    # guess reads the word as some other name's genitive plural ("of the Siluans").
    male, female = re.search(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$", word), re.search(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$", word)
    if not parses or (male if gender == "masc" else female if gender == "femn" else male or female):
        return word
    if gender is not None:
        parses = [p for p in parses if p.tag.gender == gender] or parses
    if parses[0].tag.case == "nomn":
        return word
    form = parses[0].inflect({"nomn"})
    if form is None:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in str(form.word).split("-"))


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    """A Russian word whose likeliest reading is a place name ('Малайзии')."""
    if not _CYRILLIC.search(word):
        return False
    morph = _morph()
    return morph is not None and "Geox" in morph.parse(word)[0].tag.grammemes


def _nominative_name(words: list[str], czech: bool = False) -> list[str]:
    """A Russian full name in the nominative, the surname agreeing with the given name's gender."""
    if words and re.search(r"(?:ové|ovou|ské|skou|cké|ckou)$", words[-1]):
        # A Czech woman's name in another case: "Jany Novákové" is Jana Nováková.
        given = [re.sub(r"(?:ii|ií)$", "ie", re.sub(r"(?:y|ou|ě)$", "a", w)) for w in words[:-1]]
        return given + [re.sub(r"(?:é|ou)$", "á", words[-1])]
    if czech and len(words) >= 2 and not any(_CYRILLIC.search(w) for w in words):
        return _czech_masculine(words)
    if not any(_CYRILLIC.search(w) for w in words) or _morph() is None:
        return words
    gender = _name_gender(words[0])
    return [_nominative(w, gender) for w in words]


def _czech_masculine(words: list[str]) -> list[str]:
    """A Czech man's name in another case, back in the nominative: 'Donalda Trumpa', 'Petru Novákovi',
    'Janem Novákem'. Only when the given name without the ending is a man's name and the surname's
    ending is a case ending after a consonant (a woman's 'Petra Nováková' is left alone)."""
    first, last = words[0], words[-1]
    for ending, nominative, first_endings in (("ovi", "", ("ovi", "u")), ("em", "", ("em",)), ("a", "", ("a",)),
                                              ("u", "", ("u",)), ("y", "a", ("a",)), ("ovi", "a", ("ovi", "u"))):
        stem = last[: -len(ending)]
        if not last.endswith(ending) or len(stem) < 3 or (not nominative and stem[-1] in "aeiouyáéíóúůýě"):
            continue
        for first_ending in first_endings:
            given = first[: -len(first_ending)]
            if first.endswith(first_ending) and len(given) >= 3 and _gender.of_name(given + " X") is Gender.MALE:
                return [given] + words[1:-1] + [stem + nominative]
    return words


def is_label_name(words: list[str]) -> bool:
    """True when a label's words, written as a name ('Karla Tarazona', 'Ana de la Torre'), read as a
    person's: a given name first and no function word, title or place among them ('Leia Também',
    'Voir Aussi', 'Elle Dit' are not)."""
    first = words[0]
    given = _gender.is_given_name(first) or (bool(_CYRILLIC.search(first)) and _name_gender(first) is not None)
    return given and not any(w.lower() in _NOT_NAMES or w.lower() in PRONOUNS for w in words if w.lower() not in _PARTICLES)


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


_SPOKES_FOR = compiled.regex(
    r"\b(?:spokes(?:man|woman|person)|representative|portavoz|vocero|vocera|porte-parole|sprecher(?:in)?|"
    r"porta-voz|mluvčí|пресс-секретарь|представитель)\s+(?:for|of|from|de|del|du|des|der|da|do|dos|das)\s+"
    r"(?:(?:the|la|el|le|l['’])\s*)?(?P<org>" + _CAP + r"[\w’'-]*(?:\.[\w’'-]+)*(?:\s+(?:(?:and|y|et|und|e|of|de|del|des|"
    r"für|for)\s+)?" + _CAP + r"[\w’'-]*(?:\.[\w’'-]+)*)*)")
_SPEECH_NEXT = compiled.regex(rf"\s+(?:{SPEECH_VERBS})\b", re.I)
_GERMAN_NEXT = compiled.regex(rf"\s+(?:{GERMAN_VERBS})\b")


def _introduced(text: str, end: int) -> bool:
    """A lone given name followed by an apposition or a verb of saying ('Antoine*, 32 ans', 'Zineb said')."""
    return text[end : end + 1] in (",", "*", "(") or bool(_SPEECH_NEXT.match(text, end))


# Case endings of Czech and Russian names (and the nominative's own last vowel, "Fiala"/"Fialy").
_CASE_ENDINGS = {"", "a", "u", "e", "ě", "y", "i", "ovi", "em", "ou", "é", "ová", "ové", "ovou",
                 "а", "у", "е", "ы", "и", "ом", "ым", "ой", "ей", "ою", "ую", "ем", "ю", "я"}


def _stem(surname: str) -> str:
    """A surname without its nominative ending: 'Nováková' -> 'Novák', 'Fiala' -> 'Fial', 'Путин' -> 'Путин'."""
    for ending in ("ová", "ова", "ева", "ина", "á", "a", "а", "я"):
        if surname.endswith(ending) and len(surname) - len(ending) >= 3:
            return surname[: -len(ending)] + ("ов" if ending == "ова" else "ев" if ending == "ева" else
                                                "ин" if ending == "ина" else "")
    return surname


def _declined(words: list[str], known: list[str]) -> bool:
    """True when `words` are the name `known` with case endings ('Michala Redla' for Michal Redl)."""
    return len(words) == len(known) and words != known and all(
        w == k or (w.startswith(k) and len(k) >= 3 and w[len(k) :] in _CASE_ENDINGS - {"ová", "ové", "ovou"})
        for w, k in zip(words, known))


def _clean_token(token: str) -> str:
    return re.sub(r"[’']s$", "", token.rstrip("-"))


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
    tails: dict[str, str] = field(default_factory=dict)
    """The last two words of a longer name -> the full name ('Pekarová Adamová')."""
    stems: dict[str, str] = field(default_factory=dict)
    """A surname without its case ending ('Novák' for Nováková) -> the person, for declined forms."""
    genders: dict[str, Gender | None] = field(default_factory=dict)
    """Full name -> gender, from the name itself or from the grammar of a cue that named them."""
    given: dict[str, str] = field(default_factory=dict)
    """First name -> the most recently named person with it ("Marie-Pierre" after "Marie-Pierre Dausse")."""
    roles: dict[str, set[int]] = field(default_factory=dict)
    """Full name -> the role groups of the titles they were introduced with."""
    role_words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Full name -> the words of the title they were introduced with."""
    subjects: list[str] = field(default_factory=list)
    """Who each sentence of narration was about, in order."""
    counts: dict[str, int] = field(default_factory=dict)
    """Full name -> how often the article has named them."""
    first_seen: list[str] = field(default_factory=list)
    """Full names in the order the article first named them."""
    organisations: list[str] = field(default_factory=list)
    """Organisations named so far, most recent last."""
    unnamed_speaking: bool = False
    """The last quotation was given to someone the article does not name, and no one was named since."""
    german: bool = False
    """The article has shown German text (capitalized nouns are not names there)."""
    org_kinds: dict[str, str] = field(default_factory=dict)
    """Lower-case kind of body -> the one last named with it ('partido' -> 'Rede Sustentabilidade')."""
    lead_subject: str | None = None
    """The subject of the latest sentence that named anyone; None when it named people but none as
    its subject."""
    last_statement: str | None = None
    """Who the last quotation from a statement or document was given to ('en un comunicado')."""
    last_speaker: str | None = None
    """The person the last attributed quotation of the article was given to."""
    press_source: str | None = None
    """The press office or site the latest narration named as a source ('пресс-служба вуза', 'le
    service de presse de la mairie'), for a statement quoted after it with no author of its own."""
    upcoming: tuple[str, ...] = ()
    """The next few paragraphs, for a role the article names before the person ('asegura el alcalde
    de Bédar' a paragraph before 'el alcalde de Bédar, Ángel Collados'). Read only when needed."""

    def by_title_ahead(self, phrase: str) -> str | None:
        """The person the next paragraphs introduce with exactly the office phrase `phrase`, when it
        names its office with a domain ('el alcalde de Bédar', not a bare 'el alcalde'); None otherwise."""
        words = [_lemma(w) for w in re.findall(r"[\w’'-]+", phrase.lower()) if w not in _ARTICLES]
        first_role = next((i for i, w in enumerate(words) if w in _TITLES), None)
        if first_role is None or len(words) - first_role < 3:
            return None
        key = " ".join(words[first_role:])
        later = People()
        for text in self.upcoming:
            for mention in later.find(text):
                if mention.title and (mention.title == key or mention.title.endswith(" " + key)):
                    return self.find(mention.name)[0].name if self.find(mention.name) else mention.name
                later.remember([mention])
        return None

    def find(self, text: str) -> list[Mention]:
        """People named in `text` (full names of two or more words, or known surnames), in order."""
        found: list[Mention] = []
        tokens = list(_TOKEN.finditer(text))
        # What the text's language says about names, read once per text (German nouns, Czech cases).
        german = _GERMAN.findall(text) if len(tokens) > 1 else []
        # An article that has shown itself German stays German in its short pieces ("bei den Vereinten
        # Nationen" after a quotation has too few small words to tell on its own).
        self.german = self.german or len(german) >= 3
        # A short line of a German article (a subheading, "„Besorgniserregender Vorfall“") is German too.
        script = (len(german) >= 3 or (self.german and (bool(german) or (
            len(tokens) <= 3 and not re.search(r"\b[a-zäöüß]", text)))), bool(german),
                  bool(_CZECH_LETTERS.search(text)) if tokens else False)
        i = 0
        while i < len(tokens):
            j = i
            while j + 1 < len(tokens) and re.fullmatch(r"\s+", text[tokens[j].end() : tokens[j + 1].start()]):
                # "Version der Mail" is two nouns; "Ursula von der Leyen" one name.
                if tokens[j + 1].group(0) in ("der", "den") and tokens[j].group(0) not in ("von", "van"):
                    break
                j += 1
            found.extend(self._from_run(text, tokens[i : j + 1], found, script))
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

    def _from_run(self, text: str, run: list[re.Match[str]], earlier: list[Mention],
                  script: tuple[bool, bool, bool]) -> list[Mention]:
        german_text, german_word, czech = script
        words = [_clean_token(m.group(0)) for m in run]
        # The name is the run's tail after title words, places and sentence-initial words.
        k = 0
        while k < len(words) and (
            words[k].lower().rstrip(".") in _NOT_NAMES
            or _lemma(words[k].lower()) in _TITLES
            or ("-" in words[k] and bool(_COMPOUND_ROLE.search(words[k].lower())))  # "Tournee-Sieger Hannawald"
            or (words[k].isupper() and len(words[k]) > 1)
            or bool(_ACRONYM_COMPOUND.match(words[k]))  # "DDR-Hotel Lunik", "US-Senator Graham": a descriptor
        ):
            k += 1
        name_words = words[k:]
        while name_words and name_words[0].lower() in _PARTICLES:  # "de Cristina Kirchner": the "de" is not hers
            name_words = name_words[1:]
            k += 1
        if german_text and len(name_words) >= 2 and not _gender.is_given_name(name_words[0], loose=True) \
                and (head := re.search(r"([\w’'-]+)\s+(?:der|des)\s*$", text[max(0, run[0].start() - 60) : run[0].start()]
                                       + ("der " if words[0].lower() in ("der", "des") else ""))) \
                and self.is_role(head.group(1)):
            # "Außenminister der Vereinigten Arabischen Emirate", "Chef des Deutschen Gewerkschaftsbundes":
            # after a title, a genitive names the office's domain, not its holder.
            return []
        if len(name_words) >= 2 and _lemma(name_words[-1].lower()) in _TITLES \
                and not _gender.is_given_name(name_words[0], loose=True):
            return []  # "Berliner Imam", "Grünen Spitzenkandidat": a title ends no one's name
        if not name_words or name_words[-1].lower() in _ORG_HEADS or name_words[-1].lower() in _PLACES \
                or name_words[0].lower() in _SAINTS:  # "São Paulo", "San Sebastián", "Saint-Denis" are places
            return []
        # "Thüringens AfD-Chef": a German compound title ends the run, so no name follows it.
        if "-" in name_words[-1] and _COMPOUND_ROLE.search(name_words[-1].lower()):
            return []
        # "Asociación Vecinal Pradera-Tercio Terol": an organisation's name, not a person's.
        if any(w.lower() in _ORG_WORDS for w in name_words):
            return []
        if any(w.isupper() and len(w) > 1 for w in name_words) or any(c.isdigit() for w in name_words for c in w):
            return []
        # Keep at most a given name, particles and a surname: "Belarus Alexander Lukashenko" -> the last two.
        core = [w for w in name_words if w.lower() not in _PARTICLES]
        # ... unless the run starts at a given name: "Paulo Sérgio Nogueira", "Ana Sofia Cardenal".
        first_given = next((i for i, w in enumerate(name_words) if w.lower() not in _PARTICLES
                            and _gender.is_given_name(w, loose=True)), None) \
            if len(core) > 2 else None
        if first_given is not None and len([w for w in name_words[first_given:] if w.lower() not in _PARTICLES]) <= 4 and \
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
        # "Анваром Ибрагимом" is Анвар Ибрагим; "Donalda Trumpa" Donald Trump in a Czech text.
        name_words = _nominative_name(name_words, czech)
        core = [w for w in name_words if w.lower() not in _PARTICLES]
        if len(core) >= 2:
            if not _gender.is_given_name(core[0], loose=True) and (
                    " ".join(core).lower() in _countries() or core[0].lower() in _countries()
                    or core[-1].lower() in _countries()  # "Renda Brasil" (a programme), "Ist Deutschland, ist Europa naiv?"
                    or (len(core[0]) >= 7 and _ABSTRACT_NOUN.search(core[0].lower()))
                    or ((any(_COMMON_NOUN.search(w.lower()) for w in core) and not german_text
                         or any(w in _PARTICLES for w in name_words[1:]))
                        # A title right before the run vouches for a person ("Judge Ford"); one
                        # joined by "del" ("Miembro del Buró Político") or a department's name
                        # ("Secretaria Estadual de Cultura") does not.
                        and not (k and words[k - 1].lower().rstrip(".") in _TITLES
                                 and words[k - 1].lower() not in _DEPARTMENTS)
                        and ((self._title_before(text, start, words[:k]) or "de").split()[-1] in _CONNECTORS
                             or bool(k) and words[k - 1].lower() in _DEPARTMENTS)
                        and not (self._apposition_after(text, end) or _SPEECH_NEXT.match(text, end)))):
                # "Costa Rica", "Colombia Piensa", "Ingeniería Civil", "Ciencias Políticas", "Konsum von
                # Drogen": a country, or words with the endings of common nouns and adjectives, or two
                # nouns joined by a preposition, and nothing that says a person (a given name, a
                # title, an apposition or a verb of saying) is named. A title ending in "de" has the
                # run as its domain ("referente de Madres de Plaza de Mayo"), not as its holder.
                return []
            # German capitalizes every noun: "Künstliche Intelligenz", "Texteingabefeld Antworten" are
            # not people. There a name starts with a given name, or a title or a verb of saying vouches.
            if german_text and \
                    not _gender.is_given_name(name_words[0], loose=True) and \
                    not any(w.lower().rstrip(".") in _TITLES for w in words[:k]) and \
                    not self._title_before(text, start, words[:k]) and not _introduced(text, end):
                # "Kontrolleur Hafele" after "Mathias Hafele": a noun before a surname already known.
                known = self.by_surname(name_words[-1]) if len(core) == 2 else None
                if known:
                    start = run[len(words) - 1].start()
                    return [Mention(name=known, start=start, end=end)]
                return []
            name = " ".join(name_words)
            # "uvedla Pekarová Adamová" after "Markéta Pekarová Adamová": the person already named.
            name = self.tails.get(name, name)
            if name not in self.counts:
                # "svéprávnosti Michala Redla" after "Michal Redl", in a sentence with none of the letters
                # that mark Czech: the person already named, in another case.
                last = name_words[-1]
                known_by_surname = (self.surnames.get(last[: len(last) - len(e)]) for e in _CASE_ENDINGS
                                    if e and last.endswith(e))
                name = next((n for n in known_by_surname if n and _declined(name_words, n.split())), name)
        elif len(core) == 1:
            # "Piet de Vries called … According to de Vries": a surname named earlier in the same text.
            known = next((m.name for m in reversed(earlier) if m.name.split()[-1] == core[0]), None) or \
                self.by_surname(core[0]) or (self.given.get(core[0]) if len(words) == 1 else None)
            if known is None:
                # A lone surname counts when a title introduces it ("Judge Ford", "Mr. Marcus"); a lone
                # given name inside a sentence names someone too ("comme nous le raconte Antoine*").
                # So does a lone surname that is the subject of a verb of saying inside a sentence
                # ("Minutos antes del encuentro, Albares ha recalcado").
                if not any(w.lower().rstrip(".") in _TITLES for w in words[:k]) and \
                        not (len(words) == 1 and _mid_sentence(text, start) and _gender.is_given_name(core[0])
                             and core[0].lower() not in _PLACES and _introduced(text, run[-1].end())) and \
                        not (len(words) == 1 and _gender.is_given_name(core[0]) and core[0].lower() not in _NOT_NAMES
                             and _APPOSITION_NEXT.match(text, run[-1].end())) and \
                        not (len(words) == 1 and _mid_sentence(text, start) and core[0].lower() not in _NOT_NAMES
                             and _SPEECH_NEXT.match(text, run[-1].end()) and not german_word
                             and not _GERMAN_NEXT.match(text, run[-1].end())
                             and not re.search(r"\d\s*$", text[: run[0].start()])) and \
                        not (len(words) == 1 and not german_text and core[0].lower() not in _NOT_NAMES
                             and _LOWER_TITLE_BEFORE.search(text[max(0, start - 40) : start])) and \
                        not (len(words) == 1 and core[0].lower() not in _NOT_NAMES and core[0].lower() not in _PLACES
                             and not core[0].isupper() and _AGE_NEXT.match(text, run[-1].end())):
                    # (… nor a lone name right after a title in lower case: "o presidente Lula discursou".)
                    return []
                known = core[0]
            name = known
        else:
            return []
        title = self._title_before(text, start, words[:k]) or self._title_after(text, end)
        return [Mention(name=name, start=start, end=end, title=title)]

    def _apposition_after(self, text: str, end: int) -> bool:
        """True when a comma after a name opens an apposition that says a person ('Pablo Toloza, el
        convencional', 'Ana Gil, 45 años'), not just the next clause ('en el Poder Judicial, una fuente')."""
        m = re.match(r",\s+(?:(?:el|la|le|l['’]|der|die|the|a|an|un|una|une|o|um|uma)\s+)?([\w’'-]+)", text[end : end + 80])
        return bool(m) and (m.group(1).isdigit() or self.is_role(m.group(1)))  # type: ignore[union-attr]

    @staticmethod
    def _title_before(text: str, start: int, cap_words: list[str]) -> str | None:
        """The title just before a name: 'President of Belarus Alexander Lukashenko' -> 'president of belarus'."""
        window = text[max(0, start - 100) : start]
        # "O deputado afastado Eduardo Cunha", "El senador republicano Rick Scott": a role and its
        # adjectives right before the name.
        last = window[-60:].split()[-3:] if window[-1:].isspace() else []
        for count in (1, 2):
            if len(last) <= count:
                break
            head, adjectives = last[-count - 1], last[-count:]
            if head.isalpha() and _lemma(head.lower()) in _TITLES and all(
                    w[:1].islower() and w.replace("-", "").isalpha() and w not in _STARTERS and w not in _TITLES
                    for w in adjectives):
                return " ".join([_lemma(head.lower())] + adjectives)
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
        if not any(w in _TITLES or _COMPOUND_ROLE.search(w) for w in taken):
            # "El portavoz militar de los insurgentes, Yahya Sarea": an apposition whose role word
            # opens the clause before the comma, lower-case words and all.
            clause = re.search(r"(?:^|[.;:,(—–]\s*)([^.;:,(—–]{3,80}),\s*$", window)
            words = re.findall(r"[\w’'-]+", clause.group(1).lower())[-6:] if clause else []
            # The role nearest the comma: "el testimonio del director de gabinete de Díaz Ayuso, Miguel …".
            for i in range(len(words) - 1, -1, -1):
                if words[i] in _APPOSITION_STOPS:
                    return None  # "un periodista sobre la declaración de Scott": not Scott's title
                if _lemma(words[i]) in _TITLES:
                    return _lemma(words[i])
            return None
        return " ".join(taken)

    @staticmethod
    def _title_after(text: str, end: int) -> str | None:
        """An appositive title: 'Tigran Meloyan, an analyst at the HSE Center' -> 'analyst'."""
        m = re.match(
            r",\s+(?:(?:an?|the|his|her|el|la|le|l['’]|o|a|der|die|un|una|une|um|uma|ein|eine)\s+)?"
            r"((?:[\w’'-]+\s+){0,3}?[\w’'-]+)"
            r"(?=\s+(?:at|of|for|in|with|who|from|on|de|del|da|do|des|du|der|von|für|bei|в|из)\b|\s*[,.;]|$)",
            text[end : end + 120],
        )
        if not m:
            return None
        words = [_lemma(w) for w in m.group(1).lower().split()]
        if not (words and all(w in _TITLES for w in words[-1:])):
            return None
        # Keep the title's domain up to the comma: "el piloto de Red Bull" -> "piloto de red bull".
        domain = re.match(r"\s+((?:de|del|of|at|for|von|der|du|des|da|do)\s+[^,.;:()]{1,40}?)\s*(?=[,.;:()]|$)",
                          text[end + m.end() : end + m.end() + 60])
        return " ".join(words + (domain.group(1).lower().split() if domain else []))

    def by_surname(self, word: str) -> str | None:
        """The most recently named person whose last name is `word`."""
        found = self.surnames.get(word) or self.surnames.get(_nominative(word))
        if found or len(word) < 4:
            return found
        # Slavic surnames decline: "Novákové", "Nováka", "Путину" are the Nováková, Novák, Путин named before.
        for cut in range(len(word), max(2, len(word) - 5), -1):
            if word[cut:] in _CASE_ENDINGS and word[:cut] in self.stems:
                return self.stems[word[:cut]]
        return None

    def _add_surname(self, surname: str, name: str, replace: bool = True) -> None:
        if replace or surname not in self.surnames:
            self.surnames[surname] = name
            stem = _stem(surname)
            if len(stem) >= 3 and surname[len(stem):] in _CASE_ENDINGS:
                self.stems[stem] = name

    @staticmethod
    def is_body(word: str) -> bool:
        """True for a common noun that names an institution ('ministerio', 'gouvernement', 'Gewerkschaft',
        'Gesundheitsministerium')."""
        return word.lower() in _ORG_WORDS or bool(_GERMAN_BODY.fullmatch(word))

    @staticmethod
    def is_role(word: str) -> bool:
        """True for a title or role word in any of our languages and cases ('portavoz', 'министром')."""
        low = _ELIDED.sub("", word.lower())  # "l'imam", "l’avocate"
        return _lemma(low) in _TITLES or bool(_COMPOUND_ROLE.search(low)) or bool(_AGED.fullmatch(low))

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
                    # Two people introduced with the same words ("Rémy Buisine", later "Roman Bornstein,
                    # journaliste"): "le jeune journaliste" is the one named last.
                    words_of = self.role_words.get(name)
                    return next((n for n in reversed(self.names[-8:]) if words_of and self.role_words.get(n) == words_of),
                                name)
        # "El consejero ha lanzado …" after "el consejero de la Presidencia, Antonio Sanz": the bare
        # office word means the latest person introduced with a title headed by it.
        # A longer office phrase that only partly matches ("глава МИД" against "глава МИД Литвы")
        # is left to the other rules: the speaker going on is likelier than the other minister.
        head = words[0]
        if len(words) > 1 and any(title.split()[:2] == words[:2] for title in self.titles):
            return None
        return next((name for title, name in reversed(list(self.titles.items()))
                     if title.split()[0] == head), None)

    def remember(self, mentions: list[Mention]) -> None:
        """Record mentions as the most recent people named."""
        for mention in mentions:
            if mention.name in self.names:
                self.names.remove(mention.name)
            self.names.append(mention.name)
            self.counts[mention.name] = self.counts.get(mention.name, 0) + 1
            if len(parts := mention.name.split()) >= 3:
                self.tails[" ".join(parts[-2:])] = mention.name
            if mention.name not in self.counts or self.counts[mention.name] == 1:
                self.first_seen.append(mention.name)
            parts = mention.name.split()
            self._add_surname(parts[-1], mention.name)
            # Spanish and Portuguese names carry two surnames and go by the first ("Moreno" for Juan
            # Manuel Moreno Bonilla, "Lula" for Luiz Inácio Lula da Silva).
            for part in parts[1:-1]:
                if part[:1].isupper() and part.lower() not in _PARTICLES and not _gender.is_given_name(part):
                    self._add_surname(part, mention.name, replace=False)
            if len(parts) >= 2:
                self.given[parts[0]] = mention.name
            # "Herr Voigt" after "Mario Voigt, der Spitzenkandidat der CDU": a courtesy title keeps his office.
            if mention.title and not (mention.title in _COURTESY and mention.name in self.role_words):
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

    def note_organisations(self, text: str) -> None:
        """Remember the organisations a stretch of narration names ('el Comité Internacional de la Cruz
        Roja', 'Ministerio de Sanidad'), for 'la ONG', 'este ministerio' later, and the press office or
        site it gives as a source."""
        press = _PRESS_SOURCE.search(text)
        self.press_source = press.group(0).strip() if press else None
        for m in _ORGANISATION.finditer(text):
            words = m.group(0).split()
            if any(w.lower() in _ORG_WORDS or w.lower() in _ORG_HEADS for w in words) and len(words) >= 2:
                if m.group(0) in self.organisations:
                    self.organisations.remove(m.group(0))
                self.organisations.append(m.group(0))
        for m in _GERMAN_BODY.finditer(text):
            # One German word names a body: "das Landwirtschaftsministerium", "der Bauernverband".
            if m.group(0) in self.organisations:
                self.organisations.remove(m.group(0))
            self.organisations.append(m.group(0))
        # "o partido Rede Sustentabilidade", "la organización social Codeca": the kind of body in lower
        # case, then its name; "o partido" later means it.
        if BODY_NOUNS.isdisjoint(text.lower().split()):
            return
        for m in _KIND_THEN_NAME.finditer(text):
            kind, name = m.group("kind").lower(), m.group("name")
            if kind in BODY_NOUNS and not _gender.is_given_name(name.split()[0]) and name not in self.counts:
                self.org_kinds[kind] = name
                if name in self.organisations:
                    self.organisations.remove(name)
                self.organisations.append(name)

    def organisation(self, phrase: str) -> str | None:
        """The organisation a common noun means ('este ministerio', 'la ONG', 'the company'): the latest
        named one with that word in its name, or the latest named at all for a generic word."""
        # "l'agence", "l’ONG": the elided article is a word of its own.
        words = [w.lower() for w in re.findall(r"[lL]['’](?=\w)|[\w-]+", phrase)]
        words = ["l" if w in ("l'", "l’") else w for w in words]
        if not words or words[0] not in _ARTICLES | {"este", "esta", "ese", "esa", "this", "that", "ce", "cette",
                                                      "dieser", "diese", "dieses", "esse", "essa", "tento", "tato",
                                                      "этот", "эта"} or len(words) > 3:
            return None
        noun = words[1] if len(words) > 1 else ""
        if noun in self.org_kinds and len(words) == 2:
            return self.org_kinds[noun]
        if (noun in _GENERIC_ORGS or noun in _ORG_WORDS) and len(words) == 3 and len(words[2]) >= 6:
            # "el órgano contralor", "la organización campesina": the body whose name shares the
            # adjective's stem ("Contraloría General", "Comité de Desarrollo Campesino").
            stem = words[2][:6]
            named = next((o for o in reversed(self.organisations)
                          if any(w.lower().startswith(stem) for w in o.split())), None)
            if named:
                return named
        if noun in _GENERIC_ORGS:
            return self.organisations[-1] if self.organisations else None
        if noun in _ORG_WORDS or noun in _ORG_HEADS:
            # "das Ministerium" after "das Landwirtschaftsministerium": German joins the body's field to it.
            return next((o for o in reversed(self.organisations) if noun in o.lower().split()
                         or (" " not in o and o.lower().endswith(noun))), None)
        return None

    def note_subject(self, name: str) -> None:
        """Record that a sentence was about `name`."""
        self.subjects.append(name)

    def last_subject(self, gender: Gender | None = None) -> str | None:
        """The person the latest sentences were about, of `gender` when given, if still among the
        few people named last; None otherwise."""
        recent = self.names[-4:]
        return next((n for n in reversed(self.subjects[-3:]) if n in recent
                     and (gender is None or self.gender_of(n) in (gender, None))), None)

    def last_person(self, gender: Gender | None = None) -> str | None:
        """The most recently named person (not an organisation), of `gender` when given."""
        return next((name for name in reversed(self.names) if self.is_person(name)
                     and not _ORG_WORDS & {w.lower() for w in name.split()}
                     and (gender is None or self.gender_of(name) in (gender, None))), None)

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
        # "le chef de l'État", "el jefe de Estado", "the head of state": the president.
        phrase = _HEAD_OF_STATE.sub(" president ", phrase.lower())
        words = [_lemma(_ELIDED.sub("", w)) for w in re.findall(r"[\w’'-]+", phrase)]
        # "der AfD-Chef" after "AfD-Spitzenkandidat Björn Höcke" ("der CDU-Spitzenkandidat" after
        # "Mario Voigt, der Spitzenkandidat der CDU"): the party or body before the hyphen names the
        # one introduced with a title from it.
        bodies = {w.split("-")[0] for w in words if "-" in w and _COMPOUND_ROLE.search(w)}
        member = next((n for n in reversed(self.names[-40:]) if any(
            t == b or t.startswith(b + "-") for t in self.role_words.get(n, ()) for b in bodies)), None)
        if member:
            return member
        # German compounds name the office by their head: "Gesundheitsminister", "SPD-Chef".
        words = [_compound_head(w) for w in words]
        at = next((i for i, w in enumerate(words) if w in _TITLES or w in _ROLE_GROUP or _AGED.fullmatch(w)), None)
        if at is None and len(words) == 2 and words[0] in _ARTICLES and self.is_epithet(words[1]):
            at = 1  # "el madrileño"
        if at is None:
            return None
        role = words[at]
        if gender is None:
            article = words[at - 1] if at else ""
            gender = Gender.FEMALE if role in _FEMALE_ROLES or article in _FEMALE_ARTICLES else \
                Gender.MALE if article in _MALE_ARTICLES else None
        group = _ROLE_GROUP.get(role)
        if group is None and role in _TITLES and not [w for w in words[at + 1 :] if w not in _ARTICLES]:
            # "plaide l'imam": the one introduced with that very word, when the article did (a role
            # with its own domain, "глава МИД", is left to the rules below).
            holder = next((n for n in reversed(self.names[-40:]) if role in self.role_words.get(n, ())
                           and (gender is None or self.gender_of(n) in (gender, None))), None)
            if holder:
                return holder
        # The last few dozen people are the ones a role can still mean; older ones are out of the story.
        fits = [n for n in reversed(self.names[-40:]) if gender is None or self.gender_of(n) in (gender, None)]
        # "la integrante de Madres" after "Taty Almeida, referente de Madres de Plaza de Mayo": the
        # body a role belongs to names the one introduced with it, whatever the office's word.
        body = {w for w in words[at + 1 :] if w not in _CONNECTORS and w not in _ARTICLES and len(w) > 3}
        if body and group is None:
            member = next((n for n in fits if body & set(self.role_words.get(n, ()))), None)
            if member:
                return member
        if group is not None:
            same = [n for n in fits if group in self.roles.get(n, set())]
            # "o titular da Defesa": the minister whose title shares its domain, else the nearest minister.
            domain = {w for w in words[at + 1 :] if w not in _CONNECTORS and w not in _ARTICLES and len(w) > 3}
            best = next((n for n in same if domain & set(self.role_words.get(n, ()))), None)
            if best or same:
                return best or same[0]
        if role in _LEGISLATOR_WORDS:
            # "disse o parlamentar" after "o deputado federal Silvio Costa Filho": any member of a
            # chamber (deputy, senator, councillor) fits the word for all of them.
            member = next((n for n in fits if _LEGISLATORS & set(self.role_words.get(n, ()))), None)
            if member:
                return member
        if role in _GENERIC_ROLES:
            # "La funcionaria aseguró": any office fits a word for every office-holder.
            return next((n for n in fits if self.is_person(n)), None)
        if not guess:
            return None
        if group == _DEMONYM_GROUP or role not in _TITLES or role in _CHAMPIONS:
            # An epithet ("ha explicado el neerlandés", "dijo el asturiano") names the story's main
            # person more often than the last one named: the most often named of those who fit.
            people = [n for n in fits if self.is_person(n) and not self.roles.get(n)]
            first = {n: i for i, n in enumerate(self.first_seen)}
            return max(people, key=lambda n: (self.counts.get(n, 0), -first.get(n, 0))) if people else None
        # Otherwise the nearest person not introduced with another office: "la vicepresidenta" is not
        # the journalist just named. An office over the same body still fits ("presidente do Senado"
        # for "o senador").
        return next((n for n in fits if group is None or not self.roles.get(n)
                     or any(t[:5] == role[:5] for t in self.role_words.get(n, ()))), None)

    def by_domain(self, phrase: str) -> str | None:
        """The latest person introduced with a title that names `phrase` ('Red Bull' for 'el piloto de Red
        Bull, Max Verstappen')."""
        words = phrase.lower().split()
        return next((n for n in reversed(self.names) if words and all(w in self.role_words.get(n, ()) for w in words)),
                    None)

    @staticmethod
    def is_epithet(word: str) -> bool:
        """True for a lower-case word that calls a person by origin ('madrileño', 'asturiano',
        'neerlandés', 'nantais'): speech verbs take it as their subject in sports and regional news."""
        return word.islower() and bool(_EPITHET.search(word)) and word not in _STARTERS | _NOT_EPITHETS

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
            word = _clean_token(words[0])
            initials = next((n for n in reversed(self.names) if len(n.split()) >= 2 and word.isupper() and
                             "".join(w[0] for w in n.split() if w[:1].isupper()) == word), None)
            # "expresó JOH": Juan Orlando Hernández by his initials.
            return self.by_surname(word) or initials or (None if word.lower() in _NOT_NAMES else word)
        return self.by_title(phrase)
