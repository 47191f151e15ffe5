import CaseCore
import CaseStore

/// The counselor's actions from the case detail, as short dialogs: choose, give a reason, save.
/// Every change goes through ``CaseDesk``; its errors are shown, never thrown, in the desk's language.
enum CaseActionDialogs {
    static func assess(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).phrase, style: .error)
            return
        }
        app.push(AssessmentForm(detail: detail, app: app))
    }

    /// Places a legal hold (the case is never purged while it holds) or lifts it; either way with a reason, journaled.
    static func legalHold(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let placing = !item.legalHold
        let id = ["id": item.id.description]
        let title = words[placing ? "desk.hold.place-title" : "desk.hold.lift-title", values: id]
        let label = words[placing ? "desk.hold.place-reason" : "desk.hold.lift-reason"]
        app.present(TextPrompt(title: title, label: label) { app, reason in
            do {
                let view = try app.desk.setLegalHold(item.id, placing, reason: reason)
                detail.update(view, app: app)
                app.show(words[placing ? "desk.hold.placed" : "desk.hold.lifted", values: id], style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }

    /// Declares a conflict of interest: the handler is recused, the case leaves their queue and is flagged for
    /// reassignment. Back to the queue afterwards, since the case can no longer be opened by them.
    static func declareConflict(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let id = ["id": item.id.description]
        app.present(TextPrompt(title: words["desk.conflict.title", values: id], label: words["desk.conflict.reason"]) { app, reason in
            do {
                try app.desk.declareConflict(item.id, reason: reason)
                app.returnToQueue()
                app.show(words["desk.conflict.done", values: id], style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }

    /// Opens the intake form filled in with the case; saving sends only the changed fields to ``CaseDesk/edit(_:_:)``.
    static func edit(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).phrase, style: .error)
            return
        }
        app.push(IntakeForm(app: app, editing: item, detail: detail))
    }

    /// Gives or withdraws consent to share identity with the supervisor, after a y/n question.
    static func consent(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let whose = item.affected == nil ? words["desk.consent.reporter-identity"]
            : words["desk.consent.affected-identity", values: ["pseudonym": item.affectedPseudonym]]
        let giving = !item.consentShareIdentity
        let question = words[giving ? "desk.consent.give-question" : "desk.consent.withdraw-question", values: ["whose": whose]]
        app.present(Confirmation(question) { app in
            do {
                let view = try app.desk.setConsent(item.id, giving)
                detail.update(view, app: app)
                app.show(words[giving ? "desk.consent.given" : "desk.consent.withdrawn", values: ["id": item.id.description]],
                         style: .success)
            } catch {
                app.show(error: error)
            }
        })
    }

    /// Reopens a closed, withdrawn or screened-out case, with the reason (journaled).
    static func reopen(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        guard item.status.isTerminal else {
            app.show(CaseError.notReopenable(item.status).phrase, style: .error)
            return
        }
        app.present(TextPrompt(title: words["desk.reopen.title", values: ["id": item.id.description, "status": words.label(item.status)]],
                               label: words["desk.reopen.reason"]) { app, reason in
            do {
                let view = try app.desk.reopen(item.id, reason: reason)
                detail.update(view, app: app)
                app.show(words["desk.reopen.done", values: ["id": item.id.description]], style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }

    /// Records a disclosure made without consent: to whom, under which duty to act, and optionally why telling the
    /// reporter is deferred (otherwise a deadline to tell them starts).
    static func disclose(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let title = words["desk.disclose.title", values: ["id": item.id.description]]
        app.present(TextPrompt(title: title, label: words["desk.disclose.recipient"]) { app, recipient in
            guard !recipient.trimmingCharacters(in: .whitespaces).isEmpty else {
                return app.describe(CaseError.invalidField(field: .key("field.disclosure-recipient"), problem: .key("problem.empty")))
            }
            app.present(TextPrompt(title: title, label: words["desk.disclose.duty"]) { app, duty in
                guard !duty.trimmingCharacters(in: .whitespaces).isEmpty else {
                    return app.describe(CaseError.reasonRequired(.key("action.disclose")))
                }
                app.present(TextPrompt(title: title, label: words["desk.disclose.defer"]) { app, deferral in
                    do {
                        let view = try app.desk.disclose(item.id, to: recipient, duty: duty, deferTelling: deferral)
                        detail.update(view, app: app)
                        app.show(words["desk.disclose.done", values: [
                            "recipient": recipient.trimmingCharacters(in: .whitespaces), "id": item.id.description]], style: .success)
                        return nil
                    } catch {
                        return app.describe(error)
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
        let words = app.words
        guard item.status.isOpen else {
            app.show(CaseError.caseIsTerminal(item.status).phrase, style: .error)
            return
        }
        let policy = String(app.desk.evaluator.policy.followUpEveryDays)
        let id = item.id.description
        let now = item.followUpEveryDays.map { words["desk.follow-up.every", values: ["days": String($0)]] }
            ?? words["desk.follow-up.policy", values: ["days": policy]]
        app.present(TextPrompt(
            title: words["desk.follow-up.title", values: ["id": id]],
            label: words["desk.follow-up.label", values: ["now": now, "policy": policy]],
            initial: item.followUpEveryDays.map(String.init) ?? ""
        ) { app, answer in
            let text = answer.trimmingCharacters(in: .whitespaces)
            let days: Int?
            if text.isEmpty {
                days = nil
            } else if let number = Int(text) {
                days = number
            } else {
                return app.describe(CaseError.invalidField(field: .key("field.follow-up-interval"),
                                                           problem: .key("problem.whole-days", ["text": .text(text)])))
            }
            do {
                let view = try app.desk.edit(item.id, CaseEdit(followUpEveryDays: .some(days)), readVersion: detail.view.version)
                detail.update(view, app: app)
                app.show(days.map { words["desk.follow-up.set", values: ["id": id, "days": String($0)]] }
                         ?? words["desk.follow-up.reset", values: ["id": id, "days": policy]], style: .success)
                return nil
            } catch CaseError.nothingChanged {
                app.show(words["desk.follow-up.unchanged", values: ["id": id, "now": now]])
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }
}
