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
        var groups: [String: [Row]] = [:]
        for row in rows where visible[row["caseId"]] != nil { groups[row["matchTag"], default: []].append(row) }
        let multi = groups.values.filter { Set($0.map { $0["caseId"] as String }).count > 1 }
        let patterns = try multi.map { group -> RepeatRespondent in
            let appearances = Set(group.map { $0["caseId"] as String }).compactMap { visible[$0] }
                .map { RepeatRespondent.Appearance(caseID: $0.id, band: $0.band, status: $0.status, receivedAt: $0.receivedAt) }
                .sorted { ($0.receivedAt, $0.caseID) < ($1.receivedAt, $1.caseID) }
            var label = "", role: String?
            // The name as the latest case whose keys the session holds gives it.
            if session.role == .counselor {
                for latest in group.sorted(by: { ($0["caseId"] as String) > ($1["caseId"] as String) }) {
                    let caseId: String = latest["caseId"]
                    guard let id = CaseID(caseId), let content = try read({ db in try heldKeys(db, id) }).sealer(.content) else { continue }
                    let position: Int = latest["position"]
                    let party = try content.openJSON(SealedParty.self, latest["sealed"], context: "case:\(caseId):party:\(position)")
                    label = party.name
                    role = party.role
                    break
                }
            }
            return RepeatRespondent(label: label, role: role, cases: appearances)
        }
        .sorted { ($0.cases.count, $0.openCount, $0.label) > ($1.cases.count, $1.openCount, $1.label) }
        if session.role == .counselor {
            try audit(action: "respondents", caseId: nil, detail: "repeat-respondent names read", now: Date())
            return patterns
        }
        return patterns.enumerated().map { index, pattern in
            RepeatRespondent(label: RepeatRespondent.neutralLabel(index, in: evaluator.catalogue), role: nil, cases: pattern.cases)
        }
    }
}
