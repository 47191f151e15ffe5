import Foundation

/// Who a case summary is for.
public enum Audience: String, CaseIterable, Codable, Sendable {
    /// Everything, including the reporter's identity and contact.
    case counselor
    /// Reporter pseudonymised unless they consented; no contact details.
    case supervisor
}
