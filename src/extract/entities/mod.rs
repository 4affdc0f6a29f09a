//! Factual (non-numeric) mentions: people with titles or roles, venues, and named
//! entities with their in-document short forms.
//!
//! The rules work on word tokens (`tokens`) and small word lists (`data`); no
//! statistical model. A first pass finds the people of the document (Korean and Chinese
//! "Family Given" names, common Western first names, names anchored by a title, an
//! appositive or a verb of saying); later passes find titles, venues and entities and resolve
//! short forms ("Lee", "President Lee") to the full name introduced in the same document.

mod data;
mod names;
mod tokens;

use super::rules::{Example, Rule};
use super::{Candidate, CandidateValue, Context};
use crate::model::{Kind, Qualifier, TextValue};
use crate::text::name_key;
use crate::text::{Join, Lowercase};
use data::{Lexicon, LEXICON, TITLE_HEADS_2};
use names::People;
use tokens::Tokens;

/// The rules of this extractor.
pub static RULES: &[Rule] = &[
    Rule {
        name: "title.prefix",
        kind: Kind::Title,
        pattern: "",
        description: "A title or role written before a name: \"Premier Li Qiang\", \"national security adviser Wi Sung-lac\".",
        examples: &[
            Example {
                input: "Chinese President Xi Jinping welcomed him.",
                text: "Chinese President Xi Jinping",
                value: "xi jinping: president",
            },
            Example {
                input: "Lee Jae-myung met Premier Li Qiang on Tuesday.",
                text: "Premier Li Qiang",
                value: "li qiang: premier",
            },
            Example {
                input: "It was an agreement, national security adviser Wi Sung-lac said Monday.",
                text: "national security adviser Wi Sung-lac",
                value: "wi sung lac: national security adviser",
            },
            Example {
                input: "Chinese Foreign Ministry spokesperson Mao Ning said at a briefing that talks went well.",
                text: "Chinese Foreign Ministry spokesperson Mao Ning",
                value: "mao ning: foreign ministry spokesperson",
            },
            Example {
                input: "Chinese Premier Li Qiang met with President of the Republic of Korea (ROK) Lee Jae Myung in Beijing.",
                text: "President of the Republic of Korea (ROK) Lee Jae Myung",
                value: "lee jae myung: president",
            },
            Example {
                input: "Li Qiang hosted a lunch. Later, Premier Li said ties were on track.",
                text: "Premier Li",
                value: "li qiang: premier",
            },
            Example {
                input: "Gov. Gavin Newsom declared a state of emergency.",
                text: "Gov. Gavin Newsom",
                value: "gavin newsom: governor",
            },
            Example {
                input: "White House press secretary Karoline Leavitt said the talks would go on.",
                text: "White House press secretary Karoline Leavitt",
                value: "karoline leavitt: white house press secretary",
            },
            Example {
                input: "European Commission President Ursula von der Leyen offered help.",
                text: "European Commission President Ursula von der Leyen",
                value: "ursula von der leyen: commission president",
            },
            Example {
                input: "North Korean leader Kim Jong-un inspected a factory.",
                text: "North Korean leader Kim Jong-un",
                value: "kim jong un: leader",
            },
            Example {
                input: "Democratic Party leader Lee Jae-myung thanked voters.",
                text: "Democratic Party leader Lee Jae-myung",
                value: "lee jae myung: democratic party leader",
            },
            Example {
                input: "President Lee Meets Premier Li In Beijing",
                text: "President Lee",
                value: "lee: president",
            },
            Example {
                input: "Secretary of State Marco Rubio arrived in Tokyo.",
                text: "Secretary of State Marco Rubio",
                value: "marco rubio: secretary of state",
            },
        ],
        negatives: &[
            "No. I will not.",
            "Lee underscored the premier's role in the partnership.",
            "Sales at e-commerce leader Coupang rose 20 percent.",
            "The president said nothing on Tuesday.",
        ],
    },
    Rule {
        name: "title.appositive",
        kind: Kind::Title,
        pattern: "",
        description: "A title or role in apposition after a name: \"Zhao Leji, chairman of the Standing Committee ...\".",
        examples: &[
            Example {
                input: "Lee first met Zhao Leji, chairman of the Standing Committee of the National People's Congress, then held talks.",
                text: "Zhao Leji, chairman of the Standing Committee of the National People's Congress",
                value: "zhao leji: chairman of standing committee of national people's congress",
            },
            Example {
                input: "Later in the day, Lee was set to meet Chen Jining, Shanghai's Communist Party secretary.",
                text: "Chen Jining, Shanghai's Communist Party secretary",
                value: "chen jining: shanghai's communist party secretary",
            },
            Example {
                input: "Li Jiacheng, an associate professor at Liaoning University's School of International Studies, said so.",
                text: "Li Jiacheng, an associate professor at Liaoning University's School of International Studies",
                value: "li jiacheng: associate professor at liaoning university's school of international studies",
            },
            Example {
                input: "Park Chan-dae, the party's floor leader, said the results showed public anger.",
                text: "Park Chan-dae, the party's floor leader",
                value: "park chan dae: party's floor leader",
            },
            Example {
                input: "The talks were led by Jane Doe, the country's foreign minister, on Monday.",
                text: "Jane Doe, the country's foreign minister",
                value: "jane doe: country's foreign minister",
            },
        ],
        negatives: &[
            "Lee, who is accompanied by a large business delegation, expects to expand trade.",
            "Lee Jae-myung spoke first. Lee, Xi meet new leader of the party.",
            "In Beijing, the premier spoke first.",
        ],
    },
    Rule {
        name: "venue.at",
        kind: Kind::Venue,
        pattern: "",
        description: "A named building or compound after \"at\"/\"in\": \"at the Diaoyutai State Guesthouse\", \"in the Great Hall of the People\".",
        examples: &[
            Example {
                input: "Li met Lee at the Diaoyutai State Guesthouse in Beijing on Tuesday.",
                text: "Diaoyutai State Guesthouse",
                value: "diaoyutai state guesthouse",
            },
            Example {
                input: "A welcoming ceremony was held in the Great Hall of the People.",
                text: "Great Hall of the People",
                value: "great hall of the people",
            },
            Example {
                input: "The two leaders talked at the Blue House for two hours.",
                text: "Blue House",
                value: "blue house",
            },
        ],
        negatives: &[
            "They previously met at the Asean gathering in Kuala Lumpur.",
            "Li Jiacheng is an associate professor at Liaoning University.",
            "Talks in the West Sea region stalled.",
        ],
    },
    Rule {
        name: "venue.appositive",
        kind: Kind::Venue,
        pattern: "",
        description: "A venue named and then described: \"at Diaoyutai, the Chinese government's state guesthouse\".",
        examples: &[
            Example {
                input: "Lee met Li at Diaoyutai, the Chinese government's state guesthouse, and said he was glad.",
                text: "Diaoyutai",
                value: "diaoyutai state guesthouse",
            },
            Example {
                input: "The dinner was at Akasaka, the Japanese government's state guest house.",
                text: "Akasaka",
                value: "akasaka state guest house",
            },
        ],
        negatives: &["He arrived at Incheon, the country's main gateway."],
    },
    Rule {
        name: "venue.held_in",
        kind: Kind::Venue,
        pattern: "",
        description: "The city an event was held in: \"held in Gyeongju\", \"met in November in Gyeongju\".",
        examples: &[
            Example {
                input: "The APEC summit was held in Gyeongju last year.",
                text: "Gyeongju",
                value: "gyeongju",
            },
            Example {
                input: "The two presidents met in November in Gyeongju, the ROK.",
                text: "Gyeongju",
                value: "gyeongju",
            },
            Example {
                input: "The forum was held Monday in Busan, officials said.",
                text: "Busan",
                value: "busan",
            },
            Example {
                input: "The forum took place in Davos.",
                text: "Davos",
                value: "davos",
            },
        ],
        negatives: &[
            "The G20 summit was held in South Africa in November.",
            "The delegation arrived in Beijing on Sunday.",
        ],
    },
    Rule {
        name: "entity.person",
        kind: Kind::Entity,
        pattern: "",
        description: "A person's full name: Korean/Chinese \"Family Given\" names, Western names with a known first name or an anchor.",
        examples: &[
            Example {
                input: "Lee Jae Myung arrived in Beijing on Sunday.",
                text: "Lee Jae Myung",
                value: "lee jae myung",
            },
            Example {
                input: "It was a chance to talk, Kim Hea Kyung told reporters.",
                text: "Kim Hea Kyung",
                value: "kim hea kyung",
            },
            Example {
                input: "Talks with Xi Jinping lasted 90 minutes.",
                text: "Xi Jinping",
                value: "xi jinping",
            },
            Example {
                input: "Vaccines were questioned by Robert F. Kennedy on Monday.",
                text: "Robert F. Kennedy",
                value: "robert f kennedy",
            },
            Example {
                input: "A spokesman for Emmanuel Macron declined to comment.",
                text: "Emmanuel Macron",
                value: "emmanuel macron",
            },
        ],
        negatives: &[
            "During the meeting, the two sides agreed to expand trade.",
            "They attended the Korea-China business forum on Monday.",
            "The Han River flooded.",
        ],
    },
    Rule {
        name: "entity.short_form",
        kind: Kind::Entity,
        pattern: "",
        description: "A short form of a person named in full elsewhere in the document: \"Lee\" for \"Lee Jae Myung\".",
        examples: &[
            Example {
                input: "Lee Jae Myung arrived on Sunday. Later, Lee met officials.",
                text: "Lee",
                value: "lee jae myung",
            },
            Example {
                input: "Wang said the talks went well, according to Wang Yi.",
                text: "Wang",
                value: "wang yi",
            },
            Example {
                input: "The Lee-Xi summit followed talks between Lee Jae-myung and Xi Jinping.",
                text: "Xi",
                value: "xi jinping",
            },
        ],
        negatives: &["Lee said it was a good day."],
    },
    Rule {
        name: "entity.org",
        kind: Kind::Entity,
        pattern: "",
        description: "An organization: a capitalized name ending in (or opening with) an organization word, or a well-known one.",
        examples: &[
            Example {
                input: "Lee called for China's National People's Congress to lend support.",
                text: "National People's Congress",
                value: "national people's congress",
            },
            Example {
                input: "Statistics from China Customs show that trade grew.",
                text: "China Customs",
                value: "china customs",
            },
            Example {
                input: "According to China's state-run Xinhua News Agency, Zhao agreed.",
                text: "Xinhua News Agency",
                value: "xinhua news agency",
            },
            Example {
                input: "Cheong Wa Dae said Monday that talks went well.",
                text: "Cheong Wa Dae",
                value: "cheong wa dae",
            },
            Example {
                input: "At least 12 died, the Fire and Disaster Management Agency said.",
                text: "Fire and Disaster Management Agency",
                value: "fire and disaster management agency",
            },
            Example {
                input: "The Ministry of Foreign Affairs issued a statement.",
                text: "Ministry of Foreign Affairs",
                value: "ministry of foreign affairs",
            },
        ],
        negatives: &[
            "During his meeting, he spoke about trust.",
            "Officials said the plan would go ahead as scheduled.",
        ],
    },
    Rule {
        name: "entity.place",
        kind: Kind::Entity,
        pattern: "",
        description: "A country or city from the gazetteer: \"China\", \"South Korea\", \"Kuala Lumpur\".",
        examples: &[
            Example {
                input: "Seoul and Beijing agreed to broaden cooperation.",
                text: "Seoul",
                value: "seoul",
            },
            Example {
                input: "It was the first such trip by a South Korean president to China since 2017.",
                text: "China",
                value: "china",
            },
            Example {
                input: "Officials in Kuala Lumpur and Jakarta agreed.",
                text: "Kuala Lumpur",
                value: "kuala lumpur",
            },
        ],
        negatives: &[
            "The Korean side and the Chinese side agreed.",
            "Real Madrid won at the Santiago Bernabeu.",
            "Tensions rose in the South China Sea.",
        ],
    },
    Rule {
        name: "entity.acronym",
        kind: Kind::Entity,
        pattern: "",
        description: "An acronym defined in the text in parentheses after the full name: \"Republic of Korea (ROK)\" makes \"ROK\" the republic.",
        examples: &[
            Example {
                input: "He met the President of the Republic of Korea (ROK). The ROK side agreed.",
                text: "ROK",
                value: "republic of korea",
            },
            Example {
                input: "A spokesman for the World Health Organization (WHO) said the WHO was monitoring the outbreak.",
                text: "WHO",
                value: "world health organization",
            },
            Example {
                input: "The Korea Trade-Investment Promotion Agency (KOTRA) said exports rose. KOTRA expects more.",
                text: "KOTRA",
                value: "korea trade investment promotion agency",
            },
        ],
        negatives: &[],
    },
];

/// Finds the title, venue and entity mentions of a document.
pub fn find(ctx: &Context<'_, '_>, out: &mut Vec<Candidate>) {
    let t = Tokens::new(ctx.doc);
    if t.len() == 0 {
        t.recycle();
        return;
    }
    // About one mention per 16 words in news text: grow the output once, not by doubling.
    out.reserve(t.len() / 16);
    let lex: &Lexicon = &LEXICON;
    let people = People::find(&t, lex);
    let mut f = Finder {
        t: &t,
        lex,
        people: &people,
        out,
        pieces: Vec::new(),
    };
    f.titles_prefix();
    f.titles_appositive();
    f.venues();
    f.entities();
    t.recycle();
}

/// Words joining the parts of a name ("Ministry of Foreign Affairs").
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "on" | "de" | "the" | "and")
}

struct Finder<'a, 't> {
    t: &'a Tokens<'t>,
    lex: &'static Lexicon,
    people: &'a People,
    out: &'a mut Vec<Candidate>,
    /// Scratch for `chunk_entities`: the pieces of a chunk, reused across chunks.
    pieces: Vec<(usize, usize)>,
}

impl Finder<'_, '_> {
    fn push(&mut self, a: usize, b: usize, kind: Kind, rule: &'static str, value: TextValue) {
        let r = self.t.range(a, b);
        if r.start >= r.end {
            return;
        }
        self.out.push(Candidate {
            range: r,
            kind,
            value: CandidateValue::Text(value),
            qualifier: Qualifier::Exact,
            noun: None,
            rule,
            linked: None,
        });
    }

    /// The title head ending at word `i`: returns its first word.
    fn title_head_at(&self, i: usize) -> Option<usize> {
        let t = self.t;
        let tok = t.get(i)?;
        let w = t.lower(i);
        if tok.class() & (data::class::TITLE_HEAD | data::class::TITLE_TAIL) == 0 {
            let abbreviated = tok.cap() && t.gap(i) == ". " && abbreviated_title(w).is_some();
            return abbreviated.then_some(i);
        }
        if i > 0 && t.joined(i - 1) {
            let prev = t.lower(i - 1);
            if TITLE_HEADS_2.iter().any(|(a, b)| *a == prev && *b == w) {
                return Some(i - 1);
            }
        }
        // The TITLE_HEAD bit is membership in `title_heads`, without a hash lookup.
        (tok.class() & data::class::TITLE_HEAD != 0).then_some(i)
    }

    /// The name starting at word `k` as a title's or appositive's holder: (end, subject key).
    fn holder_at(&self, k: usize) -> Option<(usize, String)> {
        let p = self.people;
        if let Some(occ) = p.occurrence_at(k) {
            return Some((occ.b, occ.key.clone()));
        }
        let t = self.t;
        // In a Title Case headline every word is capitalized: only a known name or one word.
        if p.in_title_case(t, k) {
            let w = t
                .get(k)
                .filter(|x| x.cap() && names::nameable(t, self.lex, k))?;
            let key = p
                .resolve_short(t.lw(w), k)
                .unwrap_or_else(|| name_key(t.word(w)));
            return Some((k + 1, key));
        }
        if let Some(b) = p.anchored_name(t, self.lex, k) {
            let text = t.span_text(k, b);
            let key = if b == k + 1 {
                p.resolve_short(t.lower(k), k)
                    .unwrap_or_else(|| name_key(text))
            } else {
                name_key(text)
            };
            return Some((b, key));
        }
        None
    }

    /// The canonical form of a title spanning words `a..b`: lower case, articles dropped,
    /// leading nationality words and country possessives dropped, a trailing "of <country>" dropped.
    fn canonical_title(&self, a: usize, b: usize) -> String {
        let t = self.t;
        let mut words: Vec<(String, bool)> = Vec::new();
        for i in a..b {
            let Some(tok) = t.get(i) else { break };
            if matches!(t.lw(tok), "a" | "an" | "the") {
                continue;
            }
            let mut w = t.lw(tok).to_string();
            if tok.poss() {
                w.push_str(if t.text.get(tok.end()..tok.full_end()) == Some("'") {
                    "'"
                } else {
                    "'s"
                });
            }
            words.push((w, tok.poss()));
        }
        // Leading nationality adjectives and country possessives.
        let mut two = String::new();
        loop {
            // The first two words with a space between them (in one reused buffer): only
            // a demonym of several words can equal that.
            let demonym = match (words.first(), words.get(1)) {
                (Some((x, false)), Some((y, false))) => {
                    two.clear();
                    two.push_str(x);
                    two.push(' ');
                    two.push_str(y);
                    self.lex.demonyms_multi.contains(two.as_str())
                }
                _ => false,
            };
            if demonym && words.len() > 2 {
                words.drain(..2);
                continue;
            }
            match words.first() {
                Some((w, false)) if self.lex.demonyms.contains(w.as_str()) && words.len() > 1 => {
                    words.remove(0);
                }
                Some((w, true)) if words.len() > 1 => {
                    let stem = crate::text::trim_end_str(w, "'s").trim_end_matches('\'');
                    if self.is_country(&[stem]) {
                        words.remove(0);
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // A trailing "of <country>".
        let cut = (1..words.len()).find(|&p| {
            if words[p].0 != "of" {
                return false;
            }
            let tail: Vec<&str> = words[p + 1..].iter().map(|(w, _)| w.as_str()).collect();
            !tail.is_empty() && self.is_country(&tail)
        });
        if let Some(p) = cut {
            words.truncate(p);
        }
        let joined: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
        name_key(&joined.joined(" "))
    }

    fn is_country(&self, words: &[&str]) -> bool {
        let Some(first) = words.first() else {
            return false;
        };
        self.lex.places.get(first).is_some_and(|v| {
            v.iter().any(|(p, country)| {
                *country && p.len() == words.len() && p.iter().zip(words).all(|(a, b)| a == b)
            })
        })
    }

    /// "Premier Li Qiang", "President of the Republic of Korea (ROK) Lee Jae Myung".
    fn titles_prefix(&mut self) {
        let t = self.t;
        // A head is a title word or (abbreviated) capitalized: both are marked.
        for i in t.marked.iter().map(|&i| i as usize) {
            let Some(tok) = t.get(i) else { break };
            if tok.poss() {
                continue;
            }
            let Some(head_start) = self.title_head_at(i) else {
                continue;
            };
            let abbreviated = t.gap(i) == ". " && abbreviated_title(t.lw(tok)).is_some();
            // The holder, after an optional "of ..." tail.
            let mut tail_end = i + 1;
            let mut holder: Option<(usize, usize, String)> = None;
            if t.joined(i) && matches!(t.lower(i + 1), "of" | "for") {
                let mut j = i + 2;
                if t.lower(j) == "the" && t.joined(j - 1) {
                    j += 1;
                }
                let first = j;
                while j < t.len() && t.joined(j - 1) && j - first < 8 {
                    let tj = &t.toks[j];
                    if !(tj.cap() || matches!(t.lw(tj), "of" | "the" | "and" | "for")) {
                        break;
                    }
                    if j > first {
                        if let Some((b, key)) = self.holder_strict(j) {
                            tail_end = j;
                            holder = Some((j, b, key));
                            break;
                        }
                    }
                    // "... Korea (ROK) Lee Jae Myung".
                    let acr = t.get(j + 1).is_some_and(|x| x.upper())
                        && t.gap(j) == " ("
                        && t.gap(j + 1) == ") ";
                    if tj.cap() && acr {
                        if let Some((b, key)) = self.holder_strict(j + 2) {
                            tail_end = j + 1;
                            holder = Some((j + 2, b, key));
                        }
                        break;
                    }
                    j += 1;
                }
            } else if t.joined(i) || abbreviated {
                // After a lower-case head ("market leader Coupang") only a known person or a
                // full name is a holder; a capitalized title vouches for a bare surname.
                let capitalized = t.get(head_start).is_some_and(|x| x.cap());
                let found = if capitalized || abbreviated {
                    self.holder_at(i + 1)
                } else {
                    self.holder_strict(i + 1).or_else(|| {
                        let k = i + 1;
                        let single = t.get(k).is_some_and(|x| x.cap())
                            && !(t.joined(k) && t.get(k + 1).is_some_and(|x| x.cap()));
                        let key = single
                            .then(|| self.people.resolve_short(t.lower(k), k))
                            .flatten()?;
                        Some((k + 1, key))
                    })
                };
                if let Some((b, key)) = found {
                    holder = Some((i + 1, b, key));
                }
            }
            let Some((_, name_end, subject)) = holder else {
                continue;
            };
            // Modifiers before the head.
            let mut a = head_start;
            let mut n = 0;
            while a > 0 && n < 5 && t.joined(a - 1) {
                let w = &t.toks[a - 1];
                let lower = t.lw(w);
                let compass = matches!(
                    lower,
                    "north" | "south" | "east" | "west" | "new" | "central" | "united"
                );
                // The word's class bits are its membership in the word lists.
                let modifier = w.class() & data::class::MODIFIER != 0
                    || (w.cap()
                        && (w.class() & data::class::STOP == 0
                            || compass
                            || w.class() & data::class::ORG_OPENER != 0)
                        && self.people.occurrence_ending_at(a).is_none());
                if !modifier {
                    break;
                }
                a -= 1;
                n += 1;
            }
            let mut value = t.span_text(a, tail_end).to_string();
            let mut canonical = self.canonical_title(a, tail_end);
            if let Some(full) = abbreviated_title(t.lw(tok)).filter(|_| abbreviated) {
                value.push('.');
                canonical = name_key(&format!("{} {full}", self.canonical_title(a, i)));
            }
            if canonical.is_empty() {
                continue;
            }
            self.push(
                a,
                name_end,
                Kind::Title,
                "title.prefix",
                TextValue {
                    value,
                    canonical,
                    subject: Some(subject),
                },
            );
        }
    }

    /// A holder that is certainly a name (a known person, or a Korean/Chinese/Western full name).
    fn holder_strict(&self, k: usize) -> Option<(usize, String)> {
        if let Some(occ) = self.people.occurrence_at(k) {
            return Some((occ.b, occ.key.clone()));
        }
        let b = self.people.full_name_at(self.t, self.lex, k)?;
        Some((b, name_key(self.t.span_text(k, b))))
    }

    /// "Zhao Leji, chairman of the Standing Committee of the National People's Congress".
    fn titles_appositive(&mut self) {
        let t = self.t;
        let people = self.people;
        let starts = people.occurrences.iter().map(|o| (o.a, o.b, &o.key)).chain(
            people
                .short_forms()
                .iter()
                .map(|(i, key)| (*i, *i + 1, key)),
        );
        for (a, b, subject) in starts {
            let last = b - 1;
            if t.get(last).map_or(true, |x| x.poss()) || t.gap(last) != ", " {
                continue;
            }
            let Some(title) = self.appositive_title(b) else {
                continue;
            };
            let (va, ve) = title;
            let canonical = self.canonical_title(va, ve);
            if canonical.is_empty() {
                continue;
            }
            self.push(
                a,
                ve,
                Kind::Title,
                "title.appositive",
                TextValue {
                    value: t.span_text(va, ve).to_string(),
                    canonical,
                    subject: Some(subject.clone()),
                },
            );
        }
    }

    /// Parses an appositive title starting at word `k`; returns the words of its value.
    fn appositive_title(&self, k: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let mut k = k;
        if matches!(t.lower(k), "a" | "an" | "the") {
            if !t.joined(k) {
                return None;
            }
            k += 1;
        }
        let start = k;
        let mut h = None;
        let mut j = k;
        let mut seen_cap = false;
        while j < t.len() && j - start < 7 {
            let w = t.get(j)?;
            if !w.poss() {
                if let Some(hs) = self.title_head_at(j) {
                    if hs >= start {
                        // The head ends the noun phrase unless lower-case words go on
                        // ("chief economic policymaker" is not a "chief").
                        let goes_on = t.joined(j)
                            && t.get(j + 1).is_some_and(|x| {
                                !x.cap()
                                    && !matches!(
                                        t.lw(x),
                                        "of" | "at"
                                            | "for"
                                            | "in"
                                            | "to"
                                            | "with"
                                            | "on"
                                            | "and"
                                            | "or"
                                            | "who"
                                            | "which"
                                            | "that"
                                            | "said"
                                            | "says"
                                            | "told"
                                    )
                            });
                        if !goes_on {
                            h = Some(j);
                            break;
                        }
                    }
                }
            }
            // After a capitalized word only title modifiers may follow in lower case
            // ("White House press secretary", not "Lee, Xi meet new leader").
            let title_modifier = w.class() & data::class::MODIFIER != 0;
            let plain_lower = !w.cap() && !title_modifier;
            let modifier = (w.class() & data::class::STOP == 0 || title_modifier || w.poss())
                && !(plain_lower && seen_cap);
            if !modifier || !t.joined_poss(j) {
                break;
            }
            if w.cap() && !w.poss() {
                seen_cap = true;
            }
            j += 1;
        }
        let h = h?;
        let mut e = h + 1;
        if t.joined(h)
            && matches!(
                t.lower(h + 1),
                "of" | "at" | "for" | "in" | "to" | "with" | "on"
            )
        {
            let mut x = h + 2;
            while x < t.len() && x - h < 16 && t.joined_poss(x - 1) {
                let lower = t.lower(x);
                if matches!(
                    lower,
                    "who"
                        | "which"
                        | "that"
                        | "said"
                        | "says"
                        | "told"
                        | "since"
                        | "when"
                        | "after"
                        | "before"
                        | "while"
                        | "during"
                        | "as"
                        | "because"
                        | "where"
                        | "was"
                        | "is"
                        | "and"
                        | "but"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                ) {
                    break;
                }
                x += 1;
            }
            while x > h + 2
                && matches!(
                    t.lower(x - 1),
                    "of" | "the" | "at" | "for" | "in" | "to" | "with" | "on" | "a" | "an"
                )
            {
                x -= 1;
            }
            if x > h + 2 {
                e = x;
            }
        }
        Some((start, e))
    }

    fn venues(&mut self) {
        let t = self.t;
        // Venue triggers are marked.
        for i in t.marked.iter().map(|&i| i as usize) {
            if !t.is(i, data::class::VENUE_TRIGGER) {
                continue;
            }
            let w = t.lower(i);
            if matches!(w, "at" | "in" | "inside") && t.joined(i) {
                if i > 0 && t.joined(i - 1) {
                    let prev = t.lower(i - 1);
                    if t.is(i - 1, data::class::TITLE_HEAD)
                        || matches!(
                            prev,
                            "work"
                                | "works"
                                | "worked"
                                | "working"
                                | "studied"
                                | "studies"
                                | "student"
                                | "students"
                        )
                    {
                        continue;
                    }
                }
                self.venue_at(i + 1, w == "at");
            }
            if matches!(
                w,
                "held" | "hosted" | "convened" | "met" | "meet" | "meets" | "staged" | "gathered"
            ) || (w == "place"
                && i > 0
                && matches!(t.lower(i - 1), "took" | "take" | "takes" | "taking"))
            {
                self.venue_held_in(i + 1);
            }
        }
    }

    /// The end of a capitalized name chunk starting at `k` (joined capitalized words, with
    /// "of"/"the" between them).
    fn cap_chunk(&self, k: usize) -> usize {
        let t = self.t;
        let mut e = k;
        while e < t.len() {
            let Some(w) = t.get(e) else { break };
            if !w.cap() {
                break;
            }
            e += 1;
            if w.poss() {
                let keep = data::NAME_POSSESSIVES.contains(t.lw(w));
                if !(keep && t.joined_poss(e - 1) && t.get(e).is_some_and(|x| x.cap())) {
                    break;
                }
                continue;
            }
            if !t.joined(e - 1) {
                break;
            }
            // Connectors followed by a capitalized word; "and" only inside a name
            // ("Fire and Disaster Management Agency", not "Seoul and Beijing").
            let mut c = e;
            while c < t.len() && matches!(t.lower(c), "of" | "the" | "de") && t.joined(c) {
                c += 1;
            }
            if c == e && t.lower(c) == "and" && t.joined(c) && self.and_joins(e - 1) {
                c += 1;
            }
            if c > e {
                if t.get(c).is_some_and(|x| x.cap()) {
                    e = c;
                } else {
                    break;
                }
            }
        }
        e
    }

    /// True when the word before an "and" can be the first half of a name with "and" in it:
    /// not a place, a known organization, a person or an organization head.
    fn and_joins(&self, i: usize) -> bool {
        let w = self.t.lower(i);
        !(self.t.is(i, data::class::NAME_WORD)
            || self.people.is_short(w)
            || self.people.occurrence_ending_at(i + 1).is_some()
            || self.t.is(i, data::class::ORG_HEAD))
    }

    /// Longest known phrase (lower-case words) from `table` at word `k`: its end.
    fn phrase_at(
        &self,
        table: &data::WordMap<Vec<Vec<&'static str>>>,
        first_bit: u32,
        k: usize,
    ) -> Option<usize> {
        let t = self.t;
        let first = t.get(k)?;
        // `first_bit` marks the first words of the table's phrases: no lookup for other words.
        if !first.cap() || first.class() & first_bit == 0 {
            return None;
        }
        let cands = table.get(t.lw(first))?;
        'outer: for words in cands {
            for (n, w) in words.iter().enumerate() {
                let i = k + n;
                let Some(tok) = t.get(i) else { continue 'outer };
                if t.lw(tok) != *w {
                    continue 'outer;
                }
                if n + 1 < words.len() && !t.joined(i) {
                    continue 'outer;
                }
            }
            return Some(k + words.len());
        }
        None
    }

    /// A gazetteer place at word `k`: (end, is a country).
    fn place_at(&self, k: usize) -> Option<(usize, bool)> {
        let t = self.t;
        let first = t.get(k)?;
        if !first.cap() || first.class() & data::class::PLACE_FIRST == 0 {
            return None;
        }
        let cands = self.lex.places.get(t.lw(first))?;
        'outer: for (words, country) in cands {
            for (n, w) in words.iter().enumerate() {
                let i = k + n;
                let Some(tok) = t.get(i) else { continue 'outer };
                let same = if tok.poss() && n + 1 < words.len() {
                    w.strip_suffix("'s") == Some(t.lw(tok))
                } else {
                    t.lw(tok) == *w
                };
                if !same {
                    continue 'outer;
                }
                if !tok.cap() && !is_connector(w) {
                    continue 'outer;
                }
                if n + 1 < words.len() && !t.joined_poss(i) {
                    continue 'outer;
                }
            }
            // Not a place when it opens a longer capitalized name ("Han River", "China Customs").
            return Some((k + words.len(), *country));
        }
        None
    }

    fn venue_at(&mut self, k: usize, at: bool) {
        let t = self.t;
        let mut k = k;
        if t.lower(k) == "the" && t.joined(k) {
            k += 1;
        }
        let Some(first) = t.get(k) else { return };
        if !first.cap() {
            return;
        }
        // "at Seoul's Lotte Hotel": skip a possessive place.
        if first.poss() && t.joined_poss(k) {
            k += 1;
        }
        let e = self.cap_chunk(k);
        if e <= k {
            return;
        }
        if at && e - k <= 3 && self.venue_appositive(k, e) {
            return;
        }
        let known = self.phrase_at(&self.lex.venues, data::class::VENUE_FIRST, k);
        // Last venue head in the chunk.
        let mut head_end = None;
        let mut h = None;
        for j in k..e {
            let w = t.lower(j);
            let guest_house = w == "house" && j > k && t.lower(j - 1) == "guest";
            if t.is(j, data::class::VENUE_HEAD) || guest_house {
                h = Some(j);
            }
        }
        if let Some(h) = h {
            let stop = if h + 1 < e && t.lower(h + 1) == "of" {
                e
            } else {
                h + 1
            };
            if stop - k >= 2 {
                head_end = Some(stop);
            }
        }
        let end = match (known, head_end) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        if let Some(end) = end {
            let value = t.span_text(k, end).to_string();
            let canonical = name_key(&value);
            self.push(
                k,
                end,
                Kind::Venue,
                "venue.at",
                TextValue {
                    value,
                    canonical,
                    subject: None,
                },
            );
        }
    }

    /// "at Diaoyutai, the Chinese government's state guesthouse": the name in words `k..e`
    /// described after the comma. Returns whether a venue was found.
    fn venue_appositive(&mut self, k: usize, e: usize) -> bool {
        let t = self.t;
        if t.gap(e - 1) != ", " || t.lower(e) != "the" {
            return false;
        }
        let mut j = e + 1;
        let mut desc_end = None;
        while j < t.len() && j - e <= 6 {
            let w = &t.toks[j];
            if !w.cap() && !w.poss() && self.lex.venue_descriptors.contains(t.lw(w)) {
                desc_end = Some(j);
                let more = t.joined(j)
                    && t.get(j + 1)
                        .is_some_and(|x| !x.cap() && self.lex.venue_descriptors.contains(t.lw(x)));
                if !more {
                    break;
                }
            }
            if !t.joined_poss(j) {
                break;
            }
            j += 1;
        }
        let Some(d) = desc_end else { return false };
        // The lower-case run ending at the descriptor.
        let mut s = d;
        while s > e + 1 {
            let w = &t.toks[s - 1];
            if w.cap() || w.poss() || !t.joined(s - 1) {
                break;
            }
            s -= 1;
        }
        let value = t.span_text(k, e).to_string();
        let mut canonical = name_key(&value);
        for x in s..=d {
            canonical.push(' ');
            canonical.push_str(t.lower(x));
        }
        self.push(
            k,
            e,
            Kind::Venue,
            "venue.appositive",
            TextValue {
                value,
                canonical: name_key(&canonical),
                subject: None,
            },
        );
        true
    }

    /// "held in Gyeongju", "met in November in Gyeongju": the city after the verb.
    fn venue_held_in(&mut self, k: usize) {
        let t = self.t;
        let mut k = k;
        // An optional time phrase: "in November", "on Monday", "last year".
        for _ in 0..2 {
            if !t.joined(k.saturating_sub(1)) {
                return;
            }
            let w = t.lower(k);
            let next = t.lower(k + 1);
            let calendar = is_month(next) || is_weekday(next);
            let relative = matches!(w, "last" | "this" | "earlier")
                && matches!(next, "year" | "week" | "month");
            if (matches!(w, "in" | "on") && calendar && t.joined(k)) || relative {
                k += 2;
                if !t.joined(k - 1) {
                    return;
                }
                continue;
            }
            // A bare day: "held Monday in Beijing", "met yesterday in Seoul".
            if is_weekday(w) || matches!(w, "yesterday" | "today" | "tonight") {
                k += 1;
                continue;
            }
            break;
        }
        if t.lower(k) != "in" || !t.joined(k) {
            return;
        }
        let c = k + 1;
        if let Some((e, country)) = self.place_at(c) {
            if country {
                return;
            }
            if t.joined(e - 1) && t.get(e).is_some_and(|x| x.cap()) {
                return;
            }
            let value = t.span_text(c, e).to_string();
            let canonical = name_key(&value);
            self.push(
                c,
                e,
                Kind::Venue,
                "venue.held_in",
                TextValue {
                    value,
                    canonical,
                    subject: None,
                },
            );
            return;
        }
        // An unknown city followed by its country: "in Gyeongju, the ROK".
        let Some(w) = t.get(c) else { return };
        if !w.cap() || w.poss() || w.class() & data::class::STOP != 0 || t.gap(c) != ", " {
            return;
        }
        let mut n = c + 1;
        if t.lower(n) == "the" {
            n += 1;
        }
        if self.place_at(n).is_some_and(|(_, country)| country) {
            let value = t.span_text(c, c + 1).to_string();
            let canonical = name_key(&value);
            self.push(
                c,
                c + 1,
                Kind::Venue,
                "venue.held_in",
                TextValue {
                    value,
                    canonical,
                    subject: None,
                },
            );
        }
    }

    fn entity(&mut self, a: usize, b: usize, rule: &'static str, canonical: String) {
        let value = self.t.span_text(a, b).to_string();
        self.push(
            a,
            b,
            Kind::Entity,
            rule,
            TextValue {
                value,
                canonical,
                subject: None,
            },
        );
    }

    fn entities(&mut self) {
        let t = self.t;
        let people = self.people;
        for o in &people.occurrences {
            self.entity(o.a, o.b, "entity.person", o.key.clone());
        }
        for (i, key) in people.short_forms() {
            self.entity(*i, *i + 1, "entity.short_form", key.clone());
        }
        // Parts of hyphenated compounds: "Lee-Xi summit".
        for i in t.caps.iter().map(|&i| i as usize) {
            let Some(tok) = t.get(i) else { continue };
            if !tok.cap() || !tok.hyphen() {
                continue;
            }
            let word = t.word(tok);
            let mut off = tok.start();
            let mut parts = Vec::new();
            for part in word.split('-') {
                parts.push((off, off + part.len(), part.lowercase()));
                off += part.len() + 1;
            }
            if parts.len() < 2 {
                continue;
            }
            let resolved: Vec<Option<String>> = parts
                .iter()
                .map(|(_, _, p)| people.resolve_short(p, i))
                .collect();
            if resolved.iter().all(Option::is_some) {
                for ((s, e, _), key) in parts.into_iter().zip(resolved) {
                    let Some(key) = key else { continue };
                    let value = t.text.get(s..e).unwrap_or("").to_string();
                    self.out.push(Candidate {
                        range: s..e,
                        kind: Kind::Entity,
                        value: CandidateValue::Text(TextValue {
                            value,
                            canonical: key,
                            subject: None,
                        }),
                        qualifier: Qualifier::Exact,
                        noun: None,
                        rule: "entity.short_form",
                        linked: None,
                    });
                }
            }
        }
        self.acronyms();
        // Organizations and places in capitalized chunks.
        // Each chunk starts at the first capitalized word after the previous chunk.
        let mut next = 0;
        for i in t.caps.iter().map(|&i| i as usize) {
            if i < next {
                continue;
            }
            let e = self.cap_chunk(i).max(i + 1);
            self.chunk_entities(i, e);
            next = e;
        }
    }

    fn chunk_entities(&mut self, a: usize, e: usize) {
        let t = self.t;
        // Places and known organizations anywhere in the chunk.
        let mut j = a;
        while j < e {
            if let Some(end) = self.phrase_at(&self.lex.orgs, data::class::ORG_FIRST, j) {
                let canonical = name_key(t.span_text(j, end));
                self.entity(j, end, "entity.org", canonical);
                j = end;
                continue;
            }
            if let Some((end, _)) = self.place_at(j) {
                if !self.people.acronyms.contains_key(t.word(&t.toks[j]))
                    && !self.inside_name(j, end)
                {
                    let canonical = name_key(t.span_text(j, end));
                    self.entity(j, end, "entity.place", canonical);
                }
                j = end;
                continue;
            }
            j += 1;
        }
        // Split at title heads and people.
        let mut pieces = std::mem::take(&mut self.pieces);
        pieces.clear();
        let mut s = a;
        let mut j = a;
        while j < e {
            if let Some(o) = self.people.occurrence_at(j) {
                pieces.push((s, j));
                j = o.b;
                s = j;
                continue;
            }
            if t.toks[j].cap()
                && t.is(j, data::class::TITLE_HEAD)
                && !t.is(j, data::class::ORG_HEAD)
            {
                pieces.push((s, j));
                s = j + 1;
            }
            j += 1;
        }
        pieces.push((s, e.max(s)));
        for &(mut p, mut q) in &pieces {
            while p < q {
                let w = t.lower(p);
                if is_connector(w)
                    || (t.is(p, data::class::STOP) && !t.is(p, data::class::ORG_OPENER))
                {
                    p += 1;
                } else {
                    break;
                }
            }
            while q > p && is_connector(t.lower(q - 1)) {
                q -= 1;
            }
            if q <= p {
                continue;
            }
            let mut h = None;
            for x in p..q {
                if t.toks[x].cap() && t.is(x, data::class::ORG_HEAD) {
                    h = Some(x);
                }
            }
            let Some(h) = h else { continue };
            let end = if h + 1 < q && matches!(t.lower(h + 1), "of" | "for" | "on") {
                q
            } else {
                h + 1
            };
            let single = end - p == 1;
            if single && (t.toks[p].sent_start() || !data::SINGLE_ORG_HEADS.contains(t.lower(p))) {
                continue;
            }
            let canonical = name_key(t.span_text(p, end));
            self.entity(p, end, "entity.org", canonical);
        }
        self.pieces = pieces;
    }

    /// True when the place at words `a..b` is part of a longer unexplained capitalized name
    /// ("Real Madrid", "Santiago Bernabeu", "South China Sea"), not a place by itself.
    fn inside_name(&self, a: usize, b: usize) -> bool {
        use data::class::*;
        let t = self.t;
        let plain = |i: usize, allowed: u32| {
            t.get(i)
                .is_some_and(|x| x.cap() && x.class() & allowed == 0)
        };
        let before = a > 0
            && t.joined(a - 1)
            && plain(a - 1, STOP | TITLE_HEAD | MODIFIER | DEMONYM | NAME_WORD)
            && self.people.occurrence_ending_at(a).is_none();
        let last_poss = t.get(b - 1).is_some_and(|x| x.poss());
        let after = !last_poss
            && t.joined(b - 1)
            && (plain(
                b,
                TITLE_HEAD | ORG_HEAD | VENUE_HEAD | NAME_WORD | STOP | DEMONYM | MODIFIER,
            ) || t.is(b, GEO))
            && self.people.occurrence_at(b).is_none();
        before || after
    }

    /// Acronyms defined as "Full Name (ABBR)", and their later uses.
    fn acronyms(&mut self) {
        let t = self.t;
        if self.people.acronyms.is_empty() {
            return;
        }
        // Acronyms are capitalized.
        for i in t.caps.iter().map(|&i| i as usize) {
            let Some(tok) = t.get(i) else { continue };
            if !tok.upper() {
                continue;
            }
            let word = t.word(tok);
            if let Some(full) = self.people.acronyms.get(word) {
                self.entity(i, i + 1, "entity.acronym", full.clone());
            }
        }
    }
}

/// The full title of an abbreviation written with a period before a name ("Gov. Gavin Newsom").
pub(crate) fn abbreviated_title(w: &str) -> Option<&'static str> {
    Some(match w {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "lt" => "lieutenant",
        "col" => "colonel",
        "prof" => "professor",
        "capt" => "captain",
        "adm" => "admiral",
        "sgt" => "sergeant",
        "amb" => "ambassador",
        "supt" => "superintendent",
        "pres" => "president",
        _ => return None,
    })
}

/// True for a weekday name.
fn is_weekday(w: &str) -> bool {
    crate::extract::dates::is_weekday_name(w)
}

/// True for a month name or abbreviation.
fn is_month(w: &str) -> bool {
    crate::extract::dates::month_number(w).is_some()
}

#[cfg(test)]
mod tests;
