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
            app.show(CaseError.notUnderReview(item.status).phrase, style: .error)
            return
        }
        let words = app.words
        // The top of the ladder has no next level: said in the list, and the store's sentence if chosen anyway.
        let options = decisions.map { decision in
            decision == .nextRung && item.nextEscalationRung == nil
                ? words["desk.review.at-top", values: ["decision": words.label(decision)]] : words.label(decision)
        }
        app.present(Chooser(title: words["desk.review.choose", values: ["id": item.id.description]], options: options) { app, index, _ in
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
    static func label(_ decision: ReviewDecision, item: Case, actWithinDays days: Int, words: Catalogue = .english) -> String {
        switch decision {
        case .returnToCounselor:
            words["desk.review.advice", values: ["days": String(days)]]
        case .nextRung:
            words["desk.review.next-rung-reason", values: ["level": item.nextEscalationRung.map(words.label) ?? words["desk.review.next-level"]]]
        case .formalProcedure:
            words["desk.review.formal-reason"]
        case .close:
            words["desk.review.close-reason"]
        }
    }

    static func askText(_ detail: DetailScreen, decision: ReviewDecision, outcome: Outcome? = nil, measures: [Measure] = [],
                        app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let title = words["desk.review.title", values: ["id": item.id.description, "decision": words.label(decision)]]
        let label = label(decision, item: item, actWithinDays: app.desk.evaluator.policy.actOnReviewWithinDays, words: words)
        app.present(TextPrompt(title: title, label: label) { app, text in
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return app.describe(CaseError.reasonRequired(.key("action.record-review")))
            }
            do {
                let view = try app.desk.review(item.id, decision: decision, text: text, outcome: outcome, measures: measures)
                detail.update(view, app: app)
                detail.scroll = 0
                app.show(done(decision, view.item, words: words), style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }

    /// The message line after a decision is saved.
    static func done(_ decision: ReviewDecision, _ item: Case, words: Catalogue = .english) -> String {
        let id = item.id.description
        return switch decision {
        case .returnToCounselor: words["desk.review.returned", values: ["id": id]]
        case .nextRung: words["desk.review.escalated", values: ["id": id, "level": item.escalationLevel.map(words.label) ?? words["desk.review.next-level"]]]
        case .formalProcedure: words["desk.review.formal", values: ["id": id]]
        case .close: words["desk.review.closed", values: ["id": id, "outcome": item.outcome.map(words.label) ?? words["desk.review.outcome-recorded"]]]
        }
    }
}
