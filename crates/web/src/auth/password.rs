//! Password hashing with argon2id, off the async threads and a few at a time: a burst of
//! sign-ins must not stall every other request, nor hold more memory than the machine has.

use std::sync::Arc;

use argon2::password_hash::phc::PasswordHash;
use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use thiserror::Error;
use tokio::sync::Semaphore;

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

/// Hashes handed to the hashing thread at once; further callers wait for a permit, so a caller
/// that gives up (a closed connection) leaves no work behind in the thread's queue.
const QUEUED_HASHES: usize = 4;

#[derive(Clone)]
pub struct Passwords {
    params: Params,
    permits: Arc<Semaphore>,
    hasher: std::sync::mpsc::Sender<Job>,
    /// Checked when the account does not exist, so an unknown name costs the same time as a
    /// known one with a wrong password.
    dummy_hash: Arc<str>,
}

impl Passwords {
    pub fn new(cost: PasswordCost) -> Result<Self, HashingError> {
        let params = cost.params().map_err(HashingError::Params)?;
        let dummy = hash_now(&params, b"not anyone's password")?;
        Ok(Self {
            params,
            permits: Arc::new(Semaphore::new(QUEUED_HASHES)),
            hasher: start_hasher()?,
            dummy_hash: dummy.into(),
        })
    }

    pub async fn hash(&self, password: String) -> Result<String, HashingError> {
        let params = self.params.clone();
        self.blocking(move || hash_now(&params, password.as_bytes()))
            .await?
    }

    /// Checks `password` against `stored`, or against a dummy hash when there is no account, so
    /// that both answers take the same time.
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, HashingError> {
        let exists = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.dummy_hash.to_string());
        let params = self.params.clone();
        self.blocking(move || {
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

    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, HashingError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| HashingError::Closed)?;
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            // A caller that stopped waiting has nothing to be told.
            let _ = reply.send(work());
        });
        self.hasher.send(job).map_err(|_| HashingError::Closed)?;
        answer.await.map_err(|_| HashingError::Closed)
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// Starts the one thread that hashes, for the life of the process. One thread, always the same:
/// a hash takes 19 MiB and a processor for about 15 ms, and with two hashing threads the timing
/// test saw one of them run steadily slower than the other, so that whichever request landed
/// there took longer (with strictly alternating requests, known names on one and unknown on the
/// other — a difference a caller could measure). One thread also holds the memory of one hash,
/// not of one per processor. It hashes about 60 passwords a second, far above what the sign-in
/// limits let through.
fn start_hasher() -> Result<std::sync::mpsc::Sender<Job>, HashingError> {
    let (jobs, queue) = std::sync::mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("passwords".to_owned())
        // Ends when every sender is gone: the application has shut down.
        .spawn(move || queue.iter().for_each(|job| job()))
        .map_err(|error| HashingError::Hash(error.to_string()))?;
    Ok(jobs)
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
    use super::*;

    #[tokio::test]
    async fn a_password_verifies_against_its_own_hash_only() {
        let passwords = Passwords::new(PasswordCost::FastForTests).expect("params");
        let hash = passwords
            .hash("zażółć gęślą jaźń 🙂".into())
            .await
            .expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        let right = passwords
            .verify("zażółć gęślą jaźń 🙂".into(), Some(hash.clone()))
            .await;
        assert_eq!(right.expect("verify"), Verified::Yes { rehash: false });
        let wrong = passwords.verify("zazolc".into(), Some(hash)).await;
        assert_eq!(wrong.expect("verify"), Verified::No);
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies_even_with_the_dummy_password() {
        let passwords = Passwords::new(PasswordCost::FastForTests).expect("params");
        let verified = passwords.verify("not anyone's password".into(), None).await;
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
            .hash("long enough password".into())
            .await
            .expect("hash");
        let verified = production
            .verify("long enough password".into(), Some(old_hash))
            .await;
        assert_eq!(verified.expect("verify"), Verified::Yes { rehash: true });
    }
}
