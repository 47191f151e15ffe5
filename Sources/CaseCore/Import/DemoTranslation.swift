import Foundation

/// The demo's texts in another language. `Data/demo-cases.LANG.json` holds, case by case in the order of
/// `demo-cases.json`, only what people wrote: the narrative, the support needs, the reported persons' roles and the
/// journal's texts. Everything else (dates, statuses, factors, categories) comes from `demo-cases.json`, so the
/// demo in every language holds the same cases and ranks them the same.
///
///     {"cases": [{"narrative": "…", "reported": [{"role": "…"}], "journal": [{"text": "…"}, {}]}, …]}
///
/// A list has as many items as the one it translates; `{}` leaves an item as it is.
public enum DemoTranslation {
    /// The keys a translation may hold: the texts and the lists and objects leading to them.
    public static let translatableKeys: Set<String> = ["cases", "narrative", "supportNeeds", "reported", "role", "journal", "text"]

    /// The demo file `base` with the texts of `translation` (the file named `file`) laid over it.
    public static func apply(_ translation: Data, to base: Data, file: String) throws -> Data {
        func object(_ data: Data) throws -> Any {
            do {
                return try JSONSerialization.jsonObject(with: data)
            } catch {
                throw ConfigurationError.malformed(file: file, detail: .key("config.decoding.not-json"))
            }
        }
        let merged = try lay(try object(translation), over: try object(base), at: "", file: file)
        return try JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys])
    }

    static func lay(_ text: Any, over base: Any, at path: String, file: String) throws -> Any {
        func refuse(_ detail: Phrase) -> ConfigurationError { .invalid(file: file, detail: detail) }
        let place: Phrase = path.isEmpty ? .key("config.decoding.top-level") : .text(path)
        switch (text, base) {
        case let (texts as [String: Any], original as [String: Any]):
            var merged = original
            for (key, value) in texts {
                guard translatableKeys.contains(key), let under = original[key] else {
                    throw refuse(.key("config.demo-translation.key", ["key": .text(key), "path": place]))
                }
                merged[key] = try lay(value, over: under, at: path.isEmpty ? key : path + "." + key, file: file)
            }
            return merged
        case let (texts as [Any], original as [Any]):
            guard texts.count == original.count else {
                throw refuse(.key("config.demo-translation.count", [
                    "path": place, "count": .text(String(texts.count)), "expected": .text(String(original.count))]))
            }
            return try zip(texts, original).enumerated().map { index, pair in
                try lay(pair.0, over: pair.1, at: "\(path)[\(index)]", file: file)
            }
        case (is String, is String):
            return text
        default:
            throw refuse(.key("config.demo-translation.type", ["path": place]))
        }
    }
}
