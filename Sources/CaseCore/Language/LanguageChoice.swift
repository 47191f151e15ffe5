import Foundation

/// Which language the desk speaks: `--lang`, else the organisation's `language` in policy.json, else the
/// environment (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them), else English.
///
/// A language asked for by name (`--lang`, policy.json) must exist and speak the desk; one that only the
/// environment suggests falls back to English without a word, as programs do for a locale they lack.
public struct LanguageChoice: Equatable, Sendable {
    /// `--lang`, when given.
    public var option: String?
    /// The process's environment.
    public var environment: [String: String]

    public init(option: String? = nil, environment: [String: String] = [:]) {
        self.option = option
        self.environment = environment
    }

    /// English, whatever the environment says (tests, tools).
    public static let english = LanguageChoice(option: "en")

    /// The language code a locale name gives: `fr_FR.UTF-8` → `fr`, `pt-BR` → `pt`; nil for `C` and `POSIX`.
    public static func code(ofLocale locale: String) -> String? {
        let code = locale.prefix { $0.isLetter }.lowercased()
        guard !code.isEmpty, code != "c", code != "posix" else { return nil }
        return code
    }

    /// The desk's language among `available`, where each language maps to its catalogue (for its name and scope).
    public func deskLanguage(configured: String?, available: [String: Catalogue]) throws -> String {
        let desk = available.filter { $0.value.speaksDesk }.keys.sorted()
        func check(_ requested: String, source: String) throws -> String {
            let code = requested.lowercased()
            guard let catalogue = available[code] else {
                throw LanguageError.unknown(code: requested, source: source, available: Self.names(desk, available))
            }
            guard catalogue.speaksDesk else {
                throw LanguageError.lettersOnly(code: code, name: catalogue.name, source: source, available: Self.names(desk, available))
            }
            return code
        }
        if let option { return try check(option, source: "language-source.option") }
        if let configured { return try check(configured, source: "language-source.policy") }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            if let code = Self.code(ofLocale: value), available[code]?.speaksDesk == true { return code }
            return "en"
        }
        return "en"
    }

    /// `en (English), fr (Français)`
    static func names(_ codes: [String], _ available: [String: Catalogue]) -> [String] {
        codes.map { "\($0) (\(available[$0]?.name ?? $0))" }
    }
}

/// A language that was asked for and cannot be used.
public enum LanguageError: PhrasedError, Equatable, Sendable {
    /// No catalogue for the code; `source` is the catalogue key naming where it was asked for.
    case unknown(code: String, source: String, available: [String])
    /// The language has letters only.
    case lettersOnly(code: String, name: String, source: String, available: [String])
    /// A letter of this kind is not written in the language.
    case noLetter(kind: String, code: String, available: [String])

    public var phrase: Phrase {
        switch self {
        case let .unknown(code, source, available):
            .key("error.language.unknown", ["code": .text(code), "source": .key(source), "languages": .list(available.map(Phrase.text))])
        case let .lettersOnly(code, name, source, available):
            .key("error.language.letters-only", ["code": .text(code), "name": .text(name), "source": .key(source),
                                                 "languages": .list(available.map(Phrase.text))])
        case let .noLetter(kind, code, available):
            .key("error.language.no-letter", ["kind": .text(kind), "code": .text(code), "languages": .list(available.map(Phrase.text))])
        }
    }
}
