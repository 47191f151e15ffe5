import CaseCore
import CaseStore
import Foundation

/// The acknowledgement letter from the detail (`L`): language, format, path; then whether it was sent. It goes through
/// ``CaseDesk`` exactly as the `letter` command does, and the file is written with ``PrivateFile`` (mode 0600, atomic)
/// at a path typed at a prompt prefilled with a name under `~` (``TypedPath``).
enum LetterDialog {
    static let letterKind = "acknowledgement"

    /// The written confirmation of receipt: language, format, path; then whether it was sent, which meets
    /// the acknowledgement deadline. The language list starts on the case's letter language, else the desk's.
    static func start(_ detail: DetailScreen, app: DeskApp) {
        let id = detail.view.item.id
        let words = app.words
        guard let letters = app.letters else {
            app.show(words["desk.letter.no-templates"], style: .error)
            return
        }
        let languages = letters.languages(for: letterKind)
        guard !languages.isEmpty else {
            app.show(words["desk.letter.no-template", values: ["path": letters.directory.path]], style: .error)
            return
        }
        let reference = ["id": id.description]
        let preferred = detail.view.item.language ?? words.language
        let options = languages.map { languageLabel($0, words: words) }
        app.present(Chooser(title: words["desk.letter.choose-language", values: reference], options: options,
                            selected: languages.firstIndex(of: preferred) ?? 0) { app, index, _ in
            let language = languages[index]
            let formats = [words["desk.letter.format.markdown"], words["desk.letter.format.html"]]
            app.present(Chooser(title: words["desk.letter.choose-format", values: reference], options: formats) { app, choice, _ in
                let html = choice == 1
                let initial = "~/\(id)-\(letterKind)-\(language).\(html ? "html" : "md")"
                app.present(TextPrompt(title: words["desk.letter.title", values: ["id": id.description, "language": language]],
                                       label: words["desk.file.write-to"], initial: initial) { app, typed in
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
        let words = app.words
        let shown = ["path": TypedPath.shown(path, home: app.homeDirectory), "id": id.description]
        app.show(words["desk.letter.written", values: shown], style: .success)
        app.present(Confirmation(words["desk.letter.mark-sent"], onNo: { app in
            app.show(words["desk.letter.not-marked", values: shown], style: .success)
        }) { app in
            do {
                let view = try app.desk.markAcknowledgementSent(id, language: language)
                detail.update(view, app: app)
                app.show(words["desk.letter.marked", values: shown], style: .success)
            } catch {
                app.show(error: error)
            }
        })
    }

    /// "fr — French" in an English desk, "fr — français" in a French one: the code and the language's name in the
    /// desk's language.
    static func languageLabel(_ code: String, words: Catalogue = .english) -> String {
        guard let name = Locale(identifier: words.language).localizedString(forLanguageCode: code),
              name.lowercased() != code.lowercased() else {
            return code
        }
        return "\(code) — \(name)"
    }
}
