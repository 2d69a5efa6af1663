//! Reading what someone filled into a copy of the catalogue workbook: the supplier's
//! self-assessment columns and the audit provider's columns, per control question.

use super::parse::{MAX_CELL_CHARS, find_header_row, split_question_id};
use super::{CatalogueProblem, ProblemKind};
use crate::grid::{Cell, Grid, fold_header};
use crate::results::QuestionResult;

/// One control question row of a filled workbook. Columns the sheet lacks are `None`, so an
/// import never overwrites what the workbook does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FilledQuestion {
    /// The spreadsheet row number.
    pub row: usize,
    pub question_id: String,
    /// `Findings/result`; `Some(None)` when the column exists but the cell is empty.
    pub result: Option<Option<QuestionResult>>,
    pub implementation: Option<String>,
    pub reference_documentation: Option<String>,
    pub findings_description: Option<String>,
    pub measures: Option<String>,
}

/// The columns of a filled workbook, by header name.
const RESULT: &str = "Findings/result";
const IMPLEMENTATION: &str = "Implementation description";
const REFERENCE: &str = "Reference documentation";
const FINDINGS: &str = "Description of Findings";
const MEASURES: &str = "Measures/recommendations (CAPA)";
const VCS: &str = "VCS";

/// Reads the filled columns of every control question row (`Is_Title?` aside, a question row
/// is one whose VCS ID is `N.M`). Requirement and chapter rows are skipped: the workbook keeps
/// results per question. A result cell that is not one of the workbook's results is a
/// problem naming its cell.
pub fn parse_filled_questions(grid: &Grid) -> Result<Vec<FilledQuestion>, Box<CatalogueProblem>> {
    let problem = |row: Option<usize>, column: Option<(usize, &str)>, kind| {
        Box::new(CatalogueProblem {
            sheet: grid.name.clone(),
            row: row.map(|r| grid.row_number(r)),
            column: column.map(|(c, h)| (grid.column_name(c), h.to_owned())),
            kind,
        })
    };
    let header =
        find_header_row(grid).ok_or_else(|| problem(None, None, ProblemKind::NoHeaderRow))?;
    let folded: Vec<String> = grid.rows[header]
        .iter()
        .map(|c| c.as_text().map(|t| fold_header(&t)).unwrap_or_default())
        .collect();
    // Spaces are dropped too: a line break inside `Findings/\nresult` folds to a space.
    let squeeze = |h: &str| h.replace(' ', "");
    let find = |name: &str| {
        let wanted = squeeze(&fold_header(name));
        folded.iter().position(|h| squeeze(h) == wanted)
    };
    let vcs = find(VCS).ok_or_else(|| {
        problem(
            Some(header),
            None,
            ProblemKind::MissingHeader { header: VCS },
        )
    })?;
    let result_col = find(RESULT);
    if result_col.is_none() && find(IMPLEMENTATION).is_none() && find(FINDINGS).is_none() {
        return Err(problem(
            Some(header),
            None,
            ProblemKind::MissingHeader { header: RESULT },
        ));
    }
    let text = |row: usize, col: usize, name: &str| -> Result<String, Box<CatalogueProblem>> {
        match grid.cell(row, col) {
            Cell::Error(value) => Err(problem(
                Some(row),
                Some((col, name)),
                ProblemKind::ErrorValue {
                    value: value.clone(),
                },
            )),
            cell => {
                let text = cell.as_text().unwrap_or_default().replace("\r\n", "\n");
                let chars = text.chars().count();
                if chars > MAX_CELL_CHARS {
                    return Err(problem(
                        Some(row),
                        Some((col, name)),
                        ProblemKind::CellTooLong { chars },
                    ));
                }
                let text = text.trim();
                Ok(if text == "None" {
                    String::new()
                } else {
                    text.to_owned()
                })
            }
        }
    };
    let optional =
        |row: usize, name: &'static str| -> Result<Option<String>, Box<CatalogueProblem>> {
            find(name).map(|col| text(row, col, name)).transpose()
        };
    let mut filled = Vec::new();
    for row in header + 1..grid.rows.len() {
        let id = text(row, vcs, VCS)?;
        if split_question_id(&id).is_none() {
            continue;
        }
        let result = match result_col {
            None => None,
            Some(col) => {
                let value = text(row, col, RESULT)?;
                if value.is_empty() {
                    Some(None)
                } else {
                    let parsed = QuestionResult::parse(&value).ok_or_else(|| {
                        problem(
                            Some(row),
                            Some((col, RESULT)),
                            ProblemKind::UnknownResult { value },
                        )
                    })?;
                    Some(Some(parsed))
                }
            }
        };
        filled.push(FilledQuestion {
            row: grid.row_number(row),
            question_id: id,
            result,
            implementation: optional(row, IMPLEMENTATION)?,
            reference_documentation: optional(row, REFERENCE)?,
            findings_description: optional(row, FINDINGS)?,
            measures: optional(row, MEASURES)?,
        });
    }
    if filled.is_empty() {
        return Err(problem(None, None, ProblemKind::NoQuestions));
    }
    Ok(filled)
}

/// A column of the catalogue sheet that the auditee (or the auditor) fills, by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WorkingColumn {
    Result,
    Implementation,
    Reference,
    Findings,
    Measures,
    AssessmentDate,
    CompletionDate,
    Department,
    Contact,
}

impl WorkingColumn {
    pub const ALL: [WorkingColumn; 9] = [
        WorkingColumn::Result,
        WorkingColumn::Implementation,
        WorkingColumn::Reference,
        WorkingColumn::Findings,
        WorkingColumn::Measures,
        WorkingColumn::AssessmentDate,
        WorkingColumn::CompletionDate,
        WorkingColumn::Department,
        WorkingColumn::Contact,
    ];

    /// The column's header in the ENX workbook.
    pub fn header(self) -> &'static str {
        match self {
            WorkingColumn::Result => RESULT,
            WorkingColumn::Implementation => IMPLEMENTATION,
            WorkingColumn::Reference => REFERENCE,
            WorkingColumn::Findings => FINDINGS,
            WorkingColumn::Measures => MEASURES,
            WorkingColumn::AssessmentDate => "Date of assessment",
            WorkingColumn::CompletionDate => "Date of completion",
            WorkingColumn::Department => "Responsible department",
            WorkingColumn::Contact => "Contact",
        }
    }
}

/// Where a package fills a catalogue sheet: the working columns the sheet has (0-based
/// column index in the sheet) and the row number (1-based) of each control question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FillPlaces {
    pub columns: Vec<(WorkingColumn, usize)>,
    pub questions: Vec<(String, usize)>,
}

/// The places to fill in `grid`, found by header name as the import finds them; `None` when
/// the sheet has no header row or no `VCS` column. A question ID met twice keeps its first row.
pub fn fill_places(grid: &Grid) -> Option<FillPlaces> {
    let header = find_header_row(grid)?;
    let squeeze = |h: &str| fold_header(h).replace(' ', "");
    let folded: Vec<String> = grid.rows[header]
        .iter()
        .map(|c| c.as_text().map(|t| squeeze(&t)).unwrap_or_default())
        .collect();
    let find = |name: &str| folded.iter().position(|h| *h == squeeze(name));
    let vcs = find(VCS)?;
    let columns = WorkingColumn::ALL
        .iter()
        .filter_map(|c| find(c.header()).map(|col| (*c, grid.first_col + col)))
        .collect();
    let mut questions: Vec<(String, usize)> = Vec::new();
    for row in header + 1..grid.rows.len() {
        let id = grid.cell(row, vcs).as_text().unwrap_or_default();
        let id = id.trim();
        if split_question_id(id).is_some() && !questions.iter().any(|(q, _)| q == id) {
            questions.push((id.to_owned(), grid.row_number(row)));
        }
    }
    Some(FillPlaces { columns, questions })
}
