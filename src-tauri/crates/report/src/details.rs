//! After the summary: every control question of the scope in detail.

use csmsdesk_core::i18n::Message;

use crate::layout::{Cell, Flow, MUTED, Style};
use crate::summary::{columns, countdown};
use crate::{QuestionDetail, Report, day, t};

pub(crate) fn write(flow: &mut Flow<'_>, r: &Report) {
    flow.new_page();
    flow.heading(&t(r, "pdf.details"), 1, 60.0);
    if r.questions.is_empty() {
        flow.paragraph(&t(r, "pdf.none"), Style::BODY, 0.0);
    }
    for q in &r.questions {
        question(flow, r, q);
    }
}

fn or_not_set(r: &Report, text: &str) -> String {
    if text.trim().is_empty() {
        t(r, "pdf.not_set")
    } else {
        text.to_owned()
    }
}

fn question(flow: &mut Flow<'_>, r: &Report, q: &QuestionDetail) {
    flow.heading(&format!("{} {}", q.id, q.text), 2, 50.0);
    let mut rows = Vec::new();
    if !q.applicable {
        rows.push((
            t(r, "pdf.applicability"),
            Message::new("pdf.not_applicable").render(r.lang),
        ));
        rows.push((
            t(r, "pdf.na_justification"),
            or_not_set(r, q.na_justification.as_deref().unwrap_or("")),
        ));
    }
    rows.push((t(r, "pdf.self_result"), q.self_result.render(r.lang)));
    if let Some(result) = &q.audit_result {
        rows.push((t(r, "pdf.audit_result"), result.render(r.lang)));
    }
    if q.applicable {
        rows.push((t(r, "pdf.implementation"), or_not_set(r, &q.implementation)));
        rows.push((
            t(r, "pdf.reference_documentation"),
            or_not_set(r, &q.reference_documentation),
        ));
    }
    flow.pairs(&rows, 150.0);
    if q.applicable && !q.requirements.is_empty() {
        flow.space(3.0);
        let columns = columns(
            r,
            &[
                ("pdf.requirement", 1.4),
                ("pdf.status", 1.6),
                ("pdf.evidence", 6.0),
            ],
        );
        let rows: Vec<Vec<Cell>> = q
            .requirements
            .iter()
            .map(|req| {
                let mut evidence: Vec<String> = req
                    .evidence
                    .iter()
                    .map(|(title, state)| format!("{title} ({})", state.render(r.lang)))
                    .collect();
                if evidence.is_empty() {
                    evidence.push(t(r, "pdf.no_evidence"));
                }
                let mut state = req.state.render(r.lang);
                if let Some(d) = &req.deviation {
                    state.push('\n');
                    state.push_str(
                        &Message::new("pdf.deviation")
                            .arg("justification", d.as_str())
                            .render(r.lang),
                    );
                }
                vec![
                    Cell::new(req.id.clone()),
                    Cell::new(state),
                    Cell::new(evidence.join("\n")),
                ]
            })
            .collect();
        flow.table(&columns, &rows);
    }
    if !q.findings.is_empty() {
        flow.space(3.0);
        let columns = columns(
            r,
            &[
                ("pdf.finding", 2.0),
                ("pdf.description", 3.6),
                ("pdf.corrective_actions", 4.2),
            ],
        );
        let rows: Vec<Vec<Cell>> = q
            .findings
            .iter()
            .map(|f| {
                let actions: Vec<String> = f
                    .actions
                    .iter()
                    .map(|a| {
                        Message::new("pdf.action_line")
                            .arg("owner", a.owner.as_str())
                            .arg("due", day(r, a.due))
                            .arg_message("status", a.status.clone())
                            .arg("description", a.description.as_str())
                            .render(r.lang)
                            + &format!(" – {}", countdown(r, a.due))
                    })
                    .collect();
                vec![
                    Cell::new(f.kind.render(r.lang)),
                    Cell::new(or_not_set(r, &f.description)),
                    if actions.is_empty() {
                        Cell::styled(
                            t(r, "pdf.no_actions_for_finding"),
                            Style {
                                color: MUTED,
                                ..Style::BODY
                            },
                        )
                    } else {
                        Cell::new(actions.join("\n"))
                    },
                ]
            })
            .collect();
        flow.table(&columns, &rows);
    }
}
