import Foundation

/// Categories, discrimination grounds, conduct tags and screening reasons: their ids from `Data/taxonomy.json`, their
/// names and definitions from the catalogue (`category.ID`, `category.ID.definition`; `ground.ID`; `conduct.ID`;
/// `screening.ID`). An organisation's own entry that no catalogue names may carry `name` and `definition` in the file.
public struct Taxonomy: Equatable, Sendable, Decodable {
    public struct Entry: Equatable, Sendable, Decodable {
        public var id: String
        public var name: String
        public var definition: String?

        public init(id: String, name: String, definition: String? = nil) {
            self.id = id
            self.name = name
            self.definition = definition
        }

        enum CodingKeys: String, CodingKey { case id, name, definition }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
            definition = try c.decodeIfPresent(String.self, forKey: .definition)
        }

        /// The entry named from the catalogue, under `PREFIX.ID`, when the catalogue has that key.
        func named(by catalogue: Catalogue, prefix: String) -> Entry {
            let key = prefix + "." + id
            var entry = self
            if catalogue.knows(key) { entry.name = catalogue[key] }
            if catalogue.knows(key + ".definition") { entry.definition = catalogue[key + ".definition"] }
            return entry
        }
    }

    public var categories: [Entry]
    public var discriminationGrounds: [Entry]
    public var conductTags: [Entry]
    public var screeningReasons: [Entry]

    /// Reads `taxonomy.json` and names its entries in the catalogue's language.
    public static func load(from data: Data, catalogue: Catalogue = .english) throws -> Taxonomy {
        do {
            let taxonomy = try JSONDecoder().decode(Taxonomy.self, from: data)
            guard !taxonomy.categories.isEmpty else {
                throw ConfigurationError.invalid(file: "taxonomy.json", detail: .key("config.no-categories"))
            }
            return taxonomy.named(by: catalogue)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError.malformed(file: "taxonomy.json", detail: ConfigurationError.describe(error))
        }
    }

    /// Every entry named from the catalogue (the keys of `Data/lang/LANG.json`).
    public func named(by catalogue: Catalogue) -> Taxonomy {
        var copy = self
        copy.categories = categories.map { $0.named(by: catalogue, prefix: "category") }
        copy.discriminationGrounds = discriminationGrounds.map { $0.named(by: catalogue, prefix: "ground") }
        copy.conductTags = conductTags.map { $0.named(by: catalogue, prefix: "conduct") }
        copy.screeningReasons = screeningReasons.map { $0.named(by: catalogue, prefix: "screening") }
        return copy
    }

    /// The catalogue keys that name the entries (their definitions are optional).
    public var nameKeys: [String] {
        categories.map { "category." + $0.id } + discriminationGrounds.map { "ground." + $0.id }
            + conductTags.map { "conduct." + $0.id } + screeningReasons.map { "screening." + $0.id }
    }

    public func categoryName(_ id: String) -> String { categories.first { $0.id == id }?.name ?? id }
    public func tagName(_ id: String) -> String { conductTags.first { $0.id == id }?.name ?? id }
    public func groundName(_ id: String) -> String { discriminationGrounds.first { $0.id == id }?.name ?? id }
    public func screeningReasonName(_ id: String) -> String { screeningReasons.first { $0.id == id }?.name ?? id }

    /// Throws the first id that the taxonomy does not know.
    public func validate(categories: [String], grounds: [String], conductTags: [String]) throws {
        for id in categories where !self.categories.contains(where: { $0.id == id }) { throw CaseError.unknownCategory(id) }
        for id in grounds where !discriminationGrounds.contains(where: { $0.id == id }) { throw CaseError.unknownGround(id) }
        for id in conductTags where !self.conductTags.contains(where: { $0.id == id }) { throw CaseError.unknownConductTag(id) }
    }
}
