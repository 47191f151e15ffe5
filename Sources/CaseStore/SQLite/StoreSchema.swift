import GRDB

/// The versioned schema. Migrations are append-only: never edit one that has shipped, add the next.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-cases") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE keyslot (
                    account TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL,
                    kdf TEXT NOT NULL,
                    salt BLOB NOT NULL,
                    rounds INTEGER NOT NULL,
                    blockSize INTEGER NOT NULL,
                    parallelism INTEGER NOT NULL,
                    wrappedKey BLOB NOT NULL,
                    createdAt DATETIME NOT NULL);
                CREATE TABLE casefile (
                    id TEXT PRIMARY KEY NOT NULL,
                    year INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    receivedAt DATETIME NOT NULL,
                    channel TEXT NOT NULL,
                    status TEXT NOT NULL,
                    relationship TEXT NOT NULL,
                    incidentFirst DATETIME NOT NULL,
                    incidentLast DATETIME NOT NULL,
                    pseudonym TEXT NOT NULL,
                    anonymous BOOLEAN NOT NULL,
                    categories TEXT NOT NULL,
                    grounds TEXT NOT NULL,
                    conductTags TEXT NOT NULL,
                    childInvolved BOOLEAN NOT NULL,
                    consentShareIdentity BOOLEAN NOT NULL,
                    escalationLevel TEXT,
                    screeningReason TEXT,
                    outcome TEXT,
                    acknowledgedAt DATETIME,
                    closedAt DATETIME,
                    frequency INTEGER, severity INTEGER, threat INTEGER, wellbeing INTEGER, power INTEGER,
                    score INTEGER,
                    band TEXT,
                    severeOrPervasive BOOLEAN NOT NULL DEFAULT 0,
                    nextDueAt DATETIME,
                    nextDueKind TEXT,
                    outsideWindow BOOLEAN NOT NULL DEFAULT 0,
                    sealedReporter BLOB NOT NULL,
                    sealedNarrative BLOB NOT NULL,
                    sealedSupport BLOB NOT NULL,
                    updatedAt DATETIME NOT NULL,
                    UNIQUE (year, seq));
                CREATE INDEX casefile_status ON casefile(status);
                CREATE TABLE party (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    caseId TEXT NOT NULL REFERENCES casefile(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    matchTag TEXT NOT NULL,
                    power TEXT NOT NULL,
                    sealed BLOB NOT NULL);
                CREATE INDEX party_case ON party(caseId);
                CREATE INDEX party_match ON party(matchTag);
                CREATE TABLE journal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    caseId TEXT NOT NULL REFERENCES casefile(id) ON DELETE CASCADE,
                    at DATETIME NOT NULL,
                    kind TEXT NOT NULL,
                    author TEXT NOT NULL,
                    sealedText BLOB NOT NULL);
                CREATE INDEX journal_case ON journal(caseId);
                CREATE TRIGGER journal_append_only BEFORE UPDATE ON journal
                    BEGIN SELECT RAISE(ABORT, 'journal entries cannot be edited'); END;
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    caseId TEXT,
                    detail TEXT NOT NULL,
                    prevHash TEXT NOT NULL,
                    hash TEXT NOT NULL);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2-confidentiality") { db in
            try db.execute(sql: """
                ALTER TABLE casefile ADD COLUMN legalHold BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE casefile ADD COLUMN needsReassignment BOOLEAN NOT NULL DEFAULT 0;
                CREATE TABLE recusal (
                    caseId TEXT NOT NULL REFERENCES casefile(id) ON DELETE CASCADE,
                    account TEXT NOT NULL,
                    automatic BOOLEAN NOT NULL,
                    at DATETIME NOT NULL,
                    PRIMARY KEY (caseId, account));
                CREATE TABLE accountAlias (
                    account TEXT NOT NULL REFERENCES keyslot(account) ON DELETE CASCADE,
                    matchTag TEXT NOT NULL,
                    PRIMARY KEY (account, matchTag));
                CREATE TABLE loginFailure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at DATETIME NOT NULL,
                    account TEXT);
                CREATE TABLE purgedCase (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    receivedAt DATETIME NOT NULL,
                    closedAt DATETIME,
                    channel TEXT NOT NULL,
                    relationship TEXT NOT NULL,
                    categories TEXT NOT NULL,
                    band TEXT,
                    status TEXT NOT NULL,
                    outcome TEXT,
                    escalationLevel TEXT,
                    purgedAt DATETIME NOT NULL);
                """)
        }
        migrator.registerMigration("v3-follow-up-codes") { db in
            try db.execute(sql: """
                ALTER TABLE casefile ADD COLUMN followUpSalt BLOB;
                ALTER TABLE casefile ADD COLUMN followUpTag TEXT;
                """)
        }
        migrator.registerMigration("v4-import-fingerprints") { db in
            // One row per imported case: a keyed hash of the row's fingerprint, so a re-import skips it.
            // The row outlives its case (caseId becomes NULL if the case is ever purged), so a purged case is
            // not brought back by importing the same file again.
            try db.execute(sql: """
                CREATE TABLE importfingerprint (
                    tag TEXT PRIMARY KEY NOT NULL,
                    caseId TEXT REFERENCES casefile(id) ON DELETE SET NULL,
                    source TEXT NOT NULL,
                    importedAt DATETIME NOT NULL);
                CREATE INDEX importfingerprint_case ON importfingerprint(caseId);
                """)
        }
        migrator.registerMigration("v5-queue-version") { db in
            // A counter bumped by every change to a case row, so a window can tell cheaply whether its queue is stale.
            try db.execute(sql: """
                INSERT OR REPLACE INTO meta (key, value) VALUES ('queueVersion', '0');
                CREATE TRIGGER casefile_version_insert AFTER INSERT ON casefile
                    BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'queueVersion'; END;
                CREATE TRIGGER casefile_version_update AFTER UPDATE ON casefile
                    BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'queueVersion'; END;
                CREATE TRIGGER casefile_version_delete AFTER DELETE ON casefile
                    BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'queueVersion'; END;
                CREATE TRIGGER recusal_version_insert AFTER INSERT ON recusal
                    BEGIN UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'queueVersion'; END;
                """)
        }
        migrator.registerMigration("v6-queue-order-index") { db in
            // The queue order as plain columns (kept by writeRanking) and one covering index over everything a queue
            // row shows, so the whole queue is read from the index, already sorted, without touching the case rows
            // and their sealed blobs: open before closed; critical, high, unrated, medium, low; score high to low;
            // oldest deadline first; id.
            try db.execute(sql: """
                ALTER TABLE casefile ADD COLUMN queueOpen INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE casefile ADD COLUMN queueBand INTEGER NOT NULL DEFAULT 2;
                ALTER TABLE casefile ADD COLUMN queueScore INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE casefile ADD COLUMN nextDueEpoch REAL;
                ALTER TABLE casefile ADD COLUMN receivedEpoch REAL NOT NULL DEFAULT 0;
                UPDATE casefile SET
                    queueOpen = CASE WHEN status IN ('closed', 'screened-out', 'withdrawn') THEN 1 ELSE 0 END,
                    queueBand = CASE band WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 3 WHEN 'low' THEN 4 ELSE 2 END,
                    queueScore = -COALESCE(score, -1),
                    nextDueEpoch = (julianday(nextDueAt) - 2440587.5) * 86400.0,
                    receivedEpoch = (julianday(receivedAt) - 2440587.5) * 86400.0;
                CREATE INDEX casefile_queue ON casefile (
                    queueOpen, queueBand, queueScore, IFNULL(nextDueEpoch, 1e18), year, seq,
                    id, receivedEpoch, channel, status, pseudonym, anonymous, relationship, categories, score, band,
                    severeOrPervasive, escalationLevel, consentShareIdentity, nextDueEpoch, nextDueKind, outsideWindow,
                    needsReassignment);
                """)
        }
        migrator.registerMigration("v7-journal-kind-index") { db in
            // Deadlines depend on the first and last contact and the first feedback of each case: answered from this
            // index alone, without reading the sealed journal rows.
            try db.execute(sql: "CREATE INDEX journal_case_kind_at ON journal (caseId, kind, at)")
        }
        migrator.registerMigration("v8-case-evolves") { db in
            // Sealed details a case gains as it evolves (wishes, duty to act, measures); the follow-up interval agreed for
            // the case (a deadline, so plain like the other dates); the reported person a due-process journal entry
            // concerns (its position in the case's reported list); a random id naming the database's audit head kept
            // outside the file; the seals (HMACs) of the plain columns that drive behaviour and of each account's role;
            // whether "support offered" is owed (the alerts need it; the well-being rating behind it is sealed).
            try db.execute(sql: """
                ALTER TABLE casefile ADD COLUMN sealedDetails BLOB;
                ALTER TABLE casefile ADD COLUMN followUpDays INTEGER;
                ALTER TABLE casefile ADD COLUMN rowSeal TEXT;
                ALTER TABLE casefile ADD COLUMN supportDuty BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE keyslot ADD COLUMN roleSeal TEXT;
                ALTER TABLE journal ADD COLUMN party INTEGER;
                INSERT OR IGNORE INTO meta (key, value) VALUES ('databaseId', lower(hex(randomblob(16))));
                """)
        }
        migrator.registerMigration("v9-command-line-indexes") { db in
            // The command line reads every open case's deadline inputs (`due`, the alert panel) and every case's
            // unsealed facts for the statistics (`report`): from these covering indexes, not from the case rows, whose
            // sealed blobs make a scan read most of the file. The first is partial: open cases only. The last names the
            // few cases a supervisor reviewed (their every journal entry counts for the deadline of acting on the review);
            // journal_contacts the entries that count as being in touch, for the first contact of every case: its kinds are
            // JournalEntry.Kind.isContact's, in that order (the statistics query names it, and fails if they differ).
            try db.execute(sql: """
                CREATE INDEX casefile_deadlines ON casefile (
                    id, year, seq, receivedAt, channel, status, pseudonym, band, acknowledgedAt, supportDuty, followUpDays)
                    WHERE status NOT IN ('closed', 'screened-out', 'withdrawn');
                CREATE INDEX casefile_statistics ON casefile (
                    id, status, acknowledgedAt, receivedEpoch, channel, relationship, categories, band, escalationLevel,
                    nextDueEpoch, nextDueKind);
                CREATE INDEX journal_reviews ON journal (caseId) WHERE kind = 'review';
                CREATE INDEX journal_contacts ON journal (caseId, at, kind)
                    WHERE kind IN ('contact', 'support', 'support-declined', 'advice', 'feedback', 'reporter-told');
                """)
        }
        migrator.registerMigration("v10-case-keys") { db in
            // Keys per account and per case: each account's X25519 public key and its private key sealed under the
            // passphrase (name and role bound to it); each case's keys wrapped for every entitled account (casekey); the
            // supervisor's copy of a case sealed apart, and what a supervisor's review changes in sealed fields (outcome,
            // measures) sealed under that copy's key until a counselor's next write folds it in; a case whose keys must
            // be replaced at its next write (a recusal, a removed account); a case whose ranking a session could not
            // recompute (it holds none of its keys); which key a journal text is sealed with ('copy' for a supervisor's
            // entry, NULL for the case's content key). The journal stays append-only in what it says; its texts may be
            // sealed again under a new key.
            try db.execute(sql: """
                ALTER TABLE keyslot ADD COLUMN publicKey BLOB;
                ALTER TABLE keyslot ADD COLUMN sealedPrivateKey BLOB;
                ALTER TABLE casefile ADD COLUMN sealedCopy BLOB;
                ALTER TABLE casefile ADD COLUMN sealedReview BLOB;
                ALTER TABLE casefile ADD COLUMN rekeyDue BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE casefile ADD COLUMN rankStale BOOLEAN NOT NULL DEFAULT 0;
                ALTER TABLE journal ADD COLUMN sealedWith TEXT;
                CREATE TABLE casekey (
                    caseId TEXT NOT NULL REFERENCES casefile(id) ON DELETE CASCADE,
                    account TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    encapsulated BLOB NOT NULL,
                    wrapped BLOB NOT NULL,
                    PRIMARY KEY (caseId, account, kind));
                CREATE INDEX casekey_account ON casekey(account);
                DROP TRIGGER journal_append_only;
                CREATE TRIGGER journal_append_only BEFORE UPDATE OF id, caseId, at, kind, author, party ON journal
                    BEGIN SELECT RAISE(ABORT, 'journal entries cannot be edited'); END;
                """)
        }
        migrator.registerMigration("v11-case-version") { db in
            // A number every change to a case raises, and who made the last one: a change made from a copy read
            // earlier is refused, naming who changed the case since.
            try db.execute(sql: """
                ALTER TABLE casefile ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE casefile ADD COLUMN changedBy TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration("v12-team-policy") { db in
            // The team policy in force (policy.json, scoring.json, taxonomy.json as one canonical JSON document, sealed),
            // versioned: one row per version, its columns MACed and chained (PolicyLedger), never changed once written;
            // and the version a case's assessment was last scored under.
            try db.execute(sql: """
                CREATE TABLE policy (
                    version INTEGER PRIMARY KEY NOT NULL,
                    installedAt DATETIME NOT NULL,
                    installedBy TEXT NOT NULL,
                    document BLOB NOT NULL,
                    seal TEXT NOT NULL);
                CREATE TRIGGER policy_no_update BEFORE UPDATE ON policy
                    BEGIN SELECT RAISE(ABORT, 'a policy version cannot be changed'); END;
                ALTER TABLE casefile ADD COLUMN policyVersion INTEGER;
                """)
        }
        return migrator
    }
}
