//! One desk of `cargo xtask load` (issue 20, "Measured under load"): makes a number of changes
//! to a workspace on PostgreSQL, one at a time, while other desks do the same, and logs each
//! change it committed (and each save that was refused) so that the load run can check
//! afterwards that every committed change is in the workspace and none was overwritten unseen.
//!
//! ```text
//! load_client URL CLIENT CHANGES SEED LOG
//! cargo build --release -p csmsdesk-workspace --example load_client
//! ```
//!
//! The mix is drawn by a small generator from `SEED`, so a run can be repeated: links of
//! evidence to requirements, audit results, findings, corrective actions, and edits of a few
//! records every desk edits (the shared locations and findings). An edit reads the record's
//! revision, then the record, then saves a value that names this desk and its change with
//! that revision (as a form does): a save refused because another desk saved in between
//! (`ErrorCode::Changed`) is logged as refused and tried once more with a fresh read; when
//! that is refused too, the change is given up.
//!
//! What it expects of the workspace (`xtask/src/load/setup.rs` makes it so): locations named
//! `Shared 1`, `Shared 2`, ... (the shared locations); an audit whose provider is `Shared`
//! (its findings are the shared findings); an audit whose provider is `Load client CLIENT`
//! (this desk's results and findings go there); and evidence items titled `cCLIENT-...` (the
//! items this desk links, so that no two desks make the same link).
//!
//! The log has one tab-separated line per committed change or refused save:
//! `operation  record  based-on  made  value  microseconds  outcome`, where the record is
//! `location:ID`, `finding:ID`, `action:ID`, `result:AUDIT:QUESTION` or
//! `link:EVIDENCE:TARGET`; based-on and made are the revision read and the one the save made
//! (`-` where the change takes none); the value is `client C change N try T`, written into the
//! record (location notes, finding and action text, a result's findings description, a link's
//! note); the time is that of the attempt (reads and save), without logging; the outcome is
//! `committed` or `refused`. Each line is flushed and synced before the next change starts:
//! a desk killed at any moment has logged every change it committed but the last one.

use std::fs::File;
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Instant;

use csmsdesk_workspace::{
    ActionInput, AuditId, Error, ErrorCode, EvidenceId, FindingId, FindingInput, LinkInput,
    Location, LocationId, LocationInput, ProtectionObjectId, Record, Workspace,
};

/// The kinds of change, in the log's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Link,
    Result,
    Finding,
    Action,
    EditLocation,
    EditFinding,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Link => "link",
            Op::Result => "result",
            Op::Finding => "finding",
            Op::Action => "action",
            Op::EditLocation => "edit-location",
            Op::EditFinding => "edit-finding",
        }
    }

    /// The mix, in eighths: links 2, results 1, findings 1, actions 1, edits of shared
    /// locations 1.5 and of shared findings 1.5 (edits are where desks meet).
    fn draw(rng: &mut Rng) -> Op {
        match rng.below(16) {
            0..=3 => Op::Link,
            4..=5 => Op::Result,
            6..=7 => Op::Finding,
            8..=9 => Op::Action,
            10..=12 => Op::EditLocation,
            _ => Op::EditFinding,
        }
    }
}

/// A small deterministic generator (xorshift64*, as `cargo xtask crash` uses).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One logged attempt.
struct Line {
    op: Op,
    record: String,
    based_on: Option<i64>,
    made: Option<i64>,
    value: String,
    micros: u128,
    committed: bool,
}

/// This desk: its workspace, its log and what it works on.
struct Desk {
    ws: Workspace,
    client: usize,
    log: File,
    rng: Rng,
    /// This desk's evidence items and every requirement of the catalogue: the k-th link
    /// joins item `k % items` to requirement `k / items` (never the same pair twice).
    items: Vec<EvidenceId>,
    requirements: Vec<String>,
    links: usize,
    /// This desk's audit, its applicable questions, the findings it added there.
    audit: AuditId,
    questions: Vec<String>,
    /// The date corrective actions are due on (the audit's closing meeting).
    due: String,
    findings: Vec<FindingId>,
    shared_locations: Vec<LocationId>,
    shared_findings: Vec<FindingId>,
}

type Outcome<T> = std::result::Result<T, String>;

/// Names what failed: `what`, with the workspace's own message.
fn failed(what: &str) -> impl FnOnce(Error) -> String + '_ {
    move |e| format!("{what}: {e}")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("load_client: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Outcome<()> {
    let [url, client, changes, seed, log] = args else {
        return Err(format!(
            "usage: load_client URL CLIENT CHANGES SEED LOG (got {} arguments)",
            args.len()
        ));
    };
    let number = |name: &str, text: &str| -> Outcome<u64> {
        text.parse()
            .map_err(|_| format!("{name} must be a whole number, not {text:?}"))
    };
    let client = number("CLIENT", client)? as usize;
    let changes = number("CHANGES", changes)? as usize;
    let seed = number("SEED", seed)?;
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| format!("cannot open the log {log}: {e}"))?;
    let location = Location::parse(url.as_ref()).map_err(|e| format!("{url}: {e}"))?;
    let ws = Workspace::open_at(&location, chrono::Utc::now())
        .map_err(failed(&format!("cannot open the workspace {url}")))?;
    ws.set_journal_source(&format!("load client {client}"));
    // Never 0 (xorshift stays at 0), and different for every desk of one run.
    let rng = Rng((seed ^ (client as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1);
    let mut desk = Desk::new(ws, client, log, rng)?;
    for change in 1..=changes {
        desk.change(change)?;
    }
    Ok(())
}

impl Desk {
    /// Finds what the setup made for this desk and the shared records (see the module).
    fn new(ws: Workspace, client: usize, log: File, rng: Rng) -> Outcome<Desk> {
        let prefix = format!("c{client}-");
        let mut items: Vec<EvidenceId> = ws
            .evidence(chrono::Utc::now().date_naive())
            .map_err(failed("cannot list the evidence"))?
            .into_iter()
            .filter(|e| e.record.title.starts_with(&prefix))
            .map(|e| EvidenceId(e.record.id))
            .collect();
        items.sort_by_key(|id| id.0);
        let (_, catalogue) = ws
            .catalogue(None)
            .map_err(failed("cannot read the catalogue"))?;
        let requirements: Vec<String> = catalogue
            .chapters
            .iter()
            .flat_map(|c| &c.questions)
            .flat_map(|q| &q.requirements)
            .map(|r| r.id.clone())
            .collect();
        let audits = ws.audits(None).map_err(failed("cannot list the audits"))?;
        let find_audit = |provider: &str| {
            audits
                .iter()
                .find(|a| a.provider == provider)
                .ok_or_else(|| format!("no audit whose provider is {provider:?}"))
        };
        let own = find_audit(&format!("Load client {client}"))?;
        let shared = find_audit("Shared")?;
        let view = ws
            .audit_view(AuditId(own.id))
            .map_err(failed("cannot read this desk's audit"))?;
        let questions: Vec<String> = view
            .questions
            .iter()
            .filter(|(_, applicable, _)| *applicable)
            .map(|(id, _, _)| id.clone())
            .collect();
        let shared_findings: Vec<FindingId> = ws
            .audit_view(AuditId(shared.id))
            .map_err(failed("cannot read the shared audit"))?
            .findings
            .iter()
            .map(|f| FindingId(f.id))
            .collect();
        let shared_locations: Vec<LocationId> = ws
            .location_names()
            .map_err(failed("cannot list the locations"))?
            .into_iter()
            .filter(|l| l.name.starts_with("Shared "))
            .map(|l| l.id)
            .collect();
        if items.is_empty()
            || requirements.is_empty()
            || questions.is_empty()
            || shared_findings.is_empty()
            || shared_locations.is_empty()
        {
            return Err(format!(
                "the workspace is not set up for load client {client}: {} evidence items titled \
                 {prefix}*, {} requirements, {} applicable questions, {} shared findings, {} \
                 shared locations (each must be at least one)",
                items.len(),
                requirements.len(),
                questions.len(),
                shared_findings.len(),
                shared_locations.len()
            ));
        }
        Ok(Desk {
            due: own.closing_meeting.format("%Y-%m-%d").to_string(),
            ws,
            client,
            log,
            rng,
            items,
            requirements,
            links: 0,
            audit: AuditId(own.id),
            questions,
            findings: Vec::new(),
            shared_locations,
            shared_findings,
        })
    }

    /// Change number `n`: one drawn from the mix, logged once committed.
    fn change(&mut self, n: usize) -> Outcome<()> {
        let op = Op::draw(&mut self.rng);
        match op {
            Op::EditLocation | Op::EditFinding => {
                // A refused save is tried once more, from a fresh read.
                for attempt in 1..=2 {
                    let line = self.edit(op, n, attempt)?;
                    let committed = line.committed;
                    self.write(&line)?;
                    if committed {
                        break;
                    }
                }
                Ok(())
            }
            _ => {
                let line = self.add(op, n)?;
                self.write(&line)
            }
        }
    }

    fn value(&self, n: usize, attempt: usize) -> String {
        format!("client {} change {n} try {attempt}", self.client)
    }

    /// A change that no other desk makes: a link, a result, a finding or an action.
    fn add(&mut self, op: Op, n: usize) -> Outcome<Line> {
        let value = self.value(n, 1);
        let started = Instant::now();
        let record = match op {
            Op::Link => {
                let k = self.links;
                self.links += 1;
                let item = self.items[k % self.items.len()];
                let Some(target) = self.requirements.get(k / self.items.len()) else {
                    return Err(format!(
                        "load client {}: {} evidence items and {} requirements give only {} \
                         links, and change {n} needs one more: add more items",
                        self.client,
                        self.items.len(),
                        self.requirements.len(),
                        k
                    ));
                };
                let input = LinkInput {
                    targets: vec![target.clone()],
                    note: value.clone(),
                    ..LinkInput::default()
                };
                let added = self
                    .ws
                    .link_evidence(item, &input)
                    .map_err(failed(&format!("linking item {} to {target}", item.0)))?;
                if added != 1 {
                    return Err(format!(
                        "linking item {} to {target} made {added} links, not one: the link \
                         existed already",
                        item.0
                    ));
                }
                format!("link:{}:{target}", item.0)
            }
            Op::Result => {
                let question = &self.questions[self.rng.below(self.questions.len())];
                let result = ["conform", "minor", "major"][self.rng.below(3)];
                self.ws
                    .set_audit_result(self.audit, question, result, &value)
                    .map_err(failed(&format!(
                        "recording {result} for {question} in audit {}",
                        self.audit.0
                    )))?;
                format!("result:{}:{question}", self.audit.0)
            }
            Op::Finding => {
                let question = &self.questions[self.rng.below(self.questions.len())];
                // Kinds that go with any result: the results this desk records never
                // disagree with its findings.
                let kind = ["observation", "improvement"][self.rng.below(2)];
                let finding = self
                    .ws
                    .add_finding(self.audit, question, kind, &value, None)
                    .map_err(failed(&format!("adding a finding to {question}")))?;
                self.findings.push(FindingId(finding.id));
                format!("finding:{}", finding.id)
            }
            Op::Action => {
                // On one of this desk's findings, or a shared one before it has any.
                let finding = if self.findings.is_empty() {
                    self.shared_findings[self.rng.below(self.shared_findings.len())]
                } else {
                    self.findings[self.rng.below(self.findings.len())]
                };
                let input = ActionInput {
                    finding,
                    description: value.clone(),
                    owner: format!("Load client {}", self.client),
                    due: self.due.clone(),
                    ..ActionInput::default()
                };
                let (action, _) = self.ws.add_action(&input).map_err(failed(&format!(
                    "adding an action to finding {}",
                    finding.0
                )))?;
                format!("action:{}", action.id)
            }
            Op::EditLocation | Op::EditFinding => unreachable!("edits go through Desk::edit"),
        };
        Ok(Line {
            op,
            record,
            based_on: None,
            made: None,
            value,
            micros: started.elapsed().as_micros(),
            committed: true,
        })
    }

    /// An edit of a shared record, as a form makes it: the revision, then the record, then
    /// the save based on that revision. Refused (not an error) when another desk saved it
    /// in between.
    fn edit(&mut self, op: Op, n: usize, attempt: usize) -> Outcome<Line> {
        let value = self.value(n, attempt);
        let started = Instant::now();
        let (kind, id) = match op {
            Op::EditLocation => (
                Record::Location,
                self.shared_locations[self.rng.below(self.shared_locations.len())].0,
            ),
            _ => (
                Record::Finding,
                self.shared_findings[self.rng.below(self.shared_findings.len())].0,
            ),
        };
        let revision = self.ws.revision(kind, id).map_err(failed(&format!(
            "reading the revision of {} {id}",
            kind.table()
        )))?;
        let saved = match op {
            Op::EditLocation => {
                let current = self
                    .ws
                    .location(LocationId(id))
                    .map_err(failed(&format!("reading location {id}")))?;
                if !current.labels.is_empty() {
                    return Err(format!(
                        "shared location {id} has labels, which this client does not carry over"
                    ));
                }
                let input = LocationInput {
                    name: current.name,
                    address: current.address,
                    tisax_scope_id: current
                        .tisax_scope_id
                        .map(|t| t.as_str().to_owned())
                        .unwrap_or_default(),
                    labels: Vec::new(),
                    cs_activities: current.cs_activities,
                    notes: value.clone(),
                };
                self.ws
                    .update_location(LocationId(id), &input, Some(revision))
                    .map(drop)
            }
            _ => {
                let current = self
                    .ws
                    .finding(FindingId(id))
                    .map_err(failed(&format!("reading finding {id}")))?;
                let input = FindingInput {
                    question: current.question_id,
                    kind: current.kind.as_str().to_owned(),
                    text: value.clone(),
                    protection_object: current.protection_object_id.map(ProtectionObjectId),
                };
                self.ws
                    .edit_finding(FindingId(id), &input, Some(revision))
                    .map(drop)
            }
        };
        let micros = started.elapsed().as_micros();
        let committed = match saved {
            Ok(()) => true,
            Err(e) if e.code() == ErrorCode::Changed => false,
            Err(e) => return Err(format!("saving {} {id}: {e}", kind.table())),
        };
        Ok(Line {
            op,
            record: format!(
                "{}:{id}",
                if kind == Record::Location {
                    "location"
                } else {
                    "finding"
                }
            ),
            based_on: Some(revision),
            made: committed.then_some(revision + 1),
            value,
            micros,
            committed,
        })
    }

    /// Appends `line` to the log and makes it durable before the next change starts.
    fn write(&mut self, line: &Line) -> Outcome<()> {
        let revision = |r: Option<i64>| r.map_or("-".to_owned(), |r| r.to_string());
        let text = format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            line.op.name(),
            line.record,
            revision(line.based_on),
            revision(line.made),
            line.value,
            line.micros,
            if line.committed {
                "committed"
            } else {
                "refused"
            }
        );
        self.log
            .write_all(text.as_bytes())
            .and_then(|()| self.log.flush())
            .and_then(|()| self.log.sync_data())
            .map_err(|e| format!("cannot write the log: {e}"))
    }
}
