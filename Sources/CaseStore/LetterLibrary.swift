import CaseCore
import Foundation

/// The organisation's letter templates, `Data/letters/KIND.LANG.md`, and a person's own of the same names in their
/// configuration folder, which take their place. Adding a language is adding a file. A letter in a language is
/// written with that language's catalogue (`Data/lang/LANG.json`: dates, title, direction).
public struct LetterLibrary: Sendable {
    /// The installed templates.
    public let directory: URL
    /// The person's own templates (`$XDG_CONFIG_HOME/confidant/letters`), if any.
    public let overrides: URL?
    /// Where each letter's language is found; without it letters are dated in English.
    public let languages: LanguageLibrary?

    public init(directory: URL, overrides: URL? = nil, languages: LanguageLibrary? = nil) {
        self.directory = directory
        self.overrides = overrides
        self.languages = languages
    }

    /// The languages a kind of letter exists in, the desk's languages first (`["en", "fr", "ar", "es"]`): those
    /// the counselor reads, then those of letters only.
    public func languages(for kind: String) -> [String] {
        let codes = Set([overrides, directory].compactMap { $0 }.flatMap { folder -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.compactMap { name -> String? in
                let parts = name.split(separator: ".")
                guard parts.count == 3, parts[0] == kind, parts[2] == "md" else { return nil }
                return String(parts[1])
            }
        })
        let lettersOnly = Set(codes.filter { code in (try? languages?.catalogue(code))?.speaksDesk == false })
        return codes.sorted { (lettersOnly.contains($0) ? 1 : 0, $0) < (lettersOnly.contains($1) ? 1 : 0, $1) }
    }

    /// The file a template is read from: the person's own when there is one, else the installed one (nil: neither).
    public func file(_ kind: String, language: String) -> URL? {
        [overrides, directory].compactMap { $0?.appendingPathComponent("\(kind).\(language).md") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Loads and checks a template; errors name the file and the placeholder at fault.
    public func template(_ kind: String, language: String) throws -> LetterTemplate {
        guard let url = file(kind, language: language), let data = FileManager.default.contents(atPath: url.path) else {
            let known = languages(for: kind)
            throw ConfigurationError.malformed(
                file: "letters/\(kind).\(language).md",
                detail: known.isEmpty ? .key("config.letter.no-template")
                    : .key("config.letter.no-template-languages", ["languages": .text(known.joined(separator: ", "))]))
        }
        let catalogue = try languages.map { try $0.catalogue(language) } ?? .english
        // An error in the person's own template names its whole path (the installed ones are letters/NAME).
        let personal = overrides.map { url.path.hasPrefix($0.path + "/") } ?? false
        do {
            return try LetterTemplate(kind: kind, language: language, text: String(decoding: data, as: UTF8.self), catalogue: catalogue)
        } catch let ConfigurationError.invalid(_, detail) where personal {
            throw ConfigurationError.invalid(file: url.path, detail: detail)
        } catch let ConfigurationError.malformed(_, detail) where personal {
            throw ConfigurationError.malformed(file: url.path, detail: detail)
        }
    }
}
