import CaseCore
import CaseStore
import Foundation

/// The acknowledgement letter from the detail (`L`): language, format, path; then whether it was sent. It goes through
/// ``CaseDesk`` exactly as the `letter` command does, and the file is written with ``PrivateFile`` (mode 0600, atomic)
/// at a path typed at a prompt prefilled with a name under `~` (``TypedPath``).
enum LetterDialog {
    static let letterKind = "acknowledgement"

    /// The written confirmation of receipt: language, format, path; then whether it was sent, which meets
    /// the acknowledgement deadline.
    static func start(_ detail: DetailScreen, app: DeskApp) {
        let id = detail.view.item.id
        guard let letters = app.letters else {
            app.show("No letter templates were found (the Data/letters folder); no letter can be written.", style: .error)
            return
        }
        let languages = letters.languages(for: letterKind)
        guard !languages.isEmpty else {
            app.show("There is no acknowledgement template in \(letters.directory.path).", style: .error)
            return
        }
        app.present(Chooser(title: "Acknowledgement letter for \(id): language", options: languages.map(languageLabel)) { app, index, _ in
            let language = languages[index]
            let formats = ["Markdown (.md)", "HTML, printable (.html)"]
            app.present(Chooser(title: "Acknowledgement letter for \(id): format", options: formats) { app, choice, _ in
                let html = choice == 1
                let initial = "~/\(id)-\(letterKind)-\(language).\(html ? "html" : "md")"
                app.present(TextPrompt(title: "Acknowledgement letter for \(id) (\(language))",
                                       label: "Write to (the file is readable by you only):", initial: initial) { app, typed in
                    TypedPath.writeAsking(typed, app: app) { path in
                        let template = try letters.template(letterKind, language: language)
                        let text = try app.desk.acknowledgementLetter(id, template: template, html: html)
                        try PrivateFile.write(Data(text.utf8), to: path)
                        askMarkSent(detail, language: language, path: path, app: app)
                    }
                })
                return nil
            })
            return nil
        })
    }

    static func askMarkSent(_ detail: DetailScreen, language: String, path: String, app: DeskApp) {
        let id = detail.view.item.id
        let path = TypedPath.shown(path, home: app.homeDirectory)
        app.show("Letter written to \(path).", style: .success)
        app.present(Confirmation("Mark the letter as sent?", onNo: { app in
            app.show("Letter written to \(path); not marked as sent.", style: .success)
        }) { app in
            do {
                let view = try app.desk.markAcknowledgementSent(id, language: language)
                detail.update(view, app: app)
                app.show("Letter written to \(path) and marked as sent: the acknowledgement deadline of \(id) is met.", style: .success)
            } catch {
                app.show(error: error)
            }
        })
    }

    /// "en — English".
    static func languageLabel(_ code: String) -> String {
        guard let name = Locale(identifier: "en").localizedString(forLanguageCode: code), name.lowercased() != code.lowercased() else {
            return code
        }
        return "\(code) — \(name)"
    }
}
