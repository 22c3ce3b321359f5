//! A world for the use cases: the services over a fresh database, a clock that stands still, and
//! people and couples made through the use cases themselves.

use std::sync::Arc;

use steadfast_app::App;
use steadfast_app::accounts::{self, SignUp, SignUpInput};
use steadfast_app::clock::ManualClock;
use steadfast_app::passwords::{Claimant, PasswordCost};
use steadfast_app::sessions::Arrival;
use steadfast_core::account::GrammaticalForm;
use steadfast_core::coach::AccountKind;
use steadfast_core::{PersonId, SpaceId, Timestamp};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{AcceptOutcome, Backend, InviteRecord, NewSpace, Store};

pub struct World {
    pub app: App,
    _database: TestDatabase,
}

/// Two partners sharing a space.
pub struct Couple {
    pub a: PersonId,
    pub b: PersonId,
    pub space: SpaceId,
}

impl World {
    pub async fn on(backend: Backend) -> Option<World> {
        let database = TestDatabase::new(backend).await?;
        let store = Store::open(database.url()).await.expect("store");
        // Monday 30 November 2026, 10:00 UTC.
        let clock = ManualClock::starting_at(Timestamp::from_millis(1_795_946_400_000));
        let app =
            App::new(store, Arc::new(clock), PasswordCost::FastForTests).expect("password hashing");
        Some(World {
            app,
            _database: database,
        })
    }

    pub async fn close(self) {
        self.app.store.close().await;
    }

    /// Someone who signed up as `name`.
    pub async fn person(&self, name: &str) -> PersonId {
        let sign_up = SignUp::check(SignUpInput {
            username: name.to_owned(),
            password: "correct horse battery staple".to_owned(),
            email: None,
            grammatical_form: GrammaticalForm::default(),
        })
        .unwrap_or_else(|_| panic!("{name} is a fine name"));
        let arrival = Arrival {
            session: None,
            device: None,
            device_label: "tests".to_owned(),
        };
        accounts::sign_up(
            &self.app,
            sign_up,
            AccountKind::Partner,
            &Claimant::Operator,
            &arrival,
        )
        .await
        .unwrap_or_else(|_| panic!("{name} signs up"))
        .person
    }

    /// `a` makes a space and `b` joins it.
    pub async fn couple(&self) -> Couple {
        let (a, b) = (self.person("ola").await, self.person("jan").await);
        let space = SpaceId::from_uuid(uuid::Uuid::new_v4());
        let now = self.app.now();
        let store = &self.app.store;
        store
            .create_space(&NewSpace {
                id: space,
                name: "Ours".to_owned(),
                creator: a,
                created_at: now,
            })
            .await
            .unwrap();
        let invite = uuid::Uuid::new_v4().to_string();
        store
            .create_invite(&InviteRecord {
                id: invite.clone(),
                space,
                token_hash: format!("hash-{invite}"),
                created_by: a,
                created_at: now,
                expires_at: Timestamp::from_millis(now.as_millis() + 86_400_000),
                accepted_by: None,
                accepted_at: None,
                revoked_at: None,
            })
            .await
            .unwrap();
        let outcome = store.accept_invite(&invite, b, now, 2).await.unwrap();
        assert_eq!(outcome, AcceptOutcome::Accepted);
        Couple { a, b, space }
    }
}
