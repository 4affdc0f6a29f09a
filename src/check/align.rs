//! Alignment: blocks claims by measure (kind family, measure head, counted noun) so work
//! stays near-linear, splits a block by who the claims are about and by stated scope and
//! attribution, and decides which look-alikes are not comparable.

use super::claims::ClaimInfo;
use super::verdict::{compare, Linked, Rel};
use crate::collections::{VecMap, VecSet};
use crate::words::{words, WordList};

/// Claims of one measure, by index into the claim list, in claim order.
pub type Members = Vec<usize>;

/// Blocks claims by their measure key; a count with no noun joins the block of the same
/// head when exactly one noun is in use for it.
pub fn blocks(claims: &[ClaimInfo], link: &dyn Linked) -> VecMap<String, Members> {
    let mut out: VecMap<String, Members> = VecMap::new();
    for (i, c) in claims.iter().enumerate() {
        if let Some(b) = &c.block {
            out.entry(b.clone()).or_default().push(i);
        }
    }
    // "-" (no noun) and "person" join the one specific noun of the same head
    // ("9" and "nine people" with "killed"; "42 people" with "42 arrests").
    let mut heads: VecMap<String, Vec<String>> = VecMap::new();
    for k in out.keys().filter(|k| k.starts_with("count/")) {
        if let Some(head) = crate::text::rfind_byte(k, b'/').and_then(|i| k.get(..i)) {
            heads.entry(head.to_string()).or_default().push(k.clone());
        }
    }
    for (head, keys) in heads {
        let wild = |k: &String| k.ends_with("/-") || k.ends_with("/person");
        let specific: Vec<&String> = keys.iter().filter(|k| !wild(k)).collect();
        let people: Vec<&String> = specific
            .iter()
            .copied()
            .filter(|k| PERSON_NOUNS.contains(&crate::text::after_last(k, b'/')))
            .collect();
        let target = match (specific.as_slice(), people.as_slice()) {
            ([one], _) => Some((*one).clone()),
            ([], _) => Some(format!("{head}/person")).filter(|t| keys.contains(t)),
            // Several nouns: a bare figure goes with the only one that counts people.
            (_, [one]) => Some((*one).clone()),
            _ => None,
        };
        let Some(target) = target else { continue };
        let target_noun = crate::text::after_last(&target, b'/');
        // "people" only joins a noun for people ("protesters", "arrests"), never "companies".
        let joins = |k: &String| {
            k.ends_with("/-") || target_noun == "person" || PERSON_NOUNS.contains(&target_noun)
        };
        for k in keys.iter().filter(|k| wild(k) && **k != target && joins(k)) {
            // "people" joins a more specific noun only where it agrees with it: "179 people"
            // killed is not contradicted by "175 passengers" among the dead.
            if k.ends_with("/person") && target_noun != "person" {
                let (Some(a), Some(b)) = (out.get(k), out.get(&target)) else {
                    continue;
                };
                let clash = a.iter().any(|&x| {
                    b.iter().any(|&y| {
                        sig_compatible(&signature(&claims[x]), &signature(&claims[y]))
                            && matches!(compare(&claims[x], &claims[y], link), Rel::Differ(_))
                    })
                });
                if clash {
                    continue;
                }
            }
            if let Some(ms) = out.remove(k) {
                let t = out.entry(target.clone()).or_default();
                t.extend(ms);
                t.sort_unstable();
            }
        }
    }
    out
}

/// Nouns that count people (or what happened to them), which a bare "people" may stand for.
static PERSON_NOUNS: WordList = WordList::new(words![
    "protester",
    "demonstrator",
    "marcher",
    "participant",
    "attendee",
    "resident",
    "worker",
    "employee",
    "passenger",
    "student",
    "soldier",
    "troop",
    "civilian",
    "child",
    "adult",
    "victim",
    "survivor",
    "tourist",
    "migrant",
    "refugee",
    "spectator",
    "fan",
    "voter",
    "member",
    "officer",
    "firefighter",
    "rescuer",
    "patient",
    "arrest",
    "death",
    "casualty",
    "fatality",
    "injury",
    "evacuee",
    "inmate",
    "prisoner",
    "hostage",
    "miner",
    "pilgrim",
    "visitor",
    "delegate",
    "other",
    "man",
    "woman",
    "resident",
    "citizen",
    "national",
    "official",
]);

/// Splits a block by participants: claims with equal sets form a class; two classes whose
/// sets nest (one a subset of the other) merge when each is the other's only such partner.
/// Anything else stays apart (unsure: no grouping).
pub fn by_participants(members: &[usize], claims: &[ClaimInfo]) -> Vec<Members> {
    let mut classes: Vec<(VecSet<String>, Members)> = Vec::new();
    for &i in members {
        let c = &claims[i];
        let set: VecSet<String> = if c.by_participants {
            c.participants.iter().cloned().collect()
        } else {
            VecSet::new()
        };
        match classes.iter_mut().find(|(s, _)| *s == set) {
            Some(cl) => cl.1.push(i),
            None => classes.push((set, vec![i])),
        }
    }
    let nests = |a: &VecSet<String>, b: &VecSet<String>| {
        !a.is_empty() && !b.is_empty() && a != b && (a.is_subset(b) || b.is_subset(a))
    };
    let partners: Vec<Vec<usize>> = classes
        .iter()
        .map(|(s, _)| {
            classes
                .iter()
                .enumerate()
                .filter(|(_, (t, _))| nests(s, t))
                .map(|(k, _)| k)
                .collect()
        })
        .collect();
    let mut out: Vec<Members> = Vec::new();
    let mut used = vec![false; classes.len()];
    for k in 0..classes.len() {
        if used[k] {
            continue;
        }
        used[k] = true;
        let mut m = classes[k].1.clone();
        if let [p] = partners[k].as_slice() {
            if !used[*p] && partners[*p].as_slice() == [k] {
                used[*p] = true;
                m.extend(classes[*p].1.iter().copied());
            }
        }
        m.sort_unstable();
        out.push(m);
    }
    out.sort();
    out
}

/// The scope signature of a claim: place, period, attributed body.
fn signature(c: &ClaimInfo) -> [Option<&str>; 5] {
    [
        c.place.as_deref(),
        c.period.as_deref(),
        c.body.as_deref(),
        c.who.as_deref(),
        c.thing.as_deref(),
    ]
}

/// Unstated place, period, attribution, people or thing match any; a thing the text limits
/// the figure to ("!palisades fire", from "the Palisades Fire alone") must match exactly.
fn sig_compatible(a: &[Option<&str>; 5], b: &[Option<&str>; 5]) -> bool {
    let strict = |x: &Option<&str>| x.is_some_and(|t| t.starts_with('!'));
    a.iter().zip(b).enumerate().all(|(k, (x, y))| {
        let same = x.map(|t| t.trim_start_matches('!')) == y.map(|t| t.trim_start_matches('!'));
        same || ((x.is_none() || y.is_none()) && !(k == 4 && (strict(x) || strict(y))))
    })
}

/// Splits comparable claims by stated scope and attribution, then merges back the parts
/// whose values agree anyway (the same figure from two bodies is an agreement).
/// Returns the parts and, when more than one remains, the feature that separates them.
pub fn by_scope(
    members: &[usize],
    claims: &[ClaimInfo],
    link: &dyn Linked,
) -> (Vec<Members>, Option<&'static str>) {
    let mut parts: Vec<([Option<String>; 5], Members)> = Vec::new();
    // Most specific first, so wildcards join a defined part.
    let mut order = members.to_vec();
    order.sort_by_key(|i| {
        (
            std::cmp::Reverse(
                signature(&claims[*i])
                    .iter()
                    .filter(|x| x.is_some())
                    .count(),
            ),
            *i,
        )
    });
    for i in order {
        let sig = signature(&claims[i]);
        let fits: Vec<usize> = parts
            .iter()
            .enumerate()
            .filter(|(_, (s, _))| {
                let s = [
                    s[0].as_deref(),
                    s[1].as_deref(),
                    s[2].as_deref(),
                    s[3].as_deref(),
                    s[4].as_deref(),
                ];
                sig_compatible(&s, &sig)
            })
            .map(|(k, _)| k)
            .collect();
        if fits.len() == 1 {
            if let Some(p) = parts.get_mut(fits[0]) {
                for (slot, v) in p.0.iter_mut().zip(sig) {
                    if slot.is_none() {
                        *slot = v.map(str::to_string);
                    }
                }
                p.1.push(i);
                continue;
            }
        }
        parts.push((sig.map(|x| x.map(str::to_string)), vec![i]));
    }
    // Merge parts whose values agree across the board.
    let mut merged: Vec<([Option<String>; 5], Members)> = Vec::new();
    for p in parts {
        let agree_with = merged.iter().position(|m| {
            m.1.iter().all(|&a| {
                p.1.iter()
                    .all(|&b| !matches!(compare(&claims[a], &claims[b], link), Rel::Differ(_)))
            })
        });
        match agree_with.and_then(|k| merged.get_mut(k)) {
            Some(m) => m.1.extend(p.1),
            None => merged.push(p),
        }
    }
    let feature = if merged.len() > 1 {
        let differs = |k: usize| {
            let vals: VecSet<Option<&String>> = merged.iter().map(|m| m.0[k].as_ref()).collect();
            vals.len() > 1
        };
        Some(if differs(0) || differs(1) {
            "different_scope"
        } else if differs(2) {
            "different_attribution"
        } else {
            "different_subject"
        })
    } else {
        None
    };
    let mut out: Vec<Members> = merged
        .into_iter()
        .map(|(_, mut m)| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort();
    (out, feature)
}

/// True when some claim of `a` and some claim of `b` state incompatible values.
pub fn any_differ(a: &[usize], b: &[usize], claims: &[ClaimInfo], link: &dyn Linked) -> bool {
    a.iter().any(|&x| {
        b.iter()
            .any(|&y| matches!(compare(&claims[x], &claims[y], link), Rel::Differ(_)))
    })
}
