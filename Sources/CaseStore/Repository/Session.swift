import CaseCore
import Foundation

/// The names an account may have: letters, digits, '-', '_' and '.', never empty. A team's server login carries the
/// same name (README's team set-up), so the rule also keeps a login's name safe to quote in SQL.
public enum AccountName {
    public static func allows(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "-_.".contains(character)
    }

    public static func isValid(_ name: String) -> Bool { !name.isEmpty && name.allSatisfy(allows) }

    /// Refuses a name the rule does not allow, with the sentence a person is shown.
    static func check(_ name: String) throws {
        guard isValid(name) else {
            throw CaseError.invalidField(field: .key("field.account-name"), problem: .key("problem.account-name-characters"))
        }
    }
}

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
