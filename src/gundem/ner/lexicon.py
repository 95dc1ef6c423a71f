"""Hand-written Turkish gazetteer: countries, capitals, cities, agencies, parties,
international organisations, ministries, nationalities and a few well-known
leaders. Written by us for gundem (no external list copied)."""

from __future__ import annotations

from gundem.ner.places import PROVINCES, country_names
from gundem.turkish.normalize import casefold_tr

COUNTRIES = """
Türkiye Rusya Kore Çin Japonya ABD Amerika Ukrayna Belarus İran Irak Suriye İsrail Filistin
Lübnan Ürdün Mısır Katar Kuveyt BAE Yemen Umman Azerbaycan Ermenistan Gürcistan Kazakistan
Özbekistan Türkmenistan Kırgızistan Tacikistan Afganistan Pakistan Hindistan Bangladeş
Moğolistan Vietnam Laos Kamboçya Tayland Myanmar Malezya Endonezya Filipinler Singapur
Tayvan Avustralya Kanada Meksika Küba Venezuela Kolombiya Brezilya Arjantin Şili Peru
Almanya Fransa İngiltere İtalya İspanya Portekiz Hollanda Belçika İsviçre Avusturya
Polonya Macaristan Romanya Bulgaristan Yunanistan Sırbistan Hırvatistan Bosna Arnavutluk
Kosova Karadağ Makedonya Çekya Slovakya Slovenya Litvanya Letonya Estonya Finlandiya
İsveç Norveç Danimarka İrlanda Moldova Libya Tunus Cezayir Fas Sudan Etiyopya Somali
Kenya Nijerya Mali Nijer KKTC Kıbrıs KDHC Kırım Gazze Tibet Çeçenistan Karabağ
"""
MULTI_COUNTRIES = [
    "Kuzey Kore",
    "Güney Kore",
    "Amerika Birleşik Devletleri",
    "Suudi Arabistan",
    "Birleşik Arap Emirlikleri",
    "Yeni Zelanda",
    "Birleşik Krallık",
    "Bosna Hersek",
    "Güney Afrika",
    "Kuzey Kıbrıs Türk Cumhuriyeti",
    "Kore Demokratik Halk Cumhuriyeti",
    "Batı Şeria",
    "Dağlık Karabağ",
    "Kuzey Kıbrıs",
    "Çin Halk Cumhuriyeti",
    "Rusya Federasyonu",
    "Türkiye Cumhuriyeti",
]
CITIES = """
Ankara İstanbul İzmir Bursa Antalya Adana Konya Gaziantep Diyarbakır Trabzon Samsun
Erzurum Van Hatay Kayseri Eskişehir Mersin Malatya Kahramanmaraş Şanlıurfa Mardin
Moskova Pyongyang Pyongyan Seul Pekin Tokyo Washington Vaşington Kiev Kyiv Minsk Tahran
Bağdat Şam Kudüs Beyrut Amman Kahire Riyad Doha Bakü Erivan Tiflis Astana Taşkent
Kabil İslamabad Hanoi Bangkok Londra Paris Berlin Roma Madrid Lizbon Brüksel
Amsterdam Viyana Varşova Budapeşte Bükreş Sofya Atina Belgrad Cenevre Stockholm
Oslo Helsinki Kopenhag Dublin Ottawa Meksiko Havana Karakas Brasilia Lefkoşa
Vladivostok Kursk Donetsk Luhansk Harkov Odessa Herson
Zaporijya Belgorod Kazan Soçi Şanghay Osaka Dubai Halep İdlib Musul Erbil Kerkük Refah
Habarovsk Rason Wonsan Sinpo Kaesong
"""
MULTI_CITIES = [
    "Tel Aviv",
    "Yeni Delhi",
    "Buenos Aires",
    "Sankt Petersburg",
    "St. Petersburg",
    "Hong Kong",
    "New York",
    "Los Angeles",
]
LOCATIONS = [
    "Kore Yarımadası",
    "Karadeniz",
    "Akdeniz",
    "Ege Denizi",
    "Ege",
    "Japon Denizi",
    "Sarı Deniz",
    "Baltık Denizi",
    "Hazar Denizi",
    "Kızıldeniz",
    "Basra Körfezi",
    "Orta Doğu",
    "Ortadoğu",
    "Uzak Doğu",
    "Asya",
    "Avrupa",
    "Afrika",
    "Latin Amerika",
    "Kafkasya",
    "Balkanlar",
    "Sibirya",
    "Donbas",
    "Pasifik",
    "Atlantik",
    "Arktik",
    "Doğu Asya",
    "Güneydoğu Asya",
    "Orta Asya",
    "Batı",
    "Doğu Avrupa",
    "Avrasya",
    "Hint-Pasifik",
    "Dinyeper",
    "Tuman Nehri",
]
FACILITIES = [
    "Kremlin",
    "Beyaz Saray",
    "Pentagon",
    "Çankaya Köşkü",
    "Beştepe",
    "Külliye",
    "Dolmabahçe Sarayı",
    "Vostoçni Uzay Üssü",
    "Vostochny Uzay Üssü",
    "Yongbyon",
    "Kim Il Sung Meydanı",
    "Kızıl Meydan",
    "Incirlik Üssü",
    "İncirlik Hava Üssü",
    "Akkuyu Nükleer Santrali",
    "Zaporijya Nükleer Santrali",
]
ORGS = [
    "AA",
    "Anadolu Ajansı",
    "DHA",
    "Demirören Haber Ajansı",
    "İHA",
    "İhlas Haber Ajansı",
    "Reuters",
    "AFP",
    "Fransız Haber Ajansı",
    "AP",
    "Associated Press",
    "KCNA",
    "Kuzey Kore Merkezi Haber Ajansı",
    "Kore Merkezi Haber Ajansı",
    "TASS",
    "RIA Novosti",
    "Sputnik",
    "Yonhap",
    "Xinhua",
    "Şinhua",
    "BBC",
    "CNN",
    "Bloomberg",
    "ANKA",
    "TRT",
    "TRT Haber",
    "NTV",
    "ABNA",
    "Kyodo",
    "Interfax",
    "NHK",
    "Al Jazeera",
    "AK Parti",
    "AKP",
    "Adalet ve Kalkınma Partisi",
    "CHP",
    "Cumhuriyet Halk Partisi",
    "MHP",
    "Milliyetçi Hareket Partisi",
    "İYİ Parti",
    "DEM Parti",
    "HDP",
    "Yeniden Refah Partisi",
    "Saadet Partisi",
    "Zafer Partisi",
    "Demokrat Parti",
    "Kore İşçi Partisi",
    "İşçi Partisi",
    "Birleşik Rusya",
    "Komünist Parti",
    "Çin Komünist Partisi",
    "Demokrat Parti",
    "Cumhuriyetçi Parti",
    "BM",
    "Birleşmiş Milletler",
    "BM Güvenlik Konseyi",
    "Güvenlik Konseyi",
    "NATO",
    "AB",
    "Avrupa Birliği",
    "Avrupa Komisyonu",
    "Avrupa Parlamentosu",
    "IAEA",
    "UAEA",
    "Uluslararası Atom Enerjisi Ajansı",
    "DSÖ",
    "Dünya Sağlık Örgütü",
    "IMF",
    "Dünya Bankası",
    "ŞİÖ",
    "Şanghay İşbirliği Örgütü",
    "BRICS",
    "G20",
    "G7",
    "AGİT",
    "İİT",
    "Türk Devletleri Teşkilatı",
    "NIS",
    "Ulusal İstihbarat Servisi",
    "MİT",
    "Milli İstihbarat Teşkilatı",
    "CIA",
    "FBI",
    "FSB",
    "KGB",
    "Wagner",
    "Hamas",
    "Hizbullah",
    "Taliban",
    "PKK",
    "DEAŞ",
    "IŞİD",
    "TBMM",
    "Türkiye Büyük Millet Meclisi",
    "Meclis",
    "Duma",
    "Devlet Duması",
    "Kongre",
    "Senato",
    "Merkez Bankası",
    "TCMB",
    "TÜİK",
    "Kızılay",
    "AFAD",
    "TSK",
    "Türk Silahlı Kuvvetleri",
    "Kore Halk Ordusu",
    "Rus Ordusu",
    "Kızıl Haç",
    "Uluslararası Ceza Mahkemesi",
    "UCM",
    "Anayasa Mahkemesi",
    "Yargıtay",
    "Danıştay",
    "Cumhurbaşkanlığı",
    "Samsung",
    "Gazprom",
    "Rosatom",
    "Roscosmos",
    "Aselsan",
    "Baykar",
    "TUSAŞ",
    "THY",
    "Türk Hava Yolları",
    "Apple",
    "Google",
    "Microsoft",
    "Tesla",
    "Huawei",
    "Toyota",
]
MINISTRIES = [
    "Dışişleri",
    "Savunma",
    "İçişleri",
    "Milli Savunma",
    "Ekonomi",
    "Hazine ve Maliye",
    "Maliye",
    "Ticaret",
    "Enerji",
    "Enerji ve Tabii Kaynaklar",
    "Adalet",
    "Sağlık",
    "Milli Eğitim",
    "Eğitim",
    "Ulaştırma",
    "Ulaştırma ve Altyapı",
    "Tarım",
    "Tarım ve Orman",
    "Kültür",
    "Kültür ve Turizm",
    "Çevre",
    "Aile",
    "Gençlik ve Spor",
    "Sanayi",
    "Sanayi ve Teknoloji",
    "Çalışma",
    "Birleşme",
]
MINISTRY_OWNERS = [
    "",
    "Rusya",
    "Kuzey Kore",
    "Güney Kore",
    "ABD",
    "Çin",
    "Türkiye",
    "Ukrayna",
    "İran",
    "Japonya",
    "Fransa",
    "Almanya",
    "İngiltere",
    "Rus",
    "Türk",
    "Çin",
]
NORP = """
Türk Rus Kuzey Koreli Güney Koreli Koreli Çinli Japon Amerikalı Ukraynalı Alman Fransız
İngiliz İtalyan İspanyol Yunan Arap İranlı Iraklı Suriyeli İsrailli Filistinli Kürt
Ermeni Azeri Gürcü Kazak Özbek Afgan Pakistanlı Hintli Avrupalı Asyalı Batılı Müslüman
Hristiyan Yahudi Sünni Şii Belaruslu Polonyalı Macar Rumen Bulgar Sırp Boşnak Arnavut
Tatar Uygur Çeçen Moğol Vietnamlı Kanadalı Meksikalı Brezilyalı Mısırlı Libyalı
Türkmen Kırgız Tacik Leh Hollandalı Belçikalı İsveçli Norveçli Finli Danimarkalı
Avustralyalı Katarlı Suudi Lübnanlı Ürdünlü Kıbrıslı Slav Anglosakson Sovyet
"""
MULTI_NORP = ["Kuzey Koreli", "Güney Koreli", "Kırım Tatar"]
PERSONS = [
    "Vladimir Putin",
    "Putin",
    "Kim Jong-un",
    "Kim Jong Un",
    "Kim Yo-jong",
    "Kim Yo Jong",
    "Kim Il Sung",
    "Kim Jong Il",
    "Kim Jong-il",
    "Xi Jinping",
    "Şi Cinping",
    "Emmanuel Macron",
    "Macron",
    "Volodimir Zelenski",
    "Vladimir Zelenskiy",
    "Volodymyr Zelensky",
    "Zelenski",
    "Zelenskiy",
    "Recep Tayyip Erdoğan",
    "Erdoğan",
    "Donald Trump",
    "Trump",
    "Joe Biden",
    "Biden",
    "Sergey Lavrov",
    "Lavrov",
    "Andrey Belousov",
    "Andrei Belousov",
    "Belousov",
    "Sergey Şoygu",
    "Sergey Shoigu",
    "Şoygu",
    "Dmitri Peskov",
    "Dmitriy Peskov",
    "Peskov",
    "Choe Son Hui",
    "Choe Son-hui",
    "Ri Hi Yong",
    "No Kwang-chol",
    "No Kwang Chol",
    "Yoon Suk-yeol",
    "Lee Jae-myung",
    "Olaf Scholz",
    "Keir Starmer",
    "Giorgia Meloni",
    "Benyamin Netanyahu",
    "Binyamin Netanyahu",
    "Netanyahu",
    "Hakan Fidan",
    "Yaşar Güler",
    "Ali Yerlikaya",
    "Devlet Bahçeli",
    "Özgür Özel",
    "Müsavat Dervişoğlu",
    "Mahmud Abbas",
    "Antonio Guterres",
    "Ursula von der Leyen",
    "Mark Rutte",
    "Aleksandr Lukaşenko",
    "Lukaşenko",
    "İlham Aliyev",
    "Mesud Pezeşkiyan",
    "Narendra Modi",
    "Fumio Kişida",
    "Şigeru İşiba",
    "Marco Rubio",
    "Antony Blinken",
    "Dmitri Medvedev",
    "Medvedev",
    "Mihail Mişustin",
    "Kim Tok Hun",
    "Pak Jong Chon",
    "Kang Sun Nam",
]


# Turkish institutions, parties, media and groups that news names in one word or an
# acronym, and public figures named by surname alone (issue 14: what real news misses)
MORE_ORGS = """
TBMM Meclis Sayıştay Danıştay Yargıtay AYM HSK YSK RTÜK Genelkurmay MİT TSK EGM MSB
AFAD Kızılay TÜİK BDDK SPK EPDK BOTAŞ TPAO TCDD THY TOKİ TMSF TÜBİTAK YÖK MEB ÖSYM SGK
İŞKUR Diyanet KYK AKM TRT NTV Habertürk Hürriyet Milliyet Sözcü Cumhuriyet
Evrensel BirGün Korkusuz Oda.tv Bianet Anka ANKA Sputnik
AKP CHP MHP HDP DEM DEVA TİP BBP DSP SP EMEP HÜDA-PAR KDP KYB PYD YPG SDG PKK DEAŞ
IŞİD FETÖ ByLock DHKP-C Hamas Hizbullah Taliban Wagner NATO UEFA FIFA TFF IMF OPEC
Fenerbahçe Galatasaray Beşiktaş Trabzonspor Başakşehir Bursaspor Göztepe Sivasspor
Konyaspor Kasımpaşa Alanyaspor Antalyaspor Kayserispor Rizespor Samsunspor
"""
MORE_MULTI_ORGS = [
    "Anayasa Mahkemesi",
    "Merkez Bankası",
    "Türk Silahlı Kuvvetleri",
    "Milli Savunma Bakanlığı",
    "Emniyet Genel Müdürlüğü",
    "Yüksek Seçim Kurulu",
    "Gelecek Partisi",
    "DEVA Partisi",
    "Büyük Birlik Partisi",
    "Türkiye İşçi Partisi",
    "Halkların Demokratik Partisi",
    "Dünya Sağlık Örgütü",
    "Avrupa Birliği",
    "Avrupa Komisyonu",
    "Avrupa Parlamentosu",
    "Yeni Şafak",
    "CNN Türk",
    "TRT Haber",
    "Halk TV",
    "Kürdistan Demokrat Partisi",
    "Kürdistan Yurtseverler Birliği",
]
MORE_PERSONS = """
Barzani Talabani Esad Kılıçdaroğlu Bahçeli Davutoğlu Babacan İmamoğlu Akşener
Karamollaoğlu Bakırhan Demirtaş Çavuşoğlu Albayrak Şimşek Kurtulmuş Bozdağ
Haftar Sisi Ruhani Zarif Raisi Hamaney Nasrallah Haniye Sinvar Abbas Merkel Scholz
Sunak Johnson Starmer Meloni Orban Mitsotakis Tsipras Pompeo Tillerson Bolton Blinken
Obama Clinton Harris Stoltenberg Guterres Lukaşenko Aliyev Paşinyan Nazarbayev Tokayev
Mirziyoyev Modi Zelenskiy Zelenski Poroşenko Navalnıy Prigojin Gerasimov Peskov
"""


def _add(gaz: dict[str, list[str]], phrase: str, typ: str) -> None:
    key = casefold_tr(phrase.strip())
    if key and typ not in gaz.setdefault(key, []):
        gaz[key].append(typ)


def hand_gazetteer() -> dict[str, list[str]]:
    """Lower-cased phrase → types."""
    gaz: dict[str, list[str]] = {}
    for w in COUNTRIES.split():
        _add(gaz, w, "GPE")
    for w in MULTI_COUNTRIES + CITIES.split() + MULTI_CITIES:
        _add(gaz, w, "GPE")
    for w in LOCATIONS:
        _add(gaz, w, "LOC")
    for w in FACILITIES:
        _add(gaz, w, "FAC")
    for w in ORGS:
        _add(gaz, w, "ORG")
    for owner in MINISTRY_OWNERS:
        for m in MINISTRIES:
            _add(gaz, f"{owner} {m} Bakanlığı", "ORG")
    for w in NORP.split() + MULTI_NORP:
        _add(gaz, w, "NORP")
    for w in PERSONS + MORE_PERSONS.split():
        _add(gaz, w, "PERSON")
    for w in MORE_ORGS.split() + MORE_MULTI_ORGS:
        _add(gaz, w, "ORG")
    for w in PROVINCES.split():
        _add(gaz, w, "GPE")
    for w in country_names():
        _add(gaz, w, "GPE")
    return gaz


# nationality adjective / short form → country (for role binding and resolution)
NATIONALITY = {
    "rus": "Rusya",
    "rusya": "Rusya",
    "kuzey kore": "Kuzey Kore",
    "kuzey koreli": "Kuzey Kore",
    "güney kore": "Güney Kore",
    "güney koreli": "Güney Kore",
    "türk": "Türkiye",
    "türkiye": "Türkiye",
    "çin": "Çin",
    "çinli": "Çin",
    "amerikan": "ABD",
    "abd": "ABD",
    "amerikalı": "ABD",
    "ukrayna": "Ukrayna",
    "ukraynalı": "Ukrayna",
    "fransız": "Fransa",
    "fransa": "Fransa",
    "alman": "Almanya",
    "almanya": "Almanya",
    "ingiliz": "İngiltere",
    "ingiltere": "İngiltere",
    "japon": "Japonya",
    "japonya": "Japonya",
    "iran": "İran",
    "iranlı": "İran",
    "israil": "İsrail",
    "israilli": "İsrail",
    "belarus": "Belarus",
    "kdhc": "Kuzey Kore",
    "pyongyang": "Kuzey Kore",
    "moskova": "Rusya",
    "kremlin": "Rusya",
    "pekin": "Çin",
    "seul": "Güney Kore",
    "kiev": "Ukrayna",
    "washington": "ABD",
}
