//! What the CLI prints: human text in the user's language, or one JSON document.
//!
//! This file holds `Output` and what every command shares (language, JSON, progress, errors);
//! `output/<feature>.rs` add the methods that print each feature's results.

mod audit;
mod catalogue;
mod evidence;
mod package;
mod profile;
mod scope;
mod team;
mod trust;

use std::io::IsTerminal as _;

use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::wire;
use csmsdesk_workspace::{Error, Progress};

#[derive(Debug)]
pub struct Output {
    json: bool,
    lang: Lang,
}

impl Output {
    pub fn new(json: bool, lang: Lang) -> Self {
        Self { json, lang }
    }

    /// Switches to the workspace's language once the workspace is open.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    fn t(&self, key: &'static str) -> String {
        Message::new(key).render(self.lang)
    }

    fn print_json(value: &impl serde::Serialize) {
        // Through `Value`, whose object keys are sorted: the CLI's documents keep the key
        // order they have always had, whatever the order of a wire type's fields.
        let value = serde_json::to_value(value).unwrap_or_default();
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        crate::terminal::write_stdout(&crate::terminal::json_visible(&text));
    }

    /// The line under a page of a list: which rows of how many it shows (`shown` rows from
    /// `offset` on, of `total`).
    fn page_line(&self, offset: u64, shown: usize, total: u64) {
        let message = if shown == 0 {
            Message::new("cli.list.past_end")
                .arg("from", offset + 1)
                .arg("total", total)
        } else {
            Message::new("cli.list.page")
                .arg("first", offset + 1)
                .arg("last", offset + shown as u64)
                .arg("total", total)
        };
        out_line!("{}", message.render(self.lang));
    }

    /// The language messages are printed in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A change that has nothing to report but that it was made.
    pub fn done(&self) {
        if self.json {
            Self::print_json(&wire::done());
        } else {
            out_line!("{}", self.t("cli.done"));
        }
    }

    /// A progress callback: a line on stderr that updates in place, only when stderr is a
    /// terminal (scripts and logs get no noise).
    pub fn progress(&self) -> impl Fn(Progress) + Sync + use<> {
        let show = std::io::stderr().is_terminal();
        let lang = self.lang;
        move |p: Progress| {
            if show {
                let line = Message::new("cli.evidence.progress")
                    .arg("done", p.files_done)
                    .arg("total", p.files_total)
                    .arg("mib", p.bytes_done / (1 << 20))
                    .render(lang);
                eprint!("\r{line}  ");
            }
        }
    }

    /// Ends the progress line.
    pub fn finish_progress(&self) {
        if std::io::stderr().is_terminal() {
            err_line!();
        }
    }

    /// Reports a failed request: always on stderr, and with `--json` also as a JSON document
    /// on stdout so that scripts can branch on the code.
    pub fn error(&self, err: &Error) {
        tracing::debug!(error = ?err, "request failed");
        // The app's log holds an internal failure's details; the CLI writes no log file, so
        // it says how to see them instead.
        let message = if err.code() == csmsdesk_workspace::ErrorCode::Internal {
            Message::new("cli.error.internal")
        } else {
            err.message()
        };
        let body = wire::error(err, &message, self.lang);
        if body.fields.is_empty() {
            err_line!("{}", body.message);
        } else {
            err_line!("{}", self.t("cli.error.invalid"));
        }
        match err {
            Error::WouldRemove { flag, .. } => {
                let hint = Message::new("cli.confirm_flag_hint").arg("flag", flag);
                err_line!("{}", hint.render(self.lang));
            }
            _ if err.code() == csmsdesk_workspace::ErrorCode::NeedsConfirmation => {
                err_line!("{}", self.t("cli.confirm_hint"));
            }
            _ => {}
        }
        for f in &body.fields {
            let line = Message::new("cli.error.field")
                .arg("field", &f.field)
                .arg("message", &f.message);
            err_line!("  {}", line.render(self.lang));
        }
        if self.json {
            Self::print_json(&wire::ErrorDocument { error: body });
        }
    }
}
