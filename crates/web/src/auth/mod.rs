//! Who is asking: sessions and devices as cookies carry them, and how often a door may be
//! knocked on.

pub(crate) mod device;
pub(crate) mod doors;
pub mod limits;
pub(crate) mod session;
