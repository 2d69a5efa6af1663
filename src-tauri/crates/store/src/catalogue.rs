//! The catalogue tables: a catalogue with its chapters, ISO/PAS 5112 groups, control
//! questions, requirements and parsed references. Written against [`Sql`]: the same on
//! SQLite and PostgreSQL, but for the order of texts and the search (two statements each,
//! below).

use crate::Result;
use crate::sql::{Engine, Row, Sql, SqlExt as _, params};
use csmsdesk_core::catalogue::references::{Reference, ReferenceKind};
use csmsdesk_core::catalogue::{
    Catalogue, CatalogueCounts, Chapter, ControlQuestion, Group5112, Requirement,
};
use std::collections::HashMap;

/// A stored catalogue's identity and provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueRecord {
    pub id: i64,
    pub name: String,
    pub version: String,
    pub source_file: String,
    pub source_sha256: String,
    pub imported_at: String,
    /// The newer version of the same catalogue that replaced this one, if any.
    pub superseded_by: Option<i64>,
    pub counts: CatalogueCounts,
    /// The imported workbook itself, kept in the vault (an `.xlsx` imported since schema 9).
    pub original_sha256: Option<String>,
}

/// What is stored about an import besides the tree.
#[derive(Debug, Clone)]
pub struct NewCatalogue<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub source_file: &'a str,
    pub source_sha256: &'a str,
    pub imported_at: &'a str,
    /// The imported file, stored in the vault: its SHA-256 and size.
    pub original: Option<(&'a str, u64)>,
}

const RECORD_SELECT: &str = "
    SELECT c.id, c.name, c.version, c.source_file, c.source_sha256, c.imported_at, c.superseded_by,
        (SELECT count(*) FROM catalogue_chapter WHERE catalogue_id = c.id),
        (SELECT count(*) FROM control_question WHERE catalogue_id = c.id),
        (SELECT count(*) FROM requirement WHERE catalogue_id = c.id),
        (SELECT count(*) FROM requirement WHERE catalogue_id = c.id AND must_text <> ''),
        (SELECT count(*) FROM requirement WHERE catalogue_id = c.id AND should_text <> ''),
        c.original_sha256
    FROM catalogue c";

fn record(row: &Row<'_>) -> Result<CatalogueRecord> {
    let count = |i| row.get::<i64>(i).map(|n| n as usize);
    Ok(CatalogueRecord {
        id: row.get(0)?,
        name: row.get(1)?,
        version: row.get(2)?,
        source_file: row.get(3)?,
        source_sha256: row.get(4)?,
        imported_at: row.get(5)?,
        superseded_by: row.get(6)?,
        counts: CatalogueCounts {
            chapters: count(7)?,
            control_questions: count(8)?,
            requirements: count(9)?,
            must: count(10)?,
            should: count(11)?,
        },
        original_sha256: row.get(12)?,
    })
}

/// Every catalogue, oldest import first.
pub fn list(conn: &(impl Sql + ?Sized)) -> Result<Vec<CatalogueRecord>> {
    conn.query_map(&format!("{RECORD_SELECT} ORDER BY c.id"), params![], record)
}

pub fn get(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<CatalogueRecord>> {
    conn.optional(
        &format!("{RECORD_SELECT} WHERE c.id = ?1"),
        params![id],
        record,
    )
}

pub fn find_by_sha256(conn: &(impl Sql + ?Sized), sha256: &str) -> Result<Option<CatalogueRecord>> {
    conn.optional(
        &format!("{RECORD_SELECT} WHERE c.source_sha256 = ?1"),
        params![sha256],
        record,
    )
}

// Texts sort by their bytes (SQLite's BINARY; "C" on PostgreSQL, see `sql`).
const QUESTIONS: [&str; 2] = [
    "SELECT id, chapter_id, id_5112, text, objective, source_row FROM control_question
     WHERE catalogue_id = ?1 ORDER BY chapter_id, position",
    r#"SELECT id, chapter_id, id_5112, text, objective, source_row FROM control_question
     WHERE catalogue_id = ?1 ORDER BY chapter_id COLLATE "C", position"#,
];
const REFERENCES: [&str; 2] = [
    "SELECT requirement_id, field, tag, kind, clause FROM requirement_reference
     WHERE catalogue_id = ?1 ORDER BY requirement_id, field, position",
    r#"SELECT requirement_id, field, tag, kind, clause FROM requirement_reference
     WHERE catalogue_id = ?1 ORDER BY requirement_id COLLATE "C", field COLLATE "C", position"#,
];
/// SQLite's `LIKE` ignores ASCII case only; PostgreSQL's `ILIKE` under "C" does the same.
/// SQLite sorts NULL first; PostgreSQL last unless told (and a UNION's order is by its
/// output columns only: the hits are ordered outside it there).
const SEARCH: [&str; 2] = [
    "SELECT q.id, NULL FROM control_question q
     WHERE q.catalogue_id = ?1 AND (q.id LIKE ?2 ESCAPE '\\' OR q.id_5112 LIKE ?2 ESCAPE '\\'
         OR q.text LIKE ?2 ESCAPE '\\' OR q.objective LIKE ?2 ESCAPE '\\')
     UNION
     SELECT r.question_id, r.id FROM requirement r
     WHERE r.catalogue_id = ?1 AND (r.id LIKE ?2 ESCAPE '\\' OR r.id_5112 LIKE ?2 ESCAPE '\\'
         OR r.must_text LIKE ?2 ESCAPE '\\' OR r.must_references LIKE ?2 ESCAPE '\\'
         OR r.should_text LIKE ?2 ESCAPE '\\' OR r.should_references LIKE ?2 ESCAPE '\\'
         OR r.further_information LIKE ?2 ESCAPE '\\' OR r.possible_evidence LIKE ?2 ESCAPE '\\')
     ORDER BY 1, 2",
    r#"SELECT question_id, requirement_id FROM (
         SELECT q.id AS question_id, NULL AS requirement_id FROM control_question q
         WHERE q.catalogue_id = ?1 AND (q.id COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR q.id_5112 COLLATE "C" ILIKE ?2 ESCAPE '\' OR q.text COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR q.objective COLLATE "C" ILIKE ?2 ESCAPE '\')
         UNION
         SELECT r.question_id, r.id FROM requirement r
         WHERE r.catalogue_id = ?1 AND (r.id COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.id_5112 COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.must_text COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.must_references COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.should_text COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.should_references COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.further_information COLLATE "C" ILIKE ?2 ESCAPE '\'
             OR r.possible_evidence COLLATE "C" ILIKE ?2 ESCAPE '\')
     ) hits
     ORDER BY question_id COLLATE "C", requirement_id COLLATE "C" NULLS FIRST"#,
];

/// Stores a catalogue and its tree inside `tx`; returns its id.
pub fn insert(
    tx: &(impl Sql + ?Sized),
    meta: &NewCatalogue<'_>,
    catalogue: &Catalogue,
) -> Result<i64> {
    let id = tx.insert_id(
        "INSERT INTO catalogue (name, version, source_file, source_sha256, imported_at,
             original_sha256, original_size)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         RETURNING id",
        params![
            meta.name,
            meta.version,
            meta.source_file,
            meta.source_sha256,
            meta.imported_at,
            meta.original.map(|(sha256, _)| sha256),
            meta.original
                .map(|(_, size)| i64::try_from(size).unwrap_or(i64::MAX)),
        ],
    )?;
    for (position, group) in catalogue.groups_5112.iter().enumerate() {
        tx.execute(
            "INSERT INTO catalogue_group_5112 (catalogue_id, id, title, position) VALUES (?1, ?2, ?3, ?4)",
            params![id, &group.id, &group.title, position as i64],
        )?;
    }
    for (position, chapter) in catalogue.chapters.iter().enumerate() {
        tx.execute(
            "INSERT INTO catalogue_chapter (catalogue_id, id, title, position) VALUES (?1, ?2, ?3, ?4)",
            params![id, &chapter.id, &chapter.title, position as i64],
        )?;
        for (q_pos, q) in chapter.questions.iter().enumerate() {
            tx.execute(
                "INSERT INTO control_question
                    (catalogue_id, id, chapter_id, id_5112, text, objective, position, source_row)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    &q.id,
                    &chapter.id,
                    &q.id_5112,
                    &q.text,
                    &q.objective,
                    q_pos as i64,
                    q.row as i64
                ],
            )?;
            for (r_pos, r) in q.requirements.iter().enumerate() {
                tx.execute(
                    "INSERT INTO requirement
                        (catalogue_id, id, question_id, id_5112, must_text, must_references, should_text,
                         should_references, further_information, possible_evidence, position, source_row)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                    params![
                        id,
                        &r.id,
                        &q.id,
                        &r.id_5112,
                        &r.must,
                        &r.must_references,
                        &r.should,
                        &r.should_references,
                        &r.further_information,
                        &r.possible_evidence,
                        r_pos as i64,
                        r.row as i64
                    ],
                )?;
                let mut per_field = std::collections::HashMap::new();
                for (field, reference) in r.references() {
                    let position = per_field.entry(field.as_str()).or_insert(0_i64);
                    tx.execute(
                        "INSERT INTO requirement_reference
                            (catalogue_id, requirement_id, field, position, tag, kind, clause)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        params![
                            id,
                            &r.id,
                            field.as_str(),
                            *position,
                            &reference.tag,
                            reference.kind.as_str(),
                            reference.clause
                        ],
                    )?;
                    *position += 1;
                }
            }
        }
    }
    Ok(id)
}

/// Marks `old` as replaced by the newer version `new`.
pub fn set_superseded(tx: &(impl Sql + ?Sized), old: i64, new: i64) -> Result<()> {
    tx.execute(
        "UPDATE catalogue SET superseded_by = ?2 WHERE id = ?1",
        params![old, new],
    )?;
    Ok(())
}

/// Records that catalogue `id`'s imported workbook is kept in the vault as `sha256`.
pub fn set_original(tx: &(impl Sql + ?Sized), id: i64, sha256: &str, size: u64) -> Result<()> {
    tx.execute(
        "UPDATE catalogue SET original_sha256 = ?2, original_size = ?3 WHERE id = ?1",
        params![id, sha256, i64::try_from(size).unwrap_or(i64::MAX)],
    )?;
    Ok(())
}

/// A requirement from its row (`id, id_5112, must_text, must_references, should_text,
/// should_references, further_information, possible_evidence, source_row`).
fn requirement(row: &Row<'_>) -> Result<Requirement> {
    Ok(Requirement {
        id: row.get(0)?,
        id_5112: row.get(1)?,
        must: row.get(2)?,
        must_references: row.get(3)?,
        should: row.get(4)?,
        should_references: row.get(5)?,
        further_information: row.get(6)?,
        possible_evidence: row.get(7)?,
        row: row.get::<i64>(8)? as usize,
    })
}

/// The stored tree of catalogue `id` (its title is the stored name).
pub fn load(conn: &(impl Sql + ?Sized), id: i64) -> Result<Option<Catalogue>> {
    let Some(record) = get(conn, id)? else {
        return Ok(None);
    };
    let mut chapters = conn.query_map(
        "SELECT id, title FROM catalogue_chapter WHERE catalogue_id = ?1 ORDER BY position",
        params![id],
        |row| {
            Ok(Chapter {
                id: row.get(0)?,
                title: row.get(1)?,
                row: 0,
                questions: Vec::new(),
            })
        },
    )?;
    let groups_5112 = conn.query_map(
        "SELECT id, title FROM catalogue_group_5112 WHERE catalogue_id = ?1 ORDER BY position",
        params![id],
        |row| {
            Ok(Group5112 {
                id: row.get(0)?,
                title: row.get(1)?,
            })
        },
    )?;
    let questions = conn.query_map(conn.pick(QUESTIONS), params![id], |row| {
        Ok((
            row.get::<String>(1)?,
            ControlQuestion {
                id: row.get(0)?,
                id_5112: row.get(2)?,
                text: row.get(3)?,
                objective: row.get(4)?,
                row: row.get::<i64>(5)? as usize,
                requirements: Vec::new(),
            },
        ))
    })?;
    // On PostgreSQL each statement is a round trip: the requirements of every question in
    // one statement, grouped here (readiness reads the tree twice: a statement per question
    // was 48 round trips for the demo's 24). SQLite keeps its statement per question.
    let mut all_requirements = match conn.engine() {
        Engine::Sqlite => None,
        Engine::Postgres => {
            let mut by_question: HashMap<String, Vec<Requirement>> = HashMap::new();
            let rows = conn.query_map(
                "SELECT id, id_5112, must_text, must_references, should_text, should_references,
                        further_information, possible_evidence, source_row, question_id
                 FROM requirement WHERE catalogue_id = ?1 ORDER BY position",
                params![id],
                |row| Ok((row.get::<String>(9)?, requirement(row)?)),
            )?;
            for (question, requirement) in rows {
                by_question.entry(question).or_default().push(requirement);
            }
            Some(by_question)
        }
    };
    for (chapter_id, mut question) in questions {
        question.requirements = match all_requirements.as_mut() {
            Some(by_question) => by_question.remove(&question.id).unwrap_or_default(),
            None => conn.query_map(
                "SELECT id, id_5112, must_text, must_references, should_text, should_references,
                    further_information, possible_evidence, source_row
             FROM requirement WHERE catalogue_id = ?1 AND question_id = ?2 ORDER BY position",
                params![id, &question.id],
                requirement,
            )?,
        };
        if let Some(chapter) = chapters.iter_mut().find(|c| c.id == chapter_id) {
            chapter.questions.push(question);
        }
    }
    Ok(Some(Catalogue {
        title: record.name,
        chapters,
        groups_5112,
        notes: Vec::new(),
    }))
}

/// The parsed references of every requirement of catalogue `id`, in cell order.
pub fn references(conn: &(impl Sql + ?Sized), id: i64) -> Result<Vec<(String, String, Reference)>> {
    conn.query_map(conn.pick(REFERENCES), params![id], |row| {
        let kind: String = row.get(3)?;
        Ok((
            row.get(0)?,
            row.get(1)?,
            Reference {
                tag: row.get(2)?,
                kind: ReferenceKind::parse(&kind).unwrap_or(ReferenceKind::Other),
                clause: row.get::<Option<i64>>(4)?.map(|c| c as u8),
            },
        ))
    })
}

/// The IDs of the questions and requirements of catalogue `id` whose ID, text or references
/// contain `query` (case-insensitive), each with the question it belongs to.
pub fn search(conn: &(impl Sql + ?Sized), id: i64, query: &str) -> Result<Vec<SearchHit>> {
    let pattern = format!(
        "%{}%",
        query
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    conn.query_map(conn.pick(SEARCH), params![id, &pattern], |row| {
        Ok(SearchHit {
            question_id: row.get(0)?,
            requirement_id: row.get(1)?,
        })
    })
}

/// A search result: a question, or one of its requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub question_id: String,
    pub requirement_id: Option<String>,
}

#[cfg(test)]
mod tests;
