//! The web side over real HTTP: the router on a free port, against a fresh database of either
//! backend, and (when asked for) a real Chromium through chromedriver.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod abuse;
mod account_management;
mod accounts;
mod admin;
mod after_miss;
mod apologies;
mod boundaries_api;
mod boundaries_pages;
mod browser;
mod browser_coach;
mod browser_first_run;
mod browser_miss;
mod browser_rhythm;
mod calendar_feed;
mod checkins_api;
mod checkins_pages;
mod coaches;
mod daily;
mod export;
mod fuzz_corpus;
mod gentle;
mod grammatical_form;
mod help_resources;
mod instances;
mod journal;
mod leaving;
mod locale_pl;
mod openapi;
mod patterns;
mod promises_api;
mod promises_pages;
mod quick_exit;
mod reminders;
mod repair_answers;
mod repairs;
mod rituals;
mod shell;
mod snapshots;
mod spaces;
mod start;
mod support;
