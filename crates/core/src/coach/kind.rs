//! The two kinds of account: a partner (anyone who signs up) and a coach (made by the operator or
//! through a couple's coach invite).

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum AccountKind {
    /// Creates and joins spaces; what every account was before coaches existed.
    #[default]
    Partner,
    /// Follows the spaces that invited them, read-only; never a member of any space.
    Coach,
}

#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("unknown account kind {0:?}")]
pub struct AccountKindError(String);

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Partner => "partner",
            AccountKind::Coach => "coach",
        }
    }

    pub fn is_coach(self) -> bool {
        self == AccountKind::Coach
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccountKind {
    type Err = AccountKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "partner" => Ok(AccountKind::Partner),
            "coach" => Ok(AccountKind::Coach),
            other => Err(AccountKindError(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_stored_words() {
        for kind in [AccountKind::Partner, AccountKind::Coach] {
            assert_eq!(kind.as_str().parse::<AccountKind>(), Ok(kind));
        }
        assert!("admin".parse::<AccountKind>().is_err());
    }
}
