//! How often the doors may be knocked on: sign-in, sign-up, recovery and invite acceptance, per
//! client address and per account name. Limits by account name apply whether or not the account
//! exists, so they reveal nothing. The numbers live here, in one place.

use std::hash::Hash;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::clock::Clock as GovernorClock;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DashMapStateStore;
use governor::{NotUntil, Quota, RateLimiter};

use crate::clock::Clock;

/// A door and how it is limited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Door {
    SignIn,
    SignUp,
    Recovery,
    InviteAcceptance,
}

/// Burst and steady rate for one key.
struct Policy {
    burst: u32,
    one_per: Duration,
}

impl Door {
    fn per_address(self) -> Policy {
        match self {
            Door::SignIn => Policy {
                burst: 30,
                one_per: Duration::from_secs(2),
            },
            Door::SignUp => Policy {
                burst: 5,
                one_per: Duration::from_secs(10 * 60),
            },
            Door::Recovery => Policy {
                burst: 10,
                one_per: Duration::from_secs(60),
            },
            Door::InviteAcceptance => Policy {
                burst: 10,
                one_per: Duration::from_secs(30),
            },
        }
    }

    /// Per account name; `None` where a door has no account to key on.
    fn per_account(self) -> Option<Policy> {
        match self {
            Door::SignIn => Some(Policy {
                burst: 10,
                one_per: Duration::from_secs(60),
            }),
            Door::Recovery => Some(Policy {
                burst: 5,
                one_per: Duration::from_secs(5 * 60),
            }),
            Door::SignUp | Door::InviteAcceptance => None,
        }
    }
}

/// The verdict: go ahead, or come back after this long.
#[derive(Debug, PartialEq, Eq)]
pub struct TooMany {
    pub retry_after: Duration,
}

type Keyed = RateLimiter<
    (Door, String),
    DashMapStateStore<(Door, String)>,
    ClockAdapter,
    NoOpMiddleware<Nanos>,
>;

#[derive(Clone)]
pub struct Limits {
    by_address: Arc<[(Door, Keyed)]>,
    by_account: Arc<[(Door, Keyed)]>,
    clock: ClockAdapter,
}

impl Limits {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        let clock = ClockAdapter(clock);
        let doors = [
            Door::SignIn,
            Door::SignUp,
            Door::Recovery,
            Door::InviteAcceptance,
        ];
        let limiter = |policy: Policy| {
            let quota = Quota::with_period(policy.one_per)
                .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
                .allow_burst(NonZeroU32::new(policy.burst).unwrap_or(NonZeroU32::MIN));
            RateLimiter::dashmap_with_clock(quota, clock.clone())
        };
        Self {
            by_address: doors.map(|door| (door, limiter(door.per_address()))).into(),
            by_account: doors
                .into_iter()
                .filter_map(|door| door.per_account().map(|policy| (door, limiter(policy))))
                .collect(),
            clock,
        }
    }

    /// Counts one knock on `door` from `address` (and for `account`, where the door keys on
    /// it). Both limits must allow it.
    pub fn check(&self, door: Door, address: &str, account: Option<&str>) -> Result<(), TooMany> {
        let by_address = find(&self.by_address, door)
            .map(|limiter| limiter.check_key(&(door, address.to_owned())));
        let by_account = account.and_then(|account| {
            find(&self.by_account, door)
                .map(|limiter| limiter.check_key(&(door, account.to_owned())))
        });
        for verdict in [by_address, by_account].into_iter().flatten() {
            if let Err(not_until) = verdict {
                return Err(self.too_many(&not_until));
            }
        }
        Ok(())
    }

    fn too_many(&self, not_until: &NotUntil<Nanos>) -> TooMany {
        let wait = not_until.wait_time_from(self.clock.now());
        // Whole seconds, rounded up: Retry-After: 0 would invite an immediate retry.
        TooMany {
            retry_after: Duration::from_secs(wait.as_secs() + u64::from(wait.subsec_nanos() > 0)),
        }
    }

    /// Forgets keys whose limits have fully recovered; run now and then to bound memory.
    pub fn forget_idle(&self) {
        for (_, limiter) in self.by_address.iter().chain(self.by_account.iter()) {
            limiter.retain_recent();
        }
    }
}

fn find(limiters: &[(Door, Keyed)], door: Door) -> Option<&Keyed> {
    limiters
        .iter()
        .find(|(d, _)| *d == door)
        .map(|(_, limiter)| limiter)
}

/// Our clock, as the rate limiter reads time.
#[derive(Clone, Debug)]
struct ClockAdapter(Arc<dyn Clock>);

impl GovernorClock for ClockAdapter {
    type Instant = Nanos;

    fn now(&self) -> Nanos {
        let millis = u64::try_from(self.0.now().as_millis()).unwrap_or(0);
        Nanos::from(millis.saturating_mul(1_000_000))
    }
}

#[cfg(test)]
mod tests {
    use steadfast_core::Timestamp;

    use super::*;
    use crate::clock::ManualClock;

    fn limits() -> (Limits, ManualClock) {
        let clock = ManualClock::starting_at(Timestamp::from_millis(1_800_000_000_000));
        (Limits::new(Arc::new(clock.clone())), clock)
    }

    #[test]
    fn an_account_name_gets_a_burst_of_sign_ins_then_waits() {
        let (limits, clock) = limits();
        for attempt in 0..10 {
            let address = format!("10.0.0.{attempt}");
            assert_eq!(
                limits.check(Door::SignIn, &address, Some("alex")),
                Ok(()),
                "attempt {attempt}"
            );
        }
        let refused = limits.check(Door::SignIn, "10.0.1.1", Some("alex"));
        assert_eq!(
            refused,
            Err(TooMany {
                retry_after: Duration::from_secs(60)
            })
        );
        // Another name from the same addresses is not affected.
        assert_eq!(limits.check(Door::SignIn, "10.0.0.1", Some("sam")), Ok(()));

        clock.advance_millis(59_000);
        assert!(
            limits
                .check(Door::SignIn, "10.0.1.1", Some("alex"))
                .is_err()
        );
        clock.advance_millis(1_000);
        assert_eq!(limits.check(Door::SignIn, "10.0.1.1", Some("alex")), Ok(()));
    }

    #[test]
    fn an_address_gets_a_burst_of_sign_ups_then_waits_ten_minutes() {
        let (limits, clock) = limits();
        for _ in 0..5 {
            assert_eq!(limits.check(Door::SignUp, "192.0.2.7", None), Ok(()));
        }
        let refused = limits
            .check(Door::SignUp, "192.0.2.7", None)
            .expect_err("limited");
        assert_eq!(refused.retry_after, Duration::from_secs(600));
        assert_eq!(limits.check(Door::SignUp, "192.0.2.8", None), Ok(()));
        clock.advance_millis(600_000);
        assert_eq!(limits.check(Door::SignUp, "192.0.2.7", None), Ok(()));
    }

    #[test]
    fn doors_are_counted_apart() {
        let (limits, _) = limits();
        for _ in 0..5 {
            limits
                .check(Door::SignUp, "192.0.2.9", None)
                .expect("allowed");
        }
        assert!(limits.check(Door::SignUp, "192.0.2.9", None).is_err());
        assert_eq!(limits.check(Door::SignIn, "192.0.2.9", Some("x")), Ok(()));
        assert_eq!(
            limits.check(Door::InviteAcceptance, "192.0.2.9", None),
            Ok(())
        );
    }
}
