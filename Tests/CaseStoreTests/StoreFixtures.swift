import CaseCore
import CaseStore
import Foundation

/// Temporary stores on the shipped configuration, with a fixed clock.
enum StoreFixtures {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")
    static let config = try! ConfidantConfiguration.load(from: dataDirectory)
    static let evaluator = config.evaluator()
    static let now = DateText.parse("2026-11-25T10:00:00Z")!
    static let passphrase = "correct horse battery"

    /// A fresh directory that is removed when the process exits… or left for inspection on failure.
    static func temporaryPath(_ name: String = "case.db") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static func makeStore(path: String = temporaryPath()) throws -> SQLiteCaseStore {
        try SQLiteCaseStore.create(at: path, passphrase: passphrase, evaluator: evaluator, kdfRounds: 1 << 10, now: now)
    }

    static func ratings(_ f: Int, _ s: Int, _ t: Int, _ w: Int, _ p: Int) -> FactorRatings {
        try! FactorRatings(frequency: f, severity: s, threat: t, wellbeing: w, power: p)
    }

    static func desk(_ store: SQLiteCaseStore) -> CaseDesk {
        CaseDesk(store: store, clock: { now })
    }

    static func intake(
        reporter: String = "Олена Коваленко", contact: String = "olena.k@example.org", reported: String = "Viktor Hale",
        narrative: String = "He blocked the door of the store room and said nobody would believe me.",
        categories: [String] = ["harassment"], received: String = "2026-11-20T09:00:00Z", wishes: Wishes? = .formal
    ) -> CaseIntake {
        CaseIntake(
            receivedAt: received, channel: .complaint, incidentFirst: "2026-11-01", incidentLast: "2026-11-18",
            reporter: .init(pseudonym: "Amber Heron", name: reporter, contact: contact), relationship: .staff,
            reported: [ReportedPerson(name: reported, role: "Country Director", power: .supervisor)],
            categories: categories, narrative: narrative, supportNeeds: "Wants no contact with the director.", wishes: wishes)
    }
}
