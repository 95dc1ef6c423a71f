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

# -- time expressions (extract/timex.py) ------------------------------------------------

#: Case and derivation endings a time word may carry ("nisanda", "Mart'ta", "ayın",
#: "gündür", "haftalık"); folded, apostrophe removed. A word whose rest is not one of
#: these is not the time word ("ayakkabı", "yazdı", "Ayşe", "ocakta" after a number is).
TIME_SUFFIXES = frozenset(
    """ı i u ü a e ya ye yı yi yu yü da de ta te dan den tan ten ın in un ün nın nin nun nün
    ki daki deki taki teki ında inde unda ünde ından inden undan ünden ına ine una üne ının
    inin unun ünün sı si su sü sında sinde sına sine sından sinden sının sinin nda nde ndan
    nden na ne nı ni dır dir dur dür tır tir tur tür lık lik luk lük lar ler ları leri larda
    lerde lardır lerdir larca lerce lardan lerden lara lere ların lerin ye yı sıdır sidir
    ındaki indeki undaki ündeki ıdır idir udur üdür ını ini unu ünü""".split()
)
#: Part of the day → TIMEX3 value (a time of day without a date).
DAY_PARTS = {
    "sabah": "TMO",
    "öğle": "TMI",
    "öğlen": "TMI",
    "öğleden sonra": "TAF",
    "ikindi": "TAF",
    "akşam": "TEV",
    "gece": "TNI",
    "gece yarısı": "T00:00",
}
#: Deictic words with a TIMEX3 reference value (present, past, future).
DEICTIC_TIMES = {
    "şimdi": "PRESENT_REF", "simdi": "PRESENT_REF", "şimdiden": "PRESENT_REF",
    "şu an": "PRESENT_REF", "şuan": "PRESENT_REF", "su an": "PRESENT_REF",
    "şu anda": "PRESENT_REF", "şu an da": "PRESENT_REF", "şu ana": "PRESENT_REF",
    "şu andan": "PRESENT_REF", "şu saatte": "PRESENT_REF", "şu saatten": "PRESENT_REF",
    "şu sıralar": "PRESENT_REF", "şu günlerde": "PRESENT_REF", "bu günlerde": "PRESENT_REF",
    "son günlerde": "PRESENT_REF", "bugünlerde": "PRESENT_REF", "halihazırda": "PRESENT_REF",
    "bu zamana": "PRESENT_REF", "bu saate": "PRESENT_REF", "bugüne": "PRESENT_REF",
    "daha önce": "PAST_REF", "daha önceden": "PAST_REF", "önceden": "PAST_REF",
    "eskiden": "PAST_REF", "geçenlerde": "PAST_REF", "az önce": "PAST_REF",
    "demin": "PAST_REF", "geçmişte": "PAST_REF", "geçen gün": "PAST_REF",
    "geçen günlerde": "PAST_REF", "geçen haftalarda": "PAST_REF", "geçen aylarda": "PAST_REF",
    "geçen yıllarda": "PAST_REF", "son zamanlarda": "PAST_REF",
    "yakında": "FUTURE_REF", "ileride": "FUTURE_REF", "gelecekte": "FUTURE_REF",
    "önümüzdeki günlerde": "FUTURE_REF", "önümüzdeki haftalarda": "FUTURE_REF",
    "önümüzdeki aylarda": "FUTURE_REF", "önümüzdeki yıllarda": "FUTURE_REF",
    "ileri bir tarihte": "FUTURE_REF", "ileriki bir tarihte": "FUTURE_REF",
    "ileri ki bir tarihte": "FUTURE_REF",
}  # fmt: skip
