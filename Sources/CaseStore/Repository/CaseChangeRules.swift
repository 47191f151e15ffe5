import CaseCore

/// What every engine checks of a change before it saves it, whatever holds the cases: the journal only grows and
/// records every change, and a supervisor's one change is a review decision on an escalated case.
enum CaseChangeRules {
    /// Whether `after` changes `before` at all; throws when the change breaks the journal's rules.
    static func changes(from before: Case, to after: Case) throws -> Bool {
        guard after.id == before.id, after.journal.count >= before.journal.count,
              Array(after.journal.prefix(before.journal.count)) == before.journal else {
            throw StoreError.notPermitted(.key("permission.journal-append-only"))
        }
        guard after != before else { return false }
        if after.journal.count == before.journal.count {
            throw StoreError.notPermitted(.key("permission.change-journaled"))
        }
        return true
    }

    /// Whether the change scored the case's assessment again (new ratings, or a score the journal records), so that
    /// the case is now scored under the policy version in force.
    static func rescored(from before: Case, to after: Case) -> Bool {
        after.assessment != before.assessment || after.journal.dropFirst(before.journal.count).contains { $0.kind == .assessment }
    }

    /// Applies a supervisor's decision to an escalated case: it must add exactly one `review` entry.
    static func review(_ item: inout Case, _ change: (inout Case) throws -> Void) throws {
        guard item.status == .escalated else { throw CaseError.notUnderReview(item.status) }
        let before = item.journal.count
        try change(&item)
        guard item.journal.count == before + 1, item.journal.last?.kind == .review else {
            throw StoreError.notPermitted(.key("permission.supervisor-review-only"))
        }
    }

    /// The detail of the audit entry a change writes (its status and how many journal entries it added).
    static func auditDetail(from before: Case, to after: Case) -> String {
        let added = after.journal.count - before.journal.count
        return "status \(after.status.rawValue); \(added) journal entr\(added == 1 ? "y" : "ies") added"
    }
}
