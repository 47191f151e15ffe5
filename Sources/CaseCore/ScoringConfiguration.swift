import Foundation

/// Everything the triage score reads from `Data/scoring.json`: weights, bands, boosters, overrides. The factors' names
/// and anchored descriptors and the overrides' reasons come from the catalogue (`factor.ID`, `factor.ID.0` … `.4`,
/// `override.ID`); the file may still give them (`name`, `descriptors`, `reason`) for a catalogue that lacks them.
public struct ScoringConfiguration: Equatable, Sendable, Decodable {
    public struct FactorSpec: Equatable, Sendable, Decodable {
        public var id: Factor
        public var name: String
        public var weight: Double
        /// Five anchored descriptors, for ratings 0 to 4.
        public var descriptors: [String]

        enum CodingKeys: String, CodingKey { case id, name, weight, descriptors }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(Factor.self, forKey: .id)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? id.rawValue
            weight = try c.decode(Double.self, forKey: .weight)
            descriptors = try c.decodeIfPresent([String].self, forKey: .descriptors) ?? []
        }
    }

    public struct Bands: Equatable, Sendable, Decodable {
        public var critical: Int
        public var high: Int
        public var medium: Int
    }

    public struct Pervasiveness: Equatable, Sendable, Decodable {
        public var pointsPerOtherCase: Int
        public var cap: Int
    }

    /// A floor on the band, with the reason shown to the counselor.
    public struct Override: Equatable, Sendable, Decodable {
        public struct Condition: Equatable, Sendable, Decodable {
            public var factor: Factor?
            public var atLeast: Int?
            public var category: String?
            public var childInvolved: Bool?
        }
        public var id: String
        public var when: Condition
        public var floor: Band
        public var reason: String

        enum CodingKeys: String, CodingKey { case id, when, floor, reason }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            when = try c.decode(Condition.self, forKey: .when)
            floor = try c.decode(Band.self, forKey: .floor)
            reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? id
        }
    }

    public struct SevereOrPervasive: Equatable, Sendable, Decodable {
        /// Severe when any of these factors reaches its threshold.
        public var severeWhen: [String: Int]
        /// Pervasive when any of these factors reaches its threshold (or a pervasiveness line is present).
        public var pervasiveWhen: [String: Int]
    }

    public struct EscalationSuggestion: Equatable, Sendable, Decodable {
        public var bands: [Band]
        public var highWithPowerAtLeast: Int
    }

    public var factors: [FactorSpec]
    public var bands: Bands
    public var pervasiveness: Pervasiveness
    public var overrides: [Override]
    public var severeOrPervasive: SevereOrPervasive
    public var suggestEscalation: EscalationSuggestion

    /// Decodes a configuration, names its factors and overrides in the catalogue's language, and checks it: every
    /// factor once, five descriptors each, positive weights, ordered bands.
    public static func load(from data: Data, catalogue: Catalogue = .english) throws -> ScoringConfiguration {
        let config: ScoringConfiguration
        do {
            config = try JSONDecoder().decode(ScoringConfiguration.self, from: data).named(by: catalogue)
        } catch {
            throw ConfigurationError.malformed(file: "scoring.json", detail: ConfigurationError.describe(error))
        }
        try config.validate()
        return config
    }

    /// The factors' names and descriptors and the overrides' reasons from the catalogue, where it has them.
    public func named(by catalogue: Catalogue) -> ScoringConfiguration {
        var copy = self
        copy.factors = factors.map { spec in
            var spec = spec
            let key = spec.id.labelKey
            if catalogue.knows(key) { spec.name = catalogue[key] }
            if (0...4).allSatisfy({ catalogue.knows("\(key).\($0)") }) { spec.descriptors = (0...4).map { catalogue["\(key).\($0)"] } }
            return spec
        }
        copy.overrides = overrides.map { rule in
            var rule = rule
            if catalogue.knows("override." + rule.id) { rule.reason = catalogue["override." + rule.id] }
            return rule
        }
        return copy
    }

    /// The catalogue keys of the overrides' reasons.
    public var overrideKeys: [String] { overrides.map { "override." + $0.id } }

    public func validate() throws {
        let ids = factors.map(\.id)
        guard Set(ids) == Set(Factor.allCases), ids.count == Factor.allCases.count else {
            throw ConfigurationError.invalid(file: "scoring.json", detail: .key("config.scoring.factors"))
        }
        for spec in factors {
            guard spec.descriptors.count == 5 else {
                throw ConfigurationError.invalid(file: "scoring.json", detail: .key("config.scoring.descriptors", ["factor": .text(spec.id.rawValue)]))
            }
            guard spec.weight > 0 else {
                throw ConfigurationError.invalid(file: "scoring.json", detail: .key("config.scoring.weight", ["factor": .text(spec.id.rawValue)]))
            }
        }
        guard bands.critical > bands.high, bands.high > bands.medium, bands.medium > 0 else {
            throw ConfigurationError.invalid(file: "scoring.json", detail: .key("config.scoring.bands"))
        }
    }

    /// Checks the overrides against the taxonomy in force: an override naming a category that does not exist would
    /// silently never apply (renaming `victimisation` would switch off the retaliation floor).
    public func validate(against taxonomy: Taxonomy) throws {
        for (index, rule) in overrides.enumerated() {
            guard let category = rule.when.category else { continue }
            guard taxonomy.categories.contains(where: { $0.id == category }) else {
                throw ConfigurationError.invalid(
                    file: "scoring.json",
                    detail: .key("config.scoring.override-category",
                                 ["index": .text(String(index)), "id": .text(rule.id), "category": .text(category)]))
            }
        }
    }

    public func spec(_ factor: Factor) -> FactorSpec { factors.first { $0.id == factor }! }
    public func weight(_ factor: Factor) -> Double { spec(factor).weight }
    public func descriptor(_ factor: Factor, _ rating: Int) -> String { spec(factor).descriptors[max(0, min(4, rating))] }

    /// The band a plain score falls in, without overrides.
    public func band(forScore score: Int) -> Band {
        if score >= bands.critical { return .critical }
        if score >= bands.high { return .high }
        if score >= bands.medium { return .medium }
        return .low
    }
}

/// A configuration file that is missing, malformed or inconsistent.
public enum ConfigurationError: PhrasedError, Equatable, Sendable {
    case malformed(file: String, detail: Phrase)
    case invalid(file: String, detail: Phrase)

    public var phrase: Phrase {
        switch self {
        case let .malformed(file, detail): .key("error.config.malformed", ["file": .text(file), "detail": detail])
        case let .invalid(file, detail): .key("error.config.invalid", ["file": .text(file), "detail": detail])
        }
    }

    /// A readable account of a decoding error: what is wrong and where.
    public static func describe(_ error: Error) -> Phrase {
        guard let decoding = error as? DecodingError else { return (error as? PhrasedError)?.phrase ?? .text("\(error)") }
        func path(_ keys: [CodingKey]) -> Phrase {
            keys.isEmpty ? .key("config.decoding.top-level")
                : .text(keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: "."))
        }
        switch decoding {
        case let .keyNotFound(key, ctx): return .key("config.decoding.missing", ["key": .text(key.stringValue), "path": path(ctx.codingPath)])
        case let .typeMismatch(_, ctx):
            return .key("config.decoding.wrong-type", ["path": path(ctx.codingPath), "detail": .text(ctx.debugDescription)])
        case let .valueNotFound(_, ctx): return .key("config.decoding.empty", ["path": path(ctx.codingPath)])
        case let .dataCorrupted(ctx):
            if let underlying = ctx.underlyingError as? CaseError {
                return .key("config.decoding.at", ["path": path(ctx.codingPath), "detail": underlying.phrase])
            }
            return ctx.codingPath.isEmpty ? .key("config.decoding.not-json")
                : .key("config.decoding.at", ["path": path(ctx.codingPath), "detail": .text(ctx.debugDescription)])
        @unknown default: return .text("\(error)")
        }
    }
}
