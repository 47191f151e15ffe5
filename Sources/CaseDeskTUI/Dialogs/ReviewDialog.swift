import CaseCore
import CaseStore

/// The supervisor's decision on an escalated case, from its detail (`v`): the decision, then the advice or reason
/// (required), and for closing the outcome and, when substantiated, the measures. Saved through
/// ``CaseDesk/review(_:decision:text:outcome:measures:)``; the store's sentence is shown when it refuses.
enum ReviewDialog {
    static let decisions = ReviewDecision.allCases

    static func start(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status == .escalated else {
            app.show(CaseError.notUnderReview(item.status).description, style: .error)
            return
        }
        // The top of the ladder has no next level: said in the list, and the store's sentence if chosen anyway.
        let options = decisions.map { decision in
            decision == .nextRung && item.nextEscalationRung == nil ? decision.label + " (none: at the top)" : decision.label
        }
        app.present(Chooser(title: "Review \(item.id): your decision", options: options) { app, index, _ in
            let decision = decisions[index]
            if decision == .close {
                StatusDialog.chooseOutcome(item, app: app) { app, outcome, measures in
                    askText(detail, decision: decision, outcome: outcome, measures: measures, app: app)
                }
            } else {
                askText(detail, decision: decision, app: app)
            }
            return nil
        })
    }

    /// What the text prompt asks for each decision.
    static func label(_ decision: ReviewDecision, item: Case, actWithinDays days: Int) -> String {
        switch decision {
        case .returnToCounselor:
            "Advice for the counselor (required; journaled, and the counselor is asked to act on it within \(days) days):"
        case .nextRung:
            "Reason for escalating to \(item.nextEscalationRung?.label ?? "the next level") (required, journaled):"
        case .formalProcedure:
            "Reason for accepting a formal procedure (required, journaled):"
        case .close:
            "Reason for closing the case (required, journaled):"
        }
    }

    static func askText(_ detail: DetailScreen, decision: ReviewDecision, outcome: Outcome? = nil, measures: [Measure] = [],
                        app: DeskApp) {
        let item = detail.view.item
        app.present(TextPrompt(title: "Review \(item.id): \(decision.label)", label: label(decision, item: item, actWithinDays: app.desk.evaluator.policy.actOnReviewWithinDays)) { app, text in
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return CaseError.reasonRequired("record a review decision").description
            }
            do {
                let view = try app.desk.review(item.id, decision: decision, text: text, outcome: outcome, measures: measures)
                detail.update(view, app: app)
                detail.scroll = 0
                app.show(done(decision, view.item), style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }

    /// The message line after a decision is saved.
    static func done(_ decision: ReviewDecision, _ item: Case) -> String {
        switch decision {
        case .returnToCounselor: "\(item.id) returned to the counselor with your advice."
        case .nextRung: "\(item.id) escalated to \(item.escalationLevel?.label ?? "the next level")."
        case .formalProcedure: "\(item.id) accepted for a formal procedure."
        case .close: "\(item.id) closed: \(item.outcome?.label ?? "outcome recorded")."
        }
    }
}
