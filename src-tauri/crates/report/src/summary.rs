//! Page 1 onwards: the title block and the management summary.

use csmsdesk_core::i18n::Message;
use csmsdesk_core::readiness::Tally;
use csmsdesk_core::results::OverallResult;

use crate::layout::{
    ACCENT, AMBER, Bar, Cell, Column, Figure, Flow, GREEN, MUTED, RED, Style, TEXT,
};
use crate::{Report, day, t};

/// The title block and the summary's sections.
pub(crate) fn write(flow: &mut Flow<'_>, r: &Report) {
    title_block(flow, r);
    key_figures(flow, r);
    charts(flow, r);
    labels(flow, r);
    actions(flow, r);
    deadlines(flow, r);
}

/// A share as the language writes percentages.
pub(crate) fn percent(r: &Report, share: f64) -> String {
    Message::new("pdf.percent")
        .arg("percent", (share * 100.0).round() as i64)
        .render(r.lang)
}

/// The colour of an overall result.
fn result_color(result: OverallResult) -> (u8, u8, u8) {
    match result {
        OverallResult::Pass => GREEN,
        OverallResult::ConditionalPass => AMBER,
        OverallResult::Fail => RED,
        OverallResult::Incomplete => MUTED,
    }
}

/// An overall result in words.
pub(crate) fn overall_word(result: OverallResult) -> Message {
    Message::new(match result {
        OverallResult::Pass => "predicted.pass",
        OverallResult::ConditionalPass => "predicted.conditional_pass",
        OverallResult::Fail => "predicted.fail",
        OverallResult::Incomplete => "predicted.incomplete",
    })
}

fn title_block(flow: &mut Flow<'_>, r: &Report) {
    flow.paragraph(
        &t(r, "pdf.title"),
        Style {
            size: 22.0,
            bold: true,
            color: ACCENT,
        },
        0.0,
    );
    flow.space(2.0);
    flow.paragraph(
        &r.scope,
        Style {
            size: 15.0,
            bold: false,
            color: TEXT,
        },
        0.0,
    );
    flow.space(10.0);
    let not_set = t(r, "pdf.not_set");
    let or_not_set = |text: &str| {
        if text.trim().is_empty() {
            not_set.clone()
        } else {
            text.to_owned()
        }
    };
    let objectives: Vec<String> = r.objectives.iter().map(|o| o.render(r.lang)).collect();
    let basis = match &r.audit {
        Some(a) => Message::new("pdf.basis_audit")
            .arg_message("kind", a.kind.clone())
            .arg("date", a.closing_meeting)
            .render(r.lang),
        None => t(r, "pdf.basis_self"),
    };
    let mut rows = vec![
        (t(r, "pdf.company"), r.company.clone()),
        (t(r, "pdf.scope"), r.scope.clone()),
    ];
    if let Some(id) = &r.enx_scope_id {
        rows.push((t(r, "pdf.enx_scope_id"), id.clone()));
    }
    rows.extend([
        (t(r, "pdf.objectives"), or_not_set(&objectives.join(", "))),
        (t(r, "pdf.locations"), or_not_set(&r.locations.join(", "))),
        (t(r, "pdf.catalogue"), r.catalogue.clone()),
        (t(r, "pdf.provider"), or_not_set(&r.provider)),
        (
            t(r, "pdf.planned_audit"),
            r.planned_audit.map_or(not_set.clone(), |d| day(r, d)),
        ),
        (t(r, "pdf.basis"), basis),
        (
            t(r, "pdf.generated_on"),
            format!(
                "{} {} UTC",
                day(r, r.generated_at.date_naive()),
                r.generated_at.format("%H:%M")
            ),
        ),
    ]);
    flow.pairs(&rows, 130.0);
}

fn key_figures(flow: &mut Flow<'_>, r: &Report) {
    flow.heading(&t(r, "pdf.summary"), 1, 80.0);
    let (caption, note) = match &r.audit {
        Some(_) => (t(r, "pdf.actual_result"), t(r, "pdf.actual_result_note")),
        None => (
            t(r, "pdf.predicted_result"),
            t(r, "pdf.predicted_result_note"),
        ),
    };
    let overdue = r.open_actions.iter().filter(|a| a.due < r.today).count();
    flow.figures(&[
        Figure {
            caption,
            value: overall_word(r.overall).render(r.lang),
            note,
            color: result_color(r.overall),
        },
        Figure {
            caption: t(r, "pdf.readiness"),
            value: percent(r, r.tally.readiness()),
            note: Message::new("pdf.covered_of")
                .arg("covered", r.tally.covered)
                .arg("total", r.tally.total())
                .render(r.lang),
            color: ACCENT,
        },
        Figure {
            caption: t(r, "pdf.gaps"),
            value: (r.tally.missing + r.tally.needs_review).to_string(),
            note: Message::new("pdf.gaps_note")
                .arg("missing", r.tally.missing)
                .arg("review", r.tally.needs_review)
                .render(r.lang),
            color: if r.tally.missing > 0 { RED } else { GREEN },
        },
        Figure {
            caption: t(r, "pdf.open_actions"),
            value: r.open_actions.len().to_string(),
            note: Message::new("pdf.overdue_count")
                .arg("count", overdue)
                .render(r.lang),
            color: if overdue > 0 { RED } else { ACCENT },
        },
    ]);
}

fn bar(r: &Report, label: String, tally: &Tally) -> Bar {
    let total = tally.total().max(1) as f32;
    Bar {
        label,
        segments: vec![
            (tally.covered as f32 / total, GREEN),
            (tally.needs_review as f32 / total, AMBER),
            (tally.missing as f32 / total, RED),
        ],
        value: if tally.total() == 0 {
            "–".to_owned()
        } else {
            percent(r, tally.readiness())
        },
    }
}

fn charts(flow: &mut Flow<'_>, r: &Report) {
    let legend = [
        (
            Message::new("requirement_state.covered").render(r.lang),
            GREEN,
        ),
        (
            Message::new("requirement_state.needs-review").render(r.lang),
            AMBER,
        ),
        (
            Message::new("requirement_state.missing").render(r.lang),
            RED,
        ),
    ];
    flow.heading(&t(r, "pdf.by_objective"), 2, 40.0);
    if r.by_objective.is_empty() {
        flow.paragraph(&t(r, "pdf.none"), Style::BODY, 0.0);
    } else {
        let bars: Vec<Bar> = r
            .by_objective
            .iter()
            .map(|(o, tally)| bar(r, o.render(r.lang), tally))
            .collect();
        flow.bars(&bars);
        flow.legend(&legend);
    }
    flow.heading(&t(r, "pdf.by_chapter"), 2, 40.0);
    if r.by_chapter.is_empty() {
        flow.paragraph(&t(r, "pdf.none"), Style::BODY, 0.0);
    } else {
        let bars: Vec<Bar> = r
            .by_chapter
            .iter()
            .map(|(id, title, tally)| bar(r, format!("{id} {title}"), tally))
            .collect();
        flow.bars(&bars);
        flow.legend(&legend);
    }
}

/// Days left as words: "in 12 days", "today", "3 days overdue".
pub(crate) fn countdown(r: &Report, due: chrono::NaiveDate) -> String {
    let days = (due - r.today).num_days();
    match days {
        0 => t(r, "pdf.due_today"),
        d if d > 0 => Message::new("pdf.days_left").arg("days", d).render(r.lang),
        d => Message::new("pdf.days_overdue")
            .arg("days", -d)
            .render(r.lang),
    }
}

fn labels(flow: &mut Flow<'_>, r: &Report) {
    flow.heading(&t(r, "pdf.labels"), 2, 40.0);
    if r.labels.is_empty() {
        flow.paragraph(&t(r, "pdf.no_labels"), Style::BODY, 0.0);
        return;
    }
    let columns = columns(
        r,
        &[
            ("pdf.objective", 3.0),
            ("pdf.label_kind", 2.0),
            ("pdf.valid_from", 2.0),
            ("pdf.expires", 2.0),
            ("pdf.countdown", 2.4),
        ],
    );
    let rows: Vec<Vec<Cell>> = r
        .labels
        .iter()
        .map(|l| {
            vec![
                Cell::new(l.objective.render(r.lang)),
                Cell::new(l.kind.render(r.lang)),
                Cell::new(day(r, l.valid_from)),
                Cell::new(day(r, l.expires)),
                urgent(r, l.expires),
            ]
        })
        .collect();
    flow.table(&columns, &rows);
}

/// A countdown cell: red when overdue, amber within 30 days.
fn urgent(r: &Report, due: chrono::NaiveDate) -> Cell {
    let days = (due - r.today).num_days();
    let color = if days < 0 {
        RED
    } else if days <= 30 {
        AMBER
    } else {
        TEXT
    };
    Cell::styled(
        countdown(r, due),
        Style {
            color,
            bold: days <= 30,
            ..Style::BODY
        },
    )
}

pub(crate) fn columns(r: &Report, keys: &[(&'static str, f32)]) -> Vec<Column> {
    keys.iter()
        .map(|(key, share)| Column {
            title: t(r, key),
            share: *share,
        })
        .collect()
}

fn actions(flow: &mut Flow<'_>, r: &Report) {
    flow.heading(&t(r, "pdf.actions"), 2, 40.0);
    if r.open_actions.is_empty() {
        flow.paragraph(&t(r, "pdf.no_actions"), Style::BODY, 0.0);
        return;
    }
    let columns = columns(
        r,
        &[
            ("pdf.owner", 2.0),
            ("pdf.due", 2.3),
            ("pdf.action", 3.9),
            ("pdf.question", 1.3),
            ("pdf.status", 1.4),
        ],
    );
    let rows: Vec<Vec<Cell>> = r
        .open_actions
        .iter()
        .map(|a| {
            let owner = if a.department.trim().is_empty() {
                a.owner.clone()
            } else {
                format!("{}\n{}", a.owner, a.department)
            };
            vec![
                Cell::new(owner),
                Cell::new(format!("{}\n{}", day(r, a.due), countdown(r, a.due))),
                Cell::new(a.description.clone()),
                Cell::new(a.question.clone()),
                Cell::new(a.status.render(r.lang)),
            ]
        })
        .collect();
    flow.table(&columns, &rows);
}

fn deadlines(flow: &mut Flow<'_>, r: &Report) {
    flow.heading(&t(r, "pdf.deadlines"), 2, 40.0);
    if r.deadlines.is_empty() {
        flow.paragraph(&t(r, "pdf.no_deadlines"), Style::BODY, 0.0);
        return;
    }
    let columns = columns(
        r,
        &[
            ("pdf.due", 1.6),
            ("pdf.deadline", 5.0),
            ("pdf.countdown", 2.0),
        ],
    );
    let rows: Vec<Vec<Cell>> = r
        .deadlines
        .iter()
        .map(|d| {
            vec![
                Cell::new(day(r, d.due)),
                Cell::new(d.what.render(r.lang)),
                urgent(r, d.due),
            ]
        })
        .collect();
    flow.table(&columns, &rows);
    if r.more_deadlines > 0 {
        flow.paragraph(
            &Message::new("pdf.more_deadlines")
                .arg("count", r.more_deadlines)
                .render(r.lang),
            Style::SMALL,
            0.0,
        );
    }
}
