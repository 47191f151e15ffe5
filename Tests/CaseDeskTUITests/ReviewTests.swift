import CaseCore
@testable import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

@Suite("Escalation review, repeat respondents, conflicts, follow-up codes")
struct ReviewTests {
    @Test func supervisorQueueIsTheEscalationReview() throws {
        let database = try Fixture.demoDatabase()
        let app = Fixture.app(try Fixture.desk(as: "supervisor", role: .supervisor, on: database), banner: nil)
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — Escalation review · by level, then score · 5 of 5 · supervisor
             ID          BAND      SCORE  LEVEL          CATEGORIES  NEXT DEADLINE
            >C-2026-0026 !!! Critical  81 4 External     SEA         2026-10-16 letter     !
             C-2026-0023 !!! Critical  99 3 Higher mgmt  Auth.abuse… 2026-09-23 support    !
             C-2026-0010 !!! Critical  79 3 Higher mgmt  Victimis.,… 2026-07-16 support    !
             C-2026-0014 !   Medium    48 2 Head of dept Discrim. +1 2026-08-22 letter     !
             C-2026-0019 !!  High      59 1 Complaints   Sex.har.    2026-09-05 support    !
















             Cases: 5 overdue · 0 due ≤48h │ Enter open  / search  q quit  ? help
            """, "review-supervisor-80x24")
        let levels = app.queue.visible.map { EscalationLevel.allCases.firstIndex(of: $0.escalationLevel!)! }
        #expect(levels == levels.sorted(by: >), "highest level first")
        Fixture.press(app, [.enter])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0026 · !!! Critical 81 · Escalated · Cinder Robin               1–21/59
            Summary
              Case          C-2026-0026   !!! Critical 81/100   Escalated
              Channel       Referral
              Received      2 October 2026 09:20
              Incidents     1 September 2026 – 28 September 2026  within the six-month
                            window
              Reporter      Cinder Robin — identity withheld (no consent)
              Relationship  Beneficiary / person of concern
              Reported      Joseph Kamau, Driver (distribution contractor) (controls
                            livelihood, aid, residence or legal status)
              Categories    Sexual exploitation and abuse
              Conduct       Quid pro quo
              Child         a child is involved
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded
              Escalated to  External complaints committee

            Escalation history
              Level         External complaints committee (rung 4 of 4)
              2026-10-06 12:00  Escalation   Escalated to External complaints committee
                                             (status assessing → escalated): Escalated

             Cases: 5 overdue · 0 due ≤48h │ v review  Esc back  ? help
            """, "review-supervisor-detail-80x24")
    }

    @Test func supervisorReviewAt200x60() throws {
        let database = try Fixture.demoDatabase()
        let app = Fixture.app(try Fixture.desk(as: "supervisor", role: .supervisor, on: database), banner: nil)
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — Escalation review · by level, then score · 5 of 5 · supervisor
             ID          BAND      SCORE  LEVEL          REPORTER           CATEGORIES                                                                                                       NEXT DEADLINE
            >C-2026-0026 !!! Critical  81 4 External     Cinder Robin       Sexual exploitation and abuse                                                                                    2026-10-16 letter     !
             C-2026-0023 !!! Critical  99 3 Higher mgmt  Basalt Falcon      Abuse of authority, Bullying                                                                                     2026-09-23 support    !
             C-2026-0010 !!! Critical  79 3 Higher mgmt  Storm Gannet       Victimisation, Aggression and violence                                                                           2026-07-16 support    !
             C-2026-0014 !   Medium    48 2 Head of dept Flint Dunlin       Discrimination, Harassment                                                                                       2026-08-22 letter     !
             C-2026-0019 !!  High      59 1 Complaints   Coral Shearwater   Sexual harassment                                                                                                2026-09-05 support    !




















































             Cases: 5 overdue · 0 due ≤48h │ Enter open  / search  q quit  ? help
            """, "review-supervisor-200x60")
    }

    @Test func counselorReviewWithE() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("E")])
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — Escalation review · by level, then score · 5 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  LEVEL          CATEGORIES  NEXT DEADLINE
            >C-2026-0026 !!! Critical  81 4 External     SEA         2026-10-16 letter     !
             C-2026-0023 !!! Critical  99 3 Higher mgmt  Auth.abuse… 2026-09-23 support    !
             C-2026-0010 !!! Critical  79 3 Higher mgmt  Victimis.,… 2026-07-16 support    !
             C-2026-0014 !   Medium    48 2 Head of dept Discrim. +1 2026-08-22 letter     !
             C-2026-0019 !!  High      59 1 Complaints   Sex.har.    2026-09-05 support    !














            Escalation review: highest level first, then score. E returns to the queue.
             Cases: 33 overdue · 3 due ≤48h │ Enter open  / search  n new  q quit  ? help
            """, "review-counselor-80x24")
        #expect(app.queue.visible.allSatisfy { $0.status == .escalated })
        for (a, b) in zip(app.queue.visible, app.queue.visible.dropFirst()) {
            #expect(QueueScreen.reviewOrder(a, b), "\(a.id) before \(b.id): level, then score")
        }
        Fixture.press(app, [.char("b")])
        #expect(app.render(width: 80, height: 24).line(0) == " Confidant — Escalation review · by level, then score · Critical · 3 of 46")
        Fixture.press(app, [.char("b"), .char("b"), .char("b"), .char("b"), .char("b")])
        #expect(app.queue.visible.count == 5, "the band filter went round")
        Fixture.press(app, [.enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        let lines = DetailScreen.lines(detail.view, app: app, width: 80).map(\.text)
        #expect(lines.contains("Escalation history"))
        Fixture.press(app, [.escape, .char("E")])
        #expect(app.render(width: 80, height: 24).line(0).hasPrefix(" Confidant — triage queue · open · 38 of 46"))
    }

    @Test func repeatRespondentsForTheCounselor() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("R")])
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — repeat respondents · 2 people named in more than one case
             Viktor Hale — Country Director · 5 cases, 5 open
             > C-2026-0012  !!! Critical  Formal procedure      received 2026-07-28
               C-2026-0021  !!  High      Support & advice      received 2026-09-12
               C-2026-0023  !!! Critical  Escalated             received 2026-09-22
               C-2026-0030  !!  High      Assessing             received 2026-10-15
               C-2026-0044  ?   Unrated   New                   received 2026-11-22

             Oleg Petrenko — Logistics Coordinator · 2 cases, 2 open
               C-2026-0040  !!  High      Acknowledged          received 2026-11-10
               C-2026-0045  ?   Unrated   New                   received 2026-11-24












             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc back  ? help
            """, "respondents-80x24")
        let screen = try #require(app.stack.last as? RespondentsScreen)
        Fixture.press(app, [.down, .enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.id == screen.respondents[0].cases[1].caseID)
        Fixture.press(app, [.escape])
        #expect(app.stack.last === screen, "Esc from the case comes back to the respondents")
        Fixture.press(app, [.escape])
        #expect(app.stack.count == 1)
    }

    @Test func repeatRespondentsAt200x60() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("R"), .down, .down])
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — repeat respondents · 2 people named in more than one case
             Viktor Hale — Country Director · 5 cases, 5 open
               C-2026-0012  !!! Critical  Formal procedure      received 2026-07-28
               C-2026-0021  !!  High      Support & advice      received 2026-09-12
             > C-2026-0023  !!! Critical  Escalated             received 2026-09-22
               C-2026-0030  !!  High      Assessing             received 2026-10-15
               C-2026-0044  ?   Unrated   New                   received 2026-11-22

             Oleg Petrenko — Logistics Coordinator · 2 cases, 2 open
               C-2026-0040  !!  High      Acknowledged          received 2026-11-10
               C-2026-0045  ?   Unrated   New                   received 2026-11-24
















































             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc back  ? help
            """, "respondents-200x60")
    }

    @Test func repeatRespondentsForTheSupervisorAreNeutral() throws {
        let database = try Fixture.demoDatabase()
        // C-2026-0023 is escalated already; with C-2026-0030 the supervisor sees Viktor Hale twice.
        try database.desk.escalate(CaseID("C-2026-0030")!, to: .complaintsTeam, reason: "Retaliation by the director",
                                   duty: "retaliation against a complainant")
        let app = Fixture.app(try Fixture.desk(as: "supervisor", role: .supervisor, on: database), banner: nil)
        Fixture.press(app, [.char("R")])
        let screen = try #require(app.stack.last as? RespondentsScreen)
        #expect(screen.respondents.map(\.label) == ["Respondent A"])
        #expect(screen.respondents.allSatisfy { $0.role == nil })
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — repeat respondents · 1 person named in more than one case
             Respondent A · 2 cases, 2 open
             > C-2026-0023  !!! Critical  Escalated             received 2026-09-22
               C-2026-0030  !!  High      Escalated             received 2026-10-15



















             Cases: 6 overdue · 0 due ≤48h │ Enter open  Esc back  ? help
            """, "respondents-supervisor-80x24")
    }

    @Test func legalHoldPlacedAndLifted() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("H")])
        #expect((app.modals.last as? TextPrompt)?.title == "Place a legal hold on C-2026-0030")
        Fixture.press(app, [.enter])
        #expect((app.modals.last as? TextPrompt)?.error == "A reason is required to place a legal hold.")
        Fixture.type(app, "Tribunal claim filed")
        Fixture.press(app, [.enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.legalHold)
        #expect(detail.view.item.journal.last?.text == "Legal hold placed: Tribunal claim filed")
        let text = app.render(width: 80, height: 24).text
        #expect(text.contains("Legal hold    in place: the case is not purged until the hold is lifted"))
        #expect(text.contains("Legal hold placed on C-2026-0030."))
        Fixture.press(app, [.char("H")])
        #expect((app.modals.last as? TextPrompt)?.title == "Lift the legal hold on C-2026-0030")
        Fixture.type(app, "Claim settled")
        Fixture.press(app, [.enter])
        #expect(!(try #require(app.stack.last as? DetailScreen)).view.item.legalHold)
    }

    @Test func conflictOfInterestRecusesAndFlagsTheCase() throws {
        let database = try Fixture.demoDatabase()
        let app = Fixture.app(database.desk)
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("C")])
        Fixture.type(app, "The reported director is my brother-in-law.")
        Fixture.press(app, [.enter])
        #expect(app.stack.count == 1, "back on the queue")
        #expect(!app.queue.all.contains { $0.id == CaseID("C-2026-0030") }, "the case left the recused counselor's queue")
        #expect(app.render(width: 80, height: 24).line(22)
            == "You are recused from C-2026-0030; it is flagged for reassignment.")
        // A colleague sees it flagged: R in the queue, "needs reassignment" in the detail.
        let colleague = Fixture.app(try Fixture.desk(as: "colleague", role: .counselor, on: database))
        ColonCommand.run("filter high", app: colleague)
        expectScreen(colleague.render(width: 80, height: 24), """
             Confidant — triage queue · open · High · 8 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE
            >C-2026-0032 !!  High      74 Sex.har. +1      assess    2026-11-04 letter     !
             C-2026-0021 !!  High      72 Sex.har. +1      support   2026-09-15 support    !
             C-2026-0011 !!  High      69 Sex.har. +1      support   2026-08-05 letter     !
             C-2026-0029 !!  High      68 Sex.har. +1      support   2026-10-15 support    !
             C-2026-0030 !!  High      68 Victimisation    assess    2026-10-18 support   R!
             C-2026-0040 !!  High      68 Aggression       ack'd     2026-11-13 support    !
             C-2026-0019 !!  High      59 Sex.har.         escal.    2026-09-05 support    !
             C-2026-0027 !!  High      50 Discrim. +1      support   2026-10-08 support    !











            Filter: open · High — 8 case(s).
             Cases: 33 overdue · 3 due ≤48h │ Enter open  / search  n new  q quit  ? help
            """, "reassignment-queue-80x24")
        ColonCommand.run("C-2026-0030", app: colleague)
        #expect(colleague.render(width: 80, height: 24).text
            .contains("Handler       needs reassignment: a handler declared a conflict of interest"))
    }

    @Test func followUpCodeOpensTheCase() throws {
        let desk = try Fixture.demoDesk()
        let code = try desk.store.issueFollowUpCode(CaseID("C-2026-0030")!, now: TestFixtures.now)
        let app = Fixture.app(desk)
        Fixture.press(app, [.char(":")])
        Fixture.type(app, "code \(code)")
        Fixture.press(app, [.enter])
        #expect((app.stack.last as? DetailScreen)?.view.item.id == CaseID("C-2026-0030"))
        Fixture.press(app, [.escape, .char(":")])
        Fixture.type(app, "code 0000-0000-0000-0000")
        Fixture.press(app, [.enter])
        #expect(app.stack.count == 1)
        #expect(app.render(width: 80, height: 24).line(22) == "No case you can see matches that follow-up code.")
        Fixture.press(app, [.char(":")])
        Fixture.type(app, "code 1234")
        Fixture.press(app, [.enter])
        #expect(app.render(width: 80, height: 24).line(22) == "A follow-up code has 16 digits, like :code 1234 5678 9012 3456.")
        let audit = try desk.store.auditEntries(caseId: nil)
        #expect(audit.filter { $0.action == "follow-up-lookup" }.count == 2)
        #expect(!audit.contains { $0.detail.contains(code.digits) }, "the code itself is never written down")
    }
}
