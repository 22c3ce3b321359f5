//! How fast one person may write. Every state-changing request of a signed-in person — pages and
//! the API, every feature — takes one place from an allowance of their own, keyed by the person
//! (so one partner's speed never holds the other back). Reads never count.
//!
//! The allowance is [`WriteQuota::HUMAN`]: a burst of 60, then one a second. A person walking
//! through a check-in, or acting on every promise of a long week, makes a few dozen writes in a
//! minute at the very most, so the burst is never met by hand; a script that writes thousands in
//! seconds gets the burst and then one a second, which bounds what it can pile onto the
//! partner's pages to 3,600 writes an hour (and the caps in `steadfast_core` bound what stays
//! open).
//!
//! Refused writes change nothing. The API answers 429 `too_many_writes` with `Retry-After`; a
//! page answers 429 with a page that says how many seconds to wait and holds everything the form
//! sent, ready to send again.
//!
//! Never counted, so no flood can hold them back: signing out and the quick exit, the language,
//! the account's own safety steps (password, sessions, recovery codes, deletion, revoking a
//! token, the calendar feed, a coach or an invite), leaving a space, the safety question and the
//! pause of joint work, and
//! the previews that only look at words (`…/check`, the gentle start-up helper).

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::Clock as GovernorClock;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DashMapStateStore;
use governor::{Quota, RateLimiter};
use steadfast_core::PersonId;

use crate::auth::limits::{ClockAdapter, TooMany};
use steadfast_app::clock::Clock;

/// How many writes one person may make at once, and how fast the allowance comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteQuota {
    /// Writes allowed at once, from a full allowance.
    pub burst: u32,
    /// One more write comes back after this long.
    pub one_per: Duration,
}

impl WriteQuota {
    /// A generous human pace: a burst of 60, then one write a second.
    pub const HUMAN: WriteQuota = WriteQuota {
        burst: 60,
        one_per: Duration::from_secs(1),
    };
}

impl Default for WriteQuota {
    fn default() -> Self {
        WriteQuota::HUMAN
    }
}

type Keyed =
    RateLimiter<PersonId, DashMapStateStore<PersonId>, ClockAdapter, NoOpMiddleware<Nanos>>;

/// Each person's allowance of writes.
pub(crate) struct Writes {
    limiter: Keyed,
    clock: ClockAdapter,
}

impl Writes {
    pub(crate) fn new(quota: WriteQuota, clock: Arc<dyn Clock>) -> Self {
        let clock = ClockAdapter(clock);
        let rate = Quota::with_period(quota.one_per)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MAX))
            .allow_burst(NonZeroU32::new(quota.burst).unwrap_or(NonZeroU32::MIN));
        Self {
            limiter: RateLimiter::dashmap_with_clock(rate, clock.clone()),
            clock,
        }
    }

    /// Takes one write from `person`'s allowance, or says how long until one comes back.
    pub(crate) fn take(&self, person: PersonId) -> Result<(), TooMany> {
        self.limiter.check_key(&person).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            // Whole seconds, rounded up: Retry-After: 0 would invite an immediate retry.
            TooMany {
                retry_after: Duration::from_secs(
                    wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
                ),
            }
        })
    }

    /// Forgets people whose allowance is full again; run now and then to bound memory.
    pub(crate) fn forget_idle(&self) {
        self.limiter.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use steadfast_core::Timestamp;
    use uuid::Uuid;

    use super::*;
    use steadfast_app::clock::ManualClock;

    #[test]
    fn a_person_gets_the_burst_then_one_write_a_second_and_the_partner_is_not_held_back() {
        let clock = ManualClock::starting_at(Timestamp::from_millis(1_800_000_000_000));
        let writes = Writes::new(WriteQuota::HUMAN, Arc::new(clock.clone()));
        let (a, b) = (
            PersonId::from_uuid(Uuid::from_u128(1)),
            PersonId::from_uuid(Uuid::from_u128(2)),
        );
        for n in 0..WriteQuota::HUMAN.burst {
            assert_eq!(writes.take(a), Ok(()), "write {n}");
        }
        assert_eq!(
            writes.take(a),
            Err(TooMany {
                retry_after: Duration::from_secs(1)
            })
        );
        assert_eq!(
            writes.take(b),
            Ok(()),
            "the partner's allowance is their own"
        );
        clock.advance_millis(1_000);
        assert_eq!(writes.take(a), Ok(()));
        assert!(writes.take(a).is_err());
    }
}
