import Foundation

/// A file path typed at a prompt (the export and the letter): made absolute, shown short, and written to after asking
/// before a file is replaced.
enum TypedPath {
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

    /// Expands the typed path and writes with `write`, asking first when a file is already there. Returns an
    /// error sentence to keep the prompt open, or nil.
    static func writeAsking(_ typed: String, app: DeskApp, _ write: @escaping (String) throws -> Void) -> String? {
        let words = app.words
        guard !typed.trimmingCharacters(in: .whitespaces).isEmpty else { return words["desk.path.empty"] }
        let path = expand(typed, home: app.homeDirectory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return words["desk.path.folder", values: ["path": path]] }
            let question = words["desk.path.replace", values: ["path": shown(path, home: app.homeDirectory)]]
            app.present(Confirmation(question, onNo: { app in app.show(words["desk.path.nothing-written"]) }) { app in
                do { try write(path) } catch { app.show(error: error) }
            })
            return nil
        }
        do {
            try write(path)
            return nil
        } catch {
            return app.describe(error)
        }
    }
}
