import Foundation

/// A phrase kept for later, as JSON: text as a JSON string, a key as `{"key": …, "values": {…}}`, a list as
/// `{"list": […], "joiner": …}`, a clause as `{"clause": …}`. The journal stores the entries Confidant writes so, and
/// puts them into words when they are read, in the reader's language.
extension Phrase: Codable {
    enum CodingKeys: String, CodingKey { case key, values, list, joiner, clause }

    public init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self = .text(text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let key = try c.decodeIfPresent(String.self, forKey: .key) {
            self = .key(key, try c.decodeIfPresent([String: Phrase].self, forKey: .values) ?? [:])
        } else if let items = try c.decodeIfPresent([Phrase].self, forKey: .list) {
            self = .list(items, joiner: try c.decodeIfPresent(String.self, forKey: .joiner) ?? "list.and")
        } else {
            self = .clause(try c.decode(Phrase.self, forKey: .clause))
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .text(text):
            var c = encoder.singleValueContainer()
            try c.encode(text)
        case let .key(key, values):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            if !values.isEmpty { try c.encode(values, forKey: .values) }
        case let .list(items, joiner):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(items, forKey: .list)
            if joiner != "list.and" { try c.encode(joiner, forKey: .joiner) }
        case let .clause(sentence):
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sentence, forKey: .clause)
        }
    }

    /// The same phrase with every text shown as it is passed through `change` (keys and joiners kept): how a
    /// supervisor's copy takes names out of what people typed.
    public func mappingTexts(_ change: (String) -> String) -> Phrase {
        switch self {
        case let .text(text): .text(change(text))
        case let .key(key, values): .key(key, values.mapValues { $0.mappingTexts(change) })
        case let .list(items, joiner): .list(items.map { $0.mappingTexts(change) }, joiner: joiner)
        case let .clause(sentence): .clause(sentence.mappingTexts(change))
        }
    }

    /// Every catalogue key the phrase uses.
    public var keys: Set<String> {
        switch self {
        case .text: []
        case let .key(key, values): values.values.reduce(into: [key]) { $0.formUnion($1.keys) }
        case let .list(items, joiner): items.reduce(into: [joiner]) { $0.formUnion($1.keys) }
        case let .clause(sentence): sentence.keys
        }
    }
}
