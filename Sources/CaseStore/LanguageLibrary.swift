import CaseCore
import Foundation

/// The catalogues in `Data/lang/LANG.json`, one file per language. Adding a language is adding its file (and, for
/// reporters, its letters in `Data/letters`).
public struct LanguageLibrary: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// The language codes that have a catalogue, e.g. `["ar", "en", "es", "fr"]`.
    public var codes: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The catalogue of `code`, falling back to English (the organisation's `en.json`, else Confidant's own).
    public func catalogue(_ code: String) throws -> Catalogue {
        let english = try englishCatalogue()
        if code == "en" { return english }
        let url = directory.appendingPathComponent("\(code).json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError.malformed(file: "lang/\(code).json", detail: .key("config.no-file", ["path": .text(url.path)]))
        }
        return try Catalogue.parse(data, language: code, fallback: english)
    }

    /// Every catalogue, by code.
    public func all() throws -> [String: Catalogue] {
        var result: [String: Catalogue] = [:]
        for code in codes { result[code] = try catalogue(code) }
        if result["en"] == nil { result["en"] = .english }
        return result
    }

    func englishCatalogue() throws -> Catalogue {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("en.json").path) else { return .english }
        return try Catalogue.parse(data, language: "en", fallback: .english)
    }
}
