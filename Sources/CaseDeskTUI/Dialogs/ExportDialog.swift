import CaseCore
import CaseStore
import Foundation

/// Files written from the case detail: the case export (`x`) and the acknowledgement letter (`L`). Both go
/// through ``CaseDesk`` exactly as the `export` and `letter` commands do, and are written with
/// ``PrivateFile`` (mode 0600, atomic). Paths are typed at a prompt prefilled with a name under `~`.
enum CaseFiles {
    /// The formats offered, in the order of the list.
    static let exportFormats: [CaseExportFormat] = [.markdown, .html, .json]

    static func formatLabel(_ format: CaseExportFormat) -> String {
        switch format {
        case .markdown: "Markdown (.md)"
        case .html: "HTML, self-contained and printable (.html)"
        case .json: "JSON (.json)"
        }
    }

    static func audienceLabel(_ audience: Audience) -> String {
        switch audience {
        case .counselor: "Counselor: everything"
        case .supervisor: "Supervisor: pseudonym unless consent, no contact or support"
        }
    }

    /// A path as typed, made absolute: `~` and `~/…` are the home folder, a relative path is taken from the
    /// current folder.
    static func expand(_ typed: String, home: String) -> String {
        let text = typed.trimmingCharacters(in: .whitespaces)
        var path = text
        if text == "~" {
            path = home
        } else if text.hasPrefix("~/") {
            path = (home as NSString).appendingPathComponent(String(text.dropFirst(2)))
        } else if !text.hasPrefix("/") {
            path = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(text)
        }
        return (path as NSString).standardizingPath
    }

    /// A path as shown in messages: under the home folder it starts with `~`, so it fits the message line.
    static func shown(_ path: String, home: String) -> String {
        let base = (home as NSString).standardizingPath
        guard base.count > 1, path.hasPrefix(base + "/") else { return path }
        return "~" + path.dropFirst(base.count)
    }

    // MARK: Export

    /// Export: format, then (for a counselor) the audience, then the path. A supervisor always gets the
    /// supervisor's version.
    static func export(_ detail: DetailScreen, app: DeskApp) {
        let id = detail.view.item.id
        app.present(Chooser(title: "Export \(id) as", options: exportFormats.map(formatLabel)) { app, index, _ in
            let format = exportFormats[index]
            guard app.isCounselor else {
                askExportPath(id, format: format, audience: .supervisor, app: app)
                return nil
            }
            let audiences: [Audience] = [.counselor, .supervisor]
            app.present(Chooser(title: "Export \(id) for", options: audiences.map(audienceLabel)) { app, choice, _ in
                askExportPath(id, format: format, audience: audiences[choice], app: app)
                return nil
            })
            return nil
        })
    }

    static func askExportPath(_ id: CaseID, format: CaseExportFormat, audience: Audience, app: DeskApp) {
        let initial = "~/\(id)-\(audience.rawValue).\(format.fileExtension)"
        app.present(TextPrompt(title: "Export \(id): \(format.rawValue), \(audience.rawValue)'s version",
                               label: "Write to (the file is readable by you only):", initial: initial) { app, typed in
            writeAsking(typed, app: app) { path in
                let doc = try app.desk.exportDocument(id, for: audience)
                let text = format.render(doc, taxonomy: app.desk.taxonomy, generatedAt: app.desk.clock())
                try PrivateFile.write(Data(text.utf8), to: path)
                try app.desk.recordExport(id, format: format, audience: audience, toFile: true)
                app.show("Exported to \(shown(path, home: app.homeDirectory))", style: .success)
            }
        })
    }

    /// Expands the typed path and writes with `write`, asking first when a file is already there. Returns an
    /// error sentence to keep the prompt open, or nil.
    static func writeAsking(_ typed: String, app: DeskApp, _ write: @escaping (String) throws -> Void) -> String? {
        guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { return "Give a file name to write to." }
        let path = expand(typed, home: app.homeDirectory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "\(path) is a folder; give a file name to write to." }
            app.present(Confirmation("\(shown(path, home: app.homeDirectory)) exists. Replace it?", onNo: { app in app.show("Nothing was written.") }) { app in
                do { try write(path) } catch { app.show(error: error) }
            })
            return nil
        }
        do {
            try write(path)
            return nil
        } catch {
            return DeskApp.describe(error)
        }
    }

    // MARK: Letter

    static let letterKind = "acknowledgement"

    /// The written confirmation of receipt: language, format, path; then whether it was sent, which meets
    /// the acknowledgement deadline.
    static func letter(_ detail: DetailScreen, app: DeskApp) {
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
                    writeAsking(typed, app: app) { path in
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
        let path = shown(path, home: app.homeDirectory)
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
