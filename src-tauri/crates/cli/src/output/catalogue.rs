//! Printing catalogues: import outcomes, the list, a catalogue's tree and search hits.

use csmsdesk_core::catalogue::references::Reference;
use csmsdesk_core::catalogue::{Catalogue, CatalogueNote};
use csmsdesk_core::i18n::Message;
use csmsdesk_workspace::{CatalogueRecord, ImportOutcome, SearchHit, wire};

use super::Output;

impl Output {
    pub fn catalogue_import(&self, outcome: &ImportOutcome) {
        if self.json {
            return Self::print_json(&wire::import_outcome(outcome));
        }
        let c = &outcome.catalogue;
        let key = if outcome.already_imported {
            "catalogue.already_imported"
        } else {
            "catalogue.imported"
        };
        let line = Message::new(key)
            .arg("file", &c.source_file)
            .arg("id", c.id)
            .arg("name", &c.name)
            .arg("version", &c.version)
            .arg("chapters", c.counts.chapters)
            .arg("questions", c.counts.control_questions)
            .arg("requirements", c.counts.requirements)
            .arg("must", c.counts.must)
            .arg("should", c.counts.should);
        out_line!("{}", line.render(self.lang));
        for note in &outcome.notes {
            let CatalogueNote::DuplicateRequirementRenamed { id, renamed, row } = note;
            let line = Message::new("catalogue.note_duplicate")
                .arg("id", id)
                .arg("renamed", renamed)
                .arg("row", row);
            out_line!("  {}", line.render(self.lang));
        }
        if let Some(change) = &outcome.version_change {
            let key = if change.table_known {
                "catalogue.version_change"
            } else {
                "catalogue.version_change_no_table"
            };
            let line = Message::new(key)
                .arg("old", &change.from.version)
                .arg("new", &c.version)
                .arg("moved", change.changes.moved.len())
                .arg("added", change.changes.added.len())
                .arg("removed", change.changes.removed.len());
            out_line!("{}", line.render(self.lang));
            for (from, to) in &change.changes.moved {
                out_line!("  {from} → {to}");
            }
            for id in &change.changes.added {
                out_line!("  + {id}");
            }
            for id in &change.changes.removed {
                out_line!("  − {id}");
            }
        }
    }

    pub fn catalogue_list(&self, catalogues: &[CatalogueRecord]) {
        if self.json {
            return Self::print_json(
                &catalogues
                    .iter()
                    .map(wire::catalogue_record)
                    .collect::<Vec<_>>(),
            );
        }
        if catalogues.is_empty() {
            out_line!("{}", self.t("cli.catalogue.none"));
        }
        for c in catalogues {
            let mut line = Message::new("cli.catalogue.list_line")
                .arg("id", c.id)
                .arg("name", &c.name)
                .arg("version", &c.version)
                .arg("questions", c.counts.control_questions)
                .arg("requirements", c.counts.requirements)
                .arg("imported_at", &c.imported_at)
                .render(self.lang);
            if let Some(newer) = c.superseded_by {
                line.push_str(
                    &Message::new("cli.catalogue.superseded")
                        .arg("id", newer)
                        .render(self.lang),
                );
            }
            out_line!("{line}");
        }
    }

    pub fn catalogue_show(
        &self,
        record: &CatalogueRecord,
        tree: &Catalogue,
        references: &[(String, String, Reference)],
    ) {
        if self.json {
            return Self::print_json(&wire::catalogue_tree(record, tree, references));
        }
        out_line!(
            "{} {} ({})",
            record.name,
            record.version,
            record.source_file
        );
        let first_line = |text: &str| text.lines().next().unwrap_or_default().to_owned();
        for chapter in &tree.chapters {
            out_line!("\n{} {}", chapter.id, chapter.title);
            for q in &chapter.questions {
                out_line!("  {:<6} {}", q.id, first_line(&q.text));
                for r in &q.requirements {
                    let kinds = match (r.must.is_empty(), r.should.is_empty()) {
                        (false, false) => "must+should",
                        (false, true) => "must",
                        (true, false) => "should",
                        (true, true) => "-",
                    };
                    out_line!(
                        "    {:<9} {:<11} {}",
                        r.id,
                        kinds,
                        first_line(if r.must.is_empty() {
                            &r.should
                        } else {
                            &r.must
                        })
                    );
                }
            }
        }
    }

    pub fn catalogue_search(&self, hits: &[SearchHit]) {
        if self.json {
            return Self::print_json(&wire::search_hits(hits));
        }
        for hit in hits {
            out_line!(
                "{}",
                hit.requirement_id.as_deref().unwrap_or(&hit.question_id)
            );
        }
    }
}
