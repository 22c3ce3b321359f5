//! The password policy, written once: long and Unicode passwords welcome, no composition rules,
//! the most common passwords refused (NIST SP 800-63B's advice, which Django follows too).

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use super::username::{Username, canonical_key};

/// A password that is ready to be hashed or verified, normalised to Unicode NFKC so that the same
/// password typed on two keyboards (composed or decomposed accents, full-width digits) hashes the
/// same. Build it with [`Password::new`] when a password is set (sign-up, change, recovery) and
/// with [`Password::for_sign_in`] when one is tried; give [`Password::expose`] to the hasher.
///
/// It has no `Display`, no `Clone` and a `Debug` that hides the secret, so it cannot end up in a
/// log line or an error page by accident.
pub struct Password(String);

/// Why a new password was refused. Each variant has one stable meaning for the edge to map.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum PasswordError {
    #[error("a password has at least {min} characters")]
    TooShort { min: usize },
    /// The bound keeps one request from making the server normalise and hash megabytes.
    #[error("a password has at most {max_bytes} bytes")]
    TooLong { max_bytes: usize },
    #[error("a password cannot be the login name")]
    SameAsUsername,
    #[error("this password is one of the most common ones and is guessed first")]
    TooCommon,
}

/// The most common passwords, lowercased; see `content/common-passwords.NOTICE` for the source.
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../content/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

impl Password {
    /// Counted in characters, so "zażółć" is six however many bytes it takes.
    pub const MIN_CHARS: usize = 8;
    /// Counted in bytes of the input as received, before any other work is done on it.
    pub const MAX_BYTES: usize = 1024;

    /// Checks a new password against the policy. Checks run in this order, so the cheapest
    /// refusal comes first and no Unicode work is spent on oversized input: too long, too short,
    /// the same as the login name (ignoring case), one of the most common passwords (ignoring
    /// case and surrounding spaces).
    pub fn check(candidate: &str, username: &Username) -> Result<(), PasswordError> {
        if candidate.len() > Self::MAX_BYTES {
            return Err(PasswordError::TooLong {
                max_bytes: Self::MAX_BYTES,
            });
        }
        if candidate.chars().count() < Self::MIN_CHARS {
            return Err(PasswordError::TooShort {
                min: Self::MIN_CHARS,
            });
        }
        let folded = canonical_key(candidate);
        if folded.trim() == username.key() {
            return Err(PasswordError::SameAsUsername);
        }
        if COMMON_PASSWORDS.contains(folded.trim()) {
            return Err(PasswordError::TooCommon);
        }
        Ok(())
    }

    /// A password being set: it must pass [`Password::check`].
    pub fn new(candidate: &str, username: &Username) -> Result<Self, PasswordError> {
        Self::check(candidate, username)?;
        Ok(Self::normalised(candidate))
    }

    /// A password being tried at sign-in. Only the size bound applies: passwords set under an
    /// older policy must still work. On refusal the edge should answer exactly as for a wrong
    /// password (and still spend the time of a hash), so the refusal says nothing about the
    /// account.
    pub fn for_sign_in(attempt: &str) -> Result<Self, PasswordError> {
        if attempt.len() > Self::MAX_BYTES {
            return Err(PasswordError::TooLong {
                max_bytes: Self::MAX_BYTES,
            });
        }
        Ok(Self::normalised(attempt))
    }

    fn normalised(text: &str) -> Self {
        Self(text.nfkc().collect())
    }

    /// The normalised secret, for the password hasher and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alex() -> Username {
        Username::parse("Alex").unwrap()
    }

    #[test]
    fn eight_characters_is_enough_and_seven_is_not() {
        assert_eq!(Password::check("kq7 vmw3", &alex()), Ok(()));
        assert_eq!(
            Password::check("kq7vmw3", &alex()),
            Err(PasswordError::TooShort { min: 8 })
        );
    }

    #[test]
    fn the_minimum_counts_characters_not_bytes() {
        // Eight Polish letters are 16 bytes; seven are still too short.
        assert_eq!(Password::check("źdźbłość", &alex()), Ok(()));
        assert_eq!(
            Password::check("źdźbłoś", &alex()),
            Err(PasswordError::TooShort { min: 8 })
        );
    }

    #[test]
    fn no_composition_rules_apply() {
        for password in [
            "correct horse battery staple",
            "onlylowercaseletters",
            "12983476509812",
            "  trzy słowa  ",
        ] {
            assert_eq!(Password::check(password, &alex()), Ok(()), "{password}");
        }
    }

    #[test]
    fn long_unicode_passwords_are_accepted() {
        let long = "Zażółć gęślą jaźń, 我的密码很长 🔐 ".repeat(19);
        assert!(long.len() <= Password::MAX_BYTES, "{}", long.len());
        assert!(long.chars().count() > 500);
        assert_eq!(Password::check(&long, &alex()), Ok(()));
        let exactly_at_the_bound = "ą".repeat(Password::MAX_BYTES / 2);
        assert_eq!(Password::check(&exactly_at_the_bound, &alex()), Ok(()));
    }

    #[test]
    fn more_than_1024_bytes_is_refused() {
        assert_eq!(
            Password::check(&"a".repeat(1025), &alex()),
            Err(PasswordError::TooLong { max_bytes: 1024 })
        );
        // 513 two-byte letters: only 513 characters but 1026 bytes.
        assert_eq!(
            Password::check(&"ą".repeat(513), &alex()),
            Err(PasswordError::TooLong { max_bytes: 1024 })
        );
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        for password in [
            "password",
            "PASSWORD",
            "Password1",
            "qwertyuiop",
            " iloveyou1 ",
        ] {
            assert_eq!(
                Password::check(password, &alex()),
                Err(PasswordError::TooCommon),
                "{password}"
            );
        }
    }

    #[test]
    fn padding_a_common_password_with_spaces_does_not_make_it_new() {
        assert_eq!(
            Password::check("     x      ", &alex()),
            Err(PasswordError::TooCommon)
        );
    }

    #[test]
    fn the_common_list_is_loaded_in_full() {
        assert!(
            COMMON_PASSWORDS.len() > 19_000,
            "{}",
            COMMON_PASSWORDS.len()
        );
        assert!(
            COMMON_PASSWORDS
                .iter()
                .all(|p| *p == p.to_lowercase() && p.trim() == *p)
        );
    }

    #[test]
    fn the_login_name_is_refused_as_a_password_ignoring_case() {
        let name = Username::parse("Wojciech.K").unwrap();
        assert_eq!(
            Password::check("wojciech.k", &name),
            Err(PasswordError::SameAsUsername)
        );
        assert_eq!(
            Password::check("WOJCIECH.K", &name),
            Err(PasswordError::SameAsUsername)
        );
        assert_eq!(Password::check("wojciech.k!", &name), Ok(()));
    }

    #[test]
    fn the_same_password_typed_composed_or_decomposed_hashes_the_same() {
        let composed = Password::new("zażółć gęślą", &alex()).unwrap();
        let decomposed =
            Password::for_sign_in("zaz\u{307}o\u{301}\u{142}c\u{301} ge\u{328}s\u{301}la\u{328}")
                .unwrap();
        assert_eq!(composed.expose(), decomposed.expose());
    }

    #[test]
    fn sign_in_accepts_old_short_passwords_but_not_oversized_ones() {
        assert_eq!(Password::for_sign_in("abc").unwrap().expose(), "abc");
        assert_eq!(
            Password::for_sign_in(&"a".repeat(1025)).map(|p| p.expose().len()),
            Err(PasswordError::TooLong { max_bytes: 1024 })
        );
    }

    #[test]
    fn debug_output_does_not_show_the_password() {
        let password = Password::new("hunter2hunter2xyz", &alex()).unwrap();
        assert_eq!(format!("{password:?}"), "Password(<redacted>)");
    }
}
