//! Instants as UTC milliseconds since the Unix epoch: the one representation both databases store
//! exactly, and the one the domain receives from the edge. Lengths of time are
//! `std::time::Duration`, so configuration can hand them over without conversion.

use std::time::Duration;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(i64);

impl Timestamp {
    pub const fn from_millis(millis: i64) -> Self {
        Self(millis)
    }

    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// This instant moved forward by `span`, stopping at the far end of time rather than
    /// overflowing: a deadline that large simply never arrives.
    /// The instant `span` earlier, stopping at the earliest representable one.
    pub fn saturating_sub(self, span: Duration) -> Self {
        let millis = i64::try_from(span.as_millis()).unwrap_or(i64::MAX);
        Self(self.0.saturating_sub(millis))
    }

    pub fn saturating_add(self, span: Duration) -> Self {
        let millis = i64::try_from(span.as_millis()).unwrap_or(i64::MAX);
        Self(self.0.saturating_add(millis))
    }

    /// How long after `earlier` this instant is; zero when `earlier` is in fact later. Instances
    /// behind a load balancer have clocks that disagree a little, and a negative span must not
    /// count as "a long time ago".
    pub fn saturating_duration_since(self, earlier: Timestamp) -> Duration {
        let millis = self.0.saturating_sub(earlier.0);
        Duration::from_millis(u64::try_from(millis).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_a_huge_span_saturates_instead_of_wrapping() {
        let t = Timestamp::from_millis(i64::MAX - 5);
        assert_eq!(
            t.saturating_add(Duration::from_secs(1)),
            Timestamp::from_millis(i64::MAX)
        );
        assert_eq!(
            Timestamp::from_millis(0).saturating_add(Duration::MAX),
            Timestamp::from_millis(i64::MAX)
        );
    }

    #[test]
    fn the_span_since_a_later_instant_is_zero() {
        let earlier = Timestamp::from_millis(1_000);
        let later = Timestamp::from_millis(4_500);
        assert_eq!(
            later.saturating_duration_since(earlier),
            Duration::from_millis(3_500)
        );
        assert_eq!(earlier.saturating_duration_since(later), Duration::ZERO);
        assert_eq!(
            Timestamp::from_millis(i64::MAX)
                .saturating_duration_since(Timestamp::from_millis(i64::MIN)),
            Duration::from_millis(i64::MAX as u64)
        );
    }
}
