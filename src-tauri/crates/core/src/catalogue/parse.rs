//! Reading the catalogue sheet: finding the header row and every column by name, classifying
//! rows by `Is_Title?` and the ID pattern, and surviving the workbook's known quirks.

use std::collections::HashMap;

use super::{Catalogue, CatalogueNote, Chapter, ControlQuestion, Group5112, Requirement};
use crate::grid::{Cell, Grid, fold_header};
use crate::i18n::Message;

/// How far down the header row may be.
const HEADER_SEARCH_ROWS: usize = 30;
/// More data rows than this is not a catalogue (VCSA 1.1 has 119).
pub const MAX_ROWS: usize = 10_000;
/// The most characters a spreadsheet cell can hold (Excel's limit).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The columns the reader needs, by folded header name.
#[derive(Debug, Clone, Copy)]
enum Col {
    IsTitle,
    Id5112,
    Vcs,
    Question,
    Objective,
    Must,
    MustRef,
    Should,
    ShouldRef,
    Further,
    Evidence,
}

const COLUMNS: [(Col, &str); 11] = [
    (Col::IsTitle, "Is_Title?"),
    (Col::Id5112, "ISO/PAS 5112"),
    (Col::Vcs, "VCS"),
    (Col::Question, "Control question"),
    (Col::Objective, "Objective"),
    (Col::Must, "Requirements (must)"),
    (Col::MustRef, "Reference (must)"),
    (Col::Should, "Requirements (should)"),
    (Col::ShouldRef, "Reference (should)"),
    (Col::Further, "Further information"),
    (Col::Evidence, "Possible evidence (not mandatory)"),
];

/// Where in the sheet a problem is, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueProblem {
    pub sheet: String,
    /// The spreadsheet row number, when the problem is in one row.
    pub row: Option<usize>,
    /// The column letters and header, when the problem is in one cell.
    pub column: Option<(String, String)>,
    pub kind: ProblemKind,
}

/// What is wrong with a catalogue sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// No row near the top holds both the `VCS` and the `Control question` headers.
    NoHeaderRow,
    /// The header row lacks a column the reader needs.
    MissingHeader {
        header: &'static str,
    },
    /// A cell holds an error value (`#REF!`).
    ErrorValue {
        value: String,
    },
    /// A cell holds more text than a spreadsheet cell can.
    CellTooLong {
        chars: usize,
    },
    /// The sheet is far larger than any catalogue.
    TooManyRows {
        rows: usize,
    },
    /// `Is_Title?` holds something other than 1, 2 or nothing.
    UnknownRowType {
        value: String,
    },
    /// A row has text but no VCS ID.
    MissingId,
    BadChapterId {
        id: String,
    },
    BadQuestionId {
        id: String,
    },
    BadRequirementId {
        id: String,
    },
    DuplicateChapter {
        id: String,
        first_row: usize,
    },
    DuplicateQuestion {
        id: String,
        first_row: usize,
    },
    /// A control question whose chapter row is not above it.
    QuestionOutsideChapter {
        question: String,
        chapter: String,
    },
    /// A requirement whose control question row is not above it.
    RequirementOutsideQuestion {
        requirement: String,
        question: String,
    },
    /// The sheet holds no control questions at all.
    NoQuestions,
    /// A `Findings/result` cell holds something other than the workbook's results.
    UnknownResult {
        value: String,
    },
}

impl CatalogueProblem {
    /// The message, located in `file`: "file, sheet S, row R, column C (header): problem".
    pub fn message(&self, file: &str) -> Message {
        let problem = self.problem_message();
        let located = match (&self.row, &self.column) {
            (Some(row), Some((letters, header))) => Message::new("catalogue.at_cell")
                .arg("row", row)
                .arg("column", letters)
                .arg("header", header),
            (Some(row), None) => Message::new("catalogue.at_row").arg("row", row),
            _ => Message::new("catalogue.at_sheet"),
        };
        located
            .arg("file", file)
            .arg("sheet", &self.sheet)
            .arg_message("problem", problem)
    }

    fn problem_message(&self) -> Message {
        use ProblemKind as K;
        match &self.kind {
            K::NoHeaderRow => {
                Message::new("catalogue.problem.no_header_row").arg("rows", HEADER_SEARCH_ROWS)
            }
            K::MissingHeader { header } => {
                Message::new("catalogue.problem.missing_header").arg("header", header)
            }
            K::ErrorValue { value } => {
                Message::new("catalogue.problem.error_value").arg("value", value)
            }
            K::CellTooLong { chars } => Message::new("catalogue.problem.cell_too_long")
                .arg("chars", chars)
                .arg("max", MAX_CELL_CHARS),
            K::TooManyRows { rows } => Message::new("catalogue.problem.too_many_rows")
                .arg("rows", rows)
                .arg("max", MAX_ROWS),
            K::UnknownRowType { value } => {
                Message::new("catalogue.problem.unknown_row_type").arg("value", value)
            }
            K::MissingId => Message::new("catalogue.problem.missing_id"),
            K::BadChapterId { id } => {
                Message::new("catalogue.problem.bad_chapter_id").arg("id", id)
            }
            K::BadQuestionId { id } => {
                Message::new("catalogue.problem.bad_question_id").arg("id", id)
            }
            K::BadRequirementId { id } => {
                Message::new("catalogue.problem.bad_requirement_id").arg("id", id)
            }
            K::DuplicateChapter { id, first_row } => {
                Message::new("catalogue.problem.duplicate_chapter")
                    .arg("id", id)
                    .arg("first_row", first_row)
            }
            K::DuplicateQuestion { id, first_row } => {
                Message::new("catalogue.problem.duplicate_question")
                    .arg("id", id)
                    .arg("first_row", first_row)
            }
            K::QuestionOutsideChapter { question, chapter } => {
                Message::new("catalogue.problem.question_outside_chapter")
                    .arg("question", question)
                    .arg("chapter", chapter)
            }
            K::RequirementOutsideQuestion {
                requirement,
                question,
            } => Message::new("catalogue.problem.requirement_outside_question")
                .arg("requirement", requirement)
                .arg("question", question),
            K::NoQuestions => Message::new("catalogue.problem.no_questions"),
            K::UnknownResult { value } => {
                Message::new("catalogue.problem.unknown_result").arg("value", value)
            }
        }
    }
}

struct Reader<'g> {
    grid: &'g Grid,
    columns: HashMap<usize, usize>,
}

impl Reader<'_> {
    fn problem(&self, row: Option<usize>, kind: ProblemKind) -> Box<CatalogueProblem> {
        Box::new(CatalogueProblem {
            sheet: self.grid.name.clone(),
            row: row.map(|r| self.grid.row_number(r)),
            column: None,
            kind,
        })
    }

    fn col(&self, col: Col) -> usize {
        self.columns[&(col as usize)]
    }

    /// The text of one cell, cleaned: line endings unified, outer white space trimmed, the
    /// workbook's literal `None` read as empty.
    fn text(&self, row: usize, col: Col) -> Result<String, Box<CatalogueProblem>> {
        let index = self.col(col);
        let cell_problem = |kind| CatalogueProblem {
            sheet: self.grid.name.clone(),
            row: Some(self.grid.row_number(row)),
            column: Some((
                self.grid.column_name(index),
                COLUMNS[col as usize].1.to_owned(),
            )),
            kind,
        };
        let text = match self.grid.cell(row, index) {
            Cell::Error(value) => {
                return Err(Box::new(cell_problem(ProblemKind::ErrorValue {
                    value: value.clone(),
                })));
            }
            cell => cell.as_text().unwrap_or_default(),
        };
        let chars = text.chars().count();
        if chars > MAX_CELL_CHARS {
            return Err(Box::new(cell_problem(ProblemKind::CellTooLong { chars })));
        }
        let text = text.replace("\r\n", "\n");
        let text = text.trim();
        Ok(if text == "None" {
            String::new()
        } else {
            text.to_owned()
        })
    }
}

pub(super) fn find_header_row(grid: &Grid) -> Option<usize> {
    (0..grid.rows.len().min(HEADER_SEARCH_ROWS)).find(|&row| {
        let folded: Vec<String> = grid.rows[row]
            .iter()
            .filter_map(Cell::as_text)
            .map(|t| fold_header(&t))
            .collect();
        folded.iter().any(|h| h == "vcs") && folded.iter().any(|h| h == "control question")
    })
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `1.2` → `("1", "2")` when both parts are numbers.
pub(super) fn split_question_id(id: &str) -> Option<(&str, &str)> {
    let (chapter, number) = id.split_once('.')?;
    (is_number(chapter) && is_number(number)).then_some((chapter, number))
}

/// `1.2.a` → `"1.2"` when the last part is 1 to 3 lower-case letters.
fn question_of_requirement(id: &str) -> Option<&str> {
    let (question, letters) = id.rsplit_once('.')?;
    let ok = (1..=3).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_lowercase());
    (ok && split_question_id(question).is_some()).then_some(question)
}

/// Reads the catalogue from its sheet. Columns are found by header name, never by position.
pub fn parse_catalogue(grid: &Grid) -> Result<Catalogue, Box<CatalogueProblem>> {
    let sheet_problem = |kind| CatalogueProblem {
        sheet: grid.name.clone(),
        row: None,
        column: None,
        kind,
    };
    let header = find_header_row(grid).ok_or_else(|| sheet_problem(ProblemKind::NoHeaderRow))?;
    let folded: Vec<String> = grid.rows[header]
        .iter()
        .map(|c| c.as_text().map(|t| fold_header(&t)).unwrap_or_default())
        .collect();
    let mut columns = HashMap::new();
    for (col, name) in COLUMNS {
        let wanted = fold_header(name);
        let index = folded
            .iter()
            .position(|h| *h == wanted)
            .ok_or_else(|| CatalogueProblem {
                sheet: grid.name.clone(),
                row: Some(grid.row_number(header)),
                column: None,
                kind: ProblemKind::MissingHeader { header: name },
            })?;
        columns.insert(col as usize, index);
    }
    let reader = Reader { grid, columns };
    let data_rows = grid.rows.len() - header - 1;
    if data_rows > MAX_ROWS {
        return Err(Box::new(sheet_problem(ProblemKind::TooManyRows {
            rows: data_rows,
        })));
    }
    let title = (0..header)
        .flat_map(|r| grid.rows[r].iter())
        .filter_map(Cell::as_text)
        .find_map(|t| {
            t.lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .map(str::to_owned)
        })
        .unwrap_or_default();

    let mut catalogue = Catalogue {
        title,
        chapters: Vec::new(),
        groups_5112: Vec::new(),
        notes: Vec::new(),
    };
    let mut chapter_rows: HashMap<String, usize> = HashMap::new();
    let mut question_rows: HashMap<String, usize> = HashMap::new();
    let mut requirement_ids: HashMap<String, usize> = HashMap::new();

    for row in header + 1..grid.rows.len() {
        let kind = reader.text(row, Col::IsTitle)?;
        let vcs = reader.text(row, Col::Vcs)?;
        let id_5112 = reader.text(row, Col::Id5112)?;
        let question_text = reader.text(row, Col::Question)?;
        let number = grid.row_number(row);
        match kind.as_str() {
            "1" if vcs.eq_ignore_ascii_case("na") => {
                catalogue.groups_5112.push(Group5112 {
                    id: id_5112,
                    title: question_text,
                });
            }
            "1" => {
                if !is_number(&vcs) {
                    return Err(reader.problem(Some(row), ProblemKind::BadChapterId { id: vcs }));
                }
                if let Some(&first_row) = chapter_rows.get(&vcs) {
                    return Err(reader.problem(
                        Some(row),
                        ProblemKind::DuplicateChapter { id: vcs, first_row },
                    ));
                }
                chapter_rows.insert(vcs.clone(), number);
                catalogue.chapters.push(Chapter {
                    id: vcs,
                    title: question_text,
                    row: number,
                    questions: Vec::new(),
                });
            }
            "2" => {
                let Some((chapter_id, _)) = split_question_id(&vcs) else {
                    return Err(reader.problem(Some(row), ProblemKind::BadQuestionId { id: vcs }));
                };
                if let Some(&first_row) = question_rows.get(&vcs) {
                    return Err(reader.problem(
                        Some(row),
                        ProblemKind::DuplicateQuestion { id: vcs, first_row },
                    ));
                }
                let chapter = match catalogue.chapters.last_mut() {
                    Some(chapter) if chapter.id == chapter_id => chapter,
                    _ => {
                        let chapter = chapter_id.to_owned();
                        return Err(reader.problem(
                            Some(row),
                            ProblemKind::QuestionOutsideChapter {
                                question: vcs,
                                chapter,
                            },
                        ));
                    }
                };
                question_rows.insert(vcs.clone(), number);
                chapter.questions.push(ControlQuestion {
                    id: vcs,
                    id_5112,
                    text: question_text,
                    objective: reader.text(row, Col::Objective)?,
                    row: number,
                    requirements: Vec::new(),
                });
            }
            "" => {
                let requirement = Requirement {
                    id: vcs,
                    id_5112,
                    must: reader.text(row, Col::Must)?,
                    must_references: reader.text(row, Col::MustRef)?,
                    should: reader.text(row, Col::Should)?,
                    should_references: reader.text(row, Col::ShouldRef)?,
                    further_information: reader.text(row, Col::Further)?,
                    possible_evidence: reader.text(row, Col::Evidence)?,
                    row: number,
                };
                if requirement.id.is_empty() {
                    let has_text = [
                        &requirement.must,
                        &requirement.should,
                        &requirement.further_information,
                        &requirement.possible_evidence,
                        &question_text,
                    ]
                    .iter()
                    .any(|t| !t.is_empty());
                    if has_text {
                        return Err(reader.problem(Some(row), ProblemKind::MissingId));
                    }
                    continue; // a blank row
                }
                add_requirement(
                    &reader,
                    &mut catalogue,
                    &mut requirement_ids,
                    row,
                    requirement,
                )?;
            }
            _ => {
                return Err(reader.problem(Some(row), ProblemKind::UnknownRowType { value: kind }));
            }
        }
    }
    if catalogue.chapters.iter().all(|c| c.questions.is_empty()) {
        return Err(Box::new(sheet_problem(ProblemKind::NoQuestions)));
    }
    Ok(catalogue)
}

fn add_requirement(
    reader: &Reader<'_>,
    catalogue: &mut Catalogue,
    seen: &mut HashMap<String, usize>,
    row: usize,
    mut requirement: Requirement,
) -> Result<(), Box<CatalogueProblem>> {
    let Some(question_id) = question_of_requirement(&requirement.id) else {
        return Err(reader.problem(
            Some(row),
            ProblemKind::BadRequirementId { id: requirement.id },
        ));
    };
    let question = match catalogue
        .chapters
        .last_mut()
        .and_then(|c| c.questions.last_mut())
    {
        Some(question) if question.id == question_id => question,
        _ => {
            let question = question_id.to_owned();
            let requirement = requirement.id;
            return Err(reader.problem(
                Some(row),
                ProblemKind::RequirementOutsideQuestion {
                    requirement,
                    question,
                },
            ));
        }
    };
    let count = seen.entry(requirement.id.clone()).or_insert(0);
    *count += 1;
    if *count > 1 {
        // VCSA 1.1 lists `3.1.i` twice: keep both, the second as `3.1.i-2`.
        let renamed = format!("{}-{}", requirement.id, count);
        catalogue
            .notes
            .push(CatalogueNote::DuplicateRequirementRenamed {
                id: requirement.id.clone(),
                renamed: renamed.clone(),
                row: requirement.row,
            });
        requirement.id = renamed;
    }
    question.requirements.push(requirement);
    Ok(())
}

/// The newest version listed in the `History of Changes` sheet: the last cell that starts
/// with a version number (`1.0-First Release` → `1.0`, `1.1` → `1.1`).
pub fn version_from_history(grid: &Grid) -> Option<String> {
    grid.rows
        .iter()
        .flatten()
        .filter_map(Cell::as_text)
        .filter_map(|text| leading_version(text.trim()))
        .max_by(|a, b| super::compare_versions(a, b))
}

fn leading_version(text: &str) -> Option<String> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let candidate = text[..end].trim_end_matches('.');
    let parts: Vec<&str> = candidate.split('.').collect();
    (parts.len() >= 2 && parts.iter().all(|p| is_number(p))).then(|| candidate.to_owned())
}

/// The version in a file name such as `ENX_VCSA_1_1_EN.xlsx` → `1.1`.
pub fn version_from_file_name(name: &str) -> Option<String> {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let parts: Vec<&str> = stem.split(['_', '-', ' ']).collect();
    parts
        .windows(2)
        .find_map(|w| (is_number(w[0]) && is_number(w[1])).then(|| format!("{}.{}", w[0], w[1])))
}
