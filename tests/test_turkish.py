"""The Turkish language layer, on Turkish we wrote ourselves."""

from gundem.turkish.morphology import lemma, split_suffix, stem, strip_suffix
from gundem.turkish.normalize import casefold_tr, normalize_punct, title_tr
from gundem.turkish.sentences import sentences, split_sentences
from gundem.turkish.tokens import tokenize


def test_normalize_is_length_preserving():
    s = "“Evet” dedi – Putin’den ‘hayır’ «asla» „belki“ Ahmet`in X´e"
    n = normalize_punct(s)
    assert len(n) == len(s)
    assert n == '"Evet" dedi - Putin\'den \'hayır\' "asla" "belki" Ahmet\'in X\'e'


def test_casefold_tr():
    assert casefold_tr("İSTANBUL") == "istanbul"
    assert casefold_tr("IĞDIR") == "ığdır"
    assert casefold_tr("İzmir ISPARTA") == "izmir ısparta"
    assert title_tr("PEKİN") == "Pekin"
    assert title_tr("ISPARTA") == "Isparta"


def test_sentences_abbreviations_numbers_quotes():
    text = (
        "ANKARA (AA) - Prof. Dr. Ayşe Kaya toplantıya saat 14.30'da katıldı. "
        'Salonda 1.000 kişi vardı! "Bu iş bitti." dedi. '
        "T.C. Dışişleri Bakanlığı ile A.Ş. temsilcileri 2. Dünya Savaşı'nı andı vb. "
        "konuları konuştu. Toplantıyı A. Yılmaz yönetti. Sonuç ne olacak? Bilinmiyor."
    )
    got = sentences(text)
    assert len(got) == 7
    assert got[0].endswith("katıldı.")
    assert got[2] == '"Bu iş bitti." dedi.'
    assert got[3].startswith("T.C.") and got[3].endswith("konuştu.")
    assert got[4] == "Toplantıyı A. Yılmaz yönetti."


def test_sentences_spans_and_newlines():
    text = "Birinci cümle.\nİkinci satır\n\n  Üçüncü cümle burada.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Birinci cümle.",
        "İkinci satır",
        "Üçüncü cümle burada.",
    ]


def test_sentences_ordinal_and_lowercase_continuation():
    assert len(sentences("Törende 80. yıl kutlandı. Herkes oradaydı.")) == 2
    assert len(sentences("Av. Mehmet Demir ve Doç. Dr. Elif Su konuştu.")) == 1
    assert len(sentences("St. Petersburg'da toplandılar.")) == 1


def test_tokenize_splits_apostrophe_suffixes_with_spans():
    text = "Putin’den Kim Jong-un’a yanıt geldi; NIS’e göre 14.30'da 1.000 asker."
    toks = tokenize(text)
    words = [t.text for t in toks]
    assert words[:5] == ["Putin", "’den", "Kim", "Jong-un", "’a"]
    assert "NIS" in words and "’e" in words and "14.30" in words and "1.000" in words
    for t in toks:
        assert text[t.start : t.end] == t.text
    assert toks[1].is_suffix and not toks[0].is_suffix


def test_tokenize_keep_suffixes_and_abbreviations():
    words = [t.text for t in tokenize("Prof. Dr. Ali Pyongyang’da T.C. vatandaşlarıyla.", False)]
    assert words == ["Prof.", "Dr.", "Ali", "Pyongyang’da", "T.C.", "vatandaşlarıyla", "."]


def test_suffix_and_stems():
    assert split_suffix("Putin’den") == ("Putin", "’den")
    assert split_suffix("Kim'e") == ("Kim", "'e")
    assert split_suffix("Moskova") == ("Moskova", "")
    assert stem("Pyongyang’da") == "pyongyang"
    assert stem("kitaplarından") == "kitap"
    assert lemma("Belousov’u") == "Belousov"  # proper nouns keep their case
    assert strip_suffix("Kuzey Kore’nin") == "Kuzey Kore"


def test_tokenize_hyphens():
    words = [t.text for t in tokenize("Rusya-Kuzey Kore hattı, Kim Jong-un ve Kim Jong-Un")]
    assert words[:4] == ["Rusya", "-", "Kuzey", "Kore"]
    assert "Jong-un" in words and "Jong-Un" in words
