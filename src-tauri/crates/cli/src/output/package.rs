//! Printing packages, their verification and sharings.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{PackageReport, SharingRecord, VerifyReport};
use serde_json::{Value, json};

use super::Output;

impl Output {
    pub fn package(&self, report: &PackageReport) {
        if self.json {
            return Self::print_json(&json!({
                "package": report.path.display().to_string(),
                "sha256": report.sha256,
                "files": report.files,
                "level": report.level.as_str(),
            }));
        }
        let line = Message::new("cli.package.written")
            .arg("path", report.path.display())
            .arg("files", report.files.len())
            .arg("sha256", &report.sha256);
        out_line!("{}", line.render(self.lang));
    }

    pub fn verify(&self, report: &VerifyReport) {
        let problems: Vec<String> = report
            .problems
            .iter()
            .map(|p| p.render(self.lang))
            .collect();
        if self.json {
            return Self::print_json(&json!({
                "ok": report.ok(),
                "entries": report.entries,
                "problems": problems,
            }));
        }
        if report.ok() {
            out_line!(
                "{}",
                Message::new("cli.verify.ok")
                    .arg("entries", report.entries)
                    .render(self.lang)
            );
        }
        for problem in problems {
            out_line!("{problem}");
        }
    }

    pub fn sharing_added(&self, s: &SharingRecord, warnings: &[Message]) {
        let warnings: Vec<String> = warnings.iter().map(|w| w.render(self.lang)).collect();
        if self.json {
            return Self::print_json(&json!({ "sharing": sharing(s), "warnings": warnings }));
        }
        self.done();
        for warning in warnings {
            err_line!("{warning}");
        }
    }

    pub fn sharings(&self, list: &[SharingRecord]) {
        if self.json {
            return Self::print_json(&Value::Array(list.iter().map(sharing).collect()));
        }
        for s in list {
            out_line!(
                "{}  {} ({})  {}",
                s.shared_on,
                s.partner,
                s.participant_id,
                s.level
            );
        }
    }
}

fn sharing(s: &SharingRecord) -> Value {
    json!({
        "id": s.id, "scope_id": s.scope_id, "partner": s.partner,
        "participant_id": s.participant_id, "level": s.level, "date": s.shared_on,
    })
}
