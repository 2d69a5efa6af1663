//! The one search field of the app (Ctrl+K) and `csmsdesk-cli search`: requirements, control
//! questions, evidence (title and source path), findings, corrective actions, locations and
//! scopes whose texts hold every word, at most `limit` of each kind, each kind one query with
//! its own LIMIT, so nothing is read whole (locations and scopes, a few dozen rows, are
//! sorted here in people's order, `natural_cmp`, ties by id: neither engine then needs the
//! `natural_order` collation, which PostgreSQL does not have, nor a stored key).
//!
//! Words match as in the vault's filter (`evidence::query`): an ASCII word through SQLite's
//! `LIKE` or, on PostgreSQL, `strpos` under the collation "C" (ASCII case only, both); a word
//! beyond ASCII through core's `FoldedPart`, in SQLite's `contains_folded` or, on PostgreSQL,
//! here, on the rows SQL narrowed to those holding a character beyond ASCII.

use std::cmp::Ordering;

use csmsdesk_core::order::{FoldedPart, natural_cmp};

use crate::Result;
use crate::evidence::query_like_pattern as like_pattern;
use crate::sql::{Engine, Row, Sql, Value};

/// What kind of record a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    Requirement,
    Question,
    Evidence,
    Finding,
    Action,
    Location,
    Scope,
}

impl HitKind {
    /// Every kind, in the order results are listed.
    pub const ALL: [HitKind; 7] = [
        HitKind::Requirement,
        HitKind::Question,
        HitKind::Evidence,
        HitKind::Finding,
        HitKind::Action,
        HitKind::Location,
        HitKind::Scope,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Requirement => "requirement",
            HitKind::Question => "question",
            HitKind::Evidence => "evidence",
            HitKind::Finding => "finding",
            HitKind::Action => "action",
            HitKind::Location => "location",
            HitKind::Scope => "scope",
        }
    }
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: HitKind,
    /// The record's id: a catalogue ID (`1.1.a`) for requirements and questions, the row id
    /// as text for the others.
    pub id: String,
    /// What the record is called (its title, name or the start of its text).
    pub title: String,
    /// A second line: a source path, a requirement's text, an action's owner.
    pub detail: String,
    /// The scope it belongs to (findings and actions: their audit's scope).
    pub scope_id: Option<i64>,
    /// The audit of a finding or an action.
    pub audit_id: Option<i64>,
}

/// One kind's query: the columns every word is looked for in and the rest of the SELECT.
struct KindQuery {
    kind: HitKind,
    /// `SELECT id, title, detail, scope_id, audit_id FROM ... WHERE <catalogue>`.
    select: &'static str,
    searched: &'static [&'static str],
    /// `None`: sorted here by title in people's order, then id (the SELECT's id is the
    /// row id as text, so the id is the last column added).
    order: Option<&'static str>,
    catalogue: bool,
}

/// Evidence by its stored title key. SQLite's `+` keeps its planner from walking the key's
/// index and looking up every row in title order until `limit` match (for a rare word, most
/// of the table at random: twice as slow at 20,000 items as the pass and the sort of the few
/// matches it did with the collation). `[sqlite, postgres]`.
const EVIDENCE_ORDER: [&str; 2] = ["+e.title_key, e.id", "e.title_key, e.id"];

/// The source path as SQLite's searched text; PostgreSQL's is its bytes read as Latin-1
/// (every byte one character, ASCII bytes themselves) and core reads it as lossy UTF-8.
const PATH: &str = "CAST(e.source_path AS TEXT)";

const QUERIES: [KindQuery; 7] = [
    KindQuery {
        kind: HitKind::Requirement,
        select: "SELECT r.id, r.must_text, r.should_text, NULL, NULL FROM requirement r WHERE r.catalogue_id = ?1",
        searched: &["r.id", "r.must_text", "r.should_text"],
        order: Some("r.position"),
        catalogue: true,
    },
    KindQuery {
        kind: HitKind::Question,
        select: "SELECT q.id, q.text, '', NULL, NULL FROM control_question q WHERE q.catalogue_id = ?1",
        searched: &["q.id", "q.text"],
        order: Some("q.position"),
        catalogue: true,
    },
    KindQuery {
        kind: HitKind::Evidence,
        // The path as its bytes: a name need not be UTF-8 (shown with U+FFFD, see `lossy_text`).
        select: "SELECT CAST(e.id AS TEXT), e.title, e.source_path, NULL, NULL FROM evidence e WHERE 1",
        searched: &["e.title", PATH],
        order: Some("e.title_key, e.id"),
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Finding,
        select: "SELECT CAST(f.id AS TEXT), f.description, f.question_id, a.scope_id, a.id FROM finding f JOIN audit a ON a.id = f.audit_id WHERE 1",
        searched: &["f.description", "f.question_id"],
        order: Some("f.id"),
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Action,
        select: "SELECT CAST(c.id AS TEXT), c.description, c.owner, a.scope_id, a.id FROM corrective_action c JOIN finding f ON f.id = c.finding_id JOIN audit a ON a.id = f.audit_id WHERE 1",
        searched: &["c.description", "c.owner", "c.department"],
        order: Some("c.id"),
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Location,
        select: "SELECT CAST(l.id AS TEXT), l.name, l.address, NULL, NULL, l.id FROM location l WHERE 1",
        searched: &["l.name", "l.address", "coalesce(l.tisax_scope_id, '')"],
        order: None,
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Scope,
        select: "SELECT CAST(s.id AS TEXT), s.name, coalesce(s.enx_scope_id, ''), s.id, NULL, s.id FROM scope s WHERE 1",
        searched: &["s.name", "coalesce(s.enx_scope_id, '')"],
        order: None,
        catalogue: false,
    },
];

/// The records whose searched texts hold every word of `words` (case ignored, umlauts
/// too), at most `limit` of each kind, kinds in [`HitKind::ALL`] order. Requirements and
/// questions come from `catalogue` only (none without one). No words: nothing.
pub fn search(
    conn: &(impl Sql + ?Sized),
    words: &[String],
    catalogue: Option<i64>,
    limit: u32,
) -> Result<Vec<Hit>> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let engine = conn.engine();
    let folded: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // PostgreSQL: the words beyond ASCII, decided here on the rows SQL narrowed.
    let decided: Vec<FoldedPart> = match engine {
        Engine::Sqlite => Vec::new(),
        Engine::Postgres => folded
            .iter()
            .filter(|w| !w.is_ascii())
            .map(|w| FoldedPart::new(w))
            .collect(),
    };
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let mut hits = Vec::new();
    for query in &QUERIES {
        if query.catalogue && catalogue.is_none() {
            continue;
        }
        let (sql, texts, limited) = statement(engine, query, &folded);
        let mut params = vec![Value::Int(catalogue.unwrap_or(0))];
        params.extend(texts.iter().map(|t| Value::Text(t)));
        if limited {
            params.push(Value::Int(i64::try_from(limit).unwrap_or(i64::MAX)));
        }
        let mut rows: Vec<(Hit, i64)> = Vec::new();
        conn.each_row(&sql, &params, &mut |r| {
            if !decided.is_empty() && !holds_every(r, query, &decided)? {
                return Ok(true);
            }
            let hit = Hit {
                kind: query.kind,
                id: r.get(0)?,
                title: r.get(1)?,
                detail: detail(r, query.kind)?,
                scope_id: r.get(3)?,
                audit_id: r.get(4)?,
            };
            let id = if query.order.is_none() { r.get(5)? } else { 0 };
            rows.push((hit, id));
            // In SQL's order: the first `limit` that hold every word are the answer.
            Ok(query.order.is_none() || rows.len() < limit)
        })?;
        if query.order.is_none() {
            rows.sort_by(natural);
        }
        hits.extend(rows.into_iter().take(limit).map(|(hit, _)| hit));
    }
    Ok(hits)
}

fn natural(a: &(Hit, i64), b: &(Hit, i64)) -> Ordering {
    natural_cmp(&a.0.title, &b.0.title).then(a.1.cmp(&b.1))
}

/// One kind's statement for `folded` words, its text parameters (`?2` on; `?1` is the
/// catalogue) and whether a LIMIT follows them. SQLite: each word's test in SQL, and the
/// LIMIT. PostgreSQL: ASCII words in SQL; a word beyond ASCII narrows to rows with a text
/// beyond ASCII and is decided by [`holds_every`], so the limit is then applied while
/// reading. Kinds sorted here read every match (no LIMIT).
fn statement(engine: Engine, query: &KindQuery, folded: &[String]) -> (String, Vec<String>, bool) {
    let mut params: Vec<String> = Vec::new();
    let mut sql = String::from(query.select);
    if engine == Engine::Postgres {
        // PostgreSQL's WHERE wants a boolean, and every parameter used: ?1 (the catalogue)
        // is not, outside the catalogue.
        if let Some(select) = sql.strip_suffix(" WHERE 1") {
            sql = format!("{select} WHERE CAST(?1 AS BIGINT) IS NOT NULL");
        }
        // A bare NULL is a text there; these are the scope and audit ids.
        sql = sql.replace(", NULL", ", CAST(NULL AS BIGINT)");
        for column in query.searched {
            sql = sql.replacen(" FROM ", &format!(", {} FROM ", raw_column(column)), 1);
        }
    }
    for word in folded {
        let ascii = word.is_ascii();
        let tests: Vec<String> = match (engine, ascii) {
            (Engine::Sqlite, true) => {
                params.push(like_pattern(word));
                let p = params.len() + 1;
                query
                    .searched
                    .iter()
                    .map(|column| format!("{column} LIKE ?{p} ESCAPE '\\'"))
                    .collect()
            }
            (Engine::Sqlite, false) => {
                params.push(word.clone());
                let p = params.len() + 1;
                query
                    .searched
                    .iter()
                    .map(|column| format!("contains_folded({column}, ?{p})"))
                    .collect()
            }
            (Engine::Postgres, true) => {
                params.push(word.clone());
                let p = params.len() + 1;
                query
                    .searched
                    .iter()
                    .map(|column| {
                        format!("strpos(lower({} COLLATE \"C\"), ?{p}) > 0", pg_text(column))
                    })
                    .collect()
            }
            (Engine::Postgres, false) => query
                .searched
                .iter()
                .map(|column| {
                    let text = pg_text(column);
                    if *column == PATH {
                        format!("octet_length({text}) > octet_length(e.source_path)")
                    } else {
                        format!("octet_length({text}) > length({text})")
                    }
                })
                .collect(),
        };
        sql.push_str(&format!(" AND ({})", tests.join(" OR ")));
    }
    let decided_here = engine == Engine::Postgres && !folded.iter().all(|w| w.is_ascii());
    let order = match (query.kind, engine) {
        (HitKind::Evidence, Engine::Sqlite) => Some(EVIDENCE_ORDER[0]),
        (HitKind::Evidence, Engine::Postgres) => Some(EVIDENCE_ORDER[1]),
        _ => query.order,
    };
    let limited = match order {
        Some(order) if decided_here => {
            sql.push_str(&format!(" ORDER BY {order}"));
            false
        }
        Some(order) => {
            sql.push_str(&format!(" ORDER BY {order} LIMIT ?{}", params.len() + 2));
            true
        }
        None => false,
    };
    (sql, params, limited)
}

/// A searched column as PostgreSQL's text.
fn pg_text(column: &str) -> &str {
    if column == PATH {
        "convert_from(e.source_path, 'LATIN1')"
    } else {
        column
    }
}

/// A searched column as read for core's decision (the path as its bytes).
fn raw_column(column: &str) -> &str {
    if column == PATH {
        "e.source_path"
    } else {
        column
    }
}

/// Whether each of `decided` is in one of the searched texts of a PostgreSQL row (they
/// follow the kind's own columns).
fn holds_every(row: &Row<'_>, query: &KindQuery, decided: &[FoldedPart]) -> Result<bool> {
    let first = if query.order.is_none() { 6 } else { 5 };
    let mut texts = Vec::with_capacity(query.searched.len());
    for (i, column) in query.searched.iter().enumerate() {
        let text = if *column == PATH {
            row.get::<Option<Vec<u8>>>(first + i)?
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        } else {
            row.get::<Option<String>>(first + i)?
        };
        texts.push(text.unwrap_or_default());
    }
    Ok(decided
        .iter()
        .all(|part| texts.iter().any(|t| !t.is_ascii() && part.is_in(t))))
}

/// A detail column as text: a source path is the OS's bytes, which need not be UTF-8 (a
/// Latin-1 name on Unix); its undecodable bytes show as U+FFFD rather than failing the search.
fn detail(row: &Row<'_>, kind: HitKind) -> Result<String> {
    Ok(if kind == HitKind::Evidence {
        String::from_utf8_lossy(&row.get::<Vec<u8>>(2)?).into_owned()
    } else {
        row.get::<Option<String>>(2)?.unwrap_or_default()
    })
}

#[cfg(test)]
mod tests;
