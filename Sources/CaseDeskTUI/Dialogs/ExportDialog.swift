import CaseCore
import CaseStore
import Foundation

/// The case export from the detail (`x`): format, then (for a counselor) the audience, then the path. It goes through
/// ``CaseDesk`` exactly as the `export` command does, and the file is written with ``PrivateFile`` (mode 0600, atomic)
/// at a path typed at a prompt prefilled with a name under `~` (``TypedPath``).
enum ExportDialog {
    /// The formats offered, in the order of the list.
    static let formats: [CaseExportFormat] = [.markdown, .html, .json]

    static func formatLabel(_ format: CaseExportFormat, words: Catalogue = .english) -> String {
        words["desk.export.format." + format.rawValue]
    }

    static func audienceLabel(_ audience: Audience, words: Catalogue = .english) -> String {
        words["desk.export.audience." + audience.rawValue]
    }

    /// Export: format, then (for a counselor) the audience, then the path. A supervisor always gets the
    /// supervisor's version.
    static func start(_ detail: DetailScreen, app: DeskApp) {
        let id = detail.view.item.id
        let words = app.words
        app.present(Chooser(title: words["desk.export.choose-format", values: ["id": id.description]],
                            options: formats.map { formatLabel($0, words: words) }) { app, index, _ in
            let format = formats[index]
            guard app.isCounselor else {
                askExportPath(id, format: format, audience: .supervisor, app: app)
                return nil
            }
            let audiences: [Audience] = [.counselor, .supervisor]
            app.present(Chooser(title: words["desk.export.choose-audience", values: ["id": id.description]],
                                options: audiences.map { audienceLabel($0, words: words) }) { app, choice, _ in
                askExportPath(id, format: format, audience: audiences[choice], app: app)
                return nil
            })
            return nil
        })
    }

    static func askExportPath(_ id: CaseID, format: CaseExportFormat, audience: Audience, app: DeskApp) {
        let initial = "~/\(id)-\(audience.rawValue).\(format.fileExtension)"
        let words = app.words
        let title = words["desk.export.title", values: [
            "id": id.description, "format": format.rawValue, "audience": words["desk.export.audience-name." + audience.rawValue]]]
        app.present(TextPrompt(title: title, label: words["desk.file.write-to"], initial: initial) { app, typed in
            TypedPath.writeAsking(typed, app: app) { path in
                let doc = try app.desk.exportDocument(id, for: audience)
                let text = format.render(doc, taxonomy: app.desk.taxonomy, generatedAt: app.desk.clock(), catalogue: words)
                try PrivateFile.write(Data(text.utf8), to: path)
                try app.desk.recordExport(id, format: format, audience: audience, toFile: true)
                app.show(words["desk.export.done", values: ["path": TypedPath.shown(path, home: app.homeDirectory)]], style: .success)
            }
        })
    }
}
