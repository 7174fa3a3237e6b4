"""Unanswerable questions: plausible news questions that none of the 32 articles answer.

Each entry: (lang, kind, question, absent_terms, review)
  kind  a = on-topic, the article covers the subject but never gives this detail
        b = a related but different event or entity that no article covers
        c = off-topic news that no article covers
  absent_terms: words/phrases that must not occur as whole words in any article (NFKC, casefold);
                "FILE:term" limits the check to that article (for words that are fine elsewhere)
  review: (file, keyword) whose sentences are printed by check_unanswerable.py for a human read, or None
"""

UNANSWERABLE = [
    # (a) on-topic, detail absent -- English
    ("en", "a", "What is the name of the Fort Worth girl's mother?", ["mother's name", "n24.txt:named"], ("n24.txt", "mother")),
    ("en", "a", "How much did Emirates actually pay for each Boeing 787-9 once its discount was applied?", ["per plane", "per jet", "per aircraft", "each jet", "n09.txt:apiece"], ("n09.txt", "discount")),
    ("en", "a", "How long a prison term did Patrick Carlineo get for threatening Ilhan Omar?", ["Carlineo was sentenced", "sentenced Carlineo", "Carlineo to "], ("n02.txt", "sentenc")),
    ("en", "a", "How many Disney+ free-trial users have turned into paying subscribers so far?", ["million paying", "paid subscribers so far"], ("n12.txt", "trial")),
    ("en", "a", "How much will the Toyota RAV4 Prime cost?", [], ("n16.txt", "price")),
    ("en", "a", "What is the budget of NASA's Europa Clipper mission?", ["Clipper will cost", "Clipper costs"], ("n14.txt", "Clipper")),
    ("en", "a", "How much profit did Alibaba make in its most recent quarter?", ["profit", "net income", "quarterly"], ("n10.txt", "Alibaba")),
    ("en", "a", "Which Houston dealership sold the most new cars in October?", ["dealership"], ("n11.txt", "dealer")),
    ("en", "a", "What was the result of Britain's Davis Cup tie against the Netherlands?", ["Britain beat", "Britain won", "Netherlands beat", "Britain lost"], ("n19.txt", "Britain")),
    ("en", "a", "How much compensation is PG&E offering customers affected by the shutoffs?", ["compensation", "refund", "reimburse", "bill credit"], ("n13.txt", "customers")),
    ("en", "a", "What will Ghana's new national airline be called?", ["Ghana Airways", "Ghana Airlines"], ("n09.txt", "Ghana")),
    ("en", "a", "What is Gordon Sondland's net worth?", ["net worth"], ("n01.txt", "Sondland")),

    # (b) related but different event or entity -- English
    ("en", "b", "Which country won the 2019 Davis Cup title?", ["won the Davis Cup", "Davis Cup title", "lifted the"], ("n19.txt", "champion")),
    ("en", "b", "When was the Boeing 737 Max cleared to fly passengers again?", ["recertif", "cleared to fly", "return to service", "ungrounded"], ("n09.txt", "737")),
    ("en", "b", "What did Gordon Sondland tell lawmakers in his public impeachment testimony?", ["Sondland testified", "Sondland told lawmakers", "Sondland said"], None),
    ("en", "b", "Which party won the UK general election on December 12?", ["won the election", "landslide", "n05.txt:majority"], None),
    ("en", "b", "How many people died in the Camp Fire that destroyed Paradise, California?", ["Camp Fire", "Paradise"], None),
    ("en", "b", "What did Prince Andrew say about Jeffrey Epstein in his BBC interview?", ["Prince Andrew", "Duke of York"], None),
    ("en", "b", "How many protesters were arrested at Hong Kong Polytechnic University?", ["Polytechnic"], None),
    ("en", "b", "Who became Bolivia's interim president after Evo Morales resigned?", ["Bolivia", "Morales", "Áñez", "Anez"], None),
    ("en", "b", "How many plague cases did Madagascar record in its 2017 outbreak?", ["Madagascar"], None),
    ("en", "b", "What is the starting price of Apple's new 16-inch MacBook Pro?", ["MacBook", "16-inch"], None),
    ("en", "b", "How many subscribers did Apple TV+ sign up in its first month?", ["Apple TV"], None),

    # (c) off-topic -- English
    ("en", "c", "Who won the 2019 Nobel Prize in Literature?", ["Nobel"], None),
    ("en", "c", "What was the magnitude of the earthquake that hit Albania in November 2019?", ["Albania", "earthquake", "magnitude"], None),
    ("en", "c", "Who was elected president of Sri Lanka in November 2019?", ["Sri Lanka", "Rajapaksa"], None),
    ("en", "c", "How much did Saudi Aramco raise in its stock market debut?", ["Aramco"], None),
    ("en", "c", "Who won the 2019 Booker Prize?", ["Booker"], None),
    ("en", "c", "Which country won the 2019 Rugby World Cup?", ["Rugby"], None),
    ("en", "c", "How badly was Notre-Dame cathedral damaged in the April fire?", ["Notre"], None),
    ("en", "c", "Which luxury group agreed to buy Tiffany & Co.?", ["Tiffany", "LVMH"], None),
    ("en", "c", "How many people were killed in the Christchurch mosque attacks?", ["Christchurch", "mosque"], None),
    ("en", "c", "Who took over as president of the European Central Bank in November 2019?", ["European Central Bank", "Lagarde", "ECB"], None),
    ("en", "c", "What did Greta Thunberg say at the UN climate summit in New York?", ["Thunberg", "climate summit"], None),
    ("en", "c", "Which film won the Palme d'Or at Cannes in 2019?", ["Palme", "Cannes", "Parasite"], None),

    # (a) on-topic, detail absent -- Hindi
    ("hi", "a", "टॉटेनहम जोस मोरिन्हो को सालाना कितनी सैलरी देगा?", ["सैलरी", "h04.txt:वेतन", "पाउंड", "h04.txt:salary", "h04.txt:wage"], ("h04.txt", "करार")),
    ("hi", "a", "पोचेटिनो को बर्खास्त करने पर टॉटेनहम ने उन्हें कितना मुआवज़ा दिया?", ["मुआवज़ा", "मुआवजा", "हर्जाना", "compensation"], ("h04.txt", "पोचेटिनो")),
    ("hi", "a", "ऑक्सी प्योर ऑक्सीजन बार किस साल शुरू हुआ था?", ["h02.txt:2015", "h02.txt:2016", "h02.txt:2017", "h02.txt:2018", "h02.txt:2019", "h02.txt:साल"], ("h02.txt", "शुरू")),
    ("hi", "a", "वीवर्क में सॉफ्टबैंक की कितनी हिस्सेदारी है?", ["हिस्सेदारी", "h08.txt:stake", "h08.txt:प्रतिशत"], ("h08.txt", "सॉफ्टबैंक")),
    ("hi", "a", "टाइटन की सतह का तापमान कितने डिग्री है?", ["डिग्री", "सेल्सियस", "केल्विन", "h05.txt:degrees", "Celsius", "Kelvin"], ("h05.txt", "तापमान")),
    ("hi", "a", "जबरजंग सिंह को अमेरिका भेजने वाले एजेंट का नाम क्या था?", [], ("h01.txt", "एजेंट")),
    ("hi", "a", "ईरान में पेट्रोल का दाम कितना बढ़ाया गया?", ["रियाल", "लीटर", "rial", "rials", "h06.txt:litre", "h06.txt:liter"], ("h06.txt", "ईंधन")),
    ("hi", "a", "एपस्टीन की मौत की जांच कर रहे न्याय विभाग के इंस्पेक्टर जनरल का नाम क्या है?", ["Horowitz"], ("n04.txt", "inspector general")),
    ("hi", "a", "रिहाई के बाद केविन किंग और टिमोथी वीक्स को किस अस्पताल में ले जाया गया?", ["n07.txt:hospital", "n07.txt:अस्पताल", "Bagram"], ("n07.txt", "flown")),

    # (b) related but different event or entity -- Hindi
    ("hi", "b", "2019 चैंपियंस लीग का फाइनल किस टीम ने जीता था?", ["लिवरपूल", "Liverpool"], ("h04.txt", "फाइनल")),
    ("hi", "b", "दिल्ली सरकार ने ऑड-ईवन योजना कब लागू की?", ["ऑड-ईवन", "ऑड ईवन", "odd-even", "odd even"], None),
    ("hi", "b", "ईरान के सर्वोच्च नेता खामेनेई ने प्रदर्शनकारियों के बारे में क्या कहा?", ["खामेनेई", "Khamenei", "सर्वोच्च नेता", "Supreme Leader"], None),
    ("hi", "b", "RBI ने अक्टूबर 2019 में रेपो रेट में कितनी कटौती की?", ["रेपो", "RBI", "repo", "रिज़र्व बैंक", "Reserve Bank"], None),
    ("hi", "b", "नासा का InSight लैंडर मंगल ग्रह पर क्या खोज रहा है?", ["InSight", "इनसाइट"], None),
    ("hi", "b", "अक्टूबर 2019 में मारुति सुजुकी ने कितनी कारें बेचीं?", ["मारुति", "Maruti", "Suzuki"], None),
    ("hi", "b", "एलन मस्क ने स्टारशिप रॉकेट की पहली परीक्षण उड़ान कब की?", ["Musk", "मस्क", "test flight"], ("n15.txt", "Starship")),
    ("hi", "b", "भारत ने RCEP व्यापार समझौते में शामिल न होने का फैसला कब किया?", ["RCEP", "आरसीईपी", "Regional Comprehensive"], None),

    # (c) off-topic -- Hindi
    ("hi", "c", "अयोध्या मामले में सुप्रीम कोर्ट ने फैसला किस तारीख को सुनाया?", ["अयोध्या", "Ayodhya"], None),
    ("hi", "c", "चंद्रयान-2 का विक्रम लैंडर चांद पर कहां गिरा?", ["चंद्रयान", "विक्रम", "Chandrayaan", "Vikram"], None),
    ("hi", "c", "करतारपुर कॉरिडोर का उद्घाटन किसने किया?", ["करतारपुर", "Kartarpur"], None),
    ("hi", "c", "भारत के नए मुख्य न्यायाधीश कौन बने हैं?", ["मुख्य न्यायाधीश", "Chief Justice", "बोबडे", "Bobde"], None),
    ("hi", "c", "2019 क्रिकेट विश्व कप का फाइनल किस टीम ने जीता?", ["क्रिकेट", "cricket", "विश्व कप"], None),
    ("hi", "c", "दिल्ली में प्याज़ का भाव कितने रुपये किलो तक पहुंच गया?", ["प्याज़", "प्याज", "onion"], None),
    ("hi", "c", "भारत और बांग्लादेश के बीच पहला डे-नाइट टेस्ट मैच कहां खेला गया?", ["टेस्ट मैच", "डे-नाइट", "Test match", "day-night"], None),
    ("hi", "c", "जम्मू-कश्मीर में इंटरनेट सेवाएं कब बहाल होंगी?", ["कश्मीर", "Kashmir"], None),
]
