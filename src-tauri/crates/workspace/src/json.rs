//! The JSON shapes both shells send out: `csmsdesk-cli --json` (a contract, docs/CLI.md) and the
//! desktop app's IPC. One builder per shape keeps the two identical.

use csmsdesk_core::catalogue::references::Reference;
use csmsdesk_core::catalogue::renumbering::IdChanges;
use csmsdesk_core::catalogue::{Catalogue, CatalogueNote};
use csmsdesk_core::i18n::Lang;
use serde_json::{Value, json};

use crate::{CatalogueRecord, ImportOutcome, SearchHit};

/// A catalogue's identity and counts (`catalogue` in docs/CLI.md).
pub fn catalogue_record(c: &CatalogueRecord) -> Value {
    json!({
        "id": c.id,
        "name": c.name,
        "version": c.version,
        "source_file": c.source_file,
        "sha256": c.source_sha256,
        "imported_at": c.imported_at,
        "superseded_by": c.superseded_by,
        "chapters": c.counts.chapters,
        "control_questions": c.counts.control_questions,
        "requirements": c.counts.requirements,
        "must": c.counts.must,
        "should": c.counts.should,
    })
}

fn note(n: &CatalogueNote) -> Value {
    match n {
        CatalogueNote::DuplicateRequirementRenamed { id, renamed, row } => {
            json!({ "kind": "duplicate_requirement_renamed", "id": id, "renamed": renamed, "row": row })
        }
    }
}

fn id_changes(changes: &IdChanges) -> Value {
    json!({
        "moved": changes.moved.iter().map(|(from, to)| json!({ "from": from, "to": to })).collect::<Vec<_>>(),
        "added": changes.added,
        "removed": changes.removed,
    })
}

/// What an import did.
pub fn import_outcome(outcome: &ImportOutcome) -> Value {
    json!({
        "catalogue": catalogue_record(&outcome.catalogue),
        "already_imported": outcome.already_imported,
        "notes": outcome.notes.iter().map(note).collect::<Vec<_>>(),
        "version_change": outcome.version_change.as_ref().map(|change| json!({
            "from": catalogue_record(&change.from),
            "table_known": change.table_known,
            "scopes_moved": change.scopes_moved,
            "changes": id_changes(&change.changes),
        })),
    })
}

fn reference(field: &str, r: &Reference) -> Value {
    json!({ "field": field, "tag": r.tag, "kind": r.kind.as_str(), "clause": r.clause })
}

/// A catalogue with its whole tree; `references` are (requirement, field, reference).
pub fn catalogue_tree(
    record: &CatalogueRecord,
    tree: &Catalogue,
    references: &[(String, String, Reference)],
) -> Value {
    let refs_of = |id: &str| -> Vec<Value> {
        references
            .iter()
            .filter(|(r, _, _)| r == id)
            .map(|(_, field, r)| reference(field, r))
            .collect()
    };
    json!({
        "catalogue": catalogue_record(record),
        "groups_5112": tree.groups_5112.iter().map(|g| json!({ "id": g.id, "title": g.title })).collect::<Vec<_>>(),
        "chapters": tree.chapters.iter().map(|c| json!({
            "id": c.id,
            "title": c.title,
            "questions": c.questions.iter().map(|q| json!({
                "id": q.id,
                "id_5112": q.id_5112,
                "text": q.text,
                "objective": q.objective,
                "requirements": q.requirements.iter().map(|r| json!({
                    "id": r.id,
                    "id_5112": r.id_5112,
                    "must": r.must,
                    "must_references": r.must_references,
                    "should": r.should,
                    "should_references": r.should_references,
                    "further_information": r.further_information,
                    "possible_evidence": r.possible_evidence,
                    "references": refs_of(&r.id),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Search results: the matching question and requirement IDs.
pub fn search_hits(hits: &[SearchHit]) -> Value {
    Value::Array(
        hits.iter()
            .map(|h| json!({ "question": h.question_id, "requirement": h.requirement_id }))
            .collect(),
    )
}

fn labels(labels: &[csmsdesk_core::scope::TisaxLabel]) -> Vec<Value> {
    labels
        .iter()
        .map(|l| json!({ "label": l.label, "level": l.level, "expires": l.expires.to_string() }))
        .collect()
}

/// A location with its labels.
pub fn location(l: &crate::LocationRecord) -> Value {
    json!({
        "id": l.id,
        "name": l.name,
        "address": l.address,
        "tisax_scope_id": l.tisax_scope_id.as_ref().map(ToString::to_string),
        "cs_activities": l.cs_activities,
        "notes": l.notes,
        "labels": labels(&l.labels),
    })
}

/// A scope with its applicability table and prerequisite check, messages in `lang`
/// (`scope list` uses `name`, `objectives`, `locations`, `applicable_questions`).
pub fn scope_view(view: &crate::ScopeView, lang: Lang) -> Value {
    let s = &view.scope;
    json!({
        "id": s.id,
        "name": s.name,
        "enx_scope_id": s.enx_scope_id.as_ref().map(ToString::to_string),
        "catalogue_id": s.catalogue_id,
        "planned_audit_date": s.planned_audit_date.map(|d| d.to_string()),
        "audit_provider": s.audit_provider,
        "objectives": s.objectives.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
        "locations": view.locations.iter().map(|l| l.name.clone()).collect::<Vec<_>>(),
        "applicable_questions": view.applicable_questions(),
        "applicable_requirements": view.applicable_requirements(),
        "questions": view.questions.iter().map(|q| json!({
            "id": q.applicability.question_id,
            "chapter": q.chapter_id,
            "text": q.text,
            "by_default": q.applicability.by_default,
            "applicable": q.applicability.applicable,
            "overridden": q.applicability.overridden.is_some(),
            "justification": q.applicability.overridden.as_ref().map(|(_, j)| j.clone()).unwrap_or_default(),
            "requirements": q.requirements,
            "should_requirements": q.should_requirements.iter().map(|(id, deviation)| json!({
                "id": id,
                "deviation": deviation,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "check": check(view, lang),
    })
}

/// The prerequisite check: `ok` unless an error-severity problem was found.
pub fn check(view: &crate::ScopeView, lang: Lang) -> Value {
    problems(&view.problems, view.checked_on, lang)
}

/// A prerequisite check's outcome: `ok`, `checked_on`, `problems`.
fn problems(
    problems: &[csmsdesk_core::scope::Prerequisite],
    checked_on: chrono::NaiveDate,
    lang: Lang,
) -> Value {
    use csmsdesk_core::scope::Severity;
    json!({
        "ok": problems.iter().all(|p| p.severity() != Severity::Error),
        "checked_on": checked_on.to_string(),
        "problems": problems.iter().map(|p| json!({
            "code": p.code(),
            "severity": match p.severity() { Severity::Error => "error", Severity::Warning => "warning" },
            "message": p.message().render(lang),
        })).collect::<Vec<_>>(),
    })
}

/// A protection object.
pub fn protection_object(
    p: &crate::ProtectionObjectRecord,
    location_names: &[(i64, String)],
) -> Value {
    json!({
        "id": p.id,
        "name": p.name,
        "item": p.item,
        "customer": p.customer,
        "partner_participant_id": p.partner_participant_id.as_ref().map(ToString::to_string),
        "confidentiality": p.confidentiality,
        "integrity": p.integrity,
        "availability": p.availability,
        "lifecycle_phases": p.lifecycle_phases,
        "objectives": p.objectives.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
        "locations": p.location_ids.iter()
            .filter_map(|id| location_names.iter().find(|(l, _)| l == id).map(|(_, n)| n.clone()))
            .collect::<Vec<_>>(),
    })
}

/// The sampling per objective.
pub fn sampling(rows: &[crate::Sampling]) -> Value {
    Value::Array(
        rows.iter()
            .map(|s| {
                json!({
                    "objective": s.objective.as_str(),
                    "population": s.population,
                    "suggested": s.suggested,
                    "chosen": s.chosen,
                })
            })
            .collect(),
    )
}

/// What adding evidence did: `evidence` lists the items added (docs/CLI.md), `outcomes` every file.
pub fn evidence_added(report: &crate::AddReport, lang: Lang) -> Value {
    use crate::FileResult;
    json!({
        "evidence": report.added().map(|(id, title, blob)| json!({
            "id": id, "title": title, "sha256": blob.sha256, "size": blob.size, "version": 1,
        })).collect::<Vec<_>>(),
        "outcomes": report.outcomes.iter().map(|o| {
            let path = o.path.display().to_string();
            match &o.result {
                FileResult::Added { id, .. } => json!({ "path": path, "outcome": "added", "id": id }),
                FileResult::AlreadyEvidence { id, .. } => json!({
                    "path": path, "outcome": "already_evidence", "id": id,
                    "message": csmsdesk_core::i18n::Message::new("evidence.already")
                        .arg("path", &path).arg("id", id).render(lang),
                }),
                FileResult::Failed(message) => json!({
                    "path": path, "outcome": "failed", "message": message.render(lang),
                }),
            }
        }).collect::<Vec<_>>(),
        "cancelled": report.cancelled,
    })
}

/// One evidence item with its state and links (`evidence list` in docs/CLI.md: `id`, `title`,
/// `sha256`, `version`, `state`, `links`).
pub fn evidence(view: &crate::EvidenceView) -> Value {
    let r = &view.record;
    json!({
        "id": r.id,
        "title": r.title,
        "work_product": r.work_product,
        "owner": r.owner,
        "classification": r.classification.as_str(),
        "review_due": r.review_due.map(|d| d.to_string()),
        "source_path": r.source_path.display().to_string(),
        "file_name": r.file_name,
        "sha256": r.sha256,
        "size": r.size,
        "version": r.latest_version,
        "reviewed_version": r.reviewed_version,
        "added_at": r.added_at,
        "state": view.state.as_str(),
        "links": view.links.iter().map(|l| l.link.target_id.as_str()).collect::<Vec<_>>(),
        "link_details": view.links.iter().map(|l| json!({
            "id": l.link.id,
            "target": l.link.target_id,
            "catalogue_id": l.link.catalogue_id,
            "scope": l.scope,
            "protection_object": l.protection_object,
            "note": l.link.note,
        })).collect::<Vec<_>>(),
    })
}

/// One evidence item with every version it has had.
pub fn evidence_item(
    view: &crate::EvidenceView,
    versions: &[csmsdesk_store::evidence::VersionRecord],
) -> Value {
    let mut value = evidence(view);
    value["versions"] = versions
        .iter()
        .map(|v| {
            json!({
                "version": v.version, "sha256": v.sha256, "size": v.size,
                "file_name": v.file_name, "recorded_at": v.recorded_at,
            })
        })
        .collect();
    value
}

/// What a scan found (`evidence scan` in docs/CLI.md: `unchanged`, `changed`, `missing`).
pub fn scan_report(report: &crate::ScanReport, lang: Lang) -> Value {
    json!({
        "unchanged": report.unchanged,
        "changed": report.changed,
        "missing": report.missing,
        "failed": report.failed.iter().map(|(id, m)| json!({ "id": id, "message": m.render(lang) })).collect::<Vec<_>>(),
        "not_scanned": report.not_scanned,
        "cancelled": report.cancelled,
    })
}

fn tally(t: &csmsdesk_core::readiness::Tally) -> Value {
    json!({
        "covered": t.covered,
        "needs_review": t.needs_review,
        "missing": t.missing,
        "total": t.total(),
        "readiness": t.readiness(),
    })
}

/// A scope's readiness (`status` in docs/CLI.md: `readiness`, `requirements`, `predicted_result`,
/// `questions`).
pub fn readiness(r: &crate::Readiness) -> Value {
    json!({
        "scope": r.scope.name,
        "on": r.on.to_string(),
        "readiness": r.tally.readiness(),
        "requirements": tally(&r.tally),
        "predicted_result": r.predicted.as_str(),
        "questions": r.questions.iter().map(|q| json!({
            "id": q.id,
            "chapter": q.chapter_id,
            "text": q.text,
            "applicable": q.applicable,
            "state": q.state.map_or("na", |s| s.as_str()),
            "requirements": tally(&q.tally),
            "result": q.assessment.result.map(|r| r.as_str()),
            "implementation": q.assessment.implementation,
            "reference_documentation": q.assessment.reference_documentation,
        })).collect::<Vec<_>>(),
        "requirement_states": r.requirements.iter().map(requirement).collect::<Vec<_>>(),
        "chapters": r.chapters.iter().map(|c| json!({
            "id": c.id, "title": c.title, "requirements": tally(&c.tally),
        })).collect::<Vec<_>>(),
        "objectives": r.objectives.iter().map(|(o, t)| json!({
            "objective": o.as_str(), "requirements": tally(t),
        })).collect::<Vec<_>>(),
    })
}

fn requirement(r: &crate::RequirementStatus) -> Value {
    json!({
        "id": r.id,
        "question": r.question_id,
        "chapter": r.chapter_id,
        "state": r.state.as_str(),
        "must": r.has_must,
        "deviation": r.deviation,
        "linked": r.linked,
        "current": r.current,
    })
}

/// What the dashboard shows for one scope.
pub fn dashboard(d: &crate::Dashboard, lang: Lang) -> Value {
    json!({
        "readiness": readiness(&d.readiness),
        "check": problems(&d.problems, d.checked_on, lang),
        "history": d.history.iter().map(|(day, t)| json!({
            "day": day.to_string(), "requirements": tally(t),
        })).collect::<Vec<_>>(),
        "top_gaps": d.top_gaps.iter().map(requirement).collect::<Vec<_>>(),
    })
}

/// Duplicate and orphaned evidence.
pub fn evidence_findings(f: &crate::EvidenceFindings) -> Value {
    let item = |(id, title): &(i64, String)| json!({ "id": id, "title": title });
    json!({
        "duplicates": f.duplicates.iter().map(|g| g.iter().map(item).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "orphans": f.orphans.iter().map(item).collect::<Vec<_>>(),
    })
}

/// What a filled-workbook import changes (or changed).
pub fn assessment_import(i: &crate::AssessmentImport, lang: Lang) -> Value {
    json!({
        "file": i.file,
        "applied": i.applied,
        "changes": i.changes.iter().map(|c| json!({
            "question": c.question_id, "field": c.field, "before": c.before, "after": c.after,
        })).collect::<Vec<_>>(),
        "skipped": i.skipped.iter().map(|(row, question, message)| json!({
            "row": row, "question": question, "message": message.render(lang),
        })).collect::<Vec<_>>(),
    })
}

/// One question's stored self-assessment.
pub fn assessment(a: &csmsdesk_store::assessment::AssessmentRecord) -> Value {
    json!({
        "question": a.question_id,
        "result": a.result.map(|r| r.as_str()),
        "implementation": a.implementation,
        "reference_documentation": a.reference_documentation,
        "updated_at": a.updated_at,
    })
}

/// An audit's own fields.
pub fn audit(a: &csmsdesk_store::audit::AuditRecord) -> Value {
    json!({
        "id": a.id,
        "scope_id": a.scope_id,
        "kind": a.kind.as_str(),
        "provider": a.provider,
        "lead_auditor": a.lead_auditor,
        "opening_meeting": a.opening_meeting.map(|d| d.to_string()),
        "closing_meeting": a.closing_meeting.to_string(),
        "phases": {
            "organisation": a.phases[0].as_str(),
            "sampling": a.phases[1].as_str(),
            "sample-check": a.phases[2].as_str(),
        },
        "decision": a.decision,
        "decision_reason": a.decision_reason,
    })
}

pub fn finding(f: &csmsdesk_store::audit::FindingRecord) -> Value {
    json!({
        "id": f.id,
        "audit_id": f.audit_id,
        "question": f.question_id,
        "protection_object_id": f.protection_object_id,
        "type": f.kind.as_str(),
        "text": f.description,
    })
}

pub fn action(a: &csmsdesk_store::audit::ActionRecord) -> Value {
    json!({
        "id": a.id,
        "finding_id": a.finding_id,
        "text": a.description,
        "owner": a.owner,
        "department": a.department,
        "due": a.due.to_string(),
        "justification": a.justification,
        "status": a.status.as_str(),
        "evidence": a.evidence_ids,
    })
}

/// An audit with its results, overall result, findings and actions (`audit show`: `overall`).
pub fn audit_view(v: &crate::AuditView) -> Value {
    json!({
        "audit": audit(&v.audit),
        "id": v.audit.id,
        "scope": v.scope,
        "overall": v.overall.as_str(),
        "questions": v.questions.iter().map(|(id, applicable, r)| json!({
            "id": id,
            "applicable": applicable,
            "result": r.as_ref().map(|r| r.result.as_str()),
            "findings_description": r.as_ref().map(|r| r.findings_description.as_str()).unwrap_or_default(),
        })).collect::<Vec<_>>(),
        "findings": v.findings.iter().map(finding).collect::<Vec<_>>(),
        "actions": v.actions.iter().map(action).collect::<Vec<_>>(),
        "due_limits": {
            "free": v.due_limits.free.to_string(),
            "justified": v.due_limits.justified.to_string(),
            "max": v.due_limits.max.to_string(),
        },
    })
}

/// The labels of scopes as a flat list (`labels` in docs/CLI.md: `scope`, `objective`, `kind`,
/// `valid_from`, `expires`, `days_left`).
pub fn vcs_labels(list: &[crate::ScopeLabels], today: chrono::NaiveDate) -> Value {
    Value::Array(
        list.iter()
            .flat_map(|s| {
                s.outcome.labels.iter().map(move |l| {
                    let mut value = label(l, today);
                    value["scope"] = json!(s.scope.name);
                    value
                })
            })
            .collect(),
    )
}

/// One VCS label with its countdown on `today`.
fn label(l: &csmsdesk_core::labels::Label, today: chrono::NaiveDate) -> Value {
    json!({
        "objective": l.objective.as_str(),
        "kind": l.kind.as_str(),
        "valid_from": l.valid_from.to_string(),
        "expires": l.expires.to_string(),
        "days_left": l.days_left(today),
    })
}

/// Per scope: its labels, what must happen next and the dates that matter (the dashboard's
/// countdown cards).
pub fn label_cards(list: &[crate::ScopeLabels], today: chrono::NaiveDate, lang: Lang) -> Value {
    Value::Array(
        list.iter()
            .map(|s| {
                json!({
                    "scope": s.scope.name,
                    "labels": s.outcome.labels.iter().map(|l| label(l, today)).collect::<Vec<_>>(),
                    "follow_up_due": s.outcome.follow_up_due.map(|d| d.to_string()),
                    "renewal_from": s.outcome.renewal_from.map(|d| d.to_string()),
                    "next_step": s.next_step.render(lang),
                })
            })
            .collect(),
    )
}

/// Deadlines (`deadlines` in docs/CLI.md: `kind`, `what`, `due`, `days_left`, `scope`).
pub fn deadlines(
    list: &[csmsdesk_core::deadlines::Deadline],
    today: chrono::NaiveDate,
    lang: Lang,
) -> Value {
    Value::Array(
        list.iter()
            .map(|d| json!({
                "kind": d.kind.as_str(),
                "kind_name": csmsdesk_core::i18n::Message::new(crate::kind_key(d.kind)).render(lang),
                "key": d.key,
                "what": d.what.render(lang),
                "due": d.due.to_string(),
                "days_left": d.days_left(today),
                "overdue": d.overdue(today),
                "countdown": csmsdesk_core::deadlines::countdown(d.days_left(today)).render(lang),
                "scope": d.scope,
                "owner": d.owner,
            }))
            .collect(),
    )
}

/// What a provider's filled workbook brings (or brought) to an audit.
pub fn provider_import(i: &crate::ProviderImport, lang: Lang) -> Value {
    json!({
        "file": i.file,
        "applied": i.applied,
        "results": i.results.iter().map(|(q, before, after, text)| json!({
            "question": q, "before": before.map(|r| r.as_str()), "after": after.as_str(),
            "findings_description": text,
        })).collect::<Vec<_>>(),
        "measures": i.measures.iter().map(|(q, text)| json!({ "question": q, "text": text })).collect::<Vec<_>>(),
        "skipped": i.skipped.iter().map(|(row, question, message)| json!({
            "row": row, "question": question, "message": message.render(lang),
        })).collect::<Vec<_>>(),
    })
}

/// The editable label and corrective-action rules, in months.
pub fn label_rules(r: &csmsdesk_core::labels::LabelRules) -> Value {
    json!({
        "labels.permanent_months": r.permanent_months,
        "labels.temporary_months": r.temporary_months,
        "labels.renewal_reminder_months": r.renewal_reminder_months,
        "actions.free_months": r.action_free_months,
        "actions.justified_months": r.action_justified_months,
        "actions.max_months": r.action_max_months,
    })
}

/// The rules in force (`rules show --json`, `rules_get`): the matrix, the label expiry
/// warning, the label and corrective-action months and the notification days.
pub fn rules(r: &crate::Rules) -> Value {
    json!({
        "applicability_matrix": r.applicability_matrix,
        "label_expiry_warning_days": r.label_expiry_warning_days,
        "label_rules": label_rules(&r.label_rules),
        "notify_days": r.notify_days,
    })
}

/// Core's lists, the limits of every editable rule and the rules in force (`vocabulary`):
/// the window holds no copy of any of them.
pub fn vocabulary(r: &crate::Rules) -> Value {
    use csmsdesk_core::audit::{ActionStatus, AuditKind, FindingKind, PHASES, PhaseState};
    use csmsdesk_core::evidence::{Classification, WORK_PRODUCTS};
    use csmsdesk_core::results::{OverallResult, QuestionResult};
    use csmsdesk_core::scope::{Objective, TISAX_LABELS};
    let mut months = r.label_rules;
    json!({
        "tisax_labels": TISAX_LABELS.as_slice(),
        "objectives": Objective::ALL.map(Objective::as_str),
        "work_products": WORK_PRODUCTS.as_slice(),
        "classifications": Classification::ALL.map(Classification::as_str),
        "audit_kinds": AuditKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "phases": PHASES.as_slice(),
        "phase_states": PhaseState::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        // An audit gives applicable questions a result; NA comes from the scope.
        "audit_results": QuestionResult::ALL
            .into_iter()
            .filter(|q| *q != QuestionResult::Na)
            .map(QuestionResult::as_str)
            .collect::<Vec<_>>(),
        "overall_results": OverallResult::ALL.map(OverallResult::as_str),
        "finding_types": FindingKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "action_statuses": ActionStatus::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        "limits": {
            "label_expiry_warning_days": { "min": 0, "max": crate::MAX_WARNING_DAYS },
            "notify_days": { "min": 0, "max": crate::MAX_NOTIFY_DAYS },
            "label_rules": crate::rules::RULE_KEYS.iter().map(|k| json!({
                "key": k.key,
                "min": 1,
                "max": k.max,
                "fixed": k.fixed,
                "months": *(k.field)(&mut months),
            })).collect::<Vec<_>>(),
        },
        "rules": rules(r),
    })
}

/// One journal entry, with its seal. `before` and `after` are the JSON objects the entry
/// holds (values shortened), or null.
pub fn journal_entry(e: &csmsdesk_core::journal::Entry) -> Value {
    let object = |text: &Option<String>| {
        text.as_deref().map(|t| {
            serde_json::from_str::<Value>(t).unwrap_or_else(|_| Value::String(t.to_owned()))
        })
    };
    json!({
        "seq": e.seq,
        "at": e.at,
        "user": e.user,
        "source": e.source,
        "table": e.table,
        "op": e.op,
        "key": serde_json::from_str::<Value>(&e.key).unwrap_or_else(|_| Value::String(e.key.clone())),
        "before": object(&e.before),
        "after": object(&e.after),
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    })
}

/// What `journal verify` found: `ok`, the count, the head and each problem with its message.
pub fn journal_report(r: &crate::JournalReport, lang: Lang) -> Value {
    json!({
        "ok": r.ok(),
        "entries": r.entries,
        "head": r.head.as_ref().map(|h| json!({ "seq": h.seq, "hash": h.hash })),
        "problems": r.problems.iter().map(|p| {
            let seq = match p {
                csmsdesk_core::journal::Problem::Edited { seq }
                | csmsdesk_core::journal::Problem::Unsealed { seq }
                | csmsdesk_core::journal::Problem::Inserted { seq }
                | csmsdesk_core::journal::Problem::Replaced { seq }
                | csmsdesk_core::journal::Problem::HeadMismatch { seq } => *seq,
                csmsdesk_core::journal::Problem::Deleted { first, .. } => *first,
                csmsdesk_core::journal::Problem::TailDeleted { last, .. } => *last + 1,
            };
            json!({ "kind": problem_kind(p), "seq": seq, "message": crate::problem_message(p).render(lang) })
        }).collect::<Vec<_>>(),
    })
}

fn problem_kind(p: &csmsdesk_core::journal::Problem) -> &'static str {
    use csmsdesk_core::journal::Problem;
    match p {
        Problem::Edited { .. } => "edited",
        Problem::Unsealed { .. } => "unsealed",
        Problem::Deleted { .. } => "deleted",
        Problem::Inserted { .. } => "inserted",
        Problem::Replaced { .. } => "replaced",
        Problem::TailDeleted { .. } => "tail_deleted",
        Problem::HeadMismatch { .. } => "head_mismatch",
    }
}

/// The workspace check: `ok`, SQLite's problems, the vault contents re-hashed and their
/// problems, and the journal.
pub fn check_report(r: &crate::CheckReport, lang: Lang) -> Value {
    json!({
        "ok": r.ok(),
        "integrity": if r.integrity.is_empty() { json!("ok") } else { json!(r.integrity) },
        "blobs_checked": r.blobs_checked,
        "blob_problems": r.blob_problems.iter().map(|m| m.render(lang)).collect::<Vec<_>>(),
        "journal": journal_report(&r.journal, lang),
    })
}

/// A written backup.
pub fn backup_report(r: &crate::BackupReport) -> Value {
    json!({
        "path": r.path,
        "sha256": r.sha256,
        "bytes": r.bytes,
        "blobs": r.blobs,
        "journal_entries": r.journal_entries,
        "created_at": r.created_at,
    })
}

/// A restored (or only checked) backup.
pub fn restore_report(r: &crate::RestoreReport, lang: Lang) -> Value {
    json!({
        "workspace": r.dir,
        "created_at": r.created_at,
        "schema_version": r.schema_version,
        "blobs": r.blobs,
        "bytes": r.bytes,
        "journal": journal_report(&r.journal, lang),
    })
}
