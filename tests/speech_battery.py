"""A battery of reported-speech sentences, written for Parley (speech10), with counter-cases.

Every item is our own words: invented people, places and numbers, in the constructions issue 12
lists (reported speech beyond "said", claim frames in relative clauses and participles, groups
that speak together, a one-sentence lede) and sentences where the same verb or noun is not
speech ("the report found its way", "he insisted on paying"). ``bench/reported_speech.py``
measures recall and precision of the claims over it; ``tests/test_speech_leftovers.py`` pins the
rules.

An item is ``(key, text, expected)``: ``expected`` lists ``(source words, claim words)`` that an
analyst expects as claims (the source's words must appear in the reporter's text, the claim's
in the claim's text; "A|B" asks for each of A and B, in one record or in one each); a direct
quote counts as a record too (the lede items keep theirs). An empty list means no record at
all. Unless the text starts with its own title line (or is a lede item), the bench puts a
neutral title before it, so the sentence is a body paragraph.
"""

from __future__ import annotations

Expected = list[tuple[str, str]]
Item = tuple[str, str, Expected]

RELATIVE: list[Item] = [
    (
        "rel-who-said",
        "The minister, who said the talks had failed, left the capital on Sunday.",
        [("minister", "the talks had failed")],
    ),
    (
        "rel-who-said-named",
        "Petra Hollis, who said the ceasefire would not hold, resigned on Friday.",
        [("Petra Hollis", "the ceasefire would not hold")],
    ),
    (
        "rel-who-told",
        "Colonel Bram Oduya, who told reporters that the convoy had been shelled, "
        "was recalled to the base.",
        [("Bram Oduya", "the convoy had been shelled")],
    ),
    (
        "rel-speaking-anon",
        "Officials, speaking on condition of anonymity, said the deal was close.",
        [("Officials", "the deal was close")],
    ),
    (
        "rel-declined-named",
        "A spokesman who declined to be named said the border would reopen.",
        [("spokesman", "the border would reopen")],
    ),
    (
        "rel-participle-saying",
        "The envoy left Tarvosa on Monday, saying the mediators had run out of ideas.",
        [("envoy", "the mediators had run out of ideas")],
    ),
    (
        "rel-participle-arguing",
        "Senator Ilse Varga blocked the bill, arguing that it would weaken the embassy.",
        [("Ilse Varga", "it would weaken the embassy")],
    ),
    (
        "rel-which-said",
        "The ministry, which said the shipment had been seized, gave no figures.",
        [("ministry", "the shipment had been seized")],
    ),
    (
        "rel-whose",
        "Gareth Omondi, whose party said the vote was rigged, refused to concede.",
        [("party", "the vote was rigged")],
    ),
    (
        "rel-after-saying",
        "The delegation walked out after saying the agenda was unacceptable.",
        [("delegation", "the agenda was unacceptable")],
    ),
    (
        "rel-anon-long",
        "A diplomat familiar with the talks, who asked not to be named, said the "
        "sides were far apart.",
        [("diplomat", "the sides were far apart")],
    ),
    (
        "rel-spoke-anon",
        "The officer, who spoke on condition of anonymity, told reporters the "
        "garrison had surrendered.",
        [("officer", "the garrison had surrendered")],
    ),
    (
        "rel-post-who-added",
        "The talks will resume in May, said Ines Catrell, who added that both "
        "delegations had agreed on an agenda.",
        [
            ("Ines Catrell", "The talks will resume in May"),
            ("Ines Catrell", "both delegations had agreed on an agenda"),
        ],
    ),
    (
        "rel-speaking-to",
        "Speaking to reporters in Lomar, the prime minister said the grain "
        "corridor would stay open.",
        [("prime minister", "the grain corridor would stay open")],
    ),
    (
        "rel-who-claimed",
        "The rebels, who claimed the town had fallen, posted photos of the square.",
        [("rebels", "the town had fallen")],
    ),
    (
        "rel-adding",
        "The minister said the budget was agreed, adding that the vote would take place on Friday.",
        [
            ("minister", "the budget was agreed"),
            ("minister", "the vote would take place on Friday"),
        ],
    ),
    (
        "rel-object-who-said",
        "Reporters met Yusuf Demba, who said the camp was running out of water.",
        [("Yusuf Demba", "the camp was running out of water")],
    ),
]

VERBS: list[Item] = [
    (
        "complained",
        "Farmers complained that the new tariffs had halved their income.",
        [("Farmers", "the new tariffs had halved their income")],
    ),
    (
        "complained-named",
        "Mayor Tomas Reyko complained the army had ignored his warnings.",
        [("Tomas Reyko", "the army had ignored his warnings")],
    ),
    (
        "linked",
        "The governor linked the attack to a militia based across the river.",
        [("governor", "the attack to a militia")],
    ),
    (
        "linked-named",
        "Hana Dorsey linked the blackout to sabotage by foreign agents.",
        [("Hana Dorsey", "the blackout to sabotage")],
    ),
    (
        "insisted",
        "The foreign minister insisted that no troops would cross the border.",
        [("foreign minister", "no troops would cross the border")],
    ),
    (
        "insisted-bare",
        "Kessler insisted the sanctions were working.",
        [("Kessler", "the sanctions were working")],
    ),
    (
        "acknowledged",
        "The general acknowledged that his forces had lost the airport.",
        [("general", "his forces had lost the airport")],
    ),
    (
        "acknowledged-bare",
        "Officials acknowledged the talks had stalled.",
        [("Officials", "the talks had stalled")],
    ),
    (
        "claimed-resp",
        "A group calling itself the Northern Front claimed responsibility for the bombing.",
        [("Northern Front", "the bombing")],
    ),
    (
        "claimed-resp-named",
        "The Halvar Brigades claimed responsibility for the attack on the pipeline on Tuesday.",
        [("Halvar Brigades", "the attack on the pipeline")],
    ),
    (
        "study-found",
        "A study by the University of Merlow found that the aid had reached only a "
        "third of the villages.",
        # the study's author speaks for it (speech9's rule, issue 12 class 4)
        [("University of Merlow", "the aid had reached only a third of the villages")],
    ),
    (
        "report-found",
        "The report found that police had used excessive force in Darvel.",
        [("report", "police had used excessive force")],
    ),
    (
        "survey-showed",
        "A survey by the Corvin Institute showed that most voters backed the treaty.",
        [("Corvin Institute", "most voters backed the treaty")],
    ),
    (
        "stmt-saying",
        "The ministry issued a statement saying the ambassador had been summoned.",
        [("ministry", "the ambassador had been summoned")],
    ),
    (
        "stmt-saying-named",
        "Vice President Odile Marchetti issued a statement saying the election would go ahead.",
        [("Odile Marchetti", "the election would go ahead")],
    ),
    (
        "stmt-that",
        "The rebels released a statement that said the prisoners were safe.",
        [("rebels", "the prisoners were safe")],
    ),
    (
        "letter-to",
        "In a letter to the Security Council, the ambassador said the blockade violated the truce.",
        [("ambassador", "the blockade violated the truce")],
    ),
    (
        "letter-to-wrote",
        "In a letter to the president, Omar Taleb wrote that the reforms had stalled.",
        [("Omar Taleb", "the reforms had stalled")],
    ),
    (
        "letter-end",
        "The opposition leader said the count was flawed, in a letter to the electoral commission.",
        [("opposition leader", "the count was flawed")],
    ),
    (
        "acc-front",
        "According to the health ministry, 40 people were killed in the strike.",
        [("health ministry", "40 people were killed in the strike")],
    ),
    (
        "acc-end",
        "Forty people were killed in the strike, according to the health ministry.",
        [("health ministry", "Forty people were killed in the strike")],
    ),
    (
        "acc-mid",
        "The convoy, according to local officials, was turned back at the border.",
        [("local officials", "The convoy")],
    ),
    (
        "acc-person",
        "According to Ruth Anselm, the negotiators met twice in secret.",
        [("Ruth Anselm", "the negotiators met twice in secret")],
    ),
    (
        "acc-statement",
        "According to a statement from the embassy, the consulate will close on Friday.",
        [("embassy", "the consulate will close on Friday")],
    ),
    (
        "warned",
        "The central bank warned that inflation could double.",
        [("central bank", "inflation could double")],
    ),
    (
        "denied",
        "The army denied that its soldiers had fired on protesters.",
        [("army", "its soldiers had fired on protesters")],
    ),
    (
        "accused",
        "The opposition accused the government of rigging the vote.",
        [("opposition", "the government of rigging the vote")],
    ),
    (
        "admitted",
        "The defence minister admitted the drone had been shot down.",
        [("defence minister", "the drone had been shot down")],
    ),
    (
        "conceded",
        "Rival candidate Jonas Pell conceded that he had lost the runoff.",
        [("Jonas Pell", "he had lost the runoff")],
    ),
    (
        "told",
        "Anders Kvist told the committee that the funds had been misused.",
        [("Anders Kvist", "the funds had been misused")],
    ),
    (
        "acc-mid-verb",
        "The convoy was, according to local officials, turned back at the border.",
        [("local officials", "turned back at the border")],
    ),
    (
        "acc-familiar",
        "The deal is almost done, according to a person familiar with the matter.",
        [("person familiar", "The deal is almost done")],
    ),
    (
        "acc-diplomats-who",
        "According to diplomats who attended the meeting, the envoy threatened to resign.",
        [("diplomats", "the envoy threatened to resign")],
    ),
    (
        "complained-to",
        "Hotel owners complained to the council that the new tax would drive tourists away.",
        [("Hotel owners", "the new tax would drive tourists away")],
    ),
    (
        "linked-tied",
        "Investigators tied the explosion to a faulty valve.",
        [("Investigators", "the explosion to a faulty valve")],
    ),
    (
        "insisted-pron",
        "Talks with the rebels were going well, Adeola Brink insisted.",
        [("Adeola Brink", "Talks with the rebels were going well")],
    ),
    (
        "acknowledged-post",
        "Mistakes were made in the first week, the commander acknowledged.",
        [("commander", "Mistakes were made in the first week")],
    ),
    (
        "study-concluded",
        "An investigation by the auditors concluded that the funds had been diverted.",
        [("investigation", "the funds had been diverted")],
    ),
    (
        "poll-suggests",
        "A poll released on Sunday suggests that the ruling party will lose its majority.",
        [("poll", "the ruling party will lose its majority")],
    ),
    (
        "stmt-posted",
        "In a statement posted online, the militia said it had freed the hostages.",
        [("militia", "it had freed the hostages")],
    ),
    (
        "letter-wrote-to",
        "Kurt Alvez wrote to the prosecutor that the evidence had been planted.",
        [("Kurt Alvez", "the evidence had been planted")],
    ),
]

GROUPS: list[Item] = [
    (
        "group-senators",
        "Senators Amy Croft, Dale Hume and Rosa Petit wrote in a letter that the "
        "arms sale should be paused.",
        [("Amy Croft|Dale Hume|Rosa Petit", "the arms sale")],
    ),
    (
        "group-lawmakers",
        "Lawmakers Ben Ayodele and Clara Voss said the budget would be cut.",
        [("Ben Ayodele|Clara Voss", "the budget would be cut")],
    ),
    (
        "group-ministers",
        "The foreign ministers of Alvania and Brevnia said the summit would be held in June.",
        [("foreign ministers", "the summit would be held in June")],
    ),
    (
        "group-two-named",
        "Martin Lode and Eva Strand said the treaty was dead.",
        [("Martin Lode|Eva Strand", "the treaty was dead")],
    ),
    (
        "group-reps-letter",
        "In a letter to the secretary of state, Representatives Lena Ortiz, "
        "Paul Haddad and Wes Kim said the aid had been delayed.",
        [("Lena Ortiz|Paul Haddad|Wes Kim", "the aid had been delayed")],
    ),
    (
        "group-senators-signed",
        "Senators Nils Berg and Hope Adair said in a joint statement that the nominee was unfit.",
        [("Nils Berg|Hope Adair", "the nominee was unfit")],
    ),
]

COUNTER: list[Item] = [
    ("c-report-way", "The report found its way to the editors within a week.", []),
    ("c-insisted-paying", "He insisted on paying for the dinner himself.", []),
    ("c-complained-of", "The prisoner complained of chest pains and was taken to hospital.", []),
    ("c-linked-road", "The new road linked the port to the capital.", []),
    ("c-acknowledged-applause", "The president acknowledged the applause with a wave.", []),
    ("c-claimed-lives", "The floods claimed the lives of twelve people.", []),
    ("c-letter-delivered", "A letter to the embassy was delivered on Monday.", []),
    ("c-according-plan", "The troops withdrew according to plan.", []),
    ("c-study-abroad", "She went to study abroad in 2010.", []),
    ("c-found-bodies", "Rescuers found two bodies in the rubble.", []),
    ("c-statement-dress", "Her red jacket made a statement at the summit.", []),
    ("c-who-arrived", "The minister, who arrived late, took her seat.", []),
    ("c-speaking-of", "The delegates, speaking French, ordered coffee.", []),
    ("c-denied-entry", "The journalist was denied entry at the airport.", []),
    ("c-according-rules", "The seats were shared according to the rules of the assembly.", []),
    ("c-according-schedule", "According to the schedule, the ferry leaves at noon.", []),
    ("c-linked-pipeline", "A pipeline links the gas field to the coast.", []),
    ("c-insisted-on-talks", "The mediators insisted on a second round of talks.", []),
    ("c-warned-off", "Guards warned the crowd off the bridge.", []),
    ("c-found-guilty", "The court found him guilty of fraud.", []),
    ("c-claimed-seat", "The party claimed a majority of seats in the chamber.", []),
    ("c-wrote-book", "In 2019 she wrote a book about the war.", []),
]

LEDES: list[Item] = [
    (
        "lede-no-title",
        "The interior minister said on Monday that the curfew would be lifted.\n\n"
        "The curfew was imposed in March after riots in the capital. Shops have been closed since.",
        [("interior minister", "the curfew would be lifted")],
    ),
    (
        "lede-with-title",
        "Curfew to end\n\nThe interior minister said on Monday that the curfew "
        "would be lifted.\n\nThe curfew was imposed in March after riots in the capital.",
        [("interior minister", "the curfew would be lifted")],
    ),
    (
        "lede-according",
        "Thirty soldiers were captured near Velo, according to the army.\n\n"
        "The fighting began on Sunday. Both sides sent reinforcements.",
        [("army", "Thirty soldiers were captured near Velo")],
    ),
    (
        "lede-quote-end",
        "The rights group alleged on Thursday that guards \u201cbeat prisoners "
        "at will.\u201d\n\nThe group interviewed 60 former inmates. The prison service did not "
        "reply.",
        [("rights group", "beat prisoners at will")],
    ),
    (
        "lede-quote-end-title",
        "Guards accused\n\nThe rights group alleged on Thursday that guards "
        "\u201cbeat prisoners at will.\u201d\n\nThe group interviewed 60 former inmates.",
        [("rights group", "beat prisoners at will")],
    ),
    (
        "lede-short-quote",
        "Minister Ada Kiel said the harbour was \u201csafe again.\u201d\n\n"
        "The harbour was closed in May. Ships have returned since.",
        [("Ada Kiel", "the harbour was"), ("Ada Kiel", "safe again")],
    ),
]

# The left-overs of rounds 10–12 (speech14): a source named in the sentence's own subject,
# transcripts, a description traced back, sentence ends, a list of claims after a colon.
LEFTOVERS2: list[Item] = [
    (
        "l2-issuer-compound",
        "We are waiting for Nora Vance's statement to the chamber at noon. The last Defence "
        "Ministry statement said the base was still surrounded.",
        [("Defence Ministry", "the base was still surrounded")],
    ),
    (
        "l2-issuer-possessive",
        "Nora Vance gave a statement on Monday. The ministry's latest statement said the "
        "crossing stays closed until May.",
        [("ministry", "the crossing stays closed until May")],
    ),
    (
        "l2-statement-goes-on",
        "Nora Vance said in a statement that the talks would resume. The statement added "
        "that the crossing stays closed.",
        [("Nora Vance", "the talks would resume"), ("Nora Vance", "the crossing stays closed")],
    ),
    (
        "l2-columnist",
        "Prime Minister Ivo Marsh said on Monday that the raid was the army's call.\n\n"
        "Two pieces stand out. Lena Strom in the Coastal Times offers a sharp account of "
        "the raid. There is a point worth noting - she suggests the cabinet will not blame "
        "the army.",
        [
            ("Ivo Marsh", "the raid was the army's call"),
            ("Lena Strom", "the cabinet will not blame the army"),
        ],
    ),
    (
        "l2-transcript",
        "MR. HALE: Good evening. Our speaker is the deputy adviser, Anna Rios. Anna?\n\n"
        "MS. RIOS: Thanks, Tom. I would just say that the dinner was very productive.\n\n"
        "Q: Did they discuss the pipeline?\n\n"
        "MR. McDOUGALL: They did. The president raised it twice.",
        [
            ("Rios", "I would just say that the dinner was very productive"),
            ("McDOUGALL", "They did. The president raised it twice."),
        ],
    ),
    (
        "l2-au-head",
        "AU Commission chair Omar Diallo spoke to reporters on Tuesday. The AU head said "
        "the takeover looked like a coup.",
        [("Omar Diallo", "the takeover looked like a coup")],
    ),
    (
        "l2-ex-minister",
        "\u201cThe reforms were rushed,\u201d said former finance minister Petra Lind. The "
        "ex-minister said the budget would miss its target.",
        [
            ("Petra Lind", "The reforms were rushed"),
            ("Petra Lind", "the budget would miss its target"),
        ],
    ),
    (
        "l2-hon",
        "The hon. Member for Eastfield said the convoy had been stopped at the border.",
        [("Member for Eastfield", "the convoy had been stopped at the border")],
    ),
    (
        "l2-crosshead",
        "The commission said the ruling party won 28 seats.\n\n"
        "President denies fraud allegations\n\n"
        "President Azim Kora said the vote was fair.",
        [("commission", "the ruling party won 28 seats"), ("Azim Kora", "the vote was fair")],
    ),
    (
        "l2-list",
        "Human Rights Monitor released a report on Thursday. The report claims:\n\n"
        "- guards beat detainees at the Kesh camp;\n- families were not told of arrests.",
        [
            ("Human Rights Monitor", "guards beat detainees at the Kesh camp"),
            ("Human Rights Monitor", "families were not told of arrests"),
        ],
    ),
    (
        "l2-c-list",
        "Human Rights Monitor released a report on Thursday. The report lists:\n\n"
        "- three camps in the north;\n- two prisons in the south.",
        [],
    ),
]

BATTERY: list[Item] = [*RELATIVE, *VERBS, *GROUPS, *COUNTER, *LEDES, *LEFTOVERS2]

# Written after the rules above, with expectations set down before any run, and never used to
# change a rule: a check that the rules are general (``bench/reported_speech.py --held-out``).
HELD_OUT: list[Item] = [
    (
        "h-before-saying",
        "The mayor paused before saying the dam would hold.",
        [("mayor", "the dam would hold")],
    ),
    (
        "h-while-insisting",
        "The coach smiled while insisting that the team was ready.",
        [("coach", "the team was ready")],
    ),
    (
        "h-acc-mid-named",
        "The shipment, according to Lars Heid, never left the warehouse.",
        [("Lars Heid", "never left the warehouse")],
    ),
    ("h-acc-custom", "The dead were buried according to local custom.", []),
    ("h-acc-law", "According to the law, elections must be held by May.", []),
    ("h-ties-friendship", "A long friendship ties the two families together.", []),
    (
        "h-tied-blast",
        "Detectives tied the blast to a gang from the north.",
        [("Detectives", "the blast to a gang")],
    ),
    (
        "h-group-letter",
        "Governors Ana Ruiz and Peter Stone wrote in a joint letter that the funds were late.",
        [("Ana Ruiz|Peter Stone", "the funds were late")],
    ),
    (
        "h-complained-to",
        "Parents complained to the school board that the buses were late.",
        [("Parents", "the buses were late")],
    ),
    (
        "h-lede-quote",
        "The union warned on Monday that the strike would \u201cshut every "
        "port.\u201d\n\nTalks broke down last week. Both sides blame each other.",
        [("union", "shut every port")],
    ),
    (
        "h-rel-who-insisted",
        "The judge, who insisted the trial was fair, retired in June.",
        [("judge", "the trial was fair")],
    ),
    ("h-c-who-left", "The envoy, who left early, missed the vote.", []),
    # speech14, written before its rules were run
    (
        "h2-issuer-compound",
        "Officials expect Omar Bakri's speech to the assembly tonight. The latest Foreign "
        "Office statement said two hostages had been freed.",
        [("Foreign Office", "two hostages had been freed")],
    ),
    (
        "h2-un-head",
        "UN refugee chief Karen Holt visited the camp on Friday. The UN head said the camp "
        "was overcrowded.",
        [("Karen Holt", "the camp was overcrowded")],
    ),
    (
        "h2-list-said",
        "The ministry said in a statement:\n\n- the border will reopen on Monday;\n"
        "- trucks must be inspected.",
        [
            ("ministry", "the border will reopen on Monday"),
            ("ministry", "trucks must be inspected"),
        ],
    ),
    (
        "h2-rt-hon",
        "The Rt. Hon. Member for Westbury said the troops would stay until June.",
        [("Member for Westbury", "the troops would stay until June")],
    ),
    (
        "h2-crosshead",
        "The envoy arrived on Monday.\n\nMinister rejects the offer\n\n"
        "The minister said the offer came too late.",
        [("minister", "the offer came too late")],
    ),
]
TITLED = {"lede-with-title", "lede-quote-end-title"}
