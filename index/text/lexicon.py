"""A bilingual English-Hindi lexicon of everyday news words, so an English question can meet a Hindi sentence.

Names cross scripts by their consonant skeleton (`index.text.translit`); common words do not ("city" and
"शहर" share no letters), and multilingual embeddings alone rank such sentences poorly. This list
covers general news vocabulary (politics, diplomacy, defence, economy, time, numbers), not any one
article. Each line: English words (all forms written out or stemmed alike), then ``=``, then Hindi words.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from index.text.stemming import stem
from index.text.unicode import fold

_ENTRIES = """
agreement agreements deal deals pact = समझौता समझौते समझौतों करार
accept accepted acceptance = स्वीकार स्वीकारा
address speech addressed = संबोधन संबोधित भाषण
aid assistance help = सहायता मदद
aircraft plane planes jet jets = विमान
arrangement arrangements = व्यवस्था इंतजाम
arrest arrested = गिरफ्तार गिरफ्तारी
bank banks = बैंक
bond = बंधन
ceasefire truce = युद्धविराम संघर्षविराम
chief head top = प्रमुख शीर्ष
commitment committed = प्रतिबद्धता प्रतिबद्ध
contact contacts = संपर्क
contribution contributions = योगदान
court = न्यायालय अदालत
crisis = संकट
dead died killed death deaths = मृत मारे मौत
decision decided = फैसला निर्णय
develop developing development = विकसित विकास
economy = अर्थव्यवस्था
expand expanding expansion = विस्तार
expert experts = विशेषज्ञ
export exports = निर्यात
gas = गैस
import imports = आयात
independent independence = स्वतंत्र स्वतंत्रता
industry industries industrial = उद्योग उद्योगों औद्योगिक
inflation = महंगाई मुद्रास्फीति
infrastructure = बुनियादी ढांचा ढांचे
issue issues matter matters = मुद्दा मुद्दे मुद्दों मामला मामले
knowledge = ज्ञान
memorial monument tomb = स्मारक मकबरा कब्र
missile missiles = मिसाइल
multilateral = बहुपक्षीय
mutual = आपसी परस्पर
navy naval = नौसेना
nuclear = परमाणु
occasion occasions = अवसर मौके मौका
official officials = अधिकारी आधिकारिक
personal = व्यक्तिगत निजी
police = पुलिस
political politics = राजनीतिक राजनीति
price prices = कीमत दाम मूल्य
protest protests = विरोध प्रदर्शन
regular regularly = नियमित
sanction sanctions = प्रतिबंध
scholar scholars = विद्वान विद्वानों
security = सुरक्षा
safety = सुरक्षा
soviet = सोवियत
tariff tariffs = शुल्क टैरिफ
treaty = संधि
troops = सैनिक टुकड़ी
trust = भरोसा विश्वास
unprecedented = अभूतपूर्व
vision = दृष्टिकोण दृष्टि
wreath = पुष्पांजलि माला
issued released release = जारी
received receive welcomed = स्वागत अगवानी
emphasised emphasized stressed = जोर बल
praised lauded hailed = सराहना प्रशंसा
agriculture farming = कृषि खेती
ambassador ambassadors envoy = राजदूत
announce announced announcement = घोषणा
annual yearly = वार्षिक सालाना
army = सेना थल
arrive arrived arrival reach reached = पहुंचे पहुंचा पहुंची आगमन पहुंचेंगे
attack attacks = हमला हमले
bilateral = द्विपक्षीय
border = सीमा
briefed brief apprised informed = अवगत जानकारी
budget = बजट
capital = राजधानी
ceremony = समारोह
chairman chair chaired = अध्यक्ष अध्यक्षता
china chinese = चीन चीनी
citizen citizens people = नागरिक लोग लोगों
city cities town = शहर नगर
co-chaired co-chair = सह-अध्यक्षता
commission = आयोग
community = समुदाय
conference = सम्मेलन
congratulate congratulated greetings greeted wishes = बधाई अभिवादन शुभकामनाएं
cooperation collaboration = सहयोग
council = परिषद
country countries nation nations = देश देशों राष्ट्र
court = अदालत न्यायालय
crude oil = कच्चा तेल
culture cultural = संस्कृति सांस्कृतिक
date dates = तारीख तिथि तारीखों
day days = दिन दिवस दिवसीय
deal = सौदा
defence defense = रक्षा
delegation = प्रतिनिधिमंडल
deputy = उप
diplomat diplomats diplomatic = राजनयिक
discuss discussed discussion discussions talks = चर्चा बातचीत वार्ता
east eastern = पूर्व पूर्वी
economic economy = आर्थिक अर्थव्यवस्था
election elections vote = चुनाव मतदान
energy = ऊर्जा
event events incident = घटना घटनाओं कार्यक्रम
exchange exchanges = आदान-प्रदान
external foreign = विदेश विदेशी
far remote = सुदूर
first = प्रथम पहला पहली पहले
friday = शुक्रवार
global world = वैश्विक विश्व दुनिया
government = सरकार सरकारी
greetings = अभिवादन
held organised organized hosted = आयोजित
honour honoured honor = सम्मान सम्मानित
india indian = भारत भारतीय
international = अंतरराष्ट्रीय अंतर्राष्ट्रीय
investment investments = निवेश
invitation invite invited = निमंत्रण आमंत्रित न्योता
last final = अंतिम आखिरी पिछले पिछली
leader leaders = नेता नेताओं
meet meeting meetings met = मुलाकात बैठक बैठकें मिले मिलकर भेंट
member members = सदस्य सदस्यों
military = सैन्य सेना
minister ministers = मंत्री
ministry = मंत्रालय
monday = सोमवार
month months = महीने महीना माह
new = नया नई नए
north = उत्तर
oil = तेल
organisation organization = संगठन
partnership partner = साझेदारी भागीदारी
people = लोग लोगों
platform = प्लेटफॉर्म
post posted = पोस्ट
preparation preparations prepare = तैयारी तैयारियों
president = राष्ट्रपति President
prime minister pm = प्रधानमंत्री प्रधान पीएम
privileged = विशेषाधिकार
program programme = कार्यक्रम
regional region = क्षेत्रीय क्षेत्र
relation relations relationship ties = संबंध संबंधों रिश्ते
republic = गणतंत्र गणराज्य
review reviewed = समीक्षा
russia russian = रूस रूसी
saturday = शनिवार
scientific science = वैज्ञानिक विज्ञान
session = सत्र
ship ships vessel vessels warship warships navy naval = जहाज युद्धपोत नौसेना
sign signed = हस्ताक्षर
social media = सोशल मीडिया
soldier soldiers = सैनिक सैनिकों
special = विशेष
spokesperson spokesman = प्रवक्ता
state = राज्य राजकीय
statement = बयान वक्तव्य
strategic = रणनीतिक
summit = शिखर सम्मेलन
sunday = रविवार
talk talked = बात वार्तालाप
technology technological = प्रौद्योगिकी तकनीकी तकनीक
telephone phone = टेलीफोन फोन
thursday = गुरुवार
trade = व्यापार
trip tour visit visited visits = यात्रा दौरा दौरे
tuesday = मंगलवार
video = वीडियो
war = युद्ध
wednesday = बुधवार
week weeks = सप्ताह हफ्ते
year years = वर्ष साल वर्षों
january = जनवरी
february = फरवरी
march = मार्च
april = अप्रैल
may = मई
agree agreed agreement = सहमत सहमति
aide aides adviser advisor = सहयोगी सलाहकार
attend attended attending = भाग शामिल
capability capabilities capacity = क्षमता क्षमताओं
conclude concluded concluding = संपन्न समाप्त
deepen deepening deep = गहरा गहरे
embassy = दूतावास
feel felt = महसूस
growth grow grew = वृद्धि विकास
happy glad pleased = खुशी प्रसन्न
host hosted hosting = मेजबानी
interact interacted interaction interactions = बातचीत संवाद
lead leads led leading = नेतृत्व
maritime sea = समुद्री
potential = क्षमता संभावना
return returned = लौटे वापसी
say says said = कहा कहते
sector sectors = क्षेत्र क्षेत्रों
share shared sharing = साझा
soon = जल्द
strong stronger strengthen strengthened strengthening = मजबूत
tell told = बताया
june = जून
july = जुलाई
august = अगस्त
september = सितंबर सितम्बर
october = अक्टूबर
november = नवंबर नवम्बर
december = दिसंबर दिसम्बर
one = एक
two = दो
three = तीन
four = चार
five = पांच पाँच
six = छह
seven = सात
eight = आठ
nine = नौ
ten = दस
"""


def fingerprint() -> str:
    """A short hash of the lexicon: a keyword index built with another lexicon has other concept keys."""
    return hashlib.sha256(_ENTRIES.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Stem -> concept keys, and concept -> its words; a concept is named by its line number."""
    table: dict[str, set[str]] = {}
    members: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(_ENTRIES.strip().splitlines()):
        english, _, hindi = line.partition("=")
        concept = f"@{number}"
        members[concept] = tuple(fold(w) for w in english.split() + hindi.split())
        for word in members[concept]:
            table.setdefault(stem(word), set()).add(concept)
    return {key: frozenset(value) for key, value in table.items()}, members


@lru_cache(maxsize=65536)
def concepts(token: str) -> frozenset[str]:
    """Concept keys shared by a word and its translations (empty when the lexicon lacks it)."""
    return _tables()[0].get(stem(fold(token)), frozenset())


def translations(token: str) -> set[str]:
    """Every word the lexicon gives for this word, in both languages (the word itself included)."""
    members = _tables()[1]
    return {word for concept in concepts(token) for word in members[concept]} | {fold(token)}
