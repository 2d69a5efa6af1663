//! Printing `init` and `info`: the workspace and its company profile.

use csmsdesk_core::company::{CompanyProfile, LanguagePreference};
use csmsdesk_core::i18n::{Lang, Message};
use csmsdesk_workspace::{WorkspaceInfo, wire};

use super::Output;

impl Output {
    /// `place` is the folder or the URL (its password, if any, as `***`).
    pub fn init(&self, place: &str, profile: &CompanyProfile) {
        if self.json {
            Self::print_json(&wire::Created {
                workspace: place.to_owned(),
                company: profile.company_name.clone(),
            });
        } else {
            let text = Message::new("cli.init.created")
                .arg("path", place)
                .arg("company", &profile.company_name)
                .render(self.lang);
            out_line!("{text}");
        }
    }

    pub fn info(&self, info: &WorkspaceInfo) {
        let company = &info.company;
        if self.json {
            Self::print_json(&wire::info(info));
            return;
        }
        let not_set = self.t("cli.info.not_set");
        let or_not_set = |s: &str| {
            if s.is_empty() {
                not_set.clone()
            } else {
                s.to_owned()
            }
        };
        let rows = [
            ("cli.info.workspace", info.location.clone()),
            (
                "cli.info.engine",
                self.t(if info.on_postgres {
                    "cli.info.engine_postgresql"
                } else {
                    "cli.info.engine_folder"
                }),
            ),
            ("cli.info.schema_version", info.schema_version.to_string()),
            (
                "cli.info.created_at",
                or_not_set(info.created_at.as_deref().unwrap_or_default()),
            ),
            ("cli.info.company", or_not_set(&company.company_name)),
            (
                "cli.info.participant_id",
                or_not_set(
                    &company
                        .participant_id
                        .as_ref()
                        .map(|id| id.to_string())
                        .unwrap_or_default(),
                ),
            ),
            ("cli.info.enx_contact", or_not_set(&company.enx_contact)),
            ("cli.info.language", self.t(language_key(company.language))),
        ];
        let labels: Vec<_> = rows.iter().map(|(key, _)| self.t(key)).collect();
        let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        for (label, (_, value)) in labels.iter().zip(&rows) {
            out_line!("{label:width$}  {value}");
        }
    }
}

fn language_key(language: LanguagePreference) -> &'static str {
    match language {
        LanguagePreference::System => "settings.language_system",
        LanguagePreference::Fixed(Lang::English) => "settings.language_en",
        LanguagePreference::Fixed(Lang::German) => "settings.language_de",
    }
}
