//! The one search field of the app (Ctrl+K) and `csmsdesk-cli search`: requirements, control
//! questions, evidence (title and source path), findings, corrective actions, locations and
//! scopes whose texts hold every word, at most `limit` of each kind, each kind one query with
//! its own LIMIT, so nothing is read whole.

use rusqlite::Connection;
use rusqlite::types::Value;

use crate::Result;
use crate::evidence::query_like_pattern as like_pattern;

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
    order: &'static str,
    catalogue: bool,
}

const QUERIES: [KindQuery; 7] = [
    KindQuery {
        kind: HitKind::Requirement,
        select: "SELECT r.id, r.must_text, r.should_text, NULL, NULL FROM requirement r WHERE r.catalogue_id = ?1",
        searched: &["r.id", "r.must_text", "r.should_text"],
        order: "r.position",
        catalogue: true,
    },
    KindQuery {
        kind: HitKind::Question,
        select: "SELECT q.id, q.text, '', NULL, NULL FROM control_question q WHERE q.catalogue_id = ?1",
        searched: &["q.id", "q.text"],
        order: "q.position",
        catalogue: true,
    },
    KindQuery {
        kind: HitKind::Evidence,
        // The path as its bytes: a name need not be UTF-8 (shown with U+FFFD, see `lossy_text`).
        select: "SELECT CAST(e.id AS TEXT), e.title, e.source_path, NULL, NULL FROM evidence e WHERE 1",
        searched: &["e.title", "CAST(e.source_path AS TEXT)"],
        order: "e.title_key, e.id",
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Finding,
        select: "SELECT CAST(f.id AS TEXT), f.description, f.question_id, a.scope_id, a.id FROM finding f JOIN audit a ON a.id = f.audit_id WHERE 1",
        searched: &["f.description", "f.question_id"],
        order: "f.id",
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Action,
        select: "SELECT CAST(c.id AS TEXT), c.description, c.owner, a.scope_id, a.id FROM corrective_action c JOIN finding f ON f.id = c.finding_id JOIN audit a ON a.id = f.audit_id WHERE 1",
        searched: &["c.description", "c.owner", "c.department"],
        order: "c.id",
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Location,
        select: "SELECT CAST(l.id AS TEXT), l.name, l.address, NULL, NULL FROM location l WHERE 1",
        searched: &["l.name", "l.address", "coalesce(l.tisax_scope_id, '')"],
        order: "l.name COLLATE natural_order",
        catalogue: false,
    },
    KindQuery {
        kind: HitKind::Scope,
        select: "SELECT CAST(s.id AS TEXT), s.name, coalesce(s.enx_scope_id, ''), s.id, NULL FROM scope s WHERE 1",
        searched: &["s.name", "coalesce(s.enx_scope_id, '')"],
        order: "s.name COLLATE natural_order",
        catalogue: false,
    },
];

/// The records whose searched texts hold every word of `words` (case ignored, umlauts
/// too), at most `limit` of each kind, kinds in [`HitKind::ALL`] order. Requirements and
/// questions come from `catalogue` only (none without one). No words: nothing.
pub fn search(
    conn: &Connection,
    words: &[String],
    catalogue: Option<i64>,
    limit: u32,
) -> Result<Vec<Hit>> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    for query in &QUERIES {
        if query.catalogue && catalogue.is_none() {
            continue;
        }
        let mut params = vec![Value::Integer(catalogue.unwrap_or(0))];
        let mut sql = String::from(query.select);
        for word in words {
            let folded = word.to_lowercase();
            let ascii = folded.is_ascii();
            params.push(Value::Text(if ascii {
                like_pattern(&folded)
            } else {
                folded
            }));
            let p = format!("?{}", params.len());
            let tests: Vec<String> = query
                .searched
                .iter()
                .map(|column| {
                    if ascii {
                        format!("{column} LIKE {p} ESCAPE '\\'")
                    } else {
                        format!("contains_folded({column}, {p})")
                    }
                })
                .collect();
            sql.push_str(&format!(" AND ({})", tests.join(" OR ")));
        }
        params.push(Value::Integer(i64::from(limit)));
        sql.push_str(&format!(
            " ORDER BY {} LIMIT ?{}",
            query.order,
            params.len()
        ));
        // ?1 (the catalogue) is unused by the kinds outside the catalogue: SQLite allows that.
        let rows = conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(&params), |r| {
                Ok(Hit {
                    kind: query.kind,
                    id: r.get(0)?,
                    title: r.get(1)?,
                    detail: lossy_text(r.get_ref(2)?),
                    scope_id: r.get(3)?,
                    audit_id: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        hits.extend(rows);
    }
    Ok(hits)
}

/// A detail column as text: a source path is the OS's bytes, which need not be UTF-8 (a
/// Latin-1 name on Unix); its undecodable bytes show as U+FFFD rather than failing the search.
fn lossy_text(value: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
            String::from_utf8_lossy(bytes).into_owned()
        }
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Null => String::new(),
    }
}

#[cfg(test)]
mod tests;
