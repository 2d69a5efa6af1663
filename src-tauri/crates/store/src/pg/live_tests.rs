//! Live updates against the test cluster: another desk's change is reported, this window's
//! own is not, a rolled-back one never; the other windows are listed by user.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use super::live::{Event, Presence, listen};
use crate::Db;
use crate::pg::test_server::{TestDb, server};
use crate::settings;

/// Patience for an event that must come (the listener reports within a quarter second).
const PATIENCE: Duration = Duration::from_secs(20);

/// The next `Changed` event, skipping presence reports.
fn next_change(events: &mpsc::Receiver<Event>, patience: Duration) -> Option<i64> {
    let until = std::time::Instant::now() + patience;
    loop {
        let left = until.saturating_duration_since(std::time::Instant::now());
        match events.recv_timeout(left) {
            Ok(Event::Changed { newest }) => return Some(newest),
            Ok(_) => continue,
            Err(_) => return None,
        }
    }
}

#[test]
fn another_desks_change_is_reported_and_this_windows_own_is_not_on_postgresql() {
    let Some(admin) = server() else { return };
    let test = TestDb::create(&admin);
    let mut mine = Db::create_pg(&test.config, "2026-11-25T10:00:00Z", "test").unwrap();
    let mut theirs = Db::open_pg(&test.config).unwrap();
    let own = mine.backend_pid().unwrap();
    assert!(own.is_some());

    let stop = Arc::new(AtomicBool::new(false));
    let (tx, events) = mpsc::channel();
    let listener = {
        let (config, stop) = (test.config.clone(), stop.clone());
        std::thread::spawn(move || listen(&config, own, &stop, &mut |e| tx.send(e).unwrap()))
    };
    // The first report is who else is there: nobody (this listener is the window itself).
    match events.recv_timeout(PATIENCE).unwrap() {
        Event::Present(list) => assert_eq!(list, Vec::<Presence>::new()),
        other => panic!("{other:?}"),
    }
    // This window's own change: not reported. Another desk's: reported with its newest entry.
    mine.write(|tx| settings::set(tx, "mine", "1")).unwrap();
    // A rolled-back change of the other desk: never reported.
    let failed: crate::Result<()> = theirs.write(|tx| {
        settings::set(tx, "theirs", "rolled back")?;
        Err(crate::Error::NoRow)
    });
    assert!(failed.is_err());
    theirs.write(|tx| settings::set(tx, "theirs", "2")).unwrap();
    let head = crate::journal::page(
        theirs.conn(),
        &crate::journal::PageQuery {
            before: None,
            table: None,
            user: None,
            limit: 1,
        },
    )
    .unwrap()[0]
        .seq;
    assert_eq!(next_change(&events, PATIENCE), Some(head));
    // Nothing else came: the own change and the rolled-back one stayed silent.
    assert_eq!(next_change(&events, Duration::from_millis(800)), None);

    // Another window opens (its listener): this one lists its user, once.
    let other_stop = Arc::new(AtomicBool::new(false));
    let other = {
        let (config, stop) = (test.config.clone(), other_stop.clone());
        std::thread::spawn(move || listen(&config, None, &stop, &mut |_| {}))
    };
    let user = test.config.user.clone();
    let seen = loop {
        match events.recv_timeout(PATIENCE) {
            Ok(Event::Present(list)) if !list.is_empty() => break list,
            Ok(_) => continue,
            Err(e) => panic!("the other window was never listed: {e}"),
        }
    };
    assert_eq!(seen, vec![Presence { user, windows: 1 }]);
    other_stop.store(true, Ordering::Relaxed);
    other.join().unwrap();

    // The server drops the listening connection: lost, then back after the retry, and the
    // changes made after that are reported again.
    let mut superuser = crate::pg::connect(&admin).unwrap();
    superuser
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = $1 AND application_name = $2",
            &[&test.config.database, &super::live::LISTENER_APP],
        )
        .unwrap();
    let mut saw_lost = false;
    loop {
        match events.recv_timeout(PATIENCE) {
            Ok(Event::Lost { reason }) => {
                assert!(!reason.is_empty());
                saw_lost = true;
            }
            Ok(Event::Back) => break,
            Ok(_) => continue,
            Err(e) => panic!("never back after the connection was dropped: {e}"),
        }
    }
    assert!(saw_lost, "the loss was reported before the return");
    theirs.write(|tx| settings::set(tx, "theirs", "3")).unwrap();
    assert!(next_change(&events, PATIENCE).is_some());
    stop.store(true, Ordering::Relaxed);
    listener.join().unwrap();
}
