-- Members (issue 20). The History screen filters the journal by the person who made a change:
-- entries by user, newest first. (PostgreSQL's 0013 also lets the journal's triggers write
-- with the rights of the schema's owner; a SQLite workspace has one user, who owns the file.)
CREATE INDEX journal_by_user ON journal ("user", seq);
