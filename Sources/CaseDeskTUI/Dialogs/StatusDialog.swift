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
            app.show(CaseError.caseIsTerminal(item.status).phrase, style: .error)
            return
        }
        let words = app.words
        let title = words["desk.status.choose", values: ["id": item.id.description, "status": words.label(item.status)]]
        app.present(Chooser(title: title, options: next.map(words.label)) { app, index, _ in
            let status = next[index]
            switch status {
            case .escalated: EscalationDialog.start(detail, app: app)
            case .screenedOut: screenOut(detail, app: app)
            case .closed: close(detail, app: app)
            case .withdrawn:
                askNote(detail, status: status, label: words["desk.status.withdrawal-reason"], app: app)
            default:
                askNote(detail, status: status, label: words["desk.status.note-optional"], app: app)
            }
            return nil
        })
    }

    /// Outcome first (every ``Outcome``); a substantiated case then needs at least one measure ticked.
    static func close(_ detail: DetailScreen, app: DeskApp) {
        chooseOutcome(detail.view.item, app: app) { app, outcome, measures in
            askNote(detail, status: .closed, label: app.words["desk.status.journal-note-optional"], outcome: outcome,
                    measures: measures, app: app)
        }
    }

    /// The outcome of a case being closed, then (when substantiated) the measures taken, at least one; then `then`.
    /// Shared by the counselor's status dialog and the supervisor's review.
    static func chooseOutcome(_ item: Case, app: DeskApp, then: @escaping (DeskApp, Outcome, [Measure]) -> Void) {
        let outcomes = Outcome.allCases
        let words = app.words
        let id = ["id": item.id.description]
        app.present(Chooser(title: words["desk.status.outcome", values: id], options: outcomes.map(words.label)) { app, i, _ in
            let outcome = outcomes[i]
            guard outcome == .substantiated else {
                then(app, outcome, [])
                return nil
            }
            let measures = Measure.allCases
            app.present(Chooser(title: words["desk.status.measures", values: id], options: measures.map(words.label),
                                multiple: true) { app, _, ticked in
                guard !ticked.isEmpty else { return app.describe(CaseError.measuresRequired) }
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
        let words = app.words
        let options = reasons.map(\.name) + [words["desk.status.screen-other"]]
        app.present(Chooser(title: words["desk.status.screen-why", values: ["id": item.id.description]], options: options) { app, i, _ in
            let reason = i < reasons.count ? reasons[i].id : "other"
            guard !floors.isEmpty else {
                askNote(detail, status: .screenedOut,
                        label: words[reason == "other" ? "desk.status.journal-note-required" : "desk.status.journal-note-optional"],
                        screeningReason: reason, app: app)
                return nil
            }
            let named = words.list(floors.map { words["desk.status.quoted", values: ["text": $0]] })
            let question = words["desk.status.floor-question", values: ["floors": named, "id": item.id.description]]
            app.present(Confirmation(question) { app in
                askNote(detail, status: .screenedOut, label: words["desk.status.override-reason"],
                        screeningReason: reason, confirmOverride: true, app: app)
            })
            return nil
        })
    }

    static func askNote(_ detail: DetailScreen, status: CaseStatus, label: String, screeningReason: String? = nil,
                        outcome: Outcome? = nil, measures: [Measure] = [], confirmOverride: Bool = false, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        app.present(TextPrompt(title: "\(item.id): \(words.label(item.status)) → \(words.label(status))", label: label) { app, note in
            do {
                let view = try app.desk.move(item.id, to: status, note: note, screeningReason: screeningReason, outcome: outcome,
                                             measures: measures, confirmOverride: confirmOverride,
                                             readVersion: detail.view.version)
                detail.update(view, app: app)
                app.show(words["desk.status.done", values: ["id": item.id.description, "status": words.label(status)]], style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }
}
