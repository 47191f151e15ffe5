import Foundation

/// A reported person named in more than one case, so a pattern shows even when each case alone is minor.
public struct RepeatRespondent: Equatable, Sendable {
    public struct Appearance: Equatable, Sendable {
        public var caseID: CaseID
        public var band: Band?
        public var status: CaseStatus
        public var receivedAt: Date

        public init(caseID: CaseID, band: Band?, status: CaseStatus, receivedAt: Date) {
            self.caseID = caseID
            self.band = band
            self.status = status
            self.receivedAt = receivedAt
        }
    }

    /// The name for a counselor; a neutral label ("Respondent A") for a supervisor.
    public var label: String
    /// The role given in the most recent case (omitted for a supervisor).
    public var role: String?
    public var cases: [Appearance]

    public init(label: String, role: String?, cases: [Appearance]) {
        self.label = label
        self.role = role
        self.cases = cases
    }

    public var openCount: Int { cases.filter { $0.status.isOpen }.count }

    /// "Respondent A" … "Respondent Z", "Respondent AA" … (`respondent.neutral` in the catalogue's language).
    public static func neutralLabel(_ index: Int, in catalogue: Catalogue = .english) -> String {
        var n = index, letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + n % 26))) + letters
            n = n / 26 - 1
        } while n >= 0
        return catalogue["respondent.neutral", values: ["letters": letters]]
    }
}
