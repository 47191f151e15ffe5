import CaseCore
@testable import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// Shared set-up for the screen-model tests: the package's Data folder, a demo store; the clock is fixed at
/// `TestFixtures.now`, the day the screen pictures are drawn on.
enum Fixture {
    static let config: ConfidantConfiguration = try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory)

    static var evaluator: CaseEvaluator { config.evaluator(calendar: .utc) }

    /// The shipped configuration speaking French (`--lang fr`): the desk's screens, the taxonomy's names, the factors'
    /// descriptors and the score's explanation.
    static let frenchConfig: ConfidantConfiguration =
        try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory, language: LanguageChoice(option: "fr"))

    static let banner = "DEMO database (fictional cases) — passphrase: demo"

    /// The cases the screen pictures are drawn from: a frozen copy of an earlier demo file, so the shipped demo
    /// (`Data/demo-cases.json`) can change without redrawing every picture. Seeded exactly as the demo is.
    static let screenCases = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screen-cases.json")

    /// A fresh temporary database seeded with the screen cases, and a desk on it with the fixed clock.
    static func demoDesk() throws -> CaseDesk { try demoDatabase().desk }

    /// The screen cases on a desk speaking French.
    static func frenchDemoDesk() throws -> CaseDesk { try demoDatabase(evaluator: frenchConfig.evaluator(calendar: .utc)).desk }

    /// The demo desk and the path of its database (to open it again as another account).
    static func demoDatabase(evaluator: CaseEvaluator = Fixture.evaluator) throws -> (desk: CaseDesk, path: String) {
        let path = TestFixtures.temporaryDirectory("confidant-tui").appendingPathComponent("demo.db").path
        let store = try SQLiteCaseStore.create(at: path, passphrase: "demo-pass",
                                               evaluator: evaluator, kdfRounds: 1 << 10, passphrasePolicy: nil, now: TestFixtures.now)
        let data = try Data(contentsOf: screenCases)
        try DemoSeeder.seed(store, demoFile: data, now: TestFixtures.now)
        return (CaseDesk(store: store, clock: { TestFixtures.now }), path)
    }

    /// Adds an account to the demo database (the counselor may, before an admin exists) and opens a desk as it.
    static func desk(as account: String, role: Role, on database: (desk: CaseDesk, path: String)) throws -> CaseDesk {
        try database.desk.store.addAccount(account, role: role, passphrase: "\(account)'s own passphrase", aliases: [], now: TestFixtures.now)
        let store = try SQLiteCaseStore.open(at: database.path, passphrase: "\(account)'s own passphrase", account: account,
                                             evaluator: evaluator, now: TestFixtures.now)
        return CaseDesk(store: store, clock: { TestFixtures.now })
    }

    /// An empty folder standing for the counselor's home, where `~` in a path points.
    static func temporaryHome() throws -> String {
        TestFixtures.temporaryDirectory("confidant-home").path
    }

    /// An empty temporary database.
    static func emptyDesk() throws -> CaseDesk { try emptyDatabase().desk }

    /// An empty temporary database, and the path of its file (to open it again as another account).
    static func emptyDatabase() throws -> (desk: CaseDesk, path: String) {
        let path = TestFixtures.temporaryDirectory("confidant-tui").appendingPathComponent("empty.db").path
        let store = try SQLiteCaseStore.create(at: path, passphrase: "demo-pass",
                                               evaluator: evaluator, kdfRounds: 1 << 10, passphrasePolicy: nil, now: TestFixtures.now)
        return (CaseDesk(store: store, clock: { TestFixtures.now }), path)
    }

    /// A temporary database holding just `cases` (added in this order, so their ids count from C-2026-0001), and a
    /// desk on it for the counselor, or for a supervisor "sam".
    static func desk(holding cases: [CaseIntake], role: Role = .counselor) throws -> CaseDesk {
        let database = try emptyDatabase()
        for intake in cases { _ = try database.desk.store.addCase(intake, now: TestFixtures.now) }
        return role == .counselor ? database.desk : try desk(as: "sam", role: role, on: database)
    }

    static func app(_ desk: CaseDesk, banner: String? = Fixture.banner, letters: LetterLibrary? = nil) -> DeskApp {
        DeskApp(launch: LaunchSettings(desk: desk, banner: banner, letters: letters) { $0 == "demo" }, calendar: .utc, idleLimit: 600, now: TestFixtures.now)
    }

    /// Sends keys: strings are typed character by character, keys pressed as they are.
    static func press(_ app: DeskApp, _ keys: [Key]) {
        for key in keys { app.handle(key, at: TestFixtures.now) }
    }

    static func type(_ app: DeskApp, _ text: String) {
        for c in text { app.handle(.char(c), at: TestFixtures.now) }
    }
}

/// Compares a rendered screen with the expected one, line by line, and on a mismatch writes the
/// actual screen to /tmp/confidant-golden/NAME.txt so it can be reviewed.
func expectScreen(_ buffer: ScreenBuffer, _ expected: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.text
    if actual != expected {
        let dir = URL(fileURLWithPath: "/tmp/confidant-golden")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? actual.write(to: dir.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            Screen \(name) differs from row \(first) on (actual has \(a.count) rows, expected \(e.count)):
            actual:   \(first < a.count ? String(a[first]) : "<none>")
            expected: \(first < e.count ? String(e[first]) : "<none>")
            """, sourceLocation: sourceLocation)
    }
}

/// Hand-made cases whose reporters and parties write in several scripts.
enum WideCases {
    /// A case as it is reported, its workflow replayed by the store (as an import does).
    static func make(pseudonym: String, name: String?, reported: String, categories: [String],
                     status: CaseStatus, ratings: FactorRatings?, consent: Bool = false, narrative: String,
                     received: String = "2026-11-20T09:00:00Z") -> CaseIntake {
        var intake = CaseIntake(
            receivedAt: received, channel: .complaint, incidentFirst: "2026-11-01", incidentLast: "2026-11-18",
            reporter: .init(pseudonym: pseudonym, anonymous: name == nil, name: name, contact: name == nil ? nil : "+7 900 000 00 00"),
            relationship: .staff, reported: [ReportedPerson(name: reported, role: "Coordinator", power: .supervisor)],
            categories: categories, consentShareIdentity: consent, narrative: narrative, supportNeeds: "Needs an interpreter.")
        intake.status = status
        intake.assessment = ratings
        intake.escalationLevel = status == .escalated ? .complaintsTeam : nil
        return intake
    }

    static var all: [CaseIntake] {
        [
            make(pseudonym: "Ольга Соколова-Иванова", name: "Ольга Соколова", reported: "Дмитрий Петров",
                 categories: ["harassment"], status: .escalated,
                 ratings: try! FactorRatings(frequency: 3, severity: 2, threat: 1, wellbeing: 2, power: 3),
                 narrative: "Он писал мне каждый вечер. 🙁"),
            make(pseudonym: "ليلى حداد", name: "ليلى حداد", reported: "كريم منصور",
                 categories: ["bullying"], status: .escalated,
                 ratings: try! FactorRatings(frequency: 2, severity: 1, threat: 0, wellbeing: 1, power: 2), consent: true,
                 narrative: "تم استبعادي من الاجتماعات."),
            make(pseudonym: "王小明的同事报告人名字很长", name: "王小明", reported: "李经理",
                 categories: ["abuse-of-authority", "discrimination"], status: .assessing,
                 ratings: try! FactorRatings(frequency: 4, severity: 3, threat: 3, wellbeing: 3, power: 4),
                 narrative: "经理在会议上公开羞辱我，并威胁不续签合同。"),
            make(pseudonym: "🌻🌻 Sunflower 🌻", name: nil, reported: "Anonymous manager",
                 categories: ["vilification"], status: .new, ratings: nil,
                 narrative: "Posted 🙂 memes about my accent in the team chat."),
        ]
    }
}
