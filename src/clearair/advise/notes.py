"""Notes beside the advice for conduct that has a route of its own outside work: the police for a grab or a threat
aimed at the writer, a safety regulator for pressure to work unsafely, and keeping out of a breach for pressure to
break the rules. Read from the serious conduct others did (lexicon ``conduct``), never from the writer's own. And a
note for pay the writer is owed for work done, which has its own route whatever else they decide (``pay_notes``)."""

from __future__ import annotations

import re

from clearair.advise.phrases import inside_quotes
from clearair.models import Situation

#: The report's note where what happened includes a grab, being followed, damage to the writer's things or menacing
#: words aimed at them (a red team found stalking and slashed tyres answered with HR alone).
POLICE_NOTE = ("What you describe includes a threat or physical intimidation. If you are afraid for your safety or "
               "your property, you can report it to the police as well; that does not have to wait for HR or a "
               "manager.")
#: ... where the writer was touched without their consent ("touched my bum", "grabbed my backside"): a red team found a
#: driver's grab answered with HR alone and "would going to the police be an overreaction?" left unanswered.
TOUCH_NOTE = ("What you describe includes being touched without your consent. You can report that to the police as "
              "well; that does not have to wait for HR or a manager.")
#: ... where someone is pressed to work unsafely (a red team found roof work without harnesses, after a near fall,
#: answered with a complaint to the owner alone).
SAFETY_NOTE = ("What you describe puts people's safety at risk. You do not have to do work you believe is unsafe "
               "while it is sorted out, and you can report it to the workplace safety regulator where you are; that "
               "does not have to wait for a manager, and in many places the law protects people who raise safety "
               "concerns.")
#: ... where someone is pressed to falsify records or figures, or to cover something up (a red team found an order to
#: move sales figures before a bank saw them answered with a complaint about "how I have been treated").
RULES_NOTE = ("What you describe is being pressed to do something that may break the rules or the law. Do not make "
              "the change; keep a copy of the instruction and a dated note of what was said. A lawyer, your "
              "professional body or a whistleblowing adviser can tell you where you stand, and in many places the "
              "law protects people who report it.")
#: ... where what is pressed is a signature for checks or inspections not done (red team 37: a technician asked to
#: sign for lift checks never carried out was never told not to sign the next one).
SIGN_NOTE = ("What you describe is being pressed to sign for something that was not done or that you did not see. Do "
             "not sign any more of them; keep a copy of the request and a dated note of what was said. If you have "
             "already signed one, a lawyer, your professional body or a whistleblowing adviser can tell you how to put "
             "the record right, and in many places the law protects people who report it.")
#: ... where the letter tells of someone else breaking the rules, not of the writer being pressed to (a red team found
#: "Do not make the change" said to a nurse whose aide signs charts for turns not done).
RULES_SEEN_NOTE = ("What you describe may break the rules or the law. Keep a dated note of what you saw, and report it "
                   "through the route your workplace has for it (the person responsible, a manager above them, or a "
                   "whistleblowing line); in many places the law protects people who report it.")

#: Force on someone's body: "grabbed her", "shoved a trainee", "punched him" (not a slammed hand or a stare).
_FORCE = re.compile(r"\b(?:grab\w*|shov\w*|push\w*|punch\w*|hit|hits|kick\w*|slap\w*|chok\w*|headbutt\w*|pinn\w*|"
                    r"dragg?\w*|yank\w*|twist\w*|thump\w*|smack\w*|strangl\w*|threw (?:him|her|them))\b", re.IGNORECASE)
#: A parent just before the act: "the kid's mom grabbed him" pulls a child clear (red team 42: read as an assault).
_A_PARENT = re.compile(r"\b(?:mum|mom|mother|dad|father|parent)s?\s*$", re.IGNORECASE)
#: The writer just before the act: "I lost it: I grabbed him" is their own (the parse may not see it).
_BY_THE_WRITER = re.compile(r"\b(?:I|we)\s+(?:[a-z]+\s+){0,4}$")
FORCE_ON_OTHERS_NOTE = ("What you describe includes force used on someone's body at work. That may be a crime: the "
                        "person it was done to can report it to the police, and you can support them in that. Keep any "
                        "camera footage and a note of who saw it, and keep them away from the person who did it.")
#: Someone waiting outside for a worker at the end of her shift, or following her out (red team 45: a dismissed barista
#: waited outside for a 17-year-old colleague, and the owner got no word on her safety).
_WAITED_FOR_SOMEONE = re.compile(r"\b(?:waited|waits|waiting|hung around|hangs around|hanging around|lurk\w*|loiter\w*|"
                                 r"sat in (?:his|her|their) (?:car|van|truck))\b[^.?!]{0,40}\b(?:when|until|till|for) "
                                 r"(?:she|he|they|her|him|them)\b[^.?!]{0,20}\b(?:finished|left|came out|clocked off|"
                                 r"closed|locked up|got off)\b", re.IGNORECASE)
WAITED_FOR_SOMEONE_NOTE = ("Someone waiting for a worker after their shift is a safety matter, whatever else is going "
                           "on: make sure they do not leave alone until it is settled, tell them (and a parent or "
                           "guardian, if they are under 18) what you are doing, keep a dated note, and report it to "
                           "the police; that does not have to wait for anything at work.")
#: Conduct that puts the writer's own safety at stake: a grab, being followed home, damage to their things.
_DANGER = ("physical_intimidation", "menacing_words")
#: ... aimed at the writer ("grabbed me", "my tyres", "where I live", "I'm afraid he'll hit"): "I grabbed him and
#: pushed him" is not, even where the parse does not see that the writer did it.
_FIRST_PERSON = r"me|my|myself|i|i'm|i've"
AT_THE_WRITER = re.compile(rf"\b({_FIRST_PERSON}|you|your|afraid|scared|frightened)\b", re.IGNORECASE)
#: ... or just after it, the writer as the one waited for: "he was waiting in the car park when I left", "waiting for
#: me by the staff door" (red team 49: a turned-down candidate waiting in the car park got no police line).
_WHEN_THE_WRITER = re.compile(r"^[^.?!]{0,20}?\b(?:when|until|till|as|for|after) (?:i|me|my)\b", re.IGNORECASE)
#: Menacing words that say where or when the writer can be found leaving work: "I know what time you finish and where
#: you park" (a threat to their home keeps the police line, ``POLICE_NOTE``).
_WHERE_TO_FIND_ME = re.compile(r"\b(?:where (?:i|you) park|what time (?:i|you) (?:finish|leave|get off|"
                               r"clock out|go home)|(?:walk|way) (?:to|back to|out to) (?:my|your) "
                               r"(?:car|bus|station)|(?:in|at) the car ?park|after (?:the|my|your) shift)\b",
                               re.IGNORECASE)
#: Messages or notes that show the sender knows where the writer lives: "your street is quiet at night", "the colour of
#: my front door", "I know where you live" (red team 57: texts to a writer who lives alone got no safety step).
_KNOWS_MY_HOME = re.compile(r"\b(?:your|my) (?:street|road|front door|house|flat|building|driveway)\b[^.?!]{0,40}"
                            r"\b(?:quiet|dark|at night|colou?r|number|looks?|lights?)\b|\b(?:colou?r|number) of "
                            r"(?:my|your) (?:front door|house|flat|car)\b|\bknows? where (?:i|you) live\b|"
                            # "nice house", "saw you at the park today" (red team 59: messages about the writer's
                            # home and children went to her manager, with "let it go" second)
                            r"[\"“']\s*(?:nice|lovely|big) (?:house|home|flat|garden)\b|"
                            r"\bsaw you (?:at|in|outside|near|by) (?:the )?(?:park|school|school gates|gym|shops?|"
                            r"supermarket|your house|home)\b",
                            re.IGNORECASE)
#: ... from someone who watches her: a safety step at home as well as at work.
HOME_SAFETY_NOTE = ("Messages that show someone knows where you live are a safety matter, not only a work one. Keep "
                    "every message as it is (screenshots with the number and times), tell the police now, and tell "
                    "your manager or HR so they can trace who has the number. Until it is dealt with, let someone you "
                    "trust know when you get home, and do not reply to the sender.")
#: The writer's health told to others at work without their agreement: "she … said 'we've been covering for Jo because
#: of her pregnancy loss' and then read out a bit of my message" (red teams 55 and 57: answered with an apology or "let
#: it go").
_MY_HEALTH_SHARED = re.compile(
    r"(?<!I )\b(?:read out|reading out|shared|sharing|posted|posting|forwarded|announced|mentioned|screenshots? of|"
    r"told (?:everyone|everybody|people|others|the others|(?:my |our |the )?(?:colleagues|coworkers|co-workers)|"
    r"the (?:whole |entire |rest of the )?(?:team|shift|ward|office|department|crew|staff|floor|unit|class|group)))\b"
    r"[^.?!]{0,120}\b(?:(?:my|her|his) (?:private )?"
    r"(?:miscarriage|pregnancy loss|pregnancy|diagnosis|medical|health|condition|illness|"
    r"sick note|therapy|medication|mental health|cancer|depression|anxiety|surgery|operation)|"
    r"(?:that )?I(?:'d| had| have| was having| am| was|'m) (?:had |got |been diagnosed with |having )?(?:a |an )?"
    r"(?:miscarriage|cancer|depression|anxiety|surgery|an operation|operation|breakdown|nervous breakdown|"
    r"diagnosis|tumou?r|ms|epilepsy|hiv|an eating disorder|eating disorder|bipolar|adhd|autism|pregnant))\b|"
    r"(?<!I )\b(?:said|told|announced|covering for \w+)\b[^.?!]{0,80}\bbecause of (?:her|his|my) (?:miscarriage|"
    r"pregnancy loss|diagnosis|illness|cancer|depression|breakdown|surgery)\b", re.IGNORECASE)
PRIVACY_NOTE = ("Your health is private. Someone at work telling others about it without your agreement is a serious "
                "breach of trust and, in many places, of privacy or data-protection rules. Write down what was said, "
                "when and who heard it, and raise it in writing with HR or the manager above them: ask that it stop, "
                "that it is not repeated, and that it plays no part in any review of you.")


#: Someone the writer manages gives a health reason for what they will not do: "She says her back can't do the mopping
#: every night", "he has arthritis in his hands", "she's pregnant and can't lift".
_THEIR_HEALTH = re.compile(
    r"\b(?:her|his|their) (?:bad )?(?:back|knees?|shoulders?|hips?|wrists?|hands?|arthritis|health|condition|"
    r"disability|pregnancy|asthma|migraines?|anxiety|depression|heart)\b[^.?!]{0,25}\b(?:can['’]?t|cannot|"
    r"won['’]?t let|isn['’]?t up to|is not up to|is bad|is playing up|hurts?|struggles?|makes? it hard|"
    r"stops? (?:her|him|them))\b|"
    r"\b(?:she|he|they)(?:['’]s| is| are| has| have)(?: got)? (?:pregnant|disabled|a bad back|bad knees|arthritis|"
    r"a disability|a health condition|long covid)\b", re.IGNORECASE)


def _first_span(rx: re.Pattern, text: str) -> tuple[int, int] | None:
    """Where ``rx`` first matches in ``text``, or None."""
    m = rx.search(text)
    return m.span() if m else None


def their_health(text: str) -> tuple[int, int] | None:
    """Where someone else gives a health reason (``_THEIR_HEALTH``), or None."""
    return _first_span(_THEIR_HEALTH, text)


def health_shared(text: str) -> tuple[int, int] | None:
    """Where the letter tells of the writer's health shared with others at work (``_MY_HEALTH_SHARED``), or None."""
    return _first_span(_MY_HEALTH_SHARED, text)


#: ... then the first thing is getting home safely, today (red team 49: a pharmacy worker threatened by a customer who
#: "knows where you park" was told "if you are afraid" and a meeting "this week", with a walk to her car that night).
LEAVE_SAFELY_NOTE = ("Before anything else, today: do not leave on your own. Ask a colleague or the person in charge "
                     "to walk you to your car or transport, or park somewhere else, until this is dealt with. Write "
                     "down the exact words, the time and who heard them while you remember them, and report the "
                     "threat to the police; that does not have to wait for anyone at work.")


#: Verbs of touching, shared with the formal note's wording (``scripts._TOUCHED``, which reads a whole account and so
#: adds only phrases, never a bare "hand" or "held").
TOUCHING = r"touch\w*|rubb?\w*|brush\w*|squeez\w*|strok\w*|caress\w*|massag\w*|grop\w*|grab\w*|pinch\w*|fondl\w*|" \
           r"slap\w*|hug\w*|kiss\w*"
#: Touching, not words, inside the words of a hit: "hand on my knee", "grabbed my backside" (not "comments about my
#: body").
_TOUCH = re.compile(rf"\b(hand|hands|arm|arms|held|{TOUCHING})\b", re.IGNORECASE)
#: Pressure that is about safety rather than records: guards, harnesses, protective gear, hazards.
_SAFETY = re.compile(r"\b(guards?|harness(es)?|hard ?hats?|ppe|protective|gloves|goggles|respirators?|ventilation|"
                     r"fall protection|safety|lock-?out|tag-?out|isolat\w*|live (?:boards?|wires?|circuits?)|leak|"
                     r"wires?|mould|asbestos|fumes|scaffold\w*|"
                     r"pre-?use|pre-?start|hand ?brakes?|brakes?|forklifts?|hoists?|ladders?|machinery|lifting)\b",
                     re.IGNORECASE)
#: What is pressed is a signature: "sign the inspection record", "signing off the checks", "just initial them",
#: "sheets for buildings I have not been to".
_SIGNING = re.compile(r"\b(?:sign(?:ed|ing|s)?|initial(?:s|ed|led|ing|ling)?|(?:check ?)?sheets?|checklists?|"
                      r"certificates?)\b", re.IGNORECASE)
#: The writer is the one pressed: "told me to…", "asked me to sign…", "I was told to…".
_ME = re.compile(rf"\b({_FIRST_PERSON}|us|we)\b", re.IGNORECASE)
#: ... said just before the words the pressure was found in: "Bev asks me to | sign the turning chart".
_ASKED_ME_TO = re.compile(r"\b(?:asks?|asked|asking|wants?|wanted|told|tells?|telling|expects?|expected|pressur\w*|"
                          r"gets?|got|"
                          r"keeps? asking)\s+(?:me|us)\s+to\s+$", re.IGNORECASE)


#: A dose given twice, missed, or the wrong medicine given to someone in care: "found out the night nurse had already
#: given it", "got another resident's tablet", "missed his IV antibiotics", "a double dose".
_MEDS = r"(?:dose|doses|dosage|medications?|meds|medicines?|tablets?|pills?|injections?|insulin|antibiotics?)"
_DOSE_ERROR = re.compile(
    r"\b(?:double|extra|second|wrong|missed|incorrect|duplicate|another (?:resident|patient)['’]s)"
    rf"(?: [a-z-]+)? {_MEDS}\b|"
    rf"\b(?:had|has) already (?:been )?given (?:it|them|(?:his|her|their|the) {_MEDS})\b|"
    rf"\b(?:given|gave|had|got|received) (?:it|them|(?:his|her|their|the) {_MEDS} )?twice\b|"
    # "given Mr H his blood pressure tablets twice", "double-dosed her" (red team 45)
    rf"\b(?:given|gave|give)\b[^.?!]{{0,40}}\b{_MEDS} twice\b|\bdouble[- ]dos\w*|"
    r"\boverdos\w*|\bmedication (?:errors?|mistakes?|incidents?)\b|"
    rf"\b(?:blister pack|bag|drip|{_MEDS})\b[^.?!]{{0,40}}\b(?:still in the fridge|still full|never given|not given|"
    r"had ?n['’]t been given|had not been given)\b|"
    r"\b(?:missed|skipped|didn['’]t get|did not get|never got|was never given|wasn['’]t given) "
    rf"(?:his|her|their|the|a|an|two|three) (?:[a-z-]+ )?{_MEDS}\b", re.IGNORECASE)
#: ... then the person's health comes before any workplace step (red teams 42 and 43: a resident on blood thinners
#: given a second dose, and a patient who missed IV antibiotics, got a complaint route and no medical step).
DOSE_ERROR_NOTE = ("First, the person who may have had the wrong dose: today, make sure a doctor (the GP or the "
                   "doctor on call) or a pharmacist knows exactly what was given or missed and when, so they can be "
                   "checked, and that it is written up as an incident. If the one in charge will not do it, call the "
                   "doctor or a health advice line yourself. Telling it straight, your own part included, protects "
                   "the person and you; a record changed to hide it is what puts everyone at risk.")


#: ... unless the letter says the person has already been checked ("He was monitored and is fine, and I reported it"):
#: then "today, make sure a doctor knows" asks for what was done, and the letter is about what came after.
_CHECKED = re.compile(r"\b(?:was|were|has been|have been|got|is being) (?:closely |carefully )?(?:monitored|"
                      r"checked|seen by (?:a|the|our) (?:doctor|gp|physician|pharmacist|nurse practitioner)|"
                      r"assessed by)\b", re.IGNORECASE)
_UNHARMED = re.compile(r"\b(?:is|was|are|were) (?:completely |totally |absolutely )?(?:fine|okay|ok|unharmed|stable|"
                       r"none the worse)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\bi (?:reported|wrote up|logged|declared|flagged|filled (?:in|out) (?:an?|the) "
                       r"(?:incident|datix|error) (?:form|report))\b|\b(?:incident|error) (?:form|report) "
                       r"(?:was|has been) (?:filed|done|filled)|\b(?:been|was) written up\b|\bi told the (?:nurse|"
                       r"senior|doctor|manager|nurse in charge) (?:straight away|right away|at once|immediately)\b",
                       re.IGNORECASE)


def dose_error(text: str) -> bool:
    """Whether the letter tells of a medication error for someone in the writer's care (``_DOSE_ERROR``) that it
    does not say has been looked after (``_CHECKED``, or unharmed and reported)."""
    if not (_DOSE_ERROR.search(text) and (_IN_CARE.search(text) or _CHILD.search(text))):
        return False
    return not (_CHECKED.search(text) or (_UNHARMED.search(text) and _REPORTED.search(text)))


_MEDS_WORD = re.compile(rf"\b{_MEDS}\b", re.IGNORECASE)
#: A dose nearly given twice or to the wrong person and caught in time: "nearly gave it again but she checked the
#: chart", "almost gave him the wrong tablets".
_NEAR_MISS_DOSE = re.compile(r"\b(?:nearly|almost|about to|came close to) (?:gave|give|given|giving|administered|"
                             r"administer|double[- ]dos\w*|(?:gave|give) (?:it|him|her|them))\b", re.IGNORECASE)
#: ... then the incident system, not only the quarrel (red team 55: a nurse's missed handover, an insulin dose caught
#: by the next nurse, was met with an apology alone).
NEAR_MISS_NOTE = ("A medicine nearly given twice, or wrongly, is a near miss, and near misses are reported too: "
                  "fill in the incident form (or tell the nurse in charge) with what happened at handover, your own "
                  "part included. That is how handovers get safer, and owning it first counts in your favour.")


def near_miss_dose(text: str) -> bool:
    """Whether the letter tells of a dose caught before it was given, for someone in the writer's care, not yet
    reported."""
    return bool(_NEAR_MISS_DOSE.search(text) and _MEDS_WORD.search(text) and _IN_CARE.search(text)
                and not _REPORTED.search(text))


#: The verdict on an option of keeping a possible wrong dose to oneself (the words: ``knowledge/answers.yaml``
#: ``say_nothing_about_a_dose``; red team 45 found "keep an eye on him and say nothing" rated "reasonable").
TELL_THE_DOSE = ("Not advised: tell the nurse or whoever is in charge now, so the person can be checked while it "
                 "still matters. A possible wrong dose told at once is handled as a mistake; one kept quiet and found "
                 "later is far worse for them and for you.")


#: A shift or a task coming up where the writer will be alone with someone: "it's just us two closing tomorrow night",
#: "I'm alone with him on Saturday".
_ALONE_WITH_THEM_SOON = re.compile(
    r"\b(?:just|only) (?:us two|the two of us|us|me and (?:him|her|them)|(?:him|her|them) and me)\b|"
    r"\b(?:alone|on my own|by myself) with (?:him|her|them)\b|\bus two\b", re.IGNORECASE)
_SOON = re.compile(r"\b(?:tomorrow|tonight|next (?:shift|week|time)|this (?:week|weekend|evening)|again|"
                   r"(?:on |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
                   re.IGNORECASE)
#: The kinds of conduct after which being alone with the person is a risk of its own.
_HARM_TO_THE_BODY = frozenset({"physical_intimidation", "unwanted_sexual", "menacing_words"})
ALONE_AGAIN_NOTE = ("You say you will be alone with them again soon. Before then, tell your manager or the owner in "
                    "writing what happened and ask not to be rostered or left alone with them. If that cannot be "
                    "arranged in time, do not close up or work alone with them: ask someone to stay, keep your phone "
                    "on you, and leave if you feel unsafe.")


#: The writer asks on someone else's behalf: "I'm writing for my husband", "on behalf of my son".
_ON_BEHALF = re.compile(r"\b(?:writing|asking|posting|write|ask)(?: this| here)? (?:for|on behalf of|about) (?:my|our) "
                        r"(?:husband|wife|partner|spouse|son|daughter|boyfriend|girlfriend|fianc[eé]e?|brother|sister|"
                        r"mother|father|mum|mom|dad|friend|grandson|granddaughter|grandchild|nephew|niece|child|kid)\b"
                        # (not "my son, who works for me": then the writer is the boss)
                        r"(?![^.?!]{0,40}\bworks? (?:for|with|under) (?:me|us)\b)", re.IGNORECASE)
ON_BEHALF_NOTE = ("You are writing for someone else: the steps and the words below are for them to take and say "
                  "themselves, in their own name. A note to their employer from you usually makes things harder for "
                  "them; your part is to support them in deciding and to help them keep dated notes.")


#: A step the writer, writing for someone else, would take themselves with that person's employer: "I want to ring the
#: boss myself", "go down to the depot", "complain for him".
_MY_OWN_CONTACT = re.compile(r"\b(?:myself|ring|call|phone|e-?mail|write to|go (?:down|in|up|round|over) to|go to|"
                             r"turn up|visit|complain|confront|speak to|talk to|contact|message|text)\b", re.IGNORECASE)
#: Why such a step is not advised.
ON_BEHALF_OPTION = ("Coming from you rather than from them, a call, visit or complaint to their employer usually makes "
                    "things harder for them: help them raise it themselves, in writing.")


def own_contact_on_behalf(option: str) -> bool:
    """An option of a writer writing for someone else that has the writer contact the employer or the other side
    (red team 55: a wife's "ring the boss myself and tell him what I think of him" was "the right move")."""
    return bool(_MY_OWN_CONTACT.search(option))


#: Notes or messages left by someone the writer cannot name (red team 56: six weeks of typed notes on a desk, "I see you
#: every day", had no safety step at all).
UNKNOWN_SENDER_NOTE = ("Keep everything they left or sent as it is (notes in an envelope, messages as screenshots with "
                       "the full address), and show it to HR or security now: they can check cameras or ask IT to "
                       "trace an email. If a note says they watch you or know where you are, tell the police as well.")


#: An option of answering someone the writer serves in public, or messaging them directly, about what they posted:
#: "reply on the group or message her myself" (red team 56: a teacher's reply to a parent's posts was "reasonable").
_ANSWER_THEIR_POSTS = re.compile(
    r"\b(?:reply|respond|answer|comment|post|write back)\b[^.?!]{0,30}\b(?:on|in|to|under) "
    r"(?:the |that |her |his |their |this )?(?:[a-z]+ )?(?:group|facebook|post|posts|page|thread|chat|forum|comments|"
    r"review)\b|\bmessage (?:her|him|them) (?:myself|directly|privately)\b", re.IGNORECASE)
#: Why such an option is not advised.
ANSWER_POSTS_OPTION = ("Not advised: a reply in public, or a message from you, usually makes it bigger and can count "
                       "against you at work. Keep screenshots, and take it to your head or manager, who can deal with "
                       "them.")


def answers_their_posts(words: str, situation: Situation, writer_owns: bool) -> bool:
    """The writer's option or question ``words`` answers what someone they serve posted about them, in public or by a
    direct message, where the writer works for someone else (an owner's reply to a review is theirs to make)."""
    served = situation.party(situation.counterpart)
    return served is not None and served.role == "customer" and not writer_owns \
        and bool(_ANSWER_THEIR_POSTS.search(words))


def on_behalf_notes(text: str) -> list[str]:
    """The note for a letter written on someone else's behalf (red team 53: a wife writing for her husband was given
    a note to his HR in her own voice)."""
    return [ON_BEHALF_NOTE] if _ON_BEHALF.search(text) else []


#: Someone waiting for the writer by their car or the door at the end of a shift: "sitting in his car parked next to
#: mine", "waits by the back door when I lock up".
_WAITS_FOR_ME = re.compile(r"\b(?:waits?|waiting|waited|sitting|sits|sat|parked|hangs? around|hanging around)\b"
                           r"[^.?!]{0,50}\b(?:by|next to|beside|near|outside|at)\b[^.?!]{0,15}\b(?:my car|mine|the "
                           r"(?:back|staff|side) door|the entrance|the exit)\b", re.IGNORECASE)
#: The writer working or closing alone soon: "I'm on again Friday closing alone".
_ON_MY_OWN_SOON = re.compile(r"\b(?:closing|working|on|locking up|opening)\b[^.?!]{0,25}\b(?:alone|on my own|by "
                             r"myself)\b", re.IGNORECASE)
CLOSING_ALONE_NOTE = ("You say someone waits for you at the end of your shift and that you will be working alone again "
                      "soon. Before then, tell your manager (or the one above them, if they brushed it off) in writing "
                      "and ask for a second person at closing. Until then, do not walk out to your car while he is "
                      "there: stay inside, ask someone to come, and call the police if he is waiting for you.")


def alone_again_notes(text: str, conduct: list) -> list[str]:
    """The note for a writer facing time alone again with someone whose conduct toward the body or safety the letter
    tells (red team 53: a worker blocked in a stockroom, due to close alone with him the next night, got no word on
    it), or working alone again while someone waits for them after their shift (red team 54)."""
    if _WAITS_FOR_ME.search(text) and any(_SOON.search(m.group(0)) or _SOON.search(_sentence_of(text, m))
                                          for m in _ON_MY_OWN_SOON.finditer(text)):
        return [CLOSING_ALONE_NOTE]
    if not any(h.kind in _HARM_TO_THE_BODY for h in conduct):
        return []
    if any(_SOON.search(_sentence_of(text, m)) for m in _ALONE_WITH_THEM_SOON.finditer(text)):
        return [ALONE_AGAIN_NOTE]
    return []


def _sentence_of(text: str, m: re.Match) -> str:
    """The sentence around a match, by its stops."""
    start = max(text.rfind(".", 0, m.start()), text.rfind("?", 0, m.start()), text.rfind("!", 0, m.start())) + 1
    stops = [i for i in (text.find(c, m.end()) for c in ".?!") if i >= 0]
    return text[start:min(stops) if stops else len(text)]


def conduct_notes(text: str, conduct: list) -> list[str]:
    """The notes for ``conduct`` (hits with .kind, .start, .end in ``text``), each once: a medication error first
    (someone's health), then the police."""
    notes = [DOSE_ERROR_NOTE] if dose_error(text) else [NEAR_MISS_NOTE] if near_miss_dose(text) else []
    if _KNOWS_MY_HOME.search(text):
        notes.append(HOME_SAFETY_NOTE)
    # (menacing words are said to someone, and the conduct found was not the writer's: "things happen to people who
    # snitch" needs no "me" in it; a red team found it without the police line that milder words had)
    if any(h.kind == "menacing_words" and _WHERE_TO_FIND_ME.search(text[h.start:h.end]) for h in conduct):
        notes.append(LEAVE_SAFELY_NOTE)
    elif any(h.kind == "menacing_words" or h.kind in _DANGER and _at_the_writer(text, h) for h in conduct):
        notes.append(POLICE_NOTE)
    elif any(h.kind == "unwanted_sexual" and _TOUCH.search(text[h.start:h.end])
             and AT_THE_WRITER.search(text[h.start:h.end]) for h in conduct):
        notes.append(TOUCH_NOTE)
    elif any(_force_on_someone_else(text, h) for h in conduct):
        notes.append(FORCE_ON_OTHERS_NOTE)  # (red team 41: a customer grabbed an 18-year-old assistant's wrist)
    elif _WAITED_FOR_SOMEONE.search(text):
        notes.append(WAITED_FOR_SOMEONE_NOTE)
    # (with the words just before the hit, where the writer may be the one asked: "asks me to | sign the turning
    # chart … for rounds she didn't do" was taken for rules seen broken by someone else; red team 51)
    pressure = [text[h.start:h.end] for h in conduct if h.kind == "unlawful_pressure"]
    asked = [text[max(0, h.start - 40):h.end] if _ASKED_ME_TO.search(text[max(0, h.start - 40):h.start])
             else "me: " + text[h.start:h.end] if inside_quotes(text, h.start)  # "just sign it", said to the writer
             else text[h.start:h.end] for h in conduct if h.kind == "unlawful_pressure"]
    # what is pressed, with the rest of its sentence: "told me to skip the check "just this once" and sign the sheet
    # anyway" presses a signature too; a check skipped where the letter's checks are of kit is a safety step
    told = [text[h.start:_sentence_end(text, h.end)] for h in conduct if h.kind == "unlawful_pressure"]
    safety_check = _SAFETY.search(text) is not None
    if any(_SAFETY.search(p) or safety_check and _SKIP_A_CHECK.search(p) for p in told):
        notes.append(SAFETY_NOTE)
    rules = [p for p in asked if not _SAFETY.search(p)]
    if any(_ME.search(p) and _SIGNING.search(p) for p in rules) or SAFETY_NOTE in notes and any(
            _SIGNING.search(p) for p in told):
        notes.append(SIGN_NOTE)
    elif any(_ME.search(p) for p in rules):
        notes.append(RULES_NOTE)
    elif rules:
        notes.append(RULES_SEEN_NOTE)
    if _IN_CARE.search(text) and any(_CARE_RECORD.search(p) for p in pressure) or _CHILD.search(text) and any(
            h.kind == "physical_intimidation" and not AT_THE_WRITER.search(text[h.start:h.end]) for h in conduct):
        notes.append(SAFEGUARDING_NOTE)
    if any(_DOCUMENTS.search(p) for p in pressure):
        notes.append(DOCUMENTS_NOTE)
    if SAFETY_NOTE not in notes and hazard_seen(text):
        notes.append(HAZARD_NOTE)
    if (HAZARD_NOTE in notes or SAFETY_NOTE in notes) and _TOLD_NOT_TO_REPORT.search(text):
        notes.append(REPORT_IT_YOURSELF_NOTE)
    return notes


#: A check or inspection left out: "skip the check just this once", "don't bother with the pre-use checks".
_SKIP_A_CHECK = re.compile(r"\b(?:skip\w*|miss\w* out|leave out|don['’]?t bother with|not bother with|ignore)\b"
                           r"[^.?!]{0,20}\b(?:checks?|inspections?|walk-?rounds?|tests?)\b", re.IGNORECASE)


def _sentence_end(text: str, at: int, limit: int = 160) -> int:
    """Where the sentence holding ``at`` ends (its full stop, question or exclamation mark), at most ``limit`` on."""
    found = re.search(r"[.?!](?:\s|$)", text[at:at + limit])
    return at + found.start() if found else min(len(text), at + limit)


#: The writer hurt by the act: "a bit of glass cut my arm", "it hit me".
HURT_ME = re.compile(r"\b(?:cut|cuts|hit|hits|hurt|hurts|bruised|struck|caught|grazed|injured|scratched|burned|"
                      r"burnt)\s+(?:me|my)\b", re.IGNORECASE)


def _at_the_writer(text: str, hit) -> bool:
    """Whether the conduct ``hit`` is aimed at the writer: its own words say so, or the words just after it make the
    writer the one it waited for ("…in the car park when I left")."""
    return bool(AT_THE_WRITER.search(text[hit.start:hit.end]) or _WHEN_THE_WRITER.search(text[hit.end:hit.end + 40])
                or HURT_ME.search(text[hit.start:hit.end + 80])  # ("threw a glass frame … a bit of glass cut my arm")
                or _NEAR_ME.search(text[hit.start:hit.end + 120]))  # ("throws pans … near us", red team 56)


#: Something thrown or swung close to the writer: "near us", "a foot from my head".
_NEAR_ME = re.compile(r"\b(?:near|at|towards?|past|by|beside|inches from|a foot from|from) (?:me|us|my (?:head|face))"
                      r"\b", re.IGNORECASE)


def _force_on_someone_else(text: str, hit) -> bool:
    """Force on someone's body, not aimed at the writer, not a parent pulling a child clear and not the writer's own
    act (``_FORCE``, ``_A_PARENT``, ``_BY_THE_WRITER``)."""
    said = text[hit.start:hit.end]
    return hit.kind == "physical_intimidation" and bool(_FORCE.search(said)) and not AT_THE_WRITER.search(said) \
        and not _A_PARENT.search(text[max(0, hit.start - 40):hit.start]) \
        and not _BY_THE_WRITER.search(text[max(0, hit.start - 25):hit.start])


#: Someone telling the writer not to put an incident on record: "told me not to write it up", "said not to report it".
_TOLD_NOT_TO_REPORT = re.compile(
    r"\b(?:told|tells|asked|asks|begged|warned|said)(?: me| us| everyone| everybody| the team| the others)? "
    r"(?:not to|to not|I shouldn['’]t|we shouldn['’]t) "
    r"(?:write (?:it|this|that) (?:up|down)|report (?:it|this|that)|log (?:it|this|that)|mention (?:it|this|that)|"
    r"tell (?:anyone|anybody|the safety \w+|the manager)|put (?:it|this|that) (?:in|on) "
    r"(?:the )?(?:record|system|book|log)|fill in (?:an?|the) (?:incident|accident) (?:form|report))", re.IGNORECASE)
REPORT_IT_YOURSELF_NOTE = ("Being told not to report it does not take away your right, or in many jobs your duty, to "
                           "report it: you can fill in the incident or near-miss report yourself, keep a copy, and say "
                           "in it that you were asked not to. Say only what you saw.")


#: A danger the writer has seen come close to hurting someone, whoever caused it: a near miss, "missed my colleague by
#: half a metre" (red team 38: a forklift driver speeding in the aisles, twice reported to the shift leader and once to
#: HR, got HR again and no word of a safety route), a hand nearly lost in a press, a load off the forks, tablets given
#: to the wrong resident (red team 41).
HAZARD_EVENT = re.compile(
    r"\b(?:near[- ]miss(?:es)?|close calls?|nearly (?:hit|ran over|run over|crushed|knocked (?:down|over))|"
    r"missed (?:me|him|her|them|us|my (?:colleague|coworker|co-worker|workmate)(?: \w+)?|(?-i:[A-Z][a-z]+)|"
    r"(?:a|an|the|one of the) [a-z-]+(?:, (?-i:[A-Z][a-z]+),)?) by "
    r"(?:about |maybe |barely |only |just |a )?(?:few |half a |an? |\d+ |inches|centimetres|centimeters)|"
    r"nearly (?:lost|cut off|severed|crushed|trapped) (?:his|her|their|my|a|two|three) (?:fingers?|thumb|hand|arm|foot|"
    r"leg|toes?)\b|(?:lucky|luckily|fortunate) (?:not to|he didn['’]t|she didn['’]t|they didn['’]t|i didn['’]t) "
    r"(?:lose|losing) (?:his|her|their|my|a) (?:fingers?|thumb|hand|arm|foot|leg|eye)\b|"
    r"(?:came|come|fell|falls|dropped|crashed|slid) (?:down )?(?:half )?(?:off|from) the (?:forks|rack|racking|"
    r"scaffold(?:ing)?|shelf|shelves|roof|top rack|pallet)\b|"
    r"(?:gave|given|giving|administered) [^.?!]{0,60}\b(?:tablets|medications?|meds|pills|doses?|insulin|injection)"
    r"\b[^.?!]{0,30}\b(?:meant|prescribed|intended) for\b|"
    # a danger left in place: a locked fire exit, a crush on the stairs, gas breathed in, a board not made dead
    r"(?:fire |emergency )?(?:exits?|exit gates?|fire doors?)\b[^.?!]{0,40}\b(?:padlocked|locked|chained|blocked)\b|"
    r"\bgates? (?:is |are |was |were |gets? |got |kept )?(?:padlocked|chained)\b|near[- ]crush|"
    r"crush on the (?:stairs?|steps|stairway|concourse)|"
    r"(?:spill\w*|leak\w*)[^.?!]{0,25}\b(?:chlorine|acid|chemicals?|gas)\b|"
    r"\b(?:chlorine|acid|chemicals?|gas)\b[^.?!]{0,25}(?:spill\w*|leak\w*)|"
    r"(?:breathed|inhaled|breathing) (?:in )?(?:the |some )?(?:fumes|gas|chlorine)|"
    r"live (?:wires?|boards?|circuits?|cables?|distribution boards?)|"
    # infection control broken on a patient: "dropped a used needle on the floor, picked it up and carried on with the
    # same patient" (red team 58)
    r"(?:dropped|drop) (?:a |the |his |her )?(?:used |dirty )?(?:needle|syringe|instrument|scalpel|probe|drill|bur)\b"
    r"[^.?!]{0,60}\b(?:picked it up|carried on|kept using|used it|put it back)\b|"
    r"(?:re-?used|reusing|used again|using again) (?:a |the )?(?:used |dirty |dropped |contaminated )?(?:needles?|"
    r"syringes?|instruments?|scalpels?|probes?|gloves?)\b|"
    # damaged racking or lifting kit still in use: "one of the racks has a bent upright" (red team 55)
    r"(?:bent|buckled|damaged|cracked|leaning|collapsing) (?:racking |rack |pallet )?"
    r"(?:uprights?|beams?|racks?|racking|forks|mast|chains?|slings?)\b|"
    r"(?:not|never|wasn['’]t|hadn['’]t been|had not been|was not|without) (?:been )?(?:confirm\w*|check\w*|test\w*|"
    r"making sure|proving)?\s?(?:that )?(?:it |the [a-z ]{1,20})?(?:was |is |were |had been )?(?:confirmed |properly |"
    r"safely )?(?:isolated|dead|de-?energi[sz]ed)\b)",
    re.IGNORECASE)
#: The writer's fear that someone will be hurt: enough for the safety note, not a fact for a written report.
_HAZARD_FEARED = re.compile(
    r"\b(?:someone|somebody|one of us|a person|a worker|a kid|a child|a patient)(?:['’]s| is| will be| will| are)? "
    r"(?:going to|gonna|bound to) (?:(?:get|be) (?:hurt|killed|injured|crushed|seriously hurt)|fall\b)", re.IGNORECASE)


def hazard_seen(text: str) -> bool:
    """Whether the letter tells of a danger to people, seen or feared (``HAZARD_EVENT``, ``_HAZARD_FEARED``)."""
    return bool(HAZARD_EVENT.search(text) or _HAZARD_FEARED.search(text))


HAZARD_NOTE = ("What you describe puts people's safety at risk. Report it in writing to whoever answers for safety "
               "where you work (a safety officer or rep, or the manager above the person), with the dates, and keep a "
               "copy. If nothing is done, the workplace safety regulator where you are takes reports from workers, and "
               "in many places the law protects people who raise safety concerns.")


#: A child in the writer's care at work: a pupil, a child, a boy or girl of a school year.
_CHILD = re.compile(r"\b(pupils?|children|child|(?:little|young|small) (?:boy|girl|lad|kid)s?|"
                    r"(?:boy|girl|kid)s? in (?:my|our|the|her|his) class|year \d+ (boy|girl|student|pupil)|"
                    r"(?:boy|girl)s? in (?:year|grade|class|form) ?\d*\b|"
                    r"(boy|girl|student) with (autism|adhd|"
                    r"special needs|a disability)|apprentice,? (aged|who is) 1[4-7]|(he|she)['’]s 1[4-7])\b",
                    re.IGNORECASE)
#: An employer keeping a worker's passport or papers (red team 38: a housekeeper in a hotel abroad).
_DOCUMENTS = re.compile(r"\b(passports?|id cards?|identity documents?|work permits?)\b", re.IGNORECASE)
DOCUMENTS_NOTE = ("An employer or agency keeping your passport or identity papers is against the law in many "
                  "countries, whatever reason they give. You can ask for it back in writing, and your country's "
                  "embassy or consulate and the labour ministry where you work can help you get it; keep a copy or "
                  "photo of it if you can.")


#: People in someone's care, whose care records or checks may be what was falsified or skipped.
_IN_CARE = re.compile(r"\b(residents?|patients|(?:a|an|the|my|our|his|her|their|one|each|every) patient|"
                      r"service users?|clients in (our|my|the) care|the people we (care for|support)|"
                      r"pressure (sore|ulcer)s?|turn(ing)? charts?|obs|medication (round|chart)s?|"
                      # "a residential home", "a care home", "a nursing home": those who live there are in its care
                      r"(residential|care|nursing|group) home|hospice)\b",
                      re.IGNORECASE)  # (a patient, not "he's patient")
#: ... and what was pressed or falsified is a record of their care or a check ("signs the turn charts as done").
_CARE_RECORD = re.compile(r"\b(charts?|records?|checks?|obs|observations|logs?|medications?|meds|turns?|notes|counts?|"
                          r"doses?|ampoules?|vials?)\b",
                          re.IGNORECASE)
#: ... then it is a safeguarding matter, which does not wait for the workplace's usual route (red team 29: care
#: records signed for turns never done, a resident's pressure sore worsening, got no word on it).
SAFEGUARDING_NOTE = ("Where people in someone's care may be coming to harm, this is a safeguarding matter as well as a "
                     "workplace one: tell whoever is responsible for safeguarding where you work (a safeguarding lead, "
                     "or the nurse or manager in charge) today, in writing. If that person is close to the one doing "
                     "it, or nothing changes, go to the local safeguarding team or the regulator; you do not need "
                     "anyone's permission to do that.")


#: The report's note where the writer is not paid for work they did (a red team found an owner who paid only from
#: 8 for a 7 o'clock start, and wages six hours short a week, answered with nothing on pay).
WAGE_NOTE = ("Part of this is pay for work you did. That has its own route whatever else you decide: keep your own "
             "record of your hours, ask in writing for what is missing, and a wage or labour authority, an employment "
             "advice service or a union can help you claim it.")
#: Work done and not paid to the writer: "he only pays us from 8", "I haven't been paid for the overtime", "my pay
#: was short", "unpaid hours", pay that is late ("she is paying me late"); not "unpaid leave" or "an unpaid
#: internship", and not what the writer owes others.
_UNPAID = re.compile(
    r"\b(?:only|just) pays? (?:us|me) (?:from|for|until|after|when)\b|"
    r"\b(?:hasn't|has not|haven't|have not|hadn't|had not|didn't|did not|never|won't|will not|doesn't|does not|don't|"
    r"do not)\s+(?:been\s+|even\s+)?pa(?:id|y)\s+(?:me|us)\s+(?:for|the|my|our|any|overtime|wages|what)\b|"
    r"\b(?:i|we)(?:'ve| have)?\s+(?:not\s+|never\s+)?(?:been\s+)?(?:paid|getting paid)\s+(?:for\s+)?(?:nothing|"
    r"less than (?:i|we) worked)\b|"
    r"\b(?:i|we)\s+(?:haven't|have not|hadn't|had not|wasn't|was not|weren't|were not)\s+(?:been\s+)?paid\s+for\b|"
    r"\b(?:my|our)\s+(?:pay|wages?|pay ?checks?|paycheques?|pay ?slips?|salary)\s+(?:was|were|is|are|has been|have "
    r"been|came up|came in|keeps? coming up)\s+(?:\w+\s+)?(?:short|missing|wrong|lower|down)\b|"
    r"\bunpaid\s+(?:hours|overtime|wages|pay|time)\b|"
    r"\bowes?\s+(?:me|us)\s+(?:wages|pay|back ?pay|money for|for\s+(?:the|my|our)\s+(?:hours|shifts|overtime))\b|"
    r"\b(?:short|underpaid|docked)\s+(?:about\s+|around\s+|roughly\s+)?[\w-]+\s+hours?\b|"
    # pay that is late: "she is paying me late", "last month's money should have come on the fifth"
    r"\bpa(?:ying|ys|id) (?:me|us) late\b|"
    r"\b(?:my|our|last month['’]s|this month['’]s|last week['’]s) (?:pay|wages?|money|salary)\s+"
    r"(?:should have|was supposed to|was due to|still hasn['’]t|still has not|hasn['’]t|has not) "
    r"(?:come|arrived|been paid|come in|landed)\b",
    re.IGNORECASE)


def in_someones_care(text: str) -> re.Match | None:
    """The first words that name a child, a pupil, a patient or a resident: someone in the writer's care at work."""
    return _CHILD.search(text) or _IN_CARE.search(text)


#: The person the writer names as responsible for safeguarding: "a safeguarding lead, Mr. Ahmed", "Mrs Cole, our
#: designated safeguarding lead" (red team 39: a teaching assistant named him and was sent to "the person
#: responsible for safeguarding" as if she had not).
_PERSON = r"((?:Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
_LEAD = r"(?:designated )?(?:safeguarding|child protection|child-protection) (?:lead|officer|coordinator|co-ordinator)"
_LEAD_NAMED = re.compile(rf"\b{_LEAD}(?: \(DSL\))?(?:,| is| called| named)\s+{_PERSON}\b|"
                         rf"\b{_PERSON},? (?:who is |is |who's )?(?:our|the) {_LEAD}\b")


def safeguarding_lead(text: str) -> tuple[int, int] | None:
    """Where the letter names the person responsible for safeguarding (start, end of the name), if it does."""
    m = _LEAD_NAMED.search(text)
    if m is None:
        return None
    group = 1 if m.group(1) else 2
    return m.start(group), m.end(group)


#: The writer is in a union, or has a rep or steward: "I'm in the union", "my rep", "our shop steward".
_IN_A_UNION = re.compile(r"\b(?:i['’]m|i am|i['’]ve been|i have been)(?: \w+)? (?:in|a member of) (?:the|a|my|our) "
                         r"(?:\w+ )?union\b|\b(?:union|my|our) (?:rep|representative|steward|shop steward|"
                         r"delegate)s?\b|\bunion member\b", re.IGNORECASE)
PROCESS_NOTE = ("Before the hearing or meeting about you: in many places you have the right to bring a union rep or a "
                "colleague with you, so ring your rep now. Ask in writing for the evidence they will rely on, and "
                "write your own account while it is fresh: what happened, in order, what you did about it since, and "
                "your record.")


#: ... for a writer who has not said they are in a union.
PROCESS_NOTE_NO_UNION = ("Before the hearing or meeting about you: ask in writing what it is about, what evidence they "
                         "will rely on, and who you may bring (in many places a colleague or a union rep). Write your "
                         "own account while it is fresh: what happened, in order, what you did about it since, and "
                         "your record. Do not agree to anything or sign anything on the spot.")


#: ... where the rep is the one the letter is about (red team 39: a rep who missed the meeting and passed on a
#: confidence).
OTHER_REP_NOTE = ("Before the hearing or meeting about you: you can ask the union branch (its secretary or a regional "
                  "officer) for another rep, and in many places a colleague may come with you instead. Ask in "
                  "writing for the evidence they will rely on, and write your own account while it is fresh.")


def process_notes(text: str, under_review: bool, rep_is_the_problem: bool = False) -> list[str]:
    """The note for a writer facing a process about their own conduct: for one in a union, ring the rep (red team
    40: a bus driver who had not yet rung his rep was told how to prepare without it), or the branch where the rep is
    the one the letter is about; for anyone else, ask in writing and sign nothing on the spot."""
    if not under_review:
        return []
    if not _IN_A_UNION.search(text):
        return [PROCESS_NOTE_NO_UNION]  # (red team 41: a written warning pending, and "let it go" the first step)
    return [OTHER_REP_NOTE if rep_is_the_problem else PROCESS_NOTE]


def pay_notes(text: str) -> list[str]:
    """The wage note where the letter tells of work done and not paid to the writer."""
    return [WAGE_NOTE] if _UNPAID.search(text) else []


#: A colleague asking the writer to log or clock them in, or to tell the boss they are there when they are not: the
#: record is the writer's (red team 50: a call-centre worker who logged a late colleague in on her own login was
#: told to keep notes and plan her way out, never to stop).
_COVER_FOR_THEM = re.compile(
    r"\b(?:asked|asks|asking|wants?|wanted|expects?|keeps? asking|texts?|texted|begged|begs) (?:me )?to "
    r"(?:log|clock|sign|swipe|badge|punch|tap|scan) (?:him|her|them|(?-i:[A-Z][a-z]+)) (?:in|on)\b|"
    r"\bi(?:['’]ve| have)? (?:been )?(?:logg|clock|sign|swip|badg|punch)(?:ed|ing) (?:him|her|them|(?-i:[A-Z][a-z]+))"
    r" in\b(?=[^.?!]{0,80}\b(?:late|before (?:he|she|they) (?:gets?|arrives?|comes?)|isn['’]?t (?:there|in)))|"
    r"\b(?:asked|asks|asking|wants?|wanted|expects?) (?:me )?to tell (?:our|my|the) (?:boss|manager|supervisor|"
    r"team ?lead(?:er)?|shift lead(?:er)?) (?:that )?(?:he|she|they)(?:['’]s|['’]re| is| are| was) [\"“']?"
    r"(?:just |only )?(?:in the (?:loo|toilet|bathroom)|on (?:his|her|their) way|here|in|parking|on a call)",
    re.IGNORECASE)
COVER_NOTE = ("Stop logging them in or covering for them from today: it is your login and your word on the record, so "
              "it is you who would answer for it if it came out. Tell them plainly and kindly that you can't do it any "
              "more; what they do about being late is then between them and your manager. If you are asked about the "
              "times you covered, say what happened; owning it early counts in your favour.")


#: What the writer asks of that colleague, said after "could" or "I'm asking that".
COVER_ASK = "you stop asking me to log you in or cover for you"


def cover_request(text: str) -> tuple[int, int] | None:
    """Where the letter tells of a colleague's request to be logged in or covered for (``_COVER_FOR_THEM``)."""
    return _first_span(_COVER_FOR_THEM, text)


def road_notes(text: str) -> list[str]:
    """The drowsy-driving note where the writer tells of nearly falling asleep on the road (``DROWSY_NOTE``)."""
    return [DROWSY_NOTE] if _DROWSY.search(text) else []


def child_notes(text: str) -> list[str]:
    """The child-safety note where a young child in someone's care was left alone, driven by someone on their phone,
    or put in a bath or a place that may have harmed them (``CHILD_SAFETY_NOTE``; blind panel 38: a baby left alone in
    a café and a premature baby in a cold bath were read as friction between a family and their nanny, and "let it
    go" offered); the safeguarding note where an adult contacts children in secret (``GROOMING_NOTE``)."""
    return ([CHILD_SAFETY_NOTE] if _CHILD_AT_RISK.search(text) else []) + \
        ([GROOMING_NOTE] if _GROOMING.search(text) else [])


#: An adult who contacts children privately, late at night or in secret, or asks a child to keep it from others
#: (red team 62: a head coach's late-night messages to twelve-year-olds were answered with a note to HR).
_CHILDREN = (r"(?:girls|boys|kids|children|pupils|players|students|under-?\d+s?|(?:\d+|twelve|thirteen|eleven|ten|"
             r"fourteen|fifteen)[- ]year[- ]olds?)")
_GROOMING = re.compile(
    rf"\b(?:messag|text|snapchat|dm|whatsapp|call)\w* (?:some of |one of |a few of )?(?:the |our |my )?{_CHILDREN}\b"
    rf"[^.?!]{{0,60}}\b(?:late at night|at night|after (?:9|10|11|midnight)|privately|directly|in secret|secretly)\b|"
    r"\b(?:not|don['’]?t|never) (?:to )?tell (?:the others|anyone|(?:her|his|your) (?:mum|mom|parents|dad))\b"
    rf"(?=[^?!]{{0,300}}\b{_CHILDREN}\b)|\b{_CHILDREN}\b[^?!]{{0,300}}\b(?:not|don['’]?t|never) (?:to )?tell "
    r"(?:the others|anyone|(?:her|his|your) (?:mum|mom|parents|dad))\b",
    re.IGNORECASE)
GROOMING_NOTE = ("Before anything else: an adult contacting children privately, late at night or in secret, or asking "
                 "a child to keep it from others, is a child-safeguarding concern, whoever they are. You do not need "
                 "proof to raise it, and you should not confront them. Tell the safeguarding or welfare lead; if there "
                 "is none, or they are close to the person, go outside: the sport's or school's governing body, the "
                 "local children's services, or the police. Tell the child's parent what the child showed you, and "
                 "write down now, with dates, exactly what you saw and heard.")


_YOUNG = (r"(?:baby|babies|newborn|infant|toddler|twins|child|children|kids?|little one|youngest|"
          r"(?:little|baby|young|infant) (?:son|daughter|boy|girl|brother|sister)|"
          r"(?:\d|two|three|four|five)[- ](?:year|month)[- ]old)")
_ALONE = r"(?:alone|unattended|on (?:her|his|their) own|in the car)"
_ON_THE_PHONE = r"(?:texting|on (?:her|his|their) phone|using (?:her|his|their) phone)"
_BATH = r"(?:cold|freezing|scalding|too hot|lukewarm)\s+(?:bath|water)"
_CHILD_AT_RISK = re.compile(
    rf"\b(?:left|leaving|leaves|leave)\s+(?:the|my|our|her|his|their|a)\s+(?:[a-z-]+\s+)?{_YOUNG}\b[^.?!]{{0,40}}"
    rf"\balone\b|\b{_YOUNG}\b[^.?!]{{0,40}}\b(?:left|was left|were left|alone)\b[^.?!]{{0,20}}\b{_ALONE}\b|"
    rf"\b{_ON_THE_PHONE}\b[^.?!]{{0,60}}\bdriving\s+(?:the|my|our|her|his|their)\s+{_YOUNG}\b|"
    rf"\bdriving\s+(?:the|my|our|her|his|their)\s+{_YOUNG}\b[^.?!]{{0,60}}\b{_ON_THE_PHONE}\b|"
    rf"\b{_BATH}\b[^.?!]{{0,80}}\b{_YOUNG}\b|\b{_YOUNG}\b[^.?!]{{0,80}}\b{_BATH}\b|"
    rf"\b{_YOUNG}\b[^.?!]{{0,60}}\b(?:shivering|blue lips|turned blue|fell (?:off|down)|choking|wandered off)\b|"
    # "no phone while she's driving the children", "texting at a red light on the school run"
    rf"\bphone\b[^.?!]{{0,30}}\bwhile (?:she|he|they)(?:['’]s| is| was| are| were)? driving\s+"
    rf"(?:the|my|our|her|his|their)\s+{_YOUNG}\b|"
    rf"\b(?:{_ON_THE_PHONE}|texting)\b[^.?!]{{0,30}}\b(?:on the school run|at a red light|at the wheel)\b|"
    # "our 4 year old alone on the front path by the road", "she left him in the bath to get a towel"
    rf"\b{_YOUNG}\s+(?:was\s+)?(?:alone|unattended|on (?:his|her|their) own)\s+(?:on|by|near|in|at)\b[^.?!]{{0,30}}\b"
    rf"(?:road|street|pavement|path|car park|parking|pool|pond|river|water|bath|stairs|balcony)\b|"
    rf"\bleft (?:him|her|them|the baby|the toddler) (?:alone |on (?:his|her|their) own )?in the (?:bath|car|pool)\b",
    re.IGNORECASE)
CHILD_SAFETY_NOTE = ("Before anything else: a young child's safety comes first. If a child may have been hurt or "
                     "become unwell, have them checked today (the doctor or health visitor, or emergency services if "
                     "it is urgent). A risk to a child is not something to let go: say plainly, in writing, what must "
                     "never happen again and what follows if it does.")


#: An adult someone cares for (a parent with dementia, a resident, a patient) with marks of being held or hurt, or
#: handled roughly: "mum's arm had red finger marks above the elbow", "bruises on his wrists", "handling a resident
#: roughly" (red team 61: a family whose carer left finger marks on a mother with dementia got no word on her safety).
_CARED_FOR = (r"(?:mum|mom|mother|dad|father|gran|granny|grandma|grandmother|grandad|grandfather|nan|nana|aunt|uncle|"
              r"husband|wife|resident|patient|service user|client|elderly (?:man|woman|lady|gentleman|person)|"
              r"old (?:man|woman|lady|gentleman))s?(?:['’]s?)?")
_MARKS = (r"(?:bruis\w*|finger ?marks|finger-marks|grip marks|red marks|marks|skin tears?|black eye|"
          r"scratch(?:es|ed)?|welts?)")
_BODY = r"(?:arms?|wrists?|legs?|face|neck|hands?|shoulders?|back|forearms?|thighs?)"
_ADULT_HARMED = re.compile(
    rf"\b{_CARED_FOR}\s+(?:[a-z]+\s+){{0,2}}{_BODY}\b[^.?!]{{0,40}}\b{_MARKS}|"
    rf"\b(?:handl\w*|pull\w*|drag\w*|push\w*|yank\w*|grabb?\w*|shov\w*|manhandl\w*|hit\w*|slapp?\w*) "
    rf"(?:a |the |one of the |our |my |an )?(?:resident|patient|service user|elderly (?:man|woman|lady|gentleman))s?\b"
    rf"[^.?!]{{0,20}}\b(?:roughly|by the (?:arm|wrist|hair)|hard|violently)\b",
    re.IGNORECASE)
#: Marks on someone's body ("bruises on his wrists"), which count where the letter is about someone being cared for.
_MARKS_ON_SOMEONE = re.compile(rf"\b{_MARKS}\s+(?:on|above|around|across|up)\s+(?:her|his|their|both|mum['’]s|mom['’]s|"
                               rf"dad['’]s|the resident['’]s|the patient['’]s)\s+(?:[a-z]+\s+)?{_BODY}\b",
                               re.IGNORECASE)
_CARE_SETTING = re.compile(r"\b(?:dementia|alzheimer\w*|parkinson\w*|carers?|caregivers?|care workers?|residents?|"
                           r"care home|nursing home|elderly|frail|bed-?bound|disabled|disability)\b", re.IGNORECASE)
ADULT_SAFETY_NOTE = ("Before anything else: the safety of the person being cared for comes first. Photograph and date "
                     "any marks, have a doctor look at them, and do not leave them alone with the person you are "
                     "worried about while you find out more. The local council's adult safeguarding team takes "
                     "concerns from families and staff and will advise you; if someone is in danger now, call the "
                     "emergency services.")


def adult_notes(text: str) -> list[str]:
    """The adult-safeguarding note where someone cared for shows marks of being held or hurt, or was handled roughly
    (``ADULT_SAFETY_NOTE``)."""
    harmed = _ADULT_HARMED.search(text) or _MARKS_ON_SOMEONE.search(text) and _CARE_SETTING.search(text)
    return [ADULT_SAFETY_NOTE] if harmed else []


#: The writer nearly fell asleep driving, or at the wheel: "I nearly fell asleep at a red light", "dozed off on the
#: motorway home", "nodded off at the wheel" (red team 44: a coordinator driving between three sites was offered "let
#: it go" and no word on it).
_DROWSY = re.compile(r"\b(?:fell|fall|falling|dozed|dozing|nodded|nodding|drifted|drifting) (?:asleep|off)\b"
                     r"[^.?!]{0,40}\b(?:at (?:a|the) (?:red )?(?:light|lights|wheel)|(?:while|when) driving|"
                     r"on the (?:road|motorway|highway|freeway|drive)|behind the wheel|driving (?:home|back|between))|"
                     r"\b(?:asleep|nodded off|dozed off) at the wheel\b", re.IGNORECASE)
DROWSY_NOTE = ("Before anything else: nearly falling asleep while driving is a danger to you and others. Do not drive "
               "when you are that tired; pull over and rest, or get a lift or a taxi, and see a doctor about how "
               "exhausted you are. Tell whoever sets your hours, in writing, that the workload is now affecting your "
               "safety on the road: that is a safety matter for them to act on, not a sign you are less committed.")

