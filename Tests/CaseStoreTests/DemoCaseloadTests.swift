import CaseCore
@testable import CaseStore
import Foundation
import TestKit
import Testing

/// Issue 11 (12): the demo reads as a real caseload, its histories consistent with the rules the desk enforces.
@Suite("The demo caseload")
struct DemoCaseloadTests {
    static func demoCases() throws -> [Case] {
        let (desk, store) = try StoreFixtures.demoDesk(in: TestFixtures.temporaryDirectory())
        return try store.summaries(QueueSelection(status: .all), now: TestFixtures.now).map { try desk.open($0.id).item }
    }

    @Test("Every escalated demo case climbed the ladder one rung at a time at the reporter's request, or records a duty to act")
    func escalationsClimbOneRungAtATime() throws {
        let escalated = try Self.demoCases().filter { $0.escalationLevel != nil }
        #expect(escalated.count == 5)
        for item in escalated {
            let steps = item.journal.filter { $0.kind == .escalation }.map(\.text)
            let rungs = EscalationLevel.allCases.prefix { $0 <= item.escalationLevel! }.map { "Escalated to \($0.label) " }
            #expect(steps.count == rungs.count && zip(steps, rungs).allSatisfy { $0.hasPrefix($1) }, "\(item.id): \(steps)")
            #expect(steps.allSatisfy { $0.contains("at the reporter's request") || $0.contains("under a duty to act") },
                    "\(item.id): \(steps)")
        }
        let basalt = try #require(escalated.first { $0.id.description == "C-2026-0023" })
        #expect(basalt.escalationLevel == .higherManagement)
        #expect(basalt.journal.filter { $0.kind == .escalation }.map(\.text) == [
            "Escalated to Complaints team (status assessing → escalated) at the reporter's request (escalate): Escalated before import",
            "Escalated to Head of department (status escalated → escalated) at the reporter's request (escalate): Escalated before import",
            "Escalated to Higher management (status escalated → escalated) at the reporter's request (escalate): Escalated before import",
        ])
    }

    @Test("The screened-out examples show six screening reasons, reasonable management action and the six-month window among them")
    func screeningReasons() throws {
        let screened = try Self.demoCases().filter { $0.status == .screenedOut }
        #expect(Set(screened.compactMap(\.screeningReason)) == [
            "reverse-ism", "boundary-communication", "criticism-of-oppressive-behaviour", "outside-scope",
            "reasonable-management-action", "outside-six-months",
        ])
        #expect(screened.count == 6)
    }
}
