//! What every request passes before a handler runs: the headers and the cross-site guard
//! (`security`), a coach's read-only rule (`coach`) and each person's allowance of writes
//! (`quota`). Each reads the rule its route was declared with (`crate::routes`).

pub(crate) mod coach;
pub(crate) mod pace;
pub(crate) mod quota;
pub(crate) mod security;
