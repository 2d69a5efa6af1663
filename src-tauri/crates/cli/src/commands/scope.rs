//! `location`, `scope` and `po`: locations with their TISAX labels, VCS scopes with their
//! applicability and prerequisite check, protection objects and sampling.

use chrono::NaiveDate;
use csmsdesk_core::i18n::Message;
use csmsdesk_core::scope::Severity;
use csmsdesk_workspace::{
    Error, Invalid, LabelInput, LocationChanges, LocationInput, ProtectionObjectChanges,
    ProtectionObjectInput, ScopeChanges, ScopeInput, Workspace,
};

use crate::args::{LocationCommand, PoCommand, ScopeCommand};
use crate::output::Output;
use crate::resolve;

/// A `LABEL:LEVEL:EXPIRES` argument; `field` names the flag in the error.
fn label_argument(field: &str, text: &str) -> Result<LabelInput, Error> {
    LabelInput::parse_cli(text).ok_or_else(|| {
        Error::Invalid(vec![Invalid::new(
            field,
            Message::new("cli.error.label_format").arg("given", text),
        )])
    })
}

pub fn location(ws: &mut Workspace, action: &LocationCommand, out: &Output) -> Result<bool, Error> {
    match action {
        LocationCommand::Add {
            name,
            tisax_scope,
            tisax_label,
            no_cs_activities,
            address,
            notes,
        } => {
            let labels = tisax_label
                .iter()
                .map(|text| label_argument("tisax-label", text))
                .collect::<Result<Vec<_>, _>>()?;
            let input = LocationInput {
                name: name.clone(),
                address: address.clone(),
                tisax_scope_id: tisax_scope.clone().unwrap_or_default(),
                labels,
                cs_activities: !no_cs_activities,
                notes: notes.clone(),
            };
            out.location_added(&ws.add_location(&input)?);
        }
        LocationCommand::List => out.locations(&ws.locations()?),
        LocationCommand::Label { name, label } => {
            ws.add_location_label(
                resolve::location(ws, name)?,
                &label_argument("label", label)?,
            )?;
            out.done();
        }
        LocationCommand::Edit {
            name,
            new_name,
            tisax_scope,
            address,
            notes,
            cs_activities,
            remove_label,
            add_label,
        } => {
            let changes = LocationChanges {
                name: new_name.clone(),
                address: address.clone(),
                tisax_scope_id: tisax_scope.clone(),
                cs_activities: *cs_activities,
                notes: notes.clone(),
                remove_labels: remove_label.clone(),
                add_labels: add_label
                    .iter()
                    .map(|text| label_argument("add-label", text))
                    .collect::<Result<Vec<_>, _>>()?,
            };
            let location = resolve::location(ws, name)?;
            out.location_added(&ws.update_location_fields(location, &changes)?);
        }
        LocationCommand::Remove { name } => {
            ws.remove_location(resolve::location(ws, name)?)?;
            out.done();
        }
    }
    Ok(true)
}

/// Runs a scope command; `Ok(false)` when the prerequisite check finds an error.
pub fn scope(
    ws: &mut Workspace,
    action: &ScopeCommand,
    out: &Output,
    today: NaiveDate,
) -> Result<bool, Error> {
    match action {
        ScopeCommand::Add {
            name,
            objective,
            location,
            audit_date,
            catalogue,
            enx_scope_id,
            provider,
        } => {
            let input = ScopeInput {
                name: name.clone(),
                enx_scope_id: enx_scope_id.clone(),
                locations: resolve::locations(ws, location, "locations", "input.unknown_location")?,
                objectives: objective.clone(),
                catalogue_id: *catalogue,
                planned_audit_date: audit_date.clone(),
                audit_provider: provider.clone(),
            };
            out.scope_added(&ws.add_scope(&input, today)?);
        }
        ScopeCommand::List => {
            let views = ws
                .scope_names()?
                .iter()
                .map(|s| ws.scope_view(s.id, None, today))
                .collect::<Result<Vec<_>, _>>()?;
            out.scopes(&views);
        }
        ScopeCommand::Check { name, on } => {
            let view = ws.scope_view(resolve::scope(ws, name)?, *on, today)?;
            out.scope_check(&view);
            return Ok(view
                .problems
                .iter()
                .all(|p| p.severity() != Severity::Error));
        }
        ScopeCommand::Applicability {
            name,
            question,
            na,
            reason,
            ..
        } => {
            ws.set_applicability(resolve::scope(ws, name)?, question, !na, reason)?;
            out.done();
        }
        ScopeCommand::Deviation {
            name,
            requirement,
            reason,
        } => {
            ws.set_deviation(resolve::scope(ws, name)?, requirement, reason)?;
            out.done();
        }
        ScopeCommand::Edit {
            name,
            new_name,
            objective,
            enx_scope_id,
            audit_date,
            provider,
            location,
        } => {
            let changes = ScopeChanges {
                name: new_name.clone(),
                // No --objective keeps the scope's objectives.
                objectives: (!objective.is_empty()).then(|| objective.clone()),
                enx_scope_id: enx_scope_id.clone(),
                planned_audit_date: audit_date.clone(),
                audit_provider: provider.clone(),
                // No --location keeps the scope's locations.
                locations: match location.is_empty() {
                    true => None,
                    false => Some(resolve::locations(
                        ws,
                        location,
                        "locations",
                        "input.unknown_location",
                    )?),
                },
            };
            let scope = resolve::scope(ws, name)?;
            out.scope_added(&ws.update_scope_fields(scope, &changes, today)?);
        }
        ScopeCommand::Remove { name } => {
            ws.remove_scope(resolve::scope(ws, name)?)?;
            out.done();
        }
        ScopeCommand::Objectives { name, objective } => {
            out.scope_added(&ws.set_scope_objectives(resolve::scope(ws, name)?, objective)?);
        }
    }
    Ok(true)
}

pub fn po(ws: &mut Workspace, action: &PoCommand, out: &Output) -> Result<bool, Error> {
    match action {
        PoCommand::Add {
            name,
            scope,
            item,
            customer,
            partner,
            confidentiality,
            integrity,
            availability,
            phases,
            objective,
            location,
        } => {
            let scope = resolve::scope(ws, scope)?;
            let input = ProtectionObjectInput {
                scope,
                name: name.clone(),
                item: item.clone(),
                customer: customer.clone(),
                partner_participant_id: partner.clone(),
                confidentiality: *confidentiality,
                integrity: *integrity,
                availability: *availability,
                lifecycle_phases: phases.clone(),
                // No --objective: all of the scope's.
                objectives: (!objective.is_empty()).then(|| objective.clone()),
                locations: resolve::locations(
                    ws,
                    location,
                    "locations",
                    "input.location_not_in_scope",
                )?,
            };
            out.po_added(&ws.add_protection_object(&input)?);
        }
        PoCommand::Edit {
            name,
            scope,
            new_name,
            item,
            customer,
            partner,
            confidentiality,
            integrity,
            availability,
            phases,
            objective,
            location,
        } => {
            let scope = resolve::scope(ws, scope)?;
            let object = resolve::object(ws, scope, name)?;
            let changes = ProtectionObjectChanges {
                name: new_name.clone(),
                item: item.clone(),
                customer: customer.clone(),
                partner_participant_id: partner.clone(),
                confidentiality: *confidentiality,
                integrity: *integrity,
                availability: *availability,
                lifecycle_phases: phases.clone(),
                objectives: (!objective.is_empty()).then(|| objective.clone()),
                locations: match location.is_empty() {
                    true => None,
                    false => Some(resolve::locations(
                        ws,
                        location,
                        "locations",
                        "input.location_not_in_scope",
                    )?),
                },
            };
            out.po_added(&ws.update_protection_object_fields(object, &changes)?);
        }
        PoCommand::Remove { name, scope } => {
            let scope = resolve::scope(ws, scope)?;
            ws.remove_protection_object(resolve::object(ws, scope, name)?)?;
            out.done();
        }
        PoCommand::List { scope } => out.protection_objects(
            &ws.protection_objects(resolve::scope(ws, scope)?)?,
            &ws.locations()?,
        ),
        PoCommand::Sample {
            scope,
            objective: Some(objective),
            choose,
        } => out.sampling(&ws.choose_sample(resolve::scope(ws, scope)?, objective, choose)?),
        PoCommand::Sample {
            scope,
            objective: None,
            ..
        } => out.sampling(&ws.sampling(resolve::scope(ws, scope)?)?),
        PoCommand::Check {
            scope,
            po,
            question,
            status,
            note,
        } => {
            let scope = resolve::scope(ws, scope)?;
            ws.set_sample_check(resolve::object(ws, scope, po)?, question, status, note)?;
            out.done();
        }
    }
    Ok(true)
}
