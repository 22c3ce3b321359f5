//! `steadfast migrate`: bring the schema up to date explicitly (before a deploy, or for a database
//! that several instances share) and say what changed. `serve` does the same at start.

use std::io::Write;

use anyhow::Context;

use crate::config::DatabaseArgs;
use crate::database;

pub async fn run(args: DatabaseArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&args.database_url)?;
    let store = database::connect(&url).await?;
    let migrated = store.migrate().await;
    store.close().await;
    let migrated = migrated.with_context(|| url.to_string())?;
    let text = report(&url.to_string(), &migrated.applied, migrated.version);
    writeln!(std::io::stdout().lock(), "{text}").context("cannot print the report")
}

fn report(database: &str, applied: &[i64], version: i64) -> String {
    let applied: Vec<String> = applied.iter().map(i64::to_string).collect();
    match applied.as_slice() {
        [] => {
            format!("{database} is already up to date (schema version {version}); nothing to do.")
        }
        [one] => format!(
            "Applied migration {one} to {database}; the schema is now at version {version}."
        ),
        many => format!(
            "Applied migrations {} to {database}; the schema is now at version {version}.",
            many.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::report;

    #[test]
    fn the_report_names_what_was_applied_or_says_nothing_was() {
        assert_eq!(
            report("SQLite file a.db", &[1], 1),
            "Applied migration 1 to SQLite file a.db; the schema is now at version 1."
        );
        assert_eq!(
            report("SQLite file a.db", &[2, 3], 3),
            "Applied migrations 2, 3 to SQLite file a.db; the schema is now at version 3."
        );
        assert_eq!(
            report("SQLite file a.db", &[], 1),
            "SQLite file a.db is already up to date (schema version 1); nothing to do."
        );
    }
}
