//! Ordered maps and sets as sorted vectors: [`VecMap`] and [`VecSet`] keep the subset of the
//! `BTreeMap`/`BTreeSet` API the crate uses, with the same iteration order and equality.
//!
//! Why not the standard B-trees: every key/value type of a `BTreeMap` instantiates its own copy
//! of the node code (search, insert, split, merge, steal, drop), ~84 KB of the wasm for the
//! crate's ~20 map and set types (18 KB gzipped, measured 2026-11-22). A sorted vector needs a
//! binary search and a `Vec::insert`. The maps here are small (names in an article, claims of
//! a story) and mostly filled in key order, where an insert is a push.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;

/// A map ordered by key, stored as a vector of entries sorted by key (see the module docs).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

/// The borrowing iterator of a [`VecMap`], in key order.
pub type Iter<'a, K, V> = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&(K, V)) -> (&K, &V)>;

fn pair<K, V>(e: &(K, V)) -> (&K, &V) {
    (&e.0, &e.1)
}

impl<K, V> VecMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.entries.iter().map(pair as fn(&(K, V)) -> (&K, &V))
    }

    /// The entries in key order, values mutable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|e| &e.0)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|e| &e.1)
    }

    /// The values in key order, mutable.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> {
        self.entries.iter_mut().map(|e| &mut e.1)
    }

    /// The values in key order, by value.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> {
        self.entries.into_iter().map(|e| e.1)
    }

    /// The keys in order, by value.
    pub fn into_keys(self) -> impl DoubleEndedIterator<Item = K> {
        self.entries.into_iter().map(|e| e.0)
    }

    /// The entry with the smallest key.
    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.entries.first().map(pair)
    }

    /// The entry with the largest key.
    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.entries.last().map(pair)
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Keeps only the entries for which `keep` returns true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        // The common case of filling a map in key order: past the last key.
        match self.entries.last() {
            None => return Err(0),
            Some(last) if last.0.borrow() < key => return Err(self.entries.len()),
            _ => {}
        }
        self.entries.binary_search_by(|e| e.0.borrow().cmp(key))
    }

    /// Inserts or replaces the value of `key`; returns the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|e| std::mem::replace(&mut e.1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key)
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|e| &e.1)
    }

    /// The stored key equal to `key`, and its value.
    pub fn get_key_value<Q: Ord + ?Sized>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
    {
        self.find(key)
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|e| (&e.0, &e.1))
    }

    /// The value of `key`, mutable.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        match self.find(key) {
            Ok(i) => self.entries.get_mut(i).map(|e| &mut e.1),
            Err(_) => None,
        }
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Removes `key`; returns its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        match self.find(key) {
            Ok(i) => Some(self.entries.remove(i).1),
            Err(_) => None,
        }
    }

    /// The place of `key`, to read or fill.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        let at = self.find(&key);
        Entry { map: self, key, at }
    }
}

/// The place of one key in a [`VecMap`] (from [`VecMap::entry`]).
pub struct Entry<'a, K, V> {
    map: &'a mut VecMap<K, V>,
    key: K,
    at: Result<usize, usize>,
}

impl<'a, K, V> Entry<'a, K, V> {
    /// The value, inserting `make()` first if the key has none.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        let i = match self.at {
            Ok(i) => i,
            Err(i) => {
                self.map.entries.insert(i, (self.key, make()));
                i
            }
        };
        // `i` is in bounds: it was found, or an entry was just inserted there.
        &mut self.map.entries[i].1
    }

    /// The value, inserting `value` first if the key has none.
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    /// The value, inserting `V::default()` first if the key has none.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    /// Applies `f` to the value if the key has one.
    pub fn and_modify(self, f: impl FnOnce(&mut V)) -> Self {
        if let Ok(i) = self.at {
            if let Some(e) = self.map.entries.get_mut(i) {
                f(&mut e.1);
            }
        }
        self
    }

    /// The key of this place.
    pub fn key(&self) -> &K {
        &self.key
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    /// Like `BTreeMap`: a later value for the same key replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut m = VecMap::new();
        m.extend(iter);
        m
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;
    /// Panics if the key is absent, as `BTreeMap` does; use [`VecMap::get`] on input.
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("VecMap: no entry for the key"),
        }
    }
}

/// A set ordered by value, stored as a sorted vector without duplicates (see the module docs).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VecSet<T> {
    items: Vec<T>,
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet { items: Vec::new() }
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.items.iter()).finish()
    }
}

impl<T> VecSet<T> {
    /// An empty set.
    pub const fn new() -> Self {
        VecSet { items: Vec::new() }
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set has no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// The smallest item.
    pub fn first(&self) -> Option<&T> {
        self.items.first()
    }

    /// The largest item.
    pub fn last(&self) -> Option<&T> {
        self.items.last()
    }

    /// Removes every item.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Keeps only the items for which `keep` returns true.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }

    /// The items in order, as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }
}

impl<T: Ord> VecSet<T> {
    fn find<Q: Ord + ?Sized>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        match self.items.last() {
            None => return Err(0),
            Some(last) if last.borrow() < value => return Err(self.items.len()),
            _ => {}
        }
        self.items.binary_search_by(|x| x.borrow().cmp(value))
    }

    /// Adds `value`; returns whether it was new.
    pub fn insert(&mut self, value: T) -> bool {
        match self.find(&value) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, value);
                true
            }
        }
    }

    /// Whether `value` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(value).is_ok()
    }

    /// Removes `value`; returns whether it was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(value) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    /// The item equal to `value`.
    pub fn get<Q: Ord + ?Sized>(&self, value: &Q) -> Option<&T>
    where
        T: Borrow<Q>,
    {
        self.find(value).ok().and_then(|i| self.items.get(i))
    }

    /// Whether every item of `self` is in `other`.
    pub fn is_subset(&self, other: &VecSet<T>) -> bool {
        self.len() <= other.len() && self.items.iter().all(|x| other.contains(x))
    }

    /// Whether every item of `other` is in `self`.
    pub fn is_superset(&self, other: &VecSet<T>) -> bool {
        other.is_subset(self)
    }

    /// Whether the sets have no item in common.
    pub fn is_disjoint(&self, other: &VecSet<T>) -> bool {
        !self.items.iter().any(|x| other.contains(x))
    }

    /// The items of `self` that are also in `other`, in order.
    pub fn intersection<'a>(&'a self, other: &'a VecSet<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.items.iter().filter(move |x| other.contains(*x))
    }

    /// The items of `self` that are not in `other`, in order.
    pub fn difference<'a>(&'a self, other: &'a VecSet<T>) -> impl Iterator<Item = &'a T> + 'a {
        self.items.iter().filter(move |x| !other.contains(*x))
    }

    /// The items of either set, in order, each once.
    pub fn union<'a>(&'a self, other: &'a VecSet<T>) -> impl Iterator<Item = &'a T> + 'a {
        let (mut a, mut b) = (self.items.iter().peekable(), other.items.iter().peekable());
        std::iter::from_fn(move || match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.cmp(y) {
                Ordering::Less => a.next(),
                Ordering::Greater => b.next(),
                Ordering::Equal => {
                    b.next();
                    a.next()
                }
            },
            (Some(_), None) => a.next(),
            (None, _) => b.next(),
        })
    }

    /// Adds every item of `other` (emptying it), like `BTreeSet::append`.
    pub fn append(&mut self, other: &mut VecSet<T>) {
        for x in std::mem::take(&mut other.items) {
            self.insert(x);
        }
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut s = VecSet::new();
        s.extend(iter);
        s
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for x in iter {
            self.insert(x);
        }
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for VecSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    //! The maps and sets against the standard B-trees on random operation sequences.
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    use crate::testing::Rng;

    #[test]
    fn maps_behave_like_btreemap() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..200 {
            let mut ours: VecMap<u8, u32> = VecMap::new();
            let mut std: BTreeMap<u8, u32> = BTreeMap::new();
            for step in 0..200u32 {
                let k = (rng.next() % (8 + round as u64 % 40)) as u8;
                match rng.next() % 7 {
                    0 | 1 => assert_eq!(ours.insert(k, step), std.insert(k, step)),
                    2 => assert_eq!(ours.remove(&k), std.remove(&k)),
                    3 => {
                        *std.entry(k).or_insert(step) += 1;
                        *ours.entry(k).or_insert(step) += 1;
                    }
                    4 => {
                        *std.entry(k).or_default() += step;
                        *ours.entry(k).or_default() += step;
                    }
                    5 => match (ours.get_mut(&k), std.get_mut(&k)) {
                        (Some(a), Some(b)) => {
                            *a += 1;
                            *b += 1;
                        }
                        (a, b) => assert_eq!(a.is_some(), b.is_some()),
                    },
                    _ => assert_eq!(ours.contains_key(&k), std.contains_key(&k)),
                }
                assert!(ours.iter().eq(std.iter()), "round {round} step {step}");
                assert_eq!(ours.get(&k), std.get(&k));
                assert_eq!(ours.get_key_value(&k), std.get_key_value(&k));
                assert_eq!(ours.first_key_value(), std.first_key_value());
                assert_eq!(ours.last_key_value(), std.last_key_value());
            }
            assert!(ours.keys().eq(std.keys()));
            assert!(ours.values().eq(std.values()));
            assert!(ours.clone().into_iter().eq(std.clone()));
        }
    }

    #[test]
    fn from_iter_keeps_the_last_value_like_btreemap() {
        let pairs = [(3, "a"), (1, "b"), (3, "c"), (2, "d"), (1, "e")];
        let ours: VecMap<i32, &str> = pairs.into_iter().collect();
        let std: BTreeMap<i32, &str> = pairs.into_iter().collect();
        assert!(ours.iter().eq(std.iter()));
        let mut m: VecMap<String, usize> = VecMap::new();
        m.insert("b".into(), 1);
        assert_eq!(m.get("b"), Some(&1));
        assert_eq!(m["b"], 1);
        assert_eq!(
            format!("{m:?}"),
            format!("{:?}", BTreeMap::from([("b", 1)]))
        );
    }

    #[test]
    fn sets_behave_like_btreeset() {
        let mut rng = Rng(12345);
        for _ in 0..200 {
            let a: Vec<u8> = (0..rng.next() % 30)
                .map(|_| (rng.next() % 40) as u8)
                .collect();
            let b: Vec<u8> = (0..rng.next() % 30)
                .map(|_| (rng.next() % 40) as u8)
                .collect();
            let (oa, ob): (VecSet<u8>, VecSet<u8>) =
                (a.iter().copied().collect(), b.iter().copied().collect());
            let (sa, sb): (BTreeSet<u8>, BTreeSet<u8>) =
                (a.iter().copied().collect(), b.iter().copied().collect());
            assert!(oa.iter().eq(sa.iter()));
            assert!(oa.intersection(&ob).eq(sa.intersection(&sb)));
            assert!(oa.difference(&ob).eq(sa.difference(&sb)));
            assert!(oa.union(&ob).eq(sa.union(&sb)));
            assert_eq!(oa.is_subset(&ob), sa.is_subset(&sb));
            assert_eq!(oa.is_superset(&ob), sa.is_superset(&sb));
            assert_eq!(oa.is_disjoint(&ob), sa.is_disjoint(&sb));
            assert_eq!(oa.cmp(&ob), sa.cmp(&sb), "sets order as their sorted items");
            assert_eq!(oa == ob, sa == sb);
            let mut o = oa.clone();
            let mut s = sa.clone();
            for x in &b {
                assert_eq!(o.insert(*x), s.insert(*x));
                assert_eq!(o.remove(&(x / 2)), s.remove(&(x / 2)));
            }
            assert!(o.iter().eq(s.iter()));
            assert_eq!(o.first(), s.first());
            assert_eq!(o.last(), s.last());
        }
    }
}
