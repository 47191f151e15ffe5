import CaseCore
import CaseStore

/// Changing a case's status from the detail: only the legal next steps are offered. Closing asks for the outcome
/// (and the measures of a substantiated case); screening out asks for the reason from the taxonomy and, when an
/// override holds the case at High or above, for confirmation and a note saying why it does not apply.
enum StatusDialog {
    static func start(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let next = item.status.allowedNext
        guard !next.isEmpty else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        app.present(Chooser(title: "Move \(item.id) from \(item.status.label) to", options: next.map(\.label)) { app, index, _ in
            let status = next[index]
            switch status {
            case .escalated: EscalationDialog.start(detail, app: app)
            case .screenedOut: screenOut(detail, app: app)
            case .closed: close(detail, app: app)
            case .withdrawn:
                askNote(detail, status: status, label: "Reason for the withdrawal (required, journaled):", app: app)
            default:
                askNote(detail, status: status, label: "Reason or note for the journal (optional):", app: app)
            }
            return nil
        })
    }

    /// Outcome first (every ``Outcome``); a substantiated case then needs at least one measure ticked.
    static func close(_ detail: DetailScreen, app: DeskApp) {
        chooseOutcome(detail.view.item, app: app) { app, outcome, measures in
            askNote(detail, status: .closed, label: "Note for the journal (optional):", outcome: outcome,
                    measures: measures, app: app)
        }
    }

    /// The outcome of a case being closed, then (when substantiated) the measures taken, at least one; then `then`.
    /// Shared by the counselor's status dialog and the supervisor's review.
    static func chooseOutcome(_ item: Case, app: DeskApp, then: @escaping (DeskApp, Outcome, [Measure]) -> Void) {
        let outcomes = Outcome.allCases
        app.present(Chooser(title: "Outcome of \(item.id)", options: outcomes.map(\.label)) { app, i, _ in
            let outcome = outcomes[i]
            guard outcome == .substantiated else {
                then(app, outcome, [])
                return nil
            }
            let measures = Measure.allCases
            app.present(Chooser(title: "Measures taken (\(item.id), substantiated)", options: measures.map(\.label),
                                multiple: true) { app, _, ticked in
                guard !ticked.isEmpty else { return CaseError.measuresRequired.description }
                then(app, outcome, measures.indices.filter { ticked.contains($0) }.map { measures[$0] })
                return nil
            })
            return nil
        })
    }

    /// The taxonomy's screening reasons (or other); then, if the score carries a Critical or High floor, the floors
    /// are named and the counselor confirms and says why the override does not apply.
    static func screenOut(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let reasons = app.desk.taxonomy.screeningReasons
        let floors = app.desk.floors(of: detail.view.evaluation.score)
        app.present(Chooser(title: "Why is \(item.id) screened out?", options: reasons.map(\.name) + ["Other (explain in the note)"]) { app, i, _ in
            let reason = i < reasons.count ? reasons[i].id : "other"
            guard !floors.isEmpty else {
                askNote(detail, status: .screenedOut, label: "Note for the journal" + (reason == "other" ? " (required):" : " (optional):"),
                        screeningReason: reason, app: app)
                return nil
            }
            let named = floors.map { "'\($0)'" }.joined(separator: " and ")
            app.present(Confirmation("The score carries the floor \(named). Screen \(item.id) out anyway, setting the override aside?") { app in
                askNote(detail, status: .screenedOut, label: "Why the override does not apply (required, journaled):",
                        screeningReason: reason, confirmOverride: true, app: app)
            })
            return nil
        })
    }

    static func askNote(_ detail: DetailScreen, status: CaseStatus, label: String, screeningReason: String? = nil,
                        outcome: Outcome? = nil, measures: [Measure] = [], confirmOverride: Bool = false, app: DeskApp) {
        let item = detail.view.item
        app.present(TextPrompt(title: "\(item.id): \(item.status.label) → \(status.label)", label: label) { app, note in
            do {
                let view = try app.desk.move(item.id, to: status, note: note, screeningReason: screeningReason, outcome: outcome,
                                             measures: measures, confirmOverride: confirmOverride,
                                             readVersion: detail.view.version)
                detail.update(view, app: app)
                app.show("\(item.id) is now \(status.label).", style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }
}
