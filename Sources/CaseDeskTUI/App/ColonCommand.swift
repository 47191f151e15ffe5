import CaseCore

/// The `:` command line: `:q`, `:open ID` (or just `:ID`), `:code DIGITS`, `:filter WORD`, `:help`.
enum ColonCommand {
    /// The commands as help lists them.
    static let summary: [(String, String)] = [
        (":q, :quit", "Quit"),
        (":open ID, :ID", "Open a case, e.g. :open C-2026-0001"),
        (":code DIGITS", "Open a case by an anonymous reporter's 16-digit follow-up code"),
        (":filter WORD", "Filter the queue: overdue, open, all, escalated, closed, critical, high, medium, low, unrated, clear"),
        (":help", "This help"),
    ]

    static func run(_ text: String, app: DeskApp) {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first?.lowercased() else { return }
        let argument = words.dropFirst().joined(separator: " ")
        switch verb {
        case "q", "quit", "q!", "qa", "exit":
            app.quit()
        case "help", "h", "?":
            app.showHelp()
        case "open", "o", "e":
            guard let id = CaseID(argument) else {
                app.show("Give a case id like :open C-2026-0001.", style: .error)
                return
            }
            open(id, app: app)
        case "code":
            // The code is the reporter's only key to their case: it is looked up, never shown or kept.
            guard let code = FollowUpCode(argument) else {
                app.show("A follow-up code has 16 digits, like :code 1234 5678 9012 3456.", style: .error)
                return
            }
            do {
                guard let id = try app.desk.findCase(followUpCode: code) else {
                    app.show("No case you can see matches that follow-up code.", style: .error)
                    return
                }
                open(id, app: app)
            } catch {
                app.show(error: error)
            }
        case "filter", "f":
            guard !argument.isEmpty else {
                app.show("Say which filter: :filter overdue|open|all|escalated|closed|critical|high|medium|low|clear", style: .error)
                return
            }
            var filter = app.queue.filter
            for word in words.dropFirst() where !filter.apply(word: word) {
                app.show("Unknown filter '\(word)'; try overdue, open, all, escalated, closed, critical, high, medium, low, clear.", style: .error)
                return
            }
            app.queue.filter = filter
            app.queue.refilter(app: app)
            while app.stack.count > 1 { app.stack.removeLast() }
            app.show("Filter: \(filter.summary(taxonomy: app.desk.taxonomy)) — \(app.queue.visible.count) case(s).")
        default:
            if let id = CaseID(text) {
                open(id, app: app)
            } else {
                app.show("Unknown command ':\(text)' — try :help.", style: .error)
            }
        }
    }

    private static func open(_ id: CaseID, app: DeskApp) {
        app.queue.select(id, app: app)
        app.openCase(id)
    }
}
