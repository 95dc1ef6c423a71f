"""Turkish language data, in one place: apostrophes, abbreviations, months and days,
stop-word lists and title words. Every module that needs one of these imports it here.

The stop-word lists differ on purpose (each is tuned for its consumer and named after
it); they live side by side so a change to one is made knowingly.
"""

from __future__ import annotations

# -- punctuation ------------------------------------------------------------------------

#: Every character used as an apostrophe before a case suffix (``Putin’in``, ``Kim'e``).
APOSTROPHES = "\u2019\u2018'`\u00b4\u02bc\u2032\u201b"
#: The apostrophes the quote extractor splits a suffix at: ‘ is left out, it opens a quote.
SUFFIX_APOSTROPHES = "’'`´"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u00ab\u00bb\u201f\u2033"
DASHES = "\u2013\u2014\u2012\u2015\u2212"

# -- abbreviations ----------------------------------------------------------------------

#: Abbreviations that keep their period (lower-cased, without the final period): a
#: period after one ends neither a token nor a sentence ("Prof. Dr. Yılmaz", "Korg. Er").
ABBREVIATIONS = frozenset(
    """
    prof dr doç yrd av st vb vs bkz örn mr mrs ms sn say gen org korg tümg tuğg alb yzb
    bşk müd mah cad sok no tel nr yy cilt s ss ltd şti inc co jr sr vd hz ord op uzm
    dipl ing mim müh ecz öğr gör arş yard ed çev haz yb bnb ütğm tğm corp
    """.split()
)
#: Multi-period abbreviations (written with their internal periods).
DOTTED_ABBREVIATIONS = ("T.C.", "A.Ş.", "A.B.D.", "B.M.", "M.Ö.", "M.S.", "vb.", "a.s.", "s.a.v.")

# -- calendar ---------------------------------------------------------------------------

MONTHS = ("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos",
          "eylül", "ekim", "kasım", "aralık")  # fmt: skip
WEEKDAYS = ("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar")
#: Month name → number (1–12).
MONTH_NUMBERS = {m: i + 1 for i, m in enumerate(MONTHS)}
CALENDAR = frozenset(MONTHS + WEEKDAYS)

# -- stop words -------------------------------------------------------------------------

#: Search (index and questions): function words and question words, plus a few English
#: articles. Folded surface forms; matched against the analysed terms.
SEARCH_STOPWORDS = frozenset(
    "ve ile bir bu şu o da de ki mi mı mu mü için gibi daha çok en ise ama veya ya "
    "olan olarak ne nasıl neden niçin hangi kaç nerede zaman the a an of".split()
)

#: Linking and summaries (content stems): function words plus the reporting verbs and
#: light-verb phrases every news article repeats, which say nothing about the event.
CONTENT_STOPWORDS = frozenset(
    """acaba ama ancak aslında az bazı belki ben beri bile bir biri birkaç birçok birlikte
    bu bunu bunun buna bunda bundan bunlar şu şunu o onu onun ona onda ondan onlar da de
    daha değil diye en gibi göre hem hep hepsi her hiç için ile ise kadar karşı ki kim
    mı mi mu mü nasıl ne neden nerede niçin niye olan olarak olduğu olduğunu oldu olmak
    olması olmuştur olup sonra şey şöyle tüm ve veya ya yani yine zaten ayrıca artık
    üzere bunun için tarafından arasında arasındaki ilgili yönelik sırasında son ilk
    dedi ifade etti belirtti söyledi açıkladı kaydetti vurguladı konuştu ifadesini
    kullandı şeklinde aktardı bildirdi bildirildi yer aldı yaptı yapılan yapıldı
    olduğunu olduklarını edildi edilen eden ederek etmek etti ettiğini ettiklerini
    """.split()
)

#: Claims: conjunctions and postpositions that end the counted noun phrase of a number
#: ("3 bin asker ve …").
CLAIM_STOPWORDS = frozenset("ve ile veya ya ama göre için olan olarak gibi ise de da".split())

# -- titles -----------------------------------------------------------------------------

#: Title words that are capitalised inside names but are not names themselves (linking
#: keys drop them: "Devlet Başkanı Putin" → putin).
TITLE_WORDS = frozenset(
    """devlet başkanı başkan başbakan bakanı bakan lideri lider sözcüsü sözcü genel
    sekreteri dışişleri savunma cumhurbaşkanı yardımcısı müsteşarı büyükelçisi
    haberler dünya ana sayfa son dakika gündem başbakanı milli kralı emiri prensi
    bakanlığı başkanlığı sekreter yardımcı""".split()
)
