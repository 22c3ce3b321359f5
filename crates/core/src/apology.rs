//! One rule for every apology (repair plans, boundary crossings, a promise not kept): taking
//! responsibility has no excusing "but" ("sorry, but you always…"), while a concessive clause
//! ("even though you trusted me", "chociaż mi ufałaś") is fine.
//!
//! STUB: today this only delegates to the old word list; the full rule with its sentence tables
//! in English and Polish is being written.

/// Whether an apology turns into an excuse: it has an excusing "but".
pub fn is_excusing(text: &str) -> bool {
    crate::repair::has_but(text)
}
