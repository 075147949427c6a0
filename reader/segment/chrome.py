"""Page chrome: tell a page's article text from its navigation, widgets, teasers and credits.

Works on a page as units (a paragraph, or one line of a block of short lines), in reading order,
without knowing the site. The rules are multilingual (English, Russian, French, German, Spanish,
Portuguese, Czech, Chinese) and deliberately keep a sentence when in doubt: a spoken menu item is an
annoyance, a lost sentence is a defect. No I/O here.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from . import compiled

__all__ = ["TERMINAL", "Label", "Unit", "classify", "is_sentence", "word_count"]


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph or line of the page, with any structure its source marked."""

    text: str
    heading: bool = False
    """Marked as a heading by the source (Markdown '#', HTML <h1>–<h6>)."""
    quote: bool = False
    """A block quotation (Markdown '>', HTML <blockquote>)."""
    item: bool = False
    """A list item."""
    trusted: bool = False
    """Already judged to be article text by an extractor (HTML through trafilatura)."""


class Label(str, Enum):
    """What a unit is."""

    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    SKIP = "skip"


_CJK = compiled.regex(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_WORD = compiled.regex(r"[^\W_]+(?:['’.-][^\W_]+)*")
# French sets a space before its closing guillemet ("… les prochains jours. »"): the stop still ends the line.
TERMINAL = compiled.regex(r"""[.!?…。！？](?:[ \u00a0\u202f]*["'”’“»)\]])*$""")
"""Text that ends a sentence: terminal punctuation, then any closing quotes or brackets."""
_TERMINAL = TERMINAL
_BULLET = compiled.regex(r"^\s*(?:[•·▪◦●*+]|\d{1,2}[.)])\s+")

# Whole-line widget labels, menus and buttons; matched against the entire unit.
_UI = "|".join(
    [
        # English
        r"skip to (?:main )?content|skip navigation|jump to|menu|main menu|navigation|search|home|homepage|"
        r"subscribe(?: now)?|sign (?:in|up|out)|log ?in|log out|register|my account|account|profile|"
        r"share(?: this(?: article| story)?)?(?: on \w+)?|(?:show |see )?(?:more )?shar(?:e|ing) options|save|saved|print|e-?mail|tweet|copy(?: the| this)? link|link copied|"
        # "Back to overview", "« Back to Football Home", "Zurück zur Übersicht": a link back up the site.
        # The place it leads to is a part of the site (a heading "Back to basics" is no link).
        r"(?:back to|return to|go back to) (?:the )?(?:[\w&'’-]+ ){0,2}(?:home(?:page)?|overview|list|news|index|"
        r"results|search|articles|stories|blog|section|category|front page|start|top)|"
        r"(?:zurück zu[rm]?) (?:\w+ ){0,2}(?:übersicht|startseite|liste|suche|nachrichten|artikeln?|kategorie|blog)|"
        r"retour (?:à|au|aux) (?:la |l'|les )?(?:\w+ ){0,2}(?:accueil|liste|sommaire|rubrique|recherche|articles|blog)|"
        r"(?:volver|regresar) (?:a|al) (?:la |las |los )?(?:\w+ ){0,2}(?:inicio|portada|listado|lista|sección|búsqueda|blog)|"
        r"voltar (?:para|ao|à) (?:a |o )?(?:\w+ ){0,2}(?:início|capa|lista|seção|busca|blog)|"
        r"zpět na (?:\w+ ){0,2}(?:úvod|hlavní stránku|přehled|seznam|rubriku)|назад (?:к|в|на) (?:\w+ ){0,2}(?:главн\w+|списк\w+|разделу?|новостям)|"
        r"返回(?:首页|列表|目录|栏目)|listen to this (?:text|article|story|page)|"
        r"copier le lien|lien copié|retour(?: à l'accueil)?|link kopieren|zurück(?: zur übersicht)?|copiar (?:el )?enlace|"
        r"enlace copiado|copiar link|voltar|скопировать ссылку|ссылка скопирована|kopírovat odkaz|zpět|复制链接|"
        r"anhören|diesen artikel anhören|écouter l'article|escuchar (?:el )?artículo|ouvir (?:o )?artigo|"
        r"poslechněte si článek|послушать|прослушать|"
        r"(?:partager|teilen|compartir|compartilhar|sdílet|поделиться|share) (?:sur|auf|en|no|na|в|on|via) [\w+.-]+|"
        r"envoyer par (?:e-?)?mail|per (?:e-?)?mail (?:senden|teilen|versenden)|enviar por (?:e-?mail|correo)|"
        r"zobrazit (?:vše|více|další)|načíst další|číst dál|alle anzeigen|mehr anzeigen|weiterlesen|"
        r"voir (?:tout|plus)|afficher (?:tout|plus)|ver (?:todo|todos|más|tudo|mais)|mostrar (?:más|mais)|"
        r"показать (?:все|ещ[её])|читать (?:далее|дальше)|查看全部|查看更多|展开全文|"
        r"facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|vk|youtube|instagram|tiktok|xing|flipboard|"
        r"mastodon|bluesky|threads|"
        r"reply|antworten|répondre|responder|rispondi|ответить|odpovědět|回复|"
        r"comments?|\d+ comments?|comments? \(\d+\)|leave a comment|(?:view|read|show|post|add)(?: ?/ ?post)? comments?|"
        r"advertisement|advertising|ad|ads|sponsored(?: content)?|promoted|partner content|"
        r"listen(?: to (?:this )?(?:article|story))?|play|pause|audio|video|watch|photo|photos|gallery|"
        r"close|open|next|previous|prev|back|back to top|top|more|read more|show more|load more|see more|"
        r"see all|view all|(?:see|view) (?:more|all) (?:photos|pictures|images|videos)|continue reading|read the full (?:article|story)|"
        r"related(?: (?:articles|stories|news|content|topics))?|most read|most popular|popular|trending|"
        r"recommended(?: for you)?|top stories|latest(?: news)?|breaking(?: news)?|live|live broadcast|"
        r"newsletter|newsletters|follow us|follow|on|off|yes|no|ok|cookies?|cookie settings|"
        r"accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:preferences|cookies|consent)|"
        r"privacy(?: policy)?|terms(?: of (?:use|service))?|contact(?: us)?|about(?: us)?|"
        r"all rights reserved|font size|text size|"
        r"reading mode|bookmark|topics?|tags?|categories|sections?|world|politics|business|sport|sports|"
        r"opinion|culture|science|tech|technology|health|weather|local|news|more news|"
        r"(?:\d+ )?min(?:ute)?s? read|(?:reading time|temps de lecture|lesezeit|tiempo de lectura|tempo de leitura|"
        r"время чтения|doba čtení|阅读时间)\W*(?:\d+\W*)?(?:min(?:ute[ns]?|utos|\.)?|мин\.?|分钟)?|"
        # Russian
        r"реклама|поделиться|подписаться|подпишитесь|читайте также|читать также|комментарии|главное|"
        r"новости|меню|поиск|войти|вход|озвучить текст|слушать|вкл|выкл|прямой эфир|"
        r"наверх|фото|видео|ещ[её]|по теме|популярное|все новости|версия для печати|"
                # French
        r"publicité|partager|s'abonner|abonnez-vous|se connecter|connexion|lire aussi|[àa] lire aussi|"
        r"lire la suite|commentaires?|rechercher|recherche|accueil|suivez-nous|écouter(?: cet article)?|"
        # German
        r"anzeige|werbung|teilen|teilen mit|share with|partager avec|compartir con|compartilhar com|sdílet s|abonnieren|anmelden|lesen sie auch|auch interessant|mehr zum thema|"
        r"kommentare|startseite|suche|zum inhalt springen|artikel anhören|vorlesen|"
        # Spanish and Portuguese
        r"publicidad|compartir|suscríbete|suscribirse|iniciar sesión|lee también|leer más|"
        r"te puede interesar|comentarios|buscar|portada|escuchar(?: noticia)?|"
        r"publicidade|anúncio|compartilhar|partilhar|assine|entrar|leia também|leia mais|comentários|"
        r"pesquisar|ouvir(?: notícia)?|"
        # Czech
        r"reklama|sdílet|přihlásit(?: se)?|odebírat|předplatné|čtěte také|čtěte též|související|článek|"
        r"komentáře|hledat|diskuse|poslechnout(?: si)?(?: článek)?|"
        # Chinese
        r"广告|分享|订阅|登录|注册|相关阅读|相关新闻|阅读更多|评论|搜索|首页|返回顶部|收藏|打印|扫一扫|"
        r"分享到"
    ]
)
# One label, or a few side by side ("Partager Partager", "Facebook Twitter WhatsApp").
_UI_LINE = compiled.regex(rf"^[\W\d_]*(?:{_UI})(?:[\W\d_]+(?:{_UI}))*[\W\d_]*$", re.I)

# Prefixes of teasers, credits and bylines, whatever follows them.
_TEASER = compiled.regex(
    r"^\W*(?:read (?:also|more|next)|see also|related|more on this|you (?:may|might) also like|"
    r"читайте (?:также|тоже)|читать также|смотрите также|по теме|lire aussi|[àa] lire (?:aussi|également)|voir aussi|"
    r"lesen sie (?:auch|mehr)|mehr dazu|lee (?:también|más)|ver también|leia (?:também|mais)|veja também|saiba mais|"
    r"čtěte (?:také|též|více)|související|相关阅读|延伸阅读|推荐阅读)\b",
    re.I,
)
_CREDIT = compiled.regex(
    r"^\W*(?:photo|photos|foto|fotos|фото|image|picture|credit|crédit|illustration|video|видео|"
    r"source|источник|quelle|fuente|fonte|zdroj|来源|translated by|translation|переведено|перевод|"
    r"traduction|traduit|übersetzung|übersetzt|traducción|tradução|překlad|editor|редактор|责任编辑|编辑|"
    r"©|\(c\)|copyright)\b|^\W*©|\b(?:getty images|shutterstock|ap photo|all rights reserved|"
    r"все права защищены|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
    r"všechna práva vyhrazena)\b",
    re.I,
)
# Captions announced as such ("Media caption …", "Bildunterschrift: …"), in the languages we read.
_CAPTION = compiled.regex(
    # An embedded social post's own line ("A post shared by Jane (@jane) on …").
    r"^\W*(?:a post shared by|ein beitrag geteilt von|une publication partagée par|"
    r"una publicación compartida (?:por|de)|uma publicação compartilhada por|příspěvek sdílený|"
    r"публикация от|media caption|image caption|image copyright|image source|caption|légende|bildunterschrift|"
    r"bildquelle|pie de foto|leyenda|legenda|подпись к фото|popisek|图片来源|图注|图片|"
    r"screenshots?|screengrab|captures? d'écran|bildschirmfoto|captura de (?:pantalla|tela)|скриншот|"
    r"snímek obrazovky|截图)\b",
    re.I,
)
# News and photo agencies. Alone on a line, or closing a caption after "/", "|", "©" or in brackets, they
# are a credit; inside a sentence ("the EPA said on Monday …") they are words of the article.
_AGENCY = (
    r"afp|ap|reuters|epa|efe|dpa|apa|anp|ansa|ats|sda|keystone|imago|picture[- ]alliance|getty(?: images)?|"
    r"shutterstock|istock(?:photo)?|unsplash|pixabay|alamy|xinhua|kyodo|yonhap|bloomberg|sputnik|tass|ria|"
    r"lusa|agência brasil|estadão conteúdo|folhapress|europa press|čtk|ctk|profimedia|тасс|риа новости|"
    r"интерфакс|коммерсантъ|новости|新华社|中新社|视觉中国|ip3 press|maxppp|sipa|belga|abaca|hans lucas|"
    r"wikimedia commons|wikipedia|pool|handout|zuma(?: press)?|nurphoto|sopa images|anadolu(?: agency)?"
)
_AGENCY_ALONE = compiled.regex(rf"^\W*(?:(?:foto|photo|фото|bild)\s*:?\s*)?(?:{_AGENCY})(?:\s*[/|,;]\s*(?:{_AGENCY}))*\W*$", re.I)
_CREDIT_TAIL = compiled.regex(
    rf"^\W*(?:{_AGENCY})\s*[/|]\s*(?:[\w.'’-]+\s*){{1,4}}\W*$|(?:[/|©]\s*(?:[\w.'’-]+\s+){{0,3}}(?:{_AGENCY})|\((?:[\w.'’-]+\s+){{0,3}}(?:{_AGENCY})\)|"
    r"(?:\b(?:photo|photograph|foto|fotografía|fotografia|фото|bild|crédits?|credit|image)\s*(?:by|de|:|©)\s*"
    r"[^.!?]{2,60}))\W*$",
    re.I,
)
_BYLINE = compiled.regex(
    r"^\W*(?:(?:an? )?(?:analysis|opinion|commentary|column|review|interview|reporting|story|words|written|text|"
    r"edited) by|(?:ein |eine )?(?:analyse|kommentar|interview|text|gastbeitrag) von|"
    r"(?:une )?(?:analyse|chronique|tribune|propos recueillis|entretien|texte) par|"
    r"(?:análisis|opinión|columna|texto|entrevista|reportagem|texto) (?:por|de)\b(?= (?-i:[A-ZÁÉÍÓÚ]))|"
    r"by|von|par|por|автор|авторы|текст|autor|autora|od|作者|记者)[:\s]+(?!\d)\S",
    re.I,
)
_FROM_SOURCE = compiled.regex(r"^\W*(?:from|aus|extrait de|tiré de|tomado de|extraído de|převzato z|"
                              r"перепечатано из)\s*:\s*\S", re.I)
_MONTHS = (
    # Latin-script names and abbreviations are whole words; Russian stems take their case endings.
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|janv|févr|mars|avr|mai|juin|juil|juillet|août|déc|janvier|"
    r"février|avril|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|"
    r"fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|ledna|února|března|dubna|"
    r"května|června|července|srpna|září|října|listopadu|prosince)\b\.?|"
    r"(?<![а-яё])(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]{0,3}(?![а-яё])"
)
# A four-digit number is a date only as a plausible year, and not when a colon follows ("Chapter 1000: …");
# a time or a day and month stand alone ("20.000 Euro" is an amount).
_DATELINE = compiled.regex(rf"(?<!\d)\d{{1,2}}[:./]\d{{2}}(?!\d)|\d{{2,4}}\s*年\s*\d{{1,2}}\s*月|\b(?:1[6-9]|20)\d{{2}}\b(?!\s*:)|{_MONTHS}", re.I)
_DATE_WORDS = compiled.regex(
    r"^\W*(?:updated|published|posted|last updated|обновлено|опубликовано|mis à jour|publié|aktualisiert|"
    r"veröffentlicht|publiziert|erschienen|actualizado|publicado|atualizado|aktualizováno|publikováno)\b|"
    r"^\W*(?:更新|发布|发表)(?:时间|日期|于)?",
    re.I,
)
_CONSENT = compiled.regex(r"\bcookies?\b|\bкуки\b|файлы cookie|\bgdpr\b|\brgpd\b|\bdsgvo\b", re.I)
# A consent notice speaks to the reader about the site's own use of cookies; an article about cookies does not.
_CONSENT_ADDRESS = compiled.regex(
    r"\b(?:we|our partners|we and our partners) (?:use|store|process|collect)|\bthis (?:site|website) uses\b|"
    r"\bby (?:clicking|continuing|using this)|\byou (?:can|may) (?:change|withdraw|manage|accept|refuse)|"
    r"\byou (?:agree|consent|accept)|\b(?:accept|reject|manage) (?:all|cookies|preferences|settings)|"
    r"\bcookie (?:policy|settings|preferences)|"
    r"nous utilisons|nos partenaires|en (?:poursuivant|continuant)|vous acceptez|paramétrer|"
    r"wir (?:verwenden|nutzen|setzen)|unsere partner|stimmen sie|ihre einwilligung|einstellungen|"
    r"(?:utilizamos|usamos) cookies|nuestros socios|aceptas|acepta el uso|você (?:concorda|aceita)|"
    r"мы используем|используем файлы|вы соглашаетесь|продолжая|používáme|souhlasíte|váš souhlas|"
    r"我们使用|同意",
    re.I,
)
# Lines after which the article is over: comments, footers, "more stories" rails.
_END_MARK = compiled.regex(
    r"^\W*(?:comments?(?: \(\d+\))?|\d+ comments?|leave a comment|most read|most popular|"
    r"recommended(?: for you)?|more (?:stories|news)|more from(?: \w+){0,3}|"
    # "More Golf News", "All Anne Perkins articles": a rail of one section's or one author's stories.
    r"more(?: [\w&-]+){1,2} (?:news|stories|articles|headlines|videos)|all(?: [\w.'’-]+){1,3} (?:articles|stories|posts)|related (?:articles|stories|news)|you may also like|"
    r"tags?:.*|(?:related )?topics?:.*|(?:más |mais |weitere |autres |další |související )?(?:temas|tópicos|themen|thèmes|"
    r"sujets|témata|schlagw(?:ö|o)rter?|stichw(?:ö|o)rter?|etiquetas|mots-clés|štítky|темы|теги|标签)"
    r"(?: relacionad[oa]s| associad[oa]s| liés| associés| zum artikel)?\s*[:：].*|"
    r"te recomendamos|recomendamos|recomendado para (?:ti|você)|wir empfehlen|empfehlungen der redaktion|"
    r"nous vous recommandons|à découvrir aussi|doporučujeme|рекомендуем|为你推荐|推荐阅读|all rights reserved|комментарии|популярное|самое читаемое|"
    r"commentaires|les plus lus|kommentare|meistgelesen|comentarios|lo más leído|comentários|mais lidas|"
    r"komentáře|diskuse|nejčtenější|评论|热门文章|trending(?: on the web| now)?|(?:more|other|recommended) stories|"
    r"more to explore|you might also like|das könnte sie auch interessieren|weitere artikel|mehr zum thema|"
    r"sur le même sujet|dans la même rubrique|te puede interesar|noticias relacionadas|más noticias|"
    r"notícias relacionadas|veja também|другие новости|ещ[её] по теме|mohlo by vás zajímat|další články|"
    r"similar (?:articles|stories)|ähnliche (?:artikel|beiträge|themen)|articles similaires|"
    r"artículos similares|artigos semelhantes|похожие (?:статьи|новости|материалы)|podobné články|"
    r"相关新闻|相关阅读|猜你喜欢|相似文章)\W*$",
    re.I,
)

# Comment forms and paywalls: nothing after them is the article, and nothing bridges across them.
_HARD_END = compiled.regex(
    r"\b(?:post|leave|add|write) a (?:comment|reply)\b|poster un commentaire|laisser un commentaire|"
    r"réagir à cet article|(?:deja|escribe|añade) (?:un|tu) comentario|normas de uso|"
    r"deixe (?:um|seu) comentário|kommentar (?:schreiben|verfassen)|napsat komentář|přidat komentář|"
    r"(?:schreibe|schreiben sie) einen kommentar|écrire un commentaire|escreva (?:um|seu) comentário|"
    r"napište komentář|\b(?:there are|there is) (?:no|\d+) comments?\b|"
    r"оставить комментарий|добавить комментарий|написать комментарий|发表评论|"
    r"réservée? aux abonnés|\bsubscribers? only\b|\b(?:subscribe|sign in|log in) to (?:continue|keep) reading|"
    r"exclusivo para (?:suscriptores|assinantes)|nur für abonnenten|только для подписчиков|"
    r"pouze pro předplatitele|il vous reste \d|suscripción se está usando",
    re.I,
)
# A newsletter's pitch names it first and speaks to the reader ("The Morning newsletter brings you …").
_NEWSLETTER = compiled.regex(r"newsletter|infolettre|boletín|рассылк|напишите нам|新闻通讯", re.I)
_YOU = compiled.regex(r"\b(?:you|your|sie|ihnen|ihr|vous|votre|vos|te|tu|tus|usted|você|seu|sua|vy|vás|vám|вы|вас|вам)\b|您|你",
                  re.I)
# A prompt to press a share or print button ("Click to open the share menu.").
_SHARE_PROMPT = compiled.regex(
    r"^\W*(?:click|tap|klicken|klicke|tippen|cliquez|cliquer|haz clic|pulsa|clique|toque|klikněte|нажмите)\b"
    r".{0,40}\b(?:share|sharing|teilen|teilen-funktion|partager|partage|compartir|compartilhar|sdílet|sdílení|"
    r"поделиться|print|drucken|imprimer|imprimir|tisk)",
    re.I,
)
# A button or feature kept for subscribers ("Esta funcionalidad es sólo para suscriptores").
_MEMBERS_ONLY = compiled.regex(
    r"\b(?:sólo|solo|só|somente|exclusiv[oa]|only|nur|uniquement|réservée? aux?|pouze|jen|только) "
    r"(?:para |for |für |pour |pro |для )?(?:los |our |unsere |nos |os |naše )?"
    r"(?:suscriptores|assinantes|subscribers|members|registrados|registered users|abonnenten|registrierte nutzer|"
    r"abonnés|inscrits|předplatitele|registrované|подписчиков|зарегистрированных)\b",
    re.I,
)
# A caption marked as such by a bracketed note ("(Symbolbild)", "(photo d'illustration)").
_CAPTION_MARK = compiled.regex(
    r"\((?:symbolbild|symbolfoto|archivbild|archivfoto|illustrationsbild|image d'illustration|photo d'illustration|"
    r"illustration|imagen de archivo|foto de archivo|imagen ilustrativa|foto de arquivo|imagem ilustrativa|"
    r"ilustrační (?:foto|snímek|obrázek)|archivní (?:foto|snímek)|иллюстративное фото|архивное фото|"
    r"stock photo|file photo|illustrative image)\)",
    re.I,
)
# A photo's caption points at the people in it: "Marcell Jansen (l.) und …", "(L-R) Mike Pompeo, …". An
# article's sentence does not point; a parenthesis glued to a word ("eine(r)") is a spelling, not a pointer.
_POSITION_MARK = compiled.regex(
    r"(?:^|\s)\((?:l|r|li|re|v\.\s?l\.(?:\s?n\.\s?r\.)?|links|rechts|left|right|centre|center|from left|l-r|l to r|"
    r"à gauche|à droite|au centre|de g\. à d\.|izq|der|izquierda|derecha|esq|dir|à esquerda|à direita|vlevo|vpravo|"
    r"zleva|uprostřed|слева|справа|в центре|左|右)\.?\)",
    re.I,
)
# A notice about the reader's browser, standing where a player or widget failed to load.
_BROWSER_NOTICE = compiled.regex(
    r"\b(?:enable|turn on|activate) javascript\b|\bjavascript (?:must be|is|needs to be) (?:enabled|disabled|required|"
    r"turned (?:on|off))|\bflash player\b.{0,40}\b(?:install|required|enabled)|\byour browser does not support\b|"
    r"javascript (?:aktivieren|einschalten)|javascript (?:ist )?deaktiviert|activer (?:le )?javascript|"
    r"javascript (?:est )?désactivé|(?:habilita|habilitar|activa|activar|ativar|ative|habilite) (?:el |o )?javascript|"
    r"включите javascript|povolte javascript|启用javascript|启用 javascript",
    re.I,
)
_CJK_MENU = compiled.regex(r"^(?:[\u3400-\u9fff]{1,4}\s+){4,}[\u3400-\u9fff]{1,4}$")
# An author's note closing the article: "<Name> is a freelance reporter ...", in the languages we read.
_BIO = compiled.regex(
    r"^[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s+(?:"
    r"(?:is|was) an? (?:[\w-]+ ){0,4}(?:reporter|journalist|writer|correspondent|editor|author|contributor|columnist)|"
    r"est (?:(?:un|une) )?(?:[\w-]+ ){0,3}(?:journaliste|rédact(?:eur|rice)|correspondant|auteur|autrice|écrivain)|"
    r"ist (?:\w+ ){0,3}(?:journalist|redakteur|korrespondent|autor)(?:in)?|"
    r"es (?:una? )?(?:\w+ ){0,3}(?:periodista|redactora?|corresponsal|escritora?)|"
    r"é (?:uma? )?(?:\w+ ){0,3}(?:jornalista|repórter|redatora?|correspondente|escritora?)|"
    r"je (?:\w+ ){0,3}(?:novinář(?:ka)?|redaktor(?:ka)?|zpravodaj(?:ka)?)|"
    r"[—–-] (?:\w+ ){0,2}(?:журналист(?:ка)?|корреспондент|обозреватель|редактор))\b",
    re.I,
)


# The comments begin: nothing after this line joins the article across it.
_COMMENTS_MARK = compiled.regex(
    r"^\W*(?:\d+\s+)?(?:comments?|comment on this (?:article|story)|view comments|commentaires?|commenter|"
    r"réagissez|kommentare?|kommentieren|comentarios?|comentar|comentários?|komentáře|komentovat|diskuse|"
    r"комментарии|комментировать|评论|网友评论)(?:\s*\(\d+\))?\W*$"
    # A comment's reply button: under every comment of a thread, so no comment joins the article.
    r"|^\W*(?:reply|antworten|répondre|responder|rispondi|ответить|odpovědět|回复|回覆)\W*$",
    re.I,
)


@lru_cache(maxsize=1 << 14)
def _hard_end(text: str) -> bool:
    return word_count(text) <= 40 and bool(_HARD_END.search(text))


@lru_cache(maxsize=1 << 14)
def word_count(text: str) -> int:
    """Words in `text`; each two CJK characters count as one word."""
    cjk = len(_CJK.findall(text))
    return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2


def is_sentence(text: str) -> bool:
    """True for text that reads as prose: a punctuated clause, or a long run of words.

    Chinese prose is punctuated: a long run of characters with no comma or stop is a ticker of
    headlines or a menu, not a paragraph.
    """
    words = word_count(text)
    if words >= 5 and _TERMINAL.search(text):
        return True
    if words >= 25 and _cjk_text(text):
        return len(_CJK_STOP.findall(text)) >= max(1, words // 30)
    return words >= 25


_CJK_PUNCT = compiled.regex(r"[，。！？；、：]")
_CJK_STOP = compiled.regex(r"[，。！？；]")


def _cjk_text(text: str) -> bool:
    """Mostly Chinese or Japanese characters."""
    cjk = len(_CJK.findall(text))
    return cjk > 0 and cjk >= len(re.findall(r"[^\W\d_]", text)) * 0.5


def _consent(text: str, words: int) -> bool:
    """A cookie or consent notice: a cookie word, and either a short line or words addressed to the reader."""
    return bool(_CONSENT.search(text)) and (words <= 12 or bool(_CONSENT_ADDRESS.search(text)))


def _credit(text: str, words: int) -> bool:
    """A photo, translation or copyright credit, a caption label, or an agency name closing a caption."""
    if _AGENCY_ALONE.match(text) or _CAPTION.match(text):
        return True
    if _CREDIT.search(text) and (words <= 14 or not is_sentence(text)):
        return True
    if re.match(r"^\W*(?:©|\(c\)|copyright\b)", text, re.I) and words <= 40:
        return True
    # "(Elizabeth Conley / Houston Chronicle)": a photographer and a paper, in brackets, alone on a line.
    if words <= 12 and re.match(r"^\(\s*[A-ZÀ-ÞА-ЯЁ][^()/]{2,60}\s/\s[A-ZÀ-ÞА-ЯЁ][^()]{1,60}\)$", text.strip()):
        return True
    # "Demonstrators in Paris on Monday. (Photo: Jane Doe / AFP)": a caption ends in its credit.
    return words <= 45 and bool(_CREDIT_TAIL.search(text))


_NAME_SEP = compiled.regex(r"\s*[,;]\s*|\s+(?:and|und|et|y|e|и|a|&)\s+")
_NAME_PART = compiled.regex(
    r"^(?:(?:[A-ZÀ-ÞА-ЯЁ][\w'’.-]*|[A-ZÀ-ÞА-ЯЁ]\.|de|da|del|della|der|den|van|von|du|le|la|bin|al|dos|das)\s*){1,5}"
    r"[\d*†‡§,]*$")


def _name_list(text: str, words: int) -> bool:
    """A list of people's names and nothing else ("Havell Markus, Jun Zhao, Tania Contente-Cuomo, …"):
    the authors of a paper or a story. Four names or more, no sentence."""
    if words < 6 or text.count(",") < 3 or TERMINAL.search(text) and not text.rstrip().endswith("."):
        return False
    parts = [p for p in _NAME_SEP.split(text.strip().rstrip(".")) if p]
    names = sum(1 for p in parts if _NAME_PART.match(p) and 2 <= len(p.split()) <= 5)
    return len(parts) >= 4 and names >= 4 and names >= 0.8 * len(parts)


_CRUMB_SEP = compiled.regex(r"\s*[»›>]\s*|\s+/\s+")


def _breadcrumb(text: str) -> bool:
    """A site's breadcrumb trail ("Home » Europa » Deutschland » Emden"): three or more short names
    joined by arrows, and no sentence."""
    if "«" in text or "‹" in text:  # French quotation marks, not arrows
        return False
    parts = [p for p in _CRUMB_SEP.split(text) if p.strip()]
    return len(parts) >= 3 and len(parts) - 1 == len(_CRUMB_SEP.findall(text.strip())) \
        and all(word_count(p) <= 5 for p in parts) and not _TERMINAL.search(text)


def _chrome_reason(text: str, repeated: bool) -> str | None:
    """Why a unit is chrome wherever it stands, or None."""
    words = word_count(text)
    if words == 0:
        return "boilerplate"
    if words <= 150 and "," in text and _name_list(text, words):
        return "byline"
    if words > 60:
        # Long units are prose unless they speak to the reader about cookies and consent; only the
        # cheap checks run, which keeps big pages fast.
        if words <= 150 and re.match(r"^\W*(?:©|\(c\)\s|copyright\b)", text, re.I):
            return "credit"  # a site's long copyright and legal footer
        return "consent" if words <= 400 and _consent(text, words) else None
    if words <= 12 and _UI_LINE.match(text):
        return "boilerplate"
    folded = text.casefold()
    if words <= 40 and ("javascript" in folded or "flash" in folded or "browser" in folded) \
            and _BROWSER_NOTICE.search(text):
        return "boilerplate"
    if _HARD_END.search(text) and words <= 40:
        return "boilerplate"
    if _CJK_MENU.match(text):
        return "boilerplate"
    if _cjk_text(text) and len(text.split()) >= 6 and not _CJK_PUNCT.search(text) \
            and sum(len(t) <= 4 for t in text.split()) >= 0.7 * len(text.split()):
        return "boilerplate"  # a Chinese menu: many short labels and no punctuation
    if words <= 50 and _NEWSLETTER.search(" ".join(text.split()[:12])) and _YOU.search(text):
        return "boilerplate"  # a newsletter's pitch: the newsletter is its subject, and it speaks to the reader
    if words <= 14 and (_SHARE_PROMPT.match(text) or _MEMBERS_ONLY.search(text)):
        return "boilerplate"
    if words <= 40 and "(" in text and (_CAPTION_MARK.search(text) or _POSITION_MARK.search(text)):
        return "credit"
    if _TEASER.match(text) and words <= 30:
        return "teaser"
    if _credit(text, words):
        return "credit"
    if _BYLINE.match(text) and words <= 10 and not _TERMINAL.search(text):
        return "byline"
    if words <= 8 and _FROM_SOURCE.match(text) and not _TERMINAL.search(text):
        return "byline"  # "From: The Guardian", the paper a syndicated story comes from
    if _DATE_WORDS.match(text) and (words <= 12 or words <= 20 and _DATELINE.search(text)):
        return "byline"
    if words <= 8 and _DATELINE.search(text) and not _TERMINAL.search(text) and not re.search(r"[a-z]{4,}\s+[a-z]{4,}", text) \
            and not _named_with_date(text):
        return "byline"
    if _consent(text, words):
        return "consent"
    if repeated and words <= 8 and not is_sentence(text):
        return "boilerplate"
    return None


_MONTH_WORD = compiled.regex(_MONTHS, re.I)


def _named_with_date(text: str) -> bool:
    """A title that carries a year or a date ("Digitalpolitische Jahrestagung 2015 der Heinrich-Böll-Stiftung
    Baden-Württemberg"): besides the date, four words or more of four letters or more, in one run. A
    dateline holds a weekday and a name at most ("Montag, 15. Januar 2015, 10:30 Uhr"), or its parts
    side by side ("Jane Doe | Palma de Mallorca | 08/01/2014")."""
    rest = _DATELINE.sub(" ", text)
    # Name, place and date side by side ("Jane Doe | Palma | 08/01/2014") are a byline's parts.
    return not re.search(r"[|·•,/–—]", rest) and len(_LONG_WORD.findall(rest)) >= 4


def _headingish(unit: Unit, most: int = 16) -> bool:
    text = unit.text
    words = word_count(text)
    first = text.lstrip("\"'“«„(—–- ")[:1]
    return (
        0 < words <= most
        and len(text) <= 10 * most
        and (first.isupper() or first.isdigit() or bool(_CJK.match(first)))
        and not re.search(r"[.,;…。，；、]$", text)
        and "|" not in text
    )


_LONG_WORD = compiled.regex(r"[^\W\d_]{4,}")


def _content_words(text: str) -> set[str]:
    """Words of four letters or more (each CJK character on its own), case-folded."""
    found = {w.casefold() for w in _LONG_WORD.findall(_CJK.sub(" ", text))}
    return found | set(_CJK.findall(text))


def _tag_list(text: str) -> bool:
    """A list of tags or keywords ("Anmeldung, BaWü, Beteiligung, Digitalpolitik, …"): four or more
    items of one to three words between commas, and no sentence around them."""
    parts = [p for p in re.split(r"\s*[,;·|]\s*", text.strip()) if p]
    return len(parts) >= 4 and sum(1 for p in parts if word_count(p) <= 3) >= 0.8 * len(parts)


def _headline_shaped(unit: Unit, most: int = 16) -> bool:
    """A line that can be the page's headline: heading-shaped, with at least three content words (six
    CJK characters) or six words ("Where and How to Buy an RTX 3080"), not a label ending in a colon
    nor a list of tags. Widget labels and bylines never get here."""
    text = unit.text
    if _colon_end(text) or not (unit.heading or _headingish(unit, most)) or _tag_list(text):
        return False
    if unit.heading:  # the source said so (Markdown '#', HTML <h1>)
        return True
    cjk = len(_CJK.findall(text))
    return cjk >= 6 or len(_LONG_WORD.findall(_CJK.sub(" ", text))) >= 3 or word_count(text) >= 6


def _colon_end(text: str) -> bool:
    return text.rstrip().endswith((":", "："))


def _listish(unit: Unit, prev: str | None) -> bool:
    return bool(unit.item or _BULLET.match(unit.text) or re.search(r"[,;:，；：、]$", unit.text)
                or (prev and _colon_end(prev)))


# A list line by its shape: a bullet, a number or quantity ("200 g flour", "3/4 cup"), a lower-case
# start, a comma or semicolon at its end, or a label and its short value ("Laufzeit: drei Jahre"; a
# headline under its kicker, "Familie: Wie … politisieren", is longer).
_LIST_SHAPE = compiled.regex(r"^\s*(?:[•·▪◦●*+–-]\s|\d+(?:[.,/]\d+)?(?:\s|[a-zA-Z%)]{1,3}\b)|[^\W\d_](?<=[a-zà-ÿа-яё]))|[,;，；、]$"
                         r"|^[^\W\d_][^:：]{0,30}[:：]\s*\S+(?:\s+\S+){0,4}$")


def _list_runs(units: list[Unit], reasons: list[str | None], seeds: list[bool]) -> list[bool]:
    """Units in a list that belongs to prose: three or more short list-shaped lines in a row, or the
    lines after a clause that announces them with a colon, up to the next paragraph."""
    out = [False] * len(units)
    live = [i for i, r in enumerate(reasons) if r is None]
    k = 0
    while k < len(live):
        i = live[k]
        announced = k > 0 and seeds[live[k - 1]] and _colon_end(units[live[k - 1]].text)
        run: list[int] = []
        j = k
        # A list right under a "read also" label is a list of teasers, not the article's own list.
        after_teaser = i > 0 and _TEASER.match(units[i - 1].text) is not None and word_count(units[i - 1].text) <= 6
        while not after_teaser and j < len(live) and not seeds[live[j]] and word_count(units[live[j]].text) <= 30 \
                and (announced or units[live[j]].item or _LIST_SHAPE.search(units[live[j]].text)):
            run.append(live[j])
            j += 1
        if run and (announced or len(run) >= 3) and len(run) <= 40 and not _UI_LINE.match(units[i].text):
            for r in run:
                out[r] = True
            k = j
        else:
            k += 1
    return out


def _seeds(units: list[Unit], reasons: list[str | None]) -> list[bool]:
    """Prose: sentences, and clauses that announce what follows with a colon."""
    return [reasons[i] is None and not u.heading
            and (u.trusted or is_sentence(u.text) or (word_count(u.text) >= 8 and _colon_end(u.text)))
            for i, u in enumerate(units)]


def _rail_seeds(units: list[Unit], reasons: list[str | None], seeds: list[bool]) -> list[bool]:
    """Seeds that are teaser or comment cards: a short line, one short paragraph, again, three times or more.

    Teaser rails ("headline / one-sentence excerpt") and comment threads ("name / comment") have this
    shape; an article's own subheaded sections usually carry several paragraphs or longer ones.
    """
    live = [i for i, r in enumerate(reasons) if r is None]
    # A teaser's headline may be a question ("Should you earn a master's degree?"): still a card head.
    head = [(not seeds[i] or units[i].text.rstrip().endswith(("?", "？"))) and word_count(units[i].text) <= 16
            and not units[i].item for i in live]
    cards: list[int] = []  # positions in `live` of one-paragraph card bodies
    for k in range(1, len(live)):
        i = live[k]
        if seeds[i] and head[k - 1] and word_count(units[i].text) <= 60 and (k + 1 == len(live) or head[k + 1]):
            cards.append(k)
    rail = [False] * len(units)
    run: list[int] = []
    for k in cards + [len(live) + 10]:  # the sentinel flushes the last run
        if run and k - run[-1] <= 3:
            run.append(k)
            continue
        if len(run) >= 3 and not _numbered_in_turn([units[live[c - 1]].text for c in run]):
            for c in run:
                rail[live[c]] = True
        run = [k]
    return rail


_RANK = compiled.regex(r"^\W{0,2}(\d{1,3})\s*[.):]")


def _numbered_in_turn(heads: list[str]) -> bool:
    """Card heads numbered one after another ("1. …", "2. …", "3. …", or counting down): the parts of a
    ranked list or a step-by-step article, not a rail of teasers (which no one numbers in turn)."""
    ranks = [_RANK.match(h) for h in heads]
    if sum(r is not None for r in ranks) < max(3, 0.7 * len(heads)):
        return False
    nums = [int(r.group(1)) for r in ranks if r is not None]
    steps = [b - a for a, b in zip(nums, nums[1:])]
    return sum(abs(d) == 1 for d in steps) >= 0.7 * len(steps)


def _segments(units: list[Unit], seeds: list[bool], max_gap: int = 6,
              breaks: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Runs of prose: first and last seed, split where more than `max_gap` units pass or a marker stands
    (a "related" or comments label, a comment form, a comment's reply button, another article's byline)."""
    out: list[tuple[int, int]] = []
    start = last = -1
    for i, unit in enumerate(units):
        if start >= 0 and (i - last > max_gap + 1 or _END_MARK.match(unit.text) or _hard_end(unit.text)
                           or _COMMENTS_MARK.match(unit.text) or i in breaks):
            out.append((start, last))
            start = -1
        if seeds[i]:
            if start < 0:
                start = i
            last = i
    if start >= 0:
        out.append((start, last))
    return out


def _weight(units: list[Unit], seeds: list[bool], rail: list[bool], span: tuple[int, int]) -> tuple[float, float]:
    """Words of prose in a span (rail cards count a quarter) and the share of its prose in rail cards."""
    total = railed = 0
    for i in range(span[0], span[1] + 1):
        if seeds[i]:
            words = word_count(units[i].text)
            total += words
            railed += words if rail[i] else 0
    return total - 0.75 * railed, railed / total if total else 0.0


# The page's own footer: a copyright notice or a rights reservation with its year (a photo's credit
# under a picture, "© Reuters / Tous droits réservés", carries no year).
_SITE_FOOTER = compiled.regex(
    r"(?:©|\(c\)|\bcopyright\b|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b|"
    r"\btodos los derechos reservados\b|\btodos os direitos reservados\b|\bvšechna práva vyhrazena\b|"
    r"\bвсе права защищены\b|版权所有)",
    re.I,
)
_YEAR = compiled.regex(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _page_end(unit: Unit, reason: str | None) -> bool:
    """The site's footer or its consent notice: the page is over, and no article goes on across it."""
    if reason == "consent":
        return word_count(unit.text) >= 12
    return reason == "credit" and word_count(unit.text) <= 40 and _footer_year(unit.text)


_YEAR_NEAR = compiled.regex(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?")


def _footer_year(text: str) -> bool:
    """A copyright or rights notice dated by its year: "© 2019 Site", "Copyright Site 2010–2021". The
    year sits next to the notice (a caption's "… at the Masters 1975 | © Getty Images" is a photo's)."""
    for m in _SITE_FOOTER.finditer(text):
        around = text[max(0, m.start() - 12):m.end() + 40]
        near = " ".join(around.split()[:8])
        if _YEAR_NEAR.search(near) and not re.search(r"[|/]\s*$", text[:m.start()]):
            return True
    return False


def _bridgeable(units: list[Unit], reasons: list[str | None], seeds: list[bool], a: int, b: int,
                table_ok: bool = False, above: bool = False) -> bool:
    """True when the units strictly between a and b are all short lines: a gallery, a link rail, a widget,
    and neither the site's footer nor a consent notice. A long gap is crossed only when it is one
    template repeated (a slideshow) or, with `table_ok`, a table of figures. `above`: the gap lies above
    the article's heaviest prose, where a "Comments" label is a button under the headline (the
    comments themselves come after the article), not the start of the comments."""
    if b - a - 1 > 40 and not (b - a - 1 <= 200 and (_one_template(units, a, b) or table_ok and _figures(units, a, b))):
        return False
    if any(_hard_end(units[i].text) or (_COMMENTS_MARK.match(units[i].text) and not above)
           or _page_end(units[i], reasons[i]) for i in range(a + 1, b)):
        return False
    return all(not seeds[i] and (reasons[i] is not None or word_count(units[i].text) <= 24) for i in range(a + 1, b))


def _one_template(units: list[Unit], a: int, b: int) -> bool:
    """True when most lines strictly between a and b are one line with its numbers changed ("Photo 3 of
    45"): a long gallery or slideshow inside the article, which a reader skips over."""
    shapes = Counter(re.sub(r"\d+", "#", units[i].text.casefold()) for i in range(a + 1, b))
    return shapes.most_common(1)[0][1] >= 0.5 * (b - a - 1)


def _figures(units: list[Unit], a: int, b: int) -> bool:
    """True when the lines strictly between a and b are the cells of a table of figures (a test's
    results: a model, its price, yes or no, its grade): almost all a few words long, and many of them
    numbers. A menu or a rail of links is words, not figures."""
    lines = [units[i].text for i in range(a + 1, b)]
    cells = sum(1 for t in lines if word_count(t) <= 8)
    figures = sum(1 for t in lines if word_count(t) <= 8 and re.search(r"\d", t))
    return len(lines) >= 8 and cells >= 0.9 * len(lines) and figures >= 0.35 * len(lines)


def _next_articles(units: list[Unit], reasons: list[str | None], seeds: list[bool]) -> list[int]:
    """Where another article may begin on a page that shows several in full, one after another: a
    byline with a date near it, after a long run of prose and with a long run of prose under it. An article has one byline,
    at its top; the first article is the page's own."""
    out: list[int] = []
    words = 0  # prose since the last break
    for i, unit in enumerate(units):
        if seeds[i]:
            words += word_count(unit.text)
            continue
        if words < 150 or reasons[i] != "byline" or (i > 0 and reasons[i - 1] == "byline"):
            continue
        dated = [k for k in range(i, min(i + 5, len(units))) if reasons[k] == "byline" and _DATELINE.search(units[k].text)]
        ahead = sum(word_count(units[k].text) for k in range(i, min(i + 15, len(units))) if seeds[k])
        if dated and ahead >= 100:
            out.append(i)
            words = 0
    return out


def _main_region(units: list[Unit], reasons: list[str | None], seeds: list[bool],
                 plain: bool = False) -> tuple[int, int] | None:
    """First and last index of the article: the heaviest run of prose, joined with its neighbours across
    short interruptions (galleries, lists of links, embedded widgets), without trailing teaser rails."""
    starts = _next_articles(units, reasons, seeds) if plain else []
    segments = _segments(units, seeds, breaks=frozenset(starts))
    if not segments:
        return None
    rail = _rail_seeds(units, reasons, seeds)
    # A short paragraph the page shows again in another run of prose is a teaser's excerpt (the card,
    # then the same card in another rail); it weighs like a card. A paragraph repeated inside one run
    # (a pull quote) is the article's.
    run_of = [-1] * len(units)
    for k, (a, b) in enumerate(segments):
        for i in range(a, b + 1):
            run_of[i] = k
    runs_showing: dict[str, set[int]] = {}
    for i, u in enumerate(units):
        if seeds[i] and word_count(u.text) <= 60:
            runs_showing.setdefault(" ".join(u.text.split()).casefold(), set()).add(run_of[i])
    weigh = [rail[i] or (seeds[i] and len(runs_showing.get(" ".join(u.text.split()).casefold(), ())) > 1)
             for i, u in enumerate(units)]
    scored = [_weight(units, seeds, weigh, span) for span in segments]
    # Prose after a comment form, a paywall notice, the site's footer or its consent notice (or, less surely, after a "related stories" or
    # "comments" marker) that follows real prose is comments or teasers.
    hard = [i for i, u in enumerate(units) if _hard_end(u.text) or _page_end(u, reasons[i])]
    soft = [i for i, u in enumerate(units) if _END_MARK.match(u.text)] + starts
    weights = [w for w, _ in scored]
    for k, span in enumerate(segments):
        if not any(w >= 50 for sp, w in zip(segments, weights) if sp[1] < span[0]):
            continue
        if any(h < span[0] for h in hard):
            scored[k] = (scored[k][0] * 0.3, scored[k][1])
        elif any(h < span[0] for h in soft):
            scored[k] = (scored[k][0] * 0.5, scored[k][1])
    best = max(range(len(segments)), key=lambda k: scored[k][0])
    core = scored[best][0]
    lo = hi = best
    # Neighbours join when the gap is only short lines and they are prose, not cards, of some weight.
    # A light run of prose between (one sentence amid a list) is crossed when a heavy one lies beyond.
    floor = max(40.0, 0.15 * core)

    def list_gap(a: int, b: int) -> bool:
        """The lines between two runs of prose are mostly list-shaped: a list or table of the article's."""
        live = [i for i in range(a + 1, b) if reasons[i] is None]
        shaped = sum(1 for i in live if units[i].item or _LIST_SHAPE.search(units[i].text))
        return len(live) >= 3 and shaped >= 0.5 * len(live)

    core_words = _content_words(" ".join(units[i].text for i in range(*segments[best]) if seeds[i]))

    def boxed(a: int, b: int, far: int) -> bool:
        """A "related" box set inside the article: its label and a few short lines, and the prose on
        the far side goes on about what the article is about (a rail past the article's end does not)."""
        if not any(_END_MARK.match(units[i].text) for i in range(a + 1, b)) or b - a - 1 > 5:
            return False
        far_words = _content_words(" ".join(units[i].text for i in range(segments[far][0], segments[far][1] + 1)
                                            if seeds[i]))
        return bool(far_words) and len(far_words & core_words) >= 0.3 * len(far_words)

    def joins(near: int, far: int) -> bool:
        step = 1 if far > near else -1
        chain = [near, *range(near + step, far + step, step)]
        if not 0 <= far < len(segments) or scored[far][1] >= 0.5:
            return False
        # A run of prose past a list of the article's own (a table of pros and cons) needs less weight.
        gap = (segments[near][1], segments[near + step][0]) if step > 0 else (segments[near + step][1], segments[near][0])
        weight = scored[far][0]
        if far == near + step and boxed(*gap, far) and weights[far] > weight:
            weight = weights[far]  # past a "read also" box set in the article, the article goes on
        # A long table is crossed only towards prose that goes on about the article's subject; past a
        # table of figures, one paragraph on that subject (the test's introduction) is enough.
        far_words = _content_words(" ".join(units[i].text for i in range(segments[far][0], segments[far][1] + 1)
                                            if seeds[i]))
        on_topic = bool(far_words) and len(far_words & core_words) >= 0.3 * len(far_words)
        least = floor
        if far == near + step and on_topic and _figures(units, *gap):
            least = 15.0
        elif far == near + step and list_gap(*gap):
            least = 40.0
        if weight < least:
            return False
        span = (min(segments[near][1], segments[far][1]), max(segments[near][0], segments[far][0]))
        if any(span[0] < k < span[1] and _BYLINE.match(units[k].text) for k in starts):
            return False  # another article's author: the page's own article is over
        if any(scored[k][0] >= floor or scored[k][1] >= 0.5 for k in chain[1:-1]):
            return False
        pairs = zip(chain, chain[1:]) if step > 0 else ((b, a) for a, b in zip(chain, chain[1:]))
        return all(_bridgeable(units, reasons, seeds, segments[a][1], segments[b][0], on_topic, step < 0)
                   for a, b in pairs)

    # Up to two light runs (a line announcing a list) may stand between two runs of weight.
    reach = (1, 2, 3) if plain else (1, 2)
    while True:
        ahead = next((hi + d for d in reach if joins(hi, hi + d)), None)
        if ahead is None:
            break
        hi = ahead
    while True:
        behind = next((lo - d for d in reach if joins(lo, lo - d)), None)
        if behind is None:
            break
        lo = behind
    first, last = segments[lo][0], segments[hi][1]
    # A rail of cards that closes the region is not the article (unless it is all there is).
    last = _tail_rail(units, reasons, seeds, rail, first, last)
    last = _template_tail(units, reasons, seeds, first, last)
    return first, last


def _template_tail(units: list[Unit], reasons: list[str | None], seeds: list[bool], first: int, last: int) -> int:
    """The region's last index once a closing run of cards cut from one template is taken away.

    Teaser cards repeat their widget lines ("Share", "Copy link") after every card; when a line set
    aside recurs three times or more and only short prose (a headline and a sentence) stands between
    its recurrences, up to the region's end, those cards are not the article, which ends before the first.
    The first card has two lines or more (a headline and its text), so the article's own last paragraph
    over its own share bar is never taken for one.
    """
    where: dict[str, list[int]] = {}
    for i in range(first, last + 1):
        if reasons[i] is not None and word_count(units[i].text) <= 6:
            where.setdefault(units[i].text.casefold(), []).append(i)

    def prose(a: int, b: int) -> int:
        return sum(word_count(units[k].text) for k in range(a, b) if seeds[k])

    cut = last
    for spots in where.values():
        if len(spots) < 3 or prose(spots[-1] + 1, last + 1) > 40:
            continue
        # Walk back from the last recurrence while each card between two recurrences is short.
        k = len(spots) - 1
        while k > 0 and prose(spots[k - 1] + 1, spots[k]) <= 40:
            k -= 1
        if len(spots) - k < 3:
            continue
        # The first card: the short prose just before the first recurrence of the run.
        j, words = spots[k] - 1, 0
        while j > first and (not seeds[j] or words + word_count(units[j].text) <= 40):
            words += word_count(units[j].text) if seeds[j] else 0
            j -= 1
        if first < j < last and sum(reasons[i] is None for i in range(j + 1, spots[k])) >= 2:
            cut = min(cut, j)
    return cut


def _tail_rail(units: list[Unit], reasons: list[str | None], seeds: list[bool], rail: list[bool], first: int,
               last: int) -> int:
    """The region's last index once a closing rail of teaser or comment cards is cut away.

    The cut goes before the earliest card from which, to the region's end, cards hold most of the prose:
    a footer paragraph or an author's note after the rail does not keep the rail in the article.
    """
    total = railed = 0
    cut = last
    for i in range(last, first, -1):
        if not seeds[i]:
            continue
        words = word_count(units[i].text)
        total += words
        railed += words if rail[i] else 0
        if rail[i] and railed >= 0.6 * total:
            cut = i
    if cut == last and not rail[last]:
        return last
    # Back to the last prose before the first card (and its head line).
    j = cut - 1
    while j > first and (rail[j] or not seeds[j]):
        j -= 1
    if j <= first:
        return last
    sections = _sections_go_on(units, reasons, seeds, rail, cut, last)
    return sections if sections >= 0 else j


def _sections_go_on(units: list[Unit], reasons: list[str | None], seeds: list[bool], rail: list[bool],
                    cut: int, last: int) -> int:
    """The last index of the article's own short sections from `cut` on, or -1 when the cards there
    are a rail of teasers.

    The article's sections (interview answers, one paragraph under each name) follow its prose with
    nothing set aside between (no "related stories" label, no byline or date, no widget), before the
    first card or between the cards; a teaser rail stands apart from the article, and its excerpts are
    cut short ("…") or its headlines shown twice on the page. The sections end where that stops.
    """
    head = cut - 1  # the first card's head line
    prose = max((i for i in range(head) if seeds[i]), default=-1)
    if head - prose > 2:
        return -1
    # Straight after the prose: the first card's head, under at most one heading of the article's own
    # (a "Videos" or "More" label is too short to be one).
    if any(reasons[i] is not None or not _headline_shaped(units[i]) for i in range(prose + 1, head)):
        return -1
    heads_text = [seeds[i + 1] if i + 1 < len(units) else False for i in range(len(units))]
    texts = Counter(u.text.casefold() for u in units)
    end = -1
    cards = 0
    for i in range(head, last + 1):
        if rail[i] and (units[i].text.rstrip().endswith(("...", "…")) or texts[units[i - 1].text.casefold()] > 1):
            break  # an excerpt cut short, or a headline the page shows twice: teasers
        if not seeds[i] and reasons[i] is None and rail[i - 1] and not heads_text[i]:
            return -1  # a line that heads nothing right under a card (an author, a date): a teaser card
        if not seeds[i] and (reasons[i] is not None or word_count(units[i].text) > 16 or not heads_text[i]):
            break  # a label, a byline, a date, a widget: the sections are over
        if seeds[i]:
            end = i
            cards += rail[i]
    return end if cards >= 2 else -1


def _asks(text: str) -> bool:
    """A short line ending in a question or exclamation mark: a headline may be one ("Are we too soft?")."""
    return word_count(text) <= 16 and text.rstrip("\"'”’»)] ").endswith(("?", "!", "？", "！"))


def _headline_in_lead(units: list[Unit], reasons: list[str | None], seeds: list[bool], lists: list[bool],
                      first: int, lead: set[str]) -> int:
    """The headline when it stands inside the region's first lines (the region began at a short
    question or promo line above it): a headline-shaped line before the first paragraph of weight,
    with at most two short sentences before that paragraph. -1 when there is none."""
    start = next((i for i in range(first, min(first + 8, len(units))) if seeds[i] and word_count(units[i].text) > 15), -1)
    if start <= first:
        return -1
    short = [i for i in range(first, start) if seeds[i]]
    if len(short) > 2 or any(word_count(units[i].text) > 10 for i in short):
        return -1
    found = [i for i in range(start - 1, first - 1, -1) if reasons[i] is None and not lists[i]
             and _headline_shaped(units[i]) and (not seeds[i] or _asks(units[i].text))]
    return next((i for i in found if _content_words(units[i].text) & lead), -1)


def _heading_ahead(units: list[Unit], reasons: list[str | None], body: list[bool], i: int, last: int) -> bool:
    """True when prose follows a heading closely: past credits and widgets, and at most one short line
    (a caption, a photo credit or an interviewee's role)."""
    others = 0
    for j in range(i + 1, min(last, i + 3) + 1):
        if reasons[j] is not None:
            continue
        if body[j]:
            return True
        others += 1
        # The one line allowed between is a caption or a role: a few words, under a heading of a few words.
        if others > 1 or not 4 <= word_count(units[j].text) <= 25 or word_count(units[i].text) < 2 \
                or _headline_shaped(units[j]):
            return False
    return False


def _clause(unit: Unit) -> bool:
    """An unpunctuated clause (a goal in a match report, a line of a results table): longer than a
    headline, and in sentence case (a headline or a link is in Title Case). Read between two sentences."""
    words = _WORD.findall(unit.text)
    if not 20 <= len(words) <= 60 or unit.heading:
        return False
    long_words = [w for w in words[1:] if len(w) >= 4 and not w[0].isdigit()]
    capitals: int = sum(1 for w in long_words if w[0].isupper())
    return capitals <= 0.5 * max(len(long_words), 1)


def _verse_line(unit: Unit) -> bool:
    """A line of a poem or song: a few words in sentence case (a link or headline is in Title Case)."""
    words = _WORD.findall(unit.text)
    long_words = [w for w in words[1:] if len(w) >= 4]
    capitals = sum(w[0].isupper() for w in long_words)
    return 3 <= len(words) <= 16 and capitals <= 0.34 * max(len(long_words), 1) \
        and not any(ch.isdigit() for ch in unit.text[:3])


def _verse_region(units: list[Unit], reasons: list[str | None]) -> tuple[int, int] | None:
    """The longest run of verse lines (a poem, song lyrics), for a page with no prose to speak of."""
    best: tuple[int, int] | None = None
    best_words = 0
    start = -1
    last = -1
    count = 0
    words = 0
    for i, unit in enumerate(units):
        if reasons[i] is None and _verse_line(unit):
            if start < 0 or i - last > 3:
                start, count, words = i, 0, 0
            last = i
            count += 1
            words += word_count(unit.text)
            if count >= 8 and words > best_words:
                best, best_words = (start, i), words
    return best


def _prose_after_list(units: list[Unit], reasons: list[str | None], seeds: list[bool], first: int, last: int) -> int:
    """The article's last index when prose follows the list that closed it ("Ask yourself these
    questions:" and the questions, under a list of principles): the run of prose straight under the
    list (past two lines set aside at most), when it shares the article's subject and no "related" label
    or comment form stands in it; else `last`."""
    k = last + 1
    while k < len(units) and k - last <= 3 and reasons[k] is not None and not _page_end(units[k], reasons[k]):
        k += 1
    if k >= len(units) or k - last > 3 or not seeds[k]:
        return last
    end = next(((a, b) for a, b in _segments(units, seeds) if a <= k <= b), (k, k))[1]
    if any(_END_MARK.match(units[i].text) or _hard_end(units[i].text) for i in range(k, end + 1)):
        return last
    article = _content_words(" ".join(units[i].text for i in range(first, last + 1) if seeds[i]))
    after = _content_words(" ".join(units[i].text for i in range(k, end + 1) if seeds[i]))
    return end if after and len(after & article) >= 0.3 * len(after) else last


_NOTE_LABEL = compiled.regex(r"^[^\W\d_][^:：]{0,60}[:：]$")


def _labelled_notes(units: list[Unit], reasons: list[str | None], last: int) -> list[int]:
    """The article's closing notes: right under its last paragraph, short lines under a label that ends in
    a colon ("Timetable:", "Music:", "Directions:"), up to the first line set aside or a label of the
    page's ("Related articles"). One of the first two lines is a label, the notes hold one or two labelled
    lists of three lines or more in all, and their lines are a few words each."""
    out: list[int] = []
    i = last + 1
    while i < len(units) and len(out) < 25:
        text = units[i].text
        # A time or a date is a note's line ("Contest 12:00"), a byline or a widget is not.
        timed = reasons[i] == "byline" and not _BYLINE.match(text) and not _DATE_WORDS.match(text) \
            and not _NOTE_LABEL.match(text)
        if (reasons[i] is not None and not timed) or word_count(text) > 12 or _END_MARK.match(text) \
                or _COMMENTS_MARK.match(text) or _hard_end(text) or _TEASER.match(text):
            break
        out.append(i)
        i += 1
    heads = [units[k].text for k in out if _NOTE_LABEL.match(units[k].text)]
    # A rail comes in several boxes, each under its label, often a section's name in capitals.
    if not heads or len(heads) > 2 or len(out) < 3 or not any(_NOTE_LABEL.match(units[k].text) for k in out[:2]) \
            or any(h.isupper() for h in heads):
        return []
    # Notes are names, times and places, a few words each; a rail's headlines under section labels are longer.
    items = [word_count(units[k].text) for k in out if not _NOTE_LABEL.match(units[k].text)]
    if not items or sum(items) > 6 * len(items):
        return []
    # A label with nothing under it ("Share with:") is the page's, not a note.
    while out and _NOTE_LABEL.match(units[out[-1]].text):
        out.pop()
    return out


def _sung_line(units: list[Unit], reasons: list[str | None], repeated: list[bool], i: int) -> bool:
    """A line of verse, open to the article; a chorus line set aside only for coming back counts too."""
    reason = reasons[i]
    return (reason is None or repeated[i] and _chrome_reason(units[i].text, False) is None) and _verse_line(units[i])


def _song_above(units: list[Unit], reasons: list[str | None], repeated: list[bool], seeds: list[bool],
                start: int) -> tuple[int, int] | None:
    """A run of verse ending a few short lines above the article's prose that sings a chorus (a few
    of its lines come back, most do not): a song's lyrics over the text about the song. A rail of
    headlines in sentence case repeats none of its lines, or all of them when the page shows it twice.
    Only the lines just above `start` are read, so a long page costs nothing more."""
    end = next((i for i in range(start - 1, max(start - 9, -1), -1) if _sung_line(units, reasons, repeated, i)), -1)
    if end < 0 or any(seeds[i] or word_count(units[i].text) > 16 for i in range(end + 1, start)):
        return None
    begin = seen = end
    i = end - 1
    while i >= 0 and seen - i <= 3:  # verse goes on past up to two other lines (a "[Chorus]" label)
        if _sung_line(units, reasons, repeated, i):
            begin = seen = i
        i -= 1
    lines = Counter(units[k].text.casefold() for k in range(begin, end + 1)
                    if _sung_line(units, reasons, repeated, k))
    # Some lines come back (the chorus), most do not (the verses).
    again = sum(n for n in lines.values() if n > 1)
    back = [n for n in lines.values() if n > 1]  # a headline shown twice is one line back once, no chorus
    sung = sum(lines.values()) >= 12 and (len(back) >= 2 or max(back, default=0) >= 3) \
        and again <= 0.6 * sum(lines.values())
    return (begin, end) if sung else None


_BY_ALONE = compiled.regex(r"^\W*(?:by|von|par|por|autor|autora|автор|od|作者)\W*$", re.I)


def _split_bylines(units: list[Unit], reasons: list[str | None]) -> None:
    """A byline cut in two lines ("By" / "Jane Doe"): the word alone and the name under it are set aside."""
    for i, unit in enumerate(units[:-1]):
        if _BY_ALONE.match(unit.text):
            reasons[i] = reasons[i] or "byline"
            name = units[i + 1].text
            if word_count(name) <= 5 and not _TERMINAL.search(name):
                reasons[i + 1] = reasons[i + 1] or "byline"


def _teaser_lists(units: list[Unit], reasons: list[str | None]) -> None:
    """Mark what a "read also" label lists as teasers: a related-stories box inside an article is a
    label and a list of headlines without sentence ends, or of cards (a headline and a one-sentence
    excerpt), up to the first line that is neither."""
    for i, unit in enumerate(units):
        if reasons[i] is None or word_count(unit.text) > 6 or not _TEASER.match(unit.text):
            continue
        j = i + 1
        while j < len(units) and j - i <= 12:
            text = units[j].text
            if word_count(text) <= 30 and (units[j].item or _BULLET.match(text) or text.lstrip()[:2] in ("- ", "– ")) \
                    and not _TERMINAL.search(text):
                reasons[j] = reasons[j] or "teaser"
                j += 1
            elif j + 1 < len(units) and _headline_shaped(units[j]) and not _TERMINAL.search(text) \
                    and is_sentence(units[j + 1].text) and word_count(units[j + 1].text) <= 30:
                reasons[j] = reasons[j] or "teaser"
                reasons[j + 1] = reasons[j + 1] or "teaser"
                j += 2
            else:
                break


_CUT_OFF = compiled.regex(r"(?:\.\.\.|…)\W{0,2}$")
_CUT_SHORT = compiled.regex(r"(?<=[^\W\d_])\.\.$")  # "米拉诺维..": two dots, less sure than an ellipsis


def _cut_off_runs(units: list[Unit], reasons: list[str | None]) -> None:
    """Mark runs of lines cut short ("… Jam Hsiao (只能想念...", three or more, each within three lines
    of the last) as teasers: a rail or listing shortens its headlines and excerpts to fit a box; an
    article does not stop three paragraphs in a row mid-way. Lines ending in two dots join such a run
    only when they are all cut at one length, as a box cuts them."""
    cut = [i for i, u in enumerate(units) if 2 <= word_count(u.text) <= 40
           and (_CUT_OFF.search(u.text) or _CUT_SHORT.search(u.text))]
    run: list[int] = []
    for i in [*cut, len(units) + 10]:  # the sentinel flushes the last run
        if run and i - run[-1] <= 3:
            run.append(i)
            continue
        sizes = [len(units[k].text) for k in run if not _CUT_OFF.search(units[k].text)] or [0]
        if len(run) >= 3 and max(sizes) - min(sizes) <= 2:
            for k in run:
                reasons[k] = reasons[k] or "teaser"
        run = [i]


def _dated_cards(units: list[Unit], reasons: list[str | None]) -> None:
    """Mark a listing of teaser cards that each carry their own date or byline ("headline / one line /
    07/18/2022 / By Jane Doe", four times or more) as teasers: an article has one byline, at its top."""
    groups: list[tuple[int, int]] = []  # runs of consecutive byline lines
    i = 0
    while i < len(units):
        if reasons[i] == "byline":
            j = i
            while j + 1 < len(units) and reasons[j + 1] == "byline":
                j += 1
            groups.append((i, j))
            i = j + 1
        else:
            i += 1

    def card(a: int, b: int) -> list[int] | None:
        """The open lines between two bylines when they make one short card (a headline and a line)."""
        live = [k for k in range(a, b) if reasons[k] is None]
        return live if 1 <= len(live) <= 4 and all(word_count(units[k].text) <= 30 for k in live) \
            and sum(word_count(units[k].text) for k in live) <= 70 else None

    def card_before(at: int) -> list[int]:
        """The first card: up to three short open lines just above the first byline, past widgets."""
        live: list[int] = []
        k = at - 1
        while k >= 0 and at - k <= 6 and len(live) < 3:
            if reasons[k] is None:
                if word_count(units[k].text) > 30 or _END_MARK.match(units[k].text):
                    break
                live.append(k)
            k -= 1
        return live

    run: list[list[int]] = []
    for g in range(1, len(groups) + 1):
        cards = card(groups[g - 1][1] + 1, groups[g][0]) if g < len(groups) else None
        if cards is not None and groups[g][0] - groups[g - 1][1] <= 6:
            run.append(cards)
            continue
        if len(run) >= 3:  # four bylines or more, with a card before each but the first's
            first = card_before(groups[g - len(run) - 1][0])[:max(len(c) for c in run)]
            for k in [*first, *(k for c in run for k in c)]:
                reasons[k] = "teaser"
        run = []


_ORDINAL_ALONE = compiled.regex(r"^\W{0,2}\d{1,2}[.)]\s*$")


def _linked_card(units: list[Unit], reasons: list[str | None], i: int) -> bool:
    """A headline set in the article with its own date under it ("Vily hledají nové majitele" /
    "23. 12. 2024 13:31"): a link to another story, not a subheading, which carries no date. A dash
    before the date makes it a quotation's source (an embedded post: "— Jane Doe (@jane) July 3, 2019")."""
    return i + 1 < len(units) and reasons[i + 1] == "byline" and not _TERMINAL.search(units[i].text) \
        and _DATELINE.search(units[i + 1].text) is not None and word_count(units[i].text) >= 3 \
        and units[i + 1].text.lstrip()[:1] not in "—–-" \
        and not _DATELINE.search(units[i].text)


def _below_byline(units: list[Unit], reasons: list[str | None], seeds: list[bool], first: int, last: int) -> int:
    """The region's first index once short lines above the article's byline are left out: a region
    that opens with a few short lines (teasers, a kicker), then a byline or date, then the first
    paragraph of weight, begins under that byline; an article has its byline at its top."""
    lead = next((i for i in range(first, last + 1) if seeds[i] and word_count(units[i].text) > 15), -1)
    dated = [i for i in range(first, lead) if reasons[i] == "byline"]
    if lead < 0 or not dated:
        return first
    above = [i for i in range(first, dated[-1]) if seeds[i]]
    if not above or any(word_count(units[i].text) > 10 for i in above):
        return first
    return next(i for i in range(dated[-1] + 1, lead + 1) if seeds[i])


def classify(units: list[Unit], plain: bool = False) -> list[tuple[Label, str | None]]:
    """A label for every unit, with a reason for each skipped one ('boilerplate', 'credit', …).

    `plain` is for a page's whole text (a plain-text or Markdown copy): the rules that find the article
    among a whole page's chrome (cut-off rails, several articles on one page, breadcrumbs, links to
    other stories) run only then; the units an HTML extractor already narrowed down skip them.
    """
    counts = Counter(u.text.casefold() for u in units)
    memo: dict[str, str | None] = {}
    for unit in units:  # each distinct line is judged once: pages repeat their chrome
        if unit.text not in memo:
            memo[unit.text] = _chrome_reason(unit.text, counts[unit.text.casefold()] > 1)
    reasons = [memo[u.text] for u in units]
    # (Only on a page with prose of its own: a text that is one paragraph said three times is still read.)
    unique_prose = any(counts[u.text.casefold()] == 1 and reasons[i] is None and is_sentence(u.text)
                       for i, u in enumerate(units))
    for i, unit in enumerate(units if plain else ()):
        if reasons[i] is None and _breadcrumb(unit.text):
            reasons[i] = "boilerplate"
        # A sentence the page shows three times or more is a widget's own text ("Embedded content
        # follows. Skip it here."): an article may repeat a line once, as a pull quote, not thrice.
        if unique_prose and reasons[i] is None and counts[unit.text.casefold()] >= 3 \
                and 5 <= word_count(unit.text) <= 30 and _TERMINAL.search(unit.text):
            reasons[i] = "boilerplate"
    _teaser_lists(units, reasons)
    if plain:
        _cut_off_runs(units, reasons)
    _split_bylines(units, reasons)
    _dated_cards(units, reasons)
    repeated = [counts[u.text.casefold()] > 1 for u in units]
    # A source-marked heading is kept unless it is plainly a widget label.
    seeds = _seeds(units, reasons)
    region = _main_region(units, reasons, seeds, plain)
    labels: list[tuple[Label, str | None]] = [(Label.SKIP, r or "outside the article") for r in reasons]
    prose = 0 if region is None else sum(word_count(units[i].text) for i in range(region[0], region[1] + 1) if seeds[i])
    verse = _verse_region(units, reasons) if prose < 60 else None
    if verse is not None and sum(word_count(units[i].text) for i in range(verse[0], verse[1] + 1)) > 2 * prose:
        # A page with (almost) no prose: the verse is what a listener came for.
        seeds = [seeds[i] or (verse[0] <= i <= verse[1] and reasons[i] is None) for i in range(len(units))]
        region = verse
    elif plain and region is not None:
        song = _song_above(units, reasons, repeated, seeds, region[0])
        if song is not None:
            # Lyrics with their chorus straight above the prose about the song: both are the page's text.
            for i in range(song[0], song[1] + 1):
                if _sung_line(units, reasons, repeated, i):
                    reasons[i] = None
                    seeds[i] = True
            region = (song[0], region[1])
    if region is None:
        return labels
    first, last = _below_byline(units, reasons, seeds, *region) if plain else region[0], region[1]
    lists = _list_runs(units, reasons, seeds)
    # A list that closes the article ("- first item") follows the last sentence without being prose.
    while last + 1 < len(units) and reasons[last + 1] is None and word_count(units[last + 1].text) >= 2 and (
        units[last + 1].item or _BULLET.match(units[last + 1].text) or lists[last + 1]
    ):
        last += 1
        if plain and not (last + 1 < len(units) and reasons[last + 1] is None and (
                units[last + 1].item or _BULLET.match(units[last + 1].text) or lists[last + 1])):
            # The list is over; prose straight under it that goes on about the article is the article's.
            last = _prose_after_list(units, reasons, seeds, first, last)
    notes = _labelled_notes(units, reasons, last) if plain else []
    if notes:
        last = notes[-1]
        for k in notes:  # a time in the notes ("Contest 12:00") was set aside as a date
            reasons[k] = None
    # A list at the article's head (ingredients under their heading) opens it.
    j = first - 1
    while j >= 0 and (reasons[j] is not None or lists[j]):
        j -= 1
    if j < first - 1 and any(lists[k] for k in range(j + 1, first)) and j >= 0 and _headingish(units[j]) \
            and not _headline_shaped(units[j]):
        first = next(k for k in range(j + 1, first) if lists[k])
    # A step's number on its own line ("1." over "Mix the flour …") is read with its step.
    if plain and first > 0 and reasons[first - 1] is None and _ORDINAL_ALONE.match(units[first - 1].text):
        first -= 1
    # A table of figures between two paragraphs of the article (a test's results) is read, row by row.
    table = [False] * len(units)
    inner = [i for i in range(first, last + 1) if seeds[i]]
    for a, b in zip(inner, inner[1:]):
        if b - a > 8 and _figures(units, a, b) and not _one_template(units, a, b):
            for k in range(a + 1, b):
                table[k] = reasons[k] is None
    body = [False] * len(units)
    prev_body: str | None = None
    for i in range(first, last + 1):
        unit = units[i]
        if reasons[i]:
            continue
        if seeds[i] or table[i] or i in notes or (plain and _ORDINAL_ALONE.match(unit.text) and i < last and seeds[i + 1]) or (unit.quote and word_count(unit.text) > 0) or lists[i] or (
                _clause(unit) and 0 < i < len(units) - 1 and seeds[i - 1] and seeds[i + 1]) or (
                not unit.heading and word_count(unit.text) >= 2
                and (_TERMINAL.search(unit.text) or (_listish(unit, prev_body) and not _headingish(unit)))):
            body[i] = True
            prev_body = unit.text
    for i in range(first, last + 1):
        unit = units[i]
        if reasons[i]:
            continue
        if body[i]:
            labels[i] = (Label.BODY, None)
        elif plain and _linked_card(units, reasons, i):
            labels[i] = (Label.SKIP, "teaser")
        elif unit.heading or (_headingish(unit) and not repeated[i] and _heading_ahead(units, reasons, body, i, last)):
            labels[i] = (Label.HEADING, None)
            # A heading above a list ("Ingredients") opens a part of the article even without a sentence.
        else:
            labels[i] = (Label.SKIP, "boilerplate")
    # An author's note closing the article is not the article.
    spoken = [i for i in range(first, last + 1) if labels[i][0] is Label.BODY]
    for i in spoken[:2] + spoken[-3:]:
        if word_count(units[i].text) <= 120 and _BIO.match(units[i].text):
            labels[i] = (Label.SKIP, "byline")
    # The headline: a headline-shaped line above the article, past bylines and widgets; one that
    # names what the opening paragraphs talk about wins over a nearer one that does not. A headline
    # repeated on the page (breadcrumb, share box) is still a headline.
    lead = _content_words(" ".join(units[i].text for i in range(first, min(first + 12, last + 1)) if seeds[i]))
    candidates: list[int] = []
    anchor = standfirst = -1
    looked = 0
    for i in range(first - 1, max(first - 60, -1), -1):
        # A line set aside only for being repeated may still be the headline (breadcrumb, share box).
        open_line = reasons[i] is None or (repeated[i] and _chrome_reason(units[i].text, False) is None
                                           and not (plain and _breadcrumb(units[i].text)))
        if reasons[i] is None and seeds[i] and (word_count(units[i].text) > 15 or looked >= 6):
            # A short sentence under the headline is its standfirst and the search goes on past it; a
            # longer one is the standfirst only straight under a headline-shaped line, past chrome.
            j = i - 1
            while j >= 0 and i - j <= 3 and reasons[j] is not None:
                j -= 1
            # Over its standfirst, a headline may run longer than a subheading (up to 24 words).
            if j >= 0 and reasons[j] is None and 15 < word_count(units[i].text) <= 80 and _headline_shaped(units[j], 24) \
                    and not seeds[j] and not lists[j]:
                candidates.append(j)
                anchor, standfirst = j, i
            break
        if not open_line:
            continue
        # The lines of a list above the text (ingredients over a recipe's steps) count as one.
        looked += 0 if plain and lists[i] and i + 1 < len(units) and lists[i + 1] else 1
        if looked > 12:
            break
        # Straight over the text (past chrome only), a headline may be a long one.
        # So may one standing straight over its byline ("By Jane Doe"), which names it the article's.
        # Its byline may sit under its date ("1/10/2008" / "By Doug Ferguson"): bylines and dates only between.
        dated = list(itertools.takewhile(lambda k: reasons[k] == "byline", range(i + 1, min(i + 4, len(units)))))
        over_byline = plain and any(_BYLINE.match(units[k].text) for k in dated)
        most = 24 if looked == 1 or over_byline else 16
        # Over its byline, or straight over the text, a short headline of three words is still one ("USC
        # has imposing challenge", "Grundeinkommen ist ein Menschenrecht!").
        # The first line of a text with nothing above it, straight over the text, may be shorter still
        # ("Rain returns", "北京新闻"): nothing on a page comes before it to be its title instead.
        fewest = 2 if i == 0 and looked == 1 else 3
        shaped = _headline_shaped(units[i], most) or (bool(over_byline) or looked == 1) \
            and (word_count(units[i].text) >= fewest or i == 0 and len(_CJK.findall(units[i].text)) >= 3) \
            and _headingish(units[i]) and not _colon_end(units[i].text) and not _tag_list(units[i].text)
        # A rail's label ("More Golf News") heads the rail, not the article.
        if shaped and not lists[i] and (not seeds[i] or _asks(units[i].text)) and not _END_MARK.match(units[i].text):
            candidates.append(i)
    # A line straight above a photo credit is that photo's caption: a headline only if nothing else is.
    uncaptioned = [i for i in candidates if not (i + 1 < len(units) and reasons[i + 1] == "credit")]
    candidates = uncaptioned or candidates
    best = -1
    if candidates:
        # A repeated line (breadcrumb, share box) is the headline only when it names the lead.
        # Far from the text, only a line naming the lead is taken for the headline.
        # A headline-shaped line over a standfirst that leads into the text is the surest of all.
        # Among lines naming the lead, the nearest that is mostly about it: a teaser headline in a box
        # above the text ("More stories by …") may share a word with the lead, the real headline
        # shares a good part of its words.
        share = [len(_content_words(units[i].text) & lead) / max(1, len(_content_words(units[i].text)))
                 for i in candidates]
        top = max(share)
        # The nearest line standing over its author's byline ("By Jane Doe, Staff Writer") names itself
        # the article's headline: that outweighs a teaser above it that shares a word with the lead.
        signed = next((i for i in candidates if plain and i + 1 < first and not repeated[i] and any(
            _BYLINE.match(units[k].text)
            for k in itertools.takewhile(lambda k: reasons[k] == "byline", range(i + 1, min(i + 4, first))))), -1)
        best = anchor if anchor in candidates and _content_words(units[anchor].text) & lead \
            else signed if signed >= 0 \
            else next((i for i, r in zip(candidates, share) if r and r >= 0.5 * top),
                      next((i for i in candidates if not repeated[i] and first - i <= 11), -1))
    if best < 0:
        best = _headline_in_lead(units, reasons, seeds, lists, first, lead)
        if best >= 0:
            for i in range(first, best):  # what stood above the headline was not the article
                if labels[i][0] is not Label.SKIP:
                    labels[i] = (Label.SKIP, "outside the article")
            candidates = [best]
            first = next((i for i in range(best + 1, last + 1) if seeds[i] and word_count(units[i].text) > 15), best + 1)
    if candidates and best >= 0:
        labels[best] = (Label.TITLE, None)
        for i in range(best + 1, last + 1):  # the headline shown again under itself is not read twice
            if units[i].text.casefold() == units[best].text.casefold() and labels[i][0] is not Label.SKIP:
                labels[i] = (Label.SKIP, "boilerplate")
        for i in range(best + 1, first):  # lines between the headline and the text are not the article
            if labels[i][0] is not Label.SKIP:
                labels[i] = (Label.SKIP, "outside the article")
        if standfirst > best:  # … but the standfirst under the headline is
            labels[standfirst] = (Label.BODY, None)
    return labels
