//! Recovery codes: the way back into an account that never goes through the partner (docs/PRINCIPLES.md,
//! Safety). Each is 80 random bits, shown once, stored hashed by the edge, used once.

use std::fmt;

use thiserror::Error;

/// How many codes an account gets at a time.
pub const RECOVERY_CODES_PER_ACCOUNT: usize = 10;

/// Crockford's base32 alphabet, lowercase: no i, l, o or u, so nothing reads as another symbol.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const SYMBOLS: usize = 16;
const GROUP: usize = 4;
/// Generous room for separators and spaces around 16 symbols; longer input is refused before it
/// is read.
const MAX_INPUT_BYTES: usize = 96;

/// One recovery code: 80 bits, written as 16 Crockford base32 symbols in groups of four,
/// `abcd-efgh-jkmn-pqrs`. `Display` gives that form (to show the person once); `Debug` hides it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecoveryCode([u8; 10]);

/// Why typed text is not a recovery code.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryCodeError {
    #[error("a recovery code has 16 letters and digits")]
    WrongLength,
    #[error("a recovery code uses only letters and digits, in groups separated by dashes")]
    BadCharacter,
}

impl RecoveryCode {
    /// How many random bytes a code is made from; the edge draws them from the OS.
    pub const RANDOM_BYTES: usize = 10;

    pub const fn from_random(bytes: [u8; 10]) -> Self {
        Self(bytes)
    }

    /// Reads a code as a person types it: any case; spaces, tabs and dashes (also the typographic
    /// ones phones substitute) anywhere; `i` and `l` read as `1`, `o` as `0`, as Crockford
    /// intended. `u` and anything else outside the alphabet are refused.
    pub fn parse(input: &str) -> Result<Self, RecoveryCodeError> {
        if input.len() > MAX_INPUT_BYTES {
            return Err(RecoveryCodeError::WrongLength);
        }
        let mut value: u128 = 0;
        let mut symbols = 0;
        for c in input.chars() {
            if c.is_whitespace() || is_dash(c) {
                continue;
            }
            let digit = symbol_value(c).ok_or(RecoveryCodeError::BadCharacter)?;
            symbols += 1;
            if symbols > SYMBOLS {
                return Err(RecoveryCodeError::WrongLength);
            }
            value = (value << 5) | u128::from(digit);
        }
        if symbols != SYMBOLS {
            return Err(RecoveryCodeError::WrongLength);
        }
        let mut bytes = [0; 10];
        bytes.copy_from_slice(&value.to_be_bytes()[6..]);
        Ok(Self(bytes))
    }

    /// The 80 bits, for the edge to hash. Two typings of one code give the same bytes.
    pub const fn as_bytes(&self) -> &[u8; 10] {
        &self.0
    }

    fn symbols(&self) -> impl Iterator<Item = char> {
        let mut wide = [0; 16];
        wide[6..].copy_from_slice(&self.0);
        let value = u128::from_be_bytes(wide);
        (0..SYMBOLS).rev().map(move |i| {
            let index = ((value >> (5 * i)) & 0x1f) as usize;
            char::from(ALPHABET[index])
        })
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_lowercase() {
        'i' | 'l' => '1',
        'o' => '0',
        other => other,
    };
    let index = ALPHABET
        .iter()
        .position(|&symbol| char::from(symbol) == c)?;
    u8::try_from(index).ok()
}

impl fmt::Display for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, symbol) in self.symbols().enumerate() {
            if i > 0 && i % GROUP == 0 {
                f.write_str("-")?;
            }
            write!(f, "{symbol}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_are_sixteen_lowercase_symbols_in_groups_of_four() {
        assert_eq!(
            RecoveryCode::from_random([0; 10]).to_string(),
            "0000-0000-0000-0000"
        );
        assert_eq!(
            RecoveryCode::from_random([0xff; 10]).to_string(),
            "zzzz-zzzz-zzzz-zzzz"
        );
        // The 5-bit groups 0, 1, 2, … 15 packed into ten bytes: the alphabet's first 16 symbols.
        let ascending = [0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf];
        assert_eq!(
            RecoveryCode::from_random(ascending).to_string(),
            "0123-4567-89ab-cdef"
        );
    }

    #[test]
    fn what_a_person_types_is_normalised() {
        let code = RecoveryCode::parse("0123-4567-89ab-cdef").unwrap();
        for typed in [
            "0123456789ABCDEF",
            "  0123 4567 89ab cdef  ",
            "o123-4567-89AB-CDEF",
            "0i23-4567-89ab-cdef",
            "0L23-4567-89ab-cdef",
            "0123–4567—89ab‐cdef",
            "01-23-45-67-89-ab-cd-ef",
        ] {
            assert_eq!(RecoveryCode::parse(typed), Ok(code), "{typed:?}");
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        assert_eq!(RecoveryCode::parse(""), Err(RecoveryCodeError::WrongLength));
        assert_eq!(
            RecoveryCode::parse("0123-4567-89ab-cde"),
            Err(RecoveryCodeError::WrongLength)
        );
        assert_eq!(
            RecoveryCode::parse("0123-4567-89ab-cdef-0"),
            Err(RecoveryCodeError::WrongLength)
        );
        assert_eq!(
            RecoveryCode::parse("0123-4567-89ab-cdeu"),
            Err(RecoveryCodeError::BadCharacter)
        );
        assert_eq!(
            RecoveryCode::parse("0123-4567-89ab-cde!"),
            Err(RecoveryCodeError::BadCharacter)
        );
        assert_eq!(
            RecoveryCode::parse("0123-4567-89ab-cdeż"),
            Err(RecoveryCodeError::BadCharacter)
        );
        assert_eq!(
            RecoveryCode::parse(&"0".repeat(10_000)),
            Err(RecoveryCodeError::WrongLength)
        );
    }

    #[test]
    fn debug_output_does_not_show_the_code() {
        let code = RecoveryCode::from_random([7; 10]);
        assert_eq!(format!("{code:?}"), "RecoveryCode(<redacted>)");
    }

    #[test]
    fn an_account_gets_ten_codes() {
        assert_eq!(RECOVERY_CODES_PER_ACCOUNT, 10);
    }

    proptest! {
        #[test]
        fn every_code_round_trips_through_its_text(bytes in any::<[u8; 10]>()) {
            let code = RecoveryCode::from_random(bytes);
            let text = code.to_string();
            prop_assert_eq!(text.len(), 19);
            prop_assert_eq!(RecoveryCode::parse(&text), Ok(code));
            prop_assert_eq!(RecoveryCode::parse(&text.to_uppercase()), Ok(code));
            prop_assert_eq!(RecoveryCode::parse(&text.replace('-', " ")), Ok(code));
            prop_assert_eq!(code.as_bytes(), &bytes);
        }

        #[test]
        fn parsing_never_panics(text in "\\PC{0,40}") {
            let _ = RecoveryCode::parse(&text);
        }
    }
}
