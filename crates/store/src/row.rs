//! Reading typed columns back from the text and integers both backends store, from a row of
//! either driver: sqlx's for the pool, rusqlite's for the SQLite reading connections
//! ([`crate::sqlite::Readers`]). Decoders are written once against [`Columns`].

use std::str::FromStr;

use sqlx::Row;
use sqlx::any::AnyRow;
use steadfast_core::Timestamp;

use crate::StoreError;

/// A result row, read by column name.
pub(crate) trait Columns {
    fn int(&self, column: &str) -> Result<Option<i64>, StoreError>;
    fn string(&self, column: &str) -> Result<Option<String>, StoreError>;
}

impl Columns for AnyRow {
    fn int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.try_get(column)?)
    }

    fn string(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(self.try_get(column)?)
    }
}

impl Columns for rusqlite::Row<'_> {
    fn int(&self, column: &str) -> Result<Option<i64>, StoreError> {
        self.get(column).map_err(StoreError::database)
    }

    fn string(&self, column: &str) -> Result<Option<String>, StoreError> {
        self.get(column).map_err(StoreError::database)
    }
}

fn required<T>(value: Option<T>, column: &str) -> Result<T, StoreError> {
    value.ok_or_else(|| StoreError::Corrupt(format!("no value in column {column}")))
}

fn parse<T: FromStr>(text: String, column: &str) -> Result<T, StoreError> {
    text.parse()
        .map_err(|_| StoreError::Corrupt(format!("unreadable id in column {column}")))
}

/// An id kept as text (`PersonId`, `SpaceId`).
pub(crate) fn id<T: FromStr>(row: &(impl Columns + ?Sized), column: &str) -> Result<T, StoreError> {
    parse(text(row, column)?, column)
}

pub(crate) fn optional_id<T: FromStr>(
    row: &(impl Columns + ?Sized),
    column: &str,
) -> Result<Option<T>, StoreError> {
    row.string(column)?
        .map(|text| parse(text, column))
        .transpose()
}

pub(crate) fn time(row: &(impl Columns + ?Sized), column: &str) -> Result<Timestamp, StoreError> {
    Ok(Timestamp::from_millis(int(row, column)?))
}

pub(crate) fn optional_time(
    row: &(impl Columns + ?Sized),
    column: &str,
) -> Result<Option<Timestamp>, StoreError> {
    Ok(row.int(column)?.map(Timestamp::from_millis))
}

pub(crate) fn text(row: &(impl Columns + ?Sized), column: &str) -> Result<String, StoreError> {
    required(row.string(column)?, column)
}

pub(crate) fn optional_text(
    row: &(impl Columns + ?Sized),
    column: &str,
) -> Result<Option<String>, StoreError> {
    row.string(column)
}

pub(crate) fn int(row: &(impl Columns + ?Sized), column: &str) -> Result<i64, StoreError> {
    required(row.int(column)?, column)
}

/// A count or other non-negative number.
pub(crate) fn count(row: &(impl Columns + ?Sized), column: &str) -> Result<u64, StoreError> {
    let n = int(row, column)?;
    u64::try_from(n).map_err(|_| StoreError::Corrupt(format!("negative {column}")))
}
