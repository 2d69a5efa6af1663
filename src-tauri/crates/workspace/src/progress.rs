//! Progress of long work (hashing, scanning, exporting, backing up) and the parallel map that
//! spreads that work across cores.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// How far long work has come, for a progress bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// Calls `f` on every item on as many threads as the machine has cores, and returns the
/// results in the items' order. `f` returns its result and the bytes it read; `progress` hears
/// of each finished item. `f` is called for every item, also after the user cancelled, so
/// that it can say it skipped it.
pub(crate) fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    bytes_total: u64,
    progress: &(dyn Fn(Progress) + Sync),
    f: impl Fn(&T) -> (R, u64) + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let files_done = AtomicUsize::new(0);
    let bytes_done = AtomicU64::new(0);
    let results = Mutex::new(Vec::with_capacity(items.len()));
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut own = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    let (result, bytes) = f(item);
                    own.push((index, result));
                    let bytes_done = bytes_done.fetch_add(bytes, Ordering::Relaxed) + bytes;
                    let files_done = files_done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(Progress {
                        files_done,
                        files_total: items.len(),
                        bytes_done,
                        bytes_total,
                    });
                }
                results
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .extend(own);
            });
        }
    });
    let mut results = results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}
