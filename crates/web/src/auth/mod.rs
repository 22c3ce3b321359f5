//! Who is asking: passwords, the secrets we hand out, and how often a door may be knocked on.

pub(crate) mod device;
pub mod limits;
pub(crate) mod secret;
pub(crate) mod session;
