import Foundation

/// An account entitled to the keys of cases it was not given yet (a new account, or one of an upgraded database):
/// a counselor's session gives them when it opens.
public struct PendingGrant: Equatable, Sendable {
    public var account: String
    public var role: Role
    /// How many cases' keys it waits for.
    public var cases: Int

    public init(account: String, role: Role, cases: Int) {
        self.account = account
        self.role = role
        self.cases = cases
    }
}
