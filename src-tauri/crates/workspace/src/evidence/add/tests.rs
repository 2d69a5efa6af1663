use super::*;

#[test]
fn a_verbatim_drive_or_share_path_is_shown_in_its_plain_form() {
    let plain = |p: &str| strip_verbatim(Path::new(p)).to_string_lossy().into_owned();
    assert_eq!(plain(r"\\?\C:\Ablage\policy.pdf"), r"C:\Ablage\policy.pdf");
    assert_eq!(
        plain(r"\\?\UNC\server\share\CSMS\policy.pdf"),
        r"\\server\share\CSMS\policy.pdf",
        "a share as users type it"
    );
    for kept in [
        r"\\?\Volume{0b1c2d3e-0000-0000-0000-100000000000}\x",
        r"\\?\GLOBALROOT\Device\x",
        r"C:\Ablage\policy.pdf",
        "/home/anna/policy.pdf",
    ] {
        assert_eq!(plain(kept), kept, "no plain form, or already plain");
    }
}
