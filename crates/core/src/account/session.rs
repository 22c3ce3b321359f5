//! How long a signed-in session lives. The edge stores sessions and passes in the times; this
//! decides whether one is still good and when its activity is worth a write.

use std::time::Duration;

use crate::time::Timestamp;

/// Session lifetimes. Both bounds apply: a session ends after `idle` without activity and, however
/// active, `absolute` after sign-in, so a phone left signed in does not stay a key to the account
/// for ever.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

/// Whether a session may still be used, and if not, which bound ended it (the edge may word the
/// two differently: "signed out after a while without activity" or "please sign in again").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Liveness {
    Live,
    IdleExpired,
    AbsoluteExpired,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 60 * 60),
        }
    }
}

impl SessionPolicy {
    /// Activity is recorded at most this often, so a busy page load is not a database write per
    /// request. The cost: an active session's idle clock may start up to this much early.
    pub const TOUCH_INTERVAL: Duration = Duration::from_secs(60);

    /// A session is over at the first instant either bound is reached (`now == end` is over).
    /// The absolute bound is reported first: it cannot be cured by activity. A `last_seen` or
    /// `created` ahead of `now` (clocks of two instances disagree) counts as just now.
    pub fn liveness(&self, created: Timestamp, last_seen: Timestamp, now: Timestamp) -> Liveness {
        if now >= created.saturating_add(self.absolute) {
            Liveness::AbsoluteExpired
        } else if now >= last_seen.saturating_add(self.idle) {
            Liveness::IdleExpired
        } else {
            Liveness::Live
        }
    }

    /// The instant the session ends unless it is used again: for a cookie's lifetime and for
    /// sweeping stale sessions. `liveness(…, now)` is `Live` exactly when `now` is before it.
    pub fn ends_at(&self, created: Timestamp, last_seen: Timestamp) -> Timestamp {
        created
            .saturating_add(self.absolute)
            .min(last_seen.saturating_add(self.idle))
    }

    /// Whether the edge should record `now` as the session's last activity.
    pub fn should_touch(&self, last_seen: Timestamp, now: Timestamp) -> bool {
        now.saturating_duration_since(last_seen) >= self.touch_interval()
    }

    /// With a very short idle timeout (tests, or an operator's choice) touching once a minute
    /// would let an active session lapse, so the interval is at most half the idle timeout.
    fn touch_interval(&self) -> Duration {
        Self::TOUCH_INTERVAL.min(self.idle / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MINUTE: i64 = 60_000;
    const HOUR: i64 = 60 * MINUTE;

    fn at(millis: i64) -> Timestamp {
        Timestamp::from_millis(millis)
    }

    #[test]
    fn defaults_are_thirty_minutes_idle_and_twelve_hours_absolute() {
        let policy = SessionPolicy::default();
        assert_eq!(policy.idle, Duration::from_secs(1_800));
        assert_eq!(policy.absolute, Duration::from_secs(43_200));
    }

    #[test]
    fn a_session_used_within_the_idle_timeout_stays_live() {
        let policy = SessionPolicy::default();
        assert_eq!(
            policy.liveness(at(0), at(10 * MINUTE), at(39 * MINUTE)),
            Liveness::Live
        );
    }

    #[test]
    fn thirty_minutes_without_activity_ends_a_session_exactly_then() {
        let policy = SessionPolicy::default();
        let seen = at(2 * HOUR);
        assert_eq!(
            policy.liveness(at(0), seen, at(2 * HOUR + 30 * MINUTE - 1)),
            Liveness::Live
        );
        assert_eq!(
            policy.liveness(at(0), seen, at(2 * HOUR + 30 * MINUTE)),
            Liveness::IdleExpired
        );
    }

    #[test]
    fn twelve_hours_after_sign_in_a_session_ends_however_active() {
        let policy = SessionPolicy::default();
        let now = at(12 * HOUR);
        assert_eq!(
            policy.liveness(at(0), at(12 * HOUR - 1), at(12 * HOUR - 1)),
            Liveness::Live
        );
        assert_eq!(policy.liveness(at(0), now, now), Liveness::AbsoluteExpired);
        assert_eq!(
            policy.liveness(at(0), at(HOUR), at(13 * HOUR)),
            Liveness::AbsoluteExpired
        );
    }

    #[test]
    fn a_last_seen_from_a_clock_running_ahead_counts_as_just_now() {
        let policy = SessionPolicy::default();
        assert_eq!(
            policy.liveness(at(0), at(HOUR + 5_000), at(HOUR)),
            Liveness::Live
        );
        assert!(!policy.should_touch(at(HOUR + 5_000), at(HOUR)));
    }

    #[test]
    fn activity_is_recorded_at_most_once_a_minute() {
        let policy = SessionPolicy::default();
        assert!(!policy.should_touch(at(0), at(0)));
        assert!(!policy.should_touch(at(0), at(MINUTE - 1)));
        assert!(policy.should_touch(at(0), at(MINUTE)));
    }

    #[test]
    fn a_short_idle_timeout_shortens_the_touch_interval() {
        let policy = SessionPolicy {
            idle: Duration::from_secs(10),
            absolute: Duration::from_secs(3_600),
        };
        assert!(!policy.should_touch(at(0), at(4_999)));
        assert!(policy.should_touch(at(0), at(5_000)));
    }

    proptest! {
        #[test]
        fn live_exactly_before_the_end(
            created in 0i64..100 * HOUR,
            seen_after in 0i64..20 * HOUR,
            now_after in -HOUR..30 * HOUR,
            idle_s in 1u64..100_000,
            absolute_s in 1u64..200_000,
        ) {
            let policy = SessionPolicy { idle: Duration::from_secs(idle_s), absolute: Duration::from_secs(absolute_s) };
            let (created, seen) = (at(created), at(created + seen_after));
            let now = at(seen.as_millis() + now_after);
            let live = policy.liveness(created, seen, now) == Liveness::Live;
            prop_assert_eq!(live, now < policy.ends_at(created, seen));
        }

        #[test]
        fn touching_whenever_asked_keeps_an_active_session_from_idling_out(
            gaps in prop::collection::vec(0i64..29 * MINUTE, 1..50),
        ) {
            let policy = SessionPolicy { idle: Duration::from_secs(30 * 60), absolute: Duration::MAX };
            let mut seen = at(0);
            let mut now = at(0);
            for gap in gaps {
                now = at(now.as_millis() + gap);
                prop_assert_eq!(policy.liveness(at(0), seen, now), Liveness::Live);
                if policy.should_touch(seen, now) {
                    seen = now;
                }
            }
        }
    }
}
