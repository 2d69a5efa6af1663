//! `catalogue`: importing, listing, showing and searching ENX catalogues.

use chrono::{DateTime, Utc};
use csmsdesk_workspace::{Error, Workspace};

use crate::args::CatalogueCommand;
use crate::output::Output;

pub fn run(
    ws: &mut Workspace,
    action: &CatalogueCommand,
    out: &Output,
    now: DateTime<Utc>,
) -> Result<bool, Error> {
    match action {
        CatalogueCommand::Import {
            file: Some(file),
            replace,
            ..
        } => out.catalogue_import(&ws.import_catalogue_replacing(file, now, *replace)?),
        CatalogueCommand::Import { file: None, .. } => {
            out.catalogue_import(&ws.import_demo_catalogue(now)?)
        }
        CatalogueCommand::List => out.catalogue_list(&ws.catalogues()?),
        CatalogueCommand::Show { id, search } => {
            let (record, tree) = ws.catalogue(*id)?;
            match search {
                Some(query) => out.catalogue_search(&ws.search_catalogue(record.id, query)?),
                None => {
                    let references = ws.catalogue_references(record.id)?;
                    out.catalogue_show(&record, &tree, &references);
                }
            }
        }
    }
    Ok(true)
}
