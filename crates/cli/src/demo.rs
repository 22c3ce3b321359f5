//! `steadfast demo`: seeds a database with couples and months of shared history, so a newcomer
//! sees pages with content at once and benchmarks have data. For trying out only: every demo
//! account shares one published password.
//!
//! Accounts and pairings go through the store as sign-up and invites do; every domain event
//! comes from a core decision (`story`), appended per space in batches.

mod story;

use std::io::Write;
use std::time::Duration;

use anyhow::{Context, bail};
use steadfast_app::passwords::{Claimant, PasswordCost, Passwords};
use steadfast_core::space::{self, InviteState};
use steadfast_core::{Member, Password, PersonId, SpaceId, StreamId, Timestamp, Username};
use steadfast_store::{AcceptOutcome, InviteRecord, NewAccount, NewSpace, Store};

use crate::config::DemoArgs;
use crate::database;

/// The one password of every demo account. Published here and printed: demo data only.
pub const DEMO_PASSWORD: &str = "steadfast-demo-only";

/// How many events go to the store in one append.
const BATCH: usize = 500;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// What was seeded, for the report.
#[derive(Debug)]
pub struct Seeded {
    pub usernames: Vec<(String, String)>,
    pub events: usize,
}

pub async fn run(args: DemoArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database.database_url)?;
    let store = database::open(&url).await?;
    // History ends at the start of today (UTC), so the newest entries look recent.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?;
    let today = i64::try_from(now.as_millis() / DAY.as_millis() * DAY.as_millis())
        .context("the system clock is out of range")?;
    let seeded = seed(
        &store,
        args.couples,
        args.months,
        args.seed,
        Timestamp::from_millis(today),
    )
    .await;
    // The reminders table follows the log the web writes through; rebuild it from the new log.
    let seeded = match seeded {
        Ok(seeded) => {
            let now = i64::try_from(now.as_millis()).unwrap_or(i64::MAX);
            store
                .rebuild_reminders(Timestamp::from_millis(now))
                .await
                .map(|_| seeded)
                .map_err(anyhow::Error::from)
        }
        Err(error) => Err(error),
    };
    store.close().await;
    let seeded = seeded.with_context(|| format!("cannot seed {url}"))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", report(&seeded)).context("cannot print the report")
}

fn report(seeded: &Seeded) -> String {
    let mut text = format!(
        "Seeded {} demo couples with {} events.\n\
         FOR TRYING OUT AND BENCHMARKS ONLY: every demo account shares the password below, \
         which is public. Never seed a database real people use.\n\n\
         Password for every account: {DEMO_PASSWORD}\n",
        seeded.usernames.len(),
        seeded.events
    );
    for (a, b) in &seeded.usernames {
        text.push_str(&format!("  {a} and {b}\n"));
    }
    text
}

/// The two usernames of demo couple `n` (counted from 1).
pub fn usernames(n: u32) -> (String, String) {
    const NAMES: [(&str, &str); 6] = [
        ("alex", "sam"),
        ("maja", "tomek"),
        ("robin", "kai"),
        ("ola", "piotr"),
        ("jo", "chris"),
        ("ewa", "adam"),
    ];
    let (a, b) = NAMES[(n as usize - 1) % NAMES.len()];
    (format!("demo-{a}-{n}"), format!("demo-{b}-{n}"))
}

/// Seeds `couples` couples with `months` months of history ending at `end`, all chosen by
/// `seed`. Refuses, writing nothing, when any demo username is taken.
pub async fn seed(
    store: &Store,
    couples: u32,
    months: u32,
    seed: u64,
    end: Timestamp,
) -> anyhow::Result<Seeded> {
    let names: Vec<(Username, Username)> = (1..=couples)
        .map(|n| {
            let (a, b) = usernames(n);
            Ok((Username::parse(&a)?, Username::parse(&b)?))
        })
        .collect::<Result<_, steadfast_core::UsernameError>>()
        .context("a demo username is invalid")?;
    for name in names.iter().flat_map(|(a, b)| [a, b]) {
        if store.account_by_username_key(name.key()).await?.is_some() {
            bail!(
                "this database already has an account named {}: it was seeded before or is in \
                 use. `steadfast demo` only seeds a fresh database",
                name.as_str()
            );
        }
    }

    // One hash for the one shared password, made as sign-up makes it (argon2id, production
    // cost): hashing it per account would cost seconds per thousand couples for nothing.
    let password = Password::new(DEMO_PASSWORD, &names[0].0).context("the demo password")?;
    let hash = Passwords::new(PasswordCost::Production)?
        .hash(&Claimant::Operator, password.expose().to_owned())
        .await?;

    let days = months * 30;
    let start = end.saturating_sub(DAY * days);
    let mut rng = fastrand::Rng::with_seed(seed);
    let uuid = move |rng: &mut fastrand::Rng| {
        uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes()).into_uuid()
    };
    let mut seeded = Seeded {
        usernames: Vec::new(),
        events: 0,
    };
    for (n, (a_name, b_name)) in names.iter().enumerate() {
        let a = PersonId::from_uuid(uuid(&mut rng));
        let b = PersonId::from_uuid(uuid(&mut rng));
        let space = SpaceId::from_uuid(uuid(&mut rng));
        for (person, name) in [(a, a_name), (b, b_name)] {
            store
                .create_account(&NewAccount {
                    id: person,
                    username: name.as_str().to_owned(),
                    username_key: name.key().to_owned(),
                    password_hash: hash.clone(),
                    email: None,
                    created_at: start,
                    grammatical_form: steadfast_core::account::GrammaticalForm::default(),
                })
                .await?;
        }
        pair(store, space, a, b, start, &mut rng).await?;
        let couple = story::Couple {
            space,
            a,
            b,
            joined: start,
            repairs: n == 0,
        };
        let story = story::play(&couple, &mut rng, days);
        if !story.refused.is_empty() {
            tracing::warn!(
                refused = ?story.refused,
                "the core refused some demo steps; they were left out"
            );
        }
        seeded.events += story.events.len();
        let mut head = 0;
        for batch in story.events.chunks(BATCH) {
            head = store
                .append(StreamId::Space(space), head, batch.to_vec())
                .await?;
        }
        seeded
            .usernames
            .push((a_name.as_str().to_owned(), b_name.as_str().to_owned()));
    }
    Ok(seeded)
}

/// Opens a space for `a` and pairs `b` with it through an invite, as the web does.
async fn pair(
    store: &Store,
    space: SpaceId,
    a: PersonId,
    b: PersonId,
    at: Timestamp,
    rng: &mut fastrand::Rng,
) -> anyhow::Result<()> {
    store
        .create_space(&NewSpace {
            id: space,
            name: "Our space".to_owned(),
            creator: a,
            created_at: at,
        })
        .await?;
    let members = [Member {
        person: a,
        joined: at,
        left: None,
    }];
    let expires = space::decide_issue(&members, a, at)
        .map_err(|refusal| anyhow::anyhow!("cannot invite: {refusal}"))?;
    let invite = uuid::Builder::from_random_bytes(rng.u128(..).to_le_bytes())
        .into_uuid()
        .to_string();
    store
        .create_invite(&InviteRecord {
            id: invite.clone(),
            space,
            // Nobody holds a token for it: it is accepted here and now.
            token_hash: format!("demo-{invite}"),
            created_by: a,
            created_at: at,
            expires_at: expires,
            accepted_by: None,
            accepted_at: None,
            revoked_at: None,
        })
        .await?;
    let state = InviteState {
        issuer: a,
        expires,
        accepted: None,
        revoked: None,
    };
    space::decide_accept(&state, &members, b, at)
        .map_err(|refusal| anyhow::anyhow!("cannot accept the invite: {refusal}"))?;
    let max = i64::try_from(space::MAX_PARTNERS).unwrap_or(i64::MAX);
    match store.accept_invite(&invite, b, at, max).await? {
        AcceptOutcome::Accepted => Ok(()),
        other => bail!("cannot pair the demo couple: {other:?}"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]

    use steadfast_core::promise::Status;
    use steadfast_core::record::Params;
    use steadfast_core::{Ledger, NewEvent};
    use steadfast_store::testing::TestDatabase;

    use super::*;

    /// A fixed end, so two runs on different days compare too.
    const END: Timestamp = Timestamp::from_millis(1_780_000_000_000);

    async fn seeded(couples: u32, months: u32, seed_value: u64) -> (TestDatabase, Store) {
        let database = TestDatabase::sqlite();
        let store = Store::open(database.url()).await.expect("the store opens");
        super::seed(&store, couples, months, seed_value, END)
            .await
            .expect("a fresh database is seeded");
        (database, store)
    }

    /// Every couple: its two partners, the members of their space and the space's events.
    async fn couples(store: &Store, couples: u32) -> Vec<(PersonId, Vec<Member>, Vec<NewEvent>)> {
        let mut all = Vec::new();
        for n in 1..=couples {
            let (a, _) = usernames(n);
            let key = Username::parse(&a).unwrap();
            let person = store
                .account_by_username_key(key.key())
                .await
                .unwrap()
                .expect("the demo account exists");
            let spaces = store.spaces_of(person.id).await.unwrap();
            assert_eq!(spaces.len(), 1);
            let space = spaces[0].0.id;
            let members: Vec<Member> = store
                .members(space)
                .await
                .unwrap()
                .iter()
                .map(|m| Member {
                    person: m.person,
                    joined: m.joined_at,
                    left: m.left_at,
                })
                .collect();
            assert_eq!(members.len(), 2, "the couple is paired");
            let events = store.read(StreamId::Space(space), 1).await.unwrap();
            all.push((
                person.id,
                members,
                events.into_iter().map(|e| e.event).collect(),
            ));
        }
        all
    }

    #[test]
    fn the_core_refuses_no_planned_step_whatever_the_seed() {
        for seed_value in 0..40 {
            let mut rng = fastrand::Rng::with_seed(seed_value);
            let couple = story::Couple {
                space: SpaceId::from_uuid(uuid::Uuid::from_u128(1)),
                a: PersonId::from_uuid(uuid::Uuid::from_u128(2)),
                b: PersonId::from_uuid(uuid::Uuid::from_u128(3)),
                joined: END.saturating_sub(DAY * 180),
                repairs: true,
            };
            let story = story::play(&couple, &mut rng, 180);
            assert!(
                story.refused.is_empty(),
                "seed {seed_value}: {:?}",
                story.refused
            );
            assert!(story.events.len() > 300, "seed {seed_value}");
        }
    }

    #[tokio::test]
    async fn the_same_seed_gives_the_same_events_and_another_seed_others() {
        let (_one, first) = seeded(2, 2, 7).await;
        let (_two, second) = seeded(2, 2, 7).await;
        let (_three, other) = seeded(2, 2, 8).await;
        let events = |couples: Vec<(PersonId, Vec<Member>, Vec<NewEvent>)>| {
            couples
                .into_iter()
                .flat_map(|(_, _, events)| events)
                .collect::<Vec<_>>()
        };
        let first = events(couples(&first, 2).await);
        assert!(!first.is_empty());
        assert_eq!(first, events(couples(&second, 2).await));
        assert_ne!(first, events(couples(&other, 2).await));
    }

    #[tokio::test]
    async fn every_space_folds_into_living_pages() {
        let (_database, store) = seeded(3, 6, 1).await;
        for (n, (person, members, events)) in couples(&store, 3).await.into_iter().enumerate() {
            let recorded = store
                .read(
                    StreamId::Space(store.spaces_of(person).await.unwrap()[0].0.id),
                    1,
                )
                .await
                .unwrap();
            assert_eq!(recorded.len(), events.len());
            let mut ledger = Ledger::new(person);
            ledger.advance(&recorded, &members);

            let statuses: Vec<&str> = ledger
                .promises
                .all()
                .iter()
                .map(|p| p.status.as_str())
                .collect();
            for status in ["kept", "broken", "released", "let_go"] {
                assert!(
                    statuses.contains(&status),
                    "couple {n}: no {status} promise"
                );
            }
            assert!(ledger.promises.all().iter().any(|p| p.renegotiations > 0));
            assert!(ledger.promises.all().iter().any(|p| matches!(
                p.status,
                Status::Broken {
                    deception: true,
                    ..
                }
            )));
            assert!(ledger.record(&members, &Params::default()).is_some());
            let revealed = ledger
                .checkins
                .all()
                .iter()
                .filter(|c| c.sides.len() == 2 && c.sides.iter().all(|s| s.revealed.is_some()))
                .count();
            assert!(revealed >= 15, "couple {n}: {revealed} revealed check-ins");
            assert_eq!(ledger.rituals.all().len(), 2);
            assert!(
                ledger
                    .boundaries
                    .all()
                    .iter()
                    .any(|b| b.acknowledged_at().is_some())
            );
            assert!(ledger.appreciations.all().len() > 20);
            assert!(events.iter().any(|e| e.kind.as_str().starts_with("daily.")));
            let partner = members.iter().find(|m| m.person != person).unwrap().person;
            let plans: Vec<_> = ledger.repairs.between(person, partner).collect();
            if n == 0 {
                assert_eq!(plans.len(), 1, "the first couple repairs a breach");
                assert!(plans[0].apology.is_some());
            } else {
                assert!(plans.is_empty());
            }
        }
    }

    #[tokio::test]
    async fn a_second_run_refuses_and_writes_nothing() {
        let (_database, store) = seeded(1, 1, 1).await;
        let before = couples(&store, 1).await[0].2.len();
        let error = super::seed(&store, 2, 1, 1, END)
            .await
            .expect_err("demo accounts exist");
        assert!(
            error
                .to_string()
                .contains("already has an account named demo-alex-1"),
            "{error}"
        );
        assert_eq!(couples(&store, 1).await[0].2.len(), before);
        let (second, _) = usernames(2);
        let key = Username::parse(&second).unwrap();
        assert!(
            store
                .account_by_username_key(key.key())
                .await
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn the_report_warns_and_lists_every_couple() {
        let text = report(&Seeded {
            usernames: vec![usernames(1), usernames(2)],
            events: 10,
        });
        assert!(text.contains("FOR TRYING OUT AND BENCHMARKS ONLY"));
        assert!(text.contains(DEMO_PASSWORD));
        assert!(text.contains("demo-alex-1 and demo-sam-1"));
        assert!(text.contains("demo-maja-2 and demo-tomek-2"));
    }
}
