import CaseCore
import Foundation

/// The organisation's letter templates, `Data/letters/KIND.LANG.md`, and a person's own of the same names in their
/// configuration folder, which take their place. Adding a language is adding a file.
public struct LetterLibrary: Sendable {
    /// The installed templates.
    public let directory: URL
    /// The person's own templates (`$XDG_CONFIG_HOME/confidant/letters`), if any.
    public let overrides: URL?

    public init(directory: URL, overrides: URL? = nil) {
        self.directory = directory
        self.overrides = overrides
    }

    /// The languages a kind of letter exists in, e.g. `["en", "fr"]`.
    public func languages(for kind: String) -> [String] {
        Set(([overrides, directory].compactMap { $0 }).flatMap { folder -> [String] in
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.compactMap { name -> String? in
                let parts = name.split(separator: ".")
                guard parts.count == 3, parts[0] == kind, parts[2] == "md" else { return nil }
                return String(parts[1])
            }
        }).sorted()
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
                detail: "there is no such template" + (known.isEmpty ? "" : "; available languages: " + known.joined(separator: ", ")))
        }
        // An error in the person's own template names its whole path (the installed ones are letters/NAME).
        let personal = overrides.map { url.path.hasPrefix($0.path + "/") } ?? false
        do {
            return try LetterTemplate(kind: kind, language: language, text: String(decoding: data, as: UTF8.self))
        } catch let ConfigurationError.invalid(_, detail) where personal {
            throw ConfigurationError.invalid(file: url.path, detail: detail)
        } catch let ConfigurationError.malformed(_, detail) where personal {
            throw ConfigurationError.malformed(file: url.path, detail: detail)
        }
    }
}
