//! The curated alias table: names of countries, governments and institutions that refer to
//! the same entity ("ROK" / "Republic of Korea" / "South Korea"), as data, plus the run-time
//! extension a newsroom passes in `CheckOptions::aliases`.
//!
//! Capital cities and seats of government ("Seoul", "Beijing", "the Blue House") are
//! *metonyms*: they stand for the government when it is the subject of a sentence
//! ("Seoul and Beijing agreed"), but as a place ("a visit to Beijing") they are not the country.
//! They resolve only through [`AliasTable::subject`], never through [`AliasTable::place`].

use crate::collections::VecMap;
use crate::text::name_key;
use crate::words::{words, Words};

/// What an alias set names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntityType {
    /// A country or its government.
    Country,
    /// A government body, parliament, agency or international organization.
    Institution,
}

/// One entity with its names.
#[derive(Debug, Clone, Copy)]
pub struct AliasSet {
    /// The canonical name (its [`name_key`] is the comparison key).
    pub canonical: &'static str,
    /// What it is.
    pub kind: EntityType,
    /// Other names that always mean it.
    pub names: Words,
    /// Names that mean it only as a subject (capital for government, seat of office).
    pub metonyms: Words,
}

/// The built-in table. Keys are compared after [`name_key`] (case, hyphens, periods, "the").
pub static ALIASES: &[AliasSet] = &[
    AliasSet {
        canonical: "South Korea",
        kind: EntityType::Country,
        names: words!["ROK", "R.O.K.", "Republic of Korea", "Korea", "S. Korea"],
        metonyms: words!["Seoul"],
    },
    AliasSet {
        canonical: "China",
        kind: EntityType::Country,
        names: words![
            "PRC",
            "P.R.C.",
            "People's Republic of China",
            "mainland China",
        ],
        metonyms: words!["Beijing"],
    },
    AliasSet {
        canonical: "North Korea",
        kind: EntityType::Country,
        names: words!["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
        metonyms: words!["Pyongyang"],
    },
    AliasSet {
        canonical: "United States",
        kind: EntityType::Country,
        names: words![
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "United States of America",
            "America",
        ],
        metonyms: words!["Washington", "the White House"],
    },
    AliasSet {
        canonical: "United Kingdom",
        kind: EntityType::Country,
        names: words!["UK", "U.K.", "Britain", "Great Britain"],
        metonyms: words!["London", "Downing Street"],
    },
    AliasSet {
        canonical: "Japan",
        kind: EntityType::Country,
        names: words!["Nippon"],
        metonyms: words!["Tokyo"],
    },
    AliasSet {
        canonical: "Russia",
        kind: EntityType::Country,
        names: words!["Russian Federation"],
        metonyms: words!["Moscow", "the Kremlin"],
    },
    AliasSet {
        canonical: "France",
        kind: EntityType::Country,
        names: words!["French Republic"],
        metonyms: words!["Paris", "the Elysee", "the Élysée"],
    },
    AliasSet {
        canonical: "Germany",
        kind: EntityType::Country,
        names: words!["Federal Republic of Germany"],
        metonyms: words!["Berlin"],
    },
    AliasSet {
        canonical: "India",
        kind: EntityType::Country,
        names: words!["Republic of India"],
        metonyms: words!["New Delhi"],
    },
    AliasSet {
        canonical: "Taiwan",
        kind: EntityType::Country,
        names: words!["Republic of China", "ROC"],
        metonyms: words!["Taipei"],
    },
    AliasSet {
        canonical: "Turkey",
        kind: EntityType::Country,
        names: words!["Türkiye", "Turkiye"],
        metonyms: words!["Ankara"],
    },
    AliasSet {
        canonical: "Cheong Wa Dae",
        kind: EntityType::Institution,
        names: words![
            "Blue House",
            "Cheongwadae",
            "presidential office",
            "South Korean presidential office",
            "Korean presidential office",
        ],
        metonyms: words![],
    },
    AliasSet {
        canonical: "United Nations",
        kind: EntityType::Institution,
        names: words!["UN", "U.N."],
        metonyms: words![],
    },
    AliasSet {
        canonical: "National People's Congress",
        kind: EntityType::Institution,
        names: words![
            "NPC",
            "China's National People's Congress",
            "China's legislature",
        ],
        metonyms: words![],
    },
    AliasSet {
        canonical: "Standing Committee of the National People's Congress",
        kind: EntityType::Institution,
        names: words!["NPC Standing Committee", "NPCSC"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "European Union",
        kind: EntityType::Institution,
        names: words!["EU", "E.U."],
        metonyms: words!["Brussels"],
    },
    AliasSet {
        canonical: "North Atlantic Treaty Organization",
        kind: EntityType::Institution,
        names: words!["NATO"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "World Health Organization",
        kind: EntityType::Institution,
        names: words!["WHO"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "International Monetary Fund",
        kind: EntityType::Institution,
        names: words!["IMF"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "Association of Southeast Asian Nations",
        kind: EntityType::Institution,
        names: words!["ASEAN"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "United States Geological Survey",
        kind: EntityType::Institution,
        names: words!["USGS", "U.S. Geological Survey", "US Geological Survey"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "China Earthquake Networks Center",
        kind: EntityType::Institution,
        names: words![
            "CENC",
            "China's earthquake network",
            "China Earthquake Network Center",
        ],
        metonyms: words![],
    },
    AliasSet {
        canonical: "General Administration of Customs",
        kind: EntityType::Institution,
        names: words![
            "China Customs",
            "GAC",
            "General Administration of Customs of China",
        ],
        metonyms: words![],
    },
    AliasSet {
        canonical: "Xinhua News Agency",
        kind: EntityType::Institution,
        names: words!["Xinhua", "China's state-run Xinhua News Agency"],
        metonyms: words![],
    },
    AliasSet {
        canonical: "National Assembly",
        kind: EntityType::Institution,
        names: words![
            "Korea's National Assembly",
            "South Korea's National Assembly",
        ],
        metonyms: words![],
    },
    AliasSet {
        canonical: "State Council",
        kind: EntityType::Institution,
        names: words!["China's State Council", "China's cabinet"],
        metonyms: words![],
    },
];

/// What a name resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    canonical: String,
    metonym: bool,
}

/// The alias table in use: the built-in sets plus any given at run time, keyed by [`name_key`].
#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    by_key: VecMap<String, Entry>,
}

impl AliasTable {
    /// The built-in table.
    pub fn builtin() -> AliasTable {
        let mut t = AliasTable::default();
        for set in ALIASES {
            let canonical = name_key(set.canonical);
            t.insert(set.canonical, &canonical, false);
            for n in set.names {
                t.insert(n, &canonical, false);
            }
            for n in set.metonyms {
                t.insert(n, &canonical, true);
            }
        }
        t
    }

    /// The built-in table extended with `extra` sets (canonical name first). Later sets
    /// override earlier ones for a name they share.
    pub fn with_extra(extra: &[Vec<String>]) -> AliasTable {
        let mut t = AliasTable::builtin();
        for set in extra {
            let Some(first) = set.iter().find(|s| !name_key(s).is_empty()) else {
                continue;
            };
            let canonical = name_key(first);
            for n in set {
                t.insert(n, &canonical, false);
            }
        }
        t
    }

    fn insert(&mut self, name: &str, canonical: &str, metonym: bool) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        self.by_key.insert(
            key,
            Entry {
                canonical: canonical.to_string(),
                metonym,
            },
        );
    }

    /// The canonical key of a name used as a subject (metonyms included):
    /// "Seoul" and "the ROK" both give "south korea". Unknown names give their own [`name_key`].
    pub fn subject(&self, name: &str) -> String {
        let key = name_key(name);
        match self.by_key.get(&key) {
            Some(e) => e.canonical.clone(),
            None => key,
        }
    }

    /// The canonical key of a name used as a place: like [`AliasTable::subject`] but a capital
    /// stays itself ("Beijing" is not "China" in "a visit to Beijing").
    pub fn place(&self, name: &str) -> String {
        let key = name_key(name);
        match self.by_key.get(&key) {
            Some(e) if !e.metonym => e.canonical.clone(),
            _ => key,
        }
    }

    /// True when the name is in the table (as a name or a metonym).
    pub fn knows(&self, name: &str) -> bool {
        self.by_key.contains_key(&name_key(name))
    }

    /// Every surface name in the table with its canonical key, longest first, for scanning text.
    pub fn surfaces(&self) -> impl Iterator<Item = (&str, &str)> {
        self.by_key
            .iter()
            .map(|(k, e)| (k.as_str(), e.canonical.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_names_share_a_key() {
        let t = AliasTable::builtin();
        for n in [
            "ROK",
            "the Republic of Korea",
            "South Korea",
            "Korea",
            "R.O.K.",
        ] {
            assert_eq!(t.subject(n), "south korea", "{n}");
        }
        for n in ["PRC", "China", "the People's Republic of China"] {
            assert_eq!(t.subject(n), "china", "{n}");
        }
        assert_eq!(t.subject("DPRK"), "north korea");
        assert_eq!(t.subject("U.S."), "united states");
        assert_eq!(t.subject("Britain"), "united kingdom");
        assert_eq!(t.subject("UN"), "united nations");
        assert_eq!(t.subject("NPC"), "national people's congress");
    }

    #[test]
    fn institutions_and_seats_of_office() {
        let t = AliasTable::builtin();
        for n in ["Cheong Wa Dae", "the Blue House", "the presidential office"] {
            assert_eq!(t.subject(n), "cheong wa dae", "{n}");
        }
        assert_eq!(
            t.subject("China Customs"),
            "general administration of customs"
        );
    }

    #[test]
    fn capitals_are_governments_as_subjects_but_places_as_places() {
        let t = AliasTable::builtin();
        assert_eq!(t.subject("Seoul"), "south korea");
        assert_eq!(t.subject("Beijing"), "china");
        assert_eq!(t.subject("Pyongyang"), "north korea");
        assert_eq!(t.subject("Washington"), "united states");
        assert_eq!(t.place("Beijing"), "beijing");
        assert_eq!(t.place("the PRC"), "china");
        assert_ne!(t.place("Beijing"), t.place("China"));
    }

    #[test]
    fn unknown_names_fold_to_their_name_key() {
        let t = AliasTable::builtin();
        assert_eq!(t.subject("Lee Jae-myung"), "lee jae myung");
        assert!(!t.knows("Lee Jae-myung"));
        assert!(t.knows("ROK"));
    }

    #[test]
    fn run_time_sets_extend_and_override() {
        let t = AliasTable::with_extra(&[
            vec!["Acme Corp".into(), "Acme".into(), "ACME Corporation".into()],
            vec!["".into()],
        ]);
        assert_eq!(t.subject("ACME corporation"), "acme corp");
        assert_eq!(t.subject("ROK"), "south korea");
    }

    #[test]
    fn table_has_no_name_claimed_by_two_entities() {
        let mut seen: VecMap<String, &str> = VecMap::new();
        for set in ALIASES {
            for n in std::iter::once(set.canonical)
                .chain(set.names.iter())
                .chain(set.metonyms.iter())
            {
                // One entity may list a name with and without its accents ("the Elysee",
                // "the \u{c9}lys\u{e9}e": surfaces are found as written); two may not share one.
                if let Some(prev) = seen.insert(name_key(n), set.canonical) {
                    assert_eq!(
                        prev, set.canonical,
                        "{n} is in both {prev} and {}",
                        set.canonical
                    );
                }
            }
        }
    }
}
