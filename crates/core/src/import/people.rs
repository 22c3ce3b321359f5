//! Who "you" were on the old server. An export names authors as `you` and `partner`, but some
//! payloads name people by their old ids (a promise's receiver, a boundary's partner, a repair
//! plan's two sides). Those ids must become the importing account's (for the exporter) and the
//! placeholder's (for everyone else), so the old id of the exporter is worked out from what the
//! events say about each other, and a document that contradicts itself is refused.

use std::collections::BTreeSet;

use crate::id::PersonId;

use super::error::ImportError;
use super::payload::PeopleClue;

/// An event's author role, as far as the people clue needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    You,
    NotYou,
}

/// What the export tells about its owner's old id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct People {
    /// The exporter's id on the old server, when some event tells it.
    pub you: Option<PersonId>,
    /// Ids that are certainly someone else's.
    pub others: BTreeSet<PersonId>,
}

impl People {
    /// Works out the exporter's old id from every clue, with each clue's author role.
    pub(crate) fn solve(clues: &[(Role, PeopleClue)]) -> Result<Self, ImportError> {
        let mut people = People::default();
        // Pairs need the other facts first; a fact learnt from one pair can settle another, so
        // they are gone through until nothing changes (at most once per pair).
        let mut pairs = Vec::new();
        for &(role, clue) in clues {
            match (role, clue) {
                (_, PeopleClue::None) => {}
                (Role::You, PeopleClue::Author(id)) | (Role::NotYou, PeopleClue::NotAuthor(id)) => {
                    people.set_you(id)?;
                }
                (Role::NotYou, PeopleClue::Author(id)) | (Role::You, PeopleClue::NotAuthor(id)) => {
                    people.set_other(id)?;
                }
                (_, PeopleClue::OneIsThem(a, b)) if a != b => pairs.push((a, b)),
                (_, PeopleClue::OneIsThem(..)) => {}
            }
        }
        loop {
            let mut learnt = false;
            let mut open = Vec::new();
            for (a, b) in pairs {
                let known = |id: PersonId, people: &People| {
                    if people.you == Some(id) {
                        Some(true)
                    } else if people.others.contains(&id) {
                        Some(false)
                    } else {
                        None
                    }
                };
                match (known(a, &people), known(b, &people)) {
                    (Some(true), _) => people.set_other(b)?,
                    (_, Some(true)) => people.set_other(a)?,
                    (Some(false), _) => people.set_you(b)?,
                    (_, Some(false)) => people.set_you(a)?,
                    (None, None) => {
                        // A known "you" elsewhere makes both of these others, which is a
                        // contradiction: exactly one of them must be the exporter.
                        if people.you.is_some() {
                            return Err(ImportError::PeopleDisagree);
                        }
                        open.push((a, b));
                        continue;
                    }
                }
                learnt = true;
            }
            pairs = open;
            if !learnt || pairs.is_empty() {
                break;
            }
        }
        Ok(people)
    }

    fn set_you(&mut self, id: PersonId) -> Result<(), ImportError> {
        if self.others.contains(&id) || self.you.is_some_and(|you| you != id) {
            return Err(ImportError::PeopleDisagree);
        }
        self.you = Some(id);
        Ok(())
    }

    fn set_other(&mut self, id: PersonId) -> Result<(), ImportError> {
        if self.you == Some(id) {
            return Err(ImportError::PeopleDisagree);
        }
        self.others.insert(id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn id(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    #[test]
    fn a_promise_from_the_partner_names_the_exporter() {
        let people = People::solve(&[(Role::NotYou, PeopleClue::NotAuthor(id(1)))]).unwrap();
        assert_eq!(people.you, Some(id(1)));
    }

    #[test]
    fn a_repair_plan_is_settled_by_a_fact_learnt_elsewhere_in_any_order() {
        let clues = [
            (Role::You, PeopleClue::OneIsThem(id(1), id(2))),
            (Role::You, PeopleClue::NotAuthor(id(2))),
        ];
        let people = People::solve(&clues).unwrap();
        assert_eq!(people.you, Some(id(1)));
        assert!(people.others.contains(&id(2)));
    }

    #[test]
    fn two_exporters_are_a_contradiction() {
        let clues = [
            (Role::NotYou, PeopleClue::NotAuthor(id(1))),
            (Role::You, PeopleClue::Author(id(2))),
        ];
        assert_eq!(People::solve(&clues), Err(ImportError::PeopleDisagree));
        let clues = [
            (Role::You, PeopleClue::Author(id(1))),
            (Role::You, PeopleClue::NotAuthor(id(1))),
        ];
        assert_eq!(People::solve(&clues), Err(ImportError::PeopleDisagree));
    }

    #[test]
    fn without_clues_nobody_is_known() {
        let people = People::solve(&[(Role::You, PeopleClue::OneIsThem(id(1), id(2)))]).unwrap();
        assert_eq!(people, People::default());
    }
}
