//! `evidence set`: one change to many evidence items, named by id or chosen by a filter.

use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{BulkChange, Error, EvidencePageInput, EvidenceSelection, Workspace};

use crate::args::SetArgs;
use crate::output::Output;
use crate::resolve;

impl SetArgs {
    /// The items the flags choose: the ids given, or a filter (every item for `--all`).
    fn selection(&self) -> Result<EvidenceSelection, Error> {
        let filtered = self.filter.is_some()
            || self.state.is_some()
            || self.of_type.is_some()
            || self.unlinked
            || self.all;
        if !self.ids.is_empty() || !filtered {
            let ids = self
                .ids
                .iter()
                .map(|id| resolve::evidence(id))
                .collect::<Result<_, _>>()?;
            return Ok(EvidenceSelection { ids, filter: None });
        }
        Ok(EvidenceSelection {
            ids: Vec::new(),
            filter: Some(EvidencePageInput {
                filter: self.filter.clone().unwrap_or_default(),
                state: self.state.clone().unwrap_or_default(),
                work_product: self.of_type.clone().unwrap_or_default(),
                linked: self.unlinked.then_some(false),
                ..EvidencePageInput::default()
            }),
        })
    }

    /// The one change asked for (clap makes sure there is exactly one).
    fn change(&self, ws: &Workspace) -> Result<BulkChange, Error> {
        let set = |field: &str, value: &str| BulkChange::Set {
            field: field.to_owned(),
            value: value.to_owned(),
        };
        Ok(if let Some(wp) = &self.work_product {
            set("work_product", wp)
        } else if let Some(owner) = &self.owner {
            set("owner", owner)
        } else if let Some(c) = &self.classification {
            set("classification", c)
        } else if let Some(date) = &self.review_due {
            set("review_due", date)
        } else if self.reviewed {
            BulkChange::Review {
                next_review: self.next_review.clone(),
            }
        } else if !self.links.is_empty() {
            BulkChange::Link(self.place.input(ws, &self.links)?)
        } else {
            BulkChange::Remove
        })
    }
}

/// Runs `evidence set`; `Ok(false)` when a removal waits for `--yes`.
pub fn set(
    ws: &mut Workspace,
    args: &SetArgs,
    out: &Output,
    today: NaiveDate,
) -> Result<bool, Error> {
    let selection = args.selection()?;
    let change = args.change(ws)?;
    if change == BulkChange::Remove && !args.yes {
        // Removal is confirmed by running again: the count says what it would remove.
        let count = match &selection.filter {
            Some(filter) => {
                let counted = EvidencePageInput {
                    limit: Some(0),
                    ..filter.clone()
                };
                ws.evidence_page(&counted, today, out.lang())?.total
            }
            None => selection.ids.len() as u64,
        };
        err_line!(
            "{}",
            Message::new("cli.evidence.confirm_remove")
                .arg("count", count)
                .render(out.lang())
        );
        return Ok(false);
    }
    let outcome = ws.bulk_evidence(&selection, &change, today, out.lang())?;
    out.bulk_outcome(&outcome, &change);
    Ok(true)
}
