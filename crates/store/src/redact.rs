//! Stand-ins for what `Debug` output must not show: secrets (hashes of passwords, codes and
//! tokens) and a person's own words (login names, email addresses, labels, space names). Records
//! reach logs through `?` and panics; what they print there has to be safe.

use std::fmt;

/// Prints `<redacted>` in place of a value.
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `Some(<redacted>)` or `None`: whether an optional value is there, never what it is.
pub(crate) fn redacted_option<T>(value: &Option<T>) -> Option<Redacted> {
    value.as_ref().map(|_| Redacted)
}
