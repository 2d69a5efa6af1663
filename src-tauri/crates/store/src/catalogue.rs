//! The catalogue tables: a catalogue with its chapters, ISO/PAS 5112 groups, control
//! questions, requirements and parsed references.

use csmsdesk_core::catalogue::references::{Reference, ReferenceKind};
use csmsdesk_core::catalogue::{
    Catalogue, CatalogueCounts, Chapter, ControlQuestion, Group5112, Requirement,
};
use rusqlite::{Connection, OptionalExtension as _, params};

use crate::{Result, Transaction};

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

fn record(row: &rusqlite::Row<'_>) -> rusqlite::Result<CatalogueRecord> {
    let count = |i| row.get::<_, i64>(i).map(|n| n as usize);
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
pub fn list(conn: &Connection) -> Result<Vec<CatalogueRecord>> {
    let mut stmt = conn.prepare(&format!("{RECORD_SELECT} ORDER BY c.id"))?;
    let rows = stmt
        .query_map([], record)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<CatalogueRecord>> {
    Ok(conn
        .query_row(&format!("{RECORD_SELECT} WHERE c.id = ?1"), [id], record)
        .optional()?)
}

pub fn find_by_sha256(conn: &Connection, sha256: &str) -> Result<Option<CatalogueRecord>> {
    Ok(conn
        .query_row(
            &format!("{RECORD_SELECT} WHERE c.source_sha256 = ?1"),
            [sha256],
            record,
        )
        .optional()?)
}

/// Stores a catalogue and its tree inside `tx`; returns its id.
pub fn insert(tx: &Transaction<'_>, meta: &NewCatalogue<'_>, catalogue: &Catalogue) -> Result<i64> {
    tx.execute(
        "INSERT INTO catalogue (name, version, source_file, source_sha256, imported_at,
             original_sha256, original_size)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
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
    let id = tx.last_insert_rowid();
    let mut chapter_stmt = tx.prepare(
        "INSERT INTO catalogue_chapter (catalogue_id, id, title, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut group_stmt = tx.prepare(
        "INSERT INTO catalogue_group_5112 (catalogue_id, id, title, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut question_stmt = tx.prepare(
        "INSERT INTO control_question
            (catalogue_id, id, chapter_id, id_5112, text, objective, position, source_row)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut requirement_stmt = tx.prepare(
        "INSERT INTO requirement
            (catalogue_id, id, question_id, id_5112, must_text, must_references, should_text,
             should_references, further_information, possible_evidence, position, source_row)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut reference_stmt = tx.prepare(
        "INSERT INTO requirement_reference
            (catalogue_id, requirement_id, field, position, tag, kind, clause)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, group) in catalogue.groups_5112.iter().enumerate() {
        group_stmt.execute(params![id, group.id, group.title, position as i64])?;
    }
    for (position, chapter) in catalogue.chapters.iter().enumerate() {
        chapter_stmt.execute(params![id, chapter.id, chapter.title, position as i64])?;
        for (q_pos, q) in chapter.questions.iter().enumerate() {
            question_stmt.execute(params![
                id,
                q.id,
                chapter.id,
                q.id_5112,
                q.text,
                q.objective,
                q_pos as i64,
                q.row as i64
            ])?;
            for (r_pos, r) in q.requirements.iter().enumerate() {
                requirement_stmt.execute(params![
                    id,
                    r.id,
                    q.id,
                    r.id_5112,
                    r.must,
                    r.must_references,
                    r.should,
                    r.should_references,
                    r.further_information,
                    r.possible_evidence,
                    r_pos as i64,
                    r.row as i64
                ])?;
                let mut per_field = std::collections::HashMap::new();
                for (field, reference) in r.references() {
                    let position = per_field.entry(field.as_str()).or_insert(0_i64);
                    reference_stmt.execute(params![
                        id,
                        r.id,
                        field.as_str(),
                        *position,
                        reference.tag,
                        reference.kind.as_str(),
                        reference.clause
                    ])?;
                    *position += 1;
                }
            }
        }
    }
    Ok(id)
}

/// Marks `old` as replaced by the newer version `new`.
pub fn set_superseded(tx: &Transaction<'_>, old: i64, new: i64) -> Result<()> {
    tx.execute(
        "UPDATE catalogue SET superseded_by = ?2 WHERE id = ?1",
        [old, new],
    )?;
    Ok(())
}

/// Records that catalogue `id`'s imported workbook is kept in the vault as `sha256`.
pub fn set_original(tx: &Transaction<'_>, id: i64, sha256: &str, size: u64) -> Result<()> {
    tx.execute(
        "UPDATE catalogue SET original_sha256 = ?2, original_size = ?3 WHERE id = ?1",
        params![id, sha256, i64::try_from(size).unwrap_or(i64::MAX)],
    )?;
    Ok(())
}

/// The stored tree of catalogue `id` (its title is the stored name).
pub fn load(conn: &Connection, id: i64) -> Result<Option<Catalogue>> {
    let Some(record) = get(conn, id)? else {
        return Ok(None);
    };
    let mut chapters: Vec<Chapter> = conn
        .prepare(
            "SELECT id, title FROM catalogue_chapter WHERE catalogue_id = ?1 ORDER BY position",
        )?
        .query_map([id], |row| {
            Ok(Chapter {
                id: row.get(0)?,
                title: row.get(1)?,
                row: 0,
                questions: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let groups_5112 = conn
        .prepare(
            "SELECT id, title FROM catalogue_group_5112 WHERE catalogue_id = ?1 ORDER BY position",
        )?
        .query_map([id], |row| {
            Ok(Group5112 {
                id: row.get(0)?,
                title: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut questions = conn.prepare(
        "SELECT id, chapter_id, id_5112, text, objective, source_row FROM control_question
         WHERE catalogue_id = ?1 ORDER BY chapter_id, position",
    )?;
    let mut requirements = conn.prepare(
        "SELECT id, id_5112, must_text, must_references, should_text, should_references,
                further_information, possible_evidence, source_row
         FROM requirement WHERE catalogue_id = ?1 AND question_id = ?2 ORDER BY position",
    )?;
    let rows = questions.query_map([id], |row| {
        Ok((
            row.get::<_, String>(1)?,
            ControlQuestion {
                id: row.get(0)?,
                id_5112: row.get(2)?,
                text: row.get(3)?,
                objective: row.get(4)?,
                row: row.get::<_, i64>(5)? as usize,
                requirements: Vec::new(),
            },
        ))
    })?;
    for row in rows {
        let (chapter_id, mut question) = row?;
        question.requirements = requirements
            .query_map(params![id, question.id], |row| {
                Ok(Requirement {
                    id: row.get(0)?,
                    id_5112: row.get(1)?,
                    must: row.get(2)?,
                    must_references: row.get(3)?,
                    should: row.get(4)?,
                    should_references: row.get(5)?,
                    further_information: row.get(6)?,
                    possible_evidence: row.get(7)?,
                    row: row.get::<_, i64>(8)? as usize,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
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
pub fn references(conn: &Connection, id: i64) -> Result<Vec<(String, String, Reference)>> {
    let mut stmt = conn.prepare(
        "SELECT requirement_id, field, tag, kind, clause FROM requirement_reference
         WHERE catalogue_id = ?1 ORDER BY requirement_id, field, position",
    )?;
    let rows = stmt
        .query_map([id], |row| {
            let kind: String = row.get(3)?;
            Ok((
                row.get(0)?,
                row.get(1)?,
                Reference {
                    tag: row.get(2)?,
                    kind: ReferenceKind::parse(&kind).unwrap_or(ReferenceKind::Other),
                    clause: row.get::<_, Option<i64>>(4)?.map(|c| c as u8),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The IDs of the questions and requirements of catalogue `id` whose ID, text or references
/// contain `query` (case-insensitive), each with the question it belongs to.
pub fn search(conn: &Connection, id: i64, query: &str) -> Result<Vec<SearchHit>> {
    let pattern = format!(
        "%{}%",
        query
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut stmt = conn.prepare(
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
    )?;
    let hits = stmt
        .query_map(params![id, pattern], |row| {
            Ok(SearchHit {
                question_id: row.get(0)?,
                requirement_id: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(hits)
}

/// A search result: a question, or one of its requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub question_id: String,
    pub requirement_id: Option<String>,
}

#[cfg(test)]
mod tests;
