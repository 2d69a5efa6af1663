//! Two desks on one server workspace (issue 20): two app processes, each on a desktop of its
//! own (display, home, password file), one as the database's owner and one as an editor. A
//! change saved on one appears on the other's open screen without a reload; the header names
//! who else is there; a form being typed into is not redrawn, and its save, based on what the
//! other desk has since changed, is refused with who and when, and offers to reload.

use super::*;

/// Runs `csmsdesk-cli --workspace URL ARGS` as the superuser (its password from `admin`).
fn cli(admin: &Admin, url: &str, args: &[&str], stdin: Option<&str>) {
    use std::io::Write as _;
    let mut child = Command::new(cli_binary())
        .args(["--workspace", url])
        .args(args)
        .env("PGPASSWORD", &admin.password)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("csmsdesk-cli runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "csmsdesk-cli {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A desktop whose password file holds `user`'s password.
fn desk(user: &str, password: &str) -> Desktop {
    let desktop = Desktop::start();
    let pgpass = desktop.home.path().join(".pgpass");
    std::fs::write(
        &pgpass,
        format!("*:*:*:{user}:{}\n", password.replace(':', "\\:")),
    )
    .unwrap();
    std::fs::set_permissions(&pgpass, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    desktop
}

#[tokio::test]
async fn two_desks_see_each_others_changes_and_a_save_over_one_is_refused() {
    let _one_at_a_time = SERIAL.lock().await;
    let Some(mut admin) = cluster() else { return };
    let en = messages("en");
    let tag = std::process::id();
    let (db, ben) = (
        format!("csmsdesk_e2e_live_{tag}"),
        format!("csmsdesk_e2e_liveben_{tag}"),
    );
    let ben_password = format!("Ben live {tag}");
    admin.names.push(db.clone());
    admin.psql(&format!("CREATE DATABASE {db}"));
    let url = format!("postgresql://postgres@{}:{}/{db}", admin.host, admin.port);
    admin.init(&url, &admin.password, "Live Zulieferer GmbH");
    for group in ["viewer", "editor", "admin"] {
        admin.names.insert(0, format!("role:{db}_{group}"));
    }
    admin.names.insert(0, format!("role:{ben}"));
    cli(&admin, &url, &["location", "add", "Plant Nord"], None);
    cli(
        &admin,
        &url,
        &["team", "add", &ben, "--role", "editor", "--password-stdin"],
        Some(&format!("{ben_password}\n")),
    );

    // Desk A: the owner. Desk B: Ben, an editor, on his own machine.
    let (desk_a, desk_b) = (desk("postgres", &admin.password), desk(&ben, &ben_password));
    let ben_url = format!("postgresql://{ben}@{}:{}/{db}", admin.host, admin.port);
    let a = desk_a.launch(&["--workspace", &url]).await;
    let b = desk_b.launch(&["--workspace", &ben_url]).await;
    for app in [&a, &b] {
        app.wait_for_text("#dashboard-company", "Live Zulieferer GmbH")
            .await;
        app.go("scope").await;
        app.click("[data-tab='locations']").await;
        app.wait_for("[data-location='Plant Nord']").await;
    }
    // Each header names the other.
    a.wait_for_containing("#live-others", &ben).await;
    b.wait_for_containing("#live-others", "postgres").await;

    // A saves an address: it appears on B's open screen, without a reload.
    let nord = "[data-location='Plant Nord']";
    let form = "[data-edit-location='Plant Nord']";
    a.click(&format!("{nord} [data-action='location-edit']"))
        .await;
    a.fill(
        &format!("{form} [data-field='address'] input"),
        "Ringstraße 1",
    )
    .await;
    a.click(&format!("{form} [data-action='location-save']"))
        .await;
    a.wait_for_containing(nord, "Ringstraße 1").await;
    b.wait_for_containing(nord, "Ringstraße 1").await;
    b.screenshot("postgres-live-01-change-from-the-other-desk")
        .await;

    // Both open the form on what is saved now; B starts typing, A saves the notes.
    b.click(&format!("{nord} [data-action='location-edit']"))
        .await;
    b.fill(
        &format!("{form} [data-field='address'] input"),
        "Ringstraße 2",
    )
    .await;
    a.click(&format!("{nord} [data-action='location-edit']"))
        .await;
    a.fill(&format!("{form} [data-field='notes'] input"), "Gate B only")
        .await;
    a.click(&format!("{form} [data-action='location-save']"))
        .await;
    a.wait_for(&format!("{nord} [data-action='location-edit']"))
        .await;
    // B's form is not redrawn under the typing: the header says the workspace changed.
    b.wait_for_text("#live-held", &en["live.changed_while_editing"])
        .await;
    assert_eq!(
        b.value(&format!("{form} [data-field='address'] input"))
            .await,
        "Ringstraße 2",
        "what B typed stays"
    );
    // B saves: refused, naming A and offering to reload; nothing of B's change is saved.
    b.click(&format!("{form} [data-action='location-save']"))
        .await;
    let refused = b
        .wait_for_containing(
            &format!("{form} .status.error"),
            "postgres saved this record on",
        )
        .await;
    assert!(refused.contains("reload"), "{refused}");
    b.screenshot("postgres-live-02-save-over-a-change-refused")
        .await;
    b.click(&format!("{form} [data-action='reload-record']"))
        .await;
    b.wait_for_containing(nord, "Ringstraße 1").await;
    assert_eq!(
        b.value(&format!("{form} [data-field='notes'] input")).await,
        "Gate B only",
        "the form shows A's notes after the reload"
    );
    b.screenshot("postgres-live-03-reloaded").await;
    // Saved again on what is there now: taken, and A sees it.
    b.fill(
        &format!("{form} [data-field='address'] input"),
        "Ringstraße 2",
    )
    .await;
    b.click(&format!("{form} [data-action='location-save']"))
        .await;
    b.wait_for_containing(nord, "Ringstraße 2").await;
    a.wait_for_containing(nord, "Ringstraße 2").await;
    a.screenshot("postgres-live-04-the-others-save-arrives")
        .await;
    // The rules are an admin's: Ben, an editor, reads them without a way to save.
    b.go("settings").await;
    b.wait_for_text("#rules-admins-only", &en["settings.rules_admins_only"])
        .await;
    let saves_shown = b
        .client
        .execute(
            "return [...document.querySelectorAll('[data-action=save-rules], #save-label-rules')]
               .filter((e) => e.offsetParent !== null).length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(saves_shown, 0, "no save button for the rules");
    b.screenshot("postgres-live-05-rules-are-an-admins").await;
    a.client.close().await.unwrap();
    b.client.close().await.unwrap();
}
