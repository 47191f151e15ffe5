import CaseCore
import CaseStore
import Foundation

/// The case export from the detail (`x`): format, then (for a counselor) the audience, then the path. It goes through
/// ``CaseDesk`` exactly as the `export` command does, and the file is written with ``PrivateFile`` (mode 0600, atomic)
/// at a path typed at a prompt prefilled with a name under `~` (``TypedPath``).
enum ExportDialog {
    /// The formats offered, in the order of the list.
    static let formats: [CaseExportFormat] = [.markdown, .html, .json]

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

    /// Export: format, then (for a counselor) the audience, then the path. A supervisor always gets the
    /// supervisor's version.
    static func start(_ detail: DetailScreen, app: DeskApp) {
        let id = detail.view.item.id
        app.present(Chooser(title: "Export \(id) as", options: formats.map(formatLabel)) { app, index, _ in
            let format = formats[index]
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
            TypedPath.writeAsking(typed, app: app) { path in
                let doc = try app.desk.exportDocument(id, for: audience)
                let text = format.render(doc, taxonomy: app.desk.taxonomy, generatedAt: app.desk.clock())
                try PrivateFile.write(Data(text.utf8), to: path)
                try app.desk.recordExport(id, format: format, audience: audience, toFile: true)
                app.show("Exported to \(TypedPath.shown(path, home: app.homeDirectory))", style: .success)
            }
        })
    }
}
