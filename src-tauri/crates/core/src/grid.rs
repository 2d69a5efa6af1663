//! A sheet as plain values: what a spreadsheet reader hands to the rules, without any file
//! format in sight.

/// One cell's value as the workbook stores it (formulas already evaluated).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An error value such as `#REF!` or `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// The cell as text: numbers without a trailing `.0`, empty for `Empty`; `None` for
    /// error values, which callers must report.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Cell::Empty => Some(String::new()),
            Cell::Text(s) => Some(s.clone()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            Cell::Number(n) => Some(n.to_string()),
            Cell::Bool(b) => Some(b.to_string()),
            Cell::Error(_) => None,
        }
    }
}

/// A rectangular sheet. `first_row` is the 1-based spreadsheet row number of `rows[0]` and
/// `first_col` the 0-based column index of each row's first cell, so that messages name rows
/// and columns as the user sees them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub name: String,
    pub first_row: usize,
    pub first_col: usize,
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// The cell at 0-based `row` index and `col` index; `Empty` outside the data.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&Cell::Empty)
    }

    /// The spreadsheet row number (1-based) of row index `row`.
    pub fn row_number(&self, row: usize) -> usize {
        self.first_row + row
    }

    /// The column letters of column index `col`.
    pub fn column_name(&self, col: usize) -> String {
        column_letters(self.first_col + col)
    }
}

/// The column letters of a 0-based column index: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(mut col: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A header as compared: white space (line breaks included) folded to single spaces,
/// trimmed, lower-cased.
pub fn fold_header(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(21), "V");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn headers_compare_without_case_and_line_breaks() {
        assert_eq!(
            fold_header("  Requirements\n (must) "),
            "requirements (must)"
        );
        assert_eq!(fold_header("Is_Title?"), "is_title?");
    }

    #[test]
    fn whole_numbers_read_as_integers() {
        assert_eq!(Cell::Number(1.0).as_text().unwrap(), "1");
        assert_eq!(Cell::Number(1.5).as_text().unwrap(), "1.5");
        assert_eq!(Cell::Error("#REF!".into()).as_text(), None);
    }
}
