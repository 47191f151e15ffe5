import CaseCore
import Foundation
import GRDB

/// Import (all or nothing, fingerprints kept as keyed hashes) and the milestone dates statistics count.
extension SQLiteCaseStore {
    public func importCases(_ intakes: [(fingerprint: String, intake: CaseIntake)], source: String, now: Date) throws
        -> (added: [CaseID], skipped: Int)
    {
        try checkCanWrite()
        return try write { db in
            var added: [CaseID] = []
            var skipped = 0
            var seen: Set<String> = []
            var tags: Set<String> = []
            for (index, entry) in intakes.enumerated() {
                let tag = importTag(entry.fingerprint)
                let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM importfingerprint WHERE tag = ?)", arguments: [tag]) ?? false
                guard !known, seen.insert(tag).inserted else {
                    skipped += 1
                    continue
                }
                do {
                    let item = try insertNewCase(db, entry.intake, now: now, how: "case created by import from \(source)",
                                                 refreshRanking: false)
                    tags.formUnion(matchTags(item))
                    try db.execute(
                        sql: "INSERT INTO importfingerprint (tag, caseId, source, importedAt) VALUES (?, ?, ?, ?)",
                        arguments: [tag, item.id.description, source, now])
                    added.append(item.id)
                } catch {
                    throw CaseImportFailure(index: index, underlying: error)
                }
            }
            // Queue ranking of the new cases and of every case naming the same people, each computed once
            // (per case inside the loop, a file naming one person in many rows would cost quadratic time).
            try refreshRankings(db, ids: Set(added.map(\.description)), sharingTags: tags)
            try AuditLog.append(db, actor: session.account, action: "import", caseId: nil,
                                detail: "\(added.count) imported, \(skipped) already present (\(source))", at: now, headKey: headKey)
            return (added, skipped)
        }
    }

    /// The keyed hash stored for a fingerprint: the fingerprint itself (which holds case content) is never stored.
    func importTag(_ fingerprint: String) -> String {
        sealer.matchTag("import\u{1F}" + fingerprint)
    }
}
