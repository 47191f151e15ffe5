import CaseCore
import CaseStore

/// Adding a journal entry: the kinds a counselor writes by hand (``JournalEntry/Kind/recordable``). A due-process
/// entry first asks which reported person it concerns.
enum JournalDialog {
    static let kinds = JournalEntry.Kind.recordable

    static func start(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        app.present(Chooser(title: words["desk.journal.choose", values: ["id": item.id.description]], options: kinds.map(words.label)) { app, index, _ in
            let kind = kinds[index]
            guard kind.isDueProcess else {
                askText(detail, kind: kind, party: nil, app: app)
                return nil
            }
            guard !item.reported.isEmpty else {
                return app.describe(CaseError.partyOutOfRange(1, count: 0))
            }
            let people = item.reported.enumerated().map { "\($0.offset + 1). \($0.element.name), \($0.element.role)" }
            app.present(Chooser(title: words["desk.journal.which-person", values: ["kind": words.label(kind)]], options: people) { app, person, _ in
                askText(detail, kind: kind, party: person + 1, app: app)
                return nil
            })
            return nil
        })
    }

    /// The text of the entry; `party` counts from 1.
    static func askText(_ detail: DetailScreen, kind: JournalEntry.Kind, party: Int?, app: DeskApp) {
        let item = detail.view.item
        let words = app.words
        let about = party.map { " — \(item.reported[$0 - 1].name)" } ?? ""
        app.present(TextPrompt(title: "\(words.label(kind))\(about) — \(item.id)", label: words["desk.journal.text"]) { app, text in
            do {
                let view = try app.desk.record(item.id, kind, text: text, party: party, readVersion: detail.view.version)
                detail.update(view, app: app)
                detail.scroll = Int.max / 2
                app.show(words["desk.journal.added", values: ["id": item.id.description]], style: .success)
                return nil
            } catch {
                return app.describe(error)
            }
        })
    }
}
