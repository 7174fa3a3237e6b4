"""Answerable questions, written by reading each article: (source file, lang, type, question, aliases).

English articles n01-n24: 5 English questions + 3 Hindi (cross-lingual) each.
Hindi articles h01-h08: 5 Hindi questions + 3 English (cross-lingual) each.
Aliases are spans of the source article itself (English spans for n*, Devanagari/as-written for h*).
"""

QA = [
    # n01: impeachment hearing, Volker and Morrison
    ("n01.txt", "en", "date", "According to Kurt Volker, when was the transcript of Trump's phone call with Zelensky made public?", ["September 25, 2019", "September 25"]),
    ("n01.txt", "en", "name", "Who replaced Fiona Hill at the National Security Council and became Alexander Vindman's boss?", ["Morrison", "Tim Morrison"]),
    ("n01.txt", "en", "date", "On what day did Volker find out that US military aid to Ukraine had been frozen?", ["July 18"]),
    ("n01.txt", "en", "paraphrase", "What nickname did the EU ambassador, the energy secretary and the Ukraine envoy get as a trio?", ["Three Amigos"]),
    ("n01.txt", "en", "name", "Who was the GOP counsel who pressed Morrison on concerns about Vindman?", ["Steve Castor", "Castor"]),
    ("n01.txt", "hi", "cross-lingual", "ट्रंप और यूक्रेन के राष्ट्रपति ज़ेलेंस्की की वह विवादित फोन कॉल किस तारीख को हुई थी?", ["July 25"]),
    ("n01.txt", "hi", "cross-lingual", "फियोना हिल ने यूक्रेन नीति में सोंडलैंड की भूमिका को क्या नाम दिया था?", ["the Gordon problem", "Gordon problem"]),
    ("n01.txt", "hi", "cross-lingual", "विंडमैन को अपनी चिंता लेकर सीधे NSC के कानूनी सलाहकार के पास जाने की सलाह किसने दी थी?", ["John Bolton", "Bolton"]),

    # n02: man pleads guilty to threatening Ilhan Omar
    ("n02.txt", "en", "number", "How old is Patrick Carlineo, the man who threatened to kill Ilhan Omar?", ["55"]),
    ("n02.txt", "en", "place", "Which New York village is Patrick Carlineo from?", ["Addison"]),
    ("n02.txt", "en", "date", "When will Patrick Carlineo be sentenced for threatening Rep. Omar?", ["Feb. 14"]),
    ("n02.txt", "en", "fact", "Why was Patrick Carlineo not allowed to have guns?", ["criminal mischief", "convicted felon"]),
    ("n02.txt", "en", "paraphrase", "What guns did prosecutors say the man who threatened Omar kept at his house?", ["handgun", "three rifles", "two shotguns"]),
    ("n02.txt", "hi", "cross-lingual", "इल्हान ओमर को धमकी देने वाले कार्लिनियो को किस महीने गिरफ्तार किया गया था?", ["April"]),
    ("n02.txt", "hi", "cross-lingual", "कार्लिनियो ने ओमर के दफ्तर में धमकी भरा फोन किस दिन किया था?", ["March 21"]),
    ("n02.txt", "hi", "cross-lingual", "पैट्रिक कार्लिनियो की वकील कौन हैं?", ["Sonya Zoghlin", "Zoghlin"]),

    # n03: Indiana teachers rally
    ("n03.txt", "en", "number", "How many Indiana school districts had to close for the day because of the teachers' protest?", ["Nearly 300", "300 school districts"]),
    ("n03.txt", "en", "name", "Who leads the Indiana State Teachers Association?", ["Keith Gambill", "Gambill"]),
    ("n03.txt", "en", "place", "Where was Governor Eric Holcomb while teachers rallied at the Indiana Statehouse?", ["Florida"]),
    ("n03.txt", "en", "paraphrase", "What yearly percentage increase in core education funding did Indiana Republicans approve in April?", ["2.5%"]),
    ("n03.txt", "en", "fact", "Poor results on which new statewide exam have Indiana teachers worried about how they are evaluated?", ["ILEARN"]),
    ("n03.txt", "hi", "cross-lingual", "इंडियाना की स्कूल अधीक्षक कौन हैं जिन्होंने शिक्षकों से कहा कि वे 'चांद नहीं मांग रहे'?", ["Jennifer McCormick", "McCormick"]),
    ("n03.txt", "hi", "cross-lingual", "इंडियाना में शिक्षकों की रैली के लिए कितने लोगों ने पंजीकरण कराया था?", ["15,000"]),
    ("n03.txt", "hi", "cross-lingual", "इंडियाना हाउस के स्पीकर का नाम क्या है?", ["Brian Bosma", "Bosma"]),

    # n04: prison guards charged over Epstein
    ("n04.txt", "en", "name", "What are the names of the two prison officers charged over the night Jeffrey Epstein died?", ["Tova Noel", "Michael Thomas"]),
    ("n04.txt", "en", "number", "How much bond does each of the guards in the Epstein case have to post?", ["$100,000"]),
    ("n04.txt", "en", "date", "From what time were no inmate checks done on Epstein's unit the night he died?", ["10:30 p.m.", "Aug. 9"]),
    ("n04.txt", "en", "name", "Who was appointed to lead the federal prison agency after Epstein took his own life?", ["Kathleen Hawk Sawyer", "Hawk Sawyer"]),
    ("n04.txt", "en", "paraphrase", "How many open jobs is the federal prison system trying to fill nationwide?", ["3,000"]),
    ("n04.txt", "hi", "cross-lingual", "किस सीनेटर ने एपस्टीन की मौत को 'जनता के भरोसे का संकट' कहा?", ["Ben Sasse", "Sasse"]),
    ("n04.txt", "hi", "cross-lingual", "एपस्टीन मामले में आरोपी जेल अधिकारी टोवा नोएल की उम्र कितनी है?", ["31"]),
    ("n04.txt", "hi", "cross-lingual", "आरोपी गार्ड माइकल थॉमस की पैरवी कौन सा वकील कर रहा है?", ["Montell Figgins", "Figgins"]),

    # n05: Conservatives' 'factcheckUK' rename
    ("n05.txt", "en", "fact", "What fake fact-checking name did the Tories' press account use on Twitter while Johnson and Corbyn debated?", ["factcheckUK"]),
    ("n05.txt", "en", "date", "On what date do British voters go to the polls in this general election?", ["Dec. 12"]),
    ("n05.txt", "en", "name", "Who heads the UK fact-checking charity Full Fact?", ["Will Moy"]),
    ("n05.txt", "en", "date", "In what year was Britain's first televised election debate held?", ["2010"]),
    ("n05.txt", "en", "paraphrase", "Which tech company employs Nick Clegg now?", ["Facebook"]),
    ("n05.txt", "hi", "cross-lingual", "ट्विटर अकाउंट का नाम बदलने पर कंजर्वेटिव पार्टी का बचाव किस विदेश मंत्री ने किया?", ["Dominic Raab", "Raab"]),
    ("n05.txt", "hi", "cross-lingual", "बोरिस जॉनसन ने ब्रिटेन के यूरोपीय संघ से निकलने की कौन सी तारीख का वादा किया था?", ["Oct. 31"]),
    ("n05.txt", "hi", "cross-lingual", "कंजर्वेटिव पार्टी के कथित फर्ज़ी वीडियो में लेबर पार्टी के किस नेता को दिखाया गया था?", ["Keir Starmer", "Starmer"]),

    # n06: Sweden drops Assange investigation
    ("n06.txt", "en", "name", "Which Swedish prosecutor decided to close the rape investigation into Julian Assange?", ["Eva-Marie Persson", "Persson"]),
    ("n06.txt", "en", "number", "How many witnesses were questioned before Sweden dropped the Assange case?", ["seven witnesses"]),
    ("n06.txt", "en", "place", "In which London prison is Julian Assange locked up?", ["Belmarsh"]),
    ("n06.txt", "en", "date", "In which month will a London court hear the American request to hand Assange over?", ["February"]),
    ("n06.txt", "en", "paraphrase", "Why did Swedish prosecutors give up on the Assange rape inquiry?", ["evidence has weakened", "weakened considerably"]),
    ("n06.txt", "hi", "cross-lingual", "ज़मानत की शर्तें तोड़ने पर असांज को कितनी सज़ा सुनाई गई थी?", ["50 weeks"]),
    ("n06.txt", "hi", "cross-lingual", "विकीलीक्स के प्रधान संपादक कौन हैं?", ["Kristinn Hrafnsson", "Hrafnsson"]),
    ("n06.txt", "hi", "cross-lingual", "ब्रिटेन के किस गृह मंत्री ने असांज के प्रत्यर्पण के अमेरिकी अनुरोध को मंज़ूरी दी थी?", ["Sajid Javid", "Javid"]),

    # n07: Taliban hostage swap
    ("n07.txt", "en", "name", "Who are the two professors the Taliban freed in the prisoner exchange?", ["Kevin King", "Timothy Weeks"]),
    ("n07.txt", "en", "place", "In which Afghan province were the freed hostages handed to American troops?", ["Zabul"]),
    ("n07.txt", "en", "name", "Which member of the Haqqani family did Kabul free in exchange for the hostages?", ["Anas Haqqani"]),
    ("n07.txt", "en", "date", "When were Kevin King and Timothy Weeks kidnapped in Kabul?", ["August 2016"]),
    ("n07.txt", "en", "paraphrase", "Why did Trump pull the plug on negotiations with the Taliban in September?", ["Taliban violence"]),
    ("n07.txt", "hi", "cross-lingual", "अमेरिकी और ऑस्ट्रेलियाई बंधकों की रिहाई के बदले अफ़गान सरकार ने कितने तालिबान कैदियों को छोड़ा?", ["three Taliban prisoners", "three high-ranking insurgents"]),
    ("n07.txt", "hi", "cross-lingual", "अफ़गानिस्तान के किस राष्ट्रपति ने कैदियों की इस अदला-बदली का ऐलान किया था?", ["Ashraf Ghani"]),
    ("n07.txt", "hi", "cross-lingual", "तालिबान की कैद से रिहा हुए दोनों प्रोफेसर किस विश्वविद्यालय में पढ़ाते थे?", ["American University of Kabul"]),

    # n08: US stance on Israeli settlements
    ("n08.txt", "en", "name", "Which US official announced that Washington no longer sees Israeli settlements as illegal?", ["Mike Pompeo", "Pompeo"]),
    ("n08.txt", "en", "number", "Roughly how many Israeli settlers are there in the occupied West Bank and east Jerusalem?", ["More than 600,000", "600,000"]),
    ("n08.txt", "en", "place", "Which settlement bloc did Netanyahu visit the day after the US announcement?", ["Gush Etzion"]),
    ("n08.txt", "en", "date", "In what year did Israel capture the West Bank and east Jerusalem?", ["1967"]),
    ("n08.txt", "en", "paraphrase", "How did the Arab League characterise Washington's change of position on settlements?", ["extremely adverse development"]),
    ("n08.txt", "hi", "cross-lingual", "'खतरनाक नतीजों' की चेतावनी देने वाले जॉर्डन के विदेश मंत्री कौन हैं?", ["Ayman Safadi", "Safadi"]),
    ("n08.txt", "hi", "cross-lingual", "इज़राइल के साथ शांति संधि करने वाले केवल दो अरब देश कौन से हैं?", ["Egypt", "Jordan"]),
    ("n08.txt", "hi", "cross-lingual", "फ़िलिस्तीन के मुख्य वार्ताकार का नाम क्या है?", ["Saeb Erekat", "Erekat"]),

    # n09: Emirates orders Boeing 787-9s
    ("n09.txt", "en", "number", "How big was the Dreamliner order Emirates signed at the Dubai aviation show?", ["30 of Boeing", "30 Boeing"]),
    ("n09.txt", "en", "number", "What is the Emirates Dreamliner order worth at list prices?", ["$8.8 billion"]),
    ("n09.txt", "en", "fact", "What has held up Boeing's 777X program?", ["engine problems"]),
    ("n09.txt", "en", "name", "Who is the president of Emirates airline?", ["Tim Clark"]),
    ("n09.txt", "en", "paraphrase", "How many of Airbus's double-decker A380s does Emirates fly?", ["123"]),
    ("n09.txt", "hi", "cross-lingual", "अक्टूबर तक एमिरेट्स के बेड़े में कुल कितने विमान थे?", ["270 aircraft", "270"]),
    ("n09.txt", "hi", "cross-lingual", "एमिरेट्स ने सोमवार को एयरबस से कितने A350 विमान खरीदने का ऑर्डर दिया?", ["50 Airbus A350-900"]),
    ("n09.txt", "hi", "cross-lingual", "बोइंग 787-9 ड्रीमलाइनर में कितने यात्री बैठ सकते हैं?", ["242 to 330"]),

    # n10: Alibaba Hong Kong listing
    ("n10.txt", "en", "number", "How much could Alibaba's Hong Kong share sale bring in?", ["$12.9bn"]),
    ("n10.txt", "en", "number", "At what price per share are investors being told Alibaba's Hong Kong stock will be sold?", ["176 Hong Kong dollars", "176"]),
    ("n10.txt", "en", "fact", "Why is the amount Alibaba will raise in Hong Kong considered auspicious?", ["prosperity", "good fortune"]),
    ("n10.txt", "en", "date", "What year was Alibaba's original IPO, the one that went to Wall Street?", ["2013"]),
    ("n10.txt", "en", "paraphrase", "What is the conversion ratio between Alibaba's US stock and its new Hong Kong stock?", ["worth eight"]),
    ("n10.txt", "hi", "cross-lingual", "मंगलवार को न्यूयॉर्क में अलीबाबा का शेयर किस भाव पर बंद हुआ?", ["$185.25"]),
    ("n10.txt", "hi", "cross-lingual", "अलीबाबा हांगकांग में अपने शेयर न्यूयॉर्क के भाव से कितनी छूट पर बेच रही है?", ["2.8 per cent"]),
    ("n10.txt", "hi", "cross-lingual", "हांगकांग स्टॉक एक्सचेंज में अलीबाबा का लिस्टिंग समारोह कब होगा?", ["next Tuesday"]),

    # n11: Houston-area car sales
    ("n11.txt", "en", "number", "How many new vehicles were sold in the Houston area in October?", ["30,154"]),
    ("n11.txt", "en", "name", "Who is the president of the auto data firm InfoNation?", ["Dan McDowell", "McDowell"]),
    ("n11.txt", "en", "fact", "Why are new cars getting more expensive in Houston, according to InfoNation's president?", ["safety technology", "infotainment"]),
    ("n11.txt", "en", "place", "In which city is InfoNation headquartered?", ["Sugar Land"]),
    ("n11.txt", "en", "paraphrase", "By how much have sedan purchases in the Houston market fallen this year?", ["12.3 percent"]),
    ("n11.txt", "hi", "cross-lingual", "ह्यूस्टन इलाके में अक्टूबर में नई गाड़ियों की बिक्री पिछले साल से कितनी कम रही?", ["10 percent"]),
    ("n11.txt", "hi", "cross-lingual", "Edmunds के अनुमान के मुताबिक इस साल अमेरिका में कितनी नई गाड़ियां बिकेंगी?", ["16.6 million"]),
    ("n11.txt", "hi", "cross-lingual", "अक्टूबर में नई गाड़ी के लोन पर औसत सालाना ब्याज दर कितनी थी?", ["5.7 percent"]),

    # n12: Disney+ launch, Kevin Mayer
    ("n12.txt", "en", "number", "How many people activated Disney+ accounts on the day the service launched?", ["10 million"]),
    ("n12.txt", "en", "number", "What is the monthly price of Disney+?", ["$6.99"]),
    ("n12.txt", "en", "name", "Which Disney boss explained what caused the Disney+ launch glitches?", ["Kevin Mayer", "Mayer"]),
    ("n12.txt", "en", "place", "At which event did Kevin Mayer talk publicly about the Disney+ launch for the first time?", ["Code Media", "Hollywood"]),
    ("n12.txt", "en", "paraphrase", "What went wrong technically when Disney's streaming service went live?", ["coding glitch", "overwhelming demand"]),
    ("n12.txt", "hi", "cross-lingual", "डिज़्नी+ के लॉन्च के दिन ग्राहकों को कस्टमर केयर फोन पर कितनी देर इंतज़ार करना पड़ा?", ["two hours"]),
    ("n12.txt", "hi", "cross-lingual", "केविन मेयर के मुताबिक लोग कितनी स्ट्रीमिंग सेवाओं की सदस्यता लेंगे?", ["four to six"]),
    ("n12.txt", "hi", "cross-lingual", "केविन मेयर को डिज़्नी के डायरेक्ट-टू-कंज़्यूमर और इंटरनेशनल डिवीज़न का चेयरमैन कब बनाया गया?", ["March 2018"]),

    # n13: PG&E shutoffs
    ("n13.txt", "en", "number", "About how many people were going to lose electricity in PG&E's latest shutoff?", ["375,000"]),
    ("n13.txt", "en", "fact", "How could the strong winds start fires, according to PG&E?", ["tree branches", "sparks"]),
    ("n13.txt", "en", "name", "Which PG&E weather expert warned that the lack of rain keeps the fire threat real?", ["Scott Strenfel", "Strenfel"]),
    ("n13.txt", "en", "date", "When was the last time a Napa County gauge saw such a long dry spell?", ["1905"]),
    ("n13.txt", "en", "paraphrase", "How many people were hit by PG&E's biggest blackout in October?", ["2.5 million"]),
    ("n13.txt", "hi", "cross-lingual", "PG&E के मुख्य कार्यकारी अधिकारी कौन हैं?", ["Andy Vesey", "Vesey"]),
    ("n13.txt", "hi", "cross-lingual", "PG&E की बिजली कटौती के दौरान उत्तरी कैलिफ़ोर्निया में हवा के झोंकों की रफ्तार कितनी तक पहुंचने का अनुमान था?", ["55 mph"]),
    ("n13.txt", "hi", "cross-lingual", "कैलिफ़ोर्निया पब्लिक यूटिलिटीज़ कमीशन की अध्यक्ष कौन हैं?", ["Marybel Batjer", "Batjer"]),

    # n14: water vapor above Europa
    ("n14.txt", "en", "name", "Which NASA scientist led the study that directly detected water vapor on Europa?", ["Lucas Paganini", "Paganini"]),
    ("n14.txt", "en", "place", "Which telescope in Hawaii did the Europa researchers use?", ["W.M. Keck Observatory", "Keck Observatory"]),
    ("n14.txt", "en", "date", "On what night did astronomers pick up a strong water vapor signal from Europa?", ["April 26, 2016"]),
    ("n14.txt", "en", "number", "How much water did scientists estimate was in the plume above Europa?", ["2,300 tons", "2,095 metric tons"]),
    ("n14.txt", "en", "paraphrase", "How many nights did scientists spend watching Jupiter's icy moon in the water vapor study?", ["17 nights"]),
    ("n14.txt", "hi", "cross-lingual", "यूरोपा का नज़दीक से अध्ययन करने के लिए नासा कौन सा मिशन तैयार कर रहा है?", ["Europa Clipper", "Clipper"]),
    ("n14.txt", "hi", "cross-lingual", "बृहस्पति के चंद्रमा यूरोपा का व्यास कितना है?", ["1,900-mile", "3,100 kilometers"]),
    ("n14.txt", "hi", "cross-lingual", "नासा के गैलीलियो यान ने यूरोपा के पास से किस साल उड़ान भरी थी?", ["1997"]),

    # n15: NASA commercial lunar landers
    ("n15.txt", "en", "number", "How many private companies can now compete for NASA's moon delivery jobs?", ["14 firms", "14 companies"]),
    ("n15.txt", "en", "place", "Where is Ceres Robotics based?", ["Palo Alto"]),
    ("n15.txt", "en", "number", "How much money has NASA set aside for its commercial moon delivery contracts?", ["$2.6 billion"]),
    ("n15.txt", "en", "name", "Which company pulled out of its CLPS moon landing contract?", ["Orbit Beyond"]),
    ("n15.txt", "en", "paraphrase", "Which NASA robotic vehicle might the commercial landers ferry to the moon's polar region?", ["VIPER"]),
    ("n15.txt", "hi", "cross-lingual", "नासा के प्रशासक कौन हैं?", ["Jim Bridenstine", "Bridenstine"]),
    ("n15.txt", "hi", "cross-lingual", "ब्लू ओरिजिन कंपनी किस शहर में है?", ["Kent, Washington", "Kent"]),
    ("n15.txt", "hi", "cross-lingual", "मई में नासा ने मानव मून लैंडर के अध्ययन के लिए कितनी कंपनियों को चुना था?", ["11 companies"]),

    # n16: Los Angeles Auto Show
    ("n16.txt", "en", "date", "When will the redesigned 2020 Nissan Sentra reach showrooms?", ["late January"]),
    ("n16.txt", "en", "fact", "What does Volkswagen's ID. Space Vizzion have instead of regular door handles?", ["touch surfaces"]),
    ("n16.txt", "en", "number", "What will the Ford Mustang Mach E cost at the base level?", ["$44,000"]),
    ("n16.txt", "en", "number", "What is the all-electric range of the plug-in RAV4 Prime?", ["39 miles"]),
    ("n16.txt", "en", "paraphrase", "What range does Volkswagen promise for its electric station wagon concept?", ["300 miles"]),
    ("n16.txt", "hi", "cross-lingual", "टोयोटा RAV4 प्राइम शून्य से 60 मील प्रति घंटे की रफ्तार कितने सेकंड में पकड़ लेती है?", ["5.8 seconds"]),
    ("n16.txt", "hi", "cross-lingual", "लॉस एंजिलिस ऑटो शो आम जनता के लिए किस दिन खुलेगा?", ["Friday"]),
    ("n16.txt", "hi", "cross-lingual", "फोर्ड मस्टैंग मैक ई पर कितना फेडरल टैक्स क्रेडिट मिलता है?", ["$7,500"]),

    # n17: feather duvet lung
    ("n17.txt", "en", "fact", "What did blood tests reveal about the man who got sick from his feather bedding?", ["antibodies"]),
    ("n17.txt", "en", "name", "Which lung specialist worked out that the patient had feather duvet lung?", ["Owen Dempsey", "Dempsey"]),
    ("n17.txt", "en", "place", "At which hospital does the pulmonologist in the feather duvet lung case work?", ["Aberdeen Royal Infirmary"]),
    ("n17.txt", "en", "number", "How long was the feather duvet lung patient off work?", ["14 days"]),
    ("n17.txt", "en", "paraphrase", "What triggers the condition known as farmer's lung?", ["dust from hay"]),
    ("n17.txt", "hi", "cross-lingual", "फेदर ड्यूवेट लंग वाले मरीज़ का केस किस मेडिकल जर्नल में छपा?", ["BMJ Case Reports"]),
    ("n17.txt", "hi", "cross-lingual", "फेदर ड्यूवेट लंग के मरीज़ को सीढ़ियां चढ़कर बिस्तर तक पहुंचने में कितना समय लगता था?", ["30 min"]),
    ("n17.txt", "hi", "cross-lingual", "फेदर ड्यूवेट लंग के मरीज़ को इलाज में कौन सी दवा दी गई?", ["steroids"]),

    # n18: plague cases in China
    ("n18.txt", "en", "place", "Which region of China were the plague patients from?", ["Inner Mongolia"]),
    ("n18.txt", "en", "date", "When did Chinese authorities report a third person infected with plague?", ["November 16"]),
    ("n18.txt", "en", "number", "How many people who had been near China's bubonic plague patient were put in quarantine?", ["28 people"]),
    ("n18.txt", "en", "name", "In which Beijing hospital were the pneumonic plague patients treated?", ["Chaoyang Hospital"]),
    ("n18.txt", "en", "paraphrase", "What did the man with bubonic plague hunt and eat before he fell ill?", ["wild rabbit"]),
    ("n18.txt", "hi", "cross-lingual", "WHO के मुताबिक 2010 से 2015 के बीच दुनिया भर में प्लेग के कितने मामले आए?", ["3,248"]),
    ("n18.txt", "hi", "cross-lingual", "चीन में प्लेग के पहले दो मरीज़ों की पुष्टि किस तारीख को हुई?", ["November 12"]),
    ("n18.txt", "hi", "cross-lingual", "प्लेग किस बैक्टीरिया से होता है?", ["Yersinia pestis"]),

    # n19: Davis Cup Finals
    ("n19.txt", "en", "name", "Which Spanish pair won the deciding doubles against Russia at the Davis Cup Finals?", ["Granollers and Lopez", "Marcel Granollers", "Feliciano Lopez"]),
    ("n19.txt", "en", "place", "At which Madrid venue is the Davis Cup Finals being played?", ["Caja Magica", "Magic Box"]),
    ("n19.txt", "en", "number", "How many countries are competing in Madrid this week for the Davis Cup?", ["18 teams"]),
    ("n19.txt", "en", "name", "Which Barcelona footballer co-founded Kosmos, the ITF's partner in the Davis Cup revamp?", ["Gerard Pique"]),
    ("n19.txt", "en", "paraphrase", "Before this week, when had the Americans and Canadians last faced each other in the Davis Cup?", ["1965"]),
    ("n19.txt", "hi", "cross-lingual", "स्पेन और रूस का डेविस कप मुकाबला देखने कौन सा ब्राज़ीलियाई फुटबॉल स्टार पहुंचा था?", ["Neymar"]),
    ("n19.txt", "hi", "cross-lingual", "डेविस कप में अर्जेंटीना ने चिली को किस स्कोर से हराया?", ["3-0"]),
    ("n19.txt", "hi", "cross-lingual", "अमेरिका के रेली ओपेल्का को किस कनाडाई खिलाड़ी ने हराया?", ["Vasek Pospisil", "Pospisil"]),

    # n20: LeBron James triple-double record
    ("n20.txt", "en", "number", "What was the final score when the Lakers beat the Thunder?", ["112-107"]),
    ("n20.txt", "en", "number", "What was Anthony Davis's scoring total in the Lakers' win over the Thunder?", ["34 points"]),
    ("n20.txt", "en", "fact", "What NBA first did LeBron James achieve in the win over Oklahoma City?", ["against every team"]),
    ("n20.txt", "en", "name", "Who is the head coach of the Oklahoma City Thunder?", ["Billy Donovan", "Donovan"]),
    ("n20.txt", "en", "paraphrase", "Against how many different teams did Jason Kidd manage a triple-double?", ["28 teams"]),
    ("n20.txt", "hi", "cross-lingual", "थंडर के किस खिलाड़ी ने इस मैच में सीज़न के सबसे ज़्यादा 31 अंक बनाए?", ["Dennis Schröder", "Schröder"]),
    ("n20.txt", "hi", "cross-lingual", "लेकर्स-थंडर मैच में लेब्रॉन जेम्स ने कितने टर्नओवर किए?", ["seven turnovers"]),
    ("n20.txt", "hi", "cross-lingual", "थंडर के खिलाफ मैच में लेकर्स के किस खिलाड़ी की आंख में कोहनी लगने से चोट आई?", ["Kyle Kuzma", "Kuzma"]),

    # n21: NHL roundup
    ("n21.txt", "en", "name", "Which Islander netted the game-winner in OT at Pittsburgh?", ["Brock Nelson", "Nelson"]),
    ("n21.txt", "en", "number", "How long is the Islanders' current unbeaten streak?", ["15 games"]),
    ("n21.txt", "en", "name", "Who was in net for New York when they beat the Penguins in overtime?", ["Semyon Varlamov", "Varlamov"]),
    ("n21.txt", "en", "number", "How much of the extra period had gone by when Brock Nelson scored the Islanders' winner at Pittsburgh?", ["2:55"]),
    ("n21.txt", "en", "paraphrase", "Why was Garnet Hathaway thrown out of the Capitals' game against Anaheim?", ["spitting"]),
    ("n21.txt", "hi", "cross-lingual", "पैट मैरून ने ऑफसीज़न में किस टीम के साथ एक साल का करार किया?", ["Lightning"]),
    ("n21.txt", "hi", "cross-lingual", "पैट मैरून मूल रूप से किस शहर के रहने वाले हैं?", ["St. Louis"]),
    ("n21.txt", "hi", "cross-lingual", "गार्नेट हैथवे ने झगड़े के दौरान किस खिलाड़ी पर थूका था?", ["Erik Gudbranson", "Gudbranson"]),

    # n22: Tim Cook at Dreamforce
    ("n22.txt", "en", "place", "At which Salesforce conference did Tim Cook sit down with Marc Benioff?", ["Dreamforce"]),
    ("n22.txt", "en", "number", "How many DACA recipients work at Apple?", ["450 Dreamers"]),
    ("n22.txt", "en", "date", "Since when has Marc Benioff had a soft spot for Apple?", ["1984"]),
    ("n22.txt", "en", "name", "Which music star surprised the Dreamforce crowd before Cook came on stage?", ["Alicia Keys"]),
    ("n22.txt", "en", "paraphrase", "According to Cook, what share of businesses build their own iPhone software?", ["eight out of ten"]),
    ("n22.txt", "hi", "cross-lingual", "टिम कुक के मुताबिक Apple प्राइवेसी को क्या मानती है?", ["fundamental human right"]),
    ("n22.txt", "hi", "cross-lingual", "सैन फ्रांसिस्को के किस थिएटर में स्टीव जॉब्स को याद करके कुक और बेनिओफ़ भावुक हो गए?", ["Yerba Buena"]),
    ("n22.txt", "hi", "cross-lingual", "ड्रीमफोर्स में टिम कुक से बातचीत करने वाले सेल्सफोर्स के संस्थापक कौन हैं?", ["Marc Benioff", "Benioff"]),

    # n23: Google Stadia launch
    ("n23.txt", "en", "number", "How much does Google charge each month for Stadia Pro?", ["$9.99"]),
    ("n23.txt", "en", "number", "How many games were available when Stadia launched?", ["22 games"]),
    ("n23.txt", "en", "name", "Which launch title can you play only on Stadia?", ["Gylt"]),
    ("n23.txt", "en", "name", "Which Google gaming executive talked to The Hollywood Reporter about Stadia?", ["Jack Buser", "Buser"]),
    ("n23.txt", "en", "paraphrase", "According to an IDC analyst, what is the weak spot of Google's game streaming service?", ["Achilles heel", "lineup"]),
    ("n23.txt", "hi", "cross-lingual", "गूगल स्टेडिया के प्रीमियर एडिशन की कीमत कितनी है?", ["$129.99"]),
    ("n23.txt", "hi", "cross-lingual", "ऐपल आर्केड सेवा कितने गेम्स के साथ शुरू हुई थी?", ["more than 60"]),
    ("n23.txt", "hi", "cross-lingual", "माइक्रोसॉफ्ट ने प्रोजेक्ट xCloud का शुरुआती संस्करण कितने बाज़ारों में उतारा?", ["13 markets"]),

    # n24: Fort Worth kidnapping rescue
    ("n24.txt", "en", "number", "How old is the child police rescued from a Forest Hill hotel room?", ["8-year-old"]),
    ("n24.txt", "en", "name", "What is the name of the man sentenced to life for kidnapping the Fort Worth girl?", ["Michael Webb", "Webb"]),
    ("n24.txt", "en", "place", "At which hotel did the kidnapper hold the Fort Worth girl?", ["WoodSpring Suites"]),
    ("n24.txt", "en", "date", "On what date was the Fort Worth girl grabbed while walking with her mother on 6th Avenue?", ["May 18"]),
    ("n24.txt", "en", "paraphrase", "How quickly did jurors reach their verdict in the Fort Worth kidnapping trial?", ["less than 10 minutes"]),
    ("n24.txt", "hi", "cross-lingual", "फोर्ट वर्थ में अपहरणकर्ता ने बच्ची को होटल के कमरे में किस चीज़ में छिपाया था?", ["laundry basket"]),
    ("n24.txt", "hi", "cross-lingual", "फोर्ट वर्थ की बच्ची के अपहरणकर्ता माइकल वेब को क्या सज़ा मिली?", ["life in federal prison", "life in prison"]),
    ("n24.txt", "hi", "cross-lingual", "अपहरण के दोषी माइकल वेब की उम्र कितनी है?", ["51"]),

    # h01: deportees return from the US (Hindi translation)
    ("h01.txt", "hi", "number", "अमेरिका से डिपोर्ट किए गए कितने भारतीय बुधवार को दिल्ली पहुंचे?", ["150 भारतीय"]),
    ("h01.txt", "hi", "place", "डिपोर्ट होकर लौटे जबरजंग सिंह का घर पंजाब में कहां है?", ["बठिंडा"]),
    ("h01.txt", "hi", "number", "अमेरिका पहुंचाने के बदले लखविंदर सिंह ने एजेंट को कितना पैसा चुकाया?", ["25 लाख रुपये", "25 लाख"]),
    ("h01.txt", "hi", "place", "निर्वासित भारतीयों को लाने वाला विमान दिल्ली एयरपोर्ट के किस टर्मिनल पर उतरा?", ["टर्मिनल T3", "T3"]),
    ("h01.txt", "hi", "date", "मैक्सिको ने 300 से अधिक भारतीयों को किस तारीख को वापस भेजा था?", ["18 अक्टूबर"]),
    ("h01.txt", "en", "cross-lingual", "How many times has Jabarjung Singh now been deported from the US?", ["चौथी बार"]),
    ("h01.txt", "en", "cross-lingual", "Which country did the deportation flight from the US stop in on its way to India?", ["बांग्लादेश"]),
    ("h01.txt", "en", "cross-lingual", "What time did the plane carrying the Indian deportees land in Delhi?", ["सुबह 6 बजे", "6 बजे"]),

    # h02: oxygen bar in Delhi (Hindi translation)
    ("h02.txt", "hi", "place", "दिल्ली का ऑक्सीजन बार किस इलाके के मॉल में खुला है?", ["साकेत"]),
    ("h02.txt", "hi", "name", "दिल्ली में शुद्ध हवा बेचने वाले ऑक्सीजन बार का क्या नाम है?", ["ऑक्सी प्योर", "Oxy Pure"]),
    ("h02.txt", "hi", "number", "साकेत के ऑक्सीजन बार में 15 मिनट सांस लेने का कितना खर्च आता है?", ["299 रुपये", "300 रुपये"]),
    ("h02.txt", "hi", "fact", "दिल्ली के ऑक्सीजन बार में ग्राहक कितनी शुद्धता वाली ऑक्सीजन लेते हैं?", ["80% से 90%"]),
    ("h02.txt", "hi", "number", "ऑक्सीजन बार वाली खबर के समय दिल्ली का AQI कितना था?", ["218"]),
    ("h02.txt", "en", "cross-lingual", "Who started the Oxy Pure oxygen bar in Delhi?", ["आर्यवीर कुमार", "मार्गरीटा कुरित्सिना"]),
    ("h02.txt", "en", "cross-lingual", "Where did the founders of Delhi's oxygen bar get the idea from?", ["लास वेगास"]),
    ("h02.txt", "en", "cross-lingual", "How long does a session at the Delhi oxygen bar last?", ["10-15 मिनट"]),

    # h03: Sensex record high (Hindi translation)
    ("h03.txt", "hi", "number", "20 नवंबर को सेंसेक्स किस रिकॉर्ड स्तर तक पहुंचा?", ["40,816.38"]),
    ("h03.txt", "hi", "name", "IIFL सिक्योरिटीज़ के किस अधिकारी ने कहा कि बाज़ार अर्थव्यवस्था से आगे चलते हैं?", ["संजीव भसीन"]),
    ("h03.txt", "hi", "fact", "सुप्रीम कोर्ट के किस फैसले से बैंकिंग शेयर चढ़े?", ["एस्सार स्टील"]),
    ("h03.txt", "hi", "name", "नोमुरा ने एस्सार स्टील फैसले से सबसे ज़्यादा फायदा किन बैंकों को बताया?", ["SBI", "ICICI बैंक"]),
    ("h03.txt", "hi", "date", "संजीव भसीन के अनुसार भारत में आर्थिक विकास किस साल लौटेगा?", ["2020 में"]),
    ("h03.txt", "en", "cross-lingual", "Who is the head of research at ICICI Securities?", ["पंकज पांडेय"]),
    ("h03.txt", "en", "cross-lingual", "Which investor said stock market bubbles do not grow out of thin air?", ["जॉर्ज सोरोस"]),
    ("h03.txt", "en", "cross-lingual", "Who heads fundamental research at Kotak Securities?", ["रुस्मिक ओझा"]),

    # h04: Mourinho replaces Pochettino (Hindi translation)
    ("h04.txt", "hi", "date", "मोरिन्हो टॉटेनहम में कब तक मैनेजर रहेंगे?", ["2022/23"]),
    ("h04.txt", "hi", "number", "पोचेटिनो कितने समय तक टॉटेनहम के मैनेजर रहे?", ["साढ़े पांच साल"]),
    ("h04.txt", "hi", "number", "टॉटेनहम के मुताबिक मोरिन्हो अपने करियर में कितनी बड़ी ट्रॉफियां जीत चुके हैं?", ["25 बड़ी ट्रॉफियां"]),
    ("h04.txt", "hi", "name", "स्पर्स के मैनेजर के रूप में मोरिन्हो किस टीम के खिलाफ पहला मैच खेलेंगे?", ["वेस्ट हैम"]),
    ("h04.txt", "hi", "number", "प्रीमियर लीग की तालिका में इस वक्त स्पर्स किस नंबर पर है?", ["14वें"]),
    ("h04.txt", "en", "cross-lingual", "When did Manchester United fire Jose Mourinho?", ["दिसंबर 2018"]),
    ("h04.txt", "en", "cross-lingual", "How old is Jose Mourinho?", ["56"]),
    ("h04.txt", "en", "cross-lingual", "Which broadcaster had Mourinho been working for as a pundit before Spurs hired him?", ["स्काई स्पोर्ट्स"]),

    # h05: first global geological map of Titan (Hindi translation)
    ("h05.txt", "hi", "number", "टाइटन चंद्रमा का व्यास कितने किलोमीटर है?", ["3,200 मील", "5,150 किलोमीटर"]),
    ("h05.txt", "hi", "name", "टाइटन का भूवैज्ञानिक नक्शा तैयार करने वाले शोध की अगुवाई किसने की?", ["रोज़ली लोपेस", "लोपेस"]),
    ("h05.txt", "hi", "number", "टाइटन का कितना इलाका समतल भूभाग है?", ["65 प्रतिशत"]),
    ("h05.txt", "hi", "date", "नासा का ड्रैगनफ्लाई ड्रोन टाइटन पर कब तक पहुंचेगा?", ["2034"]),
    ("h05.txt", "hi", "date", "कैसिनी यान ने किन वर्षों के बीच शनि का अध्ययन किया?", ["2004 से 2017"]),
    ("h05.txt", "en", "cross-lingual", "Which moon in the solar system is bigger than Titan?", ["गैनिमीड"]),
    ("h05.txt", "en", "cross-lingual", "What share of Titan's surface is covered by dunes?", ["17 प्रतिशत"]),
    ("h05.txt", "en", "cross-lingual", "Which hydrocarbon can a bacterium on Earth live on, according to Michael Malaska?", ["एसिटिलीन"]),

    # h06: Amnesty on Iran protest killings (Hindi translation)
    ("h06.txt", "hi", "number", "एमनेस्टी इंटरनेशनल के अनुसार ईरान में कम से कम कितने प्रदर्शनकारियों की मौत हुई?", ["106"]),
    ("h06.txt", "hi", "fact", "ईरान में विरोध प्रदर्शन भड़कने की वजह क्या थी?", ["ईंधन की कीमतों"]),
    ("h06.txt", "hi", "number", "ईरान के कितने शहरों में प्रदर्शन फैल गए?", ["100 से ज़्यादा शहरों"]),
    ("h06.txt", "hi", "name", "ईरान में प्रदर्शनकारियों पर दमन तुरंत रोकने की मांग एमनेस्टी के किस अधिकारी ने की?", ["फिलिप लूथर"]),
    ("h06.txt", "hi", "date", "ईरान में ईंधन के दाम किस दिन बढ़ाए गए थे?", ["15 नवंबर"]),
    ("h06.txt", "en", "cross-lingual", "According to Iranian state media, how many members of the security forces were killed in the protests?", ["चार सदस्यों"]),
    ("h06.txt", "en", "cross-lingual", "What is the highest death toll some reports give for Iran's fuel protests?", ["200 लोगों"]),
    ("h06.txt", "en", "cross-lingual", "Where did snipers shoot at protesters in Iran from?", ["छतों", "हेलीकॉप्टर"]),

    # h07: cannabis use disorder study (Hindi translation)
    ("h07.txt", "hi", "number", "अमेरिका में गांजा वैध होने के असर पर हुए अध्ययन में कितने लोगों के सर्वे खंगाले गए?", ["5,05,796"]),
    ("h07.txt", "hi", "name", "वैध राज्यों में गांजे की लत बढ़ने वाला अध्ययन किस मेडिकल पत्रिका में छपा?", ["जामा साइकियाट्री", "JAMA Psychiatry"]),
    ("h07.txt", "hi", "number", "मारिजुआना वैध होने के बाद 26 साल से ज़्यादा उम्र के लोगों में उसका समस्याग्रस्त सेवन कितना बढ़ा?", ["37 प्रतिशत"]),
    ("h07.txt", "hi", "name", "अमेरिका में गांजे की लत बढ़ने वाले अध्ययन की वरिष्ठ लेखिका कौन हैं?", ["सिल्विया एस. मार्टिन्स", "मार्टिन्स"]),
    ("h07.txt", "hi", "number", "अमेरिका में अब तक कितने राज्य शौकिया तौर पर गांजा पीने को वैध कर चुके हैं?", ["11 राज्यों"]),
    ("h07.txt", "en", "cross-lingual", "In the US study on cannabis use disorder, which states had legalized the drug by 2016?", ["कोलोराडो", "वॉशिंगटन", "अलास्का", "ओरेगन"]),
    ("h07.txt", "en", "cross-lingual", "Which university does drug expert Ian Hamilton work at?", ["यूनिवर्सिटी ऑफ यॉर्क"]),
    ("h07.txt", "en", "cross-lingual", "How much did cannabis use disorder among 12 to 17 year olds rise in legal states?", ["25 प्रतिशत"]),

    # h08: WeWork layoffs (Hindi translation)
    ("h08.txt", "hi", "number", "वीवर्क में कुल कितने कर्मचारी काम करते हैं?", ["12,000"]),
    ("h08.txt", "hi", "name", "वीवर्क के चेयरमैन कौन हैं?", ["मार्सेलो क्लॉरे"]),
    ("h08.txt", "hi", "number", "IPO की योजना रद्द होने के बाद वीवर्क की कीमत अब कितनी आंकी जा रही है?", ["8 अरब डॉलर"]),
    ("h08.txt", "hi", "date", "वीवर्क के रखरखाव कर्मचारियों की नौकरी किस दिन खत्म होगी?", ["9 दिसंबर"]),
    ("h08.txt", "hi", "number", "सॉफ्टबैंक ने वीवर्क को बचाने के लिए कितने पैसे देने का वादा किया?", ["9.5 अरब डॉलर"]),
    ("h08.txt", "en", "cross-lingual", "Which WeWork co-founder stepped down as CEO in October?", ["एडम न्यूमैन"]),
    ("h08.txt", "en", "cross-lingual", "Which company agreed to take on around 1,000 of WeWork's maintenance and cleaning staff?", ["JLL"]),
    ("h08.txt", "en", "cross-lingual", "How many WeWork employees in total are expected to get layoff notices?", ["4,000"]),
]
