-- How Polish speaks to and about each person (`steadfast_core::account::GrammaticalForm`):
-- forms without gender until they choose otherwise.
ALTER TABLE accounts ADD COLUMN grammatical_form TEXT NOT NULL DEFAULT 'neutral'
    CHECK (grammatical_form IN ('feminine', 'masculine', 'neutral'));
