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

/// How much of the machine a [`parallel_map`] takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cores {
    /// Every core: hashing and copying, which the user waits for.
    All,
    /// Half of them (at least one): checking files' sizes and times, which the app does in
    /// the background while the user works, so that the window keeps a core.
    Half,
}

/// Calls `f` on every item on as many threads as `cores` says, and returns the results in
/// the items' order. `f` returns its result and the bytes it read; `progress` hears of each
/// finished item. `f` is called for every item, also after the user cancelled, so that it can
/// say it skipped it.
pub(crate) fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    cores: Cores,
    bytes_total: u64,
    progress: &(dyn Fn(Progress) + Sync),
    f: impl Fn(&T) -> (R, u64) + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let files_done = AtomicUsize::new(0);
    let bytes_done = AtomicU64::new(0);
    let results = Mutex::new(Vec::with_capacity(items.len()));
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = match cores {
        Cores::All => available,
        Cores::Half => available / 2,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_items_order_each_once_on_half_or_all_cores() {
        let items: Vec<u64> = (0..1000).collect();
        for cores in [Cores::All, Cores::Half] {
            let heard = AtomicUsize::new(0);
            let out = parallel_map(
                &items,
                cores,
                0,
                &|_| {
                    heard.fetch_add(1, Ordering::Relaxed);
                },
                |i| (i * 2, 0),
            );
            assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
            assert_eq!(heard.into_inner(), items.len(), "progress of every item");
        }
    }
}
