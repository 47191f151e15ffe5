import CaseCore
import CaseStore

/// Escalating from the case detail. The ladder is climbed at the reporter's request, one rung at a time: the next
/// rung is offered first. When the reporter's wishes do not ask for escalation, or a rung is skipped, the dialog asks
/// for the duty to act; without one it shows the store's sentence and stays open.
enum EscalationDialog {
    /// Shown in the duty prompt: what counts as a duty to act.
    static let dutyExamples = "a child at risk, sexual exploitation and abuse, danger to life, a legal obligation"

    static func start(_ detail: DetailScreen, app: DeskApp) {
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
            guard let current = item.escalationLevel else { return true }
            return level > current
        }
        guard !levels.isEmpty else {
            app.show("The case is already at the highest level of the escalation ladder.", style: .error)
            return
        }
        let next = item.nextEscalationRung
        let options = levels.map { $0 == next ? "\($0.label) (next rung)" : $0.label }
        let selected = levels.firstIndex { $0 == next } ?? 0
        app.present(Chooser(title: "Escalate \(item.id) to", options: options, selected: selected) { app, index, _ in
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
        let requested = item.wishes?.allowsEscalation == true
        let why = requested
            ? "Going to \(level.label) skips a rung (the next is \(next?.label ?? "none"))."
            : "The reporter's wishes are \(item.wishes?.label.lowercased() ?? "not recorded"): they have not asked for escalation."
        app.present(TextPrompt(title: "Escalate \(item.id) to \(level.label)",
                               label: why + " State the duty to act (\(dutyExamples)):") { app, duty in
            guard !duty.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                if requested, let next { return CaseError.escalationSkipsRung(next: next, requested: level).description }
                return CaseError.escalationNotRequested(wishes: item.wishes).description
            }
            askReason(detail, level: level, duty: duty, app: app)
            return nil
        })
    }

    static func askReason(_ detail: DetailScreen, level: EscalationLevel, duty: String?, app: DeskApp) {
        let item = detail.view.item
        app.present(TextPrompt(title: "Escalate \(item.id) to \(level.label)", label: "Reason for escalating (journaled):") { app, reason in
            do {
                let view = try app.desk.escalate(item.id, to: level, reason: reason, duty: duty,
                                                    readVersion: detail.view.version)
                detail.update(view, app: app)
                app.show("\(item.id) escalated to \(level.label)" + (duty == nil ? "." : " under a duty to act."), style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }
}
