//! The other partner as an attacker: each test acts as a partner who is signed in, shares the
//! home and may have a minute with the other's unlocked phone, and checks that what they try
//! gains them nothing. One file per way in.

mod deleted_words;
mod feed;
mod grammatical_form;
mod hashing;
mod lockout;
mod metrics;
mod patterns;
mod quota;
mod recovery;
mod safety_pause;
mod tokens;
