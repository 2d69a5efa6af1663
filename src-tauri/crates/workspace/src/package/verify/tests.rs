use super::*;
use csmsdesk_core::i18n::Lang;
use std::io::{Cursor, Write as _};
use zip::write::SimpleFileOptions;

/// How a test entry is written.
#[derive(Clone, Copy)]
enum As {
    File,
    /// A symbolic link whose target is the entry's content.
    Link,
    /// A file entry whose external attributes say this Unix mode.
    Mode(u32),
    /// With an Info-ZIP Unicode Path field naming it `other.txt`.
    UnicodePath,
}

/// The `SHA256SUMS` our writer writes for `entries` (SHA256SUMS itself left out).
fn sums_of(entries: &[(&str, As, &[u8])]) -> Vec<u8> {
    let mut sums = String::new();
    for (name, _, bytes) in entries {
        if *name != SUMS {
            sums.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(bytes))));
        }
    }
    sums.into_bytes()
}

/// A manifest that says "ours" and names no evidence.
const MANIFEST: &[u8] = br#"{"format":"csmsdesk-package"}"#;

/// A ZIP of `entries` in this order. Duplicate names are written under a stand-in of the same
/// length (the zip writer refuses a name twice) and renamed in the bytes afterwards.
fn zip_of(entries: &[(&str, As, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let mut written = HashSet::new();
    let mut renames = Vec::new();
    for (n, (name, how, bytes)) in entries.iter().enumerate() {
        let mut name = (*name).to_owned();
        if !written.insert(name.clone()) {
            let stand_in = format!("{:0width$}", n, width = name.len());
            renames.push((stand_in.clone(), name.clone()));
            name = stand_in;
        }
        // Made by Unix, as ours are, on every OS: the modes below are Unix modes.
        let options = SimpleFileOptions::default()
            .system(zip::System::Unix)
            .unix_permissions(0o644);
        match how {
            As::File => zip.start_file(&name, options).unwrap(),
            As::Link => {
                let target = std::str::from_utf8(bytes).unwrap();
                zip.add_symlink(&name, target, options).unwrap();
                continue;
            }
            As::Mode(mode) => zip
                .start_file(&name, options.external_attributes(mode << 16))
                .unwrap(),
            As::UnicodePath => {
                let mut options = zip::write::FullFileOptions::default()
                    .system(zip::System::Unix)
                    .unix_permissions(0o644);
                let mut field = vec![1, 0, 0, 0, 0];
                field.extend_from_slice(b"other.txt");
                options.add_extra_field(0x7075, field, false).unwrap();
                zip.start_file(&name, options).unwrap();
            }
        }
        zip.write_all(bytes).unwrap();
    }
    let mut bytes = zip.finish().unwrap().into_inner();
    for (from, to) in renames {
        replace_all(&mut bytes, from.as_bytes(), to.as_bytes());
    }
    bytes
}

/// Replaces every `from` in `bytes` with `to`, of the same length.
fn replace_all(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + found..at + found + to.len()].copy_from_slice(to);
        at += found + to.len();
    }
}

/// A package of `entries`, `manifest.json` and a `SHA256SUMS` listing them all (so that only
/// the rules on names and kinds can find anything).
fn package(entries: &[(&str, As, &[u8])]) -> Vec<u8> {
    let mut all: Vec<(&str, As, &[u8])> = entries.to_vec();
    all.push(("manifest.json", As::File, MANIFEST));
    let sums = sums_of(&all);
    all.push((SUMS, As::File, &sums));
    zip_of(&all)
}

/// Each problem as its key and English text.
fn problems(bytes: &[u8]) -> Vec<(&'static str, String)> {
    verify_package_reader(Cursor::new(bytes), "p.zip")
        .unwrap()
        .problems
        .iter()
        .map(|m| (m.key, m.render(Lang::English)))
        .collect()
}

fn keys(bytes: &[u8]) -> Vec<&'static str> {
    problems(bytes).into_iter().map(|(key, _)| key).collect()
}

#[test]
fn a_package_as_our_writer_makes_it_is_intact() {
    let bytes = package(&[
        ("index.html", As::File, b"<!doctype html>"),
        ("evidence/1.1/Report #3.txt", As::File, b"three"),
        ("evidence/1.1/a%20b.txt", As::File, b"percent"),
    ]);
    let report = verify_package_reader(Cursor::new(&bytes), "p.zip").unwrap();
    assert!(report.ok(), "{:?}", report.problems);
    assert_eq!(report.entries, 5);
}

#[test]
fn names_that_leave_the_folder_or_pass_for_another_are_refused_though_listed() {
    for name in [
        "../../x",
        "evidence/../../x",
        "/etc/x",
        "C:\\x",
        "c:x",
        "evidence\\1.1\\x.txt",
        "./index.html",
        "evidence//x.txt",
        "evidence/1.1/CON.txt",
        "evidence/1.1/exe\u{202E}txt.exe",
        "evidence/1.1/zero\u{200B}width.txt",
        "evidence/1.1/trailing.",
    ] {
        let found = problems(&package(&[(name, As::File, b"x")]));
        let keys: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            ["verify.unsafe_name", "verify.sums_unsafe_name"],
            "{name:?}: the entry and its line, and nothing else (its hash matches)"
        );
        assert!(found[0].1.contains(&shown_name(name)), "{found:?}");
    }
}

#[test]
fn a_bidi_override_in_a_name_is_shown_escaped_and_cannot_turn_the_message_around() {
    let name = "evidence/1.1/exe\u{202E}txt.exe";
    let found = problems(&package(&[(name, As::File, b"x")]));
    assert!(
        found[0].1.contains("evidence/1.1/exe\\u{202E}txt.exe"),
        "{found:?}"
    );
    assert!(found.iter().all(|(_, text)| !text.contains('\u{202E}')));
}

#[test]
fn a_symbolic_link_is_refused_though_listed_with_its_hash() {
    let bytes = package(&[
        ("index.html", As::File, b"<!doctype html>"),
        ("evidence/1.1/policy.pdf", As::Link, b"/etc/passwd"),
    ]);
    let found = problems(&bytes);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "verify.link");
    assert!(found[0].1.contains("evidence/1.1/policy.pdf"));
}

#[test]
fn folders_devices_pipes_and_sockets_are_refused_plain_files_of_any_system_pass() {
    let cases = [
        (0o040_755, "verify.folder"),
        (0o010_644, "verify.special"),
        (0o020_644, "verify.special"),
        (0o060_644, "verify.special"),
        (0o140_644, "verify.special"),
    ];
    for (mode, key) in cases {
        let bytes = package(&[("evidence/1.1/x.txt", As::Mode(mode), b"x")]);
        assert_eq!(keys(&bytes), [key], "mode {mode:o}");
    }
    // A plain file with a mode, and one without any (as other systems write them).
    for mode in [0o100_600, 0] {
        let bytes = package(&[("evidence/1.1/x.txt", As::Mode(mode), b"x")]);
        assert!(keys(&bytes).is_empty(), "mode {mode:o}");
    }
    // A name ending in a slash is a folder to every tool, whatever its mode says.
    let bytes = package(&[("evidence/", As::File, b"")]);
    assert_eq!(
        keys(&bytes),
        [
            "verify.unsafe_name",
            "verify.folder",
            "verify.sums_unsafe_name"
        ]
    );
}

#[test]
fn a_second_index_html_is_a_duplicate_whichever_copy_a_tool_shows() {
    // The evil copy first (what tools that take the first entry show), the real one last
    // (what a name-keyed reader hashes); SHA256SUMS lists the real one.
    let real: &[u8] = b"<!doctype html>real";
    let mut entries = vec![
        ("index.html", As::File, &b"<!doctype html>evil"[..]),
        ("index.html", As::File, real),
        ("manifest.json", As::File, MANIFEST),
    ];
    let sums = sums_of(&entries[1..]);
    entries.push((SUMS, As::File, &sums));
    let found = problems(&zip_of(&entries));
    let keys: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, ["verify.mismatch", "verify.duplicate"], "{found:?}");
    assert!(found.iter().all(|(_, text)| text.contains("index.html")));
}

#[test]
fn names_that_differ_only_in_case_are_duplicates_as_on_windows_and_macos() {
    let bytes = package(&[
        ("index.html", As::File, b"real"),
        ("INDEX.HTML", As::File, b"evil"),
    ]);
    let found = problems(&bytes);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "verify.duplicate");
    assert!(found[0].1.contains("INDEX.HTML"));
}

#[test]
fn every_line_of_sha256sums_must_be_a_hash_and_a_name_our_writer_writes() {
    let hash = hex(&Sha256::digest(b"x"));
    let sums = format!(
        "{hash}  a.txt\n\
         {upper}  b.txt\n\
         {hash} *a.txt\n\
         \n\
         {hash}  a.txt\n\
         {hash}  SHA256SUMS\n\
         {hash}  ../../etc/passwd\n\
         {hash}  gone.txt\n",
        upper = hash.to_uppercase()
    );
    let bytes = zip_of(&[
        ("a.txt", As::File, b"x"),
        ("extra.txt", As::File, b"x"),
        ("manifest.json", As::File, MANIFEST),
        (SUMS, As::File, sums.as_bytes()),
    ]);
    let found = problems(&bytes);
    let shown: Vec<String> = found.iter().map(|(_, text)| text.clone()).collect();
    assert_eq!(
        shown,
        [
            "extra.txt is in the package but not in SHA256SUMS.",
            "manifest.json is in the package but not in SHA256SUMS.",
            "../../etc/passwd is listed in SHA256SUMS but missing from the package.",
            "gone.txt is listed in SHA256SUMS but missing from the package.",
            "Line 2 of SHA256SUMS is not a SHA-256 (64 lowercase hex digits), two spaces and a \
             file name.",
            "Line 3 of SHA256SUMS is not a SHA-256 (64 lowercase hex digits), two spaces and a \
             file name.",
            "Line 4 of SHA256SUMS is not a SHA-256 (64 lowercase hex digits), two spaces and a \
             file name.",
            "SHA256SUMS lists a.txt more than once.",
            "Line 6 of SHA256SUMS is not a SHA-256 (64 lowercase hex digits), two spaces and a \
             file name.",
            "SHA256SUMS lists ../../etc/passwd, a name CSMS Desk never writes.",
        ]
    );
}

#[test]
fn a_non_ascii_name_not_marked_as_utf8_is_refused_because_tools_read_it_differently() {
    let name = "evidence/1.1/\u{e4}.txt";
    let mut bytes = package(&[(name, As::File, b"x")]);
    // Clear the UTF-8 flag (bit 11 of the flags, 6 bytes into a local header and 8 into a
    // directory entry) in every header.
    for (signature, flags_at) in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)] {
        let starts: Vec<usize> = bytes
            .windows(4)
            .enumerate()
            .filter(|(_, w)| *w == signature)
            .map(|(at, _)| at)
            .collect();
        for at in starts {
            bytes[at + flags_at + 1] &= !0x08;
        }
    }
    // Read as code page 437, the name is another one: listed under neither.
    assert!(
        keys(&bytes).contains(&"verify.unsafe_name"),
        "{:?}",
        keys(&bytes)
    );
}

#[test]
fn a_unicode_path_field_that_renames_an_entry_for_some_tools_is_refused() {
    let bytes = package(&[("evidence/1.1/x.txt", As::UnicodePath, b"x")]);
    assert!(
        keys(&bytes).contains(&"verify.unsafe_name"),
        "{:?}",
        keys(&bytes)
    );
}

#[test]
fn entries_sharing_their_bytes_are_refused_unread() {
    let mut bytes = package(&[("a.txt", As::File, b"aaaa"), ("b.txt", As::File, b"aaaa")]);
    // Point b.txt's directory entry (local header offset: 42 bytes in) at a.txt's header.
    let directory = |bytes: &[u8], name: &[u8]| {
        bytes
            .windows(46 + name.len())
            .position(|w| w.starts_with(b"PK\x01\x02") && w.ends_with(name))
            .unwrap()
    };
    let a = directory(&bytes, b"a.txt");
    let b = directory(&bytes, b"b.txt");
    let a_offset: [u8; 4] = bytes[a + 42..a + 46].try_into().unwrap();
    bytes[b + 42..b + 46].copy_from_slice(&a_offset);
    let found = problems(&bytes);
    assert_eq!(
        found.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
        ["verify.overlap", "verify.overlap"],
        "{found:?}"
    );
}

#[test]
fn verify_counts_every_entry_of_a_large_package_once() {
    // 20,000 entries: the old checks compared every listed name with every entry.
    let names: Vec<String> = (0..20_000)
        .map(|i| format!("evidence/{}/f{i}.txt", i / 1000))
        .collect();
    let entries: Vec<(&str, As, &[u8])> = names
        .iter()
        .map(|n| (n.as_str(), As::File, &b"x"[..]))
        .collect();
    let report = verify_package_reader(Cursor::new(package(&entries)), "big.zip").unwrap();
    assert!(report.ok(), "{:?}", &report.problems[..1]);
    assert_eq!(report.entries, 20_002);
}

#[test]
fn the_positioned_reader_reads_what_a_plain_cursor_reads_after_any_seek() {
    let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
    let mut plain = Cursor::new(&data);
    let mut ours = Positioned::new(Cursor::new(&data));
    let seeks = [
        SeekFrom::Start(10),
        SeekFrom::Start(20_000),
        SeekFrom::Start(19_990),
        SeekFrom::Current(-5),
        SeekFrom::End(-100),
        SeekFrom::Start(0),
        SeekFrom::Current(50_000),
        SeekFrom::Start(99_999),
        SeekFrom::Start(1 << 40),
    ];
    for to in seeks {
        assert_eq!(ours.seek(to).unwrap(), plain.seek(to).unwrap(), "{to:?}");
        // A buffered read may be short; the bytes it gives must be the plain ones.
        let (mut a, mut b) = (vec![0; 3000], vec![0; 3000]);
        let n = ours.read(&mut a).unwrap();
        plain.read_exact(&mut b[..n]).unwrap();
        assert_eq!(a[..n], b[..n], "{to:?}");
        assert!(n > 0 || plain.position() >= data.len() as u64, "{to:?}");
    }
}
