import CaseCore
@testable import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// Issue 15, point 4: the case detail says when a case's assessment was scored under an older team policy than the
/// one in force.
@Suite("Case detail under a newer team policy")
struct TeamPolicyScreenTests {
    /// The demo desk after a counselor installed version 2 of the policy, severity weighing 4 (1.5 before).
    func deskUnderVersion2() throws -> DeskApp {
        let desk = try Fixture.demoDesk()
        let shipped = Fixture.config.teamPolicy
        let scoring = try #require(shipped.parts["scoring.json"])
        try desk.applyPolicy(try shipped.replacing(["scoring.json": Data(scoring.replacingOccurrences(
            of: #"{"id":"severity","weight":1.5}"#, with: #"{"id":"severity","weight":4}"#).utf8)]))
        return Fixture.app(desk)
    }

    @Test func scoredUnderAnOlderPolicyAt80x24() throws {
        let app = try deskUnderVersion2()
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.pageDown])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0030 · !! High 69 · Assessing · Dusky Petrel                   11–31/62
              Conduct       Intimidation, Exclusion / ostracism
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 2.9 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  4.00 = 22.9 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 4.3 pts
              Well-being impact: 2 (affects sleep, work or health) × 1.25 = 7.1 pts
              Power differential: 4 (controls livelihood, aid, residence or legal status) ×
                  1.00 = 11.4 pts
              Pervasiveness: reported person named in 4 other open cases +20 pts (10 per
                  case, cap 20)
              Override: retaliation after a complaint → at least High
              Score 69/100 → High · pervasive · escalation suggested
              Scored under team policy version 1; version 2 has been in force since 25
                  November 2026 (installed by counselor), and the score above is version
                  2's. Assess the case again to score it under the policy in force.

             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal
            """, "older-policy-80x24")
    }

    @Test func scoredUnderAnOlderPolicyAt200x24() throws {
        let app = try deskUnderVersion2()
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, Array(repeating: .down, count: 12))
        expectScreen(app.render(width: 200, height: 24), """
             C-2026-0030 · !! High 69 · Assessing · Dusky Petrel                                                                                                                                           13–33/48

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 2.9 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) × 4.00 = 22.9 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 4.3 pts
              Well-being impact: 2 (affects sleep, work or health) × 1.25 = 7.1 pts
              Power differential: 4 (controls livelihood, aid, residence or legal status) × 1.00 = 11.4 pts
              Pervasiveness: reported person named in 4 other open cases +20 pts (10 per case, cap 20)
              Override: retaliation after a complaint → at least High
              Score 69/100 → High · pervasive · escalation suggested
              Scored under team policy version 1; version 2 has been in force since 25 November 2026 (installed by counselor), and the score above is version 2's. Assess the case again to score it under the
                  policy in force.

            Deadlines
              Acknowledge receipt   2026-10-29 21:30  met 2026-10-16 08:00
              Written confirmation  2026-10-29 21:30  OVERDUE
              First contact         2026-10-18 21:30  met 2026-10-16 08:00
              Support offered       2026-10-18 21:30  OVERDUE
              Feedback to reporter  2027-01-15 21:30  due
              Follow-up             2026-11-15 08:00  OVERDUE

             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal  Esc back  ? help
            """, "older-policy-200x24")
    }
}
