//! Small number scales a person answers on (stakes 1–5, a feeling −5…+5): one definition, so
//! every scale is checked, parsed and refused in the same way.

use thiserror::Error;

/// A number outside its scale, or not a number.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[error("choose a number from {min} to {max}")]
pub struct ScaleError {
    pub min: i64,
    pub max: i64,
}

/// A newtype over `$int` that holds only `$min..=$max`, with `new`, `from_i64` (a JSON number of
/// any size), `parse` (a form field), `get`, and serde through the integer.
macro_rules! scale {
    ($(#[$doc:meta])* $name:ident: $int:ty, $min:literal, $max:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize,
        )]
        #[serde(try_from = "i64", into = "i64")]
        pub struct $name($int);

        impl $name {
            pub const MIN: $int = $min;
            pub const MAX: $int = $max;
            const ERROR: $crate::scale::ScaleError = $crate::scale::ScaleError {
                min: $min,
                max: $max,
            };

            pub fn new(value: $int) -> Result<Self, $crate::scale::ScaleError> {
                if ($min..=$max).contains(&value) {
                    Ok(Self(value))
                } else {
                    Err(Self::ERROR)
                }
            }

            /// From a JSON number of any size.
            pub fn from_i64(value: i64) -> Result<Self, $crate::scale::ScaleError> {
                <$int>::try_from(value)
                    .map_err(|_| Self::ERROR)
                    .and_then(Self::new)
            }

            /// From a form field (a leading `+` is read too).
            pub fn parse(input: &str) -> Result<Self, $crate::scale::ScaleError> {
                input
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| Self::ERROR)
                    .and_then(Self::from_i64)
            }

            pub const fn get(self) -> $int {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = $crate::scale::ScaleError;

            fn try_from(value: i64) -> Result<Self, Self::Error> {
                Self::from_i64(value)
            }
        }

        impl From<$name> for i64 {
            fn from(value: $name) -> Self {
                i64::from(value.0)
            }
        }
    };
}

pub(crate) use scale;

#[cfg(test)]
mod tests {
    scale!(
        /// A test scale with negatives.
        Feeling: i8, -5, 5
    );
    scale!(
        /// A test scale from one.
        Stakes: u8, 1, 5
    );

    #[test]
    fn a_scale_holds_its_ends_and_refuses_beyond_them() {
        assert_eq!(Feeling::new(-5).map(Feeling::get), Ok(-5));
        assert_eq!(Feeling::new(5).map(Feeling::get), Ok(5));
        assert!(Feeling::new(6).is_err());
        assert!(Stakes::new(0).is_err());
        assert_eq!(Stakes::parse(" 3 ").map(Stakes::get), Ok(3));
        assert_eq!(Feeling::parse("+2").map(Feeling::get), Ok(2));
        assert!(Stakes::from_i64(256 + 3).is_err());
        assert!(Stakes::from_i64(-1).is_err());
        assert_eq!(
            Stakes::parse("lots").map_err(|e| (e.min, e.max)),
            Err((1, 5))
        );
    }

    #[test]
    fn a_scale_goes_through_json_as_a_number_and_is_checked_coming_back() {
        let json = serde_json::to_string(&Feeling::new(-3).unwrap()).unwrap();
        assert_eq!(json, "-3");
        assert!(serde_json::from_str::<Feeling>("-6").is_err());
        assert!(serde_json::from_str::<Stakes>("300").is_err());
    }
}
