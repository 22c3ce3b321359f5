//! Password hashing with argon2id, off the async threads and one at a time on a thread of its
//! own: a burst of sign-ins must not stall every other request, nor hold more memory than the
//! machine has.
//!
//! The hashing thread is shared by everyone, so its queue is shared fairly:
//! each claimant — a client address outside a session, the person inside one — may hold a few
//! hashes queued or running, the queue as a whole is bounded, and a request beyond either is
//! refused at once ([`HashingError::Busy`], answered 429) rather than left to wait. The thread
//! serves first whoever it served least recently, so a flood from many addresses cannot push a
//! newcomer to the back, and a newcomer who finds the queue full takes the place of the newest
//! waiting hash of whoever holds the most, or was served most lately.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use argon2::password_hash::phc::PasswordHash;
use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use steadfast_core::PersonId;
use thiserror::Error;

/// How expensive a hash is. Production follows OWASP's argon2id minimum (19 MiB, 2 passes, one
/// lane); the fast setting exists for tests only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordCost {
    Production,
    FastForTests,
}

impl PasswordCost {
    fn params(self) -> Result<Params, argon2::Error> {
        match self {
            PasswordCost::Production => Params::new(19_456, 2, 1, None),
            PasswordCost::FastForTests => Params::new(Params::MIN_M_COST, 1, 1, None),
        }
    }
}

#[derive(Debug, Error)]
pub enum HashingError {
    #[error("argon2 refused its parameters: {0}")]
    Params(argon2::Error),
    #[error("hashing failed: {0}")]
    Hash(String),
    #[error("the hashing pool is shut down")]
    Closed,
    /// The caller already holds its share of the queue, or the queue is full: try again in a
    /// moment ([`CROWDED_RETRY_AFTER`]).
    #[error("the hashing queue has no room for this caller now")]
    Busy,
}

/// How long a caller refused with [`HashingError::Busy`] is asked to wait: the queue drains in
/// about a second.
pub const CROWDED_RETRY_AFTER: Duration = Duration::from_secs(1);

/// Whose hash it is, for the fair share of the queue.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Claimant {
    /// A request outside a session (sign-in, sign-up, recovery, a password link), by its client
    /// address as the rate limits see it.
    Address(String),
    /// A signed-in person checking or changing their own password, by person: someone else on
    /// the same home network cannot crowd them out.
    Person(PersonId),
    /// The operator's own commands (`steadfast admin`, `steadfast demo`), each on a pool of its
    /// own in its own process.
    Operator,
}

/// The outcome of checking a password.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    /// Right password. `rehash` says the stored hash is weaker than today's settings and should
    /// be replaced now, while we hold the password.
    Yes {
        rehash: bool,
    },
    No,
}

/// Hashes one claimant may hold, queued or running: a person signing in from one phone needs
/// one, a couple behind one address two.
const SHARE: usize = 2;

/// Hashes queued or running in all: at about 60 hashes a second, a second's work at most stands
/// before anyone.
const QUEUE_BOUND: usize = 64;

#[derive(Clone)]
pub struct Passwords {
    params: Params,
    queue: Arc<Queue>,
    /// Closes the queue (and so ends the thread) when the last clone goes.
    _closer: Arc<Closer>,
    /// Checked when the account does not exist, so an unknown name costs the same time as a
    /// known one with a wrong password.
    dummy_hash: Arc<str>,
}

impl Passwords {
    pub fn new(cost: PasswordCost) -> Result<Self, HashingError> {
        let params = cost.params().map_err(HashingError::Params)?;
        let dummy = hash_now(&params, b"not anyone's password")?;
        let queue = Arc::new(Queue::new(Shares::new(SHARE, QUEUE_BOUND)));
        start_hasher(Arc::clone(&queue))?;
        Ok(Self {
            params,
            _closer: Arc::new(Closer(Arc::clone(&queue))),
            queue,
            dummy_hash: dummy.into(),
        })
    }

    pub async fn hash(
        &self,
        claimant: &Claimant,
        password: String,
    ) -> Result<String, HashingError> {
        let params = self.params.clone();
        self.blocking(claimant, move || hash_now(&params, password.as_bytes()))
            .await?
    }

    /// Checks `password` against `stored`, or against a dummy hash when there is no account, so
    /// that both answers take the same time.
    pub async fn verify(
        &self,
        claimant: &Claimant,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, HashingError> {
        let exists = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.dummy_hash.to_string());
        let params = self.params.clone();
        self.blocking(claimant, move || {
            let Ok(parsed) = PasswordHash::new(&stored) else {
                return Verified::No;
            };
            let matches = argon2id(&params)
                .verify_password(password.as_bytes(), &parsed)
                .is_ok();
            if matches && exists {
                Verified::Yes {
                    rehash: weaker_than(&parsed, &params),
                }
            } else {
                Verified::No
            }
        })
        .await
    }

    /// Queues `work` for the hashing thread under `claimant`'s share, or refuses it at once. A
    /// caller that gives up (a closed connection) drops its place, and with it its work if the
    /// thread has not started it.
    async fn blocking<T: Send + 'static>(
        &self,
        claimant: &Claimant,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashingError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            // A caller that stopped waiting has nothing to be told.
            let _ = reply.send(work());
        });
        let place = self.queue.enter(claimant, job)?;
        match answer.await {
            Ok(value) => Ok(value),
            // The work was dropped unrun: pushed out by a newcomer, or the pool closed.
            Err(_) => Err(place.why_unanswered()),
        }
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// The queue the hashing thread takes its work from.
struct Queue {
    shares: Mutex<Shares>,
    work: Condvar,
}

impl Queue {
    fn new(shares: Shares) -> Self {
        Self {
            shares: Mutex::new(shares),
            work: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Shares> {
        // The bookkeeping is updated in single steps under the lock; a panic elsewhere while it
        // was held leaves it whole.
        self.shares.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn enter(self: &Arc<Self>, claimant: &Claimant, job: Job) -> Result<Place, HashingError> {
        let id = self.lock().enter(claimant, job)?;
        self.work.notify_one();
        Ok(Place {
            queue: Arc::clone(self),
            claimant: claimant.clone(),
            id,
        })
    }

    /// The next job, waiting for one; `None` once the queue is closed.
    fn next(&self) -> Option<Job> {
        let mut shares = self.lock();
        loop {
            if shares.closed {
                return None;
            }
            if let Some(job) = shares.next() {
                return Some(job);
            }
            shares = self
                .work
                .wait(shares)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn close(&self) {
        // Dropped outside the lock: dropping a job wakes its caller.
        let dropped = self.lock().close();
        self.work.notify_all();
        drop(dropped);
    }
}

/// Closes the queue when the last [`Passwords`] goes: the application has shut down.
struct Closer(Arc<Queue>);

impl Drop for Closer {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// A caller's place in the queue, given back when it is dropped — answered, failed or
/// cancelled alike.
struct Place {
    queue: Arc<Queue>,
    claimant: Claimant,
    id: u64,
}

impl Place {
    fn why_unanswered(&self) -> HashingError {
        if self.queue.lock().was_pushed_out(self.id) {
            HashingError::Busy
        } else {
            HashingError::Closed
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let dropped = self.queue.lock().leave(&self.claimant, self.id);
        drop(dropped);
    }
}

/// The fair-share bookkeeping, apart from any thread so that it can be tested step by step.
struct Shares {
    share: usize,
    bound: usize,
    /// Claimants holding places: how many, and their waiting jobs, oldest first.
    holders: HashMap<Claimant, Holder>,
    /// Places held in all.
    held: usize,
    /// When each claimant was last served, as a count of jobs started; forgotten once far
    /// behind, which puts them level with a newcomer.
    last_served: HashMap<Claimant, u64>,
    started: u64,
    /// Places taken back from their callers for a newcomer, until the caller has been told.
    pushed_out: HashSet<u64>,
    next_id: u64,
    closed: bool,
}

#[derive(Default)]
struct Holder {
    places: usize,
    waiting: VecDeque<(u64, Job)>,
}

impl Shares {
    fn new(share: usize, bound: usize) -> Self {
        Self {
            share,
            bound,
            holders: HashMap::new(),
            held: 0,
            last_served: HashMap::new(),
            started: 0,
            pushed_out: HashSet::new(),
            next_id: 0,
            closed: false,
        }
    }

    /// Takes a place for `claimant` and queues its job, or refuses at once.
    fn enter(&mut self, claimant: &Claimant, job: Job) -> Result<u64, HashingError> {
        if self.closed {
            return Err(HashingError::Closed);
        }
        let mine = self.holders.get(claimant).map_or(0, |holder| holder.places);
        if mine >= self.share {
            return Err(HashingError::Busy);
        }
        if self.held >= self.bound && !self.push_out_for(claimant, mine) {
            return Err(HashingError::Busy);
        }
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let holder = self.holders.entry(claimant.clone()).or_default();
        holder.places += 1;
        holder.waiting.push_back((id, job));
        self.held += 1;
        Ok(id)
    }

    /// Makes room in a full queue for `claimant`, holding `mine` places: the newest waiting job
    /// is dropped of whoever holds more than the newcomer would, or else of whoever was served
    /// more lately than the newcomer (a flood's addresses come back again and again; a person
    /// signing in has not been served for a while). The heaviest, then the most lately served,
    /// goes first. Its caller is told [`HashingError::Busy`].
    fn push_out_for(&mut self, claimant: &Claimant, mine: usize) -> bool {
        let my_turn = self.served_at(claimant);
        let victim = self
            .holders
            .iter()
            .filter(|(_, holder)| !holder.waiting.is_empty())
            .map(|(other, holder)| (other, holder.places, self.served_at(other)))
            .filter(|(_, places, served)| *places > mine + 1 || *served > my_turn)
            .max_by_key(|(_, places, served)| (*places, *served))
            .map(|(other, _, _)| other.clone());
        let Some(victim) = victim else {
            return false;
        };
        let Some(holder) = self.holders.get_mut(&victim) else {
            return false;
        };
        let Some((id, job)) = holder.waiting.pop_back() else {
            return false;
        };
        holder.places -= 1;
        self.held -= 1;
        self.pushed_out.insert(id);
        // Dropping the job drops its reply, which wakes its caller.
        drop(job);
        true
    }

    /// When `claimant` was last served, as a count of jobs started; 0 for never (or long ago).
    fn served_at(&self, claimant: &Claimant) -> u64 {
        self.last_served.get(claimant).copied().unwrap_or(0)
    }

    /// The job to run next: the oldest waiting job of the claimant served least recently.
    fn next(&mut self) -> Option<Job> {
        let claimant = self
            .holders
            .iter()
            .filter_map(|(claimant, holder)| {
                let (oldest, _) = holder.waiting.front()?;
                Some(((self.served_at(claimant), *oldest), claimant))
            })
            .min_by_key(|(order, _)| *order)
            .map(|(_, claimant)| claimant.clone())?;
        let (_, job) = self.holders.get_mut(&claimant)?.waiting.pop_front()?;
        self.started += 1;
        self.last_served.insert(claimant, self.started);
        self.forget_long_served();
        Some(job)
    }

    /// Bounds the memory of who was served: whoever was last served more than a full queue ago
    /// is as good as new.
    fn forget_long_served(&mut self) {
        if self.last_served.len() > 4 * self.bound {
            let horizon = self.started.saturating_sub(self.bound as u64);
            self.last_served.retain(|_, served| *served > horizon);
        }
    }

    /// Gives back a place; answers the job if it was still waiting, for dropping outside the
    /// lock.
    fn leave(&mut self, claimant: &Claimant, id: u64) -> Option<Job> {
        if self.pushed_out.remove(&id) {
            return None;
        }
        let holder = self.holders.get_mut(claimant)?;
        let waiting = holder
            .waiting
            .iter()
            .position(|(queued, _)| *queued == id)
            .and_then(|at| holder.waiting.remove(at))
            .map(|(_, job)| job);
        holder.places = holder.places.saturating_sub(1);
        if holder.places == 0 {
            self.holders.remove(claimant);
        }
        self.held = self.held.saturating_sub(1);
        waiting
    }

    fn was_pushed_out(&self, id: u64) -> bool {
        self.pushed_out.contains(&id)
    }

    /// Refuses everything from now on; answers the waiting jobs for dropping outside the lock.
    fn close(&mut self) -> Vec<Job> {
        self.closed = true;
        self.holders
            .values_mut()
            .flat_map(|holder| holder.waiting.drain(..).map(|(_, job)| job))
            .collect()
    }

    #[cfg(test)]
    fn held_by(&self, claimant: &Claimant) -> usize {
        self.holders.get(claimant).map_or(0, |holder| holder.places)
    }
}

/// Starts the one thread that hashes, for the life of the process. One thread, always the same:
/// a hash takes 19 MiB and a processor for about 15 ms, and with two hashing threads the timing
/// test saw one of them run steadily slower than the other, so that whichever request landed
/// there took longer (with strictly alternating requests, known names on one and unknown on the
/// other — a difference a caller could measure). One thread also holds the memory of one hash,
/// not of one per processor. It hashes about 60 passwords a second, far above what the sign-in
/// limits let through from one address.
fn start_hasher(queue: Arc<Queue>) -> Result<(), HashingError> {
    std::thread::Builder::new()
        .name("passwords".to_owned())
        // Ends when the queue is closed: the application has shut down.
        .spawn(move || {
            while let Some(job) = queue.next() {
                // A job that panics loses its own answer (its caller hears `Closed`), never the
                // thread every other caller waits on.
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            }
        })
        .map_err(|error| HashingError::Hash(error.to_string()))?;
    Ok(())
}

fn argon2id(params: &Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
}

fn hash_now(params: &Params, password: &[u8]) -> Result<String, HashingError> {
    argon2id(params)
        .hash_password(password)
        .map(|hash| hash.to_string())
        .map_err(|error| HashingError::Hash(error.to_string()))
}

/// A stored hash that is not argon2id, or uses less memory or fewer passes than today's settings.
fn weaker_than(stored: &PasswordHash, wanted: &Params) -> bool {
    if stored.algorithm.as_str() != Algorithm::Argon2id.ident().as_str() {
        return true;
    }
    match Params::try_from(stored) {
        Ok(params) => params.m_cost() < wanted.m_cost() || params.t_cost() < wanted.t_cost(),
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn from(address: &str) -> Claimant {
        Claimant::Address(address.to_owned())
    }

    fn alex() -> Claimant {
        from("192.0.2.1")
    }

    #[tokio::test]
    async fn a_password_verifies_against_its_own_hash_only() {
        let passwords = Passwords::new(PasswordCost::FastForTests).expect("params");
        let hash = passwords
            .hash(&alex(), "zażółć gęślą jaźń 🙂".into())
            .await
            .expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        let right = passwords
            .verify(&alex(), "zażółć gęślą jaźń 🙂".into(), Some(hash.clone()))
            .await;
        assert_eq!(right.expect("verify"), Verified::Yes { rehash: false });
        let wrong = passwords.verify(&alex(), "zazolc".into(), Some(hash)).await;
        assert_eq!(wrong.expect("verify"), Verified::No);
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies_even_with_the_dummy_password() {
        let passwords = Passwords::new(PasswordCost::FastForTests).expect("params");
        let verified = passwords
            .verify(&alex(), "not anyone's password".into(), None)
            .await;
        assert_eq!(verified.expect("verify"), Verified::No);
    }

    #[tokio::test]
    async fn production_settings_meet_the_owasp_minimum_and_weaker_hashes_are_upgraded() {
        let production = Passwords::new(PasswordCost::Production).expect("params");
        assert!(production.params.m_cost() >= 19_456);
        assert!(production.params.t_cost() >= 2);
        assert_eq!(production.params.p_cost(), 1);

        let weak = Passwords::new(PasswordCost::FastForTests).expect("params");
        let old_hash = weak
            .hash(&alex(), "long enough password".into())
            .await
            .expect("hash");
        let verified = production
            .verify(&alex(), "long enough password".into(), Some(old_hash))
            .await;
        assert_eq!(verified.expect("verify"), Verified::Yes { rehash: true });
    }

    /// A job that counts its runs into `ran`.
    fn counted(ran: &Arc<AtomicUsize>) -> Job {
        let ran = Arc::clone(ran);
        Box::new(move || {
            ran.fetch_add(1, Ordering::SeqCst);
        })
    }

    fn noop() -> Job {
        Box::new(|| {})
    }

    #[test]
    fn one_claimant_holds_its_share_and_no_more_until_a_place_is_given_back() {
        let mut shares = Shares::new(2, 64);
        let first = shares.enter(&alex(), noop()).expect("first place");
        shares.enter(&alex(), noop()).expect("second place");
        assert!(matches!(
            shares.enter(&alex(), noop()),
            Err(HashingError::Busy)
        ));
        // Someone else is not held back by Alex's share.
        shares.enter(&from("192.0.2.2"), noop()).expect("another");
        // Alex's first hash runs and is answered: the place comes back.
        assert!(shares.next().is_some());
        assert_eq!(shares.held_by(&alex()), 2);
        assert!(shares.leave(&alex(), first).is_none(), "it had run");
        assert_eq!(shares.held_by(&alex()), 1);
        shares.enter(&alex(), noop()).expect("a place again");
    }

    #[test]
    fn a_caller_that_gives_up_before_its_turn_takes_its_work_with_it() {
        let ran = Arc::new(AtomicUsize::new(0));
        let mut shares = Shares::new(2, 64);
        let gone = shares.enter(&alex(), counted(&ran)).expect("place");
        let stays = shares.enter(&alex(), counted(&ran)).expect("place");
        let dropped = shares.leave(&alex(), gone);
        assert!(dropped.is_some(), "its job leaves the queue");
        drop(dropped);
        assert_eq!(shares.held_by(&alex()), 1);
        assert_eq!(shares.held, 1);
        while let Some(job) = shares.next() {
            job();
        }
        assert_eq!(
            ran.load(Ordering::SeqCst),
            1,
            "only the one still waited for ran"
        );
        shares.leave(&alex(), stays);
        assert_eq!(shares.held, 0);
        assert!(shares.holders.is_empty());
    }

    #[test]
    fn a_full_queue_refuses_at_once_unless_a_newcomer_can_take_a_heavier_holders_place() {
        let mut shares = Shares::new(2, 4);
        // Two addresses hold one place each, one holds two: the queue is full.
        shares.enter(&from("10.0.0.1"), noop()).expect("place");
        shares.enter(&from("10.0.0.2"), noop()).expect("place");
        shares.enter(&from("10.0.0.3"), noop()).expect("place");
        let newest = shares.enter(&from("10.0.0.3"), noop()).expect("place");
        // A newcomer takes the place of the newest waiting job of the heaviest holder...
        let newcomer = shares.enter(&alex(), noop()).expect("admitted");
        assert!(shares.was_pushed_out(newest));
        assert_eq!(shares.held, 4);
        assert_eq!(shares.held_by(&from("10.0.0.3")), 1);
        // ...whose caller, told so, gives back nothing more than it held.
        assert!(shares.leave(&from("10.0.0.3"), newest).is_none());
        assert_eq!(shares.held, 4);
        // Now everyone holds one: no one is heavier than a newcomer would be, so it is refused.
        assert!(matches!(
            shares.enter(&from("10.0.0.9"), noop()),
            Err(HashingError::Busy)
        ));
        // Nor may anyone push out a job of someone holding as much as they would.
        assert!(matches!(
            shares.enter(&alex(), noop()),
            Err(HashingError::Busy)
        ));
        shares.leave(&alex(), newcomer);
        shares.enter(&from("10.0.0.9"), noop()).expect("room again");
    }

    #[test]
    fn a_newcomer_takes_the_place_of_a_flooding_address_that_was_served_lately() {
        let mut shares = Shares::new(2, 3);
        let flooder = from("10.0.0.1");
        // The flooder was served once and is back, as are two addresses never served yet.
        let served = shares.enter(&flooder, noop()).expect("place");
        shares.next().expect("its job")();
        shares.leave(&flooder, served);
        let back = shares.enter(&flooder, noop()).expect("place");
        shares.enter(&from("10.0.0.2"), noop()).expect("place");
        shares.enter(&from("10.0.0.3"), noop()).expect("place");
        // Full, one place each: the newcomer takes the place of the one served lately...
        shares.enter(&alex(), noop()).expect("admitted");
        assert!(shares.was_pushed_out(back));
        // ...and the flooder, back again, cannot take anyone's: nobody was served after it.
        assert!(matches!(
            shares.enter(&flooder, noop()),
            Err(HashingError::Busy)
        ));
        // Nor can another newcomer: nobody waiting has been served at all.
        assert!(matches!(
            shares.enter(&from("10.0.0.9"), noop()),
            Err(HashingError::Busy)
        ));
    }

    #[test]
    fn a_newcomer_is_served_before_those_who_were_served_lately() {
        let order = Arc::new(Mutex::new(Vec::new()));
        let job = |name: &'static str| -> Job {
            let order = Arc::clone(&order);
            Box::new(move || order.lock().expect("order").push(name))
        };
        let mut shares = Shares::new(2, 64);
        let mut places = Vec::new();
        for (address, name) in [
            ("10.0.0.1", "one"),
            ("10.0.0.2", "two"),
            ("10.0.0.3", "three"),
        ] {
            places.push((
                from(address),
                shares.enter(&from(address), job(name)).expect("place"),
            ));
            places.push((
                from(address),
                shares.enter(&from(address), job(name)).expect("place"),
            ));
        }
        // The flood's first round...
        for _ in 0..3 {
            shares.next().expect("a job")();
        }
        // ...then a newcomer arrives, behind three waiting jobs, and goes first.
        shares.enter(&alex(), job("newcomer")).expect("place");
        while let Some(next) = shares.next() {
            next();
        }
        assert_eq!(
            *order.lock().expect("order"),
            ["one", "two", "three", "newcomer", "one", "two", "three"]
        );
    }

    #[test]
    fn closing_drops_the_waiting_work_and_refuses_more() {
        let mut shares = Shares::new(2, 64);
        shares.enter(&alex(), noop()).expect("place");
        assert_eq!(shares.close().len(), 1);
        assert!(matches!(
            shares.enter(&from("10.0.0.1"), noop()),
            Err(HashingError::Closed)
        ));
    }

    #[tokio::test]
    async fn a_cancelled_hash_gives_its_place_back() {
        let passwords = Passwords::new(PasswordCost::FastForTests).expect("params");
        let alex = alex();
        for _ in 0..10 {
            // Polled once, so it takes a place, then dropped: a closed connection.
            let hash = passwords.hash(&alex, "long enough password".into());
            let _ = tokio::time::timeout(Duration::ZERO, hash).await;
        }
        assert_eq!(passwords.queue.lock().held_by(&alex), 0);
        let (one, two) = tokio::join!(
            passwords.hash(&alex, "long enough password".into()),
            passwords.hash(&alex, "another long password".into()),
        );
        assert!(one.is_ok() && two.is_ok());
        assert_eq!(passwords.queue.lock().held, 0);
    }

    #[tokio::test]
    async fn a_caller_beyond_its_share_is_refused_at_once_and_a_person_has_a_share_of_their_own() {
        let passwords = Passwords::new(PasswordCost::Production).expect("params");
        let alex = alex();
        let (a, b, c) = tokio::join!(
            passwords.verify(&alex, "one".into(), None),
            passwords.verify(&alex, "two".into(), None),
            passwords.verify(&alex, "three".into(), None),
        );
        assert_eq!(a.expect("first"), Verified::No);
        assert_eq!(b.expect("second"), Verified::No);
        assert!(matches!(c, Err(HashingError::Busy)));
        let person = Claimant::Person(PersonId::from_uuid(uuid::Uuid::new_v4()));
        let (a, b, c) = tokio::join!(
            passwords.verify(&alex, "one".into(), None),
            passwords.verify(&alex, "two".into(), None),
            passwords.verify(&person, "signed in".into(), None),
        );
        assert!(a.is_ok() && b.is_ok() && c.is_ok());
    }
}
