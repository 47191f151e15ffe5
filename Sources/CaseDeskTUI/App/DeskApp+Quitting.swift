/// Quitting with Ctrl-C, and what it would lose: a form, an assessment, or text typed in a dialog, the search or the
/// command line is never thrown away without asking.
extension DeskApp {
    /// Ctrl-C: quits at once, unless something typed would be lost: then it asks, as Esc does in the intake form (a
    /// second Ctrl-C, or y, quits; n goes back to the text as it was). Locked, or with the terminal too small to show
    /// the question, it quits at once as before.
    func quitAsking() {
        guard lock == nil, !tooSmall, !(modals.last is QuitConfirmation), let question = discardQuestion else {
            quit()
            return
        }
        present(QuitConfirmation(question) { app in app.quit() })
    }

    /// The question Ctrl-C asks before losing what the counselor typed, or nil when nothing would be lost.
    var discardQuestion: String? {
        if let form = stack.last(where: { ($0 as? IntakeForm)?.dirty == true }) as? IntakeForm {
            return form.editing.map { words["desk.quit.discard-edit", values: ["id": $0.id.description]] }
                ?? words["desk.quit.discard-new"]
        }
        if stack.contains(where: { ($0 as? AssessmentForm)?.changed == true }) {
            return words["desk.quit.discard-ratings"]
        }
        let covered = stack.compactMap { $0 as? HelpScreen }
        let prompts = modals + covered.flatMap(\.covered)
        let lines = [command, queue.searchField] + covered.map(\.command)
        if prompts.contains(where: { ($0 as? TextPrompt)?.changed == true }) || lines.contains(where: { $0?.text.isEmpty == false }) {
            return words["desk.quit.discard-text"]
        }
        return nil
    }

    /// Whether a form or prompt holds input the counselor typed or chose and has not saved: the intake or edit form,
    /// an assessment being changed, a reason or journal text being written (also under help).
    var holdsTypedInput: Bool {
        let covered = stack.flatMap { ($0 as? HelpScreen)?.covered ?? [] }
        return stack.contains { ($0 as? IntakeForm)?.dirty == true || ($0 as? AssessmentForm)?.changed == true }
            || (modals + covered).contains { ($0 as? TextPrompt)?.changed == true }
    }
}
