"""Places we know by name: Turkey's 81 provinces and many of its districts (lists
written by us), and the world's countries and territories in Turkish from babel's CLDR
locale data (babel: BSD licence; CLDR: Unicode licence).

Used to keep two different known places apart (no edit-distance merge of Alanya into
Almanya) and to let the gazetteer vote on a mention's type.
"""

from __future__ import annotations

from functools import lru_cache

from gundem.turkish.normalize import casefold_tr

PROVINCES = """
Adana Adıyaman Afyonkarahisar Ağrı Aksaray Amasya Ankara Antalya Ardahan Artvin Aydın
Balıkesir Bartın Batman Bayburt Bilecik Bingöl Bitlis Bolu Burdur Bursa Çanakkale Çankırı
Çorum Denizli Diyarbakır Düzce Edirne Elazığ Erzincan Erzurum Eskişehir Gaziantep Giresun
Gümüşhane Hakkari Hatay Iğdır Isparta İstanbul İzmir Kahramanmaraş Karabük Karaman Kars
Kastamonu Kayseri Kilis Kırıkkale Kırklareli Kırşehir Kocaeli Konya Kütahya Malatya Manisa
Mardin Mersin Muğla Muş Nevşehir Niğde Ordu Osmaniye Rize Sakarya Samsun Şanlıurfa Siirt
Sinop Sivas Şırnak Tekirdağ Tokat Trabzon Tunceli Uşak Van Yalova Yozgat Zonguldak
Afyon Urfa Maraş Antep İçel Dersim
"""
# districts and towns often in the news (not all 973; names that are also common
# surnames or words, such as Yıldırım, Merkez or Kale, are left out on purpose)
DISTRICTS = """
Alanya Manavgat Kumluca Serik Gazipaşa Muratpaşa Konyaaltı Kepez Finike Demre
Bodrum Marmaris Fethiye Milas Datça Dalaman Ortaca Köyceğiz Menteşe
Kuşadası Didim Söke Nazilli Çeşme Urla Seferihisar Foça Dikili Bergama Ödemiş Torbalı
Menemen Aliağa Bornova Karşıyaka Buca Konak Bayraklı Çiğli Gaziemir Karabağlar
Kadıköy Üsküdar Beşiktaş Şişli Beyoğlu Bakırköy Sarıyer Beykoz Kartal Pendik Maltepe
Ataşehir Ümraniye Esenyurt Avcılar Küçükçekmece Büyükçekmece Silivri Çatalca Başakşehir
Bağcılar Bahçelievler Esenler Güngören Zeytinburnu Eyüpsultan Gaziosmanpaşa Sultangazi
Arnavutköy Tuzla Şile Sancaktepe Sultanbeyli Çekmeköy Kağıthane Beylikdüzü Adalar
Çankaya Keçiören Yenimahalle Mamak Etimesgut Sincan Altındağ Pursaklar Gölbaşı Polatlı
Beypazarı Kızılcahamam Nallıhan Haymana Elmadağ
Nilüfer Osmangazi İnegöl Gemlik Mudanya Mustafakemalpaşa Orhangazi İznik Karacabey
Antakya İskenderun Samandağ Kırıkhan Reyhanlı Dörtyol Arsuz Erzin Altınözü Hassa
İslahiye Nizip Şahinbey Şehitkamil Elbistan Afşin Pazarcık Türkoğlu Göksun Nurdağı
Akçakale Siverek Viranşehir Suruç Ceylanpınar Birecik Harran Halfeti
Nusaybin Kızıltepe Midyat Dargeçit Savur Cizre Silopi İdil Uludere Beytüşşebap
Yüksekova Şemdinli Çukurca Doğubayazıt Patnos Erciş Özalp Başkale Tatvan Ahlat Adilcevaz
Bağlar Kayapınar Yenişehir Bismil Silvan Ergani Kulp
Tarsus Erdemli Silifke Anamur Mezitli Toroslar Seyhan Çukurova Ceyhan Kozan
Meram Karatay Ereğli Akşehir Beyşehir Seydişehir Cihanbeyli Ilgın
Melikgazi Kocasinan Talas Develi Bünyan İncesu
Atakum İlkadım Canik Bafra Terme Vezirköprü
Ortahisar Akçaabat Sürmene Yomra Araklı Vakfıkebir Maçka
Ardeşen Çayeli Fındıklı Hopa Arhavi Borçka Yusufeli Şavşat
Safranbolu Amasra Devrek Çaycuma Alaplı
Çorlu Çerkezköy Süleymanpaşa Malkara Keşan Uzunköprü İpsala Lüleburgaz Babaeski
Gelibolu Biga Ayvacık Bozcaada Gökçeada Ezine Lapseki
Ayvalık Edremit Bandırma Gönen Burhaniye Erdek Susurluk
Gebze İzmit Darıca Gölcük Kartepe Derince Karamürsel
Adapazarı Serdivan Hendek Akyazı Karasu Sapanca
Akçakoca Kaynaşlı Gölyaka Cumayeri
Tosya Taşköprü İnebolu Cide Abana
Ünye Fatsa Perşembe Altınordu
Göynük Mudurnu Gerede
Salihli Akhisar Turgutlu Soma Kırkağaç Alaşehir Sarıgöl
Pamukkale Merkezefendi Çivril Acıpayam Tavas Buldan
Eğirdir Yalvaç Şarkikaraağaç
Battalgazi Yeşilyurt Darende Akçadağ Doğanşehir
Palu Karakoçan Sivrice
Ovacık Pertek Hozat Pülümür
Sarıkamış Kağızman
Hasankeyf Kozluk Sason Gercüş Beşiri
Eruh Kurtalan Pervari Baykan
Varto Malazgirt Bulanık
Suşehri Divriği Gemerek Şarkışla
Ürgüp Avanos Göreme Uçhisar
"""


# CLDR region codes that are unions or placeholders, not countries
_NOT_COUNTRIES = {"UN", "EU", "EZ", "QO", "XA", "XB", "ZZ"}


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """Countries and territories in Turkish (CLDR via babel), plain names only."""
    try:
        from babel import Locale
    except ImportError:  # babel is a dependency; without it only our lists count
        return ()
    out = []
    for code, name in Locale("tr").territories.items():
        if code in _NOT_COUNTRIES or "(" in name or " - " in name:
            continue
        if code.isalpha() and len(code) == 2:
            out.append(name.replace("-", " ") if "Hersek" in name else name)
    return tuple(out)


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Case-folded names of the places above (one word or several)."""
    names = [*PROVINCES.split(), *DISTRICTS.split(), *country_names()]
    return frozenset(casefold_tr(n) for n in names if len(n) > 2 and not n.endswith("."))


def is_known_place(name: str) -> bool:
    return casefold_tr(name.strip()) in known_places()
