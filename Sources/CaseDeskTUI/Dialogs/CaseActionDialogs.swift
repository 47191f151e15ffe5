import CaseCore
import CaseStore

/// The counselor's actions from the case detail, as short dialogs: choose, give a reason, save.
/// Every change goes through ``CaseDesk``; its errors are shown, never thrown.
enum CaseActionDialogs {
    static func assess(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        app.push(AssessmentForm(detail: detail, app: app))
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

    /// Opens the intake form filled in with the case; saving sends only the changed fields to ``CaseDesk/edit(_:_:)``.
    static func edit(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        app.push(IntakeForm(app: app, editing: item, detail: detail))
    }

    /// Gives or withdraws consent to share identity with the supervisor, after a y/n question.
    static func consent(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let whose = item.affected == nil ? "the reporter's identity" : "the affected person's identity (\(item.affectedPseudonym))"
        let giving = !item.consentShareIdentity
        let question = giving
            ? "Record that consent is GIVEN to share \(whose) with the supervisor?"
            : "Record that consent to share \(whose) with the supervisor is WITHDRAWN?"
        app.present(Confirmation(question) { app in
            do {
                let view = try app.desk.setConsent(item.id, giving)
                detail.update(view, app: app)
                app.show(giving ? "Consent to share identity given on \(item.id)." : "Consent to share identity withdrawn on \(item.id).",
                         style: .success)
            } catch {
                app.show(error: error)
            }
        })
    }

    /// Reopens a closed, withdrawn or screened-out case, with the reason (journaled).
    static func reopen(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isTerminal else {
            app.show(CaseError.notReopenable(item.status).description, style: .error)
            return
        }
        app.present(TextPrompt(title: "Reopen \(item.id) (\(item.status.label))",
                               label: "Reason for reopening (journaled; the case returns to assessing):") { app, reason in
            do {
                let view = try app.desk.reopen(item.id, reason: reason)
                detail.update(view, app: app)
                app.show("\(item.id) reopened: it is assessing again.", style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }

    /// Records a disclosure made without consent: to whom, under which duty to act, and optionally why telling the
    /// reporter is deferred (otherwise a deadline to tell them starts).
    static func disclose(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let title = "Disclosure without consent — \(item.id)"
        app.present(TextPrompt(title: title, label: "Disclosed to whom (person or body):") { app, recipient in
            guard !recipient.trimmingCharacters(in: .whitespaces).isEmpty else {
                return CaseError.invalidField(field: "recipient of the disclosure", problem: "is empty").description
            }
            app.present(TextPrompt(
                title: title,
                label: "The duty to act (a child at risk, sexual exploitation and abuse, danger to life, a legal obligation):"
            ) { app, duty in
                guard !duty.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return CaseError.reasonRequired("disclose without consent (the duty to act)").description
                }
                app.present(TextPrompt(
                    title: title,
                    label: "Reason to defer telling the reporter (leave empty to tell them; a deadline starts):"
                ) { app, deferral in
                    do {
                        let view = try app.desk.disclose(item.id, to: recipient, duty: duty, deferTelling: deferral)
                        detail.update(view, app: app)
                        app.show("Disclosure to \(recipient.trimmingCharacters(in: .whitespaces)) recorded on \(item.id).", style: .success)
                        return nil
                    } catch {
                        return DeskApp.describe(error)
                    }
                })
                return nil
            })
            return nil
        })
    }

    /// Sets how often this case is followed up (1–365 days); an empty answer returns it to the policy's interval.
    static func followUpInterval(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).description, style: .error)
            return
        }
        let policy = app.desk.evaluator.policy.followUpEveryDays
        let now = item.followUpEveryDays.map { "every \($0) days" } ?? "the policy's \(policy) days"
        app.present(TextPrompt(
            title: "Follow-up interval — \(item.id)",
            label: "Days between follow-ups for this case, 1 to 365 (now \(now); leave empty for the policy's \(policy)):",
            initial: item.followUpEveryDays.map(String.init) ?? ""
        ) { app, answer in
            let text = answer.trimmingCharacters(in: .whitespaces)
            let days: Int?
            if text.isEmpty {
                days = nil
            } else if let number = Int(text) {
                days = number
            } else {
                return CaseError.invalidField(field: "follow-up interval", problem: "must be a whole number of days, not '\(text)'")
                    .description
            }
            do {
                let view = try app.desk.edit(item.id, CaseEdit(followUpEveryDays: .some(days)), readVersion: detail.view.version)
                detail.update(view, app: app)
                app.show(days.map { "\(item.id) is now followed up every \($0) days." }
                         ?? "\(item.id) is followed up at the policy's interval (\(policy) days) again.", style: .success)
                return nil
            } catch CaseError.nothingChanged {
                app.show("Nothing changed; \(item.id) is followed up \(now).")
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }
}
