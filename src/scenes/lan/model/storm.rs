//! The broadcast storm's growth: frames per tick binned into a bounded chart, whether a
//! run circulated, and tick lengths in milliseconds.

use super::{is_switch, storm_pulled};
use wirewalk_engine::trace::Trace;

/// The tick (index into `frames_per_tick`) the cursor is in.
#[must_use]
pub fn tick_at(trace: &Trace, cursor: usize) -> usize {
    let now = cursor
        .checked_sub(1)
        .and_then(|i| trace.events.get(i))
        .map_or(0, |e| e.time_us);
    usize::try_from(now / trace.tick_us.max(1)).unwrap_or(usize::MAX)
}

/// Most bars the storm chart draws, whatever the run's length.
pub const MAX_BARS: usize = 120;

/// The storm chart's bars: `ticks` summed into at most `max_bars` bins of equal width.
/// Returns the ticks per bar (at least 1) and each bar's frame count.
#[must_use]
pub fn bin_ticks(ticks: &[usize], max_bars: usize) -> (usize, Vec<usize>) {
    let per = ticks.len().div_ceil(max_bars.max(1)).max(1);
    (per, bin_by(ticks, per))
}

/// `ticks` summed into bins of `per` ticks each.
#[must_use]
pub fn bin_by(ticks: &[usize], per: usize) -> Vec<usize> {
    ticks
        .chunks(per.max(1))
        .map(|c| c.iter().fold(0usize, |a, &n| a.saturating_add(n)))
        .collect()
}

/// What the storm view's run amounted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StormVerdict {
    /// A broadcast went round the loop until the engine cut the run off.
    Storm,
    /// The second cable is pulled: no loop, the network went quiet.
    LoopBroken,
    /// The loop is there but no broadcast went round it (say, the only one was lost):
    /// the run merely stopped, or ended, with a quiet network.
    NoStorm,
}

/// Whether a switch forwarded the same bytes over the same link in the same direction
/// twice: a frame that came back round a loop.
#[must_use]
pub fn circulated(trace: &Trace) -> bool {
    let mut seen = std::collections::HashSet::new();
    trace
        .frames
        .iter()
        .filter(|f| is_switch(trace, &f.from))
        .any(|f| !seen.insert((f.link, f.from.as_str(), f.bytes.as_slice())))
}

/// The storm view's verdict: a storm only when a frame circulated and the run was cut
/// off; a run that merely stopped on the time cap with a quiet network is no storm.
#[must_use]
pub fn storm_verdict(trace: &Trace) -> StormVerdict {
    if trace.capped && circulated(trace) {
        StormVerdict::Storm
    } else if storm_pulled(trace) {
        StormVerdict::LoopBroken
    } else {
        StormVerdict::NoStorm
    }
}

/// A tick length in milliseconds, as short as exact (`1`, `0.5`, `0.001`).
#[must_use]
pub fn ms_label(us: u64) -> String {
    let whole = us / 1000;
    let frac = us % 1000;
    if frac == 0 {
        whole.to_string()
    } else {
        let f = format!("{frac:03}");
        format!("{whole}.{}", f.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{build, narration};
    use super::*;
    use crate::i18n::{t, t_dyn, Lang};
    use crate::scenes::params::url_params as params;

    #[test]
    fn the_storm_chart_is_binned_to_a_bounded_number_of_bars() {
        assert_eq!(bin_ticks(&[], MAX_BARS), (1, vec![]));
        assert_eq!(bin_ticks(&[1, 2, 3], MAX_BARS), (1, vec![1, 2, 3]));
        let long = vec![1usize; 1_000_000];
        let (per, bars) = bin_ticks(&long, MAX_BARS);
        assert!(bars.len() <= MAX_BARS);
        assert_eq!(bars.iter().sum::<usize>(), 1_000_000);
        assert_eq!(per, 8334);
        assert_eq!(bars[0], 8334);
        let odd: Vec<usize> = (0..241).collect();
        let (per, bars) = bin_ticks(&odd, MAX_BARS);
        assert_eq!((per, bars.len()), (3, 81));
        assert_eq!(bars.iter().sum::<usize>(), odd.iter().sum::<usize>());
        assert_eq!(bin_by(&[usize::MAX, 1], 2), vec![usize::MAX]);
    }

    #[test]
    fn a_long_storm_run_still_draws_few_bars() {
        let b = build(&params(&[
            ("view", "storm"),
            ("storm.pulled", "true"),
            ("latency_us", "1"),
            ("server.think_ms", "999"),
        ]))
        .unwrap();
        assert!(b.trace.frames_per_tick.len() > 100_000);
        let (_, bars) = bin_ticks(&b.trace.frames_per_tick, MAX_BARS);
        assert!(bars.len() <= MAX_BARS);
        assert_eq!(bars.iter().sum::<usize>(), b.trace.frames.len());
    }

    #[test]
    fn only_a_circulating_capped_run_is_a_storm() {
        let storm = build(&params(&[("view", "storm")])).unwrap();
        assert_eq!(storm_verdict(&storm.trace), StormVerdict::Storm);
        let pulled = build(&params(&[("view", "storm"), ("storm.pulled", "true")])).unwrap();
        assert!(!circulated(&pulled.trace));
        assert_eq!(storm_verdict(&pulled.trace), StormVerdict::LoopBroken);
        // One ARP request, lost on the client's cable: the loop is there, but nothing
        // goes round it; the engine stops on its time cap.
        let lost = build(&params(&[("view", "storm"), ("loss", "arp_request")])).unwrap();
        assert!(lost.trace.capped);
        assert_eq!(lost.trace.frames.len(), 1);
        assert!(!circulated(&lost.trace));
        assert_eq!(storm_verdict(&lost.trace), StormVerdict::NoStorm);
        for lang in [Lang::Zh, Lang::En] {
            let last = narration(&lost.trace, lost.trace.events.len(), lang);
            assert_eq!(last, vec![t(lang, "scene.lan.storm.no_storm").to_owned()]);
            let last = narration(&storm.trace, storm.trace.events.len(), lang);
            assert_eq!(last, vec![t_dyn(lang, "note.storm_capped")]);
        }
    }

    #[test]
    fn tick_lengths_read_exactly_in_milliseconds() {
        assert_eq!(ms_label(1000), "1");
        assert_eq!(ms_label(1), "0.001");
        assert_eq!(ms_label(1500), "1.5");
        assert_eq!(ms_label(120_250), "120.25");
        assert_eq!(ms_label(0), "0");
    }
}
