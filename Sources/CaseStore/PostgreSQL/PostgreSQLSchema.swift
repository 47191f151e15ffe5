import Foundation

/// The PostgreSQL schema: the SQLite engine's tables with the same meanings (``StoreSchema``), created by versioned
/// migrations of their own, recorded in `confidant_migration`. Append-only: never edit a migration that has shipped,
/// add the next.
///
/// Names are written as in the SQLite schema and folded to lower case by the server. Timestamps are the text the
/// SQLite engine stores (`2026-10-02 09:30:00.000`, UTC): the audit chain hashes exactly that text, and it sorts as
/// the dates do. There is no sequence: ids are given under the write lock, so a refused action leaves every table,
/// and every counter, as it was.
enum PostgreSQLSchema {
    /// The key of the transaction-level advisory lock every write takes first (so writers, and audit appends, never
    /// interleave): "confidant" as a number.
    static let writeLock: Int64 = 0x636F_6E66_6964_616E

    static let migrations: [(name: String, sql: String)] = [
        ("v1-tables", """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE keyslot (
                account TEXT PRIMARY KEY,
                position BIGINT NOT NULL UNIQUE,
                role TEXT NOT NULL,
                kdf TEXT NOT NULL,
                salt BYTEA NOT NULL,
                rounds BIGINT NOT NULL,
                blockSize BIGINT NOT NULL,
                parallelism BIGINT NOT NULL,
                wrappedKey BYTEA NOT NULL,
                createdAt TEXT NOT NULL,
                roleSeal TEXT);
            CREATE TABLE casefile (
                id TEXT PRIMARY KEY,
                year BIGINT NOT NULL,
                seq BIGINT NOT NULL,
                receivedAt TEXT NOT NULL,
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                relationship TEXT NOT NULL,
                pseudonym TEXT NOT NULL,
                anonymous BOOLEAN NOT NULL,
                categories TEXT NOT NULL,
                consentShareIdentity BOOLEAN NOT NULL,
                escalationLevel TEXT,
                acknowledgedAt TEXT,
                closedAt TEXT,
                legalHold BOOLEAN NOT NULL DEFAULT false,
                needsReassignment BOOLEAN NOT NULL DEFAULT false,
                score BIGINT,
                band TEXT,
                severeOrPervasive BOOLEAN NOT NULL DEFAULT false,
                nextDueAt TEXT,
                nextDueKind TEXT,
                outsideWindow BOOLEAN NOT NULL DEFAULT false,
                supportDuty BOOLEAN NOT NULL DEFAULT false,
                followUpDays BIGINT,
                followUpSalt BYTEA,
                followUpTag TEXT,
                queueOpen BIGINT NOT NULL DEFAULT 0,
                queueBand BIGINT NOT NULL DEFAULT 2,
                queueScore BIGINT NOT NULL DEFAULT 1,
                nextDueEpoch DOUBLE PRECISION,
                receivedEpoch DOUBLE PRECISION NOT NULL DEFAULT 0,
                sealedReporter BYTEA NOT NULL,
                sealedNarrative BYTEA NOT NULL,
                sealedSupport BYTEA NOT NULL,
                sealedDetails BYTEA,
                rowSeal TEXT,
                updatedAt TEXT NOT NULL,
                UNIQUE (year, seq));
            CREATE INDEX casefile_status ON casefile (status);
            CREATE INDEX casefile_queue ON casefile (queueOpen, queueBand, queueScore, (COALESCE(nextDueEpoch, 1e18)), year, seq);
            CREATE TABLE party (
                id BIGINT PRIMARY KEY,
                caseId TEXT NOT NULL REFERENCES casefile (id) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                matchTag TEXT NOT NULL,
                power TEXT NOT NULL,
                sealed BYTEA NOT NULL);
            CREATE INDEX party_case ON party (caseId);
            CREATE INDEX party_match ON party (matchTag);
            CREATE TABLE journal (
                id BIGINT PRIMARY KEY,
                caseId TEXT NOT NULL REFERENCES casefile (id) ON DELETE CASCADE,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                author TEXT NOT NULL,
                sealedText BYTEA NOT NULL,
                party BIGINT);
            CREATE INDEX journal_case_kind_at ON journal (caseId, kind, at);
            CREATE TABLE audit (
                id BIGINT PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                caseId TEXT,
                detail TEXT NOT NULL,
                prevHash TEXT NOT NULL,
                hash TEXT NOT NULL);
            CREATE INDEX audit_case ON audit (caseId);
            CREATE TABLE recusal (
                caseId TEXT NOT NULL REFERENCES casefile (id) ON DELETE CASCADE,
                account TEXT NOT NULL,
                automatic BOOLEAN NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (caseId, account));
            CREATE TABLE accountAlias (
                account TEXT NOT NULL REFERENCES keyslot (account) ON DELETE CASCADE,
                matchTag TEXT NOT NULL,
                PRIMARY KEY (account, matchTag));
            CREATE TABLE loginFailure (id BIGINT PRIMARY KEY, at TEXT NOT NULL, account TEXT);
            CREATE TABLE purgedCase (
                id BIGINT PRIMARY KEY,
                receivedAt TEXT NOT NULL,
                closedAt TEXT,
                channel TEXT NOT NULL,
                relationship TEXT NOT NULL,
                categories TEXT NOT NULL,
                band TEXT,
                status TEXT NOT NULL,
                outcome TEXT,
                escalationLevel TEXT,
                purgedAt TEXT NOT NULL);
            CREATE TABLE importfingerprint (
                tag TEXT PRIMARY KEY,
                caseId TEXT REFERENCES casefile (id) ON DELETE SET NULL,
                source TEXT NOT NULL,
                importedAt TEXT NOT NULL);
            """),
        // The journal and the audit log are append-only, enforced by the server as the SQLite engine's triggers do:
        // an UPDATE (or, for the audit log, a DELETE or TRUNCATE) is refused whoever sends it.
        ("v2-append-only", """
            CREATE FUNCTION confidant_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'P0001'; END $$;
            CREATE TRIGGER journal_append_only BEFORE UPDATE ON journal
                FOR EACH ROW EXECUTE FUNCTION confidant_refuse('journal entries cannot be edited');
            CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
                FOR EACH ROW EXECUTE FUNCTION confidant_refuse('the audit log is append-only');
            CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
                FOR EACH STATEMENT EXECUTE FUNCTION confidant_refuse('the audit log is append-only');
            """),
        // A counter bumped by every change to a case row or a recusal, so a window can tell cheaply whether its queue
        // is stale; the same change is announced on the channel `confidant_queue` (LISTEN/NOTIFY) when it commits.
        ("v3-queue-version", """
            INSERT INTO meta (key, value) VALUES ('queueVersion', '0') ON CONFLICT (key) DO NOTHING;
            CREATE FUNCTION confidant_queue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE version BIGINT;
                BEGIN
                    UPDATE meta SET value = (value::BIGINT + 1)::TEXT WHERE key = 'queueVersion' RETURNING value::BIGINT INTO version;
                    PERFORM pg_notify('confidant_queue', version::TEXT);
                    RETURN NULL;
                END $$;
            CREATE TRIGGER casefile_version AFTER INSERT OR UPDATE OR DELETE ON casefile
                FOR EACH STATEMENT EXECUTE FUNCTION confidant_queue_changed();
            CREATE TRIGGER recusal_version AFTER INSERT ON recusal
                FOR EACH STATEMENT EXECUTE FUNCTION confidant_queue_changed();
            """),
        // A number every change to a case raises, and who made the last one (see the SQLite schema's v10).
        ("v4-case-version", """
            ALTER TABLE casefile ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
            ALTER TABLE casefile ADD COLUMN changedBy TEXT NOT NULL DEFAULT '';
            """),
        // Keys per account and per case (see the SQLite schema's v10): each account's X25519 public key and its private
        // key sealed under its passphrase; each case's keys wrapped for every entitled account; the supervisor's copy
        // sealed apart, and a supervisor's review decision sealed under that copy's key; cases to re-key at their next
        // write, and cases to re-rank at a counselor's next login; which key a journal text is sealed with. A journal
        // text may be sealed again under a new key; nothing else of an entry changes.
        ("v5-case-keys", """
            ALTER TABLE keyslot ADD COLUMN publicKey BYTEA;
            ALTER TABLE keyslot ADD COLUMN sealedPrivateKey BYTEA;
            ALTER TABLE casefile ADD COLUMN sealedCopy BYTEA;
            ALTER TABLE casefile ADD COLUMN sealedReview BYTEA;
            ALTER TABLE casefile ADD COLUMN rekeyDue BOOLEAN NOT NULL DEFAULT false;
            ALTER TABLE casefile ADD COLUMN rankStale BOOLEAN NOT NULL DEFAULT false;
            ALTER TABLE journal ADD COLUMN sealedWith TEXT;
            CREATE TABLE casekey (
                caseId TEXT NOT NULL REFERENCES casefile (id) ON DELETE CASCADE,
                account TEXT NOT NULL,
                kind TEXT NOT NULL,
                encapsulated BYTEA NOT NULL,
                wrapped BYTEA NOT NULL,
                PRIMARY KEY (caseId, account, kind));
            CREATE INDEX casekey_account ON casekey (account);
            DROP TRIGGER journal_append_only ON journal;
            CREATE TRIGGER journal_append_only BEFORE UPDATE OF id, caseId, at, kind, author, party ON journal
                FOR EACH ROW EXECUTE FUNCTION confidant_refuse('journal entries cannot be edited');
            """),
        // Row-level security, as defence in depth behind the keys: a person who logs in to the server under the name of
        // their Confidant account (the team's set-up in README) is given only the rows their keys could open anyway. A
        // counselor: every case (ranking counts the other cases naming the same people). A supervisor: the cases whose
        // copy's key is wrapped for them. An admin, or a login that is no account: no case. The owner of the tables (who
        // ran `init`) is not restricted. The functions run as the owner (SECURITY DEFINER) so that a policy may read the
        // tables it guards, and so that a supervisor's session counts the other open cases naming the same people as a
        // counselor's does (a case is ranked the same on every desk), finds those cases by id and marks them to be
        // re-ranked at a counselor's next login, and numbers a new journal entry after every entry, without reading any
        // of their rows; and so that the admin, who sees no case, can still tell which accounts wait for keys, refuse to
        // remove the only holder of a case's keys, and take a removed account's keys away.
        ("v6-row-security", """
            CREATE FUNCTION confidant_sees_case(target TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT CASE (SELECT role FROM keyslot WHERE account = session_user)
                    WHEN 'counselor' THEN true
                    WHEN 'supervisor' THEN EXISTS (
                            SELECT 1 FROM casekey k WHERE k.caseId = target AND k.account = session_user AND k.kind = 'copy')
                    ELSE false END $$;
            CREATE FUNCTION confidant_cases_naming(tags TEXT) RETURNS SETOF TEXT LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT DISTINCT caseId FROM party WHERE matchTag = ANY(string_to_array(tags, ',')) $$;
            CREATE FUNCTION confidant_next_journal_id() RETURNS BIGINT LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT COALESCE(MAX(id), 0) + 1 FROM journal $$;
            CREATE FUNCTION confidant_case_status(target TEXT) RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT status FROM casefile WHERE id = target $$;
            CREATE FUNCTION confidant_pending_cases(target TEXT, recusalTag TEXT) RETURNS SETOF TEXT LANGUAGE sql STABLE
                SECURITY DEFINER SET search_path = public AS $$
                SELECT c.id FROM casefile c JOIN keyslot s ON s.account = target
                WHERE (s.role = 'counselor'
                        AND NOT EXISTS (SELECT 1 FROM casekey k WHERE k.caseId = c.id AND k.account = target AND k.kind = 'content')
                        AND c.id NOT IN (SELECT caseId FROM recusal WHERE account = recusalTag))
                   OR (s.role = 'supervisor'
                        AND (c.status = 'escalated' OR (c.queueOpen = 1 AND EXISTS (
                            SELECT 1 FROM journal j WHERE j.caseId = c.id AND j.kind = 'review' AND j.author = target)))
                        AND NOT EXISTS (SELECT 1 FROM casekey k WHERE k.caseId = c.id AND k.account = target AND k.kind = 'copy'))
                ORDER BY c.year, c.seq $$;
            CREATE FUNCTION confidant_cases_held_only_by(target TEXT) RETURNS BIGINT LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT COUNT(*) FROM casekey k WHERE k.account = target AND k.kind = 'content' AND NOT EXISTS (
                    SELECT 1 FROM casekey o WHERE o.caseId = k.caseId AND o.kind = 'content' AND o.account <> k.account) $$;
            CREATE FUNCTION confidant_withdraw_account_keys(target TEXT) RETURNS VOID LANGUAGE sql VOLATILE SECURITY DEFINER
                SET search_path = public AS $$
                UPDATE casefile SET rekeyDue = true WHERE id IN (SELECT caseId FROM casekey WHERE account = target);
                DELETE FROM casekey WHERE account = target $$;
            CREATE FUNCTION confidant_mark_rank_stale(target TEXT) RETURNS VOID LANGUAGE sql VOLATILE SECURITY DEFINER
                SET search_path = public AS $$
                UPDATE casefile SET rankStale = true WHERE id = target $$;
            CREATE FUNCTION confidant_other_open_cases(tags TEXT, excluding TEXT) RETURNS BIGINT LANGUAGE sql STABLE
                SECURITY DEFINER SET search_path = public AS $$
                SELECT COUNT(DISTINCT p.caseId) FROM party p JOIN casefile c ON c.id = p.caseId
                WHERE p.matchTag = ANY(string_to_array(tags, ',')) AND p.caseId <> excluding
                  AND c.status NOT IN ('closed', 'screened-out', 'withdrawn') $$;
            ALTER TABLE casefile ENABLE ROW LEVEL SECURITY;
            ALTER TABLE party ENABLE ROW LEVEL SECURITY;
            ALTER TABLE journal ENABLE ROW LEVEL SECURITY;
            ALTER TABLE casekey ENABLE ROW LEVEL SECURITY;
            ALTER TABLE recusal ENABLE ROW LEVEL SECURITY;
            CREATE POLICY casefile_by_keys ON casefile USING (confidant_sees_case(id))
                WITH CHECK ((SELECT role FROM keyslot WHERE account = session_user) IN ('counselor', 'supervisor'));
            CREATE POLICY party_by_keys ON party USING (confidant_sees_case(caseId));
            CREATE POLICY journal_by_keys ON journal USING (confidant_sees_case(caseId));
            CREATE POLICY casekey_by_keys ON casekey USING (confidant_sees_case(caseId));
            CREATE POLICY recusal_by_keys ON recusal USING (confidant_sees_case(caseId));
            """),
        // The team policy in force, versioned (see the SQLite schema's v12): one row per version, sealed, MACed and
        // chained, never changed once written; and the version a case's assessment was last scored under.
        ("v7-team-policy", """
            CREATE TABLE policy (
                version BIGINT PRIMARY KEY,
                installedAt TEXT NOT NULL,
                installedBy TEXT NOT NULL,
                document BYTEA NOT NULL,
                seal TEXT NOT NULL);
            CREATE TRIGGER policy_no_update BEFORE UPDATE ON policy
                FOR EACH ROW EXECUTE FUNCTION confidant_refuse('a policy version cannot be changed');
            ALTER TABLE casefile ADD COLUMN policyVersion BIGINT;
            """),
        // Three costs that grew with the caseload. A row seal reads its case's last journal id: with no index that
        // starts with the case, the server answered MAX(id) by walking the whole journal backwards from its newest
        // entry, so sealing 20,000 rows took minutes and every write paid for the size of the journal. The row-level
        // policies asked `confidant_sees_case` for every row, even of a counselor, who sees every case: the session's
        // role is now asked once a statement (a sub-select the server runs once), and the per-row question is left to
        // supervisors and others. And the queue (every case's plain columns, read at each first paint) was read from
        // the rows themselves, 100,000 visits in index order to rows that held 2.5 kB of ciphertext each: 160–330 ms
        // at 100,000 cases. The queue's index now carries the columns a queue row shows, so the server reads the queue
        // from the index alone (about 20 ms), and a case's sealed fields are kept out of line (TOAST) once its row is
        // over 128 bytes, so reading a row for anything else reads a small one.
        ("v8-caseload-at-scale", """
            CREATE INDEX journal_case_id ON journal (caseId, id);
            DROP INDEX casefile_queue;
            CREATE INDEX casefile_queue ON casefile (queueOpen, queueBand, queueScore, (COALESCE(nextDueEpoch, 1e18)), year, seq)
                INCLUDE (id, receivedEpoch, channel, status, pseudonym, anonymous, relationship, categories, score, band,
                         severeOrPervasive, escalationLevel, consentShareIdentity, nextDueEpoch, nextDueKind, outsideWindow,
                         needsReassignment);
            ALTER TABLE casefile SET (toast_tuple_target = 128);
            ALTER TABLE casefile ALTER COLUMN sealedReporter SET STORAGE EXTERNAL, ALTER COLUMN sealedNarrative SET STORAGE EXTERNAL,
                ALTER COLUMN sealedSupport SET STORAGE EXTERNAL, ALTER COLUMN sealedDetails SET STORAGE EXTERNAL,
                ALTER COLUMN sealedCopy SET STORAGE EXTERNAL, ALTER COLUMN sealedReview SET STORAGE EXTERNAL;
            CREATE FUNCTION confidant_session_role() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT role FROM keyslot WHERE account = session_user $$;
            DROP POLICY casefile_by_keys ON casefile;
            DROP POLICY party_by_keys ON party;
            DROP POLICY journal_by_keys ON journal;
            DROP POLICY casekey_by_keys ON casekey;
            DROP POLICY recusal_by_keys ON recusal;
            CREATE POLICY casefile_by_keys ON casefile
                USING ((SELECT confidant_session_role()) = 'counselor' OR confidant_sees_case(id))
                WITH CHECK ((SELECT confidant_session_role()) IN ('counselor', 'supervisor'));
            CREATE POLICY party_by_keys ON party USING ((SELECT confidant_session_role()) = 'counselor' OR confidant_sees_case(caseId));
            CREATE POLICY journal_by_keys ON journal
                USING ((SELECT confidant_session_role()) = 'counselor' OR confidant_sees_case(caseId));
            CREATE POLICY casekey_by_keys ON casekey
                USING ((SELECT confidant_session_role()) = 'counselor' OR confidant_sees_case(caseId));
            CREATE POLICY recusal_by_keys ON recusal
                USING ((SELECT confidant_session_role()) = 'counselor' OR confidant_sees_case(caseId));
            """),
    ]

    /// Brings a database up to date, under the write lock (two programs opening a new database at once migrate it once).
    /// A database already up to date is only read, so a person's own login (which may not create tables) opens it.
    static func migrate(_ transaction: PostgresTransaction) throws {
        try transaction.run("SELECT pg_advisory_xact_lock($1)", writeLock)
        if try transaction.value("SELECT to_regclass('confidant_migration') IS NULL", as: Bool.self) == true {
            try transaction.run("CREATE TABLE confidant_migration (name TEXT PRIMARY KEY)")
        }
        let applied = Set(try transaction.column("SELECT name FROM confidant_migration", as: String.self))
        for migration in migrations where !applied.contains(migration.name) {
            for statement in statements(migration.sql) { try transaction.run(statement) }
            try transaction.run("INSERT INTO confidant_migration (name) VALUES ($1)", migration.name)
        }
    }

    /// A script's statements, one by one (a prepared statement holds one): split at each `;` outside a `$$` body.
    static func statements(_ script: String) -> [String] {
        var statements: [String] = [], current = "", inBody = false
        var characters = script.makeIterator()
        var previous: Character?
        while let character = characters.next() {
            if character == "$", previous == "$" { inBody.toggle() }
            if character == ";", !inBody {
                statements.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
