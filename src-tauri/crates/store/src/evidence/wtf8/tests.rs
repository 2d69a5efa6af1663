use super::*;

#[test]
fn a_valid_name_is_its_utf8_bytes_so_both_systems_store_it_alike() {
    let name = "C:\\Ablage\\Richtlinie-ä 😀.pdf";
    let bytes = from_wide(name.encode_utf16());
    assert_eq!(bytes, name.as_bytes(), "the same bytes Unix stores");
    assert_eq!(to_wide(&bytes), name.encode_utf16().collect::<Vec<_>>());
}

#[test]
fn a_name_with_unpaired_surrogates_round_trips_unchanged() {
    // A high surrogate alone, a low one alone, and a pair in the wrong order: valid NTFS
    // names that are not valid UTF-16.
    let units: Vec<u16> = "a"
        .encode_utf16()
        .chain([0xD800, 0x62, 0xDC00, 0xDC01, 0xD801])
        .collect();
    let bytes = from_wide(units.iter().copied());
    assert_eq!(to_wide(&bytes), units, "every unit comes back");
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8, but WTF-8");
}

#[test]
fn bytes_that_are_no_wtf8_become_replacement_characters_not_a_panic() {
    // A Latin-1 name stored on Linux, a cut-off sequence, an overlong form, a stray
    // continuation byte.
    for bytes in [
        &b"caf\xe9.txt"[..],
        b"\xe2\x82",
        b"\xc0\xaf",
        b"\x80x",
        b"\xf5\x80\x80\x80",
    ] {
        let units = to_wide(bytes);
        assert!(units.contains(&0xFFFD), "{bytes:?} → {units:?}");
    }
    assert_eq!(
        to_wide(b"caf\xe9"),
        "caf\u{FFFD}".encode_utf16().collect::<Vec<_>>()
    );
}
