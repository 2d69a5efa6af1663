//! Windows paths as bytes: WTF-8, the UTF-8 generalisation that also encodes unpaired
//! surrogates, so that a file name which is not valid UTF-16 survives the database unchanged.
//!
//! A valid name gives exactly its UTF-8 bytes, the same as on Unix, so a workspace moved
//! between systems shows the same paths. Bytes that are not WTF-8 (a non-UTF-8 name stored on
//! Linux) decode to U+FFFD each. Pure functions: they are compiled and tested on every OS and
//! used on Windows only.

/// The WTF-8 bytes of a sequence of UTF-16 code units.
pub(crate) fn from_wide(units: impl IntoIterator<Item = u16>) -> Vec<u8> {
    let mut bytes = Vec::new();
    for unit in char::decode_utf16(units) {
        match unit {
            Ok(c) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(e) => {
                // A lone surrogate (D800 to DFFF): the three-byte form UTF-8 would give it.
                let u = u32::from(e.unpaired_surrogate());
                bytes.extend_from_slice(&[
                    0xE0 | (u >> 12) as u8,
                    0x80 | ((u >> 6) & 0x3F) as u8,
                    0x80 | (u & 0x3F) as u8,
                ]);
            }
        }
    }
    bytes
}

/// The UTF-16 code units of WTF-8 `bytes`; each byte that starts no sequence gives U+FFFD.
pub(crate) fn to_wide(bytes: &[u8]) -> Vec<u16> {
    const REPLACEMENT: u16 = 0xFFFD;
    let mut units = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let lead = bytes[at];
        let (len, min, initial) = match lead {
            0x00..=0x7F => (1, 0, u32::from(lead)),
            0xC2..=0xDF => (2, 0x80, u32::from(lead & 0x1F)),
            0xE0..=0xEF => (3, 0x800, u32::from(lead & 0x0F)),
            0xF0..=0xF4 => (4, 0x1_0000, u32::from(lead & 0x07)),
            _ => (0, 0, 0),
        };
        let tail = bytes.get(at + 1..at + len.max(1));
        let code = tail.filter(|_| len > 0).and_then(|tail| {
            tail.iter().try_fold(initial, |code, &b| {
                (b & 0xC0 == 0x80).then_some((code << 6) | u32::from(b & 0x3F))
            })
        });
        match code.filter(|&c| c >= min && c <= 0x10_FFFF) {
            Some(code) if code >= 0x1_0000 => {
                let c = code - 0x1_0000;
                units.push(0xD800 | (c >> 10) as u16);
                units.push(0xDC00 | (c & 0x3FF) as u16);
                at += len;
            }
            Some(code) => {
                units.push(code as u16);
                at += len;
            }
            None => {
                units.push(REPLACEMENT);
                at += 1;
            }
        }
    }
    units
}

#[cfg(test)]
mod tests;
