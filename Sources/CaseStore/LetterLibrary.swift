import CaseCore
import Foundation

/// The organisation's letter templates, `Data/letters/KIND.LANG.md`. Adding a language is adding a file.
/// A letter in a language is written with that language's catalogue (`Data/lang/LANG.json`: dates, title, direction).
public struct LetterLibrary: Sendable {
    public let directory: URL
    /// Where each letter's language is found; without it letters are dated in English.
    public let languages: LanguageLibrary?

    public init(directory: URL, languages: LanguageLibrary? = nil) {
        self.directory = directory
        self.languages = languages
    }

    /// The languages a kind of letter exists in, the desk's languages first (`["en", "fr", "ar", "es"]`): those
    /// the counselor reads, then those of letters only.
    public func languages(for kind: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let codes = files.compactMap { name -> String? in
            let parts = name.split(separator: ".")
            guard parts.count == 3, parts[0] == kind, parts[2] == "md" else { return nil }
            return String(parts[1])
        }
        let lettersOnly = Set(codes.filter { code in (try? languages?.catalogue(code))?.speaksDesk == false })
        return codes.sorted { (lettersOnly.contains($0) ? 1 : 0, $0) < (lettersOnly.contains($1) ? 1 : 0, $1) }
    }

    /// Loads and checks a template; errors name the file and the placeholder at fault.
    public func template(_ kind: String, language: String) throws -> LetterTemplate {
        let url = directory.appendingPathComponent("\(kind).\(language).md")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let known = languages(for: kind)
            throw ConfigurationError.malformed(
                file: "letters/\(kind).\(language).md",
                detail: known.isEmpty ? .key("config.letter.no-template")
                    : .key("config.letter.no-template-languages", ["languages": .text(known.joined(separator: ", "))]))
        }
        let catalogue = try languages.map { try $0.catalogue(language) } ?? .english
        return try LetterTemplate(kind: kind, language: language, text: String(decoding: data, as: UTF8.self), catalogue: catalogue)
    }
}
