import CaseCore
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

extension Role {
    /// Whose view of a case this role gets (``CaseCore/Case/redacted(for:)``): the counselor's whole case, or the
    /// supervisor's copy. An admin reads no case; were one to, it would get the narrowest view.
    public var audience: Audience { self == .counselor ? .counselor : .supervisor }
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
