import Foundation

/// What an account may do.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// Works cases: reads and changes everything, including sealed identities.
    case counselor
    /// Reviews escalated cases only; the reporter's identity only with consent.
    case supervisor
    /// Manages accounts; reads no case.
    case admin
}

/// Who has the database open.
public struct Session: Equatable, Sendable {
    public var account: String
    public var role: Role

    public init(account: String, role: Role) {
        self.account = account
        self.role = role
    }
}
