import CaseCore
import Foundation
import Testing

/// PRODUCT §10: a case record that changes as the case does, never silently.
@Suite("A case evolves: edit, consent, reopen, wishes, duty, disclosure, due process, closing")
struct CaseEvolvesTests {
    let now = Fixtures.date("2026-10-05T10:00:00Z")

    func score(_ item: Case) -> TriageScore {
        Fixtures.scorer.score(item.assessment, context: item.scoringContext(otherOpenCases: 0))
    }

    @Test("An edit changes only the fields it names, journals old and new values, and re-scores with the retaliation floor")
    func editAddsRetaliation() throws {
        var item = Fixtures.sampleCase(status: .assessing)
        item.assessment = Fixtures.ratings(2, 1, 1, 2, 1)
        #expect(score(item).band == .medium)
        let edit = try CaseEdit.decode(Data(#"{"categories": ["harassment", "victimisation"], "reporter": {"contact": "+44 7700 900999"}}"#.utf8))
        let fields = try item.apply(edit, taxonomy: Fixtures.taxonomy, affectedPseudonym: "Moss Wren", by: "counselor", at: now)
        #expect(fields == ["reporter.contact", "categories"])
        #expect(item.reporter.name == "Олена Коваленко")
        #expect(item.reporter.contact == "+44 7700 900999")
        #expect(item.narrative == "Repeated remarks in meetings.")
        let entry = try #require(item.journal.last)
        #expect(entry.kind == .edit)
        #expect(entry.text == #"Edited reporter.contact, categories: reporter.contact "olena@example.org" → "+44 7700 900999"; categories harassment → harassment, victimisation"#)
        let rescored = score(item)
        #expect(rescored.band == .high)
        #expect(rescored.overrides == ["retaliation after a complaint"])
    }

    @Test("A refused edit changes nothing and says why in one sentence", arguments: [
        (#"{"categories": ["rudeness"]}"#, CaseError.unknownCategory("rudeness"), "'rudeness' is not a category in the taxonomy."),
        (#"{"incidentLast": "2025-12-01"}"#, .invalidField(field: .key("field.incident-last"), problem: .key("problem.before-first-incident")),
         "The last incident date is before the first incident date."),
        (#"{"incidentFirst": "2026-02-30"}"#, .invalidField(field: .key("field.incident-first"), problem: .key("problem.not-a-date", ["text": "2026-02-30"])),
         "The first incident date '2026-02-30' is not a date like 2026-10-02."),
        (#"{"narrative": "   "}"#, .invalidField(field: .key("field.narrative"), problem: .key("problem.empty")), "The narrative is empty."),
        (#"{"categories": ["harassment"]}"#, .nothingChanged, "The edit changes nothing."),
    ])
    func refusedEdit(json: String, error: CaseError, sentence: String) throws {
        var item = Fixtures.sampleCase(status: .assessing)
        let before = item
        let edit = try CaseEdit.decode(Data(json.utf8))
        #expect(throws: error) { try item.apply(edit, taxonomy: Fixtures.taxonomy, affectedPseudonym: "P", by: "c", at: now) }
        #expect(error.description == sentence)
        #expect(item == before)
    }

    @Test("Unknown keys are refused, naming the nearest known one; workflow fields are not edited", arguments: [
        (#"{"suportNeeds": "x"}"#, "'suportNeeds' is not a field of a case edit; did you mean 'supportNeeds'?"),
        (#"{"consentShareIdentiy": true}"#, "'consentShareIdentiy' is not a field of a case edit; did you mean 'consentShareIdentity'?"),
        (#"{"whishes": "formal"}"#, "'whishes' is not a field of a case edit; did you mean 'wishes'?"),
        (#"{"reporter": {"contcat": "x"}}"#, "'contcat' is not a field of the reporter; did you mean 'contact'?"),
        (#"{"status": "closed"}"#, "The field 'status' cannot be edited here: the status changes with `confidant status`."),
        (#"{"zzzzzzzz": 1}"#, "'zzzzzzzz' is not a field of a case edit."),
    ])
    func unknownKeysInEdits(json: String, sentence: String) {
        do {
            _ = try CaseEdit.decode(Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)" == sentence)
        }
    }

    @Test("Intake refuses a misspelled optional field instead of dropping it")
    func unknownKeysAtIntake() {
        let json = #"{"channel":"complaint","incidentFirst":"2026-11-01","reporter":{"anonymous":true},"relationship":"staff","reported":[],"categories":["harassment"],"narrative":"x","wishs":"formal"}"#
        #expect(throws: CaseError.unknownKey(key: "wishs", in: .key("json.case"), suggestion: "wishes")) { try CaseIntake.decode(Data(json.utf8)) }
    }

    @Test("Consent is given and withdrawn at any time, each change journaled with its date")
    func consent() throws {
        var item = Fixtures.sampleCase(status: .supportAdvice)
        try item.apply(.consent(true), taxonomy: Fixtures.taxonomy, affectedPseudonym: "P", by: "c", at: now)
        #expect(item.consentShareIdentity)
        #expect(item.journal.last?.text == "Edited consentShareIdentity: consent to share identity with the supervisor given")
        #expect(item.journal.last?.at == now)
        let later = now.addingTimeInterval(86_400)
        try item.apply(.consent(false), taxonomy: Fixtures.taxonomy, affectedPseudonym: "P", by: "c", at: later)
        #expect(!item.consentShareIdentity)
        #expect(item.journal.last?.text == "Edited consentShareIdentity: consent to share identity with the supervisor withdrawn")
        #expect(item.journal.last?.at == later)
    }

    @Test("A witness reports: the affected person is sealed apart and can be edited or removed")
    func affectedPerson() throws {
        var item = Fixtures.sampleCase(status: .assessing)
        let edit = try CaseEdit.decode(Data(#"{"affected": {"name": "Ana Souza", "contact": "ana@example.org"}}"#.utf8))
        try item.apply(edit, taxonomy: Fixtures.taxonomy, affectedPseudonym: "Jade Magpie", by: "c", at: now)
        #expect(item.affected == AffectedPerson(pseudonym: "Jade Magpie", name: "Ana Souza", contact: "ana@example.org"))
        #expect(item.affectedPseudonym == "Jade Magpie")
        try item.apply(try CaseEdit.decode(Data(#"{"affected": null}"#.utf8)), taxonomy: Fixtures.taxonomy, affectedPseudonym: "x", by: "c", at: now)
        #expect(item.affected == nil)
        #expect(item.affectedPseudonym == "Amber Heron")
    }

    @Test("Escalation follows the reporter's wishes, one rung at a time; a duty to act is journaled and may skip")
    func wishesAndLadder() throws {
        var item = Fixtures.sampleCase(status: .supportAdvice)
        item.wishes = .listenOnly
        #expect(throws: CaseError.escalationNotRequested(wishes: .listenOnly)) {
            try item.escalate(to: .complaintsTeam, reason: "Pattern", by: "c", at: now)
        }
        #expect("\(CaseError.escalationNotRequested(wishes: .listenOnly))"
            == "The reporter's wishes are listen-only: escalate only at their request (wishes formal or escalate) or state a duty to act.")
        item.wishes = .formal
        #expect(throws: CaseError.escalationSkipsRung(next: .complaintsTeam, requested: .headOfDepartment)) {
            try item.escalate(to: .headOfDepartment, reason: "Pattern", by: "c", at: now)
        }
        try item.escalate(to: .complaintsTeam, reason: "She asks for a formal review", by: "c", at: now)
        #expect(item.journal.last?.text == "Escalated to Complaints team (status support-advice → escalated) at the reporter's request (formal): She asks for a formal review")
        try item.escalate(to: .externalCommittee, reason: "Management is implicated", duty: "a legal obligation to report", by: "c", at: now)
        #expect(item.dutyToAct == "a legal obligation to report")
        #expect(item.journal.last?.text.contains("under a duty to act (a legal obligation to report), not at the reporter's request") == true)
        #expect(throws: CaseError.escalationNotHigher(current: .externalCommittee, requested: .higherManagement)) {
            try item.escalate(to: .higherManagement, reason: "down", duty: "x", by: "c", at: now)
        }
    }

    @Test("A case never moves down a rung, even after leaving the escalated status")
    func neverDown() throws {
        var item = Fixtures.sampleCase(status: .supportAdvice)
        item.wishes = .escalate
        try item.escalate(to: .complaintsTeam, reason: "r", by: "c", at: now)
        try item.escalate(to: .headOfDepartment, reason: "r", by: "c", at: now)
        try item.transition(to: .formalProcedure, note: nil, by: "c", at: now)
        #expect(throws: CaseError.escalationNotHigher(current: .headOfDepartment, requested: .complaintsTeam)) {
            try item.escalate(to: .complaintsTeam, reason: "r", by: "c", at: now)
        }
        #expect(item.nextEscalationRung == .higherManagement)
    }

    @Test("Reopening a closed case: back to assessing, reason journaled, retention clock stopped, deadlines run again")
    func reopen() throws {
        var item = Fixtures.sampleCase(status: .supportAdvice)
        item.legalHold = true
        #expect(throws: CaseError.notReopenable(.supportAdvice)) { try item.reopen(reason: "x", by: "c", at: now) }
        try item.transition(to: .closed, note: nil, by: "c", at: now, outcome: .resolvedInformally)
        #expect(DeadlineCalculator(policy: Fixtures.policy).nextDeadline(for: item, band: nil) == nil)
        let monthLater = Fixtures.date("2026-11-05T10:00:00Z")
        #expect(throws: CaseError.reasonRequired(.key("action.reopen"))) { try item.reopen(reason: " ", by: "c", at: monthLater) }
        try item.reopen(reason: "The reporter came back: it started again", by: "c", at: monthLater)
        #expect(item.status == .assessing)
        #expect(item.closedAt == nil)
        #expect(item.outcome == nil)
        #expect(item.legalHold)
        #expect(item.journal.last?.text == "Reopened (was closed, outcome resolved-informally): The reporter came back: it started again")
        let deadlines = DeadlineCalculator(policy: Fixtures.policy).deadlines(for: item, band: nil)
        #expect(deadlines.first { $0.kind == .followUp }?.due == Fixtures.date("2026-12-05T10:00:00Z"))
        #expect(deadlines.first { $0.kind == .feedback }?.due == Fixtures.date("2027-02-05T10:00:00Z"))
    }

    @Test("Closing needs an outcome, and measures when substantiated; lost-contact is an outcome")
    func closing() throws {
        var item = Fixtures.sampleCase(status: .supportAdvice)
        #expect(throws: CaseError.outcomeRequired) { try item.transition(to: .closed, note: nil, by: "c", at: now) }
        #expect(throws: CaseError.measuresRequired) {
            try item.transition(to: .closed, note: nil, by: "c", at: now, outcome: .substantiated)
        }
        #expect(throws: CaseError.measuresWithoutSubstantiation) {
            try item.transition(to: .closed, note: nil, by: "c", at: now, outcome: .lostContact, measures: [.training])
        }
        #expect(item.status == .supportAdvice)
        try item.transition(to: .closed, note: nil, by: "c", at: now, outcome: .substantiated, measures: [.writtenWarning, .training])
        #expect(item.measures == [.writtenWarning, .training])
        #expect(item.journal.last?.text == "Status support-advice → closed (outcome: substantiated; measures: written-warning, training)")
    }

    @Test("Screening out a case with a Critical or High floor needs confirmation and a note; the journal names the override")
    func screeningWithAFloor() throws {
        var item = Fixtures.sampleCase(status: .assessing, categories: ["victimisation"])
        let floors = ["retaliation after a complaint"]
        #expect(throws: CaseError.overrideNeedsConfirmation(floors: floors)) {
            try item.transition(to: .screenedOut, note: "no", by: "c", at: now, screeningReason: "reasonable-management-action", floors: floors)
        }
        #expect(throws: CaseError.overrideNeedsConfirmation(floors: floors)) {
            try item.transition(to: .screenedOut, note: nil, by: "c", at: now, screeningReason: "reasonable-management-action",
                                floors: floors, confirmOverride: true)
        }
        try item.transition(to: .screenedOut, note: "The transfer was decided before the complaint", by: "c", at: now,
                            screeningReason: "reasonable-management-action", floors: floors, confirmOverride: true, taxonomy: Fixtures.taxonomy)
        #expect(item.journal.last?.text == "Status assessing → screened-out (reason: Reasonable management action) (override set aside: retaliation after a complaint): The transfer was decided before the complaint")
    }

    @Test("Support offered is a deadline for High and Critical cases or well-being 3+, met by support or a recorded decline")
    func supportDuty() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z", status: .assessing)
        let calc = DeadlineCalculator(policy: Fixtures.policy)
        #expect(!calc.deadlines(for: item, band: .medium).contains { $0.kind == .support })
        item.assessment = Fixtures.ratings(1, 1, 1, 3, 1)
        let support = try #require(calc.deadlines(for: item, band: .medium).first { $0.kind == .support })
        #expect(support.due == Fixtures.date("2026-10-08T09:00:00Z"))
        #expect(calc.deadlines(for: Fixtures.sampleCase(), band: .high).first { $0.kind == .support }?.due == Fixtures.date("2026-10-04T09:00:00Z"))
        try item.record(.supportDeclined, text: "Declines support for now; has her own therapist", by: "c", at: now)
        #expect(calc.deadlines(for: item, band: .medium).first { $0.kind == .support }?.metAt == now)
    }

    @Test("A disclosure without consent owes the reporter an explanation within two days, unless deferred with a reason")
    func disclosure() throws {
        var item = Fixtures.sampleCase(status: .assessing)
        let calc = DeadlineCalculator(policy: Fixtures.policy)
        #expect(throws: CaseError.reasonRequired(.key("action.disclose"))) {
            try item.disclose(to: "Child protection services", duty: " ", by: "c", at: now)
        }
        try item.disclose(to: "Child protection services", duty: "a child at risk", by: "c", at: now)
        let tell = try #require(calc.deadlines(for: item, band: nil).first { $0.kind == .tellReporter })
        #expect(tell.due == Fixtures.date("2026-10-07T10:00:00Z"))
        #expect(tell.metAt == nil)
        try item.record(.reporterTold, text: "Told her by phone what was passed on and to whom", by: "c", at: now.addingTimeInterval(3600))
        #expect(calc.deadlines(for: item, band: nil).first { $0.kind == .tellReporter }?.metAt == now.addingTimeInterval(3600))
        var deferred = Fixtures.sampleCase(status: .assessing)
        try deferred.disclose(to: "Police", duty: "danger to life", deferTelling: "telling him now would alert the reported person", by: "c", at: now)
        #expect(deferred.journal.map(\.kind) == [.disclosure, .tellingDeferred])
        #expect(calc.deadlines(for: deferred, band: nil).first { $0.kind == .tellReporter }?.metAt == now)
    }

    @Test("Each disclosure's 'tell the reporter' deadline is met only by its own deferral or by a reporter-told entry after it")
    func disclosuresMeetTheirOwnDeadlines() throws {
        var item = Fixtures.sampleCase(status: .assessing)
        let calc = DeadlineCalculator(policy: Fixtures.policy)
        func tells() -> [Deadline] { calc.deadlines(for: item, band: nil).filter { $0.kind == .tellReporter } }
        try item.record(.reporterTold, text: "Told her of an earlier matter", by: "c", at: now)
        try item.disclose(to: "Police", duty: "danger to life", by: "c", at: now.addingTimeInterval(3600))
        let second = now.addingTimeInterval(7200)
        try item.disclose(to: "Child services", duty: "a child at risk",
                          deferTelling: "telling her now would alert the reported person", by: "c", at: second)
        #expect(tells().map(\.due) == [Fixtures.date("2026-10-07T11:00:00Z"), Fixtures.date("2026-10-07T12:00:00Z")])
        #expect(tells().map(\.metAt) == [nil, second])
        #expect(tells().first?.isPending == true)
        let told = now.addingTimeInterval(86_400)
        try item.record(.reporterTold, text: "Told her of the disclosure to the police", by: "c", at: told)
        #expect(tells().map(\.metAt) == [told, second])
    }

    @Test("Due-process entries name the reported person they concern")
    func dueProcess() throws {
        var item = Fixtures.sampleCase(status: .formalProcedure)
        #expect(throws: CaseError.partyRequired(.respondentInformed, count: 1)) {
            try item.record(.respondentInformed, text: "Informed in writing", by: "c", at: now)
        }
        #expect(throws: CaseError.partyOutOfRange(2, count: 1)) {
            try item.record(.respondentInformed, text: "Informed in writing", party: 1, by: "c", at: now)
        }
        #expect("\(CaseError.partyOutOfRange(2, count: 1))" == "There is no reported person 2; the case names 1 (1 to 1).")
        try item.record(.respondentInformed, text: "Informed in writing", party: 0, by: "c", at: now)
        try item.record(.respondentAccount, text: "He says the remarks were jokes", party: 0, by: "c", at: now)
        #expect(item.journal.map(\.party) == [0, 0])
    }

    @Test("Deadlines are met by the work: closing without feedback leaves the feedback deadline visibly unmet")
    func feedbackByWork() throws {
        var item = Fixtures.sampleCase(received: "2026-10-01T09:00:00Z", status: .supportAdvice)
        try item.transition(to: .closed, note: nil, by: "c", at: now, outcome: .noFurtherAction)
        let calc = DeadlineCalculator(policy: Fixtures.policy)
        let feedback = try #require(calc.deadlines(for: item, band: nil).first { $0.kind == .feedback })
        #expect(feedback.metAt == nil)
        #expect(feedback.isOverdue(at: Fixtures.date("2027-01-02T00:00:00Z")))
    }

    @Test("A score above 100 shows the cap as a line of its breakdown")
    func capLine() {
        let score = Fixtures.scorer.score(Fixtures.ratings(4, 4, 3, 3, 4), context: .init(categories: ["harassment"], childInvolved: false, otherOpenCasesWithSameRespondent: 2))
        #expect(score.value == 100)
        #expect(score.lines.contains { $0.kind == .cap && $0.text == "Capped at 100: the factors (89) and pervasiveness (+20) add up to 109" })
    }

    @Test("An override naming a category the taxonomy lacks is a configuration error naming the file and key")
    func overrideCategoryChecked() throws {
        var taxonomy = Fixtures.taxonomy
        taxonomy.categories.removeAll { $0.id == "victimisation" }
        let expected = ConfigurationError.invalid(
            file: "scoring.json", detail: .key("config.scoring.override-category", ["index": "4", "id": "retaliation", "category": "victimisation"]))
        #expect(throws: expected) { try Fixtures.scoring.validate(against: taxonomy) }
        #expect(expected.description == "The configuration file scoring.json is not valid: overrides[4] (retaliation) names the category "
            + "'victimisation' in when.category, which taxonomy.json does not list.")
        try Fixtures.scoring.validate(against: Fixtures.taxonomy)
    }
}

@Suite("Imports refuse unknown keys too")
struct ImportUnknownKeyTests {
    @Test("A JSON import with a misspelled field is refused, naming the case and the nearest key")
    func misspelledField() {
        let json = #"[{"channel":"complaint","incidentFirst":"2026-11-01","reporter":{"anonymous":true},"relationship":"staff","reported":[],"categories":["harassment"],"narrative":"x","suportNeeds":"talk"}]"#
        do {
            _ = try CaseJSONImport(file: "cases.json").plan(Data(json.utf8))
            Issue.record("accepted")
        } catch {
            #expect("\(error)".contains("'suportNeeds' is not a field of a case; did you mean 'supportNeeds'?"), "\(error)")
            #expect("\(error)".contains("case 1"), "\(error)")
        }
    }
}
