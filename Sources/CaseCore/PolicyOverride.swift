import Foundation

/// A setting of the policy in force: its key (`firstContact.criticalHours`), its value as JSON text (or, for a default
/// that is not a value, words for it), and the file that set it (nil: Confidant's own default).
public struct PolicySetting: Equatable, Sendable {
    public var key: String
    public var value: Phrase
    public var file: String?

    public init(key: String, value: Phrase, file: String?) {
        self.key = key
        self.value = value
        self.file = file
    }
}

/// A person's own `policy.json` laid over the organisation's installed one: objects are merged key by key, any other
/// value replaced. Every key and value of the person's file is checked first, and an error names that file, the key
/// and the problem.
public enum PolicyOverride {
    /// The policy of `base` with `override` merged over it, and where each setting in force came from.
    public static func load(base: Data, baseFile: String, override: Data?, overrideFile: String) throws
        -> (policy: Policy, settings: [PolicySetting])
    {
        // The installed file is checked as it always was; its errors name policy.json.
        let installed = try Policy.load(from: base)
        var merged: [String: JSONValue] = [:]
        if case let .object(tree)? = try? JSONDecoder().decode(JSONValue.self, from: base) { merged = tree }
        var sources: [String: String] = [:]
        record(merged, prefix: "", file: baseFile, into: &sources)
        guard let override else { return (installed, settings(merged, schema: schema, prefix: "", sources: sources)) }
        let tree: [String: JSONValue]
        switch try? JSONDecoder().decode(JSONValue.self, from: override) {
        case let .object(object)?: tree = object
        case nil: throw ConfigurationError.malformed(file: overrideFile, detail: .key("config.decoding.not-json"))
        case _?: throw ConfigurationError.invalid(file: overrideFile, detail: .key("config.policy.not-object"))
        }
        try check(tree, against: schema, path: "", file: overrideFile)
        merged = merge(tree, into: merged)
        record(tree, prefix: "", file: overrideFile, into: &sources)
        let policy = try Policy.load(from: try JSONEncoder().encode(JSONValue.object(merged)))
        return (policy, settings(merged, schema: schema, prefix: "", sources: sources))
    }

    /// The installed policy with the person's own merged over it, as JSON (both already checked by ``load``).
    public static func merged(base: Data, override: Data?) -> Data {
        guard case let .object(tree)? = try? JSONDecoder().decode(JSONValue.self, from: base) else { return base }
        guard let override, case let .object(mine)? = try? JSONDecoder().decode(JSONValue.self, from: override) else { return base }
        return Data(JSONValue.object(merge(mine, into: tree)).text.utf8)
    }

    // MARK: What a policy file may hold

    indirect enum Kind {
        case text, texts
        /// A list of texts, or lists of texts by language (`{"en": [...], "fr": [...]}`).
        case textsByLanguage
        /// A whole number greater than 0 (a period).
        case period
        /// A whole number, 0 or more.
        case count
        case object([(String, Kind)])
        /// An object of counts under the names given (an outcome's retention days).
        case counts([String])
    }

    /// The settings in their order in the installed file, with the default of those that may be left out.
    static let schema: [(String, Kind)] = [
        ("organisationName", .text),
        ("acknowledgeWithinDays", .period),
        ("firstContact", .object([("criticalHours", .period), ("highHours", .period), ("otherHours", .period)])),
        ("followUpEveryDays", .period),
        ("feedbackWithinMonths", .period),
        ("complaintWindowMonths", .period),
        ("dueSoonHours", .count),
        ("idleLockMinutes", .count),
        ("tellReporterWithinDays", .period),
        ("actOnReviewWithinDays", .period),
        ("urgentSafetyContacts", .textsByLanguage),
        ("retention", .object([("closedCaseDays", .period), ("byOutcomeDays", .counts(Outcome.allCases.map(\.rawValue)))])),
        ("language", .text),
    ]

    /// What a setting left out of every file is (the rest have no default and must be in the installed file).
    static let defaults: [String: Phrase] = [
        "organisationName": .key("config.default.organisation-name"), "tellReporterWithinDays": "2",
        "actOnReviewWithinDays": "2", "urgentSafetyContacts": "[]", "language": .key("config.default.language"),
    ]

    static func check(_ object: [String: JSONValue], against kinds: [(String, Kind)], path: String, file: String) throws {
        let known = Dictionary(uniqueKeysWithValues: kinds)
        for key in object.keys.sorted() {
            let value = object[key]!
            let name = path + key
            guard let kind = known[key] else {
                let suggestion = StrictJSON.nearest(key, in: Set(known.keys)).map { path + $0 }
                throw ConfigurationError.invalid(file: file, detail: suggestion.map {
                    .key("config.policy.unknown-setting-suggestion", ["name": .text(name), "suggestion": .text($0)])
                } ?? .key("config.policy.unknown-setting", ["name": .text(name)]))
            }
            func refuse(_ expected: String) throws -> Never {
                throw ConfigurationError.invalid(file: file, detail: .key("config.policy.wrong-value", [
                    "name": .text(name), "expected": .key("config.policy.expected." + expected), "value": .text(value.text)]))
            }
            func isTexts(_ items: [JSONValue]) -> Bool { items.allSatisfy { if case .string = $0 { true } else { false } } }
            switch (kind, value) {
            case (.text, .string), (.count, .int(0...)), (.period, .int(1...)): break
            case let (.texts, .array(items)), let (.textsByLanguage, .array(items)): if !isTexts(items) { try refuse("texts") }
            case let (.textsByLanguage, .object(lists)):
                if !lists.values.allSatisfy({ if case let .array(items) = $0 { isTexts(items) } else { false } }) { try refuse("texts-by-language") }
            case let (.object(inner), .object(nested)): try check(nested, against: inner, path: name + ".", file: file)
            case let (.counts(names), .object(nested)): try check(nested, against: names.map { ($0, .count) }, path: name + ".", file: file)
            case (.text, _): try refuse("text")
            case (.texts, _): try refuse("texts")
            case (.textsByLanguage, _): try refuse("texts-by-language")
            case (.period, _): try refuse("period")
            case (.count, _): try refuse("count")
            case (.object, _), (.counts, _): try refuse("object")
            }
        }
    }

    static func merge(_ top: [String: JSONValue], into base: [String: JSONValue]) -> [String: JSONValue] {
        var result = base
        for (key, value) in top {
            if case let .object(inner) = value, case let .object(under)? = base[key] {
                result[key] = .object(merge(inner, into: under))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// Notes `file` as the source of every setting `tree` holds (objects' members one by one).
    static func record(_ tree: [String: JSONValue], prefix: String, file: String, into sources: inout [String: String]) {
        for (key, value) in tree {
            if case let .object(inner) = value { record(inner, prefix: prefix + key + ".", file: file, into: &sources) }
            sources[prefix + key] = file
        }
    }

    static func settings(_ tree: [String: JSONValue], schema: [(String, Kind)], prefix: String, sources: [String: String])
        -> [PolicySetting]
    {
        var result: [PolicySetting] = []
        for (key, kind) in schema {
            let name = prefix + key
            switch (kind, tree[key]) {
            case let (.object(inner), .object(nested)?):
                result += settings(nested, schema: inner, prefix: name + ".", sources: sources)
            case let (.counts(names), .object(nested)?):
                result += settings(nested, schema: names.map { ($0, .count) } + nested.keys.filter { !names.contains($0) }.sorted().map { ($0, .count) },
                                   prefix: name + ".", sources: sources)
            case let (.texts, .array(items)?) where !items.isEmpty, let (.textsByLanguage, .array(items)?) where !items.isEmpty:
                for (index, item) in items.enumerated() {
                    result.append(PolicySetting(key: "\(name)[\(index + 1)]", value: .text(item.text), file: sources[name]))
                }
            case let (.textsByLanguage, .object(lists)?):
                for language in lists.keys.sorted() {
                    guard case let .array(items)? = lists[language] else { continue }
                    for (index, item) in items.enumerated() {
                        result.append(PolicySetting(key: "\(name).\(language)[\(index + 1)]", value: .text(item.text),
                                                    file: sources[name + "." + language]))
                    }
                }
            case let (_, value?):
                result.append(PolicySetting(key: name, value: .text(value.text), file: sources[name]))
            case (_, nil):
                if let fallback = defaults[name] { result.append(PolicySetting(key: name, value: fallback, file: nil)) }
            }
        }
        return result
    }
}

/// Any JSON value, with numbers kept apart from booleans (a count given as `true` is refused, not read as 1).
enum JSONValue: Codable, Equatable {
    case null, bool(Bool), int(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// Compact JSON text, keys sorted.
    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
    }
}
