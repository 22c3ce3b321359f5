//! How long a known device is remembered. A device cookie lives a year from the sign-in that set
//! it, so a record older than that names a cookie no browser still holds; and a device unused
//! for half a year is forgotten too, so an old phone passed on or sold stops counting as the
//! owner's. Either way the device is simply new again at its next sign-in.

use std::time::Duration;

use crate::time::Timestamp;

/// How long a browser keeps its device cookie.
pub const DEVICE_COOKIE_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// How long a known device may go unused before it is forgotten.
pub const DEVICE_IDLE_LIMIT: Duration = Duration::from_secs(182 * 24 * 60 * 60);

/// Which known devices are forgotten at `now`: those made before the first instant, or last
/// used before the second.
pub fn devices_forgotten_before(now: Timestamp) -> (Timestamp, Timestamp) {
    (
        now.saturating_sub(DEVICE_COOKIE_LIFETIME),
        now.saturating_sub(DEVICE_IDLE_LIMIT),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_is_forgotten_when_its_cookie_has_gone_or_it_lay_unused_for_half_a_year() {
        let now = Timestamp::from_millis(1_800_000_000_000);
        let (made_before, used_before) = devices_forgotten_before(now);
        let day = 24 * 60 * 60 * 1000;
        assert_eq!(made_before.as_millis(), now.as_millis() - 365 * day);
        assert_eq!(used_before.as_millis(), now.as_millis() - 182 * day);
        assert!(made_before < used_before);
    }
}
