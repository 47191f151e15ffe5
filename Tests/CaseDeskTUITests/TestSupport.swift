import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// Shared set-up for the screen-model tests: the package's Data folder, a demo store; the clock is fixed at
/// `TestFixtures.now`, the day the screen pictures are drawn on.
enum Fixture {
    static let config: ConfidantConfiguration = try! ConfidantConfiguration.load(from: TestFixtures.dataDirectory)

    static var evaluator: CaseEvaluator { config.evaluator(calendar: .utc) }

    static let banner = "DEMO database (fictional cases) — passphrase: demo"

    /// The cases the screen pictures are drawn from: a frozen copy of an earlier demo file, so the shipped demo
    /// (`Data/demo-cases.json`) can change without redrawing every picture. Seeded exactly as the demo is.
    static let screenCases = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/screen-cases.json")

    /// A fresh temporary database seeded with the screen cases, and a desk on it with the fixed clock.
    static func demoDesk() throws -> CaseDesk { try demoDatabase().desk }

    /// The demo desk and the path of its database (to open it again as another account).
    static func demoDatabase() throws -> (desk: CaseDesk, path: String) {
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
    static func emptyDesk() throws -> CaseDesk {
        let store = try SQLiteCaseStore.create(at: TestFixtures.temporaryDirectory("confidant-tui").appendingPathComponent("empty.db").path, passphrase: "demo-pass",
                                               evaluator: evaluator, kdfRounds: 1 << 10, passphrasePolicy: nil, now: TestFixtures.now)
        return CaseDesk(store: store, clock: { TestFixtures.now })
    }

    static func app(_ desk: CaseDesk, banner: String? = Fixture.banner, letters: LetterLibrary? = nil) -> DeskApp {
        DeskApp(launch: DeskLaunch(desk: desk, banner: banner, letters: letters) { $0 == "demo" }, calendar: .utc, idleLimit: 600, now: TestFixtures.now)
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

/// A read-only store in memory, for cases built by hand (wide characters, the supervisor's view).
final class MemoryRepository: CaseRepository {
    let session: Session
    let evaluator: CaseEvaluator
    let cases: [Case]

    init(cases: [Case], role: Role = .counselor) {
        session = Session(account: role.rawValue, role: role)
        evaluator = Fixture.evaluator
        self.cases = cases
    }

    func summaries() throws -> [CaseSummary] {
        try cases.filter { session.role != .supervisor || $0.status == .escalated }
            .map { evaluator.summary(of: $0, try evaluate($0)) }.sorted(by: CaseSummary.queueOrder)
    }

    func loadCase(_ id: CaseID) throws -> Case {
        guard let item = cases.first(where: { $0.id == id }) else { throw StoreError.caseNotFound(id.description) }
        guard session.role == .supervisor else { return item }
        var copy = item
        if !item.consentShareIdentity { copy.reporter = item.reporter.pseudonymised }
        copy.supportNeeds = ""
        return copy
    }

    func evaluate(_ item: Case) throws -> CaseEvaluation { evaluator.evaluate(item, otherOpenCases: 0) }
    func addCase(_ intake: CaseIntake, now: Date) throws -> Case { throw StoreError.notPermitted("read-only test store") }
    func updateCase(_ id: CaseID, action: String, now: Date, _ change: (inout Case, (Case) throws -> CaseEvaluation) throws -> Void) throws -> Case {
        throw StoreError.notPermitted("only a counselor can change cases")
    }
    func audit(action: String, caseId: CaseID?, detail: String, now: Date) throws {}
    func auditEntries(caseId: CaseID?) throws -> [AuditEntry] { [] }
    func verifyAudit() throws -> AuditVerification { .intact(entries: 0) }
    func reporterIdentity(_ id: CaseID) throws -> Reporter { try loadCase(id).reporter }
    func issueFollowUpCode(_ id: CaseID, now: Date) throws -> FollowUpCode { throw readOnly }
    func findCase(followUpCode: FollowUpCode, now: Date) throws -> CaseID? { nil }
    func deadlineAlerts(within hours: Int, now: Date) throws -> [DeadlineAlert] { [] }
    func repeatRespondents() throws -> [RepeatRespondent] { [] }
    func declareConflict(_ id: CaseID, reason: String, now: Date) throws { throw readOnly }
    func reassign(_ id: CaseID, note: String, now: Date) throws { throw readOnly }
    func accounts() throws -> [Account] { [] }
    func addAccount(_ name: String, role: Role, passphrase: String, aliases: [String], now: Date) throws { throw readOnly }
    func removeAccount(_ name: String, now: Date) throws { throw readOnly }
    func purgeCandidates(now: Date) throws -> [PurgeCandidate] { [] }
    func purge(_ ids: [CaseID], now: Date) throws -> Int { throw readOnly }
    func purgedTraces() throws -> [PurgedTrace] { [] }
    private var readOnly: StoreError { .notPermitted("read-only test store") }
}

/// Hand-made cases whose reporters and parties write in several scripts.
enum WideCases {
    static func day(_ text: String) -> Date { DateText.parse(text)! }

    static func make(_ number: Int, pseudonym: String, name: String?, reported: String, categories: [String],
                     status: CaseStatus, ratings: FactorRatings?, consent: Bool = false, narrative: String,
                     received: String = "2026-11-20T09:00:00Z") -> Case {
        Case(id: CaseID(year: 2026, number: number), receivedAt: day(received), channel: .complaint,
             incidentFirst: day("2026-11-01"), incidentLast: day("2026-11-18"),
             reporter: Reporter(pseudonym: pseudonym, anonymous: name == nil, name: name, contact: name == nil ? nil : "+7 900 000 00 00"),
             relationship: .staff, reported: [ReportedPerson(name: reported, role: "Coordinator", power: .supervisor)],
             categories: categories, consentShareIdentity: consent, narrative: narrative, supportNeeds: "Needs an interpreter.",
             status: status, assessment: ratings, escalationLevel: status == .escalated ? .complaintsTeam : nil)
    }

    static var all: [Case] {
        [
            make(101, pseudonym: "Ольга Соколова-Иванова", name: "Ольга Соколова", reported: "Дмитрий Петров",
                 categories: ["harassment"], status: .escalated,
                 ratings: try! FactorRatings(frequency: 3, severity: 2, threat: 1, wellbeing: 2, power: 3),
                 narrative: "Он писал мне каждый вечер. 🙁"),
            make(102, pseudonym: "ليلى حداد", name: "ليلى حداد", reported: "كريم منصور",
                 categories: ["bullying"], status: .escalated,
                 ratings: try! FactorRatings(frequency: 2, severity: 1, threat: 0, wellbeing: 1, power: 2), consent: true,
                 narrative: "تم استبعادي من الاجتماعات."),
            make(103, pseudonym: "王小明的同事报告人名字很长", name: "王小明", reported: "李经理",
                 categories: ["abuse-of-authority", "discrimination"], status: .assessing,
                 ratings: try! FactorRatings(frequency: 4, severity: 3, threat: 3, wellbeing: 3, power: 4),
                 narrative: "经理在会议上公开羞辱我，并威胁不续签合同。"),
            make(104, pseudonym: "🌻🌻 Sunflower 🌻", name: nil, reported: "Anonymous manager",
                 categories: ["vilification"], status: .new, ratings: nil,
                 narrative: "Posted 🙂 memes about my accent in the team chat."),
        ]
    }
}
