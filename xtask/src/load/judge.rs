//! The load run's judge: the desks' logs against the workspace, read with `psql` (the server's
//! own view, not our code's), then our own `journal verify` and `check`; and the figures.
//!
//! Every value a desk writes names it and its change (`client C change N try T`), so each row
//! and each journal entry says which save made it. The journal's entries of a record, in
//! order, are its history: a save that was silently overwritten would be missing there or
//! stand at another revision than the one its desk was told it made.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Context as _, Result, bail};

use super::{DB, Run, psql};

/// One line of a desk's log (`load_client`'s module says what each field is).
struct Entry {
    client: usize,
    op: String,
    record: String,
    made: Option<i64>,
    value: String,
    /// The change the value names.
    change: usize,
    micros: u64,
    committed: bool,
}

/// What the judge found, for the figures.
pub(super) struct Verdict {
    entries: Vec<Entry>,
    /// Changes killed desks committed without logging them: (desk, value, record).
    unlogged: Vec<(usize, String, String)>,
    /// Shared records edited, and their saves (the history checked revision by revision).
    shared: (usize, i64),
}

/// The desk and change a value names: `client C change N try T`.
fn named(value: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = value.split(' ').collect();
    match words[..] {
        ["client", client, "change", change, "try", _] => {
            Some((client.parse().ok()?, change.parse().ok()?))
        }
        _ => None,
    }
}

fn read_logs(logs: &Path, clients: usize) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for client in 1..=clients {
        let path = logs.join(format!("client-{client}.log"));
        // A desk killed before its first change has no log.
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = || format!("{} line {}: {line:?}", path.display(), i + 1);
            let [op, record, _based_on, made, value, micros, outcome] = fields[..] else {
                bail!("{} has not 7 fields", bad());
            };
            let (named_client, change) = named(value).with_context(bad)?;
            if named_client != client {
                bail!("{} names another desk", bad());
            }
            entries.push(Entry {
                client,
                op: op.to_owned(),
                record: record.to_owned(),
                made: if made == "-" {
                    None
                } else {
                    Some(made.parse().with_context(bad)?)
                },
                value: value.to_owned(),
                change,
                micros: micros.parse().with_context(bad)?,
                committed: match outcome {
                    "committed" => true,
                    "refused" => false,
                    _ => bail!("{} has no outcome", bad()),
                },
            });
        }
    }
    Ok(entries)
}

/// The workspace as the server has it.
struct State {
    /// Record → its value now (location notes, finding and action text, a result's findings
    /// description, a link's note).
    current: Vec<(String, String)>,
    /// Record → revision, for the records saved at least once.
    revisions: HashMap<String, i64>,
    /// Record → its journal entries in order: (insert or update, the value written).
    history: HashMap<String, Vec<(String, String)>>,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').collect())
}

fn read_state() -> Result<State> {
    let current = psql(
        DB,
        "SET search_path = csmsdesk; \
         SELECT 'location:' || id, notes FROM location \
         UNION ALL SELECT 'finding:' || id, description FROM finding \
         UNION ALL SELECT 'action:' || id, description FROM corrective_action \
         UNION ALL SELECT 'result:' || audit_id || ':' || question_id, findings_description \
                   FROM audit_result \
         UNION ALL SELECT 'link:' || evidence_id || ':' || target_id, note FROM evidence_link",
    )?;
    let revisions = psql(
        DB,
        "SELECT tbl || ':' || id, revision FROM csmsdesk.row_revision",
    )?;
    // An update's entry holds only the columns it changed; each save changes the value.
    let history = psql(
        DB,
        "SELECT CASE tbl WHEN 'audit_result' \
                THEN 'result:' || (row_key::json->>0) || ':' || (row_key::json->>1) \
                ELSE tbl || ':' || (row_key::json->>0) END, op, \
                coalesce(after::json->>'notes', after::json->>'description', \
                         after::json->>'findings_description', '') \
           FROM csmsdesk.journal WHERE tbl IN ('location', 'finding', 'audit_result') \
            AND op <> 'delete' ORDER BY seq",
    )?;
    let mut state = State {
        current: Vec::new(),
        revisions: HashMap::new(),
        history: HashMap::new(),
    };
    for row in rows(&current) {
        let [key, value] = row[..] else {
            bail!("psql gave the row {row:?}");
        };
        state.current.push((key.to_owned(), value.to_owned()));
    }
    for row in rows(&revisions) {
        let [key, revision] = row[..] else {
            bail!("psql gave the row {row:?}");
        };
        state.revisions.insert(key.to_owned(), revision.parse()?);
    }
    for row in rows(&history) {
        let (key, op, value) = match row[..] {
            [key, op, value] => (key, op, value),
            [key, op] => (key, op, ""),
            _ => bail!("psql gave the row {row:?}"),
        };
        state
            .history
            .entry(key.to_owned())
            .or_default()
            .push((op.to_owned(), value.to_owned()));
    }
    Ok(state)
}

/// Every promise of the load run (the module of `load.rs` lists them); fails naming each
/// broken one (the first 20).
pub(super) fn judge(cli: &Path, logs: &Path, clients: usize, run: &Run) -> Result<Verdict> {
    let entries = read_logs(logs, clients)?;
    let state = read_state()?;
    let mut problems = Vec::new();
    let mut logged: HashMap<&str, &Entry> = HashMap::new();
    for e in &entries {
        if logged.insert(&e.value, e).is_some() {
            problems.push(format!("the value {:?} is logged twice", e.value));
        }
    }
    let current: HashMap<&str, &str> = state
        .current
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    // 1. Every logged addition is there, with its value.
    for e in entries
        .iter()
        .filter(|e| e.committed && ["link", "finding", "action"].contains(&e.op.as_str()))
    {
        if current.get(e.record.as_str()) != Some(&e.value.as_str()) {
            problems.push(format!(
                "desk {} logged {:?} ({} {}) as committed, but the workspace has {:?} there",
                e.client,
                e.value,
                e.op,
                e.record,
                current.get(e.record.as_str())
            ));
        }
    }
    // 2. Every value a desk wrote that is in the workspace, now or in a record's history:
    // logged as committed on that record, never as refused; else a killed desk's last change.
    let mut unlogged: BTreeMap<usize, BTreeMap<&str, &str>> = BTreeMap::new();
    let mut rows_of: HashMap<&str, usize> = HashMap::new();
    let written = state.current.iter().map(|(k, v)| (k, v)).chain(
        state
            .history
            .iter()
            .flat_map(|(k, h)| h.iter().map(move |(_, v)| (k, v))),
    );
    for (key, value) in written {
        let Some((client, _)) = named(value) else {
            continue;
        };
        match logged.get(value.as_str()) {
            Some(e) if !e.committed => problems.push(format!(
                "a refused save's value {value:?} (desk {}, {}) is in the workspace, on {key}",
                e.client, e.record
            )),
            Some(e) if e.record != *key => problems.push(format!(
                "desk {} logged {value:?} on {}, but the workspace has it on {key}",
                e.client, e.record
            )),
            Some(_) => {}
            None => {
                unlogged.entry(client).or_default().insert(value, key);
            }
        }
    }
    for (_, value) in &state.current {
        if named(value).is_some() {
            *rows_of.entry(value).or_default() += 1;
        }
    }
    for (value, n) in rows_of.iter().filter(|(_, n)| **n > 1) {
        problems.push(format!("{n} rows hold {value:?}, one save's value"));
    }
    // 3. At most one unlogged change per killed desk (its last), none for the others.
    let mut unlogged_list = Vec::new();
    for (client, values) in &unlogged {
        let killed = run.killed.contains(client);
        let last = entries
            .iter()
            .filter(|e| e.client == *client)
            .map(|e| e.change)
            .max()
            .unwrap_or(0);
        if !killed || values.len() > 1 {
            problems.push(format!(
                "desk {client} ({}) committed {} changes it did not log: {values:?}",
                if killed { "killed" } else { "not killed" },
                values.len()
            ));
        }
        for (value, key) in values {
            if named(value).is_some_and(|(_, change)| change < last) {
                problems.push(format!(
                    "desk {client}'s unlogged {value:?} on {key} is not its last change \
                     (it logged change {last})"
                ));
            }
            unlogged_list.push((*client, value.to_string(), key.to_string()));
        }
    }
    // 4. The shared records: the committed saves' revisions are distinct and are the
    // record's history, the record is at its last save's revision and value.
    let mut saves: BTreeMap<&str, BTreeMap<i64, &Entry>> = BTreeMap::new();
    for e in entries
        .iter()
        .filter(|e| e.committed && e.op.starts_with("edit-"))
    {
        let Some(made) = e.made else {
            problems.push(format!(
                "desk {}'s save {:?} names no revision",
                e.client, e.value
            ));
            continue;
        };
        if let Some(other) = saves.entry(&e.record).or_default().insert(made, e) {
            problems.push(format!(
                "two saves both made revision {made} of {}: {:?} and {:?} (a lost update)",
                e.record, other.value, e.value
            ));
        }
    }
    // The records the desks edit: those with a logged save, and any other of their kinds
    // that was saved at all (the desks only ever save the shared ones).
    let edited: std::collections::BTreeSet<&str> = saves
        .keys()
        .copied()
        .chain(
            state
                .revisions
                .keys()
                .map(String::as_str)
                .filter(|k| k.starts_with("location:") || k.starts_with("finding:")),
        )
        .collect();
    let none = BTreeMap::new();
    let mut shared = (0, 0);
    for key in &edited {
        let by_revision = saves.get(key).unwrap_or(&none);
        let history: Vec<&str> = state
            .history
            .get(*key)
            .into_iter()
            .flatten()
            .filter(|(op, _)| op == "update")
            .map(|(_, v)| v.as_str())
            .collect();
        let revision = state.revisions.get(*key).copied().unwrap_or(0);
        shared = (shared.0 + 1, shared.1 + revision);
        if history.len() as i64 != revision {
            problems.push(format!(
                "{key} is at revision {revision}, but the journal has {} saves of it",
                history.len()
            ));
        }
        for (made, e) in by_revision {
            let at = usize::try_from(*made - 1).ok().and_then(|i| history.get(i));
            if at != Some(&e.value.as_str()) {
                problems.push(format!(
                    "desk {} saved {:?} as revision {made} of {key}, but revision {made} in the \
                     journal is {at:?} (overwritten unseen)",
                    e.client, e.value
                ));
            }
        }
        for (i, value) in history.iter().enumerate() {
            if !by_revision.contains_key(&(i as i64 + 1)) && named(value).is_none() {
                problems.push(format!(
                    "revision {} of {key} ({value:?}) is no desk's save",
                    i + 1
                ));
            }
        }
        if history.last().copied() != current.get(*key).copied() {
            problems.push(format!(
                "{key} holds {:?}, but its last save in the journal is {:?}",
                current.get(*key),
                history.last()
            ));
        }
    }
    // 5. Results: each is one desk's, and its history is the desk's logged results on it, in
    // order (then perhaps the killed desk's unlogged last one).
    let mut results: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.committed && e.op == "result") {
        results.entry(&e.record).or_default().push(&e.value);
    }
    for (key, values) in &results {
        let history: Vec<&str> = state
            .history
            .get(*key)
            .into_iter()
            .flatten()
            .map(|(_, v)| v.as_str())
            .filter(|v| named(v).is_some())
            .collect();
        let extra = history.len().checked_sub(values.len());
        if !history.starts_with(values) || !matches!(extra, Some(0 | 1)) {
            problems.push(format!(
                "{key}'s history {history:?} is not the logged results {values:?}"
            ));
        }
        if history.last().copied() != current.get(*key).copied() {
            problems.push(format!(
                "{key} holds {:?}, its last result in the journal is {:?}",
                current.get(*key),
                history.last()
            ));
        }
    }
    // A value both in a row and in its history is one problem, named once.
    let mut named_once = std::collections::HashSet::new();
    problems.retain(|p| named_once.insert(p.clone()));
    if !problems.is_empty() {
        let shown: Vec<&str> = problems.iter().take(20).map(String::as_str).collect();
        bail!(
            "{} broken promises after the load run:\n  {}",
            problems.len(),
            shown.join("\n  ")
        );
    }
    // 6. Our own verdict on the journal's chain and the whole workspace.
    for args in [&["journal", "verify"][..], &["--json", "check"][..]] {
        super::setup::cli_ok(cli, args, "after the load run")?;
    }
    Ok(Verdict {
        entries,
        unlogged: unlogged_list,
        shared,
    })
}

/// The value at `percent` of the sorted `values` (nearest rank).
fn percentile(values: &[u64], percent: usize) -> u64 {
    values
        .get((values.len().saturating_sub(1) * percent).div_ceil(100))
        .copied()
        .unwrap_or(0)
}

/// The figures: per operation the committed changes, refused saves and latency, then the
/// totals, the throughput and what the judge allowed.
pub(super) fn print(verdict: &Verdict, run: &Run, clients: usize, changes: usize) {
    let wall = run.wall.as_secs_f64();
    let committed = verdict.entries.iter().filter(|e| e.committed).count();
    let refused: Vec<&Entry> = verdict.entries.iter().filter(|e| !e.committed).collect();
    let given_up = refused
        .iter()
        .filter(|e| e.value.ends_with(" try 2"))
        .count();
    eprintln!(
        "== load: {clients} desks × {changes} changes ({} killed{}) on PostgreSQL: every \
         committed change is there, no save was overwritten unseen, the journal verifies",
        run.killed.len(),
        if run.killed.is_empty() {
            String::new()
        } else {
            format!(": desks {:?}", run.killed)
        }
    );
    eprintln!(
        "   {:<14} {:>9} {:>8} {:>8} {:>8} {:>8}",
        "operation", "committed", "refused", "p50 ms", "p95 ms", "max ms"
    );
    let ops = [
        "link",
        "result",
        "finding",
        "action",
        "edit-location",
        "edit-finding",
    ];
    let ms = |us: u64| us as f64 / 1000.0;
    for op in ops {
        let mut times: Vec<u64> = verdict
            .entries
            .iter()
            .filter(|e| e.committed && e.op == op)
            .map(|e| e.micros)
            .collect();
        times.sort_unstable();
        let refused = refused.iter().filter(|e| e.op == op).count();
        eprintln!(
            "   {op:<14} {:>9} {refused:>8} {:>8.1} {:>8.1} {:>8.1}",
            times.len(),
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95)),
            ms(times.last().copied().unwrap_or(0)),
        );
    }
    let mut all: Vec<u64> = verdict
        .entries
        .iter()
        .filter(|e| e.committed)
        .map(|e| e.micros)
        .collect();
    all.sort_unstable();
    eprintln!(
        "   {:<14} {committed:>9} {:>8} {:>8.1} {:>8.1} {:>8.1}",
        "all",
        refused.len(),
        ms(percentile(&all, 50)),
        ms(percentile(&all, 95)),
        ms(all.last().copied().unwrap_or(0)),
    );
    eprintln!(
        "   (latency: each committed attempt, from the first read to the commit; a save \
         refused and tried again is timed per attempt)"
    );
    eprintln!(
        "   throughput: {:.0} committed changes per second ({committed} in {wall:.1} s of wall \
         time, from the desks' start to the last one's end)",
        committed as f64 / wall.max(1e-9)
    );
    eprintln!(
        "   conflicts: {} saves refused (another desk had saved the record since it was read), \
         each tried again from a fresh read: {} then committed, {given_up} refused again and \
         given up",
        refused.len(),
        refused.len() - given_up
    );
    eprintln!(
        "   shared records: {} edited, {} saves, each its own revision in the journal's history",
        verdict.shared.0, verdict.shared.1
    );
    for (client, value, key) in &verdict.unlogged {
        eprintln!(
            "   desk {client} (killed) committed its last change without logging it: {value:?} \
             on {key} (allowed: one per killed desk)"
        );
    }
}
