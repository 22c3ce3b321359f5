//! Accounts: the login name, the password policy, recovery codes, how long a session lives, how
//! long a known device is remembered, the labels of personal API tokens, and the grammatical form
//! a person chose to be spoken to in.
//!
//! Hashing, storage and cookies happen at the edge; this module decides what is acceptable and
//! keeps secrets out of `Debug` output so they cannot slip into a log line.

mod device;
mod email;
mod grammar;
mod password;
mod recovery;
mod session;
mod token;
mod username;

pub use device::{DEVICE_COOKIE_LIFETIME, DEVICE_IDLE_LIMIT, devices_forgotten_before};
pub use email::{Email, EmailError};
pub use grammar::{GrammaticalForm, GrammaticalFormError};
pub use password::{Password, PasswordError};
pub use recovery::{RECOVERY_CODES_PER_ACCOUNT, RecoveryCode, RecoveryCodeError};
pub use session::{Liveness, SessionPolicy};
pub use token::{TokenLabel, TokenLabelError, TokenLifetime, TokenLifetimeError, token_is_live};
pub use username::{Username, UsernameError};
