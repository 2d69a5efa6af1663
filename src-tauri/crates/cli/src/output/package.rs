//! Printing packages, their verification and sharings.

use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{PackageReport, SharingRecord, Unreviewed, VerifyReport, Versions, wire};

use super::Output;

impl Output {
    pub fn package(&self, report: &PackageReport) {
        if self.json {
            return Self::print_json(&wire::package_written(report));
        }
        let line = Message::new("cli.package.written")
            .arg("path", report.path.display())
            .arg("files", report.files.len())
            .arg("sha256", &report.sha256);
        out_line!("{}", line.render(self.lang));
    }

    pub fn report_written(&self, written: &csmsdesk_workspace::ReportWritten) {
        if self.json {
            return Self::print_json(&serde_json::json!({
                "report": written.path.display().to_string(),
                "pages": written.pages,
                "bytes": written.bytes,
            }));
        }
        let line = Message::new("cli.report.written")
            .arg("path", written.path.display())
            .arg("pages", written.pages);
        out_line!("{}", line.render(self.lang));
    }

    pub fn verify(&self, report: &VerifyReport) {
        let verified = wire::package_verified(report, self.lang);
        if self.json {
            return Self::print_json(&verified);
        }
        let problems = verified.problems;
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

    /// The warning about linked evidence with unreviewed changes, on stderr (the JSON
    /// document on stdout stays the written package).
    pub fn unreviewed(&self, items: &[Unreviewed], versions: Versions) {
        if items.is_empty() {
            return;
        }
        let names: Vec<String> = items
            .iter()
            .map(|u| format!("#{} {}", u.id, u.title))
            .collect();
        err_line!(
            "{}",
            Message::new("cli.package.unreviewed")
                .arg("count", items.len())
                .arg("items", names.join(", "))
                .arg("versions", versions.as_str())
                .render(self.lang)
        );
    }

    pub fn sharing_added(&self, s: &SharingRecord, warnings: &[Message]) {
        let warnings: Vec<String> = warnings.iter().map(|w| w.render(self.lang)).collect();
        if self.json {
            return Self::print_json(&wire::SharingAdded {
                sharing: wire::sharing(s),
                warnings,
            });
        }
        self.done();
        for warning in warnings {
            err_line!("{warning}");
        }
    }

    pub fn sharings(&self, list: &[SharingRecord]) {
        if self.json {
            return Self::print_json(&list.iter().map(wire::sharing).collect::<Vec<_>>());
        }
        for s in list {
            out_line!(
                "#{}  {}  {} ({})  {}",
                s.id,
                s.shared_on,
                s.partner,
                s.participant_id,
                s.level
            );
        }
    }
}
