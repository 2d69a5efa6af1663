//! How lists are ordered for people: the direction of a sort, and the order of the texts they
//! read (titles, owners, names), in which case and accents do not count and numbers go by value,
//! so that "Item 9" comes before "Item 10" and "Änderung" beside "Anderung".
//!
//! Store registers [`natural_cmp`] as an SQLite collation, so a list sorted in SQL and one
//! sorted here agree.

use std::cmp::Ordering;
use std::iter::Peekable;
use std::str::Chars;

/// Which way a column sorts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Smallest first (A to Z, oldest first).
    #[default]
    Ascending,
    /// Largest first.
    Descending,
}

impl Direction {
    /// `asc` or `desc`, as the table headers and the CLI name them.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ascending => "asc",
            Direction::Descending => "desc",
        }
    }

    /// `asc`/`ascending` or `desc`/`descending`, case ignored.
    pub fn parse(text: &str) -> Option<Direction> {
        match text.trim().to_ascii_lowercase().as_str() {
            "asc" | "ascending" => Some(Direction::Ascending),
            "desc" | "descending" => Some(Direction::Descending),
            _ => None,
        }
    }

    /// `order` as this direction has it.
    pub fn apply(self, order: Ordering) -> Ordering {
        match self {
            Direction::Ascending => order,
            Direction::Descending => order.reverse(),
        }
    }
}

/// The order of two texts for people: letters compared without case or accents, runs of
/// digits by their value (leading zeros ignored). Texts that differ only in case, accents or
/// leading zeros are equal; a list breaks such ties by something stable (an id).
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = after_common_beginning(a, b);
    let mut a = a.chars().peekable();
    let mut b = b.chars().peekable();
    loop {
        let (x, y) = match (a.peek(), b.peek()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => (*x, *y),
        };
        let order = if x.is_ascii_digit() && y.is_ascii_digit() {
            compare_numbers(&mut a, &mut b)
        } else {
            a.next();
            b.next();
            fold(x).cmp(&fold(y))
        };
        if order != Ordering::Equal {
            return order;
        }
    }
}

/// `a` and `b` without the bytes they begin with alike, backed up to the start of a character
/// and out of any run of digits: those bytes fold alike and make the same numbers, so what
/// follows decides the order. Titles in one list often share long beginnings
/// (`document-00123.pdf`); SQLite's sort calls the comparison hundreds of thousands of times.
fn after_common_beginning<'a, 'b>(a: &'a str, b: &'b str) -> (&'a str, &'b str) {
    let mut same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while same > 0 && (!a.is_char_boundary(same) || a.as_bytes()[same - 1].is_ascii_digit()) {
        same -= 1;
    }
    (&a[same..], &b[same..])
}

/// Compares the runs of digits at the start of `a` and `b` by value, consuming both.
fn compare_numbers(a: &mut Peekable<Chars<'_>>, b: &mut Peekable<Chars<'_>>) -> Ordering {
    while a.next_if_eq(&'0').is_some() {}
    while b.next_if_eq(&'0').is_some() {}
    // Without leading zeros the longer run is the larger number; of two equally long runs,
    // the first differing digit decides.
    let mut first_difference = Ordering::Equal;
    loop {
        match (
            a.next_if(char::is_ascii_digit),
            b.next_if(char::is_ascii_digit),
        ) {
            (Some(x), Some(y)) => {
                if first_difference == Ordering::Equal {
                    first_difference = x.cmp(&y);
                }
            }
            (Some(_), None) => return Ordering::Greater,
            (None, Some(_)) => return Ordering::Less,
            (None, None) => return first_difference,
        }
    }
}

/// A character without case or accent: `Ä` → `a`, `É` → `e`. ASCII is answered without a
/// table look-up, since almost every character compared is ASCII.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |part| {
        base.get_or_insert(part);
    });
    let base = base.unwrap_or(c);
    base.to_lowercase().next().unwrap_or(base)
}

/// The key under which texts sort as [`natural_cmp`] orders them: comparing two keys gives
/// the same answer as comparing the texts, so a long list can be sorted by keys made once per
/// text instead of folding both texts again in every comparison.
///
/// A key holds each folded character's code; a run of digits becomes a mark for its length
/// (leading zeros dropped), then its digits. The mark lies among the digits' codes, so that it
/// compares with any other character as a digit does; a run of nine digits or more carries its
/// length once more after the mark.
pub fn natural_key(text: &str) -> Vec<u32> {
    let mut key = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        if !c.is_ascii_digit() {
            key.push(u32::from(fold(c)));
            chars.next();
            continue;
        }
        while chars.next_if_eq(&'0').is_some() {}
        let mut digits = Vec::new();
        while let Some(d) = chars.next_if(char::is_ascii_digit) {
            digits.push(u32::from(d));
        }
        let length = u32::try_from(digits.len()).unwrap_or(u32::MAX);
        if length < 9 {
            key.push(u32::from('0') + length);
        } else {
            key.push(u32::from('9'));
            key.push(length - 9);
        }
        key.extend(digits);
    }
    key
}

/// A text to look for with case ignored (every character, not only ASCII), folded once for
/// all the texts it is looked for in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldedPart(String);

impl FoldedPart {
    pub fn new(part: &str) -> FoldedPart {
        FoldedPart(part.to_lowercase())
    }

    /// Whether `text` contains the part, case ignored. An ASCII text, the usual one, is
    /// folded without Unicode's tables; folded, it is ASCII still, so it cannot contain a
    /// part that is not.
    pub fn is_in(&self, text: &str) -> bool {
        if text.is_ascii() {
            self.0.is_ascii() && text.to_ascii_lowercase().contains(&self.0)
        } else {
            text.to_lowercase().contains(&self.0)
        }
    }
}

/// Whether `text` contains `part` when case is ignored (every character, not only ASCII).
pub fn contains_folded(text: &str, part: &str) -> bool {
    FoldedPart::new(part).is_in(text)
}

#[cfg(test)]
mod tests;
