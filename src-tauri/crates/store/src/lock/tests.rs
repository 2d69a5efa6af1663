use super::*;

#[test]
fn a_second_holder_is_told_who_has_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let _first = WorkspaceLock::acquire(dir.path(), "2026-11-25T08:00:00Z").unwrap();
    let err = WorkspaceLock::acquire(dir.path(), "2026-11-25T09:00:00Z").unwrap_err();
    let Error::InUse { holder, .. } = err else {
        panic!("expected InUse, got {err:?}")
    };
    // Windows refuses others the read of a locked file (Wine does not): in use, unnamed.
    #[cfg(windows)]
    let Some(holder) = holder else {
        return;
    };
    #[cfg(not(windows))]
    let holder = holder.expect("the holder's name is read");
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

#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_is_refused_and_its_target_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("precious.txt");
    std::fs::write(&elsewhere, "a file outside the workspace").unwrap();
    let ws = dir.path().join("ws");
    std::fs::create_dir(&ws).unwrap();
    std::os::unix::fs::symlink(&elsewhere, ws.join(WorkspaceLock::FILE_NAME)).unwrap();
    let err = WorkspaceLock::acquire(&ws, "2026-11-25T08:00:00Z").unwrap_err();
    assert!(
        matches!(err, Error::LockNotAFile { .. }),
        "a linked lock is refused, got {err:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&elsewhere).unwrap(),
        "a file outside the workspace",
        "the link's target was neither emptied nor written"
    );
    // A dangling link is refused too (creating through it would make a file elsewhere).
    let dangling = dir.path().join("ws2");
    std::fs::create_dir(&dangling).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("nowhere"),
        dangling.join(WorkspaceLock::FILE_NAME),
    )
    .unwrap();
    let err = WorkspaceLock::acquire(&dangling, "2026-11-25T08:00:00Z").unwrap_err();
    assert!(matches!(err, Error::LockNotAFile { .. }), "{err:?}");
    assert!(!dir.path().join("nowhere").exists());
}

#[test]
fn a_lock_file_that_is_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(WorkspaceLock::FILE_NAME)).unwrap();
    let err = WorkspaceLock::acquire(dir.path(), "2026-11-25T08:00:00Z").unwrap_err();
    assert!(matches!(err, Error::LockNotAFile { .. }), "{err:?}");
}
