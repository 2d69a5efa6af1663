//! Members on a server workspace in the app (issue 20): an admin adds a viewer in Settings'
//! members panel, and the viewer's own window says why every change is refused.

use super::*;

#[tokio::test]
async fn an_admin_adds_a_viewer_whose_window_says_it_only_looks() {
    let _one_at_a_time = SERIAL.lock().await;
    let Some(mut admin) = cluster() else { return };
    let en = messages("en");
    let tag = std::process::id();
    let (db, ben) = (
        format!("csmsdesk_e2e_team_{tag}"),
        format!("csmsdesk_e2e_ben_{tag}"),
    );
    let ben_password = format!("Ben {tag} ß");
    admin.names.push(db.clone());
    admin.psql(&format!("CREATE DATABASE {db}"));
    let url = format!("postgresql:///{db}");
    admin.init(&url, &admin.password, "Team Zulieferer GmbH");
    // Dropped after the database (the list is dropped from its end), with its groups.
    for group in ["viewer", "editor", "admin"] {
        admin.names.insert(0, format!("role:{db}_{group}"));
    }
    admin.names.insert(0, format!("role:{ben}"));

    let desktop = Desktop::start();
    let pgpass = desktop.home.path().join(".pgpass");
    std::fs::write(
        &pgpass,
        format!(
            "*:*:*:postgres:{}\n*:*:*:{ben}:{}\n",
            admin.password,
            ben_password.replace(':', "\\:")
        ),
    )
    .unwrap();
    std::fs::set_permissions(&pgpass, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();

    // The superuser is an admin: the panel lists the owner and offers the form.
    let app = desktop.launch(&["--workspace", &url]).await;
    app.wait_for_text("#dashboard-company", "Team Zulieferer GmbH")
        .await;
    app.go("settings").await;
    app.wait_for("#members-list tbody tr").await;
    let you = rendered("en", "members.you", &[("role", &en["team.role.admin"])]);
    app.wait_for_text("#members-you", &you).await;
    app.fill("#member_name", &ben).await;
    app.set_value("#member_role", "viewer").await;
    app.fill("#member_password", &ben_password).await;
    app.click("[data-action='member-add']").await;
    let added = rendered(
        "en",
        "members.added",
        &[("name", &ben), ("role", &en["team.role.viewer"])],
    );
    app.wait_for_text("#members-status", &added).await;
    app.wait_for(&format!("#members-list tr[data-member='{ben}']"))
        .await;
    assert_eq!(
        app.value("#member_password").await,
        "",
        "not kept in the page"
    );
    app.screenshot("postgres-team-01-viewer-added").await;
    app.client.close().await.unwrap();

    // Something to look at: a catalogue, a location and a scope (made with the CLI).
    for args in [
        &["catalogue", "import", "--demo"][..],
        &["location", "add", "Plant Nord"],
        &[
            "scope",
            "add",
            "ECU",
            "--location",
            "Plant Nord",
            "--objective",
            "development",
        ],
    ] {
        let output = Command::new(cli_binary())
            .args(["--workspace", &url])
            .args(args)
            .env("PGPASSWORD", &admin.password)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    // Ben's window: read-only, saying it is the role, and no members form.
    let ben_url = format!("postgresql://{ben}@{}:{}/{db}", admin.host, admin.port);
    let app = desktop.launch(&["--workspace", &ben_url]).await;
    app.wait_for_text("#dashboard-company", "Team Zulieferer GmbH")
        .await;
    app.wait_for_containing("#read-only-banner", &en["read_only.banner_viewer"][..40])
        .await;
    app.screenshot("postgres-team-02-viewer-dashboard").await;
    app.go("settings").await;
    app.wait_for("#members-admins-only").await;
    let you = rendered("en", "members.you", &[("role", &en["team.role.viewer"])]);
    app.wait_for_text("#members-you", &you).await;
    app.screenshot("postgres-team-03-viewer-settings").await;
    // No editing control anywhere: the profile shows its values, disabled, without a save.
    assert!(
        app.client
            .execute(
                "const inputs = [...document.querySelectorAll('#main form.read-only-form input')];
                 return document.getElementById('company_name').disabled
                   && inputs.length > 2 && inputs.every((i) => i.disabled)",
                vec![],
            )
            .await
            .unwrap()
            .as_bool()
            .unwrap(),
        "the settings' forms are disabled"
    );
    for screen in ["scope", "evidence", "audits"] {
        app.go(screen).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let editing: Vec<String> = serde_json::from_value(
            app.client
                .execute(
                    "const shown = (e) => e.offsetParent !== null;
                     const editing = ['details.inline-form', 'button.danger', 'button[type=submit]',
                       '.assess-save', '#evidence-add', '#evidence-scan'].map((c) => '#main ' + c);
                     return [...document.querySelectorAll(editing.join(', '))]
                       .filter(shown).map((e) => e.outerHTML.slice(0, 80));",
                    vec![],
                )
                .await
                .unwrap(),
        )
        .unwrap();
        assert!(
            editing.is_empty(),
            "{screen} shows editing controls to a viewer: {editing:?}"
        );
        app.screenshot(&format!("postgres-team-04-viewer-{screen}"))
            .await;
    }
    app.client.close().await.unwrap();
}
