//! How often the doors may be knocked on: sign-in, sign-up, recovery and invite acceptance, per
//! client address and per account name. Limits by account name apply whether or not the account
//! exists, so they reveal nothing. The numbers live here, in one place.
//!
//! Sign-ups are limited twice per address: every attempt lightly (so a machine cannot try names
//! at speed), and made accounts strictly — only a sign-up that makes an account counts there, so
//! a couple on one home network is not locked out by a few refused forms.

use std::collections::HashMap;
use std::hash::Hash;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use governor::clock::Clock as GovernorClock;
use governor::middleware::NoOpMiddleware;
use governor::nanos::Nanos;
use governor::state::keyed::DashMapStateStore;
use governor::{NotUntil, Quota, RateLimiter};

use steadfast_app::clock::Clock;

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
                burst: 30,
                one_per: Duration::from_secs(2),
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

/// Accounts made from one address: a burst, then one per ten minutes.
const SIGN_UPS_MADE: Policy = Policy {
    burst: 5,
    one_per: Duration::from_secs(10 * 60),
};

/// The verdict: go ahead, or come back after this long.
#[derive(Debug, PartialEq, Eq)]
pub struct TooMany {
    pub retry_after: Duration,
}

impl TooMany {
    /// The wait in whole minutes, rounded up and at least one, as a person is told it.
    pub fn minutes(&self) -> i64 {
        minutes_of(self.retry_after.as_secs())
    }
}

/// Seconds to wait as whole minutes, rounded up and at least one.
pub(crate) fn minutes_of(seconds: u64) -> i64 {
    i64::try_from(seconds.div_ceil(60).max(1)).unwrap_or(i64::MAX)
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
    sign_ups_made: Arc<Made>,
    clock: ClockAdapter,
}

/// Accounts made per address, as a generic cell rate: for each address, the moment its count
/// is theoretically paid off (in milliseconds). Unlike the other limits, a place taken here can
/// be given back, when the sign-up it was taken for makes no account.
#[derive(Default)]
struct Made(Mutex<HashMap<String, u64>>);

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
            sign_ups_made: Arc::default(),
            clock,
        }
    }

    /// Takes a place for one account made from `address`; give it back with
    /// [`Limits::give_back_sign_up`] if no account is made after all.
    pub fn take_sign_up(&self, address: &str) -> Result<(), TooMany> {
        let now = self.now_millis();
        let period = millis(SIGN_UPS_MADE.one_per);
        let tolerance = period.saturating_mul(u64::from(SIGN_UPS_MADE.burst.saturating_sub(1)));
        let mut made = self
            .sign_ups_made
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let paid_off = made.get(address).copied().unwrap_or(now).max(now);
        let allowed_from = paid_off.saturating_sub(tolerance);
        if allowed_from > now {
            let wait = allowed_from - now;
            return Err(TooMany {
                retry_after: Duration::from_secs(wait.div_ceil(1000)),
            });
        }
        made.insert(address.to_owned(), paid_off.saturating_add(period));
        Ok(())
    }

    /// Gives back the place a sign-up took that made no account.
    pub fn give_back_sign_up(&self, address: &str) {
        let period = millis(SIGN_UPS_MADE.one_per);
        let mut made = self
            .sign_ups_made
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(paid_off) = made.get_mut(address) {
            *paid_off = paid_off.saturating_sub(period);
        }
    }

    fn now_millis(&self) -> u64 {
        u64::try_from(self.clock.0.now().as_millis()).unwrap_or(0)
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
        let now = self.now_millis();
        self.sign_ups_made
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|_, paid_off| *paid_off > now);
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

fn find(limiters: &[(Door, Keyed)], door: Door) -> Option<&Keyed> {
    limiters
        .iter()
        .find(|(d, _)| *d == door)
        .map(|(_, limiter)| limiter)
}

/// Our clock, as the rate limiter reads time.
#[derive(Clone, Debug)]
pub(crate) struct ClockAdapter(pub(crate) Arc<dyn Clock>);

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
    use steadfast_app::clock::ManualClock;

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
    fn an_address_makes_a_burst_of_accounts_then_waits_ten_minutes() {
        let (limits, clock) = limits();
        for _ in 0..5 {
            assert_eq!(limits.take_sign_up("192.0.2.7"), Ok(()));
        }
        let refused = limits.take_sign_up("192.0.2.7").expect_err("limited");
        assert_eq!(refused.retry_after, Duration::from_secs(600));
        assert_eq!(limits.take_sign_up("192.0.2.8"), Ok(()));
        clock.advance_millis(599_000);
        let refused = limits.take_sign_up("192.0.2.7").expect_err("limited");
        assert_eq!(refused.retry_after, Duration::from_secs(1));
        clock.advance_millis(1_000);
        assert_eq!(limits.take_sign_up("192.0.2.7"), Ok(()));
        assert!(limits.take_sign_up("192.0.2.7").is_err());
    }

    #[test]
    fn a_sign_up_that_made_no_account_gives_its_place_back() {
        let (limits, _) = limits();
        for _ in 0..20 {
            assert_eq!(limits.take_sign_up("192.0.2.7"), Ok(()));
            limits.give_back_sign_up("192.0.2.7");
        }
        for _ in 0..5 {
            assert_eq!(limits.take_sign_up("192.0.2.7"), Ok(()));
        }
        assert!(limits.take_sign_up("192.0.2.7").is_err());
        // Giving back more than was taken never adds places.
        limits.give_back_sign_up("192.0.2.9");
        for _ in 0..5 {
            assert_eq!(limits.take_sign_up("192.0.2.9"), Ok(()));
        }
        assert!(limits.take_sign_up("192.0.2.9").is_err());
    }

    #[test]
    fn doors_are_counted_apart() {
        let (limits, _) = limits();
        for _ in 0..30 {
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
