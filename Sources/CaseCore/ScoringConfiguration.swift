import Foundation

/// Everything the triage score reads from `Data/scoring.json`: descriptors, weights, bands, boosters, overrides.
public struct ScoringConfiguration: Equatable, Sendable, Decodable {
    public struct FactorSpec: Equatable, Sendable, Decodable {
        public var id: Factor
        public var name: String
        public var weight: Double
        /// Five anchored descriptors, for ratings 0 to 4.
        public var descriptors: [String]
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

    /// Decodes and checks a configuration: every factor once, five descriptors each, positive weights, ordered bands.
    public static func load(from data: Data) throws -> ScoringConfiguration {
        let config: ScoringConfiguration
        do {
            config = try JSONDecoder().decode(ScoringConfiguration.self, from: data)
        } catch {
            throw ConfigurationError.malformed(file: "scoring.json", detail: ConfigurationError.describe(error))
        }
        try config.validate()
        return config
    }

    public func validate() throws {
        let ids = factors.map(\.id)
        guard Set(ids) == Set(Factor.allCases), ids.count == Factor.allCases.count else {
            throw ConfigurationError.invalid(file: "scoring.json", detail: "it must list each of the five factors exactly once")
        }
        for spec in factors {
            guard spec.descriptors.count == 5 else {
                throw ConfigurationError.invalid(file: "scoring.json", detail: "factor \(spec.id.rawValue) needs five descriptors (0–4)")
            }
            guard spec.weight > 0 else {
                throw ConfigurationError.invalid(file: "scoring.json", detail: "factor \(spec.id.rawValue) needs a positive weight")
            }
        }
        guard bands.critical > bands.high, bands.high > bands.medium, bands.medium > 0 else {
            throw ConfigurationError.invalid(file: "scoring.json", detail: "band thresholds must fall critical > high > medium > 0")
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
                    detail: "overrides[\(index)] (\(rule.id)) names the category '\(category)' in when.category, which taxonomy.json does not list")
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
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(file: String, detail: String)
    case invalid(file: String, detail: String)

    public var description: String {
        switch self {
        case let .malformed(file, detail): "The configuration file \(file) could not be read: \(detail)."
        case let .invalid(file, detail): "The configuration file \(file) is not valid: \(detail)."
        }
    }

    /// A readable account of a decoding error: what is wrong and where.
    public static func describe(_ error: Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch decoding {
        case let .keyNotFound(key, ctx): return "'\(key.stringValue)' is missing at \(path(ctx.codingPath))"
        case let .typeMismatch(_, ctx): return "\(path(ctx.codingPath)) has the wrong type (\(ctx.debugDescription))"
        case let .valueNotFound(_, ctx): return "\(path(ctx.codingPath)) is empty"
        case let .dataCorrupted(ctx):
            if let underlying = ctx.underlyingError as? CaseError { return "\(path(ctx.codingPath)): \(underlying.description)" }
            return ctx.codingPath.isEmpty ? "it is not valid JSON" : "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
