import CaseCore
import Foundation
import GRDB

/// Ranking: the queue's cached fields (score, band, next deadline) and the count of other open cases naming the
/// same reported person, which the score depends on. Computed from unsealed columns and stored match tags.
extension SQLiteCaseStore {
    func matchTags(_ item: Case) -> [String] {
        Array(Set(item.reported.map { sealer.matchTag($0.matchKey) }))
    }

    func otherOpenCases(_ db: Database, sharingWith item: Case) throws -> Int {
        try otherOpenCases(db, tags: matchTags(item), excluding: item.id)
    }

    func otherOpenCases(_ db: Database, tags: [String], excluding id: CaseID) throws -> Int {
        guard !tags.isEmpty else { return 0 }
        let marks = Array(repeating: "?", count: tags.count).joined(separator: ",")
        return try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(DISTINCT p.caseId) FROM party p JOIN casefile c ON c.id = p.caseId
                WHERE p.matchTag IN (\(marks)) AND p.caseId <> ?
                  AND c.status NOT IN ('closed', 'screened-out', 'withdrawn')
                """,
            arguments: StatementArguments(tags + [id.description])) ?? 0
    }

    func evaluate(_ db: Database, _ item: Case) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(db, sharingWith: item))
    }

    /// Evaluates a case loaded without its sealed parties, from the match tags stored beside them.
    func evaluate(_ db: Database, _ item: Case, tags: [String]) throws -> CaseEvaluation {
        evaluator.evaluate(item, otherOpenCases: try otherOpenCases(db, tags: tags, excluding: item.id))
    }

    /// Recomputes the cached ranking fields of a case and of every case naming the same reported person
    /// (their pervasiveness depends on this one).
    func refreshRelated(_ db: Database, of item: Case) throws {
        try refreshRankings(db, ids: [item.id.description], sharingTags: Set(matchTags(item)))
    }

    /// Recomputes one case's cached ranking fields from its unsealed columns, its sealed details and stored match tags.
    ///
    /// A row changed behind the store's back is left as it is: re-ranking it would seal what was forged. (A row this
    /// transaction already changed was checked before it was, or is new.) A session holding none of the case's keys
    /// cannot re-rank it: the case is marked, and re-ranked at a counselor's next login.
    func rerank(_ db: Database, _ id: CaseID) throws {
        guard try changedRows.contains(id.description) || rowIsIntact(db, id.description) else { return }
        let keys = try heldKeys(db, id)
        guard keys[.content] != nil || keys[.copy] != nil else {
            try db.execute(sql: "UPDATE casefile SET rankStale = 1 WHERE id = ?", arguments: [id.description])
            return
        }
        let item = try loadCase(db, id, keys: keys, unseal: false)
        try writeRanking(db, item, evaluate(db, item, tags: storedTags(db, id)))
    }

    func writeRanking(_ db: Database, _ item: Case, _ evaluation: CaseEvaluation) throws {
        changedRows.insert(item.id.description)
        let next = evaluation.nextDeadline
        try db.execute(
            sql: """
                UPDATE casefile SET score = ?, band = ?, severeOrPervasive = ?, nextDueAt = ?, nextDueKind = ?, outsideWindow = ?,
                    supportDuty = ?,
                    queueOpen = ?, queueBand = ?, queueScore = ?, nextDueEpoch = ?, receivedEpoch = ?, rankStale = 0
                WHERE id = ?
                """,
            arguments: [evaluation.score.value, evaluation.score.band?.rawValue, evaluation.score.severeOrPervasive,
                        next?.due, next?.kind.rawValue, evaluation.outsideWindow,
                        evaluation.deadlines.contains { $0.kind == .support },
                        item.status.isOpen ? 0 : 1, evaluation.score.band.queueRank, -(evaluation.score.value ?? -1),
                        next?.due.timeIntervalSince1970, item.receivedAt.timeIntervalSince1970, item.id.description])
    }

    /// Recomputes the cached ranking fields of `ids` and of every case naming a person with one of `tags`.
    func refreshRankings(_ db: Database, ids: Set<String>, sharingTags tags: Set<String>) throws {
        var all = ids
        if !tags.isEmpty {
            let list = Array(tags)
            for start in stride(from: 0, to: list.count, by: 500) {
                let chunk = Array(list[start..<min(start + 500, list.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                all.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT caseId FROM party WHERE matchTag IN (\(marks))",
                                                  arguments: StatementArguments(chunk)))
            }
        }
        for key in all.sorted() {
            guard let id = CaseID(key) else { continue }
            try rerank(db, id)
        }
    }

    /// The match tags of a case's reported persons, as stored beside their sealed names.
    func storedTags(_ db: Database, _ id: CaseID) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT matchTag FROM party WHERE caseId = ?", arguments: [id.description])
    }
}
