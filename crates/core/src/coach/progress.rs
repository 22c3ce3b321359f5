//! What a coach's view shows of each granted partner, decided from the events the coach may
//! see: the web only loads and renders it.

use crate::checkin::{Change, CheckinEvent};
use crate::coach::Granted;
use crate::event::RecordedEvent;
use crate::ledger::Ledger;
use crate::repair::{RepairPlan, Status};
use crate::space::{self, Member};
use crate::visibility::{ItemMeta, Viewer, visible};
use crate::{PersonId, Timestamp};

/// One granted partner's progress.
#[derive(Debug)]
pub struct Progress<'a> {
    pub person: PersonId,
    /// When each check-in was revealed, and the mean of the partner's nine felt-trust items
    /// (0–6) in it, oldest first.
    pub felt: Vec<(Timestamp, f64)>,
    /// Check-ins the partner finished with their current partner.
    pub checkins_done: usize,
    /// The open repair plans between the partner and their partner; `None` unless both have
    /// granted, because a plan moves by both partners' steps and half of it would mislead.
    pub repairs: Option<Vec<&'a RepairPlan>>,
}

/// The progress of every current member whose grant is in force, in no particular order.
///
/// Felt trust comes from the partner's own revealed answers: such an event exists only once both
/// partners submitted, and it is the partner's own shared item, so it needs no one else's grant
/// (the check-in fold would also want the other partner's submission marker).
pub fn progress<'a>(
    coach: PersonId,
    granted: Granted,
    events: &[RecordedEvent],
    members: &[Member],
    ledger: &'a Ledger,
) -> Vec<Progress<'a>> {
    let viewer = Viewer::Coach { coach, granted };
    let revealed: Vec<(PersonId, Timestamp, f64)> =
        visible(viewer, events, |event| ItemMeta::from(event), members)
            .filter_map(|recorded| {
                let event = CheckinEvent::from_event(&recorded.event)?;
                let Change::Revealed { answers } = event.change else {
                    return None;
                };
                let felt = answers.felt()?;
                Some((recorded.event.author, recorded.event.at, felt.mean))
            })
            .collect();
    space::current(members)
        .map(|member| member.person)
        .filter(|person| granted.contains(*person))
        .map(|person| {
            let felt: Vec<(Timestamp, f64)> = revealed
                .iter()
                .filter(|(author, _, _)| *author == person)
                .map(|&(_, at, mean)| (at, mean))
                .collect();
            let repairs = space::partner_of(members, person)
                .filter(|partner| granted.contains(*partner))
                .map(|partner| {
                    ledger
                        .repairs
                        .between(person, partner)
                        .filter(|plan| !matches!(plan.status, Status::Closed { .. }))
                        .collect()
                });
            Progress {
                person,
                checkins_done: felt.len(),
                felt,
                repairs,
            }
        })
        .collect()
}
