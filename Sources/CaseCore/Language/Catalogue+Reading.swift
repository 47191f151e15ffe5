import Foundation

/// Reading back a text written in English from a catalogue key, to tell it again in another language with the same
/// values: for words written in English where they are made (ArgumentParser's messages, the audit log's details).
extension Catalogue {
    /// The key among `keys` whose English (`Catalogue.english`, each placeholder standing for any text) reads exactly
    /// as `text`, with the values of its placeholders. The most particular key is tried first: the one with the most
    /// fixed text, so `opened as {role}; key slot re-wrapped…` is tried before `opened as {role}`.
    public static func reading(_ text: String, among keys: [String]) -> (key: String, values: [String: String])? {
        let particularFirst = keys.map { ($0, fixedLength(english[$0])) }.sorted { $0.1 > $1.1 }.map(\.0)
        for key in particularFirst {
            if let values = values(in: text, template: english[key]) { return (key, values) }
        }
        return nil
    }

    /// The values that fill `template`'s placeholders to give `text` exactly, or nil when it does not read so.
    public static func values(in text: String, template: String) -> [String: String]? {
        var pattern = "^", names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.*?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        var values: [String: String] = [:]
        for (index, name) in names.enumerated() {
            values[name] = Range(found.range(at: index + 1), in: text).map { String(text[$0]) } ?? ""
        }
        return values
    }

    /// How much of a template is fixed text, not placeholders.
    static func fixedLength(_ template: String) -> Int {
        placeholders(in: template).reduce(template.count) { $0 - $1.count - 2 }
    }
}
