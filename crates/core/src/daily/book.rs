//! The daily entries of a space a viewer may see: per author and day, the latest one.

use std::collections::BTreeMap;

use jiff::civil::Date;

use super::entry::{DailyChange, DailyEvent, Written};
use crate::event::Visibility;
use crate::id::PersonId;
use crate::time::Timestamp;

/// One person's entry for one day, as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DailyEntry {
    pub author: PersonId,
    pub day: Date,
    pub written: Written,
    pub visibility: Visibility,
    /// When it was (last) written.
    pub at: Timestamp,
}

#[derive(Clone, Debug, Default)]
pub struct DailyBook {
    entries: BTreeMap<(Date, PersonId), DailyEntry>,
}

impl DailyBook {
    /// Folds in one event the viewer may see.
    pub fn apply(
        &mut self,
        author: PersonId,
        at: Timestamp,
        visibility: Visibility,
        event: &DailyEvent,
    ) {
        match event {
            DailyEvent::Written { day, entry } => {
                self.entries.insert(
                    (*day, author),
                    DailyEntry {
                        author,
                        day: *day,
                        written: entry.clone(),
                        visibility,
                        at,
                    },
                );
            }
            DailyEvent::Withdrawn { day } => {
                // Only a shared entry is withdrawn: the author's private rewrite, folded in
                // after it, is what they themselves see.
                if self
                    .entries
                    .get(&(*day, author))
                    .is_some_and(|e| e.visibility == Visibility::Shared)
                {
                    self.entries.remove(&(*day, author));
                }
            }
        }
    }

    pub fn get(&self, author: PersonId, day: Date) -> Option<&DailyEntry> {
        self.entries.get(&(day, author))
    }

    /// The entries of `since` and later, newest day first (the viewer's own first within a
    /// day).
    pub fn recent(&self, since: Date, viewer: PersonId) -> Vec<&DailyEntry> {
        let mut entries: Vec<&DailyEntry> = self
            .entries
            .range((since, PersonId::from_uuid(uuid::Uuid::nil()))..)
            .map(|(_, entry)| entry)
            .collect();
        entries.sort_by_key(|e| (std::cmp::Reverse(e.day), e.author != viewer));
        entries
    }
}

/// What to append for `author`'s entry of `day`. Rewriting a day's shared entry as private
/// first withdraws the shared one, so the partner no longer sees the words taken back; the
/// withdrawal says only that the shared entry is gone, not that a private one exists.
pub fn decide_write(
    book: &DailyBook,
    author: PersonId,
    day: Date,
    written: Written,
    visibility: Visibility,
) -> Vec<DailyChange> {
    let mut changes = Vec::with_capacity(2);
    let shared_before = book
        .get(author, day)
        .is_some_and(|e| e.visibility == Visibility::Shared);
    if visibility == Visibility::Private && shared_before {
        changes.push(DailyChange {
            event: DailyEvent::Withdrawn { day },
            visibility: Visibility::Shared,
        });
    }
    changes.push(DailyChange {
        event: DailyEvent::Written {
            day,
            entry: written,
        },
        visibility,
    });
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::daily::{DailyText, Mood};
    use crate::id::EventId;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn written(mood: u8, appreciation: &str) -> Written {
        Written {
            mood: Mood::new(mood).unwrap(),
            appreciation: DailyText::parse_optional(appreciation).unwrap(),
            plan: None,
        }
    }

    /// Folds `changes` as `viewer` sees them: their own, and others' shared ones.
    fn fold(book: &mut DailyBook, viewer: PersonId, author: PersonId, changes: Vec<DailyChange>) {
        for (i, change) in changes.into_iter().enumerate() {
            let event = change.clone().into_event(
                EventId::from_uuid(Uuid::from_u128(i as u128)),
                author,
                Timestamp::from_millis(i as i64),
            );
            if author != viewer && event.visibility == Visibility::Private {
                continue;
            }
            let read = DailyEvent::from_event(&event).unwrap();
            book.apply(author, event.at, event.visibility, &read);
        }
    }

    #[test]
    fn writing_again_the_same_day_replaces_the_entry() {
        let (alex, sam) = (person(1), person(2));
        let day = jiff::civil::date(2026, 11, 28);
        let mut seen_by_sam = DailyBook::default();
        let first = decide_write(
            &seen_by_sam,
            alex,
            day,
            written(2, "tea"),
            Visibility::Shared,
        );
        fold(&mut seen_by_sam, sam, alex, first);
        let again = decide_write(
            &seen_by_sam,
            alex,
            day,
            written(4, "the walk"),
            Visibility::Shared,
        );
        assert_eq!(again.len(), 1);
        fold(&mut seen_by_sam, sam, alex, again);
        let entries = seen_by_sam.recent(day, sam);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].written.mood.get(), 4);
    }

    #[test]
    fn rewriting_a_shared_day_privately_takes_the_shared_words_back() {
        let (alex, sam) = (person(1), person(2));
        let day = jiff::civil::date(2026, 11, 28);
        let (mut alex_book, mut sam_book) = (DailyBook::default(), DailyBook::default());
        let first = decide_write(&alex_book, alex, day, written(3, "tea"), Visibility::Shared);
        fold(&mut alex_book, alex, alex, first.clone());
        fold(&mut sam_book, sam, alex, first);
        let private = decide_write(
            &alex_book,
            alex,
            day,
            written(1, "hard"),
            Visibility::Private,
        );
        assert_eq!(private.len(), 2);
        fold(&mut alex_book, alex, alex, private.clone());
        fold(&mut sam_book, sam, alex, private);
        assert!(sam_book.recent(day, sam).is_empty());
        let mine = alex_book.get(alex, day).unwrap();
        assert_eq!(mine.visibility, Visibility::Private);
        assert_eq!(mine.written.mood.get(), 1);
    }

    #[test]
    fn recent_entries_are_newest_first_with_ones_own_first() {
        let (alex, sam) = (person(1), person(2));
        let mut book = DailyBook::default();
        for (author, day) in [(sam, 27), (alex, 27), (alex, 20), (sam, 28)] {
            let changes = decide_write(
                &book,
                author,
                jiff::civil::date(2026, 11, day),
                written(3, ""),
                Visibility::Shared,
            );
            fold(&mut book, alex, author, changes);
        }
        let order: Vec<(PersonId, i8)> = book
            .recent(jiff::civil::date(2026, 11, 21), alex)
            .iter()
            .map(|e| (e.author, e.day.day()))
            .collect();
        assert_eq!(order, [(sam, 28), (alex, 27), (sam, 27)]);
    }
}
