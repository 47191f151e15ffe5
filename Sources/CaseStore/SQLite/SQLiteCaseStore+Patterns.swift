import CaseCore
import Foundation
import GRDB

extension SQLiteCaseStore {
    /// Reported persons named in more than one case the session may see. A counselor gets names and roles;
    /// a supervisor neutral labels only.
    public func repeatRespondents() throws -> [RepeatRespondent] {
        try checkCanRead()
        let visible = Dictionary(uniqueKeysWithValues: try summaries().map { ($0.id.description, $0) })
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.matchTag, p.caseId, p.position, p.sealed FROM party p
                WHERE p.matchTag IN (SELECT matchTag FROM party GROUP BY matchTag HAVING COUNT(DISTINCT caseId) > 1)
                ORDER BY p.matchTag, p.caseId
                """)
        }
        let patterns = try EngineSteps.repeatRespondents(rows.map { row in
            let caseId: String = row["caseId"]
            let position: Int = row["position"]
            let sealed: Data = row["sealed"]
            return EngineSteps.Mention(matchTag: row["matchTag"], caseId: caseId) {
                // The name as the latest case whose keys the session holds gives it.
                guard let id = CaseID(caseId), let content = try self.read({ db in try self.heldKeys(db, id) }).sealer(.content) else {
                    return nil
                }
                return try content.openJSON(SealedParty.self, sealed, context: SealContext.party(caseId, position))
            }
        }, visible: visible, role: session.role, catalogue: evaluator.catalogue)
        if session.role == .counselor {
            try audit(action: "respondents", caseId: nil, detail: "repeat-respondent names read", now: Date())
        }
        return patterns
    }
}
