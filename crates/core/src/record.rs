//! The reliability record: how one partner's promises to the other have gone, as the other
//! confirmed them — a Beta reputation model with time decay and asymmetry (Jøsang & Ismail 2002,
//! "The Beta Reputation System"; docs/PRINCIPLES.md, The trust model). Never a score about a person: it is
//! per direction and per trust domain, always with its uncertainty and the events that moved it.

mod book;
mod consent;
mod evidence;
mod params;

pub use book::{Move, Point, RecordBook, RecordView, TrackKey, WHY_SHOWN, Why, whole_points};
pub use consent::{CONSENT_KIND, Consent, ConsentEvent};
pub use evidence::{Certainty, Evidence, Opinion, Weights};
pub use params::Params;
