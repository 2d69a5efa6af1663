//! Printing the journal, the workspace check, backups and restores.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::wire;

use super::Output;

impl Output {
    pub fn journal_page(&self, entries: &[csmsdesk_core::journal::Entry]) {
        if self.json {
            return Self::print_json(&entries.iter().map(wire::journal_entry).collect::<Vec<_>>());
        }
        for e in entries {
            let change = match (&e.before, &e.after) {
                (Some(before), Some(after)) => format!("{before} → {after}"),
                (None, Some(after)) => after.clone(),
                (Some(before), None) => before.clone(),
                (None, None) => String::new(),
            };
            out_line!(
                "{:>6}  {}  {}  {}  {} {} {}  {change}",
                e.seq,
                e.at,
                e.user,
                e.source,
                e.op,
                e.table,
                e.key
            );
        }
    }

    pub fn journal_report(&self, report: &csmsdesk_workspace::JournalReport) {
        if self.json {
            return Self::print_json(&wire::journal_report(report, self.lang));
        }
        self.journal_text(report);
    }

    fn journal_text(&self, report: &csmsdesk_workspace::JournalReport) {
        if report.ok() {
            out_line!(
                "{}",
                Message::new("cli.journal.ok")
                    .arg("entries", report.entries)
                    .arg(
                        "hash",
                        report.head.as_ref().map_or("-", |h| h.hash.as_str())
                    )
                    .render(self.lang)
            );
        }
        for problem in &report.problems {
            out_line!(
                "{}",
                csmsdesk_workspace::problem_message(problem).render(self.lang)
            );
        }
    }

    pub fn check_report(&self, report: &csmsdesk_workspace::CheckReport) {
        if self.json {
            return Self::print_json(&wire::check_report(report, self.lang));
        }
        if report.integrity.is_empty() {
            out_line!("{}", self.t("cli.check.database_ok"));
        }
        for line in &report.integrity {
            out_line!(
                "{}",
                Message::new("cli.check.database_problem")
                    .arg("detail", line)
                    .render(self.lang)
            );
        }
        if report.blob_problems.is_empty() {
            out_line!(
                "{}",
                Message::new("cli.check.vault_ok")
                    .arg("count", report.blobs_checked)
                    .render(self.lang)
            );
        }
        for problem in &report.blob_problems {
            out_line!("{}", problem.render(self.lang));
        }
        self.journal_text(&report.journal);
    }

    pub fn backup_report(&self, report: &csmsdesk_workspace::BackupReport) {
        if self.json {
            return Self::print_json(&wire::backup_report(report));
        }
        out_line!(
            "{}",
            Message::new("cli.backup.written")
                .arg("path", report.path.display())
                .arg("blobs", report.blobs)
                .arg("mib", report.bytes / (1 << 20))
                .arg("sha256", &report.sha256)
                .render(self.lang)
        );
    }

    pub fn restore_report(&self, report: &csmsdesk_workspace::RestoreReport) {
        if self.json {
            return Self::print_json(&wire::restore_report(report, self.lang));
        }
        let line = match (&report.dir, &report.server) {
            (Some(dir), _) => Message::new("cli.restore.done").arg("path", dir.display()),
            (None, Some(url)) => Message::new("cli.restore.done").arg("path", url),
            (None, None) => Message::new("cli.restore.checked"),
        };
        out_line!(
            "{}",
            line.arg("created_at", &report.created_at)
                .arg("blobs", report.blobs)
                .render(self.lang)
        );
        self.journal_text(&report.journal);
    }
}
