import CaseCore
import Foundation
import PostgresNIO

/// Ranking (the queue's cached score, band and next deadline, from unsealed columns and stored match tags) and the
/// queue itself.
extension PostgreSQLCaseStore {
    func matchTags(_ item: Case) -> [String] {
        Array(Set(item.reported.map { sealer.matchTag($0.matchKey) }))
    }

    func otherOpenCases(_ tx: PostgresTransaction, tags: [String], excluding id: CaseID) throws -> Int {
        guard !tags.isEmpty else { return 0 }
        // Counted by the server over every case (PostgreSQLSchema's v6): the same number whatever rows this login sees.
        return try tx.value("SELECT confidant_other_open_cases($1, $2)", Self.join(tags), id.description, as: Int.self) ?? 0
    }

    func evaluate(_ tx: PostgresTransaction, _ item: Case) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(tx, tags: matchTags(item), excluding: item.id))
    }

    /// Recomputes the cached ranking fields of `ids` and of every case naming a person with one of `tags`; nothing
    /// sealed but the details is opened.
    func refreshRankings(_ tx: PostgresTransaction, ids: Set<String>, sharingTags tags: Set<String>) throws {
        var all = ids
        if !tags.isEmpty {
            all.formUnion(try tx.column("SELECT confidant_cases_naming($1)", Self.join(Array(tags)), as: String.self))
        }
        for key in all.sorted() {
            if let id = CaseID(key) { try rerank(tx, id) }
        }
    }

    /// Recomputes one case's cached ranking fields from its unsealed columns, its sealed details and stored match tags.
    /// A row changed behind the store's back is left as it is (re-ranking it would seal what was forged); a session
    /// holding none of the case's keys marks it, to be re-ranked at a counselor's next login.
    func rerank(_ tx: PostgresTransaction, _ id: CaseID) throws {
        guard try changedRows.contains(id.description) || rowIsIntact(tx, id.description) else { return }
        let keys = try heldKeys(tx, id)
        guard keys[.content] != nil || keys[.copy] != nil else {
            try tx.run("SELECT confidant_mark_rank_stale($1)", id.description)
            return
        }
        let item = try loadCase(tx, id, keys: keys, unseal: false)
        try writeRanking(tx, item, evaluator.evaluate(item, otherOpenCases: try otherOpenCases(tx, tags: storedTags(tx, id), excluding: id)))
    }

    /// The match tags stored for a case's reported persons.
    func storedTags(_ tx: PostgresTransaction, _ id: CaseID) throws -> [String] {
        try tx.column("SELECT DISTINCT matchTag FROM party WHERE caseId = $1", id.description, as: String.self)
    }

    func writeRanking(_ tx: PostgresTransaction, _ item: Case, _ evaluation: CaseEvaluation) throws {
        changedRows.insert(item.id.description)
        let next = evaluation.nextDeadline
        try tx.run("""
            UPDATE casefile SET score = $1, band = $2, severeOrPervasive = $3, nextDueAt = $4, nextDueKind = $5,
                outsideWindow = $6, supportDuty = $7, queueOpen = $8, queueBand = $9, queueScore = $10, nextDueEpoch = $11,
                receivedEpoch = $12, rankStale = false
            WHERE id = $13
            """, evaluation.score.value, evaluation.score.band?.rawValue, evaluation.score.severeOrPervasive, next?.due,
                   next?.kind.rawValue, evaluation.outsideWindow, evaluation.deadlines.contains { $0.kind == .support },
                   item.status.isOpen ? 0 : 1, evaluation.score.band.queueRank, -(evaluation.score.value ?? -1),
                   next?.due.timeIntervalSince1970, item.receivedAt.timeIntervalSince1970, item.id.description)
    }

    // MARK: The queue

    public func summaries() throws -> [CaseSummary] {
        try summaries(QueueSelection(), now: Date())
    }

    /// Part of the queue, in queue order: a listing's filters and limit become SQL.
    public func summaries(_ selection: QueueSelection, now: Date) throws -> [CaseSummary] {
        try checkCanRead()
        var conditions = ["id NOT IN (SELECT caseId FROM recusal WHERE account = $1)"]
        var arguments: [any SQLArgument] = [recusalTag(session.account)]
        func argument(_ value: any SQLArgument) -> String {
            arguments.append(value)
            return "$\(arguments.count)"
        }
        if session.role == .supervisor {
            conditions.append("(status = 'escalated' OR (queueOpen = 1 AND id IN (SELECT caseId FROM journal WHERE kind = 'review' AND author = \(argument(session.account)))))")
        }
        let statuses = CaseStatus.allCases.filter(selection.status.contains)
        if statuses.count < CaseStatus.allCases.count {
            conditions.append("status = ANY(string_to_array(\(argument(Self.join(statuses.map(\.rawValue)))), ','))")
        }
        switch selection.band {
        case .any: break
        case let .band(band): conditions.append("band = \(argument(band.rawValue))")
        case .unrated: conditions.append("band IS NULL")
        }
        if let category = selection.category {
            conditions.append("strpos(',' || categories || ',', \(argument(",\(category),"))) > 0")
        }
        if selection.overdueOnly {
            conditions.append("nextDueKind IS NOT NULL AND nextDueEpoch < \(argument(now.timeIntervalSince1970))")
        }
        var sql = "SELECT \(Self.summaryColumns) FROM casefile WHERE " + conditions.joined(separator: " AND ")
            + " ORDER BY queueOpen, queueBand, queueScore, COALESCE(nextDueEpoch, 1e18), year, seq"
        if let limit = selection.limit { sql += " LIMIT \(argument(max(0, limit)))" }
        return try read { tx in
            // The queue is read from its index (casefile_queue, which holds every column a queue row shows), in its
            // order. Before the index held them, the planner, costing for a disk, chose to read the whole table and
            // sort it: 70–90 ms of the first paint at 20,000 cases, where the index gave the same rows in 14 ms. A
            // sort is never cheaper than the index here, even when recent writes make the server look at some rows.
            try tx.run("SET LOCAL enable_sort = off")
            return try Self.decodeInParallel(try tx.plainRows(sql, arguments: arguments)) { rows in
                // Few distinct category lists exist: share one array per list instead of splitting every row.
                var categoryLists: [String: [String]] = [:]
                return try rows.map { row in
                    try Self.summary(row) { text in
                        if let known = categoryLists[text] { return known }
                        let list = Self.split(text)
                        categoryLists[text] = list
                        return list
                    }
                }
            }
        }
    }

    /// Decodes rows a slice per core once they have all arrived, in their order: a profile at 20,000 cases put the
    /// queue's decoding at about 2.5 µs a row on one core, 250 ms at 100,000. Fewer than `threshold` rows are decoded
    /// in place. The first slice that fails gives the error.
    static func decodeInParallel<Row: Sendable, T: Sendable>(_ rows: [Row], threshold: Int = 8_192,
                                                            _ decode: @Sendable (ArraySlice<Row>) throws -> [T]) throws -> [T] {
        let slices = rows.count < threshold ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
        guard slices > 1 else { return try decode(rows[...]) }
        let size = (rows.count + slices - 1) / slices
        let decoded = LockedValue<[Int: Result<[T], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: slices) { index in
            let slice = rows[min(rows.count, index * size)..<min(rows.count, (index + 1) * size)]
            let result = Result { try decode(slice) }
            decoded.update { $0[index] = result }
        }
        let parts = decoded.value
        var all: [T] = []
        all.reserveCapacity(rows.count)
        for index in 0..<slices { all += try parts[index]!.get() }
        return all
    }

    static let summaryColumns = """
        year, seq, receivedEpoch, channel, status, pseudonym, anonymous, relationship, categories, score, band,
        severeOrPervasive, escalationLevel, consentShareIdentity, nextDueEpoch, nextDueKind, outsideWindow, needsReassignment
        """

    /// Decodes a row of ``summaryColumns``, in order; `split` makes a category list of its text.
    static func summary(_ row: PostgresRow, categories split: (String) -> [String] = split) throws -> CaseSummary {
        var cells = PostgresCells(row)
        let year: Int = try cells.next(), seq: Int = try cells.next(), received: Double = try cells.next()
        let channel: String = try cells.next(), status: String = try cells.next(), pseudonym: String = try cells.next()
        let anonymous: Bool = try cells.next(), relationship: String = try cells.next(), categories: String = try cells.next()
        let score: Int? = try cells.next(), band: String? = try cells.next(), severe: Bool = try cells.next()
        let level: String? = try cells.next(), consent: Bool = try cells.next(), due: Double? = try cells.next()
        let kind: String? = try cells.next(), outside: Bool = try cells.next(), reassign: Bool = try cells.next()
        var next: Deadline?
        if let due, let kind = kind.flatMap(Deadline.Kind.init(rawValue:)) {
            next = Deadline(kind: kind, due: Date(timeIntervalSince1970: due), metAt: nil)
        }
        return CaseSummary(
            id: CaseID(year: year, number: seq), receivedAt: Date(timeIntervalSince1970: received),
            channel: Channel(rawValue: channel) ?? .complaint, status: CaseStatus(rawValue: status) ?? .new, pseudonym: pseudonym,
            anonymous: anonymous, relationship: Relationship(rawValue: relationship) ?? .other, categories: split(categories),
            score: score, band: band.flatMap(Band.init(rawValue:)), severeOrPervasive: severe,
            escalationLevel: level.flatMap(EscalationLevel.init(rawValue:)), consentShareIdentity: consent, nextDeadline: next,
            outsideWindow: outside, needsReassignment: reassign)
    }
}
