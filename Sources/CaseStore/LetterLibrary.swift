import CaseCore
import Foundation

/// The organisation's letter templates, `Data/letters/KIND.LANG.md`. Adding a language is adding a file.
public struct LetterLibrary: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The languages a kind of letter exists in, e.g. `["en", "fr"]`.
    public func languages(for kind: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.compactMap { name -> String? in
            let parts = name.split(separator: ".")
            guard parts.count == 3, parts[0] == kind, parts[2] == "md" else { return nil }
            return String(parts[1])
        }.sorted()
    }

    /// Loads and checks a template; errors name the file and the placeholder at fault.
    public func template(_ kind: String, language: String) throws -> LetterTemplate {
        let url = directory.appendingPathComponent("\(kind).\(language).md")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let known = languages(for: kind)
            throw ConfigurationError.malformed(
                file: "letters/\(kind).\(language).md",
                detail: "there is no such template" + (known.isEmpty ? "" : "; available languages: " + known.joined(separator: ", ")))
        }
        return try LetterTemplate(kind: kind, language: language, text: String(decoding: data, as: UTF8.self))
    }
}
