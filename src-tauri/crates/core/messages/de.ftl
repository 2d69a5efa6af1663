### CSMS Desk message catalogue: German. Generated from de.txt by txt2ftl.py, then kept by hand.
### Project Fluent syntax (https://projectfluent.org/fluent/guide/). A call site's key
### `nav.dashboard` is the message `nav-dashboard` here: the runtime maps '.' to '-'.
### Keep the ids in step with the other language (a unit test checks).

app-title = CSMS Desk
app-loading = Wird geladen …
app-skip_to_content = Zum Inhalt springen

webview-restarted_title = Das Fenster wurde neu gestartet
webview-restarted = Der Teil von CSMS Desk, der dieses Fenster zeichnet, war angehalten ({ $reason }) und wurde auf der Übersicht neu gestartet. Alles Gespeicherte ist im Arbeitsbereich; was auf dem geöffneten Bildschirm eingegeben und noch nicht gespeichert war, ist verloren.
webview-restarts = Das ist seit dem Start von CSMS Desk { $count ->
        [one] einmal
       *[other] { $count } Mal
    } geschehen.
webview-reason_crashed = er ist abgestürzt oder wurde von außen beendet
webview-reason_memory = er hat seine Speichergrenze erreicht
webview-dismiss = Ausblenden

nav-label = Hauptnavigation
nav-dashboard = Übersicht
nav-catalogue = Katalog
nav-scope = Geltungsbereich
nav-evidence = Nachweise
nav-audits = Audits
nav-deadlines = Fristen
nav-export = Export
nav-settings = Einstellungen

dashboard-title = Übersicht
dashboard-intro = Ihr Stand für das ENX-VCS-Audit auf einen Blick.
dashboard-company = Unternehmen
dashboard-participant_id = Participant-ID
dashboard-workspace = Arbeitsbereich
dashboard-not_set = noch nicht angegeben
dashboard-getting_started = Erste Schritte
dashboard-step_profile = Unternehmensprofil eingeben
dashboard-step_catalogue = Den ENX VCS Audit Criteria Catalogue importieren
dashboard-step_scope = Festlegen, was auditiert wird: Standorte, Auditziele, Schutzobjekte
dashboard-step_evidence = Nachweisdokumente den Anforderungen zuordnen
dashboard-step_done = erledigt
dashboard-step_open = offen
dashboard-step_later = folgt in Kürze

screen-catalogue-title = Katalog
screen-scope-title = Geltungsbereich
screen-evidence-title = Nachweise
screen-evidence-holds = Ein gehashter, versionierter Tresor Ihrer Nachweisdokumente, den Anforderungen zugeordnet, mit Änderungserkennung an der Quelle und Ihrer Selbstbewertung je Kontrollfrage.
screen-audits-title = Audits
screen-audits-holds = Audits und ihre Ergebnisse je Kontrollfrage, Feststellungen, Korrekturmaßnahmen mit Verantwortlichen und Fälligkeiten sowie die Labels, die jedes Audit einbringt.
screen-deadlines-title = Fristen
screen-deadlines-holds = Jedes wichtige Datum in einer Liste: Fälligkeiten der Korrekturmaßnahmen, Ablauf temporärer Labels, Erneuerung dauerhafter Labels und Ablauf der TISAX-Labels, mit Restlaufzeiten und Kalenderexport.
screen-export-title = Export
screen-export-holds = Ein prüfbares Einreichungspaket für Ihren Auditor (Manifest, Prüfsummen, lesbarer Index, ausgefüllte Arbeitsmappe, Nachweisdateien) und Pakete für Partner, die die Freigabestufe beachten.

settings-title = Einstellungen
settings-profile = Unternehmensprofil
settings-company_name = Name des Unternehmens
settings-participant_id = TISAX-Participant-ID
settings-participant_id_hint = Wie im ENX-Portal angezeigt, zum Beispiel P1A2B3. Leer lassen, bis Sie registriert sind.
settings-enx_contact = ENX-Kontakt
settings-enx_contact_hint = Wer für das Unternehmen mit ENX und dem Auditdienstleister spricht.
settings-language = Sprache
settings-language_system = Wie das Betriebssystem
settings-language_en = English
settings-language_de = Deutsch
form-reload = Neu laden
form-reloaded = Neu geladen: Das Formular zeigt, was jetzt gespeichert ist.
settings-save = Speichern
settings-saving = Wird gespeichert …
settings-saved = Gespeichert.
settings-workspace = Arbeitsbereich
settings-workspace_current = Aktueller Arbeitsbereich
settings-me_heading = An diesem Arbeitsplatz
settings-me = Ihr Name als Verantwortliche(r)
settings-me_hint = So, wie Sie als Verantwortliche(r) von Korrekturmaßnahmen und Nachweisen eingetragen sind, oder ein Teil davon („Schmidt“). „Nur meine“ filtert danach, und die Desktop-Benachrichtigung nennt Ihre zuerst. Auf diesem Computer für Sie gespeichert; leer gilt wieder Ihr Benutzername.
settings-me_saved = Gespeichert: „Nur meine“ sucht jetzt nach „{ $me }“.
settings-workspace_folder = Ordner
settings-workspace_folder_hint = Geben Sie einen Ordnerpfad ein oder wählen Sie einen aus. „Öffnen“ verwendet einen vorhandenen Arbeitsbereich; „Neu anlegen“ legt einen in einem leeren oder neuen Ordner an.
settings-workspace_open = Öffnen
settings-workspace_create = Neu anlegen
settings-workspace_browse = Ordner wählen …
settings-workspace_switched = Sie arbeiten jetzt in { $path }.
settings-workspace_server = Arbeitsbereich auf einem PostgreSQL-Server
settings-workspace_url = Server-URL
settings-workspace_url_hint = Zum Beispiel postgresql://db.example.com/acme_csms (mit ?sslmode=verify-full für einen Server, der sich ausweisen muss). Lassen Sie das Passwort weg: Verlangt der Server eines und steht keines in PGPASSWORD, in der Passwortdatei oder im Schlüsselbund des Systems, werden Sie hier danach gefragt. „Neu anlegen“ legt einen Arbeitsbereich in einer leeren Datenbank an.
settings-workspace_kind = Art
settings-workspace_kind_server = Datenbank auf einem PostgreSQL-Server
settings-workspace_kind_folder = Ordner auf diesem Computer
settings-workspace_password = Passwort
settings-workspace_password_for = Passwort des Benutzers { $user } für die Datenbank { $database } auf { $host }, Port { $port }
settings-workspace_password_hint = Wird nur an den Server gesendet; CSMS Desk zeigt und protokolliert es nie.
settings-workspace_password_remember = Passwort im Schlüsselbund des Systems merken
settings-workspace_password_submit = Verbinden
settings-workspace_password_forget = Gespeichertes Passwort vergessen
settings-workspace_password_forgotten = Das gespeicherte Passwort von { $account } ist aus dem Schlüsselbund des Systems entfernt.
settings-workspace_password_none_saved = Für { $account } war kein Passwort im Schlüsselbund des Systems gespeichert.
settings-workspace_backup = Zum Sichern Ihrer Daten schließen Sie CSMS Desk und kopieren diesen Ordner. Er enthält alles: Datenbank und Nachweise.

workspace-unavailable_title = Der Arbeitsbereich lässt sich nicht öffnen
workspace-unavailable_hint = Öffnen oder erstellen Sie unten einen anderen Arbeitsbereich, oder beheben Sie das Problem und starten Sie CSMS Desk neu.

profile-error-company_name_missing = Geben Sie den Namen des Unternehmens ein.
profile-error-too_long = Kürzen Sie dies auf höchstens { $max } Zeichen.
profile-error-control_character = Entfernen Sie Zeilenumbrüche und Tabulatoren aus diesem Feld.
profile-error-participant_id_malformed = „{ $given }“ ist keine Participant-ID. Sie besteht aus einem Buchstaben und 5 bis 8 Buchstaben oder Ziffern, zum Beispiel P1A2B3, wie im ENX-Portal angezeigt.
profile-error-unknown_language = „{ $given }“ ist keine Sprache von CSMS Desk. Wählen Sie Englisch, Deutsch oder die Sprache des Betriebssystems.

error-workspace_missing = In { $path } gibt es keinen CSMS-Desk-Arbeitsbereich. Legen Sie dort einen an (csmsdesk-cli init oder „Neu anlegen“ in den Einstellungen) oder wählen Sie den Ordner, der Ihren Arbeitsbereich enthält.
error-workspace_exists = { $path } enthält bereits einen Arbeitsbereich. Öffnen Sie ihn, statt einen neuen anzulegen.
error-folder_not_empty = { $path } ist kein leerer Ordner und enthält keinen Arbeitsbereich. Wählen Sie für einen neuen Arbeitsbereich einen leeren oder neuen Ordner.
error-no_default_location = Das Betriebssystem nennt keinen Benutzerordner für den Standard-Arbeitsbereich. Geben Sie --workspace DIR an oder setzen Sie CSMSDESK_WORKSPACE.
error-invalid_profile = Korrigieren Sie die markierten Felder und speichern Sie erneut.
error-workspace_in_use = Der Arbeitsbereich { $path } wird von Prozess { $pid } auf { $host } seit { $since } verwendet. Schließen Sie dieses CSMS-Desk-Fenster oder diesen csmsdesk-cli-Befehl und versuchen Sie es erneut, oder öffnen Sie den Arbeitsbereich schreibgeschützt, um ihn anzusehen, ohne etwas zu ändern (csmsdesk-cli --read-only).
error-workspace_in_use_unnamed = Der Arbeitsbereich { $path } wird von einem anderen CSMS-Desk-Fenster oder csmsdesk-cli-Befehl verwendet. Schließen Sie es und versuchen Sie es erneut, oder öffnen Sie den Arbeitsbereich schreibgeschützt, um ihn anzusehen, ohne etwas zu ändern (csmsdesk-cli --read-only).
error-not_a_database = { $path } ist keine CSMS-Desk-Datenbank: Die Datei ist beschädigt oder wurde ersetzt. Es wurde nichts verändert. Stellen Sie den Arbeitsbereichsordner aus einer Sicherung wieder her oder öffnen Sie einen anderen Arbeitsbereich.
error-foreign_database = { $path } ist eine Datenbank eines anderen Programms. Es wurde nichts verändert. Wählen Sie einen anderen Ordner für Ihren Arbeitsbereich.
error-newer_schema = { $path } wurde von einem neueren CSMS Desk geschrieben (Schemaversion { $found }; diese Version kennt bis { $supported }). Es wurde nichts verändert. Aktualisieren Sie CSMS Desk, um ihn zu öffnen.
error-not_writable = CSMS Desk kann nicht in { $path } schreiben. Prüfen Sie, ob der Ordner Ihnen gehört und nicht schreibgeschützt ist, oder wählen Sie einen anderen Ordner.
error-io = { $path } konnte nicht gelesen oder geschrieben werden: { $detail }. Prüfen Sie Datenträger und Ordner und versuchen Sie es erneut.
error-corrupt = Der Arbeitsbereich enthält einen ungültigen Wert in „{ $column }“, vielleicht außerhalb von CSMS Desk bearbeitet. Stellen Sie den Arbeitsbereichsordner aus einer Sicherung wieder her.
error-internal = In CSMS Desk ist ein Fehler aufgetreten. Es wurde nichts gespeichert. Das Protokoll enthält die Einzelheiten; bitte melden Sie den Fehler.
error-pg_setting = Die PostgreSQL-Einstellung { $setting } ist nicht verwendbar: { $problem }
error-pg_unreachable = CSMS Desk erreicht den PostgreSQL-Server auf { $host }, Port { $port } nicht ({ $reason }). Prüfen Sie, ob der Server dort läuft und Verbindungen annimmt, ob Host und Port stimmen (in der URL, in PGHOST und PGPORT oder in der Dienstdatei) und ob keine Firewall den Port sperrt.
error-pg_credentials = Der PostgreSQL-Server auf { $host }, Port { $port } hat den Benutzer { $user } für die Datenbank { $database } abgewiesen: { $reason }. Prüfen Sie Benutzernamen und Passwort (in der URL, in PGPASSWORD oder in der Passwortdatei) und fragen Sie die Administration des Servers, ob pg_hba.conf diesen Benutzer zulässt.
error-pg_password_needed = Der PostgreSQL-Server auf { $host }, Port { $port } verlangt das Passwort des Benutzers { $user } (Datenbank { $database }), und es wurde keines angegeben. Hinterlegen Sie es in der Umgebungsvariablen PGPASSWORD, als Zeile „host:port:datenbank:benutzer:passwort“ in der Passwortdatei (~/.pgpass; unter Windows %APPDATA%\postgresql\pgpass.conf; nur für Sie lesbar) oder als password= im Abschnitt des Dienstes in der Dienstdatei (~/.pg_service.conf) und versuchen Sie es erneut.
error-pg_tls = Die verschlüsselte Verbindung (TLS) zum PostgreSQL-Server auf { $host }, Port { $port } ist gescheitert: { $reason }. Prüfen Sie sslmode und sslrootcert (in der URL, in PGSSLMODE oder in der Dienstdatei): Ab sslmode=require muss der Server TLS anbieten, und mit verify-ca oder verify-full muss sein Zertifikat von einer Stelle signiert sein, der Sie vertrauen (sslrootcert), und bei verify-full diesen Host nennen.
error-pg_no_database = Der PostgreSQL-Server auf { $host }, Port { $port } hat keine Datenbank { $database }. Prüfen Sie den Datenbanknamen in der URL oder bitten Sie die Administration des Servers, sie anzulegen (createdb { $database } oder CREATE DATABASE in psql), und versuchen Sie es erneut.
error-pg_foreign_database = Die Datenbank { $database } gehört zu etwas anderem (sie enthält { $found }) und ist kein CSMS-Desk-Arbeitsbereich. Es wurde nichts geändert. Verwenden Sie eine leere Datenbank für Ihren Arbeitsbereich.
error-pg_newer_schema = Die Datenbank { $database } wurde von einem neueren CSMS Desk geschrieben (Schemaversion { $found }; diese Version kennt bis { $supported }). Es wurde nichts geändert. Aktualisieren Sie CSMS Desk, um sie zu öffnen.
error-pg_workspace_exists = Die Datenbank { $database } enthält bereits einen CSMS-Desk-Arbeitsbereich. Öffnen Sie ihn, statt einen neuen anzulegen.
error-pg_no_workspace = Die Datenbank { $database } enthält noch keinen CSMS-Desk-Arbeitsbereich. Legen Sie dort einen an: csmsdesk-cli init --workspace gefolgt von der URL und --company mit dem Namen Ihres Unternehmens.
error-pg_not_yet = Das ist für einen Arbeitsbereich auf PostgreSQL noch nicht verfügbar (Teil „{ $operation }“); in einem Arbeitsbereich-Ordner funktioniert es. Es wurde nichts geändert.
error-members_server_only = Mitglieder und Rollen gibt es nur in einem Arbeitsbereich auf PostgreSQL. Ein Arbeitsbereich-Ordner hat einen Benutzer, nämlich wer seine Dateien öffnen darf; verschieben Sie ihn zuerst auf einen Server (Sicherung, dann Wiederherstellung in eine PostgreSQL-Datenbank).
error-member_name_invalid = Der Name eines Mitglieds ist sein Datenbankbenutzer: 1 bis 63 Zeichen, ohne Steuerzeichen.
error-member_role_invalid = Die Rolle eines Mitglieds ist Betrachter, Bearbeiter oder Admin.
error-pg_not_allowed_set_up = Ihr Datenbankbenutzer darf die Mitgliederrollen dieses Arbeitsbereichs nicht einrichten: Das braucht den Eigentümer der Datenbank mit dem Recht, Rollen anzulegen (CREATEROLE). Der Server meldete: { $reason }
error-pg_not_allowed_add = Ihr Datenbankbenutzer darf diesem Arbeitsbereich keine Mitglieder hinzufügen: Das darf nur ein Admin (ein Mitglied mit der Rolle Admin oder der Eigentümer der Datenbank mit CREATEROLE). Der Server meldete: { $reason }
error-pg_not_allowed_remove = Ihr Datenbankbenutzer darf keine Mitglieder aus diesem Arbeitsbereich entfernen: Das darf nur ein Admin (ein Mitglied mit der Rolle Admin oder der Eigentümer der Datenbank mit CREATEROLE). Der Server meldete: { $reason }
error-pg_not_allowed_rules = Nur ein Admin dieses Arbeitsbereichs darf seine Regeln ändern; Ihre Rolle ist Bearbeiter. Fragen Sie einen Admin (Einstellungen → Mitglieder nennt die Mitglieder). Es wurde nichts geändert.
error-pg_owner_must_update = Der Arbeitsbereich in der Datenbank { $database } hat die Schemaversion { $found }, diese Version von CSMS Desk braucht { $supported }. Nur der Eigentümer der Datenbank, { $owner }, darf ihn aktualisieren: Bitten Sie ihn, ihn einmal mit dieser Version zu öffnen. Es wurde nichts geändert.
error-pg_aborted = Ein Schritt dieser Änderung ist auf dem PostgreSQL-Server gescheitert, daher wurde nichts von der Änderung gespeichert. Versuchen Sie es erneut; scheitert es wieder, stehen die Einzelheiten im Protokoll.
error-changed = { $by } hat diesen Datensatz am { $day } um { $time } Uhr gespeichert, nachdem Sie ihn geöffnet haben. Von Ihrer Änderung wurde nichts gespeichert: Laden Sie neu, um die Änderung zu sehen, und nehmen Sie Ihre dann noch einmal vor.
error-dialog_failed = Der Ordnerdialog ließ sich nicht öffnen. Geben Sie den Ordnerpfad stattdessen ein.
error-path_empty = Geben Sie zuerst den Pfad eines Ordners ein oder wählen Sie einen aus.
error-path_invalid = Das ist kein Ordnerpfad. Geben Sie den vollständigen Pfad eines Ordners ein oder wählen Sie einen aus.
error-path_not_absolute = Geben Sie den vollständigen Pfad des Ordners an, von oben beginnend (zum Beispiel /home/ich/csms oder C:\Users\ich\csms).
error-url_invalid = Diese URL ist zu lang oder enthält ein NUL-Zeichen. Geben Sie die URL der Datenbank erneut ein, zum Beispiel postgresql://db.example.com/acme_csms.
error-not_a_server_url = Ein Passwort gehört zu einer PostgreSQL-URL (postgresql://host/datenbank), nicht zu einem Ordner.
error-not_on_a_server = Der Arbeitsbereich liegt nicht auf einem PostgreSQL-Server, daher gibt es kein gespeichertes Passwort zu vergessen.
error-password_empty = Geben Sie zuerst das Passwort ein.
error-password_invalid = Dieses Passwort lässt sich nicht senden: Es ist länger als 1.000 Zeichen oder enthält ein NUL-Zeichen.
error-keychain_unavailable = Der Schlüsselbund des Systems lässt sich nicht verwenden: { $reason }.
notice-url_password_not_remembered = Das Passwort in der URL gilt nur für diese Sitzung: CSMS Desk merkt sich die URL ohne es. Beim nächsten Mal werden Sie danach gefragt, sofern es nicht in PGPASSWORD, in der Passwortdatei oder im Schlüsselbund des Systems steht.
notice-password_saved = Das Passwort ist im Schlüsselbund des Systems für { $account } gespeichert.
notice-keychain_unavailable = Der Schlüsselbund des Systems lässt sich nicht verwenden ({ $reason }), daher gilt das Passwort nur für diese Sitzung, und Sie werden beim nächsten Mal erneut gefragt. Sie können es auch über PGPASSWORD oder die Passwortdatei (~/.pgpass) angeben.

cli-info-workspace = Arbeitsbereich
cli-info-engine = Gespeichert in
cli-info-engine_folder = einem Ordner auf diesem Computer (SQLite)
cli-info-engine_postgresql = einer PostgreSQL-Datenbank
cli-info-schema_version = Schemaversion
cli-info-created_at = Angelegt
cli-info-company = Unternehmen
cli-info-participant_id = Participant-ID
cli-info-enx_contact = ENX-Kontakt
cli-info-language = Sprache
cli-info-not_set = (nicht angegeben)
cli-init-created = Arbeitsbereich { $path } für { $company } angelegt.
cli-error-field = { $field }: { $message }

catalogue-at_cell = { $file }, Blatt „{ $sheet }“, Zeile { $row }, Spalte { $column } („{ $header }“): { $problem }
catalogue-at_row = { $file }, Blatt „{ $sheet }“, Zeile { $row }: { $problem }
catalogue-at_sheet = { $file }, Blatt „{ $sheet }“: { $problem }
catalogue-problem-no_header_row = keine der ersten { $rows } Zeilen enthält die Überschriften „VCS“ und „Control question“. Importieren Sie die Arbeitsmappe des ENX VCS Audit Criteria Catalogue so, wie ENX sie veröffentlicht.
catalogue-problem-missing_header = der Kopfzeile fehlt die Spalte „{ $header }“. Importieren Sie die Katalog-Arbeitsmappe so, wie ENX sie veröffentlicht, mit allen Spalten.
catalogue-problem-error_value = die Zelle enthält den Fehlerwert { $value }. Korrigieren Sie die Formel in der Arbeitsmappe oder ersetzen Sie sie durch Text und importieren Sie erneut.
catalogue-problem-cell_too_long = die Zelle enthält { $chars } Zeichen, mehr als eine Tabellenzelle fassen kann ({ $max }). Ist das die richtige Datei?
catalogue-problem-too_many_rows = das Blatt hat { $rows ->
        [one] { $rows } Zeile
       *[other] { $rows } Zeilen
    } unter der Kopfzeile; ein Katalog hat einige Hundert (höchstens { $max } werden gelesen). Ist das die richtige Datei?
catalogue-problem-unknown_row_type = die Spalte „Is_Title?“ enthält „{ $value }“; erlaubt sind 1 (Kapitel), 2 (Kontrollfrage) oder leer (Anforderung).
catalogue-problem-missing_id = die Zeile enthält Text, aber keine ID in der Spalte „VCS“. Ergänzen Sie die ID oder löschen Sie die Zeile.
catalogue-problem-bad_chapter_id = „{ $id }“ in der Spalte „VCS“ ist keine Kapitelnummer wie 3.
catalogue-problem-bad_question_id = „{ $id }“ in der Spalte „VCS“ ist keine Kontrollfragen-ID wie 3.2.
catalogue-problem-bad_requirement_id = „{ $id }“ in der Spalte „VCS“ ist keine Anforderungs-ID wie 3.2.a.
catalogue-problem-duplicate_chapter = Kapitel { $id } kommt erneut vor (zuerst in Zeile { $first_row }). Jedes Kapitel darf nur einmal vorkommen.
catalogue-problem-duplicate_question = Kontrollfrage { $id } kommt erneut vor (zuerst in Zeile { $first_row }). Jede Kontrollfrage darf nur einmal vorkommen.
catalogue-problem-question_outside_chapter = über Kontrollfrage { $question } steht keine Zeile für Kapitel { $chapter }. Prüfen Sie die Spalten „VCS“ und „Is_Title?“.
catalogue-problem-requirement_outside_question = über Anforderung { $requirement } steht keine Zeile für Kontrollfrage { $question }. Prüfen Sie die Spalten „VCS“ und „Is_Title?“.
catalogue-problem-no_questions = das Blatt enthält unter seiner Kopfzeile keine Kontrollfragen.
catalogue-problem-unknown_result = das Ergebnis „{ $value }“ ist weder conform, minor-non-conform, major-non-conform noch NA. Korrigieren Sie die Zelle oder lassen Sie sie leer.
workbook-not_a_spreadsheet = { $file } ist keine Tabelle, die CSMS Desk lesen kann. Importieren Sie den Katalog als Excel-Arbeitsmappe (.xlsx, .xlsm, .xls) oder OpenDocument-Tabelle (.ods).
workbook-password_protected = { $file } ist mit einem Kennwort geschützt. Öffnen Sie die Datei in Ihrem Tabellenprogramm, entfernen Sie das Kennwort zum Öffnen, speichern Sie sie und importieren Sie sie erneut.
workbook-damaged = { $file } ist beschädigt oder unvollständig (vielleicht ein abgebrochener Download). Laden oder kopieren Sie die Datei erneut.
workbook-too_large = { $file } würde entpackt mehr als { $mib } MiB belegen; CSMS Desk liest höchstens { $max_mib } MiB. Ein Katalog braucht etwa 1 MiB: Ist das die richtige Datei?
workbook-too_many_cells = { $file } umfasst { $cells ->
        [one] { $cells } Zelle
       *[other] { $cells } Zellen
    }, wenn seine wiederholten Zeilen und Spalten ausgefüllt werden (leere Zellen zwischen benutzten mitgezählt); CSMS Desk liest höchstens { $max }. Ein Katalog umfasst einige Tausend: Ist das die richtige Datei?
workbook-too_much_text = { $file } enthält mehr als { $mib } MiB Zelltext, wenn seine gemeinsam genutzten und wiederholten Texte ausgefüllt werden; CSMS Desk liest höchstens { $max_mib } MiB. Ein Katalog enthält weit weniger als 1 MiB: Ist das die richtige Datei?
workbook-too_many_entries = { $file } gibt in { $part } { $count } Einträge „{ $entry }“ an; CSMS Desk liest höchstens { $max }, weit mehr als ein Katalog braucht. Die Datei ist beschädigt oder wurde nicht von einem Tabellenprogramm geschrieben: Öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie erneut als .xlsx und importieren Sie die gespeicherte Kopie.
workbook-declaration = { $file } enthält Konstrukte, die CSMS Desk ablehnt: eine Dokumenttyp- oder Entitätsdeklaration (DTD) in { $part }, wie sie Tabellenprogramme nicht schreiben. Öffnen Sie die Datei in Excel oder LibreOffice, speichern Sie sie erneut als .xlsx und importieren Sie die gespeicherte Kopie.
workbook-no_catalogue_sheet = { $file } hat kein Blatt „{ $sheet }“ und kein Blatt mit den Überschriften des Katalogs (vorhandene Blätter: { $sheets }). Importieren Sie die Arbeitsmappe des ENX VCS Audit Criteria Catalogue.
error-file_unreadable = { $path } konnte nicht gelesen werden: { $detail }.
error-file_too_large = { $path } hat { $mib } MiB; CSMS Desk liest Arbeitsmappen bis { $max_mib } MiB. Ist das die richtige Datei?
error-no_catalogue = Es wurde noch kein Katalog importiert. Importieren Sie den ENX VCS Audit Criteria Catalogue oder probieren Sie den Demo-Katalog aus.
error-unknown_catalogue = In diesem Arbeitsbereich gibt es keinen Katalog { $id }. Lassen Sie die Kataloge auflisten, um ihre Nummern zu sehen.
catalogue-imported = „{ $name }“ Version { $version } aus { $file } als Katalog { $id } importiert: { $chapters } Kapitel, { $questions ->
        [one] { $questions } Kontrollfrage
       *[other] { $questions } Kontrollfragen
    }, { $requirements ->
        [one] { $requirements } Anforderung
       *[other] { $requirements } Anforderungen
    } ({ $must } muss, { $should } soll).
catalogue-already_imported = { $file } wurde bereits als Katalog { $id } importiert („{ $name }“ Version { $version }). Es wurde nichts geändert.
catalogue-note_duplicate = Anforderung { $id } kommt zweimal vor; die zweite (Zeile { $row }) wird als { $renamed } geführt.
catalogue-version_change = Version { $new } ersetzt Version { $old }, die zur Nachverfolgung erhalten bleibt: { $moved ->
        [one] { $moved } ID
       *[other] { $moved } IDs
    } verschoben, { $added } neu, { $removed } entfallen.
catalogue-version_change_no_table = Version { $new } ersetzt Version { $old }, die zur Nachverfolgung erhalten bleibt. Eine Umnummerierungstabelle von { $old } nach { $new } ist nicht bekannt, daher wurden die IDs unverändert verglichen: { $moved } verschoben, { $added } neu, { $removed } entfallen.
cli-catalogue-none = Noch kein Katalog importiert. Importieren Sie einen mit: csmsdesk-cli catalogue import DATEI (oder --demo).
cli-catalogue-list_line = { $id }  { $name } { $version }: { $questions ->
        [one] { $questions } Kontrollfrage
       *[other] { $questions } Kontrollfragen
    }, { $requirements ->
        [one] { $requirements } Anforderung
       *[other] { $requirements } Anforderungen
    }, importiert { $imported_at }
cli-catalogue-superseded = ; ersetzt durch Katalog { $id }
error-file_path_empty = Geben Sie zuerst den Pfad der Datei ein oder wählen Sie sie aus.
error-file_path_invalid = Das ist kein Dateipfad (zu lang, oder er enthält ein Zeichen, das kein Pfad enthalten kann). Geben Sie den vollständigen Pfad der Datei ein oder wählen Sie sie aus.
error-file_path_not_absolute = „{ $given }“ ist kein vollständiger Pfad. Geben Sie den vollständigen Pfad der Datei ein, von oben beginnend, zum Beispiel { $example }.
error-query_too_long = Suchen Sie nach höchstens 200 Zeichen.
search-bad_limit = Fragen Sie 1 bis { $max } Treffer je Art ab.
search-kind-requirement = Anforderung
search-kind-question = Kontrollfrage
search-kind-evidence = Nachweis
search-kind-finding = Feststellung
search-kind-action = Korrekturmaßnahme
search-kind-location = Standort
search-kind-scope = Geltungsbereich
cli-search-none = Nichts gefunden. Versuchen Sie weniger oder kürzere Wörter.
search-open = Suchen (Strg+K)
search-label = Arbeitsbereich durchsuchen
search-placeholder = Anforderung, Frage, Nachweis, Feststellung, Maßnahme, Standort oder Geltungsbereich …
search-results = Treffer
search-hint = Tippen Sie Wörter aus ID, Titel, Text oder Pfad. ↑ ↓ wählen, Eingabe öffnet, Esc schließt.
search-count = { $count ->
        [one] { $count } Treffer
       *[other] { $count } Treffer
    } (höchstens { $per_kind } je Art).
search-none = Nichts gefunden. Versuchen Sie weniger oder kürzere Wörter.

catalogue-intro = Der ENX VCS Audit Criteria Catalogue: Kapitel, Kontrollfragen und ihre Anforderungen.
catalogue-empty = Noch kein Katalog. Importieren Sie die Arbeitsmappe, die Sie von ENX heruntergeladen haben, oder probieren Sie CSMS Desk mit dem Demo-Katalog aus.
catalogue-import_heading = Katalog importieren
catalogue-import_another = Weiteren Katalog oder neuere Version importieren
catalogue-file = Arbeitsmappe
catalogue-file_hint = Eine .xlsx-, .xlsm-, .xls- oder .ods-Datei. Sie können sie auch auf dieses Fenster ziehen.
catalogue-browse = Datei wählen …
catalogue-import = Importieren
catalogue-demo = Mit Demo-Daten ausprobieren
catalogue-importing = Wird importiert …
catalogue-select = Katalog
catalogue-replaced = { $name } { $version } (ersetzt)
catalogue-order = Reihenfolge
catalogue-order_vcs = VCS
catalogue-order_5112 = ISO/PAS 5112
catalogue-search = Suche
catalogue-search_hint = IDs, Text oder Verweise, zum Beispiel WP-09-02
catalogue-matches = { $count ->
        [one] { $count } passende Kontrollfrage oder Anforderung
       *[other] { $count } passende Kontrollfragen und Anforderungen
    }
catalogue-no_matches = Nichts passt zu „{ $query }“.
catalogue-objective = Ziel
catalogue-must = muss
catalogue-should = soll
catalogue-must_heading = Anforderung (muss)
catalogue-should_heading = Anforderung (soll)
catalogue-further = Weitere Informationen
catalogue-evidence = Mögliche Nachweise
catalogue-id_5112 = ISO/PAS 5112: { $id }
catalogue-source = Importiert aus { $file } am { $date }. SHA-256 { $sha }
catalogue-superseded_note = Eine neuere Version hat diese ersetzt; sie bleibt schreibgeschützt zur Nachverfolgung erhalten.
catalogue-moved_list = Verschobene IDs
catalogue-ungrouped = Weitere Fragen

prerequisite-no_location = Der Geltungsbereich hat keinen Standort. Fügen Sie mindestens einen Standort hinzu, der Cybersecurity-Tätigkeiten für das CSMS ausführt.
prerequisite-no_cs_activities = Standort { $location } führt keine Cybersecurity-Tätigkeiten für das CSMS aus; jeder Standort eines VCS-Geltungsbereichs muss das. Entfernen Sie ihn aus dem Geltungsbereich oder korrigieren Sie den Standort.
prerequisite-no_valid_tisax_label = Standort { $location } hat am { $date } kein gültiges TISAX-Label. Jeder Standort eines VCS-Geltungsbereichs braucht zum Zeitpunkt des Audits gültige TISAX-Labels.
prerequisite-tisax_label_expires_soon = Jedes am Audittag gültige TISAX-Label von { $location } läuft bald danach ab: { $labels }; das letzte { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } nach dem Audit. Planen Sie { $count ->
        [one] die Erneuerung
       *[other] die Erneuerungen
    }.
prerequisite-no_objective = Der Geltungsbereich hat kein Auditziel. Wählen Sie Development, Production oder Operations and Maintenance.
prerequisite-no_catalogue = Der Geltungsbereich hat keinen Katalog. Importieren Sie den ENX VCS Audit Criteria Catalogue und wählen Sie ihn für den Geltungsbereich.
prerequisite-audit_date_in_past = Das Auditdatum { $date } liegt vor heute ({ $today }): An diesem Tag kann kein Audit mehr stattfinden. Tragen Sie das geplante Datum des nächsten Audits ein.

input-name_missing = Geben Sie einen Namen ein.
input-name_taken = Der Name „{ $name }“ ist bereits vergeben. Wählen Sie einen anderen Namen.
input-bad_id = „{ $given }“ ist keine ENX/TISAX-ID: ein Buchstabe und 5 bis 8 Buchstaben oder Ziffern, zum Beispiel S1A2B3.
input-bad_date = „{ $given }“ ist kein Datum. Schreiben Sie es als JJJJ-MM-TT, zum Beispiel 2027-03-15.
date_input-placeholder = TT.MM.JJJJ
date_input-invalid = „{ $given }“ ist kein Datum. Schreiben Sie es als { $format }, zum Beispiel { $example }.
input-date_out_of_range = { $given } liegt außerhalb der Daten, die CSMS Desk annimmt ({ $first } bis { $last }). Prüfen Sie die Jahreszahl.
input-unknown_objective = „{ $given }“ ist kein Auditziel. Verwenden Sie development, production oder operations-maintenance.
input-unknown_tisax_label = „{ $given }“ ist kein TISAX-Label. Verwenden Sie ein Label der TISAX-Labelliste, zum Beispiel „Confidential“ oder „strictly-confidential“.
input-bad_level = „{ $given }“ ist kein Assessment-Level. Verwenden Sie 1, 2 oder 3 (AL1 bis AL3).
input-label_level_mismatch = Label-Zeile { $row }: „{ $label }“ hat immer Assessment-Level AL{ $expected }, nicht AL{ $given }. Wählen Sie AL{ $expected }.
input-label_expiry_missing = Label-Zeile { $row } („{ $label }“) hat kein Ablaufdatum. Geben Sie das Ablaufdatum des Labels ein (JJJJ-MM-TT) oder entfernen Sie die Zeile.
input-label_not_held = Der Standort hat kein TISAX-Label „{ $given }“. Nennen Sie eines seiner Labels als LABEL oder LABEL:ABLAUFDATUM, wie `location list` sie zeigt.
input-label_ambiguous = Der Standort hat mehrere Labels „{ $given }“. Nennen Sie eines mit seinem Ablaufdatum: LABEL:JJJJ-MM-TT.
input-date_in_past = Das geplante Auditdatum { $given } liegt vor heute ({ $today }). Geben Sie das Datum eines kommenden Audits ein.
input-po_no_objective = Wählen Sie mindestens ein Auditziel, für das das Schutzobjekt relevant ist; ohne Ziel gehört es zu keiner Stichprobe.
input-unknown_location = Es gibt keinen Standort „{ $given }“. Legen Sie ihn zuerst an oder prüfen Sie die Schreibweise.
input-no_location = Wählen Sie mindestens einen Standort für den Geltungsbereich.
input-no_objective = Wählen Sie mindestens ein Auditziel.
input-na_needs_reason = Begründen Sie, warum die Frage nicht zutrifft: Eine auf NA gesetzte Frage braucht eine Begründung.
input-objective_not_in_scope = Der Geltungsbereich hat das Auditziel { $given } nicht.
input-location_not_in_scope = „{ $given }“ ist kein Standort dieses Geltungsbereichs.
input-object_not_in_scope = Das Schutzobjekt „{ $given }“ gehört nicht zum Geltungsbereich „{ $scope }“. Wählen Sie eines seiner Schutzobjekte.
input-not_in_population = „{ $given }“ ist kein Schutzobjekt dieses Geltungsbereichs für dieses Auditziel.
input-bad_status = „{ $given }“ ist kein Status der Stichprobenprüfung. Verwenden Sie open, consistent oder deviation.
input-bad_matrix = Die Anwendbarkeitsmatrix hat Zeilen, die nicht „Ziel: chapter N, question N.M“ lauten: Zeilen { $lines }.
error-not_found = Es gibt keinen Eintrag „{ $name }“ der Art { $kind }. Prüfen Sie die Schreibweise oder lassen Sie auflisten, was es gibt.
error-ambiguous = „{ $name }“ kann mehr als einen Eintrag der Art { $kind } meinen: { $choices }. Schreiben Sie #ID, um einen Eintrag über seine ID zu nennen.
thing-scope = Geltungsbereich
thing-question = Kontrollfrage
thing-should_requirement = Soll-Anforderung
thing-requirement = Anforderung
thing-protection_object = Schutzobjekt

cli-done = Erledigt.
cli-error-label_format = „{ $given }“ ist kein TISAX-Label der Form LABEL:LEVEL:ABLAUF, zum Beispiel strictly-confidential:3:2027-05-31.
cli-location-added = Standort { $name } ({ $id }) hinzugefügt.
cli-scope-saved = Geltungsbereich { $name } ({ $id }) gespeichert.
cli-scope-line = { $name }: { $objectives }; { $questions ->
        [one] { $questions } Kontrollfrage
       *[other] { $questions } Kontrollfragen
    }, { $requirements ->
        [one] { $requirements } Anforderung
       *[other] { $requirements } Anforderungen
    } gelten
cli-scope-checked = Voraussetzungen von { $name } für ein Audit am { $date }:
cli-scope-all_met = Alle Voraussetzungen sind erfüllt.
cli-po-added = Schutzobjekt { $name } ({ $id }) hinzugefügt.
cli-po-sampling = { $objective }: { $population ->
        [one] { $population } Schutzobjekt
       *[other] { $population } Schutzobjekte
    }, empfohlene Stichprobe { $suggested } (Quadratwurzel, aufgerundet; eine Faustregel), gewählt: { $chosen }
cli-error-invalid = Die Anfrage wurde abgelehnt; korrigieren Sie Folgendes und versuchen Sie es erneut:

scope-intro = Was auditiert wird: Ihre Standorte mit ihren TISAX-Labels, die VCS-Geltungsbereiche mit ihren Auditzielen und den geltenden Kontrollfragen, und die Schutzobjekte für die Stichprobe.
scope-tab_locations = Standorte
scope-tab_scopes = Geltungsbereiche
scope-tab_objects = Schutzobjekte
scope-locations_empty = Noch keine Standorte. Fügen Sie die Standorte hinzu, die Cybersecurity-Tätigkeiten für Ihr CSMS ausführen.
scope-location_name = Standort
scope-address = Adresse
scope-tisax_scope_id = TISAX-Scope-ID
scope-tisax_scope_id_hint = Die ID des TISAX-Scopes, zu dem der Standort gehört, zum Beispiel S1A2B3.
scope-labels = TISAX-Labels
scope-label = TISAX-Label
scope-level = Assessment-Level
scope-expires = Gültig bis
scope-add_label = Weiteres Label hinzufügen
scope-label_expired = abgelaufen { $date }
scope-label_expiring = läuft ab { $date }
scope-label_valid = gültig bis { $date }
scope-cs_activities = Cybersecurity-Tätigkeiten
scope-cs_activities_label = Dieser Standort führt Cybersecurity-Tätigkeiten für das CSMS aus
scope-notes = Notizen
scope-add_location = Standort hinzufügen
scope-yes = ja
scope-no = nein
scope-objective_development = VCS Development
scope-objective_production = VCS Production
scope-objective_operations-maintenance = VCS Operations and Maintenance
scope-check_failed = { $count ->
        [one] { $count } Voraussetzung
       *[other] { $count } Voraussetzungen
    } nicht erfüllt
scope-check_warnings = { $count ->
        [one] { $count } Warnung
       *[other] { $count } Warnungen
    }
scope-check_ok = Voraussetzungen erfüllt
scope-scopes_empty = Noch kein VCS-Geltungsbereich. Legen Sie einen mit dem Assistenten unten an.
scope-counts = { $questions ->
        [one] { $questions } Kontrollfrage
       *[other] { $questions } Kontrollfragen
    }, { $requirements ->
        [one] { $requirements } Anforderung
       *[other] { $requirements } Anforderungen
    } gelten
scope-new_scope = Neuer VCS-Geltungsbereich
scope-step = Schritt { $step } von { $steps }: { $title }
scope-step_1 = Name
scope-step_2 = Standorte
scope-step_3 = Auditziele
scope-step_4 = Katalog und Audit
scope-scope_name = Name des Geltungsbereichs
scope-enx_scope_id = ENX-Scope-ID
scope-enx_scope_id_hint = Leer lassen, bis der Geltungsbereich im ENX-Portal registriert ist.
scope-wizard_locations = Standorte
scope-wizard_objectives = Auditziele
scope-need_location = Legen Sie zuerst einen Standort an (Reiter „Standorte“).
scope-catalogue = Katalog
scope-need_catalogue = Importieren Sie zuerst den Katalog (Bildschirm „Katalog“); der Geltungsbereich kann ihn später erhalten.
scope-audit_date = Geplantes Auditdatum
scope-audit_provider = Auditdienstleister
scope-back = Zurück
scope-next = Weiter
scope-create = Geltungsbereich anlegen
scope-will_apply = { $questions ->
        [one] { $questions } Kontrollfrage
       *[other] { $questions } Kontrollfragen
    } und { $requirements ->
        [one] { $requirements } Anforderung
       *[other] { $requirements } Anforderungen
    } werden gelten.
scope-scope = Geltungsbereich
scope-prerequisites = Voraussetzungen
scope-check_on = Prüfen für ein Audit am
scope-all_met = Alle Voraussetzungen sind erfüllt.
scope-objectives = Auditziele
scope-applicability = Kontrollfragen
scope-question = Frage
scope-text = Kontrollfrage
scope-by_matrix = Nach den Auditzielen
scope-decision = Ihre Entscheidung
scope-applies = gilt
scope-na = NA
scope-default_applies = gilt
scope-default_na = gilt nicht
scope-overridden = Ihre Entscheidung
scope-justification = Begründung (nötig für NA)
scope-applicable_for = Anwendbarkeit von { $id }
scope-justification_for = Begründung für { $id }
scope-deviations = Abweichungen von Soll-Anforderungen ({ $count })
scope-deviation_reason = Begründung der Abweichung (leer: keine Abweichung)
scope-deviation_for = Abweichung von { $id }
scope-objects_need_scope = Legen Sie zuerst einen VCS-Geltungsbereich an; Schutzobjekte gehören zu einem Geltungsbereich.
scope-objects_empty = Noch keine Schutzobjekte für diesen Geltungsbereich.
scope-po_name = Schutzobjekt
scope-item = Item oder Komponente
scope-customer = Kunde (OEM)
scope-partner_id = Participant-ID des Partners
scope-partner_id_hint = Optional: die TISAX/ENX-Participant-ID des OEM.
scope-cia = Schutzziele
scope-confidentiality = Vertraulichkeit
scope-integrity = Integrität
scope-availability = Verfügbarkeit
scope-phases = Lebenszyklusphasen
scope-phases_hint = Zum Beispiel: Entwicklung, Produktion, Betrieb.
scope-add_object = Schutzobjekt hinzufügen
scope-sampling = Stichprobe
scope-sampling_hint = Die Stichprobe bestimmt der Auditor; der Vorschlag folgt einer gängigen Faustregel: Quadratwurzel der Anzahl der Objekte, aufgerundet.
scope-sample_of = Stichprobe für { $objective }
scope-suggested = { $population ->
        [one] { $population } Schutzobjekt
       *[other] { $population } Schutzobjekte
    }; empfohlene Stichprobe: { $suggested }; gewählt: { $chosen }.
scope-no_population = Noch kein Schutzobjekt dieses Geltungsbereichs ist für dieses Auditziel relevant.
scope-save_sample = Stichprobe speichern
scope-check_object = Stichprobenprüfung: { $name }
scope-checks_of = Stichprobenprüfung von { $name }
scope-check_status = Status
scope-note = Notiz
scope-check_status_for = Status der Stichprobenprüfung für { $id }
scope-note_for = Notiz für { $id }
scope-status_open = offen
scope-status_consistent = einheitlich angewendet
scope-status_deviation = Abweichung
input-bad_days = „{ $given }“ ist keine Anzahl Tage von 0 bis { $max }.
cli-rules-warning_days = Ein TISAX-Label, das innerhalb von { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    } nach dem Audit abläuft, löst eine Warnung aus.
settings-rules = Auditregeln
settings-rules_intro = ENX veröffentlicht diese Regeln für VCS nicht; CSMS Desk geht von gängigen Annahmen aus, und Sie können sie an die Angaben Ihres Prüfdienstleisters anpassen.
settings-rules_admins_only = Nur ein Admin dieses Arbeitsbereichs darf seine Regeln ändern; Sie sehen sie so, wie sie gelten.
settings-rules_matrix = Welche Kontrollfragen für welches Auditziel gelten
settings-rules_matrix_hint = Eine Zeile je Auditziel, zum Beispiel „development: chapter 5, question 6.1“; „all“ gilt für jedes Auditziel. Ihre eigenen Entscheidungen je Geltungsbereich bleiben erhalten.
settings-rules_warning_days = Warnen, wenn ein TISAX-Label innerhalb so vieler Tage nach dem Audit abläuft
dashboard-scope_check = Voraussetzungen von { $name } für ein Audit am { $date }
input-location_in_use = Standort { $name } gehört zu den Geltungsbereichen { $scopes }. Entfernen Sie ihn zuerst aus diesen Geltungsbereichen (ihre Standorte ändern: Seite Geltungsbereich oder `scope edit GELTUNGSBEREICH --location ...`), dann löschen Sie ihn.
thing-location = Standort
scope-actions = Aktionen
scope-delete = Löschen
scope-delete_scope = Geltungsbereich löschen
scope-really_delete = Wirklich löschen?
scope-really_delete_scope = { $name } wirklich löschen, mit Entscheidungen, Schutzobjekten, Stichproben und Freigaben?
scope-really_delete_object = { $name } wirklich löschen, mit Stichproben und Stichprobenprüfungen?
scope-edit = Bearbeiten
scope-remove_label = Entfernen
scope-remove_label_row = Diese Label-Zeile entfernen
scope-location_used_by = Gehört zu den Geltungsbereichen { $scopes }: Um ihn zu löschen, nehmen Sie ihn zuerst aus diesen Geltungsbereichen heraus (Reiter Geltungsbereiche: Standorte des Geltungsbereichs ändern).
scope-step_has_problems = Dieser Schritt ist noch nicht vollständig: siehe die markierten Felder.
scope-renew_label = Erneuertes Label hinzufügen
scope-add_label_to = Label hinzufügen
scope-edit_details = Name, ENX-Scope-ID, Auditdatum, Dienstleister oder Standorte ändern

# Evidence and readiness (workspace messages)
thing-evidence = Nachweis
thing-link = Verknüpfung
evidence-file_gone = { $path } existiert nicht (mehr). Prüfen Sie den Pfad oder ob die Datei verschoben wurde.
evidence-file_unreadable = { $path } kann nicht gelesen werden: { $detail }. Die Datei wurde übersprungen; fügen Sie sie erneut hinzu, sobald das behoben ist.
evidence-not_a_file = { $path } ist keine reguläre Datei (ein Gerät, Socket oder eine Pipe) und wurde übersprungen.
evidence-changed_while_reading = { $path } hat sich während des Lesens geändert; nichts wurde übernommen. Fügen Sie die Datei erneut hinzu, sobald sie gespeichert ist.
evidence-no_space = { $path } braucht { $needed_mib } MiB, auf dem Datenträger des Tresors sind aber nur { $available_mib } MiB frei. Schaffen Sie Platz oder verschieben Sie den Arbeitsbereich auf einen größeren Datenträger.
evidence-cancelled = { $path } wurde nicht hinzugefügt: abgebrochen.
evidence-vault_not_writable = { $path } konnte nicht gespeichert werden: In den Tresor { $vault } kann nicht geschrieben werden ({ $detail }).
evidence-symlink_loop = { $path } ist ein symbolischer Link zurück auf { $target } (eine Schleife) und wurde übersprungen.
evidence-bad_work_product = „{ $given }“ ist kein Arbeitsprodukt der ISO/SAE 21434. Verwenden Sie WP-05-01 bis WP-15-08 oder lassen Sie das Feld für andere Dokumente leer.
evidence-bad_classification = „{ $given }“ ist keine Klassifizierung. Verwenden Sie public, internal, confidential oder strictly-confidential.
evidence-bad_state = „{ $given }“ ist kein Nachweiszustand. Verwenden Sie missing, changed, review-due oder current.
evidence-object_needs_scope = Eine Verknüpfung für ein einzelnes Schutzobjekt braucht dessen Geltungsbereich: Wählen Sie auch den Geltungsbereich.
evidence-unknown_target = { $id } ist weder Kontrollfrage noch Anforderung des Katalogs. Prüfen Sie die ID, zum Beispiel 1.1 oder 1.1.a.
evidence-unknown_targets = { $count ->
        [one] { $count } ID ist
       *[other] { $count } IDs sind
    } weder Kontrollfrage noch Anforderung des Katalogs: { $ids }. Prüfen Sie jede ID, zum Beispiel 1.1 oder 1.1.a.
evidence-next_review_not_after_today = Der nächste Prüftermin { $given } liegt nicht nach heute ({ $today }): der Nachweis wäre sofort wieder zu prüfen. Wählen Sie ein späteres Datum oder lassen Sie das Feld leer.
evidence-bulk_nothing_selected = Kein Nachweis ist ausgewählt. Haken Sie Nachweise in der Liste an oder wählen Sie alle, die der Filter zeigt.
evidence-bulk_ids_and_filter = Nennen Sie die Nachweise entweder per ID oder per Filter, nicht beides.
evidence-bulk_bad_field = „{ $given }“ ist kein Feld, das für viele Nachweise gesetzt werden kann. Verwenden Sie work_product, owner, classification oder review_due.
evidence-relocate_taken = { $path } ist bereits die Quelle des Nachweises { $id }. Wählen Sie die Datei, wohin dieser Nachweis verschoben wurde, oder entfernen Sie zuerst den Nachweis { $id }.
evidence-relocate_not_a_file = { $path } ist ein Ordner, keine Datei. Wählen Sie die Datei, wohin der Nachweis verschoben wurde.
evidence-no_such_version = Nachweis { $id } hat keine Version { $version }; seine Versionen sind 1 bis { $latest }.
evidence-vault_copy_missing = Die Tresorkopie der Version { $version } des Nachweises { $id } fehlt oder ist beschädigt. Führen Sie die Prüfung des Arbeitsbereichs aus (Verlauf) oder fügen Sie die Datei erneut aus ihrer Quelle hinzu.
evidence-source_gone = Die Quelle des Nachweises { $id } liegt nicht mehr unter { $path }. Suchen Sie die verschobene Datei oder öffnen Sie stattdessen die Tresorkopie.
evidence-too_many_ids = Wählen Sie höchstens { $max } Nachweise einzeln aus oder alle, die der Filter zeigt.
evidence-open_failed = Kein Programm konnte { $path } öffnen. Öffnen Sie die Datei selbst von dort.
evidence-same_as_missing = { $path } hat den Inhalt des Nachweises { $id } „{ $title }“, dessen Quelle fehlt: die Datei wurde nicht hinzugefügt, damit das Dokument nicht doppelt geführt wird. Wurde die Datei dorthin verschoben, verschieben Sie den Nachweis dorthin; um beide zu behalten, fügen Sie sie als neuen Nachweis hinzu.
evidence-no_paths = Wählen Sie mindestens eine Datei oder einen Ordner.
evidence-already = { $path } ist bereits Nachweis #{ $id } und wurde nicht erneut hinzugefügt.
job-busy = Eine andere lange Aufgabe (Nachweise hinzufügen oder prüfen, ein Export, eine Sicherung, eine Wiederherstellung oder eine Prüfung) läuft gerade. Warten Sie, bis sie fertig ist, oder brechen Sie sie ab.
evidence-too_many_paths = Das sind mehr als { $max } Dateien oder Ordner auf einmal. Fügen Sie stattdessen einen übergeordneten Ordner hinzu.
evidence-no_targets = Nennen Sie mindestens eine Anforderung oder Kontrollfrage für die Verknüpfung.
evidence-bad_limit = Eine Suche liefert 1 bis { $max } Einträge.
assess-bad_result = „{ $given }“ ist kein Ergebnis. Verwenden Sie conform, minor, major oder na.
assess-na_needs_applicability = Frage { $question } gilt für diesen Geltungsbereich, daher kann ihr Ergebnis nicht NA sein. Wenn sie wirklich nicht zutrifft, setzen Sie sie in der Anwendbarkeitstabelle des Geltungsbereichs mit Begründung auf NA.
assess-not_applicable = Frage { $question } ist in diesem Geltungsbereich NA und nimmt kein anderes Ergebnis als NA an. Machen Sie sie zuerst im Geltungsbereich anwendbar.
assess-unknown_question = Frage { $question } steht nicht im Katalog des Geltungsbereichs; die Zeile wurde übersprungen.

cli-evidence-progress = Dateien werden gelesen: { $done } von { $total } ({ $mib } MiB)
cli-evidence-added = Nachweis #{ $id } „{ $title }“ hinzugefügt (SHA-256 { $sha }…).
cli-evidence-linked = { $count ->
        [one] { $count } neue Verknüpfung
       *[other] { $count } neue Verknüpfungen
    }.
cli-evidence-confirm_remove = Damit würden { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } samt Verknüpfungen entfernt (der Tresor behält die Inhalte). Nichts wurde entfernt: Führen Sie den Befehl mit --yes erneut aus, um sie zu entfernen.
cli-evidence-bulk_changed = { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } von { $selected } ausgewählten geändert.
cli-evidence-bulk_linked = { $count ->
        [one] { $count } neue Verknüpfung
       *[other] { $count } neue Verknüpfungen
    } für { $selected } ausgewählte Nachweise.
cli-evidence-bulk_removed = { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } entfernt.
cli-evidence-same_as_missing_hint = Verschieben: csmsdesk-cli evidence relocate { $id } „{ $path }“; oder beide behalten: die Datei mit --as-new erneut hinzufügen.
cli-evidence-relocated = Nachweis { $id } verweist jetzt auf { $path } (gleicher Inhalt).
cli-evidence-relocated_changed = Nachweis { $id } verweist jetzt auf { $path }; der Inhalt weicht ab, daher ist er Version { $version } und muss geprüft werden.
cli-evidence-scanned = Geprüft: { $unchanged } unverändert, { $changed } geändert (neue Versionen brauchen eine Prüfung), { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }.
cli-evidence-scan_changed = geändert: #{ $id } { $title } (eine neue Version, die geprüft werden muss)
cli-evidence-scan_unreachable = von diesem Computer nicht erreichbar: #{ $id } { $title } (auf einem anderen Computer erfasst, in einem Ordner, den dieser nicht erreicht: dort prüfen)
cli-evidence-scan_missing = fehlt: #{ $id } { $title } (verschieben mit: csmsdesk-cli evidence relocate { $id } PFAD)
cli-evidence-scan_failed = fehlgeschlagen: #{ $id } { $title }: { $message }
cli-cancelled = Abgebrochen: Der Rest wurde nicht ausgeführt.
cli-row = Zeile
cli-assess-preview = { $count ->
        [one] { $count } Änderung
       *[other] { $count } Änderungen
    }. Noch wurde nichts geändert: Mit --apply erneut ausführen, um sie zu übernehmen.
cli-assess-applied = { $count ->
        [one] { $count } Änderung
       *[other] { $count } Änderungen
    } übernommen.
cli-status-line = { $scope }: { $percent } % bereit — { $covered } abgedeckt, { $needs_review } zu prüfen, { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }. Erwartetes Ergebnis: { $result }.
cli-status-through_question = Von den abgedeckten { $count ->
        [one] steht { $count } Anforderung
       *[other] stehen { $count } Anforderungen
    } nur auf Nachweisen zur ganzen Kontrollfrage: { $ids }. Ein Auditor kann Nachweise für jede einzelne Anforderung verlangen.
evidence-duplicates = Gleicher Inhalt
evidence-orphans = Mit nichts verknüpft

# ISO/SAE 21434 work products: short names in our own words, as evidence types.
wp-WP-05-01 = Cybersecurity-Richtlinie, -Regeln und -Prozesse
wp-WP-05-02 = Nachweise zu Kompetenz, Bewusstsein und Verbesserung
wp-WP-05-03 = Nachweise zu den Managementsystemen
wp-WP-05-04 = Nachweise zum Werkzeugmanagement
wp-WP-05-05 = Bericht des organisatorischen Cybersecurity-Audits
wp-WP-06-01 = Cybersecurity-Plan
wp-WP-06-02 = Cybersecurity-Case
wp-WP-06-03 = Cybersecurity-Assessment-Bericht
wp-WP-06-04 = Freigabebericht für die Post-Development-Phase
wp-WP-07-01 = Cybersecurity-Schnittstellenvereinbarung
wp-WP-08-01 = Quellen für Cybersecurity-Informationen
wp-WP-08-02 = Auslöser
wp-WP-08-03 = Cybersecurity-Ereignisse
wp-WP-08-04 = Schwachstellen aus Cybersecurity-Ereignissen
wp-WP-08-05 = Schwachstellenanalyse
wp-WP-08-06 = Begründung für den Umgang mit Schwachstellen
wp-WP-09-01 = Item-Definition
wp-WP-09-02 = TARA
wp-WP-09-03 = Cybersecurity-Ziele
wp-WP-09-04 = Cybersecurity-Claims
wp-WP-09-05 = Verifikationsbericht der Cybersecurity-Ziele
wp-WP-09-06 = Cybersecurity-Konzept
wp-WP-09-07 = Verifikationsbericht des Cybersecurity-Konzepts
wp-WP-10-01 = Cybersecurity-Spezifikationen
wp-WP-10-02 = Cybersecurity-Anforderungen für die Post-Development-Phase
wp-WP-10-03 = Sprachen und Programmierrichtlinien
wp-WP-10-04 = Verifikationsbericht der Spezifikation
wp-WP-10-05 = In der Entwicklung gefundene Schwachstellen
wp-WP-10-06 = Integrations- und Verifikationsspezifikation
wp-WP-10-07 = Integrations- und Verifikationsberichte
wp-WP-11-01 = Validierungsbericht
wp-WP-12-01 = Produktionskontrollplan
wp-WP-13-01 = Incident-Response-Plan
wp-WP-14-01 = Verfahren zur Mitteilung des Support-Endes
wp-WP-15-01 = Schadensszenarien
wp-WP-15-02 = Assets mit Cybersecurity-Eigenschaften
wp-WP-15-03 = Bedrohungsszenarien
wp-WP-15-04 = Auswirkungsbewertungen
wp-WP-15-05 = Angriffspfade
wp-WP-15-06 = Bewertungen der Angriffsdurchführbarkeit
wp-WP-15-07 = Risikowerte
wp-WP-15-08 = Entscheidungen zur Risikobehandlung

# Evidence screen and dashboard (UI)
evidence_ui-tab_vault = Tresor
evidence_ui-tab_requirements = Anforderungen & Selbstbewertung
evidence_state-current = aktuell
evidence_state-changed = geändert
evidence_state-review-due = Prüfung fällig
evidence_state-missing = Quelle fehlt
evidence_state-current_hint = Die neueste Version ist geprüft und ihr Prüftermin ist nicht überschritten: Sie zählt als Nachweis.
evidence_state-changed_hint = Die Datei an der Quelle hat sich seit der letzten Prüfung geändert. Sehen Sie sich die neue Version an und markieren Sie sie dann als geprüft.
evidence_state-review-due_hint = Ihr Prüftermin ist überschritten. Prüfen Sie, ob sie noch gilt, und markieren Sie sie dann mit dem nächsten Prüftermin als geprüft.
evidence_state-missing_hint = Die Datei liegt nicht mehr unter ihrem Quellpfad. Der Tresor behält seine Kopie; legen Sie die Datei zurück oder fügen Sie sie vom neuen Ort hinzu.
requirement_state-covered = abgedeckt
requirement_state-needs-review = zu prüfen
requirement_state-missing = fehlt
classification-public = öffentlich
classification-internal = intern
classification-confidential = vertraulich
classification-strictly-confidential = streng vertraulich
assess_result-none = noch nicht bewertet
assess_result-conform = Konform
assess_result-minor = Geringfügige Abweichung
assess_result-major = Schwerwiegende Abweichung
assess_result-na = Nicht anwendbar
predicted-pass = Bestanden
predicted-conditional_pass = Bedingt bestanden
predicted-fail = Nicht bestanden
predicted-incomplete = Unvollständig
predicted-pass_hint = Jede anwendbare Kontrollfrage ist als konform selbst bewertet.
predicted-conditional_pass_hint = Mindestens eine geringfügige Abweichung: Labels gibt es nur mit einem Maßnahmenplan.
predicted-fail_hint = Mindestens eine schwerwiegende Abweichung: kein Label, bis sie behoben ist.
predicted-incomplete_hint = Noch nicht selbst bewertet: { $open } von { $total ->
        [one] { $total } anwendbaren Kontrollfrage
       *[other] { $total } anwendbaren Kontrollfragen
    }.
vault-add_heading = Nachweise hinzufügen
vault-drop_hint = Geben Sie Dateien und Ordner ein oder wählen Sie sie aus (Ordner werden mit ihrem ganzen Inhalt hinzugefügt), oder ziehen Sie sie auf dieses Fenster. Jede Datei wird in den Tresor kopiert und gehasht; die Quelle wird später auf Änderungen geprüft.
vault-paths = Dateien oder Ordner
vault-paths_hint = Ein absoluter Pfad pro Zeile.
vault-paths_placeholder = /home/ich/Dokumente/richtlinie.pdf
vault-choose_files = Dateien wählen …
vault-choose_folder = Ordner wählen …
vault-title = Titel
vault-title_hint = Leer lassen, um den Dateinamen zu verwenden.
vault-type = Art
vault-type_other = Sonstiges Dokument
vault-type_other_short = sonstiges
vault-owner = Verantwortlich
vault-classification = Klassifizierung
vault-review_due = Prüfung fällig am
vault-review_due_hint = Nach diesem Datum muss der Nachweis erneut geprüft werden.
vault-links = Mit Anforderungen verknüpfen
vault-links_hint = IDs von Anforderungen oder Kontrollfragen, getrennt durch Kommas oder Leerzeichen, zum Beispiel 1.1.a, 3.1
vault-links_placeholder = 1.1.a, 3.1
vault-link_scope = Für Geltungsbereich
vault-every_scope = Alle Geltungsbereiche
vault-add = Nachweise hinzufügen
vault-adding = Wird hinzugefügt …
vault-added_summary = { $added } hinzugefügt, { $already } schon im Tresor, { $failed } fehlgeschlagen.
vault-added_twins = { $count ->
        [one] { $count } Datei hat
       *[other] { $count } Dateien haben
    } den Inhalt eines Nachweises, dessen Quelle fehlt: verschieben Sie diesen Nachweis oder fügen Sie die Datei als neuen hinzu.
vault-cancelled = Abgebrochen: Der Rest wurde nicht hinzugefügt.
vault-cancel = Abbrechen
vault-job_add = Dateien werden hinzugefügt
vault-job_scan = Quellen werden geprüft
vault-progress_starting = Wird gestartet …
vault-progress_files = { $done } von { $total ->
        [one] { $total } Datei
       *[other] { $total } Dateien
    }
vault-progress_bytes = { $done } von { $total }
vault-scan = Quellen prüfen
vault-scan_hint = Vergleicht Größe und Änderungszeit jeder Quelldatei mit dem Tresor und hasht die abweichenden neu.
vault-scan_deep = Alles neu hashen
vault-scan_deep_hint = Liest jede Quelldatei vollständig und vergleicht ihren SHA-256 mit dem Tresor. Dauert länger.
vault-scanning = Die Quellen werden geprüft …
vault-scan_unreachable = { $count ->
        [one] 1 Quelle wurde auf einem anderen Computer erfasst, in einem Ordner, den dieser nicht erreicht: Sie fehlt nicht, prüfen Sie sie dort.
       *[other] { $count } Quellen wurden auf anderen Computern erfasst, in Ordnern, die dieser nicht erreicht: Sie fehlen nicht, prüfen Sie sie dort.
    }
vault-scanned = Quellen geprüft: { $unchanged } unverändert, { $changed } geändert, { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }.
vault-scan_cancelled = Abgebrochen: { $count } nicht geprüft.
vault-findings = Einen Blick wert
vault-duplicates_hint = (dieselbe Datei ist mehrfach Nachweis)
vault-orphans_hint = (Nachweise, die noch nichts belegen: verknüpfen oder entfernen)
vault-items = Nachweise
vault-filter = Nachweise filtern
vault-filter_placeholder = Nach Titel, Art, Verantwortlichem oder Verknüpfung filtern …
vault-state = Zustand
vault-all_states = alle
vault-count = { $shown } von { $total ->
        [one] { $total } Nachweis
       *[other] { $total } Nachweisen
    }
vault-type_filter = Art
vault-all_types = alle
vault-classification_filter = Klassifizierung
vault-all_classifications = alle
vault-orphans_more = und { $count ->
        [one] { $count } weiterer
       *[other] { $count } weitere
    }
vault-orphans_show = Die unverknüpften Nachweise in der Tabelle zeigen
vault-linked_filter = Verknüpfungen
vault-linked_any = alle
vault-linked_none = noch keine
vault-linked_some = mindestens eine
vault-empty = Der Tresor ist leer. Fügen Sie oben Dateien hinzu oder ziehen Sie sie auf dieses Fenster.
vault-empty_read_only = Der Tresor ist leer.
vault-none_match = Kein Nachweis passt zum Filter.
vault-col_title = Titel
vault-col_type = Art
vault-col_owner = Verantwortlich
vault-col_classification = Klassifizierung
vault-col_review_due = Prüfung fällig
vault-col_version = Version
vault-col_state = Zustand
vault-col_links = Verknüpfungen
vault-details_of = Details zu { $title }
vault-no_links = keine
vault-close = Schließen
vault-source = Quelle
vault-size = Größe
vault-added_at = Hinzugefügt
vault-version_reviewed = { $version } (geprüft)
vault-version_unreviewed = { $version } (zuletzt geprüft: { $reviewed })
vault-review_explain = Als geprüft markieren bestätigt, dass Version { $version } weiterhin als Nachweis taugt; damit deckt sie ihre Anforderungen wieder ab.
vault-next_review = Nächste Prüfung
vault-mark_reviewed = Als geprüft markieren
vault-reviewed = Als geprüft markiert.
vault-reviewed_mark = geprüft
vault-edit_details = Angaben
vault-versions = Versionen
vault-hash = SHA-256
vault-file = Dateiname
vault-recorded = Erfasst
vault-links_heading = Verknüpfungen
vault-no_links_long = Noch mit keiner Anforderung oder Kontrollfrage verknüpft.
vault-for_object = für { $name }
vault-unlink = Lösen
vault-unlink_from = Verknüpfung mit { $target } lösen
vault-link_to = Verknüpfen mit
vault-link_object = Für Schutzobjekt
vault-every_object = Alle Schutzobjekte
vault-link_note = Notiz
vault-link = Verknüpfen
vault-linked = { $count ->
        [one] { $count } neue Verknüpfung
       *[other] { $count } neue Verknüpfungen
    }.
vault-remove = Aus dem Tresor entfernen
vault-really_remove = Wirklich entfernen?
vault-remove_hint = Entfernt den Nachweis mit seinen Versionen und Verknüpfungen aus dem Tresor. Die Quelldatei bleibt, wo sie ist.
bulk-heading = Ausgewählte Nachweise ändern
bulk-none_selected = Keine Nachweise ausgewählt: Zeilen anhaken (Umschalt+Klick für einen Bereich) oder alle auswählen, die der Filter zeigt.
bulk-selected = { $count ->
        [one] { $count } Nachweis ausgewählt
       *[other] { $count } Nachweise ausgewählt
    }.
bulk-all_selected = Alle { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    }, die der Filter zeigt, sind ausgewählt, auf jeder Seite.
bulk-select_all_matching = Alle { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } auswählen, die der Filter zeigt
bulk-clear = Auswahl aufheben
bulk-action = Änderung
bulk-action_work_product = Typ (Arbeitsprodukt) setzen
bulk-action_owner = Verantwortliche Person setzen
bulk-action_classification = Klassifizierung setzen
bulk-action_review_due = Prüftermin setzen
bulk-action_review = Als geprüft markieren
bulk-action_link = Mit Anforderungen oder Fragen verknüpfen
bulk-action_remove = Aus dem Tresor entfernen
bulk-apply = Auf die Auswahl anwenden
bulk-next_review_hint = Optional; nach heute. Leer behält das Datum jedes Nachweises.
bulk-remove_question = { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } samt Verknüpfungen entfernen? Der Tresor behält die Inhalte, die Quelldateien bleiben, wo sie sind.
bulk-remove_confirm = Entfernen
bulk-cancel = Abbrechen
bulk-applying = { $count ->
        [one] { $count } Nachweis wird
       *[other] { $count } Nachweise werden
    } geändert …
bulk-changed = { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } von { $selected } ausgewählten geändert.
bulk-linked = { $count ->
        [one] { $count } neue Verknüpfung
       *[other] { $count } neue Verknüpfungen
    } für { $selected } Nachweise.
bulk-removed = { $count ->
        [one] { $count } Nachweis
       *[other] { $count } Nachweise
    } entfernt.
bulk-tick_page = Alle Nachweise dieser Seite auswählen
bulk-tick_item = { $title } auswählen
files-open = Datei öffnen
files-open_short = Öffnen
files-open_version = Version { $version } öffnen
files-opened = Eine schreibgeschützte Kopie wurde mit dem Standardprogramm geöffnet.
files-reveal = Ablageort der Quelle zeigen
files-reveal_missing = Die Quelle fehlt: suchen Sie sie zuerst.
files-source_is = Die Quelle ist { $path }
files-relocate_heading = Die Quelle wurde verschoben oder umbenannt
files-relocate_path = Neuer Ort der Quelle
files-relocate_hint = Der Nachweis behält seine Versionen und Verknüpfungen; weicht die Datei dort ab, wird sie eine neue, zu prüfende Version.
files-locate = Suchen…
files-relocate = Verschieben
files-relocated = Der Nachweis verweist jetzt auf die Datei dort (gleicher Inhalt).
files-relocated_changed = Der Nachweis verweist jetzt auf die Datei dort; der Inhalt weicht ab, daher ist er Version { $version } und zu prüfen.
files-relocate_item = „{ $title }“ auf diese Datei verschieben
files-relocated_item = „{ $title }“ verweist jetzt auf die Datei, mit Versionen und Verknüpfungen.
files-add_as_new = Als neuen Nachweis hinzufügen
scan_items-changed = Geändert:
scan_items-missing = Fehlt:
scan_items-unreachable = Von diesem Computer nicht erreichbar:
scan_items-failed = Fehlgeschlagen:
mapping-no_scopes = Es gibt noch keinen Geltungsbereich. Anforderungen und Selbstbewertung gehören zu einem Geltungsbereich.
mapping-to_scope = Geltungsbereich festlegen
mapping-scope = Geltungsbereich
mapping-show = Anzeigen
mapping-show_all = alle Anforderungen
mapping-show_gaps = Lücken (fehlt oder zu prüfen)
mapping-summary = { $percent } bereit:
mapping-counts = { $covered } abgedeckt, { $needs_review } zu prüfen, { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }
mapping-drop_hint = Ziehen Sie Dateien auf eine Anforderung, um sie dem Tresor hinzuzufügen und mit ihr zu verknüpfen.
mapping-question_tally = { $covered } von { $total } abgedeckt
mapping-assess_result = Selbstbewertung
mapping-assess_implementation = Wie es umgesetzt ist
mapping-assess_reference = Referenzdokumentation
mapping-assess_save = Bewertung speichern
mapping-deviation = Abweichung
mapping-deviation_hint = Für diese Soll-Anforderung ist im Geltungsbereich eine begründete Abweichung erfasst.
mapping-no_evidence = Noch kein Nachweis: Datei hierher ziehen oder einen verknüpfen.
mapping-link_choose = Nachweis zum Verknüpfen mit { $id }
mapping-link_to = Gewählten Nachweis mit { $id } verknüpfen
mapping-link = Verknüpfen
mapping-link_open = Nachweis verknüpfen …
mapping-link_open_to = Nachweis mit { $id } verknüpfen
mapping-link_cancel = Abbrechen
mapping-evidence_loading = Nachweise werden geladen …
mapping-more_evidence = und { $count } weitere
mapping-more_evidence_of = { $id }: mehr von { $count ->
        [one] { $count } weiteren Nachweis
       *[other] { $count } weiteren Nachweisen
    } zeigen
mapping-na_questions = In diesem Geltungsbereich nicht anwendbar ({ $count }): { $ids }
mapping-adding_to = Wird hinzugefügt und mit { $id } verknüpft …
mapping-added_to = { $id }: { $added } hinzugefügt, { $linked } vorhandene verknüpft, { $failed } fehlgeschlagen.
mapping-import_heading = Ausgefüllte ENX-Arbeitsmappe für { $scope } übernehmen
mapping-import_hint = Liest die Selbstbewertung (Ergebnis, Umsetzung, Referenzdokumentation) aus einer ausgefüllten VCS-Arbeitsmappe. Sie sehen jede Änderung, bevor etwas übernommen wird.
mapping-import_file = Ausgefüllte Arbeitsmappe
mapping-import_preview = Änderungen anzeigen
mapping-import_apply = Änderungen übernehmen
mapping-import_reading = Die Arbeitsmappe wird gelesen …
mapping-import_applying = Wird übernommen …
mapping-import_previewed = { $count ->
        [one] { $count } Änderung
       *[other] { $count } Änderungen
    }. Noch ist nichts geändert: Prüfen Sie sie und übernehmen Sie sie dann.
mapping-import_nothing = Die Arbeitsmappe bringt keine Änderungen.
mapping-import_applied = { $count ->
        [one] { $count } Änderung
       *[other] { $count } Änderungen
    } übernommen.
mapping-import_question = Frage
mapping-import_field = Feld
mapping-import_change = Vorher → nachher
mapping-import_field_result = Ergebnis
mapping-import_field_implementation = Umsetzung
mapping-import_field_reference_documentation = Referenzdokumentation
mapping-import_empty = leer
mapping-import_skipped = Ausgelassene Zeilen ({ $count })
mapping-import_row = Zeile { $row }:
picker-placeholder = Nach Titel, Dateiname, Art oder Verantwortlichem suchen …
picker-matches_label = Passende Nachweise
picker-chosen_label = Gewählte Nachweise
picker-matches = { $count ->
        [one] { $count } Treffer
       *[other] { $count } Treffer
    }. Die Pfeiltasten wechseln, Eingabe wählt.
picker-first_matches = Die ersten { $count } Treffer: tippen Sie weiter, um sie einzugrenzen.
picker-none = Kein Nachweis passt zu „{ $text }“.
picker-remove = { $title } entfernen
readiness-open_requirements = Anforderungen und Selbstbewertung
readiness-ring_label = { $percent } der anwendbaren Anforderungen sind abgedeckt
readiness-ready = bereit
readiness-total = anwendbare Anforderungen
readiness-predicted = Erwartetes Ergebnis:
readiness-by_objective = Nach Auditziel
readiness-by_chapter = Nach Kapitel
readiness-tally = { $covered } abgedeckt, { $needs_review } zu prüfen, { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }
readiness-nothing_applies = Noch gilt nichts.
readiness-trend = Verlauf
readiness-trend_starts = Der Verlauf beginnt heute: Jeder Tag, an dem die App genutzt wird, fügt einen Punkt hinzu.
readiness-trend_from = Von { $from_percent } am { $from } auf { $to_percent } am { $to }.
readiness-top_gaps = Größte Lücken
readiness-gaps_ranking = Die schwersten zuerst: Muss vor Soll, fehlend vor zu prüfen, dann die Kontrollfragen mit den meisten fehlenden Anforderungen.
readiness-through_question = über die Frage
readiness-through_question_hint = Nur durch Nachweise zur ganzen Kontrollfrage { $question } als abgedeckt gezählt. Ein Auditor kann Nachweise für genau diese Anforderung verlangen.
readiness-covered_through_question = { $count ->
        [one] { $count } abgedeckte Anforderung steht
       *[other] { $count } abgedeckte Anforderungen stehen
    } nur auf Nachweisen zur ganzen Kontrollfrage.
readiness-no_gaps = Keine Lücken: Jede anwendbare Anforderung ist abgedeckt.
readiness-no_scopes = Der Stand erscheint hier, sobald ein Geltungsbereich festgelegt ist.
live-others = Ebenfalls geöffnet: { $names }
live-others_hint = Wer diesen Arbeitsbereich gerade noch geöffnet hat; deren Änderungen erscheinen hier, sobald sie gespeichert sind.
live-user_windows = { $count ->
    [one] { $user }
   *[other] { $user } ({ $count } Fenster)
}
live-lost = Der Server ist nicht erreichbar: Änderungen anderer erscheinen wieder, sobald er zurück ist.
live-changed_while_editing = Jemand anderes hat Änderungen gespeichert, während Sie bearbeiten.
live-changed_hint = Speichern bleibt sicher: Ein Datensatz, den die andere Person geändert hat, wird nicht überschrieben; Sie erfahren stattdessen, wer ihn geändert hat.
live-show_changes = Anzeigen (verwirft Ihre Eingaben)
scan-running = Nachweisquellen werden geprüft …
scan-unreachable = { $count } von diesem Computer nicht erreichbar
scan-done = Nachweisquellen geprüft: { $changed } geändert, { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }
scan-failed = Die Nachweisquellen konnten nicht geprüft werden: { $message }

# Audits, findings, corrective actions, labels and deadlines
thing-rule = Regel
thing-audit = Audit
thing-finding = Feststellung
thing-action = Korrekturmaßnahme
thing-sharing = Freigabe
thing-member = Mitglied
team-role-viewer = Betrachter
team-role-editor = Bearbeiter
team-role-admin = Admin
team-owner = Eigentümer der Datenbank
input-text_missing = Geben Sie einen Text ein.
input-bad_months = „{ $given }“ ist keine Zahl von Monaten zwischen 1 und { $max }.
input-action_months_order = Die Fristen für Korrekturmaßnahmen müssen wachsen: ohne Begründung ≤ mit Begründung ≤ die längste.
input-fixed_rule = „{ $given }“: Diese Regel ist fest und kann nicht geändert werden.
countdown-today = heute
countdown-tomorrow = morgen
countdown-yesterday = gestern
countdown-in_days = in { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    }
countdown-days_ago = vor { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    }
audit-bad_kind = „{ $given }“ ist keine Auditart. Verwenden Sie initial, cap oder follow-up.
audit-closing_missing = Geben Sie das Datum des Abschlussgesprächs ein.
audit-closing_before_opening = Das Abschlussgespräch ({ $closing }) kann nicht vor dem Eröffnungsgespräch ({ $opening }) liegen.
audit-needs_initial = Ein { $kind }-Audit folgt auf ein Erstaudit, und Geltungsbereich { $scope } hat noch keines. Erfassen Sie zuerst das Erstaudit.
audit-before_initial = Dieses Audit kann nicht vor dem Erstaudit ({ $date }) abgeschlossen sein.
audit-bad_phase = „{ $given }“ ist kein Phasenstand. Verwenden Sie open, in-progress oder done.
audit-decision_needs_reason = Begründen Sie, warum das Auditteam das Audit trotz bedingten Bestehens als nicht bestanden gewertet hat.
audit-result_not_applicable = Frage { $question } gilt nicht für Geltungsbereich { $scope } und nimmt daher kein Ergebnis an. Machen Sie sie zuerst im Geltungsbereich anwendbar, falls der Auditor sie bewertet hat.
audit-bad_finding_type = „{ $given }“ ist keine Art von Feststellung. Verwenden Sie major, minor, observation oder improvement.
audit-finding_of_other_scope = Feststellung { $finding } gehört zu Geltungsbereich { $other }, nicht zu { $scope }. Wählen Sie eine Feststellung von { $scope }.
audit-due_missing = Geben Sie das Fälligkeitsdatum ein.
audit-due_needs_justification = Das Fälligkeitsdatum liegt mehr als { $months ->
        [one] { $months } Monat
       *[other] { $months } Monate
    } nach dem Abschlussgespräch (nach dem { $date }): Fügen Sie eine Begründung hinzu.
audit-due_requires_justification = Ein Fälligkeitsdatum mehr als { $months ->
        [one] { $months } Monat
       *[other] { $months } Monate
    } nach dem Abschlussgespräch (nach dem { $date }) ist nur mit Begründung zulässig.
audit-due_too_late = Ein Fälligkeitsdatum mehr als { $months ->
        [one] { $months } Monat
       *[other] { $months } Monate
    } nach dem Abschlussgespräch (nach dem { $date }) ist nicht zulässig: Bis dahin müssen alle Abweichungen behoben sein.
audit-bad_action_status = „{ $given }“ ist kein Status. Verwenden Sie open, in-progress, done oder verified.
audit-owner_missing = Geben Sie den Verantwortlichen ein: Jede Korrekturmaßnahme braucht jemanden, der für sie verantwortlich ist.
audit-due_before_closing = Das Fälligkeitsdatum { $due } liegt vor dem Abschlussgespräch des Audits ({ $closing }): Eine Korrekturmaßnahme wird nach dem Audit geplant. Wählen Sie den { $closing } oder später.
audit-finding_result_disagree = Frage { $question } hat eine Feststellung „{ $finding }“, aber ihr Ergebnis ist „{ $result }“: Setzen Sie das Ergebnis auf „{ $needed }“ oder ändern Sie den Typ der Feststellung.
audit-finding_has_actions = Feststellung { $finding } hat { $count ->
        [one] { $count } Korrekturmaßnahme
       *[other] { $count } Korrekturmaßnahmen
    }: Wird die Feststellung entfernt, werden sie mit entfernt. Bestätigen Sie, dass sie mit entfernt werden.
audit-has_findings = Audit { $audit } hat { $findings ->
        [one] { $findings } Feststellung
       *[other] { $findings } Feststellungen
    } mit { $actions ->
        [one] { $actions } Korrekturmaßnahme
       *[other] { $actions } Korrekturmaßnahmen
    }: Wird das Audit entfernt, werden sie mit entfernt. Bestätigen Sie, dass sie mit entfernt werden.
audit-result_twice = Frage { $question } kommt zweimal vor: Geben Sie jeder Frage ein Ergebnis.
audit-cap_takes_no_results = Ein CAP-Audit hat keine Ergebnisse je Frage: Es bestätigt den Korrekturmaßnahmenplan des Erstaudits. Erfassen Sie Ergebnisse beim Erst- oder Follow-up-Audit.
cli-confirm_flag_hint = Um fortzufahren, führen Sie denselben Befehl erneut mit { $flag } aus.
cli-finding-changed = Feststellung { $id } geändert.
cli-action-changed = Korrekturmaßnahme { $id } geändert.
cli-audit-results_saved = { $count ->
        [one] { $count } Ergebnis
       *[other] { $count } Ergebnisse
    } gespeichert.
cli-action-page = Maßnahmen { $from } bis { $to } von { $total }: Mit --offset und --limit sehen Sie die anderen.
cli-results-bad_set = „{ $given }“ ist nicht FRAGE=ERGEBNIS, zum Beispiel 1.1=conform.
cli-results-bad_line = Zeile { $line } ist nicht FRAGE,ERGEBNIS[,BESCHREIBUNG], zum Beispiel 1.1,minor,Richtlinie nicht geprüft.
audits_ui-save_results = Alle Ergebnisse speichern
audits_ui-results_keys = Mit den Pfeiltasten zwischen den Fragen wechseln (Pos1 und Ende springen); in der Ergebnisspalte c für konform, m für gering, M (groß) für schwerwiegend, n zum Leeren tippen. Alle Änderungen werden zusammen mit „Alle Ergebnisse speichern“ gespeichert.
audits_ui-results_changed = { $count ->
        [one] { $count } Ergebnis geändert
       *[other] { $count } Ergebnisse geändert
    }, noch nicht gespeichert.
audits_ui-results_saved = { $count ->
        [one] { $count } Ergebnis gespeichert
       *[other] { $count } Ergebnisse gespeichert
    }.
audits_ui-results_refused = Nichts wurde gespeichert: { $count ->
        [one] { $count } Frage muss
       *[other] { $count } Fragen müssen
    } geändert werden (siehe die markierten Zeilen).
audits_ui-plan_confirmed = Plan bestätigt
audits_ui-plan_unconfirmed = Plan noch nicht bestätigt
audits_ui-plan_tally = Ein CAP-Audit bestätigt den Korrekturmaßnahmenplan; es hat keine Ergebnisse je Frage.
audits_ui-plan_heading = Der Korrekturmaßnahmenplan
audits_ui-plan_confirmed_text = Der Bericht des CAP-Audits bestätigt diesen Plan: Bei bedingtem Bestehen laufen temporäre Labels.
audits_ui-plan_unconfirmed_text = Noch nicht bestätigt: Haken Sie oben „Der Bericht des CAP-Audits bestätigt den Korrekturmaßnahmenplan“ an, sobald der Bericht es sagt.
audits_ui-plan_no_initial = Vor diesem CAP-Audit wurde kein Erstaudit abgeschlossen, also gibt es keinen Plan zu bestätigen.
audits_ui-actions_table = Korrekturmaßnahmen dieses Audits ({ $count })
audits_ui-all_actions = Korrekturmaßnahmen aller Audits
audits_ui-all_actions_hint = Nach Geltungsbereich, Verantwortlichem, Status und Fälligkeit filtern; den Status direkt ändern.
audits_ui-any_status = Jeder Status
audits_ui-status_unfinished = Offen oder in Arbeit
audits_ui-filter_scope = Geltungsbereich
audits_ui-filter_owner = Verantwortlich
audits_ui-filter_status = Status
audits_ui-filter_due_by = Fällig bis
audits_ui-no_actions_match = Keine Korrekturmaßnahme passt.
audits_ui-col_due = Fällig
audits_ui-col_status = Status
audits_ui-col_action = Korrekturmaßnahme
audits_ui-col_owner = Verantwortlich
audits_ui-col_finding = Feststellung
audits_ui-col_scope = Geltungsbereich
audits_ui-edit_action = Ändern
audits_ui-action_status = Status
audits_ui-action_changed = Korrekturmaßnahme geändert.
audits_ui-remove_action = Entfernen
audits_ui-remove_action_confirm = Diese Maßnahme wirklich entfernen?
audits_ui-action_removed = Korrekturmaßnahme entfernt.
audits_ui-edit_finding = Feststellung ändern
audits_ui-finding_changed = Feststellung geändert.
audits_ui-remove_finding = Feststellung entfernen
audits_ui-remove_finding_confirm = Sie mit { $count ->
        [one] { $count } Korrekturmaßnahme
       *[other] { $count } Korrekturmaßnahmen
    } entfernen?
audits_ui-remove_finding_confirm_empty = Diese Feststellung wirklich entfernen?
audits_ui-finding_removed = Feststellung entfernt.
audits_ui-remove_audit_heading = Dieses Audit entfernen
audits_ui-remove_audit = Audit entfernen
audits_ui-remove_audit_confirm = Es mit seinen Ergebnissen, { $findings ->
        [one] { $findings } Feststellung
       *[other] { $findings } Feststellungen
    } und { $actions ->
        [one] { $actions } Korrekturmaßnahme
       *[other] { $actions } Korrekturmaßnahmen
    } entfernen?
audits_ui-remove_audit_confirm_empty = Es mit seinen Ergebnissen entfernen?
mapping-assess_all = Alle Fragen auf einmal selbst bewerten
mapping-assess_implementation_of = Umsetzungsbeschreibung der Frage { $id }
audit-closing_after_actions = { $count ->
        [one] { $count } Korrekturmaßnahme ist
       *[other] { $count } Korrekturmaßnahmen sind
    } vor diesem Abschlussgespräch fällig (die erste am { $date }): Wählen Sie ein Abschlussgespräch am oder vor dem { $date }, oder verschieben Sie zuerst ihre Fälligkeiten.
cli-finding-page = Feststellungen { $from } bis { $to } von { $total }: Mit --offset und --limit sehen Sie die anderen.
audits_ui-all_findings = Feststellungen aller Audits
audits_ui-any_type = Jeder Typ
audits_ui-type_nonconformity = Schwerwiegende oder geringe Abweichung
audits_ui-filter_text = Text
audits_ui-no_findings_match = Keine Feststellung passt.
audits_ui-col_open_actions = Korrekturmaßnahmen
audits_ui-col_audit = Audit
audits_ui-open_of = { $open } von { $total } nicht erledigt
labels-next_planned = Noch kein Audit: Das Audit ist für den { $date } geplant.
labels-next_plan_audit = Noch kein Audit: Planen Sie das Erstaudit.
labels-next_results = Im Erstaudit fehlen Ergebnisse zu Fragen: Erfassen Sie sie, um die Labels zu sehen.
labels-next_follow_up = Temporäre Labels bis { $date }. Bestätigt ein Follow-up-Audit vorher, dass alle Abweichungen behoben sind, folgen permanente Labels; sonst ist ein neues Erstaudit nötig.
labels-next_cap = Bedingt bestanden: Ein CAP-Audit muss den Maßnahmenplan bestätigen; das Follow-up-Audit ist vor dem { $date } fällig.
labels-next_renewal = Dauerhafte Labels: Beginnen Sie das Erneuerungsaudit ab dem { $date }.
labels-next_none = Nichts fällig.
labels-none_failed = Keine Labels: Das Audit wurde nicht bestanden. Ein neues Erstaudit ist nötig.
labels-none_late = Keine Labels: Das Follow-up-Audit kam zu spät. Ein neues Erstaudit ist nötig.
labels-temporary_not_renewable = Die Labels von { $scope } sind temporär (bis { $date }) und werden nicht verlängert. Ein Follow-up-Audit, das vorher bestätigt, dass alle Abweichungen behoben sind, bringt permanente Labels; sonst ist ein neues Erstaudit nötig.
labels-renewal_needs_date = Geben Sie das für das Erneuerungsaudit geplante Datum ein.
deadline-vcs_label_temporary = Temporäres VCS-Label { $objective } von { $scope } läuft ab
deadline-vcs_label_permanent = VCS-Label { $objective } von { $scope } läuft ab
deadline-renewal = Erneuerungsaudit von { $scope } beginnen
deadline-follow_up = Letzter Tag für das Follow-up-Audit von { $scope }
deadline-planned_audit = Geplantes Audit von { $scope }
deadline-tisax_label = TISAX-Label { $label } von { $location } läuft ab
deadline-action = Korrekturmaßnahme zu { $question }: { $text }
deadline-evidence_review = Nachweis „{ $title }“ prüfen
notify-title = { $count ->
        [one] { $count } Frist
       *[other] { $count } Fristen
    } innerhalb { $days ->
        [one] eines Tages
       *[other] von { $days } Tagen
    } ({ $overdue } überfällig)
notify-yours = { $count ->
        [one] 1 davon gehört Ihnen ({ $me }), zuerst genannt
       *[other] { $count } davon gehören Ihnen ({ $me }), zuerst genannt
    }
notify-more = und { $count } weitere: siehe Fristen
input-me_invalid = Ihr Name als Verantwortliche(r) darf höchstens { $max } Zeichen und keine Steuerzeichen enthalten.
input-bad_notify_days = „{ $given }“ ist keine Zahl von Tagen zwischen 0 und { $max } (0 schaltet die Benachrichtigungen aus).
deadline-kind-vcs-label = VCS-Label
deadline-kind-renewal = Erneuerung
deadline-kind-tisax-label = TISAX-Label
deadline-kind-corrective-action = Korrekturmaßnahme
deadline-kind-follow-up-audit = Follow-up-Audit
deadline-kind-evidence-review = Nachweisprüfung
deadline-kind-planned-audit = Geplantes Audit
error-file_unwritable = { $path } kann nicht geschrieben werden: { $detail }. Wählen Sie einen Ordner, in den Sie schreiben dürfen.
error-output_in_workspace = { $path } liegt im Arbeitsbereichsordner { $workspace }: dort zu schreiben würde die eigenen Dateien des Arbeitsbereichs überschreiben. Wählen Sie einen Ordner außerhalb des Arbeitsbereichs.
error-lock_not_a_file = { $path } ist eine Verknüpfung oder ein Ordner, nicht die einfache Sperrdatei, die CSMS Desk schreibt. Entfernen Sie sie (sie enthält nichts vom Arbeitsbereich) und öffnen Sie den Arbeitsbereich erneut.
io-not_found = sie existiert nicht (prüfen Sie den Pfad oder ob sie verschoben wurde)
io-permission_denied = Sie dürfen nicht darauf zugreifen (prüfen Sie die Berechtigungen)
io-invalid_filename = ihr Name ist auf diesem System nicht gültig (benennen Sie sie um)
io-link_loop = sie ist eine Verknüpfung, die auf sich selbst zurückführt (entfernen oder korrigieren Sie die Verknüpfung)
io-not_a_directory = ein Teil ihres Pfads ist eine Datei, kein Ordner
io-is_a_directory = sie ist ein Ordner, keine Datei
io-storage_full = der Datenträger ist voll (schaffen Sie Platz)
io-read_only = der Datenträger oder Ordner ist schreibgeschützt
io-already_exists = dort gibt es bereits etwas mit diesem Namen
io-busy = ein anderes Programm verwendet sie (schließen Sie dieses Programm)
io-too_large = sie ist größer, als dieser Datenträger erlaubt
io-network = das Netzlaufwerk hat nicht geantwortet (prüfen Sie die Verbindung)
io-damaged = ihr Inhalt ist beschädigt oder unvollständig
io-other = das Betriebssystem hat abgelehnt (Fehler { $code })
cli-error-internal = In CSMS Desk ist ein Fehler aufgetreten. Es wurde nichts gespeichert. Führen Sie den Befehl mit CSMSDESK_LOG=debug erneut aus, um die Einzelheiten zu sehen, und melden Sie sie bitte.
evidence-link_outside = { $path } ist eine Verknüpfung auf { $target }, außerhalb des Ordners { $folder }: sie wurde übersprungen. Um diese Datei bewusst hinzuzufügen, fügen Sie { $target } selbst hinzu.
catalogue-version_unknown = Die Version von { $file } lässt sich nicht lesen (das Blatt mit der Versionshistorie fehlt oder ist unlesbar) und kann daher nicht mit der aktuellen Version { $current } verglichen werden. Der Import würde Version { $current } als aktuellen Katalog ersetzen und { $scopes ->
        [one] { $scopes } Geltungsbereich
       *[other] { $scopes } Geltungsbereiche
    } darauf umstellen. Importieren Sie die Datei nur, wenn sie wirklich eine neuere Version desselben Katalogs ist: bestätigen Sie, um fortzufahren.
catalogue-replaces_unknown = { $file } hat die Version { $version }, aber die Version des aktuellen Katalogs lässt sich nicht lesen; die beiden können daher nicht verglichen werden. Der Import würde den aktuellen Katalog ersetzen und { $scopes ->
        [one] { $scopes } Geltungsbereich
       *[other] { $scopes } Geltungsbereiche
    } darauf umstellen. Bestätigen Sie, um fortzufahren.
catalogue-confirm_replace = Aktuellen Katalog ersetzen
cli-confirm_hint = Um fortzufahren, führen Sie denselben Befehl erneut mit --replace aus.
deadline-bad_kind = „{ $given }“ ist keine Art von Frist. Verwenden Sie vcs-label, renewal, tisax-label, corrective-action, follow-up-audit, evidence-review oder planned-audit.
cli-audit-added = Audit #{ $id } hinzugefügt ({ $kind }, Abschlussgespräch { $date }).
cli-finding-added = Feststellung #{ $id } hinzugefügt.
cli-action-added = Korrekturmaßnahme #{ $id } hinzugefügt.

# Audits, deadlines and labels (UI)
audit_kind-initial = Erstaudit
audit_kind-cap = CAP-Audit
audit_kind-follow-up = Follow-up-Audit
audit_phase-organisation = 1. Organisatorische Prüfung
audit_phase-organisation_hint = Erfüllt das CSMS die Anforderungen der Auditziele über alle Schutzobjekte und Standorte hinweg?
audit_phase-sampling = 2. Stichprobe der Schutzobjekte
audit_phase-sampling_hint = Der Auditor wählt die Stichprobe anhand dessen, was Phase 1 ergeben hat.
audit_phase-sample-check = 3. Stichprobenprüfung
audit_phase-sample-check_hint = Wurden die CSMS-Prozesse über den Lebenszyklus jedes Schutzobjekts der Stichprobe hinweg einheitlich angewandt?
phase_state-open = Offen
phase_state-in-progress = In Arbeit
phase_state-done = Erledigt
finding_type-major = Schwerwiegende Abweichung
finding_type-minor = Geringfügige Abweichung
finding_type-observation = Beobachtung
finding_type-improvement = Verbesserungspotenzial
action_status-open = Offen
action_status-in-progress = In Arbeit
action_status-done = Erledigt
action_status-verified = Bestätigt
label_kind-temporary = Temporär
label_kind-permanent = Dauerhaft
audits_ui-scope = Geltungsbereich
audits_ui-no_scopes = Audits gehören zu einem VCS-Geltungsbereich. Legen Sie zuerst einen Geltungsbereich an.
audits_ui-audits_of = Audits von { $scope }
audits_ui-none_yet = Für diesen Geltungsbereich ist noch kein Audit erfasst. Erfassen Sie unten das Erstaudit, sobald seine Termine feststehen.
audits_ui-col_kind = Audit
audits_ui-col_opening = Eröffnungsgespräch
audits_ui-col_closing = Abschlussgespräch
audits_ui-col_provider = Dienstleister und leitender Auditor
audits_ui-col_overall = Gesamtergebnis
audits_ui-add_heading = Audit erfassen
audits_ui-add_hint = Zuerst kommt das Erstaudit; ein CAP-Audit (Prüfung des Maßnahmenplans) und das Follow-up-Audit folgen. Vom Abschlussgespräch an zählen die Labels und alle Fristen.
audits_ui-kind = Auditart
audits_ui-kind_hint = CAP- und Follow-up-Audits setzen ein Erstaudit voraus.
audits_ui-provider = Auditdienstleister
audits_ui-lead_auditor = Leitender Auditor
audits_ui-opening = Eröffnungsgespräch
audits_ui-closing = Abschlussgespräch
audits_ui-closing_hint = Von diesem Datum an zählen die Labels und die Fristen der Korrekturmaßnahmen.
audits_ui-add = Audit erfassen
audits_ui-detail_title = { $kind }, Abschlussgespräch am { $date }
audits_ui-kind_explain_initial = Drei Phasen: organisatorische Prüfung, Auswahl der Stichprobe der Schutzobjekte und Stichprobenprüfung. Seine Ergebnisse entscheiden über die Labels.
audits_ui-kind_explain_cap = Prüft nach bedingtem Bestehen den Maßnahmenplan; ein bestätigter Plan bringt temporäre Labels.
audits_ui-kind_explain_follow_up = Bestätigt, dass alle Abweichungen behoben sind; dann ersetzen dauerhafte Labels die temporären.
audits_ui-overall = Gesamtergebnis
audits_ui-tally = Mit Ergebnis: { $done } von { $total ->
        [one] { $total } anwendbaren Frage
       *[other] { $total } anwendbaren Fragen
    }; { $conform } konform, { $minor ->
        [one] { $minor } geringfügige Abweichung
       *[other] { $minor } geringfügige Abweichungen
    }, { $major ->
        [one] { $major } schwerwiegende Abweichung
       *[other] { $major } schwerwiegende Abweichungen
    }.
audits_ui-edit_heading = Termine, Beteiligte, Phasen und Entscheidung
audits_ui-phases = Phasen des Erstaudits
audits_ui-decision_initial = Das Auditteam hat das Audit trotz bedingten Bestehens als nicht bestanden gewertet
audits_ui-decision_initial_hint = Wenn mehrere geringfügige Abweichungen auf ein systematisches Problem hindeuten. Dann gibt es keine Labels: Ein neues Erstaudit ist nötig.
audits_ui-decision_cap = Der Bericht des CAP-Audits bestätigt den Maßnahmenplan
audits_ui-decision_cap_hint = Nach bedingtem Bestehen bringt das temporäre Labels, gültig bis 9 Monate nach dem Abschlussgespräch des Erstaudits.
audits_ui-decision_follow_up = Das Follow-up-Audit bestätigt alle Abweichungen als behoben
audits_ui-decision_follow_up_hint = Dann folgen dauerhafte Labels, gerechnet ab dem Abschlussgespräch des Erstaudits.
audits_ui-decision_reason_initial = Begründung (nötig, wenn das Audit nicht bestanden wurde)
audits_ui-decision_note = Anmerkung
audits_ui-results = Ergebnisse je Kontrollfrage
audits_ui-results_hint = Geben Sie das Ergebnis des Auditors für jede anwendbare Frage ein und speichern Sie alle auf einmal. Das Gesamtergebnis zählt jede anwendbare Frage; ein Ergebnis muss zu den Feststellungen der Frage passen.
audits_ui-nothing_applies = Für diesen Geltungsbereich gilt keine Kontrollfrage.
audits_ui-col_question = Frage
audits_ui-col_result = Ergebnis
audits_ui-col_findings = Beschreibung der Feststellungen
audits_ui-col_save = Speichern
audits_ui-result_none = noch kein Ergebnis
audits_ui-result_of = Ergebnis der Frage { $id }
audits_ui-findings_of = Beschreibung der Feststellungen zu Frage { $id }
audits_ui-save_result_of = Ergebnis der Frage { $id } speichern
audits_ui-unsaved = Noch nicht gespeichert
audits_ui-na_questions = { $count ->
        [one] { $count } Frage ist
       *[other] { $count } Fragen sind
    } in diesem Geltungsbereich nicht anwendbar: { $ids }
audits_ui-na_hint = Sie nehmen kein Ergebnis an und zählen nicht zum Gesamtergebnis. Machen Sie eine Frage im Bildschirm Geltungsbereich anwendbar, falls der Auditor sie bewertet hat.
audits_ui-findings = Feststellungen und Korrekturmaßnahmen
audits_ui-no_findings = Keine Feststellungen erfasst.
audits_ui-more_findings = { $count ->
        [one] Nächste Feststellung zeigen ({ $shown } von { $total } angezeigt)
       *[other] Nächste { $count } Feststellungen zeigen ({ $shown } von { $total } angezeigt)
    }
audits_ui-for_object = Schutzobjekt: { $name }
audits_ui-actions_of = Korrekturmaßnahmen zu Feststellung { $id }
audits_ui-no_actions = Keine Korrekturmaßnahme.
audits_ui-no_actions_nonconformity = Noch keine Korrekturmaßnahme: Eine Abweichung braucht eine.
audits_ui-due_on = Fällig am { $date }
audits_ui-justification_shown = Begründung: { $text }
audits_ui-status_of = Status von „{ $text }“
audits_ui-add_action_heading = Korrekturmaßnahme hinzufügen
audits_ui-action_text = Was getan wird
audits_ui-action_owner = Verantwortlich
audits_ui-action_department = Abteilung
audits_ui-action_due = Fällig am
audits_ui-action_justification = Begründung
audits_ui-action_justification_hint = Erwartet bei einem Fälligkeitsdatum mehr als { $free ->
        [one] { $free } Monat
       *[other] { $free } Monate
    } nach dem Abschlussgespräch, Pflicht nach mehr als { $justified ->
        [one] einem Monat
       *[other] { $justified } Monaten
    }.
audits_ui-action_evidence = Nachweise (optional)
audits_ui-action_evidence_hint = Suchen Sie nach Titel, Dateiname, Art oder Verantwortlichem; mit Eingabe oder Klick wählen Sie einen oder mehrere.
audits_ui-add_action = Korrekturmaßnahme hinzufügen
audits_ui-action_added = Korrekturmaßnahme hinzugefügt.
audits_ui-due_limits = Ohne Begründung bis zum { $free }, mit Begründung bis zum { $justified }, nie nach dem { $max }.
audits_ui-due_expected = Nach dem { $date }: Eine Begründung wird erwartet; ohne sie wird die Maßnahme mit einer Warnung hinzugefügt.
audits_ui-due_required = Nach dem { $date }: Fügen Sie eine Begründung hinzu, sonst wird das Fälligkeitsdatum abgelehnt.
audits_ui-due_too_late = Nach dem { $date }: nicht zulässig, denn bis dahin müssen alle Abweichungen behoben sein.
audits_ui-add_finding_heading = Feststellung erfassen
audits_ui-finding_question = Kontrollfrage
audits_ui-finding_type = Art
audits_ui-finding_object = Schutzobjekt
audits_ui-finding_object_hint = Optional: das Schutzobjekt der Stichprobe, an dem die Abweichung gefunden wurde.
audits_ui-no_object = Keins (das CSMS als Ganzes)
audits_ui-finding_text = Feststellung
audits_ui-add_finding = Feststellung erfassen
audits_ui-finding_added = Feststellung erfasst.
audits_ui-import_heading = Ausgefüllte Arbeitsmappe des Dienstleisters übernehmen
audits_ui-import_hint = Liest die Ergebnisse, Beschreibungen der Feststellungen und Maßnahmen des Auditors aus der ausgefüllten ENX-Arbeitsmappe, die der Dienstleister zurückgibt. Sie sehen zuerst jede Änderung; jede Maßnahme wird zu einer Feststellung mit einer offenen Korrekturmaßnahme.
audits_ui-import_file = Ausgefüllte Arbeitsmappe
audits_ui-import_previewed = { $results ->
        [one] { $results } Ergebnis
       *[other] { $results } Ergebnisse
    } und { $measures ->
        [one] { $measures } Maßnahme
       *[other] { $measures } Maßnahmen
    } zu übernehmen. Noch ist nichts geändert: Prüfen Sie sie, dann übernehmen Sie sie.
audits_ui-import_applied = Übernommen: { $results ->
        [one] { $results } Ergebnis
       *[other] { $results } Ergebnisse
    } und { $measures ->
        [one] { $measures } Maßnahme
       *[other] { $measures } Maßnahmen
    } als Feststellungen mit Korrekturmaßnahmen.
audits_ui-import_measures = Maßnahmen ({ $count })
audits_ui-import_measures_hint = Jede wird zu einer Feststellung mit einer offenen Korrekturmaßnahme, fällig am Ende der Frist ohne Begründung.
labels_ui-heading = VCS-Labels
labels_ui-of_scope = VCS-Labels von { $scope }
labels_ui-none = Noch keine VCS-Labels.
labels_ui-valid_until = gültig bis { $date } ({ $countdown })
labels_ui-renew_heading = Erneuerungsaudit planen
labels_ui-renew_hint = Dauerhafte Labels werden durch ein neues Audit erneuert, das etwa ein Jahr vor ihrem Ablauf beginnt. Temporäre Labels können nie verlängert werden.
labels_ui-renew_date = Geplantes Datum des Erneuerungsaudits
labels_ui-renew = Erneuerungsaudit planen
labels_ui-renewed = Erneuerungsaudit für den { $date } geplant.
labels_ui-card_label = Label { $objective } von { $scope }
labels_ui-card_none_label = { $scope }: noch kein VCS-Label
labels_ui-no_label = Noch kein Label
labels_ui-days_left = { $days ->
        [one] Tag übrig
       *[other] Tage übrig
    }
labels_ui-days_since_expiry = { $days ->
        [one] Tag seit Ablauf
       *[other] Tage seit Ablauf
    }
labels_ui-expires_words = läuft { $countdown } ab
labels_ui-expired_words = abgelaufen { $countdown }
labels_ui-valid_range = Gültig vom { $from } bis zum { $until }
labels_ui-to_audits = Zu den Audits
deadlines_ui-filter = Fristen filtern
deadlines_ui-kind = Art
deadlines_ui-all_kinds = Alle Arten
deadlines_ui-scope = Geltungsbereich
deadlines_ui-all_scopes = Alle Geltungsbereiche
deadlines_ui-mine = Nur meine ({ $me })
deadlines_ui-mine_hint = Die, deren Verantwortliche(r) Ihren Namen enthält (Einstellungen → An diesem Arbeitsplatz).
deadlines_ui-owner = Verantwortlich
deadlines_ui-within = Fällig innerhalb von (Tagen)
deadlines_ui-within_hint = Leer zeigt alle; überfällige erscheinen immer.
deadlines_ui-within_bad = Geben Sie eine ganze Zahl von Tagen zwischen 0 und { $max } ein, oder lassen Sie das Feld leer.
deadlines_ui-summary = { $total ->
        [one] { $total } Frist
       *[other] { $total } Fristen
    }: { $overdue } überfällig, { $soon } weitere innerhalb von { $days ->
        [one] einem Tag
       *[other] { $days } Tagen
    } fällig.
deadlines_ui-none = Keine Fristen: Nichts ist fällig.
deadlines_ui-none_filtered = Keine Frist passt zum Filter.
deadlines_ui-col_due = Fällig
deadlines_ui-col_countdown = Restzeit
deadlines_ui-col_kind = Art
deadlines_ui-col_what = Was
deadlines_ui-col_scope = Geltungsbereich
deadlines_ui-col_owner = Verantwortlich
deadlines_ui-overdue = Überfällig
deadlines_ui-overdue_since = überfällig, fällig { $countdown }
deadlines_ui-export_heading = Kalenderexport
deadlines_ui-export_hint = Schreibt die Fristen, die der Filter zeigt, als iCalendar-Datei (.ics) für Outlook, Thunderbird oder jeden anderen Kalender.
deadlines_ui-ics_path = Kalenderdatei
deadlines_ui-choose = Auswählen …
deadlines_ui-export = Kalender exportieren
deadlines_ui-exporting = Der Kalender wird geschrieben …
deadlines_ui-exported = { $count ->
        [one] { $count } Frist
       *[other] { $count } Fristen
    } nach { $path } geschrieben.
deadlines_ui-next_heading = Nächste Fristen
deadlines_ui-all = Alle Fristen
settings-label_rules = Labels und Korrekturmaßnahmen
settings-label_rules_intro = Fristen in Monaten nach dem Abschlussgespräch des Erstaudits. ENX legt die 9 Monate der temporären Labels fest; die übrigen sind Annahmen, die Sie anpassen können.
settings-rule_permanent_months = Dauerhafte Labels gelten (Monate)
settings-rule_permanent_months_hint = Annahme: 36 Monate.
settings-rule_temporary_months = Temporäre Labels gelten (Monate)
settings-rule_temporary_months_hint = Von ENX festgelegt: 9 Monate.
settings-rule_renewal_months = Erneuerungsaudit so lange vor Ablauf beginnen (Monate)
settings-rule_renewal_months_hint = Annahme: 12 Monate.
settings-rule_free_months = Korrekturmaßnahmen ohne Begründung fällig innerhalb von (Monaten)
settings-rule_free_months_hint = Annahme: 3 Monate; ein späteres Fälligkeitsdatum erzeugt eine Warnung.
settings-rule_justified_months = Mit Begründung fällig innerhalb von (Monaten)
settings-rule_justified_months_hint = Annahme: 6 Monate.
settings-rule_max_months = Nie später fällig als (Monate)
settings-rule_max_months_hint = Annahme: 9 Monate; bis dahin müssen alle Abweichungen behoben sein.
settings-notify_days = Über Fristen benachrichtigen innerhalb von (Tagen)
settings-notify_days_hint = Eine Desktop-Benachrichtigung beim Start und einmal täglich; 0 schaltet sie aus.

# Packages and verification
package-bad_level = „{ $given }“ ist keine Paketstufe. Verwenden Sie full, A, A+labels oder A+labels+B.
package-no_folder = Der Ordner { $path } existiert nicht. Wählen Sie einen vorhandenen Ordner für das Paket.
package-out_is_folder = { $path } ist ein Ordner. Geben Sie den Namen der Paketdatei selbst an, zum Beispiel { $example }.
package-no_space = Das Paket braucht etwa { $needed_mib } MiB, aber auf { $path } sind nur { $available_mib } MiB frei. Schaffen Sie Platz oder wählen Sie einen anderen Datenträger.
package-audit_of_other_scope = Audit { $audit } ist kein Audit von Geltungsbereich { $scope }. Wählen Sie eines seiner Audits oder keines.
package-blobs_damaged = Die Tresorkopie dieser Nachweise fehlt oder ist beschädigt, daher wurde kein Paket geschrieben: { $items }. Fügen Sie sie erneut aus ihrer Quelle hinzu.
verify-not_a_zip = { $path } ist keine ZIP-Datei.
verify-not_ours = { $path } ist kein CSMS-Desk-Paket (es fehlt unsere SHA256SUMS oder manifest.json).
verify-unlisted = { $entry } ist im Paket, aber nicht in SHA256SUMS aufgeführt.
verify-missing = { $entry } ist in SHA256SUMS aufgeführt, fehlt aber im Paket.
verify-mismatch = { $entry } stimmt nicht mit seinem SHA-256 in SHA256SUMS überein: Die Datei wurde verändert.
verify-unreadable = { $entry } kann nicht aus dem Paket gelesen werden: Die Datei ist beschädigt.
verify-manifest_mismatch = Der SHA-256 im Manifest für { $entry } weicht von SHA256SUMS ab.
verify-unsafe_name = { $entry } ist kein Name, den CSMS Desk schreibt (er führt aus dem Ordner des Pakets hinaus, ist absolut, enthält einen Laufwerksbuchstaben, einen Backslash oder ein Zeichen, das nicht auf jedem System sicher ist): Entpackt könnte die Datei außerhalb des Ordners landen oder sich als eine andere ausgeben.
verify-folder = { $entry } ist ein Ordnereintrag; CSMS-Desk-Pakete enthalten nur Dateien.
verify-link = { $entry } ist ein symbolischer Link, den CSMS Desk nie schreibt: Entpackt könnte er auf jede Stelle der Festplatte zeigen.
verify-special = { $entry } ist ein Geräte-, Pipe- oder Socket-Eintrag; CSMS-Desk-Pakete enthalten nur gewöhnliche Dateien.
verify-duplicate = { $entry } steht mehr als einmal im Paket (Groß- und Kleinschreibung nicht unterschieden): Entpackprogramme zeigen nicht alle dieselbe Kopie.
verify-overlap = { $entry } teilt seine Bytes mit einem anderen Eintrag, was CSMS Desk nie schreibt (so entpackt eine kleine Datei zu einer riesigen); der Eintrag wurde nicht entpackt.
verify-sums_bad_line = Zeile { $line } von SHA256SUMS ist kein SHA-256 (64 Hexziffern in Kleinbuchstaben), gefolgt von zwei Leerzeichen und einem Dateinamen.
verify-sums_unsafe_name = SHA256SUMS führt { $entry } auf, einen Namen, den CSMS Desk nie schreibt.
verify-sums_duplicate = SHA256SUMS führt { $entry } mehr als einmal auf.
share-bad_level = „{ $given }“ ist keine Freigabestufe. Verwenden Sie A, A+labels oder A+labels+B (die Veröffentlichung kennt auch do-not-share).
share-date_missing = Geben Sie das Datum der Freigabe ein.
share-adds_nothing = Eine Freigabe auf Stufe { $level } bringt nichts: Der Geltungsbereich ist bereits für alle Teilnehmer auf Stufe { $publication } veröffentlicht.
package-bad_time = „{ $given }“ ist keine Zeitangabe. Schreiben Sie sie nach RFC 3339, zum Beispiel 2026-11-25T10:00:00Z.
cli-package-written = { $path } geschrieben ({ $files ->
        [one] { $files } Eintrag
       *[other] { $files } Einträge
    }, SHA-256 { $sha256 }).
cli-verify-ok = Unverändert: { $entries ->
        [one] Der eine Eintrag stimmt
       *[other] Alle { $entries } Einträge stimmen
    } mit SHA256SUMS überein.
error-cancelled = Abgebrochen: Es wurde nichts geschrieben.

# Export screen (UI)
export_ui-scope = Geltungsbereich
export_ui-no_scopes = Noch kein Geltungsbereich
export_ui-no_scopes_hint = Legen Sie zuerst einen Geltungsbereich an (Seite Geltungsbereich); Pakete und Freigaben gelten je Geltungsbereich.
export_ui-summary_readiness = Bereitschaft { $percent } %
export_ui-summary_predicted = erwartetes Ergebnis: { $result }
export_ui-summary_requirements = { $covered } von { $total ->
        [one] { $total } Anforderung
       *[other] { $total } Anforderungen
    } abgedeckt, { $needs_review } zu prüfen, { $missing ->
        [one] { $missing } fehlt
       *[other] { $missing } fehlen
    }
export_ui-package_heading = Paket schreiben
export_ui-package_hint = Eine ZIP-Datei mit manifest.json, SHA256SUMS und einem lesbaren Verzeichnis, sodass der Empfänger prüfen kann, dass nichts verändert wurde.
export_ui-level = Paketstufe
export_ui-level_full = Vollständig: alles einschließlich der Nachweisdateien, für Ihren Auditor
export_ui-level_a = A: Geltungsbereich, Ziele, Standorte, Prüfdienstleister und Audittermine
export_ui-level_a_labels = A + Labels: Stufe A und die TISAX-Labels
export_ui-level_a_labels_b = A + Labels + B: zusätzlich die Auditergebnisse
export_ui-level_full_hint = Das Einreichungspaket für den Prüfdienstleister: Geltungsbereich, Selbsteinschätzung, ausgefüllte Arbeitsmappe und alle Nachweisdateien.
export_ui-level_a_hint = Für Partner: Geltungsbereich, Ziele, Standorte, Prüfdienstleister und Audittermine. Nie Nachweisdateien oder interne Texte.
export_ui-level_a_labels_hint = Für Partner: Stufe A und die Labels mit ihrer Gültigkeit. Nie Nachweisdateien oder interne Texte.
export_ui-level_a_labels_b_hint = Für Partner: Stufe A, die Labels und die Ergebnisse des Audits. Nie Nachweisdateien oder interne Texte.
export_ui-path = Paket speichern unter
export_ui-path_hint = Eine .zip-Datei in einem vorhandenen Ordner; „Auswählen …“ öffnet den Speichern-Dialog.
export_ui-path_missing = Wählen Sie, wo das Paket gespeichert werden soll.
export_ui-not_written = Es wurde kein Paket geschrieben: siehe die Meldung am Pfad.
export_ui-choose = Auswählen …
export_ui-run = Paket schreiben
export_ui-running = Das Paket wird geschrieben …
export_ui-done = Paket nach { $path } geschrieben ({ $files ->
        [one] { $files } Datei
       *[other] { $files } Dateien
    }).
export_ui-sha256 = SHA-256:
export_ui-progress_label = Paket wird geschrieben
export_ui-progress_starting = Wird gestartet …
export_ui-progress_files = { $done } von { $total ->
        [one] { $total } Datei
       *[other] { $total } Dateien
    }
export_ui-progress_bytes = { $done } von { $total }
export_ui-cancel = Abbrechen
export_ui-verify_heading = Paket prüfen
export_ui-verify_hint = Prüft jede Datei eines Pakets gegen dessen SHA256SUMS, zum Beispiel ein erhaltenes oder ein zu versendendes Paket.
export_ui-verify_path = Paketdatei
export_ui-verify_path_missing = Wählen Sie das zu prüfende Paket.
export_ui-verify_run = Prüfen
export_ui-verify_running = Das Paket wird geprüft …
export_ui-verify_ok = Unverändert: { $entries ->
        [one] Der eine Eintrag stimmt
       *[other] Alle { $entries } Einträge stimmen
    } mit SHA256SUMS überein.
export_ui-verify_bad = Verändert oder beschädigt: { $count ->
        [one] { $count } Problem
       *[other] { $count } Probleme
    } bei { $entries ->
        [one] { $entries } Eintrag
       *[other] { $entries } Einträgen
    }.
export_ui-sharing_heading = Veröffentlichung und Freigaben von { $scope }
export_ui-sharing_hint = Die Veröffentlichungsstufe gilt für alle Teilnehmer; eine Freigabe gewährt einem einzelnen Teilnehmer eine eigene Stufe.
export_ui-publication = Veröffentlichungsstufe
export_ui-publication_hint = „Nicht teilen“ gibt den Geltungsbereich niemandem frei, außer Sie geben ihn unten einem einzelnen Teilnehmer frei.
export_ui-publication_save = Speichern
export_ui-publication_saved = Veröffentlichung gespeichert: { $level }.
export_ui-share_level_do_not_share = Nicht teilen
export_ui-share_level_a = A: Geltungsbereich, Ziele, Standorte, Prüfdienstleister, Audittermine
export_ui-share_level_a_labels = A + Labels
export_ui-share_level_a_labels_b = A + Labels + B (Auditergebnisse)
export_ui-sharings_heading = Freigegeben für
export_ui-sharings_caption = Freigaben von { $scope }
export_ui-sharings_none = Noch für niemanden freigegeben.
export_ui-col_partner = Partner
export_ui-col_participant_id = Teilnehmer-ID
export_ui-col_level = Stufe
export_ui-col_date = Datum
export_ui-col_actions = Korrigieren
export_ui-sharing_edit = Diesen Eintrag korrigieren
export_ui-sharing_remove = Eintrag löschen
export_ui-sharing_remove_hint = Eine Freigabe bei ENX lässt sich nicht zurücknehmen: Löschen entfernt nur diesen Eintrag, für eine versehentlich erfasste Freigabe.
export_ui-sharing_really_remove = Versehentlich erfasst? Eintrag zu { $partner } löschen (bei ENX bleibt die Freigabe)
export_ui-col_scope = Geltungsbereich
export_ui-col_generated = Geschrieben am
export_ui-col_path = Datei
export_ui-col_sha256 = SHA-256
export_ui-sharing_add_heading = Für einen Teilnehmer freigeben
export_ui-sharing_form = Für einen Teilnehmer freigeben
export_ui-partner = Partner
export_ui-participant_id = Teilnehmer-ID
export_ui-participant_id_hint = Die ENX-Participant-ID des Partners (ein Buchstabe und 5 bis 8 Buchstaben oder Ziffern): Eine Freigabe nennt genau einen Teilnehmer.
export_ui-sharing_level = Stufe
export_ui-date = Freigegeben am
export_ui-date_hint = Leer bedeutet heute.
export_ui-sharing_add = Freigeben
export_ui-sharing_added = Für { $partner } freigegeben.
export_ui-history_heading = Geschriebene Pakete
export_ui-history_none = Noch kein Paket geschrieben.
export_ui-audit = Für welches Audit
export_ui-audit_all = Alle Audits des Geltungsbereichs
export_ui-audit_hint = Wählen Sie ein Audit, um das Paket dafür festzuschreiben: Nur dessen Ergebnisse, Feststellungen und Korrekturmaßnahmen kommen hinein.

# Vertrauen: schreibgeschützt, Journal, Prüfung, Sicherung und Wiederherstellung
error-read_only = Dieser Arbeitsbereich ist schreibgeschützt geöffnet: Es wurde nichts geändert. Um Änderungen vorzunehmen, öffnen Sie ihn normal, sobald kein anderes CSMS-Desk-Fenster und kein Befehl ihn hält.
error-older_schema = Der Arbeitsbereich { $path } wurde von einem älteren CSMS Desk geschrieben (Schema { $found }, dieser Build nutzt { $supported }); schreibgeschützt lässt er sich erst öffnen, nachdem er einmal zum Schreiben geöffnet wurde. Schließen Sie das Programm, das ihn hält, und öffnen Sie ihn normal.
journal-edited = Eintrag { $seq } wurde nach dem Schreiben geändert: Sein Inhalt passt nicht mehr zu seinem Siegel.
journal-unsealed = Eintrag { $seq } hat kein Siegel: Er wurde außerhalb von CSMS Desk hinzugefügt.
journal-deleted_one = Eintrag { $seq } wurde entfernt.
journal-deleted = Die Einträge { $first } bis { $last } wurden entfernt.
journal-inserted = Eintrag { $seq } wurde nachträglich eingefügt: Der Eintrag danach verweist an ihm vorbei.
journal-replaced = Eintrag { $seq } verweist nicht auf den Eintrag davor: Jener wurde geändert und neu versiegelt, oder Einträge wurden entfernt und neu nummeriert.
journal-tail_deleted = Das Journal endet bei Eintrag { $last }, hatte aber Eintrag { $head } erreicht: Die neuesten Einträge wurden entfernt.
journal-head_mismatch = Das vermerkte Ende des Journals (Eintrag { $seq }) passt nicht zu seinem letzten Eintrag: Einträge am Ende wurden geändert.
check-blob_missing = Die Tresorkopie { $sha256 } fehlt ({ $path }). Stellen Sie den Arbeitsbereich aus einer Sicherung wieder her oder fügen Sie die Datei erneut als Nachweis hinzu.
check-blob_damaged = Die Tresorkopie { $sha256 } passt nicht mehr zu ihrem SHA-256 ({ $path }): Sie wurde verändert oder beschädigt. Stellen Sie den Arbeitsbereich aus einer Sicherung wieder her oder fügen Sie die Datei erneut als Nachweis hinzu.
check-blob_unreadable = Die Tresorkopie { $sha256 } lässt sich nicht lesen ({ $path }: { $detail }).
cli-journal-ok = Journal unversehrt: { $entries ->
        [one] { $entries } Eintrag
       *[other] { $entries } Einträge
    }, jeder versiegelt und verkettet; neuestes Siegel { $hash }.
cli-check-database_ok = Datenbank: Die Integritätsprüfung von SQLite fand nichts.
cli-check-database_problem = Datenbank: { $detail }
cli-check-vault_ok = Tresor: { $count ->
        [one] Der eine Inhalt passt zu seinem SHA-256
       *[other] Alle { $count } Inhalte passen zu ihrem SHA-256
    }.
cli-backup-written = Sicherung nach { $path } geschrieben: die Datenbank und { $blobs ->
        [one] { $blobs } Tresorinhalt
       *[other] { $blobs } Tresorinhalte
    } ({ $mib } MiB), SHA-256 { $sha256 }.
cli-restore-done = Nach { $path } wiederhergestellt: die Sicherung vom { $created_at } mit { $blobs ->
        [one] { $blobs } Tresorinhalt
       *[other] { $blobs } Tresorinhalten
    }, jedes Byte geprüft.
cli-restore-checked = Die Sicherung vom { $created_at } ist unversehrt: jedes Byte und { $blobs ->
        [one] ihren { $blobs } Tresorinhalt
       *[other] ihre { $blobs } Tresorinhalte
    } geprüft, nichts wiederhergestellt.
cli-restore-needs_workspace = Geben Sie den Ordner des neuen Arbeitsbereichs mit --workspace DIR an (fehlend oder leer).
backup-no_space = Die Sicherung braucht { $needed_mib } MiB, in { $path } sind aber nur { $available_mib } MiB frei. Schaffen Sie Platz oder wählen Sie einen anderen Datenträger.
backup-no_parent = Den Ordner { $path } gibt es nicht. Legen Sie ihn an oder wählen Sie einen anderen Ort.
backup-not_a_backup = { $path } ist keine CSMS-Desk-Sicherung (keine backup.json und SHA256SUMS in einer ZIP-Datei). Wählen Sie die Datei, die „Sichern“ oder csmsdesk-cli backup geschrieben hat.
backup-newer_format = { $path } wurde von einem neueren CSMS Desk geschrieben (Sicherungsformat { $found }; dieses liest bis { $supported }). Aktualisieren Sie CSMS Desk, um sie wiederherzustellen.
backup-unexpected_entry = Die Sicherung enthält { $entry }, was keine CSMS-Desk-Sicherung enthält: Sie wurde von etwas anderem verändert und wird nicht wiederhergestellt.
backup-database_damaged = Die Datenbank in der Sicherung ist beschädigt ({ $detail }); nichts wurde wiederhergestellt. Verwenden Sie eine ältere Sicherung.
backup-duplicate_entry = Die Sicherung enthält { $entry } mehr als einmal: Sie wurde von etwas anderem verändert. Nichts wurde wiederhergestellt.
backup-not_a_database = Die Sicherung { $path } enthält keine CSMS-Desk-Datenbank: Ihre workspace.sqlite ist keine SQLite-Datenbank. Nichts wurde wiederhergestellt. Verwenden Sie eine andere Sicherung.
backup-foreign_database = Die Sicherung { $path } enthält die Datenbank eines anderen Programms, nicht die von CSMS Desk. Nichts wurde wiederhergestellt. Wählen Sie die Datei, die „Sichern“ oder csmsdesk-cli backup geschrieben hat.
backup-newer_schema = Die Sicherung { $path } enthält die Datenbank eines neueren CSMS Desk (Schemaversion { $found }; dieses kennt bis { $supported }). Nichts wurde wiederhergestellt. Aktualisieren Sie CSMS Desk, um sie wiederherzustellen.
backup-database_unreadable = Die Datenbank in der Sicherung { $path } lässt sich nicht lesen: Sie ist beschädigt. Nichts wurde wiederhergestellt. Verwenden Sie eine ältere Sicherung.
backup-schema_extra = Die Datenbank der Sicherung enthält etwas, das CSMS Desk nicht anlegt: { $kind } '{ $name }'. { $path } wurde von etwas anderem verändert; nichts wurde wiederhergestellt.
backup-schema_missing = Der Datenbank der Sicherung fehlt etwas, das CSMS Desk anlegt: { $kind } '{ $name }'. { $path } wurde von etwas anderem verändert; nichts wurde wiederhergestellt.
backup-schema_changed = Die Datenbank der Sicherung enthält etwas anders, als CSMS Desk es anlegt: { $kind } '{ $name }'. { $path } wurde von etwas anderem verändert; nichts wurde wiederhergestellt.
backup-schema_setting = Die Datenbank der Sicherung hat { $setting } = { $found }, CSMS Desk legt { $expected } an: { $path } wurde von etwas anderem verändert. Nichts wurde wiederhergestellt.
backup-object_table = Tabelle
backup-object_index = Index
backup-object_trigger = Trigger
backup-object_view = Sicht
backup-sizes_differ = Die Datenbank der Sicherung verzeichnet für den Inhalt { $sha256 } mehr als eine Größe: Sie wurde von etwas anderem verändert. Nichts wurde wiederhergestellt.
backup-unreferenced_entry = Die Sicherung enthält { $entry }, worauf ihre Datenbank nicht verweist: Es wurde von etwas anderem hinzugefügt. Nichts wurde wiederhergestellt.
backup-entry_size = Die Sicherung gibt { $entry } mit { $declared ->
        [one] { $declared } Byte
       *[other] { $declared } Bytes
    } an, ihre Datenbank verzeichnet aber { $recorded ->
        [one] { $recorded } Byte
       *[other] { $recorded } Bytes
    }: Sie wurde von etwas anderem verändert. Nichts wurde wiederhergestellt.
backup-entry_too_long = { $entry } ergibt entpackt mehr als die { $declared } Bytes, die die Sicherung angibt: Sie wurde von etwas anderem verändert. Nichts wurde wiederhergestellt.
backup-restore_no_space = Das Entpacken der Sicherung { $path } braucht { $needed_mib } MiB, in { $folder } sind aber nur { $available_mib } MiB frei. Schaffen Sie Platz oder wählen Sie einen anderen Datenträger.
history-bad_before = Die Eintragsnummer zum Zurückblättern muss 1 oder größer sein.
history-bad_table = Der Tabellenfilter muss ein Tabellenname des Journals sein (Kleinbuchstaben und _).
history-bad_user = Die Person, nach der gefiltert werden soll, ist zu lang oder enthält Steuerzeichen.
history-filter_user = Person
history-filter_user_all = Alle
history-bad_limit = Eine Seite enthält 1 bis { $max } Einträge.
list-bad_limit = { $given } Zeilen passen nicht auf eine Seite: Eine Seite umfasst 0 bis { $max } Zeilen.
list-bad_direction = „{ $given }“ ist keine Sortierrichtung. Verwenden Sie asc oder desc.
list-bad_sort = Nach „{ $given }“ kann nicht sortiert werden. Verwenden Sie eine dieser Spalten: { $columns }.
cli-list-page = Zeilen { $first } bis { $last } von { $total }.
cli-list-past_end = Keine Zeilen ab { $from }: Die Liste hat { $total ->
        [one] { $total } Zeile
       *[other] { $total } Zeilen
    }.
pager-label = Seiten der Liste
pager-range = { $first }–{ $last } von { $total }
pager-previous = Zurück
pager-next = Weiter

# Verlauf, Sicherung und Wiederherstellung (UI)
nav-history = Verlauf
history-title = Verlauf
history-intro = Jede Änderung an diesem Arbeitsbereich, die neueste zuerst: wann, von wem, woher (aus der App oder von einem csmsdesk-cli-Befehl) und was sich geändert hat. Jeder Eintrag ist mit einem SHA-256 versiegelt, der ihn mit dem vorigen verkettet; wird später etwas geändert, eingefügt oder entfernt, zeigt das die Prüfung des Journals.
history-filter = Anzeigen
history-filter_all = Alle Tabellen
history-col_seq = Nr.
history-col_time = Zeit
history-col_user = Benutzer
history-col_source = Quelle
history-col_change = Was
history-col_details = Vorher → nachher
history-op_insert = hinzugefügt
history-op_update = geändert
history-op_delete = entfernt
history-more = Ältere Einträge
history-more_columns = { $count } weitere
history-loading = Einträge werden geladen …
history-empty = Noch keine Einträge: Änderungen erscheinen hier, sobald sie vorgenommen werden.
history-empty_filtered = Keine Einträge für diese Tabelle.
history-shown = { $count ->
        [one] { $count } Eintrag
       *[other] { $count } Einträge
    } angezeigt.
history-shown_all = { $count ->
        [one] { $count } Eintrag angezeigt: Das ist der einzige
       *[other] { $count } Einträge angezeigt: Das sind alle
    }.
history-seal = Siegel { $hash }
history-verify = Journal prüfen
history-verify_heading = Das Journal prüfen
history-verify_hint = Berechnet jedes Siegel neu und prüft, dass jeder Eintrag auf den vorigen verweist und das Journal dort endet, wo es zuletzt endete. Dabei wird nichts geändert.
history-verify_running = Wird geprüft …
history-verify_ok = Journal unversehrt: { $entries ->
        [one] { $entries } Eintrag
       *[other] { $entries } Einträge
    }, jeder versiegelt und verkettet; neuestes Siegel { $hash } (Eintrag { $seq }).
history-verify_empty = Das Journal ist leer: Es wurde noch nichts geändert.
history-verify_bad = Das Journal wurde außerhalb von CSMS Desk verändert: { $count ->
        [one] { $count } Problem
       *[other] { $count } Probleme
    } in { $entries ->
        [one] { $entries } Eintrag
       *[other] { $entries } Einträgen
    }. Wenn das niemand bei Ihnen war, stellen Sie den Arbeitsbereich aus einer Sicherung wieder her (Einstellungen).
history-table-audit = Audit
history-table-audit_result = Auditergebnis
history-table-catalogue = Katalog
history-table-catalogue_chapter = Katalogkapitel
history-table-catalogue_group_5112 = ISO/PAS-5112-Gruppe
history-table-company_profile = Unternehmensprofil
history-table-control_question = Kontrollfrage
history-table-corrective_action = Korrekturmaßnahme
history-table-corrective_action_evidence = Nachweis einer Korrekturmaßnahme
history-table-evidence = Nachweis
history-table-evidence_link = Nachweisverknüpfung
history-table-evidence_version = Nachweisversion
history-table-finding = Feststellung
history-table-location = Standort
history-table-location_label = TISAX-Label eines Standorts
history-table-package_export = Geschriebenes Paket
history-table-protection_object = Schutzobjekt
history-table-protection_object_location = Standort eines Schutzobjekts
history-table-protection_object_objective = Auditziel eines Schutzobjekts
history-table-readiness_history = Täglicher Bereitschaftsstand
history-table-requirement = Anforderung
history-table-requirement_reference = Verweis einer Anforderung
history-table-sample = Stichprobe
history-table-sample_check = Stichprobenprüfung
history-table-scope = Geltungsbereich
history-table-scope_assessment = Selbstbewertung
history-table-scope_deviation = Abweichung
history-table-scope_location = Standort eines Geltungsbereichs
history-table-scope_objective = Auditziel eines Geltungsbereichs
history-table-scope_publication = Veröffentlichung
history-table-scope_question = Anwendbarkeit
history-table-member_change = Mitglied
history-table-scope_sharing = Freigabe
history-table-setting = Einstellung
history-table-workspace_meta = Angaben zum Arbeitsbereich
backup_ui-title = Sicherung und Wiederherstellung
backup_ui-intro = Eine Sicherung ist eine Datei mit einer stimmigen Kopie der Datenbank, allen Tresorinhalten, auf die sie verweist, und einer Liste SHA256SUMS (eine ZIP-Datei: Entpacken Sie sie und prüfen Sie sie mit sha256sum -c, auch ohne CSMS Desk). Sie wird aus einer Momentaufnahme geschrieben; Sie können währenddessen weiterarbeiten.
backup_ui-backup_heading = Sichern
backup_ui-path = Sicherungsdatei
backup_ui-path_hint = Am besten auf einem anderen Datenträger oder Netzlaufwerk, damit sie einen Ausfall dieses Datenträgers übersteht. Eine Datei gleichen Namens wird ersetzt.
backup_ui-path_missing = Geben Sie an, wohin die Sicherung geschrieben werden soll, oder wählen Sie einen Ort.
backup_ui-choose = Auswählen …
backup_ui-start = Jetzt sichern
backup_ui-running = Die Sicherung wird geschrieben …
backup_ui-progress = Sicherung wird geschrieben
backup_ui-restore_progress = Sicherung wird wiederhergestellt
backup_ui-progress_starting = Wird gestartet …
backup_ui-progress_files = { $done } von { $total ->
        [one] { $total } Datei
       *[other] { $total } Dateien
    }
backup_ui-progress_bytes = { $done } von { $total }
backup_ui-cancel = Abbrechen
backup_ui-done = Sicherung geschrieben.
backup_ui-file = Datei
backup_ui-size = Größe
backup_ui-sha256 = SHA-256
backup_ui-contents = Inhalt
backup_ui-contents_value = die Datenbank, { $blobs ->
        [one] { $blobs } Tresorinhalt
       *[other] { $blobs } Tresorinhalte
    }, { $entries ->
        [one] { $entries } Journaleintrag
       *[other] { $entries } Journaleinträge
    }
backup_ui-created = Erstellt am
backup_ui-restore_heading = Wiederherstellen
backup_ui-restore_hint = Beim Wiederherstellen entsteht aus einer Sicherung ein neuer Arbeitsbereich in einem Ordner, den es noch nicht gibt oder der leer ist; der geöffnete Arbeitsbereich bleibt unberührt. Jedes Byte wird mit den Prüfsummen der Sicherung verglichen, bevor der neue Arbeitsbereich erscheint.
backup_ui-restore_file = Sicherungsdatei
backup_ui-restore_file_missing = Geben Sie die Sicherungsdatei an oder wählen Sie sie aus.
backup_ui-restore_target = Ordner für den wiederhergestellten Arbeitsbereich
backup_ui-restore_target_hint = Ein Ordner, den es noch nicht gibt oder der leer ist.
backup_ui-restore_target_missing = Geben Sie den Ordner für den wiederhergestellten Arbeitsbereich an oder wählen Sie einen aus.
backup_ui-restore_start = Wiederherstellen
backup_ui-restore_running = Wird wiederhergestellt und geprüft …
backup_ui-restore_done = Wiederhergestellt: Jedes Byte wurde geprüft.
backup_ui-restore_workspace = Neuer Arbeitsbereich
backup_ui-restore_schema = Schemaversion
backup_ui-restore_journal = Journal
backup_ui-restore_open = Wiederhergestellten Arbeitsbereich öffnen
backup_ui-check_heading = Den Arbeitsbereich prüfen
backup_ui-check_hint = Führt die Integritätsprüfung von SQLite für die Datenbank aus, berechnet den SHA-256 jedes Tresorinhalts neu und prüft das Journal. Dabei wird nichts geändert; bei einem großen Tresor dauert das eine Weile.
backup_ui-check_start = Arbeitsbereich prüfen
backup_ui-check_running = Wird geprüft …
backup_ui-check_ok = Alles geprüft: keine Probleme gefunden.
backup_ui-check_bad = Die Prüfung hat Probleme gefunden. Stellen Sie den Arbeitsbereich aus einer Sicherung wieder her oder folgen Sie dem Hinweis zu jedem Problem.
backup_ui-check_database_ok = Datenbank: Die Integritätsprüfung von SQLite fand nichts.
backup_ui-check_database_bad = Datenbank: Die Integritätsprüfung von SQLite meldet { $count ->
        [one] { $count } Problem
       *[other] { $count } Probleme
    }.
backup_ui-check_vault_ok = Tresor: { $count ->
        [one] Der eine Inhalt passt zu seinem SHA-256
       *[other] Alle { $count } Inhalte passen zu ihrem SHA-256
    }.
backup_ui-check_vault_bad = Tresor: { $count } von { $checked ->
        [one] { $checked } Inhalt
       *[other] { $checked } Inhalten
    } { $count ->
        [one] hat Probleme
       *[other] haben Probleme
    }.
backup_ui-check_journal_ok = Journal: unversehrt, { $entries ->
        [one] { $entries } Eintrag
       *[other] { $entries } Einträge
    }; neuestes Siegel { $hash } (Eintrag { $seq }).
backup_ui-check_journal_empty = Journal: leer, es wurde noch nichts geändert.
backup_ui-check_journal_bad = Journal: { $count ->
        [one] { $count } Problem
       *[other] { $count } Probleme
    } in { $entries ->
        [one] { $entries } Eintrag
       *[other] { $entries } Einträgen
    }; es wurde außerhalb von CSMS Desk verändert.
backup_ui-needs_workspace = Sichern und Prüfen brauchen einen geöffneten Arbeitsbereich; Wiederherstellen geht auch ohne.
read_only-banner_title = Schreibgeschützt geöffnet
read_only-banner = Ein anderes CSMS-Desk-Fenster oder ein csmsdesk-cli-Befehl hält diesen Arbeitsbereich, daher zeigt dieses Fenster ihn nur an: Jede Änderung wird abgelehnt. Um Änderungen vorzunehmen, schließen Sie das andere Programm und starten Sie CSMS Desk neu.
read_only-open = Schreibgeschützt öffnen
read_only-open_hint = Den Arbeitsbereich ansehen, ohne etwas zu ändern, solange das andere Programm ihn hält.
members-title = Mitglieder
members-intro = Wer diesen Arbeitsbereich auf dem PostgreSQL-Server nutzen darf, und wie: Ein Betrachter sieht alles und ändert nichts, ein Bearbeiter ändert Datensätze, ein Admin verwaltet auch die Mitglieder. PostgreSQL selbst setzt das durch, für diese App, die Kommandozeile und jedes andere Werkzeug gleichermaßen.
members-you = Sie sind angemeldet als { $role }.
members-admins_only = Nur ein Admin darf Mitglieder hinzufügen oder entfernen.
members-name = Datenbankbenutzer
members-name_hint = Das Mitglied meldet sich mit diesem PostgreSQL-Benutzer an. Einen Benutzer, den der Server noch nicht hat, legt die App an.
members-role = Rolle
members-role_hint = Betrachter: sieht nur. Bearbeiter: ändert Datensätze. Admin: verwaltet auch die Mitglieder.
members-password = Passwort für einen neuen Benutzer
members-password_hint = Nur für einen Benutzer, den der Server noch nicht hat; es wird als SCRAM-Prüfwert gesendet, nie im Klartext, und nicht gespeichert. Lassen Sie es leer, wenn Ihre IT-Abteilung Passwörter vergibt.
members-add = Hinzufügen oder ändern
members-added = { $name } ist jetzt Mitglied als { $role }.
members-remove = Entfernen
members-remove_named = { $name } entfernen
members-remove_confirm = { $name } aus den Mitgliedern dieses Arbeitsbereichs entfernen? Der Datenbankbenutzer selbst bleibt auf dem Server.
members-removed = { $name } ist kein Mitglied mehr.
read_only-banner_viewer = Sie sind Betrachter dieses Arbeitsbereichs: Sie sehen alles, und der Server lehnt jede Änderung ab. Bitten Sie einen Admin des Arbeitsbereichs (Einstellungen → Mitglieder) um die Rolle Bearbeiter.
error-not_a_file = { $path } ist ein Ordner oder eine Sonderdatei (etwa eine Pipe), keine Datei. Wählen Sie die Datei selbst.

# The package's report (index.html), its warnings before writing, and the workbook's notes
report-title = { $scope } – Auditpaket
report-not_set = nicht angegeben
report-none = Keine.
report-company = Unternehmen
report-participant_id = Participant-ID
report-level = Paket
report-level_full = Vollständiges Paket für den Audit-Dienstleister
report-level_a = Partnerpaket, Stufe A
report-level_a_labels = Partnerpaket, Stufe A + Labels
report-level_a_labels_b = Partnerpaket, Stufe A + Labels + B
report-generated = Erstellt
report-workbook = Arbeitsmappe
report-workbook_filled_original = die importierte ENX-Arbeitsmappe, ausgefüllt
report-workbook_generated = im ENX-Layout erzeugt
report-footer = Geschrieben von { $product }. Prüfen Sie jede Datei gegen SHA256SUMS, zum Beispiel mit „sha256sum -c SHA256SUMS“ im entpackten Ordner.
report-scope = Geltungsbereich
report-scope_name = VCS-Geltungsbereich
report-enx_scope_id = ENX-Scope-ID
report-objectives = Auditziele
report-objective = Auditziel
report-provider = Audit-Dienstleister
report-planned = Geplanter Audittermin
report-catalogue = Katalog
report-locations = Standorte
report-location = Standort
report-tisax_scope_id = TISAX-Scope-ID
report-tisax_labels = TISAX-Labels
report-tisax_label = { $label } (AL{ $level }), gültig bis { $expires }
report-protection_objects = Schutzobjekte und Stichproben
report-po_name = Schutzobjekt
report-po_item = Item oder Komponente
report-po_customer = Kunde
report-samples = Stichproben
report-sample_population = Relevante Schutzobjekte
report-sample_suggested = Vorgeschlagene Stichprobengröße
report-sample_chosen = Gewählte Stichprobe
report-readiness = Bereitschaft
report-readiness_line = { $percent } % der anwendbaren Anforderungen sind abgedeckt: { $covered } abgedeckt, { $needs_review } zu prüfen, { $missing } fehlen.
report-predicted = Voraussichtliches Ergebnis der Selbstbewertung: { $result }
report-self_assessment = Selbstbewertung
report-question = Kontrollfrage
report-implementation = Umsetzung
report-reference = Referenzdokumentation
report-justification = Begründungen
report-na = Nicht anwendbar: { $justification }
report-deviation = Abweichung von { $requirement }: { $justification }
report-audits = Audits
report-audit = Audit
report-opening = Eröffnungsgespräch
report-closing = Abschlussgespräch
report-phases = Phasen
report-results = Auditergebnisse
report-results_of = { $kind }, Abschlussgespräch am { $date }: Gesamtergebnis { $overall }
report-audit_result = Ergebnis des Auditors
report-findings = Feststellungen
report-number = Nr.
report-finding_type = Art
report-finding = Feststellung
report-actions = Korrekturmaßnahmen
report-for_finding = Zur Feststellung
report-action = Korrekturmaßnahme
report-due_justification = Frist begründet: { $justification }
report-owner = Verantwortlich
report-department = Abteilung
report-due = Fällig
report-status = Status
report-labels = VCS-Labels
report-label_kind = Art
report-valid_from = Gültig ab
report-expires = Läuft ab
report-evidence_index = Nachweise je Anforderung
report-requirement = Anforderung
report-state = Stand
report-evidence = Nachweise
report-evidence_files = Nachweisdateien
report-versions_reviewed = Nachweise, die seit ihrer letzten Prüfung geändert wurden, sind in der geprüften Version enthalten.
report-versions_newest = Jede Nachweisdatei ist in ihrer neuesten Version enthalten, geprüft oder nicht.
report-file = Datei
report-classification = Klassifizierung
report-version = Version
report-review = Prüfung
report-reviewed = Geprüft von { $by } am { $date }
report-reviewed_unknown = Geprüft
report-not_reviewed = Nicht geprüft: Diese Version wurde noch nicht geprüft
report-newer_version = Es gibt eine neuere Version { $latest }, die noch nicht geprüft wurde.
report-sha256 = SHA-256
report-journal = Änderungsprotokoll
report-journal_ok = { $path } enthält { $entries ->
        [one] { $entries } aufgezeichnete Änderung
       *[other] { $entries } aufgezeichnete Änderungen
    }; die Kette der Hashes war beim Schreiben des Pakets intakt.
report-journal_broken = { $path } enthält { $entries ->
        [one] { $entries } aufgezeichnete Änderung
       *[other] { $entries } aufgezeichnete Änderungen
    }; die Kette der Hashes war beim Schreiben des Pakets NICHT intakt.
package-workbook_na = Nicht anwendbar: { $justification }
package-workbook_deviation = Abweichung von { $requirement }: { $justification }
package-above_shared_ask = Ein Paket der Stufe { $level } zeigt mehr, als der Geltungsbereich { $scope } veröffentlicht oder freigegeben ist ({ $shared }). Schreiben Sie es nur für einen Partner, der das sehen darf.
package-bad_versions = „{ $given }“ ist keine Wahl der Nachweisversionen. Verwenden Sie reviewed (die zuletzt geprüfte Version) oder newest (die neueste).
package-above_shared = Ein Paket der Stufe { $level } zeigt mehr, als der Geltungsbereich { $scope } veröffentlicht oder freigegeben ist ({ $shared }). Schreiben Sie es nur für einen Partner, der das sehen darf: Bestätigen Sie es, oder fügen Sie in der CLI --force hinzu.
cli-package-unreviewed = Warnung: { $count ->
        [one] { $count } verknüpfter Nachweis hat
       *[other] { $count } verknüpfte Nachweise haben
    } ungeprüfte Änderungen: { $items }. Das Paket enthält { $versions ->
        [newest] deren neueste Versionen (--versions newest).
       *[other] die zuletzt geprüften Versionen (--versions newest nähme die neuesten).
    }
export_ui-unreviewed_title = Nachweise mit ungeprüften Änderungen
export_ui-unreviewed_intro = { $count ->
        [one] { $count } verknüpfter Nachweis hat
       *[other] { $count } verknüpfte Nachweise haben
    } eine neuere Version, die noch nicht geprüft wurde. Welche Version soll das Paket enthalten?
export_ui-unreviewed_item = { $title }: Version { $latest } ungeprüft, Version { $reviewed } geprüft
export_ui-versions_reviewed = Die zuletzt geprüfte Version aufnehmen
export_ui-versions_newest = Die neueste Version aufnehmen
export_ui-versions_stop = Abbrechen, nichts schreiben
export_ui-stopped = Es wurde nichts geschrieben.
export_ui-above_title = Mehr, als für den Geltungsbereich freigegeben ist
export_ui-above_confirm = Trotzdem schreiben

## The printable PDF report (csmsdesk-report; `csmsdesk-cli report`, the Export screen).
pdf-title = Bericht zur Audit-Bereitschaft
pdf-page = Seite { $page } von { $pages }
pdf-generated = Erstellt am { $date } um { $time } Uhr UTC
pdf-generated_on = Erstellt
pdf-company = Unternehmen
pdf-scope = Geltungsbereich
pdf-enx_scope_id = ENX-Scope-ID
pdf-objectives = Auditziele
pdf-locations = Standorte
pdf-catalogue = Katalog
pdf-provider = Audit-Dienstleister
pdf-planned_audit = Geplantes Audit
pdf-basis = Grundlage
pdf-basis_self = die Selbsteinschätzung (erwartetes Ergebnis)
pdf-basis_audit = das { $kind } mit Abschlussgespräch am { $date } (tatsächliche Ergebnisse)
pdf-not_set = nicht angegeben
pdf-none = Keine.
pdf-summary = Management-Zusammenfassung
pdf-predicted_result = Erwartetes Ergebnis
pdf-predicted_result_note = aus der Selbsteinschätzung
pdf-actual_result = Audit-Ergebnis
pdf-actual_result_note = Gesamtergebnis des Audits
pdf-readiness = Bereitschaft
pdf-percent = { $percent } %
pdf-covered_of = { $covered } von { $total ->
        [one] einer Anforderung
       *[other] { $total } Anforderungen
    } abgedeckt
pdf-gaps = Offene Anforderungen
pdf-gaps_note = { $missing } fehlen, { $review } zu prüfen
pdf-open_actions = Offene Korrekturmaßnahmen
pdf-overdue_count = { $count ->
        [0] keine überfällig
        [one] eine überfällig
       *[other] { $count } überfällig
    }
pdf-by_objective = Bereitschaft nach Auditziel
pdf-by_chapter = Bereitschaft nach Kapitel
pdf-labels = VCS-Labels
pdf-no_labels = Noch kein VCS-Label.
pdf-objective = Auditziel
pdf-label_kind = Label
pdf-valid_from = Gültig ab
pdf-expires = Läuft ab
pdf-countdown = Restzeit
pdf-due_today = heute fällig
pdf-days_left = { $days ->
        [one] in einem Tag
       *[other] in { $days } Tagen
    }
pdf-days_overdue = { $days ->
        [one] einen Tag überfällig
       *[other] { $days } Tage überfällig
    }
pdf-actions = Offene Korrekturmaßnahmen nach Verantwortlichen
pdf-no_actions = Keine offene Korrekturmaßnahme.
pdf-owner = Verantwortlich
pdf-due = Fällig
pdf-action = Maßnahme
pdf-question = Frage
pdf-status = Status
pdf-deadlines = Anstehende Fristen
pdf-no_deadlines = Keine Frist in den nächsten 90 Tagen.
pdf-deadline = Frist
pdf-more_deadlines = { $count ->
        [one] Eine weitere Frist steht in der Ansicht Fristen.
       *[other] { $count } weitere Fristen stehen in der Ansicht Fristen.
    }
pdf-details = Einzelheiten je Kontrollfrage
pdf-applicability = Anwendbarkeit
pdf-not_applicable = Nicht anwendbar
pdf-na_justification = Begründung
pdf-self_result = Selbsteinschätzung
pdf-audit_result = Audit-Ergebnis
pdf-implementation = Umsetzung
pdf-reference_documentation = Referenzdokumentation
pdf-requirement = Anforderung
pdf-evidence = Verknüpfte Nachweise
pdf-no_evidence = Kein Nachweis verknüpft.
pdf-deviation = Abweichung: { $justification }
pdf-finding = Feststellung
pdf-description = Beschreibung
pdf-corrective_actions = Korrekturmaßnahmen
pdf-action_line = { $owner }, fällig am { $due } ({ $status }): { $description }
pdf-no_actions_for_finding = Keine Korrekturmaßnahme.

report_pdf-failed = Der Bericht konnte nicht geschrieben werden. Das ist ein Fehler in CSMS Desk: bitte melden Sie ihn mit dem Protokoll.
report_pdf-bad_lang = Die Berichtssprache „{ $given }“ spricht CSMS Desk nicht: Verwenden Sie en oder de.
cli-report-written = { $path } geschrieben ({ $pages ->
        [one] eine Seite
       *[other] { $pages } Seiten
    }).

export_ui-report_heading = Bericht (PDF)
export_ui-report_hint = Ein druckbarer Bericht für die Geschäftsleitung und den Auditor: eine Zusammenfassung mit der Bereitschaft je Auditziel und Kapitel, dem erwarteten oder dem Audit-Ergebnis, den Restlaufzeiten der Labels, offenen Korrekturmaßnahmen und Fristen, danach jede Kontrollfrage im Einzelnen. A4, auf Deutsch oder Englisch.
export_ui-report_audit = Gezeigte Ergebnisse
export_ui-report_self = Die Selbsteinschätzung (erwartetes Ergebnis)
export_ui-report_lang = Sprache
export_ui-report_lang_app = Die Sprache der App
export_ui-report_path = Bericht speichern unter
export_ui-report_path_hint = Eine PDF-Datei außerhalb des Arbeitsbereich-Ordners.
export_ui-report_path_missing = Wählen Sie, wo der Bericht gespeichert wird.
export_ui-report_not_written = Es wurde kein Bericht geschrieben: siehe die Meldung beim Pfad.
export_ui-report_run = Bericht schreiben
export_ui-report_running = Der Bericht wird geschrieben …
export_ui-report_done = { $path } geschrieben ({ $pages ->
        [one] eine Seite
       *[other] { $pages } Seiten
    }).
dashboard-report = Bericht (PDF)
report-pdf_report = Druckbarer Bericht (PDF)
report-pdf_open = PDF öffnen
