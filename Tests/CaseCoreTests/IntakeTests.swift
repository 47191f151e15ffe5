import CaseCore
import Foundation
import TestKit
import Testing

@Suite("Intake of a new case")
struct IntakeTests {
    let now = TestFixtures.now

    func intake(_ json: String) throws -> CaseIntake { try CaseIntake.decode(Data(json.utf8)) }

    let valid = """
        {"channel":"complaint","incidentFirst":"2026-11-01","incidentLast":"2026-11-20",
         "reporter":{"name":"王芳","contact":"wang@example.org"},"relationship":"staff",
         "reported":[{"name":"Viktor Hale","role":"Country Director","power":"supervisor"}],
         "categories":["harassment"],"narrative":"He shouted at me in front of the team."}
        """

    @Test("A valid intake becomes a new case with a pseudonym")
    func validIntake() throws {
        let item = try intake(valid).makeCase(id: CaseID(year: 2026, number: 1), now: now, pseudonym: "Teal Otter", taxonomy: Fixtures.taxonomy)
        #expect(item.status == .new)
        #expect(item.reporter.pseudonym == "Teal Otter")
        #expect(item.reporter.name == "王芳")
        #expect(item.receivedAt == now)
    }

    @Test("An intake may agree a follow-up interval of its own (1 to 365 days); the follow-up deadline follows it")
    func followUpInterval() throws {
        let json = valid.replacingOccurrences(of: #""categories":"#, with: #""followUpEveryDays":14,"categories":"#)
        let item = try intake(json).makeCase(id: CaseID(year: 2026, number: 1), now: now, pseudonym: "Teal Otter", taxonomy: Fixtures.taxonomy)
        #expect(item.followUpEveryDays == 14)
        let followUp = DeadlineCalculator(policy: Fixtures.policy).deadlines(for: item, band: nil).first { $0.kind == .followUp }
        #expect(followUp?.due == now.addingTimeInterval(14 * 86_400))
        let zero = valid.replacingOccurrences(of: #""categories":"#, with: #""followUpEveryDays":0,"categories":"#)
        #expect(throws: CaseError.invalidField(field: .key("field.follow-up-interval"), problem: .key("problem.follow-up-range", ["days": "0"]))) {
            try intake(zero).makeCase(id: CaseID(year: 2026, number: 1), now: now, pseudonym: "Teal Otter", taxonomy: Fixtures.taxonomy)
        }
        #expect(CaseError.invalidField(field: .key("field.follow-up-interval"), problem: .key("problem.follow-up-range", ["days": "0"])).description
            == "The follow-up interval must be 1 to 365 days, not 0.")
    }

    @Test("Unknown category, bad dates, empty narrative and missing name are refused with sentences")
    func invalidIntakes() throws {
        let base = try intake(valid)
        func check(_ change: (inout CaseIntake) -> Void, _ expected: CaseError) {
            var copy = base
            change(&copy)
            #expect(throws: expected) {
                try copy.makeCase(id: CaseID(year: 2026, number: 1), now: now, pseudonym: "P", taxonomy: Fixtures.taxonomy)
            }
        }
        check({ $0.categories = ["rudeness"] }, .unknownCategory("rudeness"))
        check({ $0.categories = [] }, .invalidField(field: .key("field.categories"), problem: .key("problem.no-category")))
        check({ $0.incidentLast = "2026-10-01" }, .invalidField(field: .key("field.incident-last"), problem: .key("problem.before-first-incident")))
        check({ $0.incidentFirst = "2026-13-01" }, .invalidField(field: .key("field.incident-first"), problem: .key("problem.not-a-date", ["text": "2026-13-01"])))
        check({ $0.narrative = "  " }, .invalidField(field: .key("field.narrative"), problem: .key("problem.empty")))
        check({ $0.reporter.name = nil }, .invalidField(field: .key("field.reporter-name"), problem: .key("problem.name-empty")))
        // The sentences a counselor reads.
        #expect(CaseError.invalidField(field: .key("field.categories"), problem: .key("problem.no-category")).description
            == "The category list is empty; choose at least one.")
        #expect(CaseError.invalidField(field: .key("field.incident-first"), problem: .key("problem.not-a-date", ["text": "2026-13-01"])).description
            == "The first incident date '2026-13-01' is not a date like 2026-10-02.")
    }

    @Test("Anonymous reports keep no name or contact")
    func anonymous() throws {
        var input = try intake(valid)
        input.channel = .whistleblowing
        input.reporter = .init(anonymous: true, name: "Should vanish", contact: "x@example.org")
        let item = try input.makeCase(id: CaseID(year: 2026, number: 2), now: now, pseudonym: "Moss Wren", taxonomy: Fixtures.taxonomy)
        #expect(item.reporter.anonymous)
        #expect(item.reporter.name == nil)
        #expect(item.reporter.contact == nil)
    }

    @Test("Malformed JSON is refused with a readable message naming the field")
    func malformedJSON() {
        #expect(throws: CaseError.invalidField(field: .key("field.json-input"), problem: .key("problem.not-a-case", ["detail": .key("config.decoding.not-json")]))) {
            try intake("{")
        }
        do {
            _ = try intake(#"{"channel":"fax"}"#)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("channel"))
        }
    }

    @Test("Imported history replays through the legal workflow and is journaled")
    func replay() throws {
        var input = try intake(valid)
        input.receivedAt = "2026-11-02T09:00:00Z"
        input.status = .formalProcedure
        input.assessment = Fixtures.ratings(2, 2, 2, 2, 2)
        var item = try input.makeCase(id: CaseID(year: 2026, number: 3), now: now, pseudonym: "P", taxonomy: Fixtures.taxonomy)
        try input.replayHistory(on: &item, by: "counselor", now: now, taxonomy: Fixtures.taxonomy) { ratings, current in
            Fixtures.scorer.score(ratings, context: current.scoringContext(otherOpenCases: 0))
        }
        #expect(item.status == .formalProcedure)
        #expect(item.assessment == Fixtures.ratings(2, 2, 2, 2, 2))
        #expect(item.journal.map(\.kind) == [.status, .status, .assessment, .status, .status])
        // No contact or letter was brought in: the acknowledgement is still owed, whatever the status says.
        #expect(item.acknowledgedAt == nil)
    }
}

@Suite("Sensitive values do not describe themselves")
struct RedactionTests {
    @Test("Printing or dumping a case shows no name, contact, narrative or journal text")
    func noLeaksInDescriptions() throws {
        var item = Fixtures.sampleCase()
        try item.record(.note, text: "Secret journal text", by: "c", at: Fixtures.date("2026-10-02T00:00:00Z"))
        var dumped = ""
        dump(item, to: &dumped)
        for text in [String(describing: item), String(reflecting: item), "\(item)", dumped, "\(item.journal)", "\(item.reported)"] {
            for secret in ["Олена Коваленко", "olena@example.org", "Repeated remarks", "Secret journal text", "Viktor Hale"] {
                #expect(!text.contains(secret), "\(secret) leaked")
            }
        }
        #expect(String(describing: item).contains("C-2026-0001"))
        #expect(String(describing: item).contains("Amber Heron"))
    }
}

@Suite("Dates in files and on the command line")
struct DateTextTests {
    @Test("Only real calendar dates are read; a timestamp's day must exist too",
          arguments: [("2026-02-28", true), ("2026-02-30", false), ("2026-13-01", false), ("2028-02-29", true),
                      ("2026-02-30T10:00:00Z", false), ("2026-10-02T09:30:00Z", true), ("2026-10-02T09:30:00.250Z", true),
                      ("2026-10-02Tnonsense", false), ("02/10/2026", false), ("", false)])
    func strictDates(text: String, valid: Bool) {
        #expect((DateText.parse(text) != nil) == valid)
    }

    @Test("add --json refuses a day that does not exist instead of moving it to another month")
    func intakeRefusesImpossibleDay() throws {
        var intake = try CaseIntake.decode(Data("""
            {"channel":"complaint","incidentFirst":"2026-02-28","reporter":{"name":"A"},"relationship":"staff",
             "reported":[],"categories":["bullying"],"narrative":"n"}
            """.utf8))
        intake.incidentFirst = "2026-02-30"
        #expect(throws: CaseError.invalidField(field: .key("field.incident-first"), problem: .key("problem.not-a-date", ["text": "2026-02-30"]))) {
            try intake.makeCase(id: CaseID(year: 2026, number: 1), now: Fixtures.date("2026-11-25T00:00:00Z"), pseudonym: "P",
                                taxonomy: Fixtures.taxonomy)
        }
    }
}
