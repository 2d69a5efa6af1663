//! Printing the rules, locations, scopes with their prerequisite check, protection objects
//! and sampling.

use csmsdesk_core::dates::format_date;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::Severity;
use csmsdesk_workspace::{
    LocationRecord, ProtectionObjectRecord, Rules, Sampling, ScopeRecord, ScopeView, wire,
};

use serde_json::Value;

use super::Output;

impl Output {
    pub fn rules(&self, rules: &Rules) {
        if self.json {
            return Self::print_json(&wire::rules(rules));
        }
        out_line!("deadlines.notify_days = {}", rules.notify_days);
        out_line!("{}", rules.applicability_matrix);
        out_line!(
            "{}",
            Message::new("cli.rules.warning_days")
                .arg("days", rules.label_expiry_warning_days)
                .render(self.lang)
        );
        if let Ok(Value::Object(months)) =
            serde_json::to_value(wire::label_rules(&rules.label_rules))
        {
            for (key, value) in months {
                out_line!("{key} = {value}");
            }
        }
    }

    /// The vocabulary: JSON as the app receives it, or one line per list and limit.
    pub fn vocabulary(&self, vocabulary: &Value) {
        if self.json {
            return Self::print_json(vocabulary);
        }
        let Value::Object(parts) = vocabulary else {
            return;
        };
        for (key, value) in parts {
            match value {
                Value::Array(items) => {
                    let words: Vec<String> = items
                        .iter()
                        .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                        .collect();
                    out_line!("{key}: {}", words.join(", "));
                }
                other => out_line!("{key}: {other}"),
            }
        }
    }

    pub fn location_added(&self, l: &LocationRecord) {
        if self.json {
            return Self::print_json(&wire::LocationAdded {
                location: wire::Named {
                    id: l.id,
                    name: l.name.clone(),
                },
            });
        }
        out_line!(
            "{}",
            Message::new("cli.location.added")
                .arg("name", &l.name)
                .arg("id", l.id)
                .render(self.lang)
        );
    }

    pub fn locations(&self, list: &[LocationRecord]) {
        if self.json {
            return Self::print_json(&list.iter().map(wire::location).collect::<Vec<_>>());
        }
        for l in list {
            let labels: Vec<String> = l
                .labels
                .iter()
                .map(|t| {
                    let expires = format_date(t.expires, self.lang);
                    format!("{} AL{} → {expires}", t.label, t.level)
                })
                .collect();
            out_line!("{}  {}  [{}]", l.id, l.name, labels.join("; "));
        }
    }

    pub fn scope_added(&self, s: &ScopeRecord) {
        if self.json {
            return Self::print_json(&wire::ScopeAdded {
                scope: wire::Named {
                    id: s.id,
                    name: s.name.clone(),
                },
            });
        }
        out_line!(
            "{}",
            Message::new("cli.scope.saved")
                .arg("name", &s.name)
                .arg("id", s.id)
                .render(self.lang)
        );
    }

    pub fn scopes(&self, views: &[ScopeView]) {
        if self.json {
            return Self::print_json(
                &views
                    .iter()
                    .map(|v| wire::scope_view(v, self.lang))
                    .collect::<Vec<_>>(),
            );
        }
        for v in views {
            let objectives: Vec<_> = v.scope.objectives.iter().map(|o| o.as_str()).collect();
            let line = Message::new("cli.scope.line")
                .arg("name", &v.scope.name)
                .arg("objectives", objectives.join(", "))
                .arg("questions", v.applicable_questions().len())
                .arg("requirements", v.applicable_requirements());
            out_line!("{}", line.render(self.lang));
        }
    }

    pub fn scope_check(&self, view: &ScopeView) {
        if self.json {
            return Self::print_json(&wire::check(view, self.lang));
        }
        let line = Message::new("cli.scope.checked")
            .arg("name", &view.scope.name)
            .arg("date", view.checked_on);
        out_line!("{}", line.render(self.lang));
        if view.problems.is_empty() {
            out_line!("  ✓ {}", self.t("cli.scope.all_met"));
        }
        for p in &view.problems {
            let mark = match p.severity() {
                Severity::Error => "✗",
                Severity::Warning => "!",
            };
            out_line!("  {mark} {}", p.message().render(self.lang));
        }
    }

    pub fn po_added(&self, p: &ProtectionObjectRecord) {
        if self.json {
            return Self::print_json(&wire::ProtectionObjectAdded {
                protection_object: wire::Named {
                    id: p.id,
                    name: p.name.clone(),
                },
            });
        }
        out_line!(
            "{}",
            Message::new("cli.po.added")
                .arg("name", &p.name)
                .arg("id", p.id)
                .render(self.lang)
        );
    }

    pub fn protection_objects(
        &self,
        list: &[ProtectionObjectRecord],
        locations: &[LocationRecord],
    ) {
        if self.json {
            let names: Vec<(i64, String)> =
                locations.iter().map(|l| (l.id, l.name.clone())).collect();
            return Self::print_json(
                &list
                    .iter()
                    .map(|p| wire::protection_object(p, &names))
                    .collect::<Vec<_>>(),
            );
        }
        for p in list {
            let objectives: Vec<_> = p.objectives.iter().map(|o| o.as_str()).collect();
            out_line!(
                "{}  {}  {}  ({})",
                p.id,
                p.name,
                p.customer,
                objectives.join(", ")
            );
        }
    }

    pub fn sampling(&self, rows: &[Sampling]) {
        if self.json {
            return Self::print_json(&wire::sampling(rows));
        }
        for s in rows {
            let line = Message::new("cli.po.sampling")
                .arg("objective", s.objective.as_str())
                .arg("population", s.population.len())
                .arg("suggested", s.suggested)
                .arg(
                    "chosen",
                    if s.chosen.is_empty() {
                        "-".to_owned()
                    } else {
                        s.chosen.join(", ")
                    },
                );
            out_line!("{}", line.render(self.lang));
        }
    }
}
