"""Word lists the extractor reasons with: countries, demonyms, places, titles, facility words.

Nothing here names a person. The lists describe the world (countries and their cities), the
vocabulary of news about detentions (official titles, facility words), and English function
words, so the rules built on them carry over to articles about people never seen before.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

# Short or colloquial country names that pycountry's official names do not cover.
_COUNTRY_ALIASES: dict[str, str] = {
    "america": "US",
    "united states": "US",
    "united states of america": "US",
    "the united states": "US",
    "us": "US",
    "u.s.": "US",
    "u.s": "US",
    "usa": "US",
    "britain": "GB",
    "great britain": "GB",
    "united kingdom": "GB",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "south korea": "KR",
    "north korea": "KP",
    "korea": "KR",
    "vietnam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "taiwan": "TW",
    "czech republic": "CZ",
    "czechia": "CZ",
    "turkey": "TR",
    "türkiye": "TR",
    "turkiye": "TR",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "côte d'ivoire": "CI",
    "congo": "CG",
    "republic of congo": "CG",
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "macedonia": "MK",
    "north macedonia": "MK",
    "kosovo": "XK",
    "palestine": "PS",
    "vatican": "VA",
    "brunei": "BN",
    "cape verde": "CV",
    "east timor": "TL",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "burma": "MM",
    "myanmar": "MM",
    "holland": "NL",
    "netherlands": "NL",
    "the netherlands": "NL",
    "uae": "AE",
    "emirates": "AE",
    "united arab emirates": "AE",
    "philippines": "PH",
    "the philippines": "PH",
    "gambia": "GM",
    "the gambia": "GM",
    "bahamas": "BS",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "micronesia": "FM",
    "saudi arabia": "SA",
    "kyrgyzstan": "KG",
    "bosnia": "BA",
    "bosnia and herzegovina": "BA",
    "st lucia": "LC",
    "saint lucia": "LC",
}

# Demonym (adjective or singular noun) -> ISO 3166-1 alpha-2.
_DEMONYMS: dict[str, str] = {
    "Afghan": "AF",
    "Albanian": "AL",
    "Algerian": "DZ",
    "American": "US",
    "Andorran": "AD",
    "Angolan": "AO",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Armenian": "AM",
    "Australian": "AU",
    "Austrian": "AT",
    "Azerbaijani": "AZ",
    "Azeri": "AZ",
    "Bahraini": "BH",
    "Bangladeshi": "BD",
    "Belarusian": "BY",
    "Belarussian": "BY",
    "Belgian": "BE",
    "Belizean": "BZ",
    "Beninese": "BJ",
    "Bhutanese": "BT",
    "Bolivian": "BO",
    "Bosnian": "BA",
    "Brazilian": "BR",
    "British": "GB",
    "Briton": "GB",
    "Brit": "GB",
    "Bruneian": "BN",
    "Bulgarian": "BG",
    "Burkinabe": "BF",
    "Burmese": "MM",
    "Burundian": "BI",
    "Cambodian": "KH",
    "Cameroonian": "CM",
    "Canadian": "CA",
    "Chadian": "TD",
    "Chilean": "CL",
    "Chinese": "CN",
    "Colombian": "CO",
    "Congolese": "CD",
    "Costa Rican": "CR",
    "Croatian": "HR",
    "Croat": "HR",
    "Cuban": "CU",
    "Cypriot": "CY",
    "Czech": "CZ",
    "Danish": "DK",
    "Dane": "DK",
    "Djiboutian": "DJ",
    "Dominican": "DO",
    "Dutch": "NL",
    "Ecuadorian": "EC",
    "Egyptian": "EG",
    "Emirati": "AE",
    "English": "GB",
    "Eritrean": "ER",
    "Estonian": "EE",
    "Ethiopian": "ET",
    "Fijian": "FJ",
    "Filipino": "PH",
    "Filipina": "PH",
    "Philippine": "PH",
    "Finnish": "FI",
    "Finn": "FI",
    "French": "FR",
    "Gabonese": "GA",
    "Gambian": "GM",
    "Georgian": "GE",
    "German": "DE",
    "Ghanaian": "GH",
    "Greek": "GR",
    "Guatemalan": "GT",
    "Guinean": "GN",
    "Guyanese": "GY",
    "Haitian": "HT",
    "Honduran": "HN",
    "Hungarian": "HU",
    "Icelandic": "IS",
    "Indian": "IN",
    "Indonesian": "ID",
    "Iranian": "IR",
    "Iraqi": "IQ",
    "Irish": "IE",
    "Israeli": "IL",
    "Italian": "IT",
    "Ivorian": "CI",
    "Jamaican": "JM",
    "Japanese": "JP",
    "Jordanian": "JO",
    "Kazakh": "KZ",
    "Kazakhstani": "KZ",
    "Kenyan": "KE",
    "Kuwaiti": "KW",
    "Kyrgyz": "KG",
    "Laotian": "LA",
    "Latvian": "LV",
    "Lebanese": "LB",
    "Liberian": "LR",
    "Libyan": "LY",
    "Lithuanian": "LT",
    "Luxembourgish": "LU",
    "Macedonian": "MK",
    "Malagasy": "MG",
    "Malawian": "MW",
    "Malaysian": "MY",
    "Maldivian": "MV",
    "Malian": "ML",
    "Maltese": "MT",
    "Mauritanian": "MR",
    "Mauritian": "MU",
    "Mexican": "MX",
    "Moldovan": "MD",
    "Mongolian": "MN",
    "Montenegrin": "ME",
    "Moroccan": "MA",
    "Mozambican": "MZ",
    "Namibian": "NA",
    "Nepali": "NP",
    "Nepalese": "NP",
    "New Zealander": "NZ",
    "Nicaraguan": "NI",
    "Nigerien": "NE",
    "Nigerian": "NG",
    "North Korean": "KP",
    "Norwegian": "NO",
    "Omani": "OM",
    "Pakistani": "PK",
    "Palestinian": "PS",
    "Panamanian": "PA",
    "Paraguayan": "PY",
    "Peruvian": "PE",
    "Polish": "PL",
    "Pole": "PL",
    "Portuguese": "PT",
    "Qatari": "QA",
    "Romanian": "RO",
    "Russian": "RU",
    "Rwandan": "RW",
    "Saudi": "SA",
    "Scottish": "GB",
    "Scot": "GB",
    "Senegalese": "SN",
    "Serbian": "RS",
    "Serb": "RS",
    "Sierra Leonean": "SL",
    "Singaporean": "SG",
    "Slovak": "SK",
    "Slovenian": "SI",
    "Somali": "SO",
    "South African": "ZA",
    "South Korean": "KR",
    "Korean": "KR",
    "South Sudanese": "SS",
    "Spanish": "ES",
    "Spaniard": "ES",
    "Sri Lankan": "LK",
    "Sudanese": "SD",
    "Swedish": "SE",
    "Swede": "SE",
    "Swiss": "CH",
    "Syrian": "SY",
    "Taiwanese": "TW",
    "Tajik": "TJ",
    "Tanzanian": "TZ",
    "Thai": "TH",
    "Togolese": "TG",
    "Tunisian": "TN",
    "Turkish": "TR",
    "Turk": "TR",
    "Turkmen": "TM",
    "Ugandan": "UG",
    "Ukrainian": "UA",
    "Uruguayan": "UY",
    "Uzbek": "UZ",
    "Venezuelan": "VE",
    "Vietnamese": "VN",
    "Welsh": "GB",
    "Yemeni": "YE",
    "Zambian": "ZM",
    "Zimbabwean": "ZW",
    "Kosovar": "XK",
    "Salvadoran": "SV",
    "Trinidadian": "TT",
    "Barbadian": "BB",
    "Luxembourger": "LU",
    "Liechtensteiner": "LI",
    "Monegasque": "MC",
    # Country abbreviations used as adjectives: "U.S. citizen", "UK national".
    "US": "US",
    "U.S.": "US",
    "UK": "GB",
    "U.K.": "GB",
}

# Demonyms whose plural is not "+s".
_IRREGULAR_PLURALS: dict[str, str] = {
    "US": "US",
    "U.S.": "U.S.",
    "UK": "UK",
    "U.K.": "U.K.",
    "Swiss": "Swiss",
    "Chinese": "Chinese",
    "Japanese": "Japanese",
    "Vietnamese": "Vietnamese",
    "Portuguese": "Portuguese",
    "Lebanese": "Lebanese",
    "Sudanese": "Sudanese",
    "Senegalese": "Senegalese",
    "Congolese": "Congolese",
    "Nepalese": "Nepalese",
    "Maltese": "Maltese",
    "Burmese": "Burmese",
    "Togolese": "Togolese",
    "Gabonese": "Gabonese",
    "Beninese": "Beninese",
    "Bhutanese": "Bhutanese",
    "Guyanese": "Guyanese",
    "Dutch": "Dutch",
    "French": "French",
    "British": "British",
    "Irish": "Irish",
    "Kyrgyz": "Kyrgyz",
    "Malagasy": "Malagasy",
}

# Cities, regions and states that news datelines and facility names use, -> country.
_PLACES: dict[str, str] = {}
_PLACE_TEXT = """
AE: Abu Dhabi, Dubai, Sharjah, Ajman, Al Ain, Ras Al Khaimah, Fujairah
AF: Kabul, Kandahar, Herat, Mazar-i-Sharif
AL: Tirana
AM: Yerevan
AR: Buenos Aires, Cordoba, Rosario
AT: Vienna, Salzburg, Graz
AU: Canberra, Sydney, Melbourne, Brisbane, Perth, Queensland, Tasmania
AZ: Baku
BA: Sarajevo
BD: Dhaka, Chittagong
BE: Brussels, Antwerp, Bruges
BH: Manama
BO: La Paz, Santa Cruz
BR: Brasilia, Sao Paulo, São Paulo, Rio de Janeiro, Florianopolis, Recife, Belo Horizonte
BY: Minsk, Grodno, Hrodna, Brest, Gomel, Homel, Mogilev, Vitebsk
CA: Ottawa, Toronto, Montreal, Vancouver, Calgary
CH: Bern, Geneva, Zurich, Lausanne, Basel
CN: Beijing, Shanghai, Guangzhou, Shenzhen, Chengdu, Wuhan, Xinjiang, Tibet, Dalian, Tianjin
CO: Bogota, Bogotá, Medellin, Cali, Cartagena
CU: Havana
CY: Nicosia
CZ: Prague, Brno
DE: Berlin, Munich, Frankfurt, Hamburg, Cologne, Stuttgart, Dusseldorf, Leipzig
DK: Copenhagen
DZ: Algiers
EC: Quito, Guayaquil
EE: Tallinn
EG: Cairo
ES: Madrid, Barcelona, Valencia, Seville, Malaga, Málaga, Alicante, Bilbao, Marbella, Ibiza
ES: Mallorca, Majorca, Tenerife
ET: Addis Ababa
FI: Helsinki
FR: Paris, Marseille, Lyon, Nice, Toulouse, Bordeaux, Lille
GB: London, Manchester, Birmingham, Leeds, Liverpool, Glasgow, Edinburgh, Cardiff, Belfast
GB: Bristol, Sheffield
GE: Tbilisi, Kutaisi, Batumi, Rustavi
GH: Accra, Kumasi, Tamale, Obuasi, Nsawam
GR: Athens, Thessaloniki, Alexandroupolis, Komotini, Piraeus, Patras, Heraklion, Lesbos, Crete
GR: Rhodes
HK: Hong Kong
HU: Budapest
ID: Jakarta, Bali, Denpasar, Surabaya, Medan, Tangerang, Batam, Bandung, Kerobokan
IE: Dublin
IL: Jerusalem, Tel Aviv, Haifa
IN: New Delhi, Delhi, Mumbai, Kolkata, Chennai, Bangalore, Bengaluru, Hyderabad, Punjab, Kerala
IN: Goa
IQ: Baghdad, Basra, Erbil, Mosul
IR: Tehran, Isfahan, Shiraz, Mashhad, Tabriz, Bandar Abbas, Qeshm, Evin
IT: Rome, Milan, Naples, Turin, Venice, Sicily, Palermo
JO: Amman
JP: Tokyo, Osaka, Kyoto, Yokohama, Okinawa
KE: Nairobi, Mombasa
KG: Bishkek, Osh
KH: Phnom Penh, Siem Reap
KP: Pyongyang
KR: Seoul, Busan, Incheon
KW: Kuwait City
KZ: Astana, Almaty, Shymkent, Karaganda, Aktau
LA: Vientiane
LB: Beirut
LK: Colombo
LT: Vilnius, Kaunas, Klaipeda, Šalčininkai, Salcininkai
LV: Riga
LY: Tripoli, Benghazi
MA: Rabat, Casablanca, Marrakech, Tangier
MD: Chisinau, Chișinău, Balti, Tiraspol
MM: Yangon, Naypyidaw, Mandalay
MN: Ulaanbaatar
MX: Mexico City, Guadalajara, Monterrey, Tijuana, Cancun, Cancún
MY: Kuala Lumpur, Penang, Johor Bahru
NG: Abuja, Lagos, Kano
NL: Amsterdam, Rotterdam, The Hague
NO: Oslo
NP: Kathmandu
NZ: Wellington, Auckland
OM: Muscat
PE: Cusco
PH: Manila, Quezon City, Cebu, Davao, Iloilo
PK: Islamabad, Karachi, Lahore, Peshawar
PL: Warsaw, Krakow, Kraków, Gdansk, Wroclaw
PT: Lisbon, Porto
QA: Doha
RO: Bucharest
RS: Belgrade
RU: Moscow, St Petersburg, St. Petersburg, Saint Petersburg, Yekaterinburg, Novosibirsk, Kazan
RU: Vladivostok, Vladikavkaz, Rostov-on-Don, Krasnodar, Samara, Omsk, Chelyabinsk, Ufa, Perm
RU: Volgograd, Voronezh, Orenburg, Mordovia, Chechnya, Dagestan, Kaliningrad, Irkutsk, Lefortovo
RU: Matrosskaya Tishina, Butyrka, Siberia, Crimea, Saratov, Tver, Nizhny Novgorod, Murmansk
RU: Krasnoyarsk, Khabarovsk
SA: Riyadh, Jeddah, Mecca, Dammam
SD: Khartoum
SE: Stockholm, Gothenburg
SG: Singapore
SK: Bratislava
SY: Damascus, Aleppo
TH: Bangkok, Phuket, Pattaya, Chiang Mai
TJ: Dushanbe
TM: Ashgabat
TN: Tunis
TR: Ankara, Istanbul, Izmir, Antalya
TW: Taipei
UA: Kyiv, Kiev, Kharkiv, Odesa, Odessa, Lviv, Dnipro, Donetsk, Luhansk, Mariupol
UG: Kampala
US: Washington, New York, Brooklyn, Manhattan, Queens, Los Angeles, San Francisco, Chicago
US: Miami, Seattle, Boston, Houston, Dallas, Atlanta, Philadelphia, Denver, Phoenix, Las Vegas
US: San Diego, New Orleans, Detroit, Baltimore, Portland, Butner, Guantanamo, Alabama, Alaska
US: Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Hawaii, Idaho
US: Illinois, Indiana, Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts
US: Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska, Nevada, New Hampshire
US: New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania
US: Rhode Island, South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia
US: West Virginia, Wisconsin, Wyoming
UZ: Tashkent, Samarkand
VE: Caracas
VN: Hanoi, Ho Chi Minh City, Saigon, Da Nang
YE: Sanaa, Aden
ZA: Pretoria, Johannesburg, Cape Town, Durban
ZW: Harare
GA: Libreville, Port-Gentil
CV: Praia, Mindelo
RU: Taganrog, Sochi, Kursk, Belgorod, Bryansk, Yaroslavl, Tula, Rybinsk, Sakhalin, Magadan
RU: Yakutsk, Tomsk, Barnaul, Kemerovo, Pskov, Smolensk, Kaluga, Ryazan, Arkhangelsk, Penza
RU: Petrozavodsk, Saransk, Ulyanovsk, Astrakhan, Makhachkala, Grozny, Nalchik, Stavropol
UA: Berdiansk, Melitopol, Zaporizhzhia, Kherson, Mykolaiv, Chernihiv, Sumy, Poltava, Vinnytsia
UA: Zhytomyr, Uzhhorod, Kramatorsk, Bakhmut, Enerhodar
RS: Novi Sad
LK: Kandy, Jaffna
KW: Sulaibiya
CN: Nanjing, Hangzhou, Chongqing, Harbin, Kunming, Xiamen, Urumqi, Lhasa, Shenyang, Qingdao
CN: Zhengzhou, Changsha, Fuzhou, Nanning, Dandong
JP: Nagoya, Sapporo, Fukuoka, Kobe
KR: Daegu, Gwangju
TH: Chiang Rai, Krabi, Koh Samui, Hat Yai
VN: Haiphong
PH: Makati, Pasay, Taguig, Palawan, Zamboanga, Mindanao, Luzon
MY: Sabah, Sarawak, Kota Kinabalu, Malacca, Kajang
ID: Lombok, Java, Sumatra, Yogyakarta, Makassar, Jimbaran, Kuta, Ubud, Nusakambangan
IN: Ludhiana, Amritsar, Chandigarh, Jaipur, Lucknow, Patna, Ahmedabad, Pune, Srinagar, Kashmir
PK: Rawalpindi, Quetta, Multan
BD: Sylhet, Khulna
NP: Pokhara
MV: Malé
QA: Al Rayyan
OM: Salalah
YE: Hodeidah, Marib
IQ: Sulaymaniyah, Kirkuk, Najaf, Karbala
SY: Homs, Idlib, Latakia
LB: Sidon
PS: Gaza, Ramallah, Hebron, West Bank
EG: Giza, Sharm el-Sheikh, Hurghada, Luxor, Aswan
LY: Misrata
TN: Sfax
DZ: Oran
MA: Fez, Agadir
NG: Port Harcourt, Ibadan
SN: Dakar
CI: Abidjan
CM: Yaounde, Yaoundé, Douala
GQ: Malabo
AO: Luanda
CD: Kinshasa, Goma, Lubumbashi
CG: Brazzaville
RW: Kigali
TZ: Dar es Salaam, Dodoma, Zanzibar, Arusha
ER: Asmara
SO: Mogadishu
SS: Juba
ZM: Lusaka
MZ: Maputo
MW: Lilongwe
BW: Gaborone
NA: Windhoek
MG: Antananarivo
ML: Bamako
BF: Ouagadougou
NE: Niamey
TD: N'Djamena
MR: Nouakchott
GN: Conakry
SL: Freetown
LR: Monrovia
TG: Lome, Lomé
BJ: Cotonou
VE: Maracaibo, Barquisimeto, El Helicoide, Boleíta
CO: Barranquilla, Cucuta, Cúcuta
PE: Lima, Arequipa
BO: Cochabamba
UY: Montevideo
PY: Asuncion, Asunción
PA: Panama City
NI: Managua
HN: Tegucigalpa, San Pedro Sula
SV: San Salvador
GT: Guatemala City
DO: Santo Domingo, Punta Cana
HT: Port-au-Prince
MX: Culiacan, Culiacán, Acapulco
US: Norfolk, Fort Dix, Danbury, Pittsburgh, Cleveland, Nashville, Memphis, Austin, Sacramento
US: Honolulu, Anchorage, Tucson, El Paso, Newark, Minneapolis, Salt Lake City, Milwaukee
US: Oakland, Orlando, Tampa, Jacksonville
GB: Swindon, Nottingham, Newcastle, Southampton, Oxford, Leicester, Coventry, Aberdeen, Dundee
FR: Strasbourg, Nantes, Montpellier, Calais
DE: Bonn, Dresden, Hanover, Nuremberg, Bremen
IT: Genoa, Bologna, Bari
ES: Canary Islands, Gran Canaria, Las Palmas
PT: Faro, Madeira, Azores
NL: Utrecht, Eindhoven, Schiphol
BE: Ghent, Liege
PL: Poznan, Lodz, Lublin, Bialystok, Terespol
BG: Varna, Plovdiv, Burgas
XK: Pristina
MK: Skopje
ME: Podgorica, Budva
HR: Zagreb, Dubrovnik
SI: Ljubljana
LV: Daugavpils
EE: Tartu, Narva
SE: Malmo, Malmö
CY: Limassol, Larnaca, Paphos, Kyrenia
TR: Bodrum, Edirne, Gaziantep, Adana, Trabzon
AZ: Nakhchivan
TW: Kaohsiung
KH: Sihanoukville
AU: Adelaide, Darwin, Hobart
NZ: Christchurch
JO: Aqaba, Zarqa
SA: Medina, Tabuk
IR: Qom, Ahvaz, Kerman, Rasht, Karaj, Urmia
CA: Edmonton, Winnipeg
"""
# Regions read as places in running text, where a shorter name inside them would be read
# instead ("New South Wales" is not Wales).
_REGIONS_AS_PLACES = {"New South Wales": "AU", "Queensland": "AU", "Tasmania": "AU"}
_PLACES.update(_REGIONS_AS_PLACES)

# Armed movements that hold people where they rule, read like the place they hold it in:
# "freed by the Taliban", "held by the Houthis".
_HOLDING_GROUPS_TEXT = """
AF: Taliban
YE: Houthis, Houthi rebels
PS: Hamas
LB: Hezbollah
SO: al-Shabaab, Al-Shabaab
"""
for _line in (_PLACE_TEXT + _HOLDING_GROUPS_TEXT).strip().splitlines():
    if not _line.strip():
        continue
    _code, _names = _line.split(":", 1)
    for _name in _names.split(","):
        _PLACES[_name.strip()] = _code.strip()

# Offices whose holders are never the detainee in a story about a detention.
STRONG_TITLES: frozenset[str] = frozenset(
    [
        "ambassador",
        "envoy",
        "consul",
        "consul-general",
        "vice-consul",
        "diplomat",
        "diplomats",
        "attache",
        "attaché",
        "chargé",
        "minister",
        "ministers",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "president",
        "vice-president",
        "premier",
        "chancellor",
        "senator",
        "congressman",
        "congresswoman",
        "rep",  # "Rep. Jane Doe": a member of the House of Representatives
        "lawmaker",
        "lawmakers",
        "legislator",
        "mp",
        "parliamentarian",
        "mayor",
        "governor",
        "judge",
        "judges",
        "magistrate",
        "prosecutor",
        "prosecutors",
        "attorney",
        "attorneys",
        "lawyer",
        "lawyers",
        "barrister",
        "solicitor",
        "counsel",
        "advocate",
        "commissioner",
        "ombudsman",
        "ombudsperson",
        "counterpart",
        "investigator",
        "investigators",
        "sheriff",
        "warden",
        "interpreter",
        "translator",
        # Who bargains for a release ("the chief hostage negotiator, X") is not the one held.
        "negotiator",
        "negotiators",
        "mediator",
        "mediators",
        "undersecretary",
        "under-secretary",
        "secretary",
        # Royal titles ("Saudi Crown Prince X", "the Emir"); "King" and "Queen" are family
        # names too often to be read as titles.
        "crown",
        "prince",
        "princess",
        "emir",
        "sultan",
    ]
)
# Compound offices: "secretary-general", "attorney-general", "commander-in-chief".
STRONG_TITLES = STRONG_TITLES | frozenset(
    f"{title}{suffix}"
    for title in STRONG_TITLES | {"director", "inspector", "commander", "editor"}
    for suffix in ("-general", "-in-chief")
)

# Heads of state and government: "former President X" still speaks for a state, where a
# former minister may be the one in the dock.
HEAD_OF_STATE_TITLES: frozenset[str] = frozenset(
    ["president", "vice-president", "premier", "chancellor", "emir", "sultan"]
)

# Words that make a capitalised run an office, not a person ("Foreign Minister", "Judge").
OFFICIAL_TITLES: frozenset[str] = STRONG_TITLES | frozenset(
    [
        "charge",
        "justice",
        "official",
        "officials",
        "officer",
        "director",
        "chief",
        "head",
        "chairman",
        "chairwoman",
        "chair",
        "representative",
        "adviser",
        "advisor",
        "aide",
        "reporter",
        "correspondent",
        "journalist",
        "editor",
        "photographer",
        "coordinator",
        "inspector",
        "superintendent",
        "deputy",
        "commander",
    ]
)

# Military and police ranks written before a name ("Corporal", "Pol Maj Gen"): never part of
# the name, and saying nothing by themselves about a role in the case (a Marine can be held).
RANKS: frozenset[str] = frozenset(
    [
        "marine",
        "private",
        "pvt",
        "pfc",
        "corporal",
        "cpl",
        "sergeant",
        "sgt",
        "staff",
        "lance",
        "lieutenant",
        "lt",
        "major",
        "maj",
        "colonel",
        "col",
        "general",
        "gen",
        "brigadier",
        "admiral",
        "pol",
        "cpt",
    ]
)

# Titles that are honorifics or ranks and say nothing about a role in the case.
NEUTRAL_TITLES: frozenset[str] = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "dr",
        "dr.",
        "captain",
        "capt",
        "capt.",
        "sir",
        "dame",
        "madam",
        "mister",
        "sheikh",
        "sheik",
        # Academic and religious titles: "Professor Turnell", "Pastor Andrew X".
        "professor",
        "prof",
        "prof.",
        "doctor",
        "reverend",
        "rev",
        "rev.",
        "pastor",
        "imam",
        "rabbi",
    ]
)

RELATIVE_NOUNS: frozenset[str] = frozenset(
    [
        "mother",
        "father",
        "brother",
        "sister",
        "wife",
        "husband",
        "son",
        "daughter",
        "sibling",
        "siblings",
        "parents",
        "parent",
        "cousin",
        "uncle",
        "aunt",
        "fiance",
        "fiancé",
        "fiancee",
        "fiancée",
        "partner",
        "girlfriend",
        "boyfriend",
        "relative",
        "grandmother",
        "grandfather",
        "niece",
        "nephew",
        "stepfather",
        "stepmother",
        "widow",
        "widower",
        "mum",
        "dad",
        "son-in-law",
        "daughter-in-law",
        "brother-in-law",
        "sister-in-law",
        "family",
    ]
)

# Nouns for people involved in a case as the accused; they weigh towards "detainee".
ACCUSED_NOUNS: frozenset[str] = frozenset(
    [
        "co-defendant",
        "co-defendants",
        "co-accused",
        "defendant",
        "defendants",
        "suspect",
        "suspects",
        "prisoner",
        "prisoners",
        "detainee",
        "detainees",
        "inmate",
        "inmates",
        "convict",
        "convicts",
        "hostage",
        "hostages",
        "cybercriminal",
        "cybercriminals",
        "criminal",
        "trafficker",
        "traffickers",
        "fugitive",
    ]
)

# Nouns that name a person (used to read "a Russian software developer" as a person).
_PERSON_NOUNS: frozenset[str] = frozenset(
    [
        "citizen",
        "citizens",
        "national",
        "nationals",
        "man",
        "men",
        "woman",
        "women",
        "worker",
        "workers",
        "driver",
        "drivers",
        "businessman",
        "businesswoman",
        "businessmen",
        "developer",
        "developers",
        "engineer",
        "engineers",
        "sailor",
        "sailors",
        "seaman",
        "seamen",
        "instructor",
        "student",
        "students",
        "tourist",
        "tourists",
        "teacher",
        "activist",
        "activists",
        "blogger",
        "suspect",
        "suspects",
        "defendant",
        "prisoner",
        "prisoners",
        "detainee",
        "detainees",
        "inmate",
        "inmates",
        "convict",
        "miner",
        "miners",
        "master",
        "captain",
        "pilot",
        "fisherman",
        "fishermen",
        "resident",
        "residents",
        "expatriate",
        "expatriates",
        "migrant",
        "migrants",
        "couple",
        "pair",
        "programmer",
        "hacker",
        "hackers",
        "trader",
        "banker",
        "executive",
        "entrepreneur",
        "researcher",
        "scientist",
        "academic",
        "doctor",
        "nurse",
        "priest",
        "missionary",
        "athlete",
        "player",
        "veteran",
        "soldier",
        "soldiers",
        "mercenary",
        "marine",
        "volunteer",
        "labourer",
        "laborer",
        "labourers",
        "maid",
        "maids",
        "nanny",
        "cook",
        "bookkeeper",
        "accountant",
        "musician",
        "star",  # "the American basketball star X"
        "actor",
        "actress",
        "artist",
        "writer",
        "boy",
        "girl",
        "boys",
        "girls",
        "youth",
        "attendant",
        "attendants",
        "plumber",
        "electrician",
        "mechanic",
        "carpenter",
        "builder",
        "paratrooper",
        "skipper",
        "influencer",
        "vlogger",
        "podcaster",
        "graduate",
        "consultant",
        "contractor",
        "farmer",
        "chef",
        "waiter",
        "waitress",
        "analyst",
        "lecturer",
        "professor",
        "employee",
        "employees",
        "owner",
        "investor",
        "rapper",
        "singer",
        "footballer",
        "boxer",
        "surfer",
        "diver",
        "monk",
        "nun",
        "pastor",
        "imam",
        "cleric",
        "seafarer",
        "seafarers",
        "deckhand",
        "trucker",
        "cameraman",
        "filmmaker",
        "caregiver",
        "housekeeper",
        "manager",
        "managers",
        "salesman",
        "saleswoman",
        "designer",
        "programmer",
        "technician",
        "technicians",
        "physician",
        "dentist",
        "pharmacist",
        "architect",
        "businessperson",
        "retiree",
        "pensioners",
        "civilian",
        "civilians",
        "fighter",
        "fighters",
        "volunteers",
        "adventurer",
        "hiker",
        "hikers",
        "cyclist",
        "mountaineer",
        "ex-soldier",
        "serviceman",
        "servicemen",
        "sportsman",
        "coach",
        "teenager",
        "teenagers",
        "pensioner",
        "grandmother",
        "grandfather",
        "mother",
        "father",
        "son",
        "daughter",
        "husband",
        "wife",
        "brother",
        "sister",
        "climber",
        "backpacker",
        "traveller",
        "traveler",
        "travellers",
        "travelers",
        "crew",
        "crewman",
        "broker",
        "smuggler",
        "courier",
        "mule",
        "mules",
        "dual-national",
        "co-accused",
        "co-defendant",
        "hostage",
        "hostages",
        "person",
        "people",
        "personnel",
        "capitalist",
        "conservationist",
        "environmentalist",
        "scholar",
        "dissident",
        "individual",
        "individuals",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "correspondent",
        "photographer",
        "editor",
        # Trades and standings named with a nationality ("an Egyptian producer", "Russian
        # opposition figure X", "a Burmese-born botanist").
        "producer",
        "presenter",
        "commentator",
        "figure",
        "politician",
        "critic",
        "campaigner",
        "protester",
        "demonstrator",
        "economist",
        "botanist",
        "film-maker",
        "author",
        "novelist",
        "poet",
        "historian",
        "sociologist",
        "anthropologist",
        "linguist",
        "physicist",
        "chemist",
        "biologist",
        "philanthropist",
        # People described by what they are accused of or what they do for a living.
        "launderer",
        "trafficker",
        "agent",
        "helper",
        "mogul",
        "tycoon",
    ]
)


def _plural(noun: str) -> str | None:
    """The regular plural of a singular person noun; None for a plural or an odd one."""
    if noun.endswith(("men", "ed", "people", "personnel", "crew", "youth")) or (
        noun.endswith("s") and not noun.endswith("ss")
    ):
        return None
    if noun.endswith(("man", "woman")):
        return noun[:-3] + "men"
    if noun.endswith("fe"):
        return noun[:-2] + "ves"
    if noun.endswith(("ss", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# Every person noun in the singular and the plural ("veteran", "veterans").
PERSON_NOUNS: frozenset[str] = _PERSON_NOUNS | frozenset(
    plural for plural in map(_plural, _PERSON_NOUNS) if plural
)

# Head words of facility names ("Kerobokan prison", "Lefortovo pretrial detention centre").
FACILITY_HEADS: tuple[str, ...] = (
    "pretrial detention centre",
    "pretrial detention center",
    "pre-trial detention centre",
    "pre-trial detention center",
    "detention centre",
    "detention center",
    "detention facility",
    "remand centre",
    "remand center",
    "remand prison",
    "correctional facility",
    "correctional institution",
    "correctional centre",
    "correctional center",
    "penal colony",
    "prison colony",
    "labour camp",
    "labor camp",
    "prison complex",
    "prison",
    "jail",
    "gaol",
    "penitentiary",
    "colony",
    "lockup",
)

# Companies' legal forms and trades: never a person's name, and the head of an organisation's
# name written right after it ("Astellas Pharma Inc", "JPMorgan Chase & Co.").
COMPANY_FORMS = frozenset(
    ["inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "pharma", "pharmaceuticals"]
    + ["industries", "enterprises", "partners", "ventures", "securities", "systems", "solutions"]
    + ["labs", "media", "energy"]
)

# Capitalised words that belong to organisations, places or things, never to a person's name.
ORG_WORDS: frozenset[str] = COMPANY_FORMS | frozenset(
    [
        # Things and services named in captions and background: "Getty Images", "Cold War".
        "war",
        "nations",  # "the United Nations"
        "infostealer",  # a kind of malware written as part of its name
        "maps",
        "images",
        "photos",
        "pictures",
        "technologies",
        "holdings",
        "airlines",
        "airways",
        "act",
        # Platforms an account or a campaign is named on: "the Free X Y Twitter account".
        "twitter",
        "facebook",
        "instagram",
        "youtube",
        "telegram",
        "whatsapp",
        "tiktok",
        # Movements and texts named like people: "the Muslim Brotherhood", "the Declaration
        # Against ...".
        "brotherhood",
        "declaration",
        "convention",
        "court",
        "courts",
        "prison",
        "prisons",
        "jail",
        "penitentiary",
        "centre",
        "center",
        "airport",
        "ministry",
        "department",
        "embassy",
        "consulate",
        "office",
        "bureau",
        "service",
        "services",
        "agency",
        "police",
        "army",
        "navy",
        "party",
        "council",
        "committee",
        "parliament",
        "government",
        "authority",
        "authorities",
        "university",
        "bank",
        "company",
        "news",
        "today",
        "times",
        "post",
        "press",
        "television",
        "tv",
        "radio",
        "union",
        "republic",
        "kingdom",
        "federation",
        "state",
        "states",
        "province",
        "region",
        "district",
        "street",
        "road",
        "avenue",
        "square",
        "bridge",
        "river",
        "sea",
        "ocean",
        "gulf",
        "lake",
        "mountains",
        "mountain",
        "island",
        "islands",
        "city",
        "county",
        "valley",
        "crossing",
        "motorway",
        "highway",
        "international",
        "national",
        "federal",
        "central",
        "regional",
        "supreme",
        "high",
        "appeals",
        "appeal",
        "military",
        "security",
        "detention",
        "correctional",
        "facility",
        "institute",
        "institution",
        "foundation",
        "association",
        "group",
        "network",
        "organisation",
        "organization",
        "commission",
        "tribunal",
        "assembly",
        "house",
        "hall",
        "palace",
        "affairs",
        "coast",
        "guard",
        "guards",
        "border",
        "intelligence",
        "investigation",
        "investigations",
        "justice",
        "prosecutor's",
        "prosecution",
        "defence",
        "defense",
        "foreign",
        "interior",
        "development",
        "commonwealth",
        "western",
        "eastern",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "day",
        "week",
        "year",
        "colony",
        "camp",
        "station",
        "port",
        "hospital",
        "hotel",
        "school",
        "church",
        "mosque",
        "temple",
        "club",
        "league",
        "fund",
        "project",
        "programme",
        "program",
        "initiative",
        "campaign",
        "watch",
        "human",
        "rights",
        "amnesty",
        "red",
        "cross",
        "crescent",
        "medium",
        "maximum",
        "minimum",
        "women's",
        "men's",
        "general",
        "municipal",
        "metropolitan",
        "city's",
        "capital",
        "asia",
        "europe",
        "africa",
        "oceania",
        "caucasus",
        "balkans",
        "caribbean",
        "scandinavia",
        "arctic",
        "antarctica",
        "southeast",
        "northeast",
        "southwest",
        "northwest",
        "middle",
        "latin",
        "pacific",
        "atlantic",
        "mediterranean",
        "baltic",
        "balkan",
        "eurasia",
        "oil",
        "petroleum",
        "motors",
        "telecom",
        "communications",
        "trust",
        "forum",
        "welfare",
        # Newspapers and agencies: "Asahi Shimbun", "Mizan Online".
        "shimbun",
        "journal",
        "gazette",
        "herald",
        "tribune",
        "chronicle",
        "telegraph",
        "online",
        # Parties, movements and armed groups: "Republican", "Harakat al-Nidal".
        "republican",
        "republicans",
        "democrat",
        "democrats",
        "democratic",
        "labour",
        "conservative",
        "conservatives",
        "movement",
        "front",
        "brigade",
        "brigades",
        "battalion",
        "militia",
        "forces",
        "liberation",
        "harakat",
        "hizb",
        "jaish",
        "jabhat",
        "kataib",
        "liwa",
        "tahrir",
        # Bodies, prizes and clubs: "the Enforcement Directorate", "a Task Force", "the Nobel
        # Peace Prize", "Agence France-Presse", "Jeunesse Sportive".
        "directorate",
        "force",
        "prize",
        "award",
        "agence",
        "sportive",
        "cup",
        # Gatherings, causes and guards: "a Ministerial Meeting", "Values Protection", "the
        # Islamic Revolutionary Guard Corps" ("Fort", "Rada" and "Tours" are surnames too).
        "meeting",
        "protection",
        "revolutionary",
        "verkhovna",
    ]
)

# The head word of an organisation written right after its name: "the Dui Hua Foundation",
# "Astellas Pharma Inc", "the National Tertiary Education Union".
ORGANISATION_HEADS = COMPANY_FORMS | frozenset(
    [
        "directorate",
        "force",
        "prize",
        "award",
        "foundation",
        "union",
        "group",
        "institute",
        "institution",
        "holdings",
        "technologies",
        "motors",
        "airlines",
        "airways",
        "bank",
        "company",
        "trust",
        "forum",
        "network",
        "association",
        "society",
        "council",
        "committee",
        "commission",
        "party",
        "movement",
        "front",
        "brigade",
        "brigades",
        "militia",
        "army",
        "forces",
        "agency",
        "service",
        "services",
        "news",
        "times",
        "post",
        "press",
        "journal",
        "gazette",
        "herald",
        "tribune",
        "chronicle",
        "telegraph",
        "online",
        "shimbun",
        "television",
        "tv",
        "radio",
        "university",
        "college",
        "academy",
        "school",
        "hospital",
        "club",
        "league",
        "fund",
        "project",
        "programme",
        "program",
        "initiative",
        "campaign",
        "watch",
        "act",
        "images",
        "photos",
        "pictures",
    ]
)

# Capitalised words that open sentences or name abstractions; never part of a person's name.
FUNCTION_WORDS: frozenset[str] = frozenset(
    [
        "free",  # a campaign's name: "the Free X Y campaign"
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "after",
        "before",
        "although",
        "though",
        "if",
        "when",
        "while",
        "his",
        "her",
        "their",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "earlier",
        "later",
        "meanwhile",
        "according",
        "following",
        "including",
        "regarding",
        "concerning",
        "among",
        "both",
        "neither",
        "either",
        "under",
        "over",
        "since",
        "until",
        "despite",
        "during",
        "about",
        "into",
        "onto",
        "upon",
        "than",
        "then",
        "so",
        "yet",
        "also",
        "not",
        "no",
        "nor",
        "our",
        "my",
        "your",
        "us",
        "them",
        "him",
        "me",
        "you",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "most",
        "many",
        "some",
        "several",
        "all",
        "other",
        "another",
        "each",
        "every",
        "any",
        "such",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "why",
        "how",
        "what's",
        "hundreds",
        "thousands",
        "dozens",
        "millions",
        "last",
        "next",
        "first",
        "second",
        "third",
        "final",
        "former",
        "new",
        "old",
        "more",
        "less",
        "few",
        "much",
        "only",
        "even",
        "just",
        "still",
        "again",
        "already",
        "however",
        "instead",
        "moreover",
        "furthermore",
        "thus",
        "hence",
        "once",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "read",
        "follow",
        "updated",
        "all",
        "news",
        "photo",
        "file",
        "image",
        "video",
        "watch",
        "listen",
        "share",
        "click",
        "subscribe",
        "advertisement",
        "related",
        "copyright",
        "yesterday",
        "tomorrow",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)

MONTH_NAMES: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# The calendar's names written in full and capitalised, as regular-expression alternations:
# "Monday" … "Sunday", "January" … "December" (a month's short form is the start of its name).
WEEKDAY_NAMES = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
MONTH_FULL_NAMES = (
    "(?:"
    + "|".join(
        month.capitalize()
        for month in MONTH_NAMES
        if not any(other != month and other.startswith(month) for other in MONTH_NAMES)
    )
    + ")"
)

SPEECH_VERBS: frozenset[str] = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "stated",
        "states",
        "noted",
        "notes",
        "announced",
        "announces",
        "wrote",
        "writes",
        "explained",
        "explains",
        "cautioned",
        "warned",
        "warns",
        "insisted",
        "insists",
        "argued",
        "argues",
        "underscored",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "commented",
        "comments",
        "remarked",
        "revealed",
        "reveals",
        "confirmed",
        "confirms",
        "declared",
        "declares",
        "tweeted",
        "posted",
        "quoted",
        "replied",
    ]
)


@lru_cache(maxsize=1)
def _region_table() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        seen.setdefault(region.name.lower(), set()).add(region.country_code)
    countries = country_names()
    # Towns are not regions (a person "from Dubai" may live there from anywhere); the
    # regions listed among places only to be found in running text stay regions.
    places = {name.lower() for name in _PLACES} - {n.lower() for n in _REGIONS_AS_PLACES}
    return {
        name: codes.pop()
        for name, codes in seen.items()
        if len(codes) == 1
        and len(name) >= 4
        and name not in countries
        and name not in places
        and name not in _AMBIGUOUS_REGIONS
    }


# Region names better known as a city, a word or a region of another country.
_AMBIGUOUS_REGIONS = frozenset(
    ["santa fe", "jerusalem", "victoria", "delta", "lakes", "north", "south", "east", "west",
     "central", "northern", "southern", "eastern", "western", "reading", "plymouth",
     "birmingham", "capital", "coast", "highlands", "islands", "lagos", "mexico", "panama",
     "guatemala", "kuwait", "djibouti", "luxembourg", "monaco", "singapore", "san marino"]
)  # fmt: skip


def region_country(name: str) -> str | None:
    """Alpha-2 of the one country with a province, state or county of this name (ISO
    3166-2: "East Sussex", "New South Wales", "Perak"); None for a name that is a country's
    too ("Georgia") or that several countries use ("Punjab", "Central")."""
    return _region_table().get(" ".join(name.split()).lower())


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased country name -> alpha-2, from ISO 3166 plus common short forms."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_2
    names.update(_COUNTRY_ALIASES)
    return names


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym in singular and plural (as written, capitalised) -> alpha-2."""
    table: dict[str, str] = {}
    for word, code in _DEMONYMS.items():
        table[word] = code
        plural = _IRREGULAR_PLURALS.get(word)
        if plural is None:
            plural = word + ("es" if word.endswith("s") else "s")
        table[plural] = code
    return table


def is_plural_demonym(word: str) -> bool:
    """True for "Russians", "Filipinos", "Britons" (a group of people, not an adjective)."""
    return word in demonyms() and word not in _DEMONYMS and word.endswith("s")


def places() -> dict[str, str]:
    """City, region or state name (as written) -> alpha-2."""
    return _PLACES


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """Alpha-2 code for a country name, demonym, or known place; None when unknown."""
    cleaned = name.strip().strip(".,;:'’\"").replace("’", "'")
    if cleaned.endswith("'s"):
        cleaned = cleaned[:-2]
    lowered = cleaned.lower()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    code = country_names().get(lowered)
    if code:
        return code
    code = demonyms().get(cleaned)
    if code:
        return code
    return _PLACES.get(cleaned)


@lru_cache(maxsize=1)
def name_blocklist() -> frozenset[str]:
    """Single capitalised words that cannot be a token of a person's name."""
    words: set[str] = set()
    for name in list(country_names()) + list(_PLACES):
        if " " not in name:
            words.add(name.lower())
    words.update(w.lower() for w in demonyms())
    words.update(ORG_WORDS)
    words.update(FUNCTION_WORDS)
    words.update(OFFICIAL_TITLES)
    # Full month names come with FUNCTION_WORDS; "Jan", "Mar" or "Dec" also open people's names.
    words.update(WEEKDAYS)
    # "Says Burrowes to the paper:": a speech verb opening an inverted attribution. Only the
    # present forms: "Said" is also a given name.
    words.update(w for w in SPEECH_VERBS if w.endswith("s"))
    return frozenset(words)


@lru_cache(maxsize=4096)
def compound_demonym_codes(word: str) -> tuple[str, ...]:
    """ "British-Iranian", "Chilean-Peruvian": two demonyms joined by a hyphen, one for each
    nationality of a dual national; empty for any other word."""
    parts = word.split("-")
    if len(parts) != 2:
        return ()
    table = demonyms()
    codes = tuple(table.get(part) for part in parts)
    return codes if all(codes) and parts[0] in _DEMONYMS and parts[1] in _DEMONYMS else ()


@lru_cache(maxsize=4096)
def place_demonym(word: str) -> str | None:
    """Alpha-2 of a demonym made from a state's or a city's name: "Queenslander",
    "Londoner", "Texan", "Californian"; None for any other word."""
    known = {name.lower(): code for name, code in _PLACES.items()} | country_names()
    low = word.lower()
    stems = []
    if low.endswith("er"):
        stems.append(low[:-2])  # Queenslander, Londoner
    if low.endswith("an"):
        stems.extend([low[:-1], low[:-1] + "s"])  # Californian, Texan
    for stem in stems:
        if len(stem) >= 4 and stem in known:
            return known[stem]
    return None


@lru_cache(maxsize=1)
def multiword_places() -> tuple[tuple[str, str], ...]:
    """Multi-word country and place names, longest first, for masking before name search."""
    found: dict[str, str] = {}
    for name, code in country_names().items():
        if " " in name:
            found[name] = code
    for name, code in _PLACES.items():
        if " " in name or "-" in name:
            found[name.lower()] = code
    for name, code in demonyms().items():
        if " " in name:
            found[name.lower()] = code
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))
