//! What fits in one spreadsheet cell of the package's workbook.
//!
//! Excel refuses a cell of more than 32,767 characters (UTF-16 code units) and our workbook
//! writer refuses to write one, yet the app accepts any number of evidence links, findings
//! and actions per question. A cell that would pass the limit holds the whole lines that fit
//! and then `… and N more, see manifest.json`, which lists everything: no export fails on
//! data the app accepted.

/// The most a spreadsheet cell holds, in UTF-16 code units (as Excel counts).
pub const MAX_CELL_CHARS: usize = 32_767;

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

fn more(n: usize) -> String {
    format!("… and {n} more, see manifest.json")
}

/// `lines` joined by line breaks, within [`MAX_CELL_CHARS`]: when they do not fit, the first
/// lines that do, then `… and N more, see manifest.json` for the `N` lines left out. A single
/// line longer than the cell is cut (and counted among the `N`).
pub fn fit_lines(lines: &[String]) -> String {
    let joined = lines.join("\n");
    if units(&joined) <= MAX_CELL_CHARS {
        return joined;
    }
    let mut used = 0;
    let mut shown = 0;
    for (index, line) in lines.iter().enumerate() {
        let with = used + usize::from(index > 0) + units(line);
        // Room for the note about the lines after this one.
        let note = 1 + units(&more(lines.len() - index - 1));
        if with + note > MAX_CELL_CHARS {
            break;
        }
        used = with;
        shown = index + 1;
    }
    let note = more(lines.len() - shown);
    if shown > 0 {
        return format!("{}\n{note}", lines[..shown].join("\n"));
    }
    // Not even the first line fits: as much of it as there is room for.
    let room = MAX_CELL_CHARS - 1 - units(&note);
    let mut cut = String::new();
    let mut taken = 0;
    for c in lines[0].chars() {
        if taken + c.len_utf16() > room {
            break;
        }
        taken += c.len_utf16();
        cut.push(c);
    }
    format!("{cut}\n{note}")
}

/// `text` within [`MAX_CELL_CHARS`], its lines kept whole where they fit ([`fit_lines`]).
pub fn fit_text(text: &str) -> String {
    if units(text) <= MAX_CELL_CHARS {
        return text.to_owned();
    }
    fit_lines(&text.split('\n').map(str::to_owned).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_fits_is_kept_as_it_is() {
        let lines = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(fit_lines(&lines), "a\nb");
        assert_eq!(fit_text("one\ntwo"), "one\ntwo");
        let exactly = "x".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_text(&exactly), exactly);
    }

    #[test]
    fn too_many_lines_keep_the_first_whole_ones_and_say_how_many_more() {
        let lines: Vec<String> = (0..2000)
            .map(|i| format!("Evidence number {i:04} (evidence/1.1/file-{i:04}.pdf)"))
            .collect();
        let cell = fit_lines(&lines);
        assert!(units(&cell) <= MAX_CELL_CHARS, "{}", units(&cell));
        let kept: Vec<&str> = cell.lines().collect();
        let shown = kept.len() - 1;
        assert!(shown > 100, "most of the cell is used: {shown} lines");
        assert_eq!(
            kept[..shown],
            lines[..shown]
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()[..]
        );
        assert_eq!(
            *kept.last().unwrap(),
            format!("… and {} more, see manifest.json", 2000 - shown)
        );
        // One more whole line would not have fitted.
        let one_more = format!("{}\n{}", lines[..=shown].join("\n"), more(2000 - shown - 1));
        assert!(units(&one_more) > MAX_CELL_CHARS);
    }

    #[test]
    fn one_line_longer_than_a_cell_is_cut_without_splitting_a_character() {
        // 😀 is two UTF-16 units: Excel counts it twice.
        let long = "😀".repeat(20_000);
        let cell = fit_text(&long);
        assert!(units(&cell) <= MAX_CELL_CHARS);
        assert!(cell.ends_with("\n… and 1 more, see manifest.json"));
        assert!(cell.starts_with("😀😀"));
        assert!(cell.split('\n').next().unwrap().chars().all(|c| c == '😀'));
    }
}
