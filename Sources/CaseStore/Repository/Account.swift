import Foundation

/// A person who can open the database, with their role. Each has a key slot of their own.
public struct Account: Equatable, Sendable {
    public var name: String
    public var role: Role
    public var createdAt: Date
    /// How many names this person could be reported under (used for automatic recusal).
    public var aliasCount: Int
}
