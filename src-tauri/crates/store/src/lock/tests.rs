use super::*;

#[test]
fn a_second_holder_is_told_who_has_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let _first = WorkspaceLock::acquire(dir.path(), "2026-11-25T08:00:00Z").unwrap();
    let err = WorkspaceLock::acquire(dir.path(), "2026-11-25T09:00:00Z").unwrap_err();
    let Error::InUse { holder, .. } = err else {
        panic!("expected InUse, got {err:?}")
    };
    assert_eq!(
        holder.pid,
        std::process::id(),
        "the message names the holding process"
    );
    assert_eq!(
        holder.since, "2026-11-25T08:00:00Z",
        "and when it took the workspace"
    );
}

#[test]
fn a_released_lock_can_be_taken_again_without_a_takeover() {
    let dir = tempfile::tempdir().unwrap();
    drop(WorkspaceLock::acquire(dir.path(), "2026-11-25T08:00:00Z").unwrap());
    let again = WorkspaceLock::acquire(dir.path(), "2026-11-25T09:00:00Z").unwrap();
    assert_eq!(
        again.taken_over(),
        None,
        "a clean release leaves nothing to take over"
    );
}

#[test]
fn a_lock_left_by_a_crashed_process_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    // A crashed process leaves its text behind but no OS lock: the OS released it.
    let left = "pid=4242\nhost=build-07\nsince=2026-11-24T23:59:00Z\n";
    std::fs::write(dir.path().join(WorkspaceLock::FILE_NAME), left).unwrap();
    let lock = WorkspaceLock::acquire(dir.path(), "2026-11-25T08:00:00Z").unwrap();
    let stale = lock.taken_over().expect("the crashed holder is recognised");
    assert_eq!((stale.pid, stale.host.as_str()), (4242, "build-07"));
    let now = std::fs::read_to_string(dir.path().join(WorkspaceLock::FILE_NAME)).unwrap();
    assert!(
        now.contains(&format!("pid={}", std::process::id())),
        "the file names the new holder"
    );
}
