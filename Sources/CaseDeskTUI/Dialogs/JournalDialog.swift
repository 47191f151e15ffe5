import CaseCore
import CaseStore

/// Adding a journal entry: the kinds a counselor writes by hand (``JournalEntry/Kind/recordable``). A due-process
/// entry first asks which reported person it concerns.
enum JournalDialog {
    static let kinds = JournalEntry.Kind.recordable

    static func start(_ detail: DetailScreen, app: DeskApp) {
        let item = detail.view.item
        app.present(Chooser(title: "Journal entry for \(item.id)", options: kinds.map(\.label)) { app, index, _ in
            let kind = kinds[index]
            guard kind.isDueProcess else {
                askText(detail, kind: kind, party: nil, app: app)
                return nil
            }
            guard !item.reported.isEmpty else {
                return CaseError.partyOutOfRange(1, count: 0).description
            }
            let people = item.reported.enumerated().map { "\($0.offset + 1). \($0.element.name), \($0.element.role)" }
            app.present(Chooser(title: "\(kind.label): which reported person?", options: people) { app, person, _ in
                askText(detail, kind: kind, party: person + 1, app: app)
                return nil
            })
            return nil
        })
    }

    /// The text of the entry; `party` counts from 1.
    static func askText(_ detail: DetailScreen, kind: JournalEntry.Kind, party: Int?, app: DeskApp) {
        let item = detail.view.item
        let about = party.map { " — \(item.reported[$0 - 1].name)" } ?? ""
        app.present(TextPrompt(title: "\(kind.label)\(about) — \(item.id)", label: "Text of the entry:") { app, text in
            do {
                let view = try app.desk.record(item.id, kind, text: text, party: party, readVersion: detail.view.version)
                detail.update(view, app: app)
                detail.scroll = Int.max / 2
                app.show("Journal entry added to \(item.id).", style: .success)
                return nil
            } catch {
                return DeskApp.describe(error)
            }
        })
    }
}
