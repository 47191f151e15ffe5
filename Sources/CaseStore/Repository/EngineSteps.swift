import CaseCore
import Foundation

/// The steps every engine takes the same way around its own SQL: a new case made from an intake, the audit of a
/// request for the reporter's identity, repeat respondents assembled from the parties naming the same person.
enum EngineSteps {
    /// The year a case from `intake` is numbered in.
    static func year(of intake: CaseIntake, now: Date) -> Int {
        Calendar.utc.component(.year, from: intake.receivedAt.flatMap(DateText.parse) ?? now)
    }

    /// A new case from an intake, its history replayed and scored; `otherOpenCases` counts the other open cases naming
    /// the same people (read by the engine inside its transaction).
    static func newCase(_ intake: CaseIntake, id: CaseID, by account: String, now: Date, evaluator: CaseEvaluator,
                        otherOpenCases: (Case) throws -> Int) throws -> Case {
        var item = try intake.makeCase(id: id, now: now, pseudonym: Pseudonyms.make(), affectedPseudonym: Pseudonyms.make(),
                                       taxonomy: evaluator.taxonomy)
        let others = try otherOpenCases(item)
        try intake.replayHistory(on: &item, by: account, now: now, taxonomy: evaluator.taxonomy) { ratings, current in
            var scored = current
            scored.assessment = ratings
            return evaluator.evaluate(scored, otherOpenCases: others).score
        }
        return item
    }

    /// Refuses a change made from a copy read at `readVersion` when the case has changed since.
    static func checkVersion(_ stored: CaseVersion, read readVersion: Int?, of id: CaseID) throws {
        guard let readVersion, stored.number != readVersion else { return }
        throw StoreError.staleCase(id.description, by: stored.changedBy, at: stored.changedAt)
    }

    /// The detail of a case's `create` audit entry.
    static func creationDetail(_ how: String, _ item: Case) -> String {
        "\(how) (\(item.channel.rawValue), status \(item.status.rawValue))"
    }

    /// The audit entry of a request for the reporter's identity, given what the role may see of it (nil: refused).
    static func identityAudit(_ identity: Reporter?, role: Role) -> (action: String, detail: String) {
        identity == nil ? ("identity-refused", "no consent to share identity with \(role.rawValue)")
            : ("identity", "reporter identity read by \(role.rawValue)")
    }

    /// The refusal of a supervisor's request for an identity the reporter did not consent to share.
    static func identityRefusal(_ id: CaseID) -> StoreError {
        StoreError.notPermitted(.key("permission.no-identity-consent", ["id": .text(id.description)]))
    }

    /// One party row naming a reported person: its case, and how to open its sealed name and role (nil when the session
    /// holds none of that case's keys).
    struct Mention {
        var matchTag: String
        var caseId: String
        var open: () throws -> SealedParty?
    }

    /// Reported persons named in more than one of the `visible` cases, most named first: for a counselor with the name
    /// and role of the latest mention the session can open; for anyone else with neutral labels only (nothing sealed is
    /// opened), in the reader's language.
    static func repeatRespondents(_ mentions: [Mention], visible: [String: CaseSummary], role: Role,
                                  catalogue: Catalogue) throws -> [RepeatRespondent] {
        let groups = Dictionary(grouping: mentions.filter { visible[$0.caseId] != nil }, by: \.matchTag).values
            .filter { Set($0.map(\.caseId)).count > 1 }
        let patterns = try groups.map { group -> RepeatRespondent in
            let appearances = Set(group.map(\.caseId)).compactMap { visible[$0] }
                .map { RepeatRespondent.Appearance(caseID: $0.id, band: $0.band, status: $0.status, receivedAt: $0.receivedAt) }
                .sorted { ($0.receivedAt, $0.caseID) < ($1.receivedAt, $1.caseID) }
            guard role == .counselor else { return RepeatRespondent(label: "", role: nil, cases: appearances) }
            for latest in group.sorted(by: { $0.caseId > $1.caseId }) {
                guard let party = try latest.open() else { continue }
                return RepeatRespondent(label: party.name, role: party.role, cases: appearances)
            }
            return RepeatRespondent(label: "", role: nil, cases: appearances)
        }
        .sorted { ($0.cases.count, $0.openCount, $0.label) > ($1.cases.count, $1.openCount, $1.label) }
        guard role != .counselor else { return patterns }
        return patterns.enumerated().map { index, pattern in
            RepeatRespondent(label: RepeatRespondent.neutralLabel(index, in: catalogue), role: nil, cases: pattern.cases)
        }
    }
}
