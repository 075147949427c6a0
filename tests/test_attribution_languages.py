"""Who speaks, per language: attribution verbs and their positions, 'according to' phrases, roles,
pronouns by gender, organisations, dash dialogue. Each case is a short article of our own writing."""

from __future__ import annotations

import pytest

from reader.model import Article, Role
from reader.segment import split

BODY = "The council met on Tuesday evening to discuss the budget for the coming year and the harbour."

# (case, paragraphs, speaker of each quotation in order; a speaker may be given by surname alone)
CASES = [
    ('es1', 'La ministra de Sanidad, Carolina Darias, visitó ayer el hospital.\n\n"Estamos preparados para cualquier escenario que se presente este invierno", afirmó la ministra.',
     ['Carolina Darias']),
    ('es2', 'El alcalde Juan Pérez habló con los vecinos del barrio durante la mañana.\n\n—No vamos a permitir que cierren el mercado —dijo Pérez ante los periodistas.',
     ['Juan Pérez']),
    ('es3', 'Según la portavoz del Gobierno, María Jesús Montero, "la reforma saldrá adelante antes del verano".',
     ['María Jesús Montero']),
    ('es4', 'Pedro Sánchez y Ana Botín se reunieron en Madrid durante varias horas.\n\n"Ha sido una reunión muy productiva para todos", aseguró ella al salir del edificio.',
     ['Ana Botín']),
    ('es5', '"No tenemos nada que ocultar a nadie en este proceso", declaró a la prensa el abogado Luis Gómez.',
     ['Luis Gómez']),
    ('es6', 'El entrenador del equipo, Carlo Ancelotti, habló tras el partido.\n\n"Hemos jugado bien, pero nos faltó acierto arriba", reconoció el técnico italiano.',
     ['Carlo Ancelotti']),
    ('es7', '"La situación es muy grave y exige medidas inmediatas", advirtió el Banco de España en su informe anual.',
     ['Banco de España']),
    ('es8', 'Marta Ruiz explicó que el plan llevaba meses en preparación. "Nadie nos avisó de los cambios hasta el último momento", lamentó.',
     ['Marta Ruiz']),
    ('fr1', "Le ministre de l'Intérieur, Gérald Darmanin, s'est rendu à Lyon mardi.\n\n« Nous ne laisserons rien passer dans cette affaire », a-t-il déclaré devant la presse.",
     ['Gérald Darmanin']),
    ('fr2', "« C'est une décision historique pour notre pays », s'est félicitée Élisabeth Borne.",
     ['Élisabeth Borne']),
    ('fr3', "Selon Jean Dupont, directeur de l'usine, « la production reprendra dès la semaine prochaine ».",
     ['Jean Dupont']),
    ('fr4', 'Marie Curie et Paul Martin ont présenté leurs travaux jeudi.\n\n« Nous avons mis dix ans à obtenir ces résultats », explique-t-elle.',
     ['Marie Curie']),
    ('fr5', "« Les habitants sont inquiets et ils ont raison de l'être », estime le maire de la commune, Pierre Lefèvre.",
     ['Pierre Lefèvre']),
    ('fr6', "Sophie Bernard travaille à l'hôpital depuis vingt ans. « On manque de tout, de lits comme de personnel », confie-t-elle.",
     ['Sophie Bernard']),
    ('fr7', '« Nous attendons des réponses claires du gouvernement », a indiqué la CGT dans un communiqué.',
     ['CGT']),
    ('fr8', "D'après le procureur, Rémy Heitz, « l'enquête se poursuit activement sur plusieurs pistes ».",
     ['Rémy Heitz']),
    ('de1', '„Wir werden die Preise im kommenden Jahr nicht erhöhen“, sagte Konzernchef Thomas Müller am Dienstag.',
     ['Thomas Müller']),
    ('de2', 'Die Ministerin Anna Schmidt besuchte am Montag die Baustelle.\n\n„Das Projekt liegt voll im Zeitplan und im Budget“, sagte sie.',
     ['Anna Schmidt']),
    ('de3', '„Die Lage ist ernst, aber nicht hoffnungslos“, so Bürgermeister Peter Lang.',
     ['Peter Lang']),
    ('de4', 'Laut Klaus Weber, Sprecher der Polizei, „gab es keine Verletzten bei dem Einsatz“.',
     ['Klaus Weber']),
    ('de5', 'Peter Lang und Maria Huber leiten das Projekt gemeinsam.\n\n„Wir haben lange auf diesen Tag hingearbeitet“, sagte Huber.',
     ['Maria Huber']),
    ('de6', '„Wir haben lange auf diesen Tag gewartet“, erklärte der Verband in einer Mitteilung.',
     [None]),
    ('de7', 'Der Virologe Christian Drosten warnte vor einer neuen Welle. „Wir müssen jetzt vorsichtig sein“, sagte der Wissenschaftler.',
     ['Christian Drosten']),
    ('de8', '„Das ist ein großer Erfolg für die ganze Stadt“, betonte Lang, „und für alle, die daran geglaubt haben.“',
     ['Lang', 'Lang']),
    ('pt1', 'O presidente Luiz Inácio Lula da Silva discursou em Brasília nesta sexta-feira.\n\n"Nós vamos reconstruir este país com muito trabalho", afirmou o presidente.',
     ['Lula da Silva']),
    ('pt2', 'Segundo a delegada Ana Paula Costa, "o suspeito já era conhecido da polícia da região".',
     ['Ana Paula Costa']),
    ('pt3', '"Não há qualquer risco para a população neste momento", disse a secretária de Saúde, Maria Oliveira.',
     ['Maria Oliveira']),
    ('pt4', 'João Santos e Mariana Lima venceram o torneio no domingo.\n\n"Foi o dia mais feliz da minha vida inteira", disse ela.',
     ['Mariana Lima']),
    ('pt5', 'De acordo com o Ministério da Saúde, "a vacinação seguirá normalmente em todo o país".',
     ['Ministério da Saúde']),
    ('ru1', 'Министр финансов Антон Силуанов выступил на форуме в Москве.\n\n«Бюджет будет исполнен в полном объеме в этом году», — сказал он.',
     ['Антон Силуанов']),
    ('ru2', 'По словам Марии Захаровой, «Москва ответит на любые недружественные шаги».',
     ['Мария Захарова']),
    ('ru3', '— Мы не ожидали такого результата, — призналась Елена Исинбаева журналистам.',
     ['Елена Исинбаева']),
    ('ru4', '«Ситуация остаётся напряжённой, но контролируемой», — заявил губернатор области Александр Богомаз.',
     ['Александр Богомаз']),
    ('ru5', 'Иван Петров и Ольга Смирнова руководят лабораторией уже десять лет.\n\n«Мы работали над этим проектом очень долго», — рассказала учёная.',
     ['Ольга Смирнова']),
    ('ru6', 'Как отметил Дмитрий Песков, «Кремль внимательно следит за развитием ситуации».',
     ['Дмитрий Песков']),
    ('cs1', '„Situace je vážná, ale zvládneme ji,“ řekl ministr zdravotnictví Adam Vojtěch.',
     ['Adam Vojtěch']),
    ('cs2', 'Podle Jany Novákové „nikdo z vedení nic neřekl zaměstnancům“.',
     ['Jana Nováková']),
    ('cs3', 'Petr Fiala a Markéta Pekarová Adamová jednali o rozpočtu.\n\n„Shodli jsme se na hlavních bodech rozpočtu,“ uvedla Pekarová Adamová.',
     ['Markéta Pekarová Adamová']),
    ('cs4', 'Premiér Petr Fiala navštívil v pondělí Brno.\n\n„Vláda udělá vše pro to, aby lidé nepřišli o práci,“ prohlásil premiér.',
     ['Petr Fiala']),
    ('en1', '"We have never seen anything like this before," said Jane Smith, a nurse at the hospital.',
     ['Jane Smith']),
    ('en2', 'Tom Brown and Lisa Green run the bakery together.\n\n"Business has never been better," she said.',
     ['Lisa Green']),
    ('en3', '"The decision is final," the company said in a statement.',
     [None]),
    ('en4', 'According to Sarah Jones, "nobody expected the bridge to close so soon".',
     ['Sarah Jones']),
    ('en5', '"It is a disgrace," Mr Brown told the BBC. "Nobody listened to us at all."',
     ['Brown', 'Brown']),
    ('es-d1', 'El alcalde Juan Pérez habló con los vecinos del barrio durante la mañana.\n\n—No vamos a permitir que cierren el mercado —dijo Pérez ante los periodistas.',
     ['Juan Pérez']),
    ('es-d2', 'La jueza Ana Torres escuchó a las partes durante toda la mañana.\n\n—Esto no puede seguir así —afirmó la jueza—. Quiero una solución antes del lunes.',
     ['Ana Torres', 'Ana Torres']),
    ('es-d3', 'Luis Romero llegó tarde a la reunión con los sindicatos.\n\n—Lo siento mucho, el tráfico estaba imposible —se disculpó.',
     ['Luis Romero']),
    ('es-d4', 'La consejera de Salud, Elena Vidal, visitó el hospital. El presidente regional, Tomás Ruiz, habló después.\n\nLa consejera ha lanzado un aviso a la población: "Hay que vacunarse antes del invierno", ha insistido.',
     ['Elena Vidal']),
    ('es-d5', 'Tomás Ruiz recorrió las calles del pueblo por la mañana.\n\n"Avisamos a todos los vecinos a tiempo", asegura el alcalde de Valdemora.\n\nEl alcalde de Valdemora, Julián Prieto, no ocultaba su cansancio.',
     ['Julián Prieto']),
    # A motto or slogan shown after a colon is not speech.
    ('de-d1', 'Im Foyer der Redaktion hängt das Motto des Gründers: »Schreiben, was geschieht.«',
     []),
    ('es-d6', 'Miles de personas marcharon por el centro bajo el lema: "Sin agua no hay futuro."',
     []),
    # Straight quotation marks around names inside a straight-quoted quotation.
    ('ru-d1', 'Представитель компании Иван Петров рассказал о ремонте.\n\n"Работы ведут бригады АО "СетьСтрой" и ООО "ЭнергоМонтаж", они закончат к вечеру", - сказал Петров.',
     ['Иван Петров']),
    ('en-d1', '"The crews from "North Grid" will stay until the line is safe," said Mary Olsen, a spokeswoman for the utility.',
     ['Mary Olsen']),
    # A bare verb after an unnamed speaker's quotation: still no name.
    ('pt-d2', 'A polícia procura a estudante Ana Souza desde sexta-feira.\n\n"Eu sabia de tudo desde o começo", diz a garota em depoimento.\n\n"Ela não queria que ninguém soubesse do bebê", diz em áudio enviado à família.',
     [None, None]),
    # An unattributed quotation that names the last speaker is about them, not theirs.
    ('en-d2', 'Mayor Tom Baker opened the new bridge on Monday.\n\n"This bridge took ten years to build and it was worth it," Baker said.\n\n"Under Baker the city spent less on roads than in any year before."',
     ['Tom Baker', None]),
    # A feminine verb with no woman named: no one, not the last man.
    ('cs-d1', 'Soud projednal návrh bratra podnikatele Tomáše Nováka.\n\nJeho sestra pak mluvila o penězích. „Utrácí všechno, co vydělá,“ uvedla.',
     [None]),
    # "Mme", "Frau": a woman, for a pronoun that wants one.
    ('fr-d2', "Mme Lefort et Paul Martin ont quitté la réunion ensemble. Paul Martin est resté dehors.\n\n« Nous ne signerons pas ce texte », affirme-t-elle.",
     ['Mme Lefort']),
    # A document with no owner named goes on with the author of the statement quoted before.
    ('es-d7', 'El Ministerio de Sanidad publicó el lunes su balance semanal.\n\n"Los contagios bajan por tercera semana consecutiva", explica el ministerio en un comunicado.\n\n"Pedimos prudencia durante las fiestas", añade el texto.',
     ['Ministerio de Sanidad', 'Ministerio de Sanidad']),
    # A named organisation as the subject of the sentence that a colon ends.
    ('es-d8', 'Tras la reunión, la Federación Regional de Vecinos seguirá con sus protestas durante el verano: "No vamos a parar hasta que nos escuchen".',
     ['Federación Regional de Vecinos']),
    ('pt-d1', 'O técnico Abel Ferreira conversou com os jornalistas após o jogo.\n\n— Fizemos um grande jogo e merecemos a vitória — disse o treinador.',
     ['Abel Ferreira']),
    ('fr-d1', 'Paul Martin nous reçoit dans son atelier.\n\n— On travaille ici depuis trente ans, dit-il en souriant.',
     ['Paul Martin']),
    ('ru-d1', 'Иван Петров встретил нас у входа.\n\n— Мы работаем здесь уже тридцать лет, — сказал он. — И никуда не уйдём.',
     ['Иван Петров', 'Иван Петров']),
    ('es-a1', 'El ministro de Economía, Carlos Cuerpo, compareció ante la comisión el martes.\n\nPara el ministro, "la economía española crece más que la de sus vecinos".',
     ['Carlos Cuerpo']),
    ('es-a2', 'La presidenta Claudia Sheinbaum habló en la conferencia matutina del lunes.\n\nSegún ella, "no hay ninguna razón para preocuparse por los aranceles".',
     ['Claudia Sheinbaum']),
    ('es-a3', 'En palabras de Lionel Messi, "este equipo todavía tiene mucho que dar".',
     ['Lionel Messi']),
    ('es-a4', 'A juicio del economista Juan Ramón Rallo, "la medida no resolverá el problema de fondo".',
     ['Juan Ramón Rallo']),
    ('es-a5', 'En declaraciones a la agencia Efe, la alcaldesa Ada Colau aseguró que "la ciudad no puede esperar más tiempo".',
     ['Ada Colau']),
    ('es-a6', '"Vamos a recurrir la sentencia ante el Supremo", escribió Santiago Abascal en su cuenta de X.',
     ['Santiago Abascal']),
    ('fr-a1', "Le maire de Marseille, Benoît Payan, a réuni la presse lundi.\n\nPour le maire, « la ville ne peut plus attendre l'État ».",
     ['Benoît Payan']),
    ('fr-a2', 'Anne Hidalgo a défendu son bilan devant le conseil de Paris.\n\nSelon elle, « les Parisiens ont choisi une ville plus verte ».',
     ['Anne Hidalgo']),
    ('fr-a3', 'Aux yeux de Laurent Berger, « cette réforme est injuste et brutale ».',
     ['Laurent Berger']),
    ('fr-a4', "Le syndicaliste Philippe Martinez a répondu aux questions des journalistes. « Nous irons jusqu'au bout de ce mouvement », a-t-il martelé.",
     ['Philippe Martinez']),
    ('fr-a5', "Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée mardi soir.\n\n« Nous partageons la même vision de l'Europe », a assuré le chef de l'État.",
     ['Emmanuel Macron']),
    ('pt-a1', 'O governador Tarcísio de Freitas participou do evento em São Paulo.\n\nPara o governador, "o estado precisa de mais investimento privado".',
     ['Tarcísio de Freitas']),
    ('pt-a2', 'Nas palavras de Marina Silva, "a Amazônia não pode esperar mais".',
     ['Marina Silva']),
    ('pt-a3', 'A ministra Marina Silva falou aos jornalistas nesta terça-feira.\n\nSegundo ela, "o desmatamento caiu pela metade neste ano".',
     ['Marina Silva']),
    ('de-a1', 'Nach Ansicht von Olaf Scholz „ist die Lage ernst, aber beherrschbar“.',
     ['Olaf Scholz']),
    ('de-a2', 'Wie Gesundheitsminister Karl Lauterbach am Dienstag sagte, „wird es keine neuen Beschränkungen geben“.',
     ['Karl Lauterbach']),
    ('de-a3', 'Annalena Baerbock reiste am Montag nach Kiew.\n\nIhren Worten zufolge „steht Deutschland fest an der Seite der Ukraine“.',
     ['Annalena Baerbock']),
    ('ru-a1', 'Глава Минздрава Михаил Мурашко провёл совещание с регионами.\n\nПо его словам, «система здравоохранения справляется с нагрузкой».',
     ['Михаил Мурашко']),
    ('ru-a2', 'Как рассказала Валентина Матвиенко, «закон будет принят уже в этом месяце».',
     ['Валентина Матвиенко']),
    ('ru-a3', 'Эльвира Набиуллина выступила в Госдуме.\n\nПо её мнению, «инфляция начнёт снижаться во втором полугодии».',
     ['Эльвира Набиуллина']),
    ('cs-a1', 'Ministr financí Zbyněk Stanjura představil rozpočet.\n\nPodle něj „musí stát šetřit na všech frontách“.',
     ['Zbyněk Stanjura']),
    ('cs-a2', 'Jak řekl prezident Petr Pavel, „Česko zůstane spolehlivým spojencem“.',
     ['Petr Pavel']),
    ('cs-a3', 'Podle slov ministryně Jany Černochové „armáda potřebuje nové vybavení“.',
     ['Jana Černochová']),
    ('en-a1', 'In the words of Barack Obama, "change will not come if we wait for some other person".',
     ['Barack Obama']),
    ('en-a2', 'Governor Gavin Newsom spoke at the press conference on Monday.\n\nFor the governor, "this is about keeping families safe this summer".',
     ['Gavin Newsom']),
    ('es-b1', 'Max Verstappen ganó el Gran Premio de Bélgica por delante de Lando Norris.\n\n«Ha sido una carrera muy complicada desde el principio», ha explicado el neerlandés tras bajarse del coche.',
     ['Max Verstappen']),
    ('es-b2', 'Carlos Sainz terminó cuarto en Spa.\n\n«No teníamos ritmo para pelear por el podio», ha reconocido el madrileño, que se mostró decepcionado.',
     ['Carlos Sainz']),
    ('es-b3', 'El piloto de Red Bull, Max Verstappen, habló con la prensa tras la clasificación. «El coche iba muy bien en las curvas rápidas», ha asegurado.',
     ['Max Verstappen']),
    ('es-b4', 'Según ha explicado la ministra de Igualdad, Ana Redondo, «la ley entrará en vigor en enero».',
     ['Ana Redondo']),
    ('es-b5', 'El expresidente Juan Orlando Hernández fue condenado en Nueva York.\n\n"Soy inocente y lo voy a demostrar", expresó JOH ante el tribunal.',
     ['Juan Orlando Hernández']),
    ('es-b6', 'Toto Wolff, jefe de Mercedes, analizó el fin de semana: «Hemos dado un paso adelante importante».',
     ['Toto Wolff']),
    ('es-b7', 'La jueza federal Loretta Preska dictó sentencia el martes.\n\n"Usted abusó de su poder", le dijo la magistrada al acusado.',
     ['Loretta Preska']),
    ('es-b8', '"No vamos a tolerar más violencia en nuestras calles", manifestó a los medios el ministro de Seguridad, Gustavo Sánchez.',
     ['Gustavo Sánchez']),
    ('es-b9', 'Fernando Alonso fue octavo.\n\n«Estamos donde esperábamos estar», dijo el asturiano. «El año que viene será diferente».',
     ['Fernando Alonso', 'Fernando Alonso']),
    ('es-b10', 'El portavoz del Gobierno, Pilar Alegría, compareció tras el Consejo de Ministros.\n\n«No hay ninguna crisis en la coalición», aseveró Alegría, quien añadió que «el Gobierno goza de buena salud».',
     ['Pilar Alegría', 'Pilar Alegría']),
    ('es-p1', 'El ministro del Interior, Fernando Grande-Marlaska, visitó la zona afectada por el fuego.\n\n"La situación está controlada en este momento", según el ministro.',
     ['Fernando Grande-Marlaska']),
    ('fr-p1', 'Le maire de Lyon, Grégory Doucet, a visité le quartier touché.\n\n« La situation est sous contrôle », selon lui.',
     ['Grégory Doucet']),
    ('en-p1', 'The harbour master, Ilse Varga, inspected the damaged pier on Monday.\n\n"The pier will need months of repairs," according to Varga.',
     ['Ilse Varga']),
    ('de-p1', 'Die Bürgermeisterin Katja Dörner besuchte am Montag die Baustelle.\n\n„Wir liegen gut im Zeitplan“, laut Dörner.',
     ['Katja Dörner']),
    ('es-p2', 'Max Verstappen, el piloto de Red Bull, dominó la carrera de principio a fin.\n\n"El coche ha funcionado perfectamente todo el fin de semana", comentó el de Red Bull.',
     ['Max Verstappen']),
    ('es-c1', 'La secretaria de Seguridad Nacional, Kristi Noem, visitó la frontera el lunes.\n\n"Vamos a deportar a todos los criminales que podamos encontrar". Así lo afirmó Noem ante la prensa.',
     ['Kristi Noem']),
    ('es-c2', 'El abogado Raymond Colon habló ante el tribunal, quien dijo que "el juicio ha sido injusto desde el principio".',
     ['Raymond Colon']),
    ('es-c3', 'Lando Norris terminó segundo en Spa.\n\n"Hemos hecho todo lo posible" —dijo Norris—. "El coche no daba para más".',
     ['Lando Norris', 'Lando Norris']),
    ('es-c4', 'Según el tricampeón del mundo Max Verstappen: "Este circuito siempre es especial para mí".',
     ['Max Verstappen']),
    ('es-c5', 'El fiscal Damian Williams presentó las pruebas ante el jurado. "El acusado convirtió su país en un narcoestado", aseguró Williams durante la audiencia.',
     ['Damian Williams']),
    ('es-c6', 'Max Verstappen y Lando Norris pelearon por la victoria.\n\n"Ha sido una carrera durísima desde la primera vuelta", ha explicado el tricampeón del mundo.',
     ['Max Verstappen']),
    ('es-c7', 'El expresidente Juan Orlando Hernández Alvarado fue condenado el miércoles.\n\n"Soy inocente", dijo Hernández al juez.',
     ['Juan Orlando Hernández Alvarado']),
    ('es-c8', 'La portavoz de la Casa Blanca, Karoline Leavitt, habló el martes. La funcionaria aseguró: "Estas deportaciones van a continuar sin descanso".',
     ['Karoline Leavitt']),
    ('fr-b1', "Nicolás Maduro a pris la parole à Caracas.\n\n« Nous ne céderons jamais aux menaces de l'empire », a-t-il estimé devant ses partisans.",
     ['Nicolás Maduro']),
    ('fr-b2', "Emmanuel Macron : « La France sera au rendez-vous de l'histoire. »",
     ['Emmanuel Macron']),
    ('fr-b3', "« C'est une provocation inacceptable », a fustigé le chef de la diplomatie ukrainienne, Dmytro Kouleba, sur X.",
     ['Dmytro Kouleba']),
    ('fr-b4', 'La ministre Agnès Pannier-Runacher a réagi sur X. « Nous protégerons nos pêcheurs », a-t-elle écrit.',
     ['Agnès Pannier-Runacher']),
    ('fr-b5', 'Le porte-parole du gouvernement, Olivier Véran, a assuré que « le gouvernement ne reculera pas sur cette réforme ».',
     ['Olivier Véran']),
    ('fr-b6', "Gabriel Attal et Bruno Le Maire ont présenté le budget.\n\n« Il n'y aura pas de hausse d'impôts pour les ménages », a promis le ministre de l'Économie.",
     ['Bruno Le Maire']),
    ('fr-b7', "Le ministre de l'Économie, Bruno Le Maire, et le Premier ministre, Gabriel Attal, ont présenté le budget.\n\n« Il n'y aura pas de hausse d'impôts », a promis le locataire de Bercy.",
     [None]),
    ('de-b1', 'Bundesgesundheitsminister Karl Lauterbach stellte am Montag den Plan vor.\n\n„Wir werden die Kliniken entlasten“, sagte der Gesundheitsminister.',
     ['Karl Lauterbach']),
    ('de-b2', 'Breel Embolo traf zweimal für die Schweiz.\n\n„Das war ein perfekter Abend für uns“, sagte der 27-Jährige nach dem Spiel.',
     ['Breel Embolo']),
    ('de-b3', '„Die Lage ist angespannt“, findet Maria Huber, die das Heim seit zehn Jahren leitet.',
     ['Maria Huber']),
    ('de-b4', 'Die Grünen-Politikerin Ricarda Lang äußerte sich am Abend.\n\n„Wir brauchen jetzt Klarheit“, sagte die Grünen-Chefin.',
     ['Ricarda Lang']),
    ('de-b5', '„Die Bahn hat uns im Stich gelassen“, teilte der Verband mit.',
     [None]),
    ('de-b6', 'Der Trainer Murat Yakin war zufrieden. „Die Mannschaft hat Charakter gezeigt“, räumte Yakin ein.',
     ['Murat Yakin']),
    ('de-c1', '«Eine Erkältung dauert meistens etwa eine Woche», sagt Dr. med. Hans Müller, Chefarzt am Unispital Zürich.',
     ['Hans Müller']),
    ('de-c2', 'Prof. Dr. Anna Weber leitet die Klinik seit zehn Jahren.\n\n«Viele Patienten kommen zu spät zu uns», erklärt die Ärztin.',
     ['Anna Weber']),
    ('de-c3', 'Die Hausärztin Sabine Keller rät zur Vorsicht. «Wer Fieber hat, sollte zu Hause bleiben», so Keller.',
     ['Sabine Keller']),
    ('de-c4', 'Laut Dr. Peter Brunner vom Kantonsspital Aarau «gibt es keinen Grund zur Panik».',
     ['Peter Brunner']),
    ('de-c5', 'Gegenüber 20 Minuten sagt Infektiologe Jan Fehr: «Die Grippesaison hat früh begonnen.»',
     ['Jan Fehr']),
    ('de-c6', 'Der Experte Jan Fehr war zuversichtlich.\n\n«Das Schlimmste ist vorbei», sagt Fehr gegenüber 20 Minuten. «Trotzdem sollten wir vorsichtig bleiben.»',
     ['Jan Fehr', 'Jan Fehr']),
    # A lead-in whose subject is a common noun: someone else than the one quoted just before.
    ('es-d1', 'El portavoz del club, Andrés Gil, habló con la prensa: "Queremos que el estadio siga abierto". La socia más antigua del club añade: "Sin el estadio el barrio pierde su alma".',
     ['Andrés Gil', None]),
    ('es-d3', 'El portavoz del club, Andrés Gil, habló con la prensa: "Queremos que el estadio siga abierto". La miembro de la junta coincide: "Sin el estadio el barrio pierde su alma".',
     ['Andrés Gil', None]),
    ('es-d2', 'El presidente del club, Andrés Gil, pidió calma a los socios.\n\nPor otro lado, esta vecina del barrio comenta que nadie le avisó: "Nos enteramos de las obras por la radio".',
     [None]),
    ('fr-d1', "« Nous irons jusqu'au bout », glisse Yasmina, étudiante en droit. Assise dans le hall, la jeune femme s'inquiète pourtant : « Les examens approchent et rien n'est prêt. »",
     ['Yasmina', 'Yasmina']),
    ('pt-d1', 'Marcos Almeida, deputado federal, apresentou a defesa na terça-feira.\n\nO parlamentar afirma que "nada foi provado contra ele até agora".',
     ['Marcos Almeida']),
    # A country, a field of study or two nouns joined by a preposition is nobody: the verb with no
    # subject goes on with the person the paragraph is about.
    ('es-n1', 'Lucía Mena vive ahora exiliada en Costa Rica y trabaja como diseñadora.\n\n"Lo más duro es estar lejos de mi familia", confiesa.',
     ['Lucía Mena']),
    ('es-n2', 'Tomás Ortega estudiaba tercer año de Ingeniería Civil cuando lo expulsaron.\n\n"Nadie me explicó nunca el motivo", afirma.',
     ['Tomás Ortega']),
    ('de-n1', 'Die Ärztin Petra Lang warnt vor Partys. In vielen Liedern werde der Konsum von Drogen verharmlost. „Das halte ich für gefährlich“, sagte sie.',
     ['Petra Lang']),
    # An institution named by its common noun and then its name speaks.
    ('es-n3', '"Las conversaciones seguirán la próxima semana", explicó el ministerio de Exteriores de Portugal en una nota.',
     ['Portugal']),
    # Professions as titles, and a few more verbs of saying.
    ('fr-n1', "La toxicologue Claire Dubois a étudié le produit pendant dix ans.\n\nPour la toxicologue, « le risque dépend toujours de la dose absorbée ».",
     ['Claire Dubois']),
    ('fr-n2', "« Mieux vaut manger lentement et souvent », conseille Paul Mercier, diététicien à Lyon.",
     ['Paul Mercier']),
    ('es-n4', 'Rosa Vidal, integrante de la asociación de vecinos, convocó la marcha del jueves.\n\n"Vamos a llenar la plaza", recalca la integrante de la asociación.',
     ['Rosa Vidal']),
    ('de-n2', 'Der Bürgermeister Jens Roth zeigte sich erfreut über die Wahl.\n\n„Das ist ein großer Tag für unsere Stadt“, gratulierte Roth der neuen Leiterin.',
     ['Jens Roth']),
    # A role that is another noun's complement after the verb names whom the words were about.
    ('es-n5', 'El presidente Pablo Ruiz visitó la comisaría central el lunes.\n\n"Hay que cambiar la institución desde dentro", dijo al ser consultado sobre la renuncia del director general de la policía, Mario Salas.',
     ['Pablo Ruiz']),
    # A role with the body it belongs to means the one introduced with that body.
    ('es-n6', 'Lidia Soto, referente de la Asamblea Vecinal de Mayo, habló el martes. Luego intervino Marta Peña, abogada del barrio.\n\n"No vamos a ceder", recalca la integrante de la Asamblea.',
     ['Lidia Soto']),
    # German party compounds: "der SPD-Chef" is the one introduced with a title from that party, also
    # when another name follows in a subordinate clause; "so der X-Kandidat" names by role too.
    ('de-n3', 'Im Studio standen SPD-Spitzenkandidat Uwe Brandt und Klaus Weber von der CDU nebeneinander.\n\n„Das ist doch Unsinn“, schimpft der SPD-Chef, woraufhin Weber ein Papier zeigt.',
     ['Uwe Brandt']),
    ('de-n4', 'Klaus Weber, der Spitzenkandidat der CDU, sprach zuerst. Danach redete Uwe Brandt lange.\n\nEr lasse sich nichts vorwerfen. „Ich sage immer die Wahrheit, das weiß hier jeder im Saal“, so der CDU-Spitzenkandidat.',
     ['Klaus Weber']),
    # "dit-il" is an inversion; a compound given name the list lacks goes by its first part.
    ('fr-n3', 'Jean-Marc Dubois est arrivé en retard.\n\n« Je ne regrette rien de ce que j’ai fait ici », dit-il.',
     ['Jean-Marc Dubois']),
    # "ajoute-t-on", "ajoute un proche de X", "dijo el abogado de X": someone the article does not name.
    ('fr-n4', 'Jean Martin a présenté le plan aux élus.\n\n« Tout est prêt pour la rentrée de septembre », ajoute-t-on de même source.',
     [None]),
    ('fr-n5', '« Il n’y a pas de dossier précis pour le moment », ajoute un proche de Pierre Moscovici.',
     [None]),
    ('es-n7', 'Ana Ruiz llegó temprano al juzgado.\n\n"Todo está en orden y no hay nada que ocultar", dijo el abogado de Pedro Gómez.',
     [None]),
    # A demonstrative points back to the person just named.
    ('es-n8', 'José Vera espera desde hace diez meses una operación.\n\n"Ya no sé si me van a llamar algún día", dice este hombre de 76 años.',
     ['José Vera']),
    # A German abstract noun starts no name, whatever the text around it.
    ('de-n5', 'Die Botschafterin Anna Berg sprach im Rat. Zugleich verteidigte sie die Souveränität Venezuelas und betonte: „Kein Staat darf anderen Staaten mit Gewalt drohen.“',
     ['Anna Berg']),
    # Every word of an office group is a title: "el instructor" is the judge introduced before.
    ('es-n9', 'El juez José Castro habló ante los periodistas en la puerta del juzgado.\n\n"Uno lo hace para que se valide, pero luego no lo sé", dijo el instructor del caso.',
     ['José Castro']),
    # An article that has shown itself German keeps its capitalized nouns out of names in short
    # pieces ("bei den Vereinten Nationen" is no one to give "sie" to).
    ('de-n6', 'Die Sitzung des Rates war lang und die Stimmung war nicht gut.\n\n„Grenzen sind unverletzlich, das gilt für alle“, erklärte Maria Lind, Botschafterin bei den Vereinten Nationen.\n\nZugleich betonte sie: „Kein Staat darf einem anderen mit Gewalt drohen.“',
     ['Maria Lind', 'Maria Lind']),
    # The verb right after a quotation tells its speaker's gender for later pronouns.
    ('fr-n6', 'Minwoo Park est architecte à Séoul.\n\nSoona Cha lui écrit souvent. « Je repense à notre quartier et à ses lessives », écrit-elle.\n\nIl répond : « Je n’ai rien oublié de cette époque, rien du tout. »',
     ['Soona Cha', 'Minwoo Park']),
    # The next sentence names whose words they were.
    ('fr-n7', '« Nous réfléchissons à des changements dans les participations de l’État. » Cette petite phrase d’Arnaud Dupré, au journal du soir, a surpris.',
     ['Arnaud Dupré']),
    # An indefinite subject ("una fuente") is someone the article does not name; an institution's
    # name followed by a comma and the next clause is not a person.
    ('es-n10', 'Sobre los cambios en el Poder Judicial, Ana Ruiz fue clara. "Hace falta una reforma profunda y rápida", dijo.\n\nEn cuanto a los tribunales y el Poder Judicial, una fuente de la comisión señala que "no hay ninguna prisa para aprobar esta norma este año".',
     ['Ana Ruiz', None]),
    ('es-n11', '"Nuestro relevamiento es parte del calendario anual de evaluaciones", explicó Silvina Pérez, directora de Planificación de la Dirección General de Escuelas (DGE).\n\n"Toda la información que recibimos es útil para decidir", subrayó.',
     ['Silvina Pérez', 'Silvina Pérez']),
    # "Organización" names a body: the run after it is no person.
    ('es-n12', '"La demora genera más listas de espera en todos los hospitales", apunta el presidente de la Organización Médica Colegial, Juan José Rodríguez.',
     ['Juan José Rodríguez']),
    # "l’agence" is the article and the noun: the agency named before speaks.
    ('fr-n8', 'Le rapport de l’Agence Nationale de Sécurité Sanitaire a été publié jeudi.\n\n« Le produit ne présente pas de risque lorsqu’il est correctement utilisé », écrit l’agence.',
     ['Agence Nationale de Sécurité Sanitaire']),
    # In German text two capitalized nouns are no name without a given name, title or verb of saying
    # ("die Mail Tage nach"); a noun before a known surname is that person ("Kontrolleur Hafele").
    ('de-n7', 'Die Sitzung war lang und die Stimmung war nicht gut für die Redaktion. Der Reporter Claas Relotius hatte die Mail gezeigt.\n\nDort sah man, dass jemand die Mail Tage nach ihrem Eingang bearbeitet hatte. „Das war ein schwerer Fehler von mir, es tut mir leid“, sagte er.',
     ['Claas Relotius']),
    ('de-n8', 'Die Sitzung war lang und die Stimmung war nicht gut. Der Kontrolleur Mathias Hafele prüfte die Anzüge.\n\nDer frühere Sieger Sven Hannawald war empört und sagte das auch.\n\nKontrolleur Hafele wähnt sich auf dem richtigen Weg. Auf die Frage nach den Strafen antwortete er: „Zumindest ist es ein wichtiges Signal für alle.“',
     ['Mathias Hafele']),
]


def _speakers(text: str) -> list[str | None]:
    doc = split(Article(f"{BODY}\n\n{text}\n\n{BODY}"))
    return [r.speaker for b in doc.blocks for r in b.runs if r.role is Role.QUOTE]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_speaker(case: str, text: str, expected: list[str | None]) -> None:
    got = _speakers(text)
    assert len(got) == len(expected), (case, got)
    for found, want in zip(got, expected):
        if want is None:
            assert found is None, (case, got)
        else:
            assert found is not None and found.endswith(want), (case, got)


def test_gender_from_honorific_and_lone_given_name() -> None:
    from reader.model import Gender
    from reader.segment import gender

    assert gender.of_name("Mme Lefort") is Gender.FEMALE
    assert gender.of_name("Herr Weber") is Gender.MALE
    assert gender.of_name("Antoine") is Gender.MALE
    assert gender.of_name("Lefort") is None


def test_declined_name_is_the_person_already_named() -> None:
    from reader.segment.people import People

    people = People()
    people.remember(people.find("Podnikatel Michal Redl prodal dům."))
    found = people.find("Návrh na omezení podal bratr Michala Redla včera.")
    assert [m.name for m in found] == ["Michal Redl"]


# Spanish and Portuguese: organisations and their documents, subjects of earlier sentences.
ES_PT_CASES = [
    # After a Portuguese verb, "o"/"a" before a body's name is its article, not a preposition.
    ('pt-org1', 'O tribunal recebeu o recurso na sexta-feira passada, segundo os autos.\n\n"Não há motivo algum para manter a decisão da primeira instância", detalhou a AGU, no recurso.',
     ['AGU']),
    # A body as the subject of the lead-in's verb: "O MPPE informa que".
    ('pt-org2', 'O projeto chegou à Assembleia Legislativa na semana passada.\n\nO MPPE informa que "as despesas serão suportadas pelo orçamento próprio do órgão".',
     ['MPPE']),
    # The document's owner a few words after it: "trecho da justificativa oficial do MPPE".
    ('pt-org3', '"O trabalho dos membros tem sido extenuante nos últimos meses", diz trecho da justificativa oficial do MPPE.',
     ['MPPE']),
    # A study named with its author speaks for them later: "destaca o estudo".
    ('pt-org4', 'As propostas constam de estudo elaborado pela Abradep, divulgado nesta segunda.\n\n"Reformas políticas jamais devem ser feitas em momentos de exceção", destaca o estudo.',
     ['Abradep']),
    # A verb with no subject after a sentence whose subject named someone else later: the subject.
    ('pt-subj1', 'Na sessão da manhã, Carlos Mendes foi questionado pela deputada Rita Lopes sobre o orçamento. Acrescentou, no entanto, que "nenhum corte foi decidido até agora".',
     ['Carlos Mendes']),
    ('pt-subj2', 'Em resposta a Ana Prado, José Lins elogiou os discursos de Pedro Tavares e de Luís Gama.\n\n"Eles fizeram discursos corajosos e muito necessários", avaliou.',
     ['José Lins']),
    # A speaker inside a relative clause does not go on into the next paragraph's quotation.
    ('pt-subj3', 'O deputado Rui Faria falou na tribuna nesta quinta.\n\nO deputado ainda comentou a declaração do ministro da Saúde, Paulo Nunes, que afirmou que as vacinas chegam em maio.\n\n"Faltam vacinas em todos os postos do estado", relembrou.',
     ['Rui Faria']),
    # A later clause with its own subject ends the sentence with that subject.
    ('pt-subj4', 'Rita Alves negou o pedido, mas Tomás Brito ainda tenta levar o tema ao plenário.\n\nO parlamentar acredita que tem apoio. "Já temos as assinaturas necessárias", justifica.',
     ['Tomás Brito']),
    # "o parlamentar": any member of a chamber, as the deputy was introduced.
    ('pt-role1', 'O deputado federal Silvio Nogueira defendeu o projeto; o ministro Sérgio Moura não falou.\n\n"Eu vou votar a favor do texto do governo", disse o parlamentar em entrevista.',
     ['Silvio Nogueira']),
    # "o partido" after "o partido Rede Sustentabilidade": the body introduced with that kind.
    ('pt-org5', 'O partido Rede Sustentabilidade decidiu entrar com uma ação no Supremo Tribunal Federal.\n\n"Não houve discussão alguma com a sociedade sobre o decreto", acusa o partido.',
     ['Rede Sustentabilidade']),
    # A time phrase between the verb and its subject ("expuso este martes la organización …").
    ('es-org2', 'La organización social Comité de Desarrollo Campesino bloqueó carreteras en todo el país.\n\n"No más corrupción, no más saqueo de nuestros territorios", expuso este martes la organización campesina mediante sus redes.',
     ['Comité de Desarrollo Campesino']),
    # A noun of speech with a person as its subject introduces the quotation of the next paragraph.
    ('pt-noun1', 'No final da fala, Lúcio Matos fez uma convocação.\n\n"A partir de agora, preparem-se para percorrer o país inteiro comigo."',
     ['Lúcio Matos']),
    # "disse que" inside a quotation is the speaker's own narration, not an attribution that splits it;
    # a line that names no one between two quotations lets the speaker go on.
    ('pt-carry1', 'Lúcio Matos discursou no lançamento da chapa. "Estou pronto para a campanha e para o país", disse Matos.\n\nVeja abaixo alguns dos trechos\n\n"Em 2003, disse que se todos tivessem café da manhã, eu teria cumprido a missão. Travamos contra a fome a maior das batalhas."',
     ['Lúcio Matos', 'Lúcio Matos']),
    # "el órgano contralor": the body whose name shares the adjective's stem, not the last one named.
    ('es-org3', 'La Contraloría General de la República revisó los sistemas del Ministerio de Hacienda y de la Caja Costarricense.\n\n"No hay evidencia de que se haya valorado cada cambio de perfil", detalló el órgano contralor.',
     ['Contraloría General de la República']),
    ('es-verb1', 'El presidente Gabriel Boric visitó la región el martes.\n\n"Estamos trabajando en instalar estados intermedios en la zona", adelantó el mandatario.',
     ['Gabriel Boric']),
    # A quotation over three paragraphs, attributed only at its end.
    ('pt-multi1', 'O deputado estadual comentou o edital em nota enviada à imprensa.\n\n“Afinal, qual o objetivo do governo com esse concurso tão mal explicado?\n\n“O governo dá margem a interpretações erradas e promove o desrespeito com as famílias.\n\n“Não é preconceito da minha parte, é meu dever questionar”, afirmou, em nota, Joel Matos, deputado do PP.',
     ['Joel Matos', 'Joel Matos', 'Joel Matos']),
    # A view given to a person with "Para": their words, short as they are.
    ('es-for1', 'La especialista Ana Ruiz estudió el caso durante meses. Para la especialista, "el sistema no funciona".',
     ['Ana Ruiz']),
    # Portuguese "a" before a role is the article: "afirmou a ministra à GloboNews".
    ('pt-role2', 'A ministra Marina Silva participou do evento.\n\n"O desmatamento caiu pela metade", afirmou a ministra à GloboNews.',
     ['Marina Silva']),
    # A verb of saying and a colon announce speech, however short; a lone name after a title in lower case.
    ('pt-colon1', 'O presidente Lula discursou em Brasília nesta sexta. Depois, Lula afirmou: "O Brasil voltou".',
     ['Lula']),
    # The body after a prepositional phrase that follows the verb.
    ('es-org4', '"Se recomienda a la población vacunarse antes del invierno", manifestó a través de un comunicado el Ministerio de Salud.',
     ['Ministerio de Salud']),
    # A rank unknown to the reader between the office and the name: still the subject.
    ('pt-role3', '"A situação está controlada na região desde a madrugada", disse o porta-voz da PM, tenente-coronel Emerson Massera.',
     ['Emerson Massera']),
    # Not the body when it is the complement of the real subject ("El portavoz de la Asociación destaca").
    ('es-org1', 'Los vecinos se reunieron el lunes con el concejal del distrito, Pedro Gil.\n\nUna fuente de la Comisión de Fiestas señala que "nadie ha pedido suspender las fiestas del barrio".',
     [None]),
]


# French and German attribution forms: each case is one grammatical pattern, in prose of our own.
FR_DE_CASES = [
    # Verbs of saying: "constate", "a mentionné", "se remémore", "hält fest".
    ('fr-v1', "« Les chiffres de ce mois ne changent rien à la tendance », constate Lucie Marchand, directrice de l'institut.",
     ['Lucie Marchand']),
    ('fr-v2', "« Il y aura un examen complet de chaque dossier », a mentionné le secrétaire du conseil, Marc Tessier.",
     ['Marc Tessier']),
    ('fr-v3', "« Quand je suis arrivé ici, il n'y avait qu'une seule route », se remémore Henri Vidal, ancien maire.",
     ['Henri Vidal']),
    ('de-v1', 'Die Behörde prüft den Fall seit Wochen. „Wir haben nichts übersehen und nichts verschwiegen“, hält die Leiterin Karin Vogt fest.',
     ['Karin Vogt']),
    # A German inverted lead-in: the verb opens the clause, its subject follows with a title.
    ('de-i1', 'Die Stadträtin Eva Roth hatte ein Verbot gefordert.\n\nDie Versammlung wurde nicht verboten. Dass sie stattfinden durfte, erklärt Kölns Polizeipräsident Jan Brandt mit dem Gesetz: „Ein Verbot hätte vor keinem Gericht Bestand gehabt.“',
     ['Jan Brandt']),
    # The firm after "vom" is where the speaker works, not the speaker.
    ('de-a1', 'Die Zinsen bleiben vorerst stabil. Lena Hartmann vom Vermögensverwalter Nordkap betont: „Wir sehen keinen Anlass für eine Senkung in diesem Jahr.“',
     ['Lena Hartmann']),
    # A title's genitive names its domain: "der Vereinigten Arabischen Emirate" is no one to give "er" to.
    ('de-g1', 'Omar Saeed, Außenminister der Vereinigten Arabischen Emirate, sprach auf der Konferenz. „Dieser Tag wird kommen, ob wir wollen oder nicht“, sagt er.',
     ['Omar Saeed']),
    # A country ending a capitalized run ("Ist Deutschland") is no person; an acronym compound
    # ("DDR-Hotel") describes and is no given name.
    ('de-c1', 'Das DDR-Hotel Sonnenblick öffnet nach dreißig Jahren wieder seine Türen.\n\nSie werden an der Tür laut empfangen: „Ruhe bitte, gleich geht es los mit der Führung.“',
     [None]),
    ('de-c2', 'Die Ministerin Nina Falk sprach am Morgen im Landtag. Ist Deutschland, ist Europa zu naiv im Umgang mit Extremisten?\n\n„Wir dürfen nicht länger wegsehen“, sagte sie.',
     ['Nina Falk']),
    # A quoted word joined to a noun by a hyphen is part of that word, not speech.
    ('de-h1', 'Wie Gerd Falk vor seinem „Müll“-Fehltritt sagte: „Das Wichtigste an einem Amt ist der Charakter.“',
     ['Gerd Falk']),
    # A given name opening its sentence names someone when an apposition follows it.
    ('fr-p1', "Plusieurs fidèles sont venus témoigner devant le tribunal. « Il n'a jamais prêché la haine », raconte Karim, artisan boucher. Youssef, cadre ferroviaire, était au prêche ce jour-là : « Il a parlé des réseaux sociaux et de leurs dangers pour les jeunes. »",
     ['Karim', 'Youssef']),
    # German verbs of saying split around their subject.
    ('de-s1', 'Die Abgeordnete Petra Wolf hielt das Papier für einen Fehler. „Die Wortwahl ist der Sache nicht dienlich“, ließ sie auf ihrem Kanal wissen.',
     ['Petra Wolf']),
    ('de-s2', 'Der Trainer Jonas Beck war nach dem Spiel zufrieden. „Wir haben die Räume gut genutzt“, fügte er hinzu.',
     ['Jonas Beck']),
    # "der 48-Jährige" in a lead-in is the man the sentences before were about.
    ('de-a2', 'Generalsekretär Paul Reger trat am Freitag zurück. Er habe von dem Papier nichts gewusst. In einem Statement sagte der 48-Jährige: „Ich habe unwissentlich falsch informiert.“',
     ['Paul Reger']),
    # An elided article on a role ("l'imam") still names the one introduced with it.
    ('fr-e1', "L'imam de la mosquée du quartier, Nabil K., a été entendu jeudi par le tribunal de la ville. « Une erreur faite dans la précipitation », plaide l'imam, qui regrette son message.",
     ['Nabil K']),
    # A quotation standing as its own sentence after narration about one person is theirs.
    ('de-p1', 'Der Schlachter Kevin Brandt kann die Nachteile klar benennen. Mit dem Absatz seiner Firma ist er zufrieden. „Aber die großen Betriebe haben pro Tier weniger Kosten als wir.“',
     ['Kevin Brandt']),
    # After an opening phrase and its comma, "le juge X" opens the clause and is what it is about.
    ('fr-c1', "Vous pouvez joindre Paul Martin par courriel.\n\nDans un document déposé en cour pour expliquer sa décision, le juge Bocock estime que l'enquête du Conseil suffit. Il dit qu'il n'était pas au courant.\n\n« J'ignorais que ce cabinet était lié à l'affaire », écrit-il.",
     ['Bocock']),
    # A headline: a name, whom the words are for, a colon and the words, short as they are.
    ('de-t1', 'Die Abgeordnete Anna Berg kritisierte am Montag die Pläne der Regierung scharf und lange.\n\nAnna Berg an die Regierung: „Hört endlich zu“\n\nIm Netz sorgte das Papier für viel Spott und Hohn bei den Lesern.',
     ['Anna Berg']),
    # "das Ministerium" is the ministry named before in one German compound word.
    ('de-o1', 'Das Gesundheitsministerium prüft die Zahlen der Kliniken seit Monaten.\n\nUnd das Ministerium urteilt über die Lage: „Lange Wartezeiten sind nicht im Sinne der Patienten.“',
     ['Gesundheitsministerium']),
    # A French paragraph that closes on « … . » (a space before the guillemet) is prose, not chrome.
    ('fr-q1', "Interrogé par Le Parisien, Paul Girard a répondu : « Je ne démissionnerai pas, quoi qu'il arrive dans les prochains jours. »",
     ['Paul Girard']),
    # Bodies as speakers: an unnamed spokesperson's, a document's owner in the genitive, a German body
    # noun after a separable verb, a French body with a lower-case head.
    ('de-o2', '„Wir prüfen den Vorgang sehr genau und ohne Zeitdruck“, sagte ein Sprecher des Innenministeriums.',
     ['Innenministerium']),
    ('de-o3', '„Eine Einigung ist in Sicht, aber noch nicht erreicht“, heißt es in einer Mitteilung des Bauernverbandes.',
     ['Bauernverband']),
    ('de-o4', '„Wir haben keine Hinweise auf eine Gefahr für die Bevölkerung“, teilte die Polizei mit.',
     ['Polizei']),
    ('fr-o1', "Selon un communiqué de la CGT, « la grève sera reconduite jusqu'à nouvel ordre dans toutes les usines ».",
     ['CGT']),
    ('fr-o2', "« La situation reste très tendue dans le secteur nord de la ville », indique la préfecture du Nord dans un communiqué.",
     ['préfecture du Nord']),
    # "sagt der Taxifahrer" has its subject after the verb, someone unnamed, who goes on speaking.
    ('de-u1', 'Ukrainische Gegenoffensive: Ziele und Risiken\n\nEine Kolonne fährt an einem Morgen vorbei. „Ich habe sie vor einer Woche gesehen“, sagt der Taxifahrer. „Es waren sehr große Panzer.“',
     [None, None]),
    # "der CEO" is an office, not a body; "laut Marktprognosen" names no one.
    ('de-r1', 'Die Luftfahrt ist wieder im Aufwind und die Zulieferer sind mit dem Jahr sehr zufrieden.\n\nKonzernchef Robert Lang sprach am Dienstag vor Journalisten in Wien über die Aufträge.\n\n„Das hatten wir nicht einmal vor der Krise“, so der CEO. Bis 2042 würden laut Marktprognosen viele Flugzeuge ausgeliefert. „Das sind die Cashcows, das ist die Butter aufs Brot.“',
     ['Robert Lang', 'Robert Lang']),
    # "Präsidentin des Deutschen Vereins": the genitive after a title names the office's domain.
    ('de-g2', 'Die Versammlung ist mit dem Ergebnis der Wahl zufrieden und die Stimmung ist gut.\n\nAnna Stetter ist zudem Präsidentin des Deutschen Vereins für Fürsorge. Zugleich mahnte sie: „Die Debatte darf uns nicht aufsaugen.“',
     ['Anna Stetter']),
    # A credit line after a quotation standing alone names its speaker, epigraph style; so does the next
    # paragraph when it opens on whose cry or words they were.
    ('fr-k1', "« Elle-même est responsable puisqu’elle était à un endroit où il y avait un risque. »\n\nPaul Tréguier, journaliste, au sujet d’une manifestante, 25 mars 2019\n\nLe débat a duré toute la soirée sur le plateau.",
     ['Paul Tréguier']),
    ('fr-k2', "« Faites votre boulot. Faites votre boulot, merde ! »\n\nLe cri du cœur de Denis Lefranc résonne entre les murs de la salle des assises.",
     ['Denis Lefranc']),
    # German reported speech (Konjunktiv I) goes on in the voice of the one quoted last.
    ('de-k1', 'Die Luftfahrt ist wieder im Aufwind und die Zulieferer sind mit dem Jahr zufrieden.\n\n„Wir haben einen gewaltigen Auftragseingang“, sagte Konzernchef Robert Lang am Dienstag.\n\nDer weltweite Markt sei „größer als vor der Krise“. Das Flugaufkommen liege bei 108 Prozent. „Die internationalen Verbindungen hängen noch etwas hinterher.“',
     ['Robert Lang', 'Robert Lang']),
    # "pour sa part" between an inverted verb and its subject; "évoque" as a verb of saying.
    ('fr-f1', "Le débat a réuni des chercheurs et des gendarmes à Paris.\n\n« La question posée, c’est la capacité du pouvoir politique à réguler l’outil policier », indique pour sa part le général Bernard Cavel.",
     ['Bernard Cavel']),
    ('fr-f2', "« Dans les premiers mois, de nombreuses rédactions ont validé ce discours sans le vérifier », évoque Denis Lefranc.",
     ['Denis Lefranc']),
    # Two people introduced with the same title: "le jeune journaliste" is the one named last.
    ('fr-f3', "Sur le terrain, le journaliste Rémi Bosc filme chaque samedi.\n\nRoland Bernstein, journaliste, a publié une étude sur le sujet au printemps.\n\nPour Rémi Bosc, le manque d’interlocuteurs pose problème. Selon le jeune journaliste, « on le voit sur la question des armes, par exemple ».",
     ['Rémi Bosc']),
    # A statement with no author of its own is the press office's the narration just gave as a source.
    ('ru-p1', 'Учёные университета изучили механизмы редкой болезни крови, сообщила в пятницу пресс-служба вуза.\n\n"Коллектив учёных изучил механизмы, которые происходят в клетках крови у детей с этой болезнью", - говорится в сообщении.',
     ['вуза']),
    # "zum Thema Kinder", "ein Berliner Imam": German nouns and a title, no one's name; the unnamed
    # speakers of a round table stay unnamed.
    ('de-n9', 'Berliner Imam über Kinderlosigkeit\n\nMuslime tauschen sich zum Thema Kinder aus. Was denkt ein Berliner Imam über Nachkommen?\n\nNeben ihm sitzt ein junges Ehepaar. Sie schauen sich an: „Wir haben uns entschieden, unser Leben zu genießen, mit Reisen und Freiheit.“',
     [None]),
]


@pytest.mark.parametrize(("case", "text", "expected"), ES_PT_CASES, ids=[c[0] for c in ES_PT_CASES])
def test_speaker_es_pt(case: str, text: str, expected: list[str | None]) -> None:
    test_speaker(case, text, expected)


def test_bodies_and_programmes_are_no_people() -> None:
    from reader.segment.people import People

    for text in ("O governo quer substituir o Bolsa Família por outro programa.",
                 "Lo dijo el miembro del Buró Político en la reunión.",
                 "A Secretaria Estadual de Cultura incluiu a peça na grade.",
                 "Embora Pacheco tenha negado, o pedido segue na Casa."):
        names = [m.name for m in People().find(text)]
        assert all(n not in ("Bolsa Família", "Buró Político", "Estadual de Cultura", "Embora Pacheco")
                   for n in names), (text, names)
    # A title right before a name still vouches for the person.
    assert [m.name for m in People().find("Lo dijo la secretaria de Estado Ana López.")] == ["Ana López"]

@pytest.mark.parametrize(("case", "text", "expected"), FR_DE_CASES, ids=[c[0] for c in FR_DE_CASES])
def test_speaker_french_german(case: str, text: str, expected: list[str | None]) -> None:
    test_speaker(case, text, expected)


# Speakers given by the structure around the quotation, not by a verb of saying.
STRUCTURE_CASES = [
    # A witness introduced by a lone name and an age, then paragraphs that each open with a mark.
    ('st-en-age', 'The hospital lost power twice this week. Fatima, 34, a nurse in Gaza, describes her night:\n\n"We worked by the light of our phones. The generator stopped at two in the morning.\n\n"I held a baby\'s oxygen mask by hand for forty minutes."\n\nThe ministry said on Tuesday that fuel would arrive by the end of the week.',
     ['Fatima', 'Fatima']),
    # The paragraph before presents the witness; the quotation after it speaks in the first person.
    ('st-fr-presented', "L'hôpital a perdu le courant deux fois cette semaine. Nous avons rencontré Pasiphae, 20 ans, étudiante infirmière, devant l'entrée des urgences.\n\n« Nous avons travaillé à la lumière de nos téléphones. Le groupe s'est arrêté à deux heures.\n\n« Personne n'a applaudi quand le courant est revenu. »",
     ['Pasiphae', 'Pasiphae']),
    ('st-de-presented', 'Die Flut kam in der Nacht. Jana Horák, 41, Bäckerin aus Děčín, stand bis zum Morgen im Wasser.\n\n„Wir haben die Mehlsäcke auf die Tische gestellt. Mehr konnten wir nicht retten.“',
     ['Jana Horák']),
    # A name in marks with an apposition: the page's name for a witness who keeps her own.
    ('st-es-pseudonym', 'El hospital se quedó sin luz dos veces esta semana.\n\n“Maritza”, una enfermera que prefiere omitir su nombre por seguridad, trabajó toda la noche.\n\n“Trabajamos con la luz de los teléfonos. El generador se paró a las dos”, admite.',
     ['Maritza']),
    # A label in capitals that is only a name, before the quotation or on its own line over it.
    ('st-es-label', 'La jefa de la estación y un voluntario hablaron con este diario tras la guardia nocturna.\n\nKARLA TARAZONA: «Teníamos cuatro camiones fuera y una sola carretera abierta. Nadie durmió».\n\nMARTÍN OCAMPO: «Conduje el camión cisterna hasta el amanecer».',
     ['Karla Tarazona', 'Martín Ocampo']),
    ('st-ru-label', 'Начальник станции и доброволец рассказали нам о ночной смене.\n\nКАРЛА ТАРАСОВА: «У нас было четыре машины на выезде и одна открытая дорога. Никто не спал».',
     ['Карла Тарасова']),
    ('st-en-label-line', 'The station chief spoke to us after the night shift.\n\nKARLA TARAZONA:\n\n"We had four engines out and one road open. Nobody slept."',
     ['Karla Tarazona']),
    ('st-pt-label', 'O prefeito e a vereadora falaram à imprensa depois da votação.\n\nJOÃO PEREIRA: "Vamos recorrer da decisão ainda nesta semana."',
     ['João Pereira']),
    # An unnamed witness stays unnamed, and a person the narration only mentions is no witness.
    ('st-en-unnamed', 'The hospital lost power twice this week. A nurse who asked not to be named described her night.\n\n"We worked by the light of our phones until dawn."',
     [None]),
    ('st-cs-mentioned', 'Policie zadržela řidiče, který ujel od nehody. Vůz patřil firmě, kterou vede Petr Novák, jenž byl v té době v zahraničí.\n\n„Nikdy jsme nic podobného nezažili,“ uvedla mluvčí hasičů.',
     [None]),
]


@pytest.mark.parametrize(("case", "text", "expected"), STRUCTURE_CASES, ids=[c[0] for c in STRUCTURE_CASES])
def test_speaker_from_structure(case: str, text: str, expected: list[str | None]) -> None:
    test_speaker(case, text, expected)


def test_a_label_in_capitals_names_someone_only_when_it_reads_as_a_name() -> None:
    from reader.segment.people import is_label_name

    for words in (["Karla", "Tarazona"], ["Petr", "Novák"], ["Карла", "Тарасова"]):
        assert is_label_name(words), words
    for words in (["Leia", "Também"], ["Voir", "Aussi"], ["Breaking", "News"], ["Прямая", "Речь"], ["Elle", "Dit"]):
        assert not is_label_name(words), words
