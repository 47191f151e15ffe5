import Foundation

/// The words of one language: a flat map from keys (`status.new`, `export.section.deadlines`) to texts with named
/// placeholders (`There is no case {id} in this database.`), read from `Data/lang/LANG.json`.
///
/// A translator edits the JSON file, never Swift: adding a language is adding `Data/lang/LANG.json` (and its letters).
/// A key the file lacks falls back to English, so an organisation's partial translation still works; the catalogue
/// tests refuse a shipped language that lacks any key. Three keys describe the language itself:
/// `language.name` (its own name), `language.direction` (`ltr` or `rtl`) and `language.scope` (`desk` for a language
/// the desk, the command line and exports speak; `letters` for one that only letters to reporters are written in).
public struct Catalogue: Sendable, Equatable {
    /// The language code, as in the file name: `en`, `fr`.
    public let language: String
    /// The language's own entries.
    public let entries: [String: String]
    /// Where a missing key is looked up (English); empty for English itself.
    let fallback: [String: String]

    /// A catalogue of `entries`; a key they lack is looked up in `fallback` (English by default, none for English).
    public init(language: String, entries: [String: String], fallback: Catalogue? = .english) {
        self.language = language
        self.entries = entries
        self.fallback = fallback.map { $0.entries.merging($0.fallback) { mine, _ in mine } } ?? [:]
    }

    /// The English built into Confidant, generated from `Data/lang/en.json` (see `scripts/generate-english-catalogue`).
    /// It is what errors describe themselves in, and the fallback of every other catalogue.
    public static let english = Catalogue(language: "en", entries: englishEntries, fallback: nil)

    /// Reads a catalogue file: one JSON object whose values are all strings. Errors name the file.
    public static func parse(_ data: Data, language: String, fallback: Catalogue = .english) throws -> Catalogue {
        let file = "lang/\(language).json"
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError.malformed(file: file, detail: .key("config.decoding.not-json"))
        }
        guard let map = object as? [String: Any] else {
            throw ConfigurationError.malformed(file: file, detail: .key("config.catalogue.object"))
        }
        var entries: [String: String] = [:]
        for (key, value) in map {
            guard let text = value as? String else {
                throw ConfigurationError.malformed(file: file, detail: .key("config.catalogue.value", ["key": .text(key)]))
            }
            entries[key] = text
        }
        return Catalogue(language: language, entries: entries, fallback: fallback)
    }

    /// The text of `key`, from this language, else English, else the key itself (a visible mistake, never a crash).
    public subscript(key: String) -> String {
        entries[key] ?? fallback[key] ?? key
    }

    /// The text of `key` with its `{placeholders}` filled from `values`. Values are placed as they are, never
    /// read again for placeholders.
    public subscript(key: String, values values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// Whether the language's own file has `key` (not its fallback).
    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The language's own name (`Français`).
    public var name: String { self["language.name"] }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu).
    public var isRightToLeft: Bool { entries["language.direction"] == "rtl" }

    /// Whether the desk, the command line and exports speak this language, or only letters are written in it.
    public var speaksDesk: Bool { entries["language.scope"] != "letters" }

    /// `{name}` replaced by `values["name"]` for every name `values` holds; other braces are left as they are.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}",
                  let value = values[String(rest[after..<close])] else {
                out.append("{")
                rest = rest[after...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The names between braces in a text: `{path}` and `{id}` in "There is no case {id} at {path}".
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" {
                let name = rest[after..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) { names.insert(String(name)) }
            }
            rest = rest[after...]
        }
        return names
    }
}

extension Catalogue {
    /// The form of `key` for `count`: `key.one` or `key.other` by the language's plural rule, with `{count}` filled.
    /// French counts 0 and 1 as singular; English and Spanish only 1.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        let singular = language == "fr" ? (count == 0 || count == 1) : count == 1
        var values = values
        values["count"] = String(count)
        return self[key + (singular ? ".one" : ".other"), values: values]
    }

    /// A list in the language's way: "a, b and c" (`list.and`), or "a, b or c" with `list.or`; a joiner may have a
    /// separator of its own (`entry.semicolons.separator`), else items are separated by `list.separator`.
    public func list(_ items: [String], joiner: String = "list.and") -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let separator = self[knows(joiner + ".separator") ? joiner + ".separator" : "list.separator"]
        return self[joiner, values: ["first": items.dropLast().joined(separator: separator), "last": items.last!]]
    }

    /// A number with `digits` decimals as the language writes it: `12.5` in English, `12,5` in French
    /// (`number.decimal-separator`). Files for programs (JSON, CSV) keep the point.
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        let text = String(format: "%.\(digits)f", value)
        let separator = self["number.decimal-separator"]
        return separator == "." ? text : text.replacingOccurrences(of: ".", with: separator)
    }

    /// A percentage as the language writes it: `12.5%`, `12,5 %`.
    public func percent(_ value: Double, digits: Int = 1) -> String {
        self["number.percent", values: ["number": decimal(value, digits: digits)]]
    }

    /// `yes` or `no` in the language.
    public func yesNo(_ value: Bool) -> String { self[value ? "word.yes" : "word.no"] }
}

extension Catalogue {
    /// Whether this language or its fallback has `key`.
    public func knows(_ key: String) -> Bool { entries[key] != nil || fallback[key] != nil }
}

extension Catalogue {
    /// The namespaces a language of letters only must translate: its own description, dates and letters.
    public static let letterNamespaces: Set<String> = ["language", "date", "month", "letter"]

    /// The keys a language with this catalogue's scope must have, out of the English keys.
    public static func requiredKeys(scope speaksDesk: Bool, english: some Collection<String>) -> Set<String> {
        Set(english.filter { speaksDesk || letterNamespaces.contains(String($0.prefix { $0 != "." })) })
    }
}
