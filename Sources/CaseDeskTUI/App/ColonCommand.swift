import CaseCore

/// The `:` command line: `:q`, `:open ID` (or just `:ID`), `:code DIGITS`, `:filter WORD`, `:help`.
enum ColonCommand {
    /// The commands as help lists them: the catalogue keys of each command's form and of what it does.
    static let summary: [(String, String)] = [
        ("desk.command.quit", "desk.command.quit.text"),
        ("desk.command.open", "desk.command.open.text"),
        ("desk.command.code", "desk.command.code.text"),
        ("desk.command.filter", "desk.command.filter.text"),
        ("desk.command.help", "desk.command.help.text"),
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
                app.show(app.words["desk.command.open.missing"], style: .error)
                return
            }
            open(id, app: app)
        case "code":
            // The code is the reporter's only key to their case: it is looked up, never shown or kept.
            guard let code = FollowUpCode(argument) else {
                app.show(app.words["desk.command.code.malformed"], style: .error)
                return
            }
            do {
                guard let id = try app.desk.findCase(followUpCode: code) else {
                    app.show(app.words["desk.command.code.no-match"], style: .error)
                    return
                }
                open(id, app: app)
            } catch {
                app.show(error: error)
            }
        case "filter", "f":
            guard !argument.isEmpty else {
                app.show(app.words["desk.command.filter.missing"], style: .error)
                return
            }
            var filter = app.queue.filter
            for word in words.dropFirst() where !filter.apply(word: word) {
                app.show(app.words["desk.command.filter.unknown", values: ["word": word]], style: .error)
                return
            }
            app.queue.filter = filter
            app.queue.refilter(app: app)
            while app.stack.count > 1 { app.stack.removeLast() }
            app.show(app.words.count("desk.command.filter.done", app.queue.visible.count,
                                     ["filter": filter.summary(taxonomy: app.desk.taxonomy, words: app.words)]))
        default:
            if let id = CaseID(text) {
                open(id, app: app)
            } else {
                app.show(app.words["desk.command.unknown", values: ["text": text]], style: .error)
            }
        }
    }

    private static func open(_ id: CaseID, app: DeskApp) {
        app.queue.select(id, app: app)
        app.openCase(id)
    }
}
