import CaseCore
import CaseStore

/// Escalating from the case detail. The ladder is climbed at the reporter's request, one rung at a time: the next
/// rung is offered first. When the reporter's wishes do not ask for escalation, or a rung is skipped, the dialog asks
/// for the duty to act; without one it shows the store's sentence and stays open.
enum EscalationDialog {
    static func start(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).phrase, style: .error)
            return
        }
        if item.status != .escalated, !item.status.canMove(to: .escalated) {
            app.show(CaseError.illegalTransition(from: item.status, to: .escalated).phrase, style: .error)
            return
        }
        let levels = EscalationLevel.allCases.filter { level in
            guard let current = item.escalationLevel else { return true }
            return level > current
        }
        guard !levels.isEmpty else {
            app.show(app.words["desk.escalate.top"], style: .error)
            return
        }
        let next = item.nextEscalationRung
        let words = app.words
        let options = levels.map { $0 == next ? words["desk.escalate.next-rung", values: ["level": words.label($0)]] : words.label($0) }
        let selected = levels.firstIndex { $0 == next } ?? 0
        app.present(Chooser(title: words["desk.escalate.choose", values: ["id": item.id.description]], options: options,
                            selected: selected) { app, index, _ in
            let level = levels[index]
            if item.wishes?.allowsEscalation == true, level == next {
                askReason(detail, level: level, duty: nil, app: app)
            } else {
                askDuty(detail, level: level, next: next, app: app)
            }
            return nil
        })
    }

    /// Asks for the duty to act that allows this escalation; an empty answer shows why one is needed.
    static func askDuty(_ detail: DetailScreen, level: EscalationLevel, next: EscalationLevel?, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let requested = item.wishes?.allowsEscalation == true
        let why = requested
            ? words["desk.escalate.skips", values: ["level": words.label(level), "next": next.map(words.label) ?? words["desk.escalate.none"]]]
            : words["desk.escalate.not-requested", values: ["wishes": item.wishes.map { words.label($0).lowercased() } ?? words["desk.not-recorded"]]]
        app.present(TextPrompt(title: words["desk.escalate.title", values: ["id": item.id.description, "level": words.label(level)]],
                               label: why + " " + words["desk.escalate.duty"]) { app, duty in
            guard !duty.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                if requested, let next { return app.describe(CaseError.escalationSkipsRung(next: next, requested: level)) }
                return app.describe(CaseError.escalationNotRequested(wishes: item.wishes))
            }
            askReason(detail, level: level, duty: duty, app: app)
            return nil
        })
    }

    static func askReason(_ detail: DetailScreen, level: EscalationLevel, duty: String?, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let values = ["id": item.id.description, "level": words.label(level)]
        app.present(TextPrompt(title: words["desk.escalate.title", values: values], label: words["desk.escalate.reason"]) { app, reason in
            do {
                let view = try app.desk.escalate(item.id, to: level, reason: reason, duty: duty,
                                                    readVersion: detail.view.version)
                detail.update(view, app: app)
                app.show(words[duty == nil ? "desk.escalate.done" : "desk.escalate.done-duty", values: values], style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }
}
