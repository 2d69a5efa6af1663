//! The package's self-contained `index.html`, built from its manifest.

use std::collections::BTreeMap;

use csmsdesk_core::package::href;
use serde_json::Value;

/// Escapes text for HTML.
pub(super) fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The readable, printable page of a package: no script, no outside resource.
pub(super) fn index_html(manifest: &Value) -> String {
    let text = |v: &Value| html(v.as_str().unwrap_or(""));
    let mut page = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>CSMS Desk package</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}\
         table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em;text-align:left;vertical-align:top}\
         @media print{a{color:inherit}}</style>\n</head>\n<body>\n",
    );
    page.push_str(&format!(
        "<h1>{}</h1>\n<p>{} · {} · {}</p>\n",
        text(&manifest["scope"]["name"]),
        text(&manifest["company"]["name"]),
        text(&manifest["level"]),
        text(&manifest["generated_at"]),
    ));
    if let Some(r) = manifest.get("readiness") {
        page.push_str(&format!(
            "<p>Readiness {:.0} % · predicted result {}</p>\n",
            r["readiness"].as_f64().unwrap_or(0.0) * 100.0,
            text(&r["predicted_result"])
        ));
    }
    if let Some(workbook) = manifest.get("workbook").and_then(Value::as_str) {
        page.push_str(match workbook {
            "filled_original" => "<p>Workbook: the imported ENX workbook, filled in</p>\n",
            _ => "<p>Workbook: generated in the ENX layout</p>\n",
        });
    }
    if let Some(questions) = manifest.get("questions").and_then(Value::as_array) {
        let evidence: BTreeMap<i64, (&str, &str)> = manifest["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e["id"].as_i64().unwrap_or(0),
                    (
                        e["title"].as_str().unwrap_or(""),
                        e["path"].as_str().unwrap_or(""),
                    ),
                )
            })
            .collect();
        page.push_str("<table>\n<tr><th>Question</th><th>Result</th><th>Requirements and evidence</th></tr>\n");
        for q in questions {
            let mut cell = String::new();
            for r in q["requirements"].as_array().into_iter().flatten() {
                cell.push_str(&format!("{} ({})", text(&r["id"]), text(&r["state"])));
                for id in r["evidence"].as_array().into_iter().flatten() {
                    if let Some((title, path)) = evidence.get(&id.as_i64().unwrap_or(0)) {
                        // The link percent-encoded (a name may hold `%`, `#` or `?`), the
                        // text as the title reads.
                        cell.push_str(&format!(
                            " <a href=\"{}\">{}</a>",
                            html(&href(path)),
                            html(title)
                        ));
                    }
                }
                cell.push_str("<br>\n");
            }
            let result = if q["applicable"] == true {
                text(&q["result"])
            } else {
                "NA".into()
            };
            page.push_str(&format!(
                "<tr><td>{}</td><td>{result}</td><td>{cell}</td></tr>\n",
                text(&q["id"])
            ));
        }
        page.push_str("</table>\n");
    }
    if let Some(labels) = manifest.get("labels").and_then(Value::as_array) {
        page.push_str("<h2>Labels</h2>\n<ul>\n");
        for l in labels {
            page.push_str(&format!(
                "<li>{} {}: {} – {}</li>\n",
                text(&l["objective"]),
                text(&l["kind"]),
                text(&l["valid_from"]),
                text(&l["expires"])
            ));
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</body>\n</html>\n");
    page
}
