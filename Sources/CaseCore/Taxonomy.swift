import Foundation

/// Categories, discrimination grounds, conduct tags and screening reasons, read from `Data/taxonomy.json`.
public struct Taxonomy: Equatable, Sendable, Decodable {
    public struct Entry: Equatable, Sendable, Decodable {
        public var id: String
        public var name: String
        public var definition: String?
    }

    public var categories: [Entry]
    public var discriminationGrounds: [Entry]
    public var conductTags: [Entry]
    public var screeningReasons: [Entry]

    public static func load(from data: Data) throws -> Taxonomy {
        do {
            let taxonomy = try JSONDecoder().decode(Taxonomy.self, from: data)
            guard !taxonomy.categories.isEmpty else {
                throw ConfigurationError.invalid(file: "taxonomy.json", detail: "it lists no categories")
            }
            return taxonomy
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError.malformed(file: "taxonomy.json", detail: ConfigurationError.describe(error))
        }
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
