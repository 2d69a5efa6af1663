//! The package's `index.html`, built from its manifest: a complete, readable report of what the
//! package holds, in the user's language, printable on A4. Self-contained: its stylesheet is
//! inside, it has no script and loads nothing (its Content-Security-Policy says so); the only
//! links are to the package's own evidence files. Every text from the workspace is escaped.
//!
//! The sections follow the level: partner packages show section A (scope, objectives,
//! locations, provider, audit dates), then the labels, then the results summary; the full
//! package adds the rest (`full.rs`).

use csmsdesk_core::dates::{format_date, iso_day};
use csmsdesk_core::i18n::{Lang, Message, catalogue};
use serde_json::Value;

mod full;

/// Escapes text for HTML (element content and double-quoted attribute values).
pub(super) fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The stylesheet: readable on screen, A4 on paper.
const STYLE: &str = "html{background:#fff}body{font-family:system-ui,sans-serif;font-size:11pt;line-height:1.4;\
margin:2em auto;max-width:60em;padding:0 1em;color:#111}\
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #999}\
h3{font-size:1.05em}table{border-collapse:collapse;width:100%;margin:.5em 0}\
td,th{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top}\
th{background:#eee}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}\
dt{font-weight:bold}dd{margin:0}.hash{font-family:monospace;font-size:.8em;word-break:break-all}\
.pre{white-space:pre-wrap}.muted{color:#555}.warn{font-weight:bold}\
@page{size:A4;margin:15mm}\
@media print{body{margin:0;max-width:none;font-size:9.5pt}a{color:inherit;text-decoration:none}\
h2{break-after:avoid}tr,dl{break-inside:avoid}th{background:#ddd;-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// Words of one language for the page.
pub(super) struct Words {
    pub lang: Lang,
}

impl Words {
    /// A message without arguments, escaped.
    pub fn t(&self, key: &'static str) -> String {
        html(&Message::new(key).render(self.lang))
    }

    /// A message, escaped.
    pub fn m(&self, message: &Message) -> String {
        html(&message.render(self.lang))
    }

    /// The human word for a value of the vocabulary (`key` is the catalogue key before the
    /// value, with its separator): the value itself where the catalogue has none.
    pub fn word(&self, key: &str, value: &Value) -> String {
        html(&self.raw_word(key, value))
    }

    /// `word`, not escaped: for a message's argument (the message is escaped as a whole).
    pub fn raw_word(&self, key: &str, value: &Value) -> String {
        let value = value.as_str().unwrap_or("");
        catalogue(self.lang)
            .get(&format!("{key}{value}"))
            .map_or(value, String::as_str)
            .to_owned()
    }

    /// An overall or predicted result (`CONDITIONAL-PASS`) in words, not escaped.
    pub fn raw_overall(&self, value: &Value) -> String {
        let key = value
            .as_str()
            .unwrap_or("")
            .to_ascii_lowercase()
            .replace('-', "_");
        self.raw_word("predicted.", &Value::String(key))
    }

    /// An ISO day in the language's format; anything else as it is.
    pub fn day(&self, value: &Value) -> String {
        let text = value.as_str().unwrap_or("");
        match iso_day(text.get(..10).unwrap_or(text)) {
            Some(day) => format_date(day, self.lang),
            None => html(text),
        }
    }

    /// An RFC 3339 time as the language's day and the time of day in UTC.
    pub fn moment(&self, value: &Value) -> String {
        let text = value.as_str().unwrap_or("");
        match chrono::DateTime::parse_from_rfc3339(text) {
            Ok(at) => {
                let at = at.with_timezone(&chrono::Utc);
                format!(
                    "{} {} UTC",
                    format_date(at.date_naive(), self.lang),
                    at.format("%H:%M")
                )
            }
            Err(_) => html(text),
        }
    }

    /// Text from the workspace, escaped; `not set` when empty or absent.
    pub fn text(&self, value: &Value) -> String {
        match value.as_str() {
            Some(text) if !text.trim().is_empty() => html(text),
            _ => format!("<span class=\"muted\">{}</span>", self.t("report.not_set")),
        }
    }
}

/// A table with a header row of the catalogue `keys` and `rows` of cells (already HTML).
pub(super) fn table(w: &Words, class: &str, keys: &[&'static str], rows: &[Vec<String>]) -> String {
    let mut out = format!("<table class=\"{class}\">\n<thead><tr>");
    for key in keys {
        out.push_str(&format!("<th>{}</th>", w.t(key)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{cell}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A section with its heading (`id` for the table of contents and tests).
pub(super) fn section(w: &Words, id: &str, key: &'static str, body: &str) -> String {
    format!(
        "<section id=\"{id}\">\n<h2>{}</h2>\n{body}</section>\n",
        w.t(key)
    )
}

/// "None." for an empty list.
pub(super) fn none(w: &Words) -> String {
    format!("<p class=\"muted\">{}</p>\n", w.t("report.none"))
}

pub(super) fn list(value: &Value) -> &[Value] {
    value.as_array().map_or(&[], Vec::as_slice)
}

/// The readable, printable page of a package in `lang`.
pub(super) fn index_html(manifest: &Value, lang: Lang) -> String {
    let w = Words { lang };
    let scope = &manifest["scope"];
    let mut page = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang.tag(),
        w.m(&Message::new("report.title").arg("scope", scope["name"].as_str().unwrap_or("")))
    );
    page.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<dl>\n",
        w.m(&Message::new("report.title").arg("scope", scope["name"].as_str().unwrap_or("")))
    ));
    let level = match manifest["level"].as_str().unwrap_or("") {
        "full" => "report.level_full",
        "A" => "report.level_a",
        "A+labels" => "report.level_a_labels",
        _ => "report.level_a_labels_b",
    };
    for (key, value) in [
        ("report.company", w.text(&manifest["company"]["name"])),
        (
            "report.participant_id",
            w.text(&manifest["company"]["participant_id"]),
        ),
        ("report.level", w.t(level)),
        ("report.generated", w.moment(&manifest["generated_at"])),
    ] {
        page.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", w.t(key)));
    }
    // Which workbook the full package holds: the user's own, filled in, or the generated one.
    if let Some(workbook) = manifest.get("workbook").and_then(Value::as_str) {
        let kind = match workbook {
            "filled_original" => "report.workbook_filled_original",
            _ => "report.workbook_generated",
        };
        page.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            w.t("report.workbook"),
            w.t(kind)
        ));
    }
    // The printable report beside the page (full package).
    if let Some(report) = manifest.get("report").and_then(Value::as_str) {
        page.push_str(&format!(
            "<dt>{}</dt><dd><a href=\"{}\">{}</a></dd>\n",
            w.t("report.pdf_report"),
            csmsdesk_core::package::href(report),
            w.t("report.pdf_open")
        ));
    }
    page.push_str("</dl>\n</header>\n<main>\n");
    page.push_str(&scope_section(&w, manifest));
    page.push_str(&locations_section(&w, manifest));
    let is_full = manifest.get("questions").is_some();
    if is_full {
        page.push_str(&full::objects_section(&w, manifest));
        page.push_str(&full::readiness_section(&w, manifest));
        page.push_str(&full::assessment_section(&w, manifest));
    }
    page.push_str(&audits_section(&w, manifest));
    if manifest.get("results").is_some() {
        page.push_str(&results_section(&w, manifest));
    }
    if is_full {
        page.push_str(&full::findings_section(&w, manifest));
    }
    if manifest.get("labels").is_some() {
        page.push_str(&labels_section(&w, manifest));
    }
    if is_full {
        page.push_str(&full::evidence_section(&w, manifest));
        page.push_str(&full::journal_section(&w, manifest));
    }
    page.push_str(&format!(
        "</main>\n<footer>\n<p class=\"muted\">{}</p>\n</footer>\n</body>\n</html>\n",
        w.m(&Message::new("report.footer")
            .arg("product", manifest["product"].as_str().unwrap_or("")))
    ));
    page
}

/// Section A: the scope, its objectives, provider and planned date (and in the full package
/// the catalogue).
fn scope_section(w: &Words, manifest: &Value) -> String {
    let scope = &manifest["scope"];
    let objectives: Vec<String> = list(&scope["objectives"])
        .iter()
        .map(|o| w.word("scope.objective_", o))
        .collect();
    let mut body = String::from("<dl>\n");
    let mut rows = vec![
        ("report.scope_name", w.text(&scope["name"])),
        ("report.enx_scope_id", w.text(&scope["enx_scope_id"])),
        ("report.objectives", objectives.join(", ")),
        ("report.provider", w.text(&scope["audit_provider"])),
        (
            "report.planned",
            if scope["planned_audit_date"].is_string() {
                w.day(&scope["planned_audit_date"])
            } else {
                w.text(&Value::Null)
            },
        ),
    ];
    if let Some(c) = manifest.get("catalogue") {
        rows.push((
            "report.catalogue",
            format!(
                "{} {} <span class=\"hash\">SHA-256 {}</span>",
                w.text(&c["name"]),
                w.text(&c["version"]),
                w.text(&c["sha256"])
            ),
        ));
    }
    for (key, value) in rows {
        body.push_str(&format!("<dt>{}</dt><dd>{value}</dd>\n", w.t(key)));
    }
    body.push_str("</dl>\n");
    section(w, "scope", "report.scope", &body)
}

/// The scope's locations, with their TISAX labels in the full package.
fn locations_section(w: &Words, manifest: &Value) -> String {
    let locations = list(&manifest["scope"]["locations"]);
    if locations.is_empty() {
        return section(w, "locations", "report.locations", &none(w));
    }
    let with_labels = locations.iter().any(|l| l.get("tisax_labels").is_some());
    let mut keys = vec!["report.location", "report.tisax_scope_id"];
    if with_labels {
        keys.push("report.tisax_labels");
    }
    let rows: Vec<Vec<String>> = locations
        .iter()
        .map(|l| {
            let mut row = vec![w.text(&l["name"]), w.text(&l["tisax_scope_id"])];
            if with_labels {
                let labels: Vec<String> = list(&l["tisax_labels"])
                    .iter()
                    .map(|t| {
                        w.m(&Message::new("report.tisax_label")
                            .arg("label", t["label"].as_str().unwrap_or(""))
                            .arg("level", t["assessment_level"].as_i64().unwrap_or(0))
                            .arg("expires", t["expires"].as_str().unwrap_or("")))
                    })
                    .collect();
                row.push(if labels.is_empty() {
                    w.t("report.none")
                } else {
                    labels.join("<br>")
                });
            }
            row
        })
        .collect();
    section(
        w,
        "locations",
        "report.locations",
        &table(w, "locations", &keys, &rows),
    )
}

/// The audits with their dates (and in the full package their three phases).
fn audits_section(w: &Words, manifest: &Value) -> String {
    let audits = list(&manifest["audits"]);
    if audits.is_empty() {
        return section(w, "audits", "report.audits", &none(w));
    }
    let with_phases = audits.iter().any(|a| a.get("phases").is_some());
    let mut keys = vec![
        "report.audit",
        "report.provider",
        "report.opening",
        "report.closing",
    ];
    if with_phases {
        keys.push("report.phases");
    }
    let rows: Vec<Vec<String>> = audits
        .iter()
        .map(|a| {
            let mut row = vec![
                w.word("audit_kind.", &a["kind"]),
                w.text(&a["provider"]),
                if a["opening_meeting"].is_string() {
                    w.day(&a["opening_meeting"])
                } else {
                    w.text(&Value::Null)
                },
                w.day(&a["closing_meeting"]),
            ];
            if with_phases {
                let phases: Vec<String> = list(&a["phases"])
                    .iter()
                    .map(|p| {
                        format!(
                            "{}: {}",
                            w.word("audit_phase.", &p["phase"]),
                            w.word("phase_state.", &p["state"])
                        )
                    })
                    .collect();
                row.push(phases.join("<br>"));
            }
            row
        })
        .collect();
    section(
        w,
        "audits",
        "report.audits",
        &table(w, "audits", &keys, &rows),
    )
}

/// Section B: each audit's overall result and its results per applicable question.
fn results_section(w: &Words, manifest: &Value) -> String {
    let results = list(&manifest["results"]);
    if results.is_empty() {
        return section(w, "results", "report.results", &none(w));
    }
    let mut body = String::new();
    for r in results {
        body.push_str(&format!(
            "<h3>{}</h3>\n",
            w.m(&Message::new("report.results_of")
                .arg("kind", w.raw_word("audit_kind.", &r["kind"]))
                .arg("date", r["closing_meeting"].as_str().unwrap_or(""))
                .arg("overall", w.raw_overall(&r["overall"])))
        ));
        let rows: Vec<Vec<String>> = list(&r["questions"])
            .iter()
            .map(|q| vec![w.text(&q["id"]), result(w, &q["result"])])
            .collect();
        body.push_str(&table(
            w,
            "results",
            &["report.question", "report.audit_result"],
            &rows,
        ));
    }
    section(w, "results", "report.results", &body)
}

/// The VCS labels with their dates.
fn labels_section(w: &Words, manifest: &Value) -> String {
    let labels = list(&manifest["labels"]);
    if labels.is_empty() {
        return section(w, "labels", "report.labels", &none(w));
    }
    let rows: Vec<Vec<String>> = labels
        .iter()
        .map(|l| {
            vec![
                w.word("scope.objective_", &l["objective"]),
                w.word("label_kind.", &l["kind"]),
                w.day(&l["valid_from"]),
                w.day(&l["expires"]),
            ]
        })
        .collect();
    section(
        w,
        "labels",
        "report.labels",
        &table(
            w,
            "labels",
            &[
                "report.objective",
                "report.label_kind",
                "report.valid_from",
                "report.expires",
            ],
            &rows,
        ),
    )
}

/// A question's result (`minor`, none) in words.
pub(super) fn result(w: &Words, value: &Value) -> String {
    w.word(
        "assess_result.",
        &Value::String(value.as_str().unwrap_or("none").to_owned()),
    )
}
