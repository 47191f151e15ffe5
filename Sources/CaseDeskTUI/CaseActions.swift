import CaseCore
import CaseStore

/// The counselor's actions from the case detail, as short dialogs: choose, give a reason, save.
/// Every change goes through ``CaseDesk``; its errors are shown, never thrown.
enum CaseActions {
    static func assess(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        app.push(AssessmentForm(detail: detail, app: app))
    }

    static func escalate(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        if item.status != .escalated, !item.status.canMove(to: .escalated) {
            app.show(CaseError.illegalTransition(from: item.status, to: .escalated).description, style: .error)
            return
        }
        let levels = EscalationLevel.allCases.filter { level in
            guard item.status == .escalated, let current = item.escalationLevel else { return true }
            return level > current
        }
        guard !levels.isEmpty else {
            app.show("The case is already at the highest level of the escalation ladder.", style: .error)
            return
        }
        app.present(Chooser(title: "Escalate \(item.id) to", options: levels.map(\.label)) { app, index, _ in
            let level = levels[index]
            app.present(TextPrompt(title: "Escalate \(item.id) to \(level.label)", label: "Reason for escalating (journaled):") { app, reason in
                do {
                    let view = try app.desk.escalate(item.id, to: level, reason: reason)
                    detail.update(view, app: app)
                    app.show("\(item.id) escalated to \(level.label).", style: .success)
                    return nil
                } catch {
                    return DeskApp.describe(error)
                }
            })
            return nil
        })
    }

    static func changeStatus(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let next = item.status.allowedNext
        guard !next.isEmpty else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        app.present(Chooser(title: "Move \(item.id) from \(item.status.label) to", options: next.map(\.label)) { app, index, _ in
            let status = next[index]
            switch status {
            case .escalated:
                escalate(detail, app: app)
            case .screenedOut:
                let reasons = app.desk.taxonomy.screeningReasons
                app.present(Chooser(title: "Why is \(item.id) screened out?", options: reasons.map(\.name) + ["Other (explain in the note)"]) { app, i, _ in
                    let reason = i < reasons.count ? reasons[i].id : "other"
                    askNote(detail, status: status, label: "Note for the journal" + (reason == "other" ? " (required):" : " (optional):"),
                            screeningReason: reason, app: app)
                    return nil
                })
            case .closed:
                let outcomes = Outcome.allCases
                app.present(Chooser(title: "Outcome of \(item.id)", options: outcomes.map(\.label)) { app, i, _ in
                    askNote(detail, status: status, label: "Note for the journal (optional):", outcome: outcomes[i], app: app)
                    return nil
                })
            case .withdrawn:
                askNote(detail, status: status, label: "Reason for the withdrawal (required, journaled):", app: app)
            default:
                askNote(detail, status: status, label: "Reason or note for the journal (optional):", app: app)
            }
            return nil
        })
    }

    private static func askNote(_ detail: DetailScreen, status: CaseStatus, label: String, screeningReason: String? = nil,
                                outcome: Outcome? = nil, app: DeskApp) {
        let item = detail.view.item
        app.present(TextPrompt(title: "\(item.id): \(item.status.label) → \(status.label)", label: label) { app, note in
            do {
                let view = try app.desk.move(item.id, to: status, note: note, screeningReason: screeningReason, outcome: outcome)
                detail.update(view, app: app)
                app.show("\(item.id) is now \(status.label).", style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }

    /// Journal kinds a counselor writes by hand (the others are written by actions).
    static let journalKinds: [JournalEntry.Kind] = [.contact, .note, .support, .advice, .feedback, .decision]

    static func addJournal(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        app.present(Chooser(title: "Journal entry for \(item.id)", options: journalKinds.map(\.label)) { app, index, _ in
            let kind = journalKinds[index]
            app.present(TextPrompt(title: "\(kind.label) — \(item.id)", label: "Text of the entry:") { app, text in
                do {
                    let view = try app.desk.record(item.id, kind, text: text)
                    detail.update(view, app: app)
                    detail.scroll = Int.max / 2
                    app.show("Journal entry added to \(item.id).", style: .success)
                    return nil
                } catch {
                    return DeskApp.describe(error)
                }
            })
            return nil
        })
    }

    /// Places a legal hold (the case is never purged while it holds) or lifts it; either way with a reason, journaled.
    static func legalHold(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let placing = !item.legalHold
        let title = placing ? "Place a legal hold on \(item.id)" : "Lift the legal hold on \(item.id)"
        let label = placing ? "Reason for the hold (journaled; while it holds the case is never purged):"
                            : "Reason for lifting the hold (journaled):"
        app.present(TextPrompt(title: title, label: label) { app, reason in
            do {
                let view = try app.desk.setLegalHold(item.id, placing, reason: reason)
                detail.update(view, app: app)
                app.show(placing ? "Legal hold placed on \(item.id)." : "Legal hold on \(item.id) lifted.", style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }

    /// Declares a conflict of interest: the handler is recused, the case leaves their queue and is flagged for
    /// reassignment. Back to the queue afterwards, since the case can no longer be opened by them.
    static func declareConflict(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        app.present(TextPrompt(
            title: "Declare a conflict of interest on \(item.id)",
            label: "Reason (journaled). You will be recused: the case leaves your queue and is flagged for reassignment."
        ) { app, reason in
            do {
                try app.desk.declareConflict(item.id, reason: reason)
                app.returnToQueue()
                app.show("You are recused from \(item.id); it is flagged for reassignment.", style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }
}
