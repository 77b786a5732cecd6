-- Members may say a commitment marked "kept" was not kept, and that shows beside it. One person
-- counts once per commitment: saying it again replaces their words. The words are sealed, as they
-- may say anything about the person; erasing the person deletes their challenges.
CREATE TABLE commitment_challenges (
    id BLOB PRIMARY KEY NOT NULL,
    commitment_id BLOB NOT NULL REFERENCES engagement_commitments (id) ON DELETE CASCADE,
    person_id BLOB NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    sealed_words BLOB NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (commitment_id, person_id)
);
CREATE INDEX commitment_challenges_person ON commitment_challenges (person_id);
