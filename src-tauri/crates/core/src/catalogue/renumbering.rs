//! How IDs move between catalogue versions, as data: one table per version step in
//! `renumbering/*.txt`. The next ENX version needs a new table and one line in [`STEPS`].

use std::collections::HashMap;

/// Every known version step: (from, to, table).
pub const STEPS: &[(&str, &str, &str)] = &[(
    "1.0",
    "1.1",
    include_str!("../../renumbering/enx-vcsa-1.0-to-1.1.txt"),
)];

/// A renumbering table: old ID → new ID for questions (and single requirements).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renumbering {
    moves: HashMap<String, String>,
}

impl Renumbering {
    /// Reads `old = new` lines; `#` starts a comment. Returns the numbers of malformed lines
    /// as the error.
    pub fn parse(text: &str) -> Result<Renumbering, Vec<usize>> {
        let mut moves = HashMap::new();
        let mut bad = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            match line.split_once('=') {
                Some((old, new)) if !old.trim().is_empty() && !new.trim().is_empty() => {
                    moves.insert(old.trim().to_owned(), new.trim().to_owned());
                }
                _ => bad.push(index + 1),
            }
        }
        if bad.is_empty() {
            Ok(Renumbering { moves })
        } else {
            Err(bad)
        }
    }

    /// The table that leads from version `from` to version `to`, chaining steps
    /// (1.0 → 1.1 → 1.2); `None` when no chain of known steps connects them. The same
    /// version needs no table: the identity.
    pub fn between(from: &str, to: &str) -> Option<Renumbering> {
        if from == to {
            return Some(Renumbering::default());
        }
        let (_, next, table) = STEPS.iter().find(|(step_from, _, _)| *step_from == from)?;
        let first = Renumbering::parse(table).ok()?;
        let rest = Renumbering::between(next, to)?;
        Some(first.then(&rest))
    }

    /// The table that applies `self`, then `next`.
    fn then(&self, next: &Renumbering) -> Renumbering {
        let mut moves: HashMap<String, String> = self
            .moves
            .iter()
            .map(|(old, mid)| (old.clone(), next.map(mid)))
            .collect();
        for (old, new) in &next.moves {
            // IDs that `self` leaves alone but `next` moves.
            if !self.moves.contains_key(old) && !self.moves.values().any(|v| v == old) {
                moves.insert(old.clone(), new.clone());
            }
        }
        Renumbering { moves }
    }

    /// The table backwards: new ID → old ID (for building old-version test data).
    pub fn inverse(&self) -> Renumbering {
        Renumbering {
            moves: self
                .moves
                .iter()
                .map(|(old, new)| (new.clone(), old.clone()))
                .collect(),
        }
    }

    /// The new ID of a chapter, question or requirement ID of the old version.
    pub fn map(&self, id: &str) -> String {
        if let Some(new) = self.moves.get(id) {
            return new.clone();
        }
        // A requirement (`7.1.a`, `3.1.i-2`) follows its question.
        if let Some((question, rest)) = split_requirement(id)
            && let Some(new) = self.moves.get(question)
        {
            return format!("{new}.{rest}");
        }
        id.to_owned()
    }
}

/// What a version step did to the IDs of a catalogue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdChanges {
    /// Old ID → new ID, for IDs that changed and exist in the new version.
    pub moved: Vec<(String, String)>,
    /// IDs of the new version that no old ID leads to.
    pub added: Vec<String>,
    /// Old IDs that lead to no ID of the new version.
    pub removed: Vec<String>,
}

/// Compares the IDs (questions and requirements) of two versions through `table`.
pub fn id_changes(old_ids: &[String], new_ids: &[String], table: &Renumbering) -> IdChanges {
    let new_set: std::collections::HashSet<&str> = new_ids.iter().map(String::as_str).collect();
    let mut reached = std::collections::HashSet::new();
    let mut changes = IdChanges::default();
    for old in old_ids {
        let new = table.map(old);
        if new_set.contains(new.as_str()) {
            if new != *old {
                changes.moved.push((old.clone(), new.clone()));
            }
            reached.insert(new);
        } else {
            changes.removed.push(old.clone());
        }
    }
    changes.added = new_ids
        .iter()
        .filter(|id| !reached.contains(*id))
        .cloned()
        .collect();
    changes
}

/// `7.1.a` → (`7.1`, `a`).
fn split_requirement(id: &str) -> Option<(&str, &str)> {
    let mut dots = id.match_indices('.').map(|(i, _)| i);
    let _first = dots.next()?;
    let second = dots.next()?;
    Some((&id[..second], &id[second + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_table_is_well_formed() {
        for (from, to, table) in STEPS {
            assert!(
                Renumbering::parse(table).is_ok(),
                "table {from} → {to} has malformed lines"
            );
        }
    }

    #[test]
    fn version_1_0_questions_and_requirements_move_as_domain_md_says() {
        let table = Renumbering::between("1.0", "1.1").unwrap();
        for (old, new) in [
            ("7.1", "9.1"),
            ("7.4", "9.4"),
            ("7.5", "7.1"),
            ("7.7", "7.3"),
            ("8.1", "7.4"),
            ("8.2", "7.5"),
            ("9.1", "8.1"),
            ("7.1.a", "9.1.a"),
            ("9.1.c", "8.1.c"),
            ("3.1.i-2", "3.1.i-2"),
            ("1.1.a", "1.1.a"),
        ] {
            assert_eq!(table.map(old), new, "{old}");
        }
    }

    #[test]
    fn the_same_version_needs_no_table_and_unknown_steps_have_none() {
        assert_eq!(
            Renumbering::between("1.1", "1.1").unwrap().map("7.1.a"),
            "7.1.a"
        );
        assert_eq!(Renumbering::between("1.1", "1.0"), None, "no way back");
        assert_eq!(Renumbering::between("0.9", "1.1"), None);
    }

    #[test]
    fn chained_steps_compose() {
        let a = Renumbering::parse("1.1 = 2.1\n3.1 = 4.1").unwrap();
        let b = Renumbering::parse("2.1 = 5.1\n6.1 = 7.1").unwrap();
        let both = a.then(&b);
        assert_eq!(both.map("1.1.a"), "5.1.a", "moved twice");
        assert_eq!(both.map("3.1"), "4.1", "moved by the first step only");
        assert_eq!(both.map("6.1"), "7.1", "moved by the second step only");
    }

    #[test]
    fn the_inverse_leads_back() {
        let table = Renumbering::between("1.0", "1.1").unwrap();
        let back = table.inverse();
        for old in ["7.1.a", "7.5", "9.1.b", "1.1.a"] {
            assert_eq!(back.map(&table.map(old)), old);
        }
    }

    #[test]
    fn id_changes_report_moved_added_and_removed() {
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let table = Renumbering::between("1.0", "1.1").unwrap();
        let old = ids(&["1.1", "1.1.a", "7.1", "7.1.a", "8.2", "9.9"]);
        let new = ids(&["1.1", "1.1.a", "9.1", "9.1.a", "7.5", "9.1.b"]);
        let changes = id_changes(&old, &new, &table);
        assert_eq!(
            changes.moved,
            [
                ("7.1".into(), "9.1".into()),
                ("7.1.a".into(), "9.1.a".into()),
                ("8.2".into(), "7.5".into())
            ]
        );
        assert_eq!(changes.added, ["9.1.b"]);
        assert_eq!(changes.removed, ["9.9"]);
    }

    #[test]
    fn malformed_lines_are_named() {
        assert_eq!(
            Renumbering::parse("7.1 = 9.1\nnonsense\n = 3").unwrap_err(),
            vec![2, 3]
        );
    }
}
