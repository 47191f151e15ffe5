import Foundation

/// The policy a team works under, as one document: `policy.json` (with a person's own settings merged over it at
/// `init`), `scoring.json` and `taxonomy.json`. A database keeps it, versioned, so every desk opening that database
/// ranks, times and keeps cases alike, whatever files its own machine holds. Each part is kept as canonical JSON (keys
/// sorted, no spaces), so two documents with the same settings are the same text, whoever wrote the files.
public struct TeamPolicy: Equatable, Sendable {
    /// The parts, by the name of the file each comes from.
    public static let files = ["policy.json", "scoring.json", "taxonomy.json"]

    /// Canonical JSON of each part, by file name (every name of ``files``).
    public private(set) var parts: [String: String]

    /// Checks every part as the desk reads it (each error names its file, the key and the problem) and keeps it as
    /// canonical JSON. A setting `policy.json` does not know is refused with the nearest one it does.
    public init(policy: Data, scoring: Data, taxonomy: Data) throws {
        let trees = try [("policy.json", policy), ("scoring.json", scoring), ("taxonomy.json", taxonomy)].map { file, data in
            guard let tree = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                throw ConfigurationError.malformed(file: file, detail: .key("config.decoding.not-json"))
            }
            return (file, tree)
        }
        if case let .object(settings) = trees[0].1 {
            try PolicyOverride.check(settings, against: PolicyOverride.schema, path: "", file: "policy.json")
        }
        parts = Dictionary(uniqueKeysWithValues: trees.map { ($0.0, $0.1.text) })
        _ = try configuration(catalogue: .english)
    }

    /// A document as a database keeps it (``canonicalJSON``), checked again.
    public init(canonicalJSON text: String) throws {
        guard case let .object(tree)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
              Set(tree.keys) == Set(Self.files) else {
            throw ConfigurationError.malformed(file: "policy", detail: .key("config.decoding.not-json"))
        }
        try self.init(policy: Data(tree["policy.json"]!.text.utf8), scoring: Data(tree["scoring.json"]!.text.utf8),
                      taxonomy: Data(tree["taxonomy.json"]!.text.utf8))
    }

    /// The whole document as one canonical JSON text: `{"policy.json":…,"scoring.json":…,"taxonomy.json":…}`.
    public var canonicalJSON: String {
        "{" + Self.files.map { "\(JSONValue.string($0).text):\(parts[$0]!)" }.joined(separator: ",") + "}"
    }

    /// This document with the parts `replacements` gives (by file name) in place of its own: `config apply` of a
    /// folder that holds only some of the files.
    public func replacing(_ replacements: [String: Data]) throws -> TeamPolicy {
        func part(_ file: String) -> Data { replacements[file] ?? Data(parts[file]!.utf8) }
        return try TeamPolicy(policy: part("policy.json"), scoring: part("scoring.json"), taxonomy: part("taxonomy.json"))
    }

    /// The files whose settings differ between this document and `other`.
    public func changedFiles(from other: TeamPolicy) -> [String] {
        Self.files.filter { parts[$0] != other.parts[$0] }
    }

    /// Every setting of `policy.json`, each marked as coming from `source`.
    public func policySettings(source: String) -> [PolicySetting] {
        guard case let .object(tree)? = try? JSONDecoder().decode(JSONValue.self, from: Data(parts["policy.json"]!.utf8)) else {
            return []
        }
        var sources: [String: String] = [:]
        PolicyOverride.record(tree, prefix: "", file: source, into: &sources)
        return PolicyOverride.settings(tree, schema: PolicyOverride.schema, prefix: "", sources: sources)
    }

    /// The parts read, with names and descriptors in the catalogue's language, and checked against each other.
    public func configuration(catalogue: Catalogue) throws
        -> (policy: Policy, scoring: ScoringConfiguration, taxonomy: Taxonomy)
    {
        let policy = try Policy.load(from: Data(parts["policy.json"]!.utf8))
        let scoring = try ScoringConfiguration.load(from: Data(parts["scoring.json"]!.utf8), catalogue: catalogue)
        let taxonomy = try Taxonomy.load(from: Data(parts["taxonomy.json"]!.utf8), catalogue: catalogue)
        try scoring.validate(against: taxonomy)
        return (policy, scoring, taxonomy)
    }

    /// An evaluator working under this document as `version`, speaking and counting time as `local` does (the
    /// desk's language, calendar and letter languages stay the machine's own).
    public func evaluator(version: Int?, like local: CaseEvaluator) throws -> CaseEvaluator {
        let (policy, scoring, taxonomy) = try configuration(catalogue: local.catalogue)
        var evaluator = CaseEvaluator(scoring: scoring, policy: policy, taxonomy: taxonomy, calendar: local.deadlines.calendar,
                                      catalogue: local.catalogue, letterLanguages: local.letterLanguages)
        evaluator.source = self
        evaluator.policyVersion = version
        return evaluator
    }
}
