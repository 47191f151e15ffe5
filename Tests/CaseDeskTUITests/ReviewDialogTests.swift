import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import Testing

@Suite("The supervisor's review dialog and the counselor's alert")
struct ReviewDialogTests {
    /// A supervisor on the screen database, with the escalated case C-2026-0026 open.
    static func supervisorOnCase() throws -> (app: DeskApp, database: (desk: CaseDesk, path: String)) {
        let database = try Fixture.demoDatabase()
        let app = Fixture.app(try Fixture.desk(as: "supervisor", role: .supervisor, on: database), banner: nil)
        Fixture.press(app, [.enter])
        #expect((app.stack.last as? DetailScreen)?.view.item.id.description == "C-2026-0026")
        return (app, database)
    }

    @Test func reviewDialogAt80x24() throws {
        let (app, _) = try Self.supervisorOnCase()
        #expect(app.render(width: 80, height: 24).line(23).contains("v review"), "the status bar offers the review")
        Fixture.press(app, [.char("v")])
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
              Reported    ┌─ Review C-2026-0026: your decision ─────────────┐ontrols
                          │Return to the counselor with advice              │
              Categories  │Escalate to the next level (none: at the top)    │
              Conduct     │Accept for a formal procedure                    │
              Child       │Close with an outcome                            │
              Consent     └─────────────────────────────────────────────────┘
              Wishes        not recorded
              Escalated to  External complaints committee

            Escalation history
              Level         External complaints committee (rung 4 of 4)
              2026-10-06 12:00  Escalation   Escalated to External complaints committee
                                             (status assessing → escalated): Escalated

             Cases: 5 overdue · 0 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "review-dialog-80x24")
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
              ┌─ Review C-2026-0026: Return to the counselor with advice ────────────────┐
              │ Advice for the counselor (required; journaled, and the counselor is      │
              │ asked to act on it within 2 days):                                       │
              │                                                                          │
              │ Enter done · Esc cancel                                                  │
              └──────────────────────────────────────────────────────────────────────────┘
              Wishes        not recorded
              Escalated to  External complaints committee

            Escalation history
              Level         External complaints committee (rung 4 of 4)
              2026-10-06 12:00  Escalation   Escalated to External complaints committee
                                             (status assessing → escalated): Escalated

             Cases: 5 overdue · 0 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "review-advice-80x24")
        Fixture.press(app, [.enter])
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(prompt.error == "A reason is required to record a review decision.")
    }

    @Test func reviewDialogAt200x60() throws {
        let (app, _) = try Self.supervisorOnCase()
        Fixture.press(app, [.char("v")])
        expectScreen(app.render(width: 200, height: 60), """
             C-2026-0026 · !!! Critical 81 · Escalated · Cinder Robin
            Summary
              Case          C-2026-0026   !!! Critical 81/100   Escalated
              Channel       Referral
              Received      2 October 2026 09:20
              Incidents     1 September 2026 – 28 September 2026  within the six-month window
              Reporter      Cinder Robin — identity withheld (no consent)
              Relationship  Beneficiary / person of concern
              Reported      Joseph Kamau, Driver (distribution contractor) (controls livelihood, aid, residence or legal status)
              Categories    Sexual exploitation and abuse
              Conduct       Quid pro quo
              Child         a child is involved
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded
              Escalated to  External complaints committee

            Escalation history
              Level         External complaints committee (rung 4 of 4)
              2026-10-06 12:00  Escalation   Escalated to External complaints committee (status assessing → escalated): Escalated before import — counselor

            Assessment
              Ratings       Frequency 2 · Severity 4 · Threat / humiliation 3 · Well-being impact 3 · Power differential 4
              Frequency: 2 (repeated over weeks) × 1.00 = 8.0 pts
              Severity: 4 (assault, sexual exploitation or abuse) × 1.50 = 24.0 pts
              Threat / humiliation: 3 (intimidation, implied threat) × 1.50 = 18.0 pts
              Well-being impact: 3 (medical help or leave) × 1.25 = 15.0 pts
              Power differential: 4 (controls livelihood, aid, residence or legal status) × 1.00 = 16.0 pts
              Override: a child is involved → at least Critical                       ┌─ Review C-2026-0026: your decision ─────────────┐
              Override: sexual exploitation and abuse → at least Critical             │Return to the counselor with advice              │
              Score 81/100 → Critical · severe · escalation suggested                 │Escalate to the next level (none: at the top)    │
                                                                                      │Accept for a formal procedure                    │
            Deadlines                                                                 │Close with an outcome                            │
              Acknowledge receipt   2026-10-16 09:20  met 2026-10-02 12:00            └─────────────────────────────────────────────────┘
              Written confirmation  2026-10-16 09:20  OVERDUE
              First contact         2026-10-03 09:20  met 2026-10-02 12:00
              Support offered       2026-10-03 09:20  met 2026-10-03 09:00
              Feedback to reporter  2027-01-02 09:20  due
              Follow-up             2026-11-02 09:00  OVERDUE

            Narrative
              Referred by an education partner. A mother reports that a contracted driver has been giving her 15-year-old daughter extra food rations and phone credit and asking her to meet him after
              distributions. Other girls have mentioned the same […]

            Journal (4)
              2026-10-04 09:00  Status       Status new → acknowledged — counselor
              2026-10-05 09:00  Status       Status acknowledged → assessing — counselor
              2026-10-05 12:00  Assessment   Assessed frequency 2, severity 4, threat 3, wellbeing 3, power 4 → score 81, critical; escalation suggested — counselor
              2026-10-06 12:00  Escalation   Escalated to External complaints committee (status assessing → escalated): Escalated before import — counselor











             Cases: 5 overdue · 0 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "review-dialog-200x60")
    }

    @Test func counselorHasNoReviewKey() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0026", app: app)
        Fixture.press(app, [.char("v")])
        #expect(app.modals.isEmpty)
        #expect(!app.render(width: 200, height: 60).line(59).contains("v review"))
        #expect(HelpScreen.lines(counselor: true).map(\.text).contains {
            $0.contains("Review (supervisors only): return with advice, next level, formal procedure or close")
        })
    }

    @Test func closingNeedsTheOutcomeTheMeasuresAndAReason() throws {
        let (app, _) = try Self.supervisorOnCase()
        Fixture.press(app, [.char("v"), .down, .down, .down, .enter])
        let outcomes = try #require(app.modals.last as? Chooser)
        #expect(outcomes.title == "Outcome of C-2026-0026")
        let substantiated = try #require(Outcome.allCases.firstIndex(of: .substantiated))
        Fixture.press(app, Array(repeating: .down, count: substantiated) + [.enter])
        let measures = try #require(app.modals.last as? Chooser)
        #expect(measures.multiple)
        Fixture.press(app, [.enter])
        #expect(measures.error == CaseError.measuresRequired.description)
        Fixture.press(app, [.char(" "), .enter])
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(prompt.title == "Review C-2026-0026: Close with an outcome")
        Fixture.type(app, "Substantiated by the committee.")
        Fixture.press(app, [.enter])
        #expect(app.modals.isEmpty)
        let item = try #require((app.stack.last as? DetailScreen)?.view.item)
        #expect(item.status == .closed && item.outcome == .substantiated && item.measures == [Measure.allCases[0]])
        #expect(app.message?.text == "C-2026-0026 closed: \(Outcome.substantiated.label).")
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(DetailScreen.lines(detail.view, app: app, width: 80).map(\.text)
            .contains("  Outcome       \(Outcome.substantiated.label)"), "the closed case shows its outcome")
    }

    /// The counselor escalates under a duty to act; the supervisor returns it with advice through the dialog; the
    /// counselor's alert panel lists "Act on the review"; a journal entry acts on it and the alert goes.
    @Test func returnedWithAdviceTheCounselorActsOnIt() throws {
        let database = try Fixture.demoDatabase()
        let supervisorDesk = try Fixture.desk(as: "supervisor", role: .supervisor, on: database)
        let counselor = Fixture.app(database.desk)
        ColonCommand.run("open C-2026-0021", app: counselor)
        Fixture.press(counselor, [.char("e"), .enter])
        Fixture.type(counselor, "Danger to life: threats reported")
        Fixture.press(counselor, [.enter])
        Fixture.type(counselor, "Threats of violence need the complaints team")
        Fixture.press(counselor, [.enter])
        #expect((counselor.stack.last as? DetailScreen)?.view.item.status == .escalated, "\(String(describing: counselor.message))")

        let supervisor = Fixture.app(supervisorDesk, banner: nil)
        #expect(supervisor.queue.visible.contains { $0.id.description == "C-2026-0021" })
        ColonCommand.run("open C-2026-0021", app: supervisor)
        Fixture.press(supervisor, [.char("v"), .enter])
        Fixture.type(supervisor, "Offer a safety plan and meet the reporter this week")
        Fixture.press(supervisor, [.enter])
        #expect(supervisor.message?.text == "C-2026-0021 returned to the counselor with your advice.")
        #expect((supervisor.stack.last as? DetailScreen)?.view.item.status == .supportAdvice)

        let next = Fixture.app(database.desk)
        next.start()
        let panel = try #require(next.modals.last as? AlertPanel)
        let index = try #require(panel.alerts.firstIndex { $0.caseID.description == "C-2026-0021" && $0.deadline.kind == .review })
        #expect(index == panel.alerts.count - 1, "due in two days: the last alert")
        Fixture.press(next, Array(repeating: .pageDown, count: 8))
        expectScreen(next.render(width: 80, height: 24), """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             I┌─ Deadline alerts: 75 overdue in 33 cases · 6 due ≤48h in 3 more cases ───┐
            >C│ OVERDUE  C-2026-0036 !   Medium   Acknowledge receipt  2026-11-17 10:00  │ !
             C│ OVERDUE  C-2026-0036 !   Medium   Written confirmation 2026-11-17 10:00  │ !
             C│ OVERDUE  C-2026-0021 !!  High     Follow-up            2026-11-17 11:00  │ !
             C│ OVERDUE  C-2026-0037 ?   Unrated  Written confirmation 2026-11-18 12:00  │ !
             C│ OVERDUE  C-2026-0029 !!  High     Follow-up            2026-11-19 10:00  │ !
             C│ OVERDUE  C-2026-0016 !!! Critical Feedback to reporter 2026-11-20 10:40  │ !
             C│ OVERDUE  C-2026-0038 ?   Unrated  Written confirmation 2026-11-20 19:05  │ !
             C│ OVERDUE  C-2026-0039 ?   Unrated  Acknowledge receipt  2026-11-22 14:30  │ !
             C│ OVERDUE  C-2026-0039 ?   Unrated  Written confirmation 2026-11-22 14:30  │ !
             C│ OVERDUE  C-2026-0040 !!  High     Written confirmation 2026-11-24 08:30  │ !
             C│ due soon C-2026-0042 ?   Unrated  First contact        2026-11-26 11:20  │ !
             C│ due soon C-2026-0041 ?   Unrated  Written confirmation 2026-11-26 13:40  │ !
             C│ due soon C-2026-0033 !   Medium   Follow-up            2026-11-26 15:00  │ !
             C│ due soon C-2026-0043 ?   Unrated  First contact        2026-11-27 09:15  │ !
             C│ due soon C-2026-0032 !!  High     Follow-up            2026-11-27 09:30  │ !
             C│ due soon C-2026-0021 !!  High     Act on the review    2026-11-27 12:00  │ !
             C│                                                                          │ !
             C│ 66–81 of 81 · Enter opens the case · Esc dismisses · A shows them again  │ !
             C└──────────────────────────────────────────────────────────────────────────┘ !

             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc dismiss  ? help
            """, "alerts-review-80x24")
        expectScreen(next.render(width: 200, height: 60), """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  REPORTER       ┌─ Deadline alerts: 75 overdue in 33 cases · 6 due ≤48h in 3 more cases ─────────────────────────────────────┐            STATUS    NEXT DEADLINE
            >C-2026-0023 !!! Critical  99 Basalt Falcon  │ OVERDUE  C-2026-0020 !!! Critical Written confirmation 2026-09-19 22:40  Ember Shrike                      │            escal.    2026-09-23 support    !
             C-2026-0012 !!! Critical  95 Garnet Egret   │ OVERDUE  C-2026-0016 !!! Critical Follow-up            2026-09-20 09:00  Mist Bittern                      │            formal    2026-07-29 support    !
             C-2026-0016 !!! Critical  81 Mist Bittern   │ OVERDUE  C-2026-0023 !!! Critical Support offered      2026-09-23 08:00  Basalt Falcon                     │            formal    2026-09-03 letter     !
             C-2026-0026 !!! Critical  81 Cinder Robin   │ OVERDUE  C-2026-0021 !!  High     Written confirmation 2026-09-26 10:30  Ochre Sandpiper                   │            escal.    2026-10-16 letter     !
             C-2026-0010 !!! Critical  79 Storm Gannet   │ OVERDUE  C-2026-0022 !   Medium   Written confirmation 2026-10-02 10:00  Heather Redpoll                   │            escal.    2026-07-16 support    !
             C-2026-0006 !!! Critical  77 Walnut Curlew  │ OVERDUE  C-2026-0019 !!  High     Follow-up            2026-10-03 09:00  Coral Shearwater                  │            formal    2026-06-11 support    !
             C-2026-0004 !!! Critical  75 Thistle Auk    │ OVERDUE  C-2026-0023 !!! Critical Written confirmation 2026-10-06 08:00  Basalt Falcon                     │            formal    2026-05-21 support    !
             C-2026-0025 !!! Critical  75 Lichen Stork   │ OVERDUE  C-2026-0027 !!  High     Support offered      2026-10-08 15:00  Sable Godwit                      │            assess    2026-10-12 letter     !
             C-2026-0018 !!! Critical  69 Ash Lapwing    │ OVERDUE  C-2026-0009 .   Low      Feedback to reporter 2026-10-10 14:20  Teal Pipit                        │            support   2026-09-13 letter     !
             C-2026-0020 !!! Critical  66 Ember Shrike   │ OVERDUE  C-2026-0025 !!! Critical Written confirmation 2026-10-12 13:00  Lichen Stork                      │            support   2026-09-19 letter     !
             C-2026-0032 !!  High      74 Indigo Swift   │ OVERDUE  C-2026-0029 !!  High     Support offered      2026-10-15 18:25  Clay Whimbrel                     │            assess    2026-11-04 letter     !
             C-2026-0021 !!  High      72 Ochre Sandpiper│ OVERDUE  C-2026-0026 !!! Critical Written confirmation 2026-10-16 09:20  Cinder Robin                      │            support   2026-09-15 support    !
             C-2026-0011 !!  High      69 Scarlet Avocet │ OVERDUE  C-2026-0018 !!! Critical Follow-up            2026-10-16 15:00  Ash Lapwing                       │            support   2026-08-05 letter     !
             C-2026-0029 !!  High      68 Clay Whimbrel  │ OVERDUE  C-2026-0030 !!  High     Support offered      2026-10-18 21:30  Dusky Petrel                      │            support   2026-10-15 support    !
             C-2026-0030 !!  High      68 Dusky Petrel   │ OVERDUE  C-2026-0022 !   Medium   Follow-up            2026-10-19 09:00  Heather Redpoll                   │            assess    2026-10-18 support    !
             C-2026-0040 !!  High      68 Rust Plover    │ OVERDUE  C-2026-0027 !!  High     Written confirmation 2026-10-19 15:00  Sable Godwit                      │            ack'd     2026-11-13 support    !
             C-2026-0019 !!  High      59 Coral Shearwate│ OVERDUE  C-2026-0028 !   Medium   Written confirmation 2026-10-23 10:10  Moss Harrier                      │            escal.    2026-09-05 support    !
             C-2026-0027 !!  High      50 Sable Godwit   │ OVERDUE  C-2026-0020 !!! Critical Follow-up            2026-10-25 10:00  Ember Shrike                      │            support   2026-10-08 support    !
             C-2026-0039 ?   Unrated    – Silver Marten  │ OVERDUE  C-2026-0029 !!  High     Written confirmation 2026-10-26 18:25  Clay Whimbrel                     │            new       2026-11-15 contact    !
             C-2026-0037 ?   Unrated    – Violet Crane   │ OVERDUE  C-2026-0030 !!  High     Written confirmation 2026-10-29 21:30  Dusky Petrel                      │            ack'd     2026-11-18 letter     !
             C-2026-0038 ?   Unrated    – Hollow Finch   │ OVERDUE  C-2026-0013 !   Medium   Follow-up            2026-10-30 10:00  Olive Bunting                     │            ack'd     2026-11-20 letter     !
             C-2026-0042 ?   Unrated    – Cedar Wren     │ OVERDUE  C-2026-0025 !!! Critical Follow-up            2026-10-30 11:00  Lichen Stork                      │            new       2026-11-26 contact
             C-2026-0041 ?   Unrated    – Pale Osprey    │ OVERDUE  C-2026-0012 !!! Critical Follow-up            2026-10-31 11:00  Garnet Egret                      │            ack'd     2026-11-26 letter
             C-2026-0043 ?   Unrated    – Copper Ibis    │ OVERDUE  C-2026-0026 !!! Critical Follow-up            2026-11-02 09:00  Cinder Robin                      │            new       2026-11-27 contact
             C-2026-0044 ?   Unrated    – Quiet Lantern  │ OVERDUE  C-2026-0032 !!  High     Written confirmation 2026-11-04 06:50  Indigo Swift                      │            new       2026-11-29 contact
             C-2026-0045 ?   Unrated    – Amber Heron    │ OVERDUE  C-2026-0014 !   Medium   Feedback to reporter 2026-11-08 10:30  Flint Dunlin                      │            new       2026-12-01 contact
             C-2026-0033 !   Medium    49 Tawny Gull     │ OVERDUE  C-2026-0027 !!  High     Follow-up            2026-11-08 14:00  Sable Godwit                      │            assess    2026-11-10 letter     !
             C-2026-0014 !   Medium    48 Flint Dunlin   │ OVERDUE  C-2026-0028 !   Medium   Follow-up            2026-11-09 09:00  Moss Harrier                      │            escal.    2026-08-22 letter     !
             C-2026-0036 !   Medium    44 Grey Kestrel   │ OVERDUE  C-2026-0033 !   Medium   Written confirmation 2026-11-10 08:20  Tawny Gull                        │            new       2026-11-10 contact    !
             C-2026-0028 !   Medium    42 Moss Harrier   │ OVERDUE  C-2026-0036 !   Medium   First contact        2026-11-10 10:00  Grey Kestrel                      │            assess    2026-10-23 letter     !
             C-2026-0034 !   Medium    42 Birch Sparrow  │ OVERDUE  C-2026-0040 !!  High     Support offered      2026-11-13 08:30  Rust Plover                       │            ack'd     2026-11-13 letter     !
             C-2026-0022 !   Medium    34 Heather Redpoll│ OVERDUE  C-2026-0034 !   Medium   Written confirmation 2026-11-13 09:45  Birch Sparrow                     │            informal  2026-10-02 letter     !
             C-2026-0007 !   Medium    31 Fawn Dipper    │ OVERDUE  C-2026-0015 .   Low      Feedback to reporter 2026-11-14 13:15  Juniper Tern                      │            support   2026-07-02 letter     !
             C-2026-0013 !   Medium    25 Olive Bunting  │ OVERDUE  C-2026-0030 !!  High     Follow-up            2026-11-15 08:00  Dusky Petrel                      │            informal  2026-08-17 letter     !
             C-2026-0035 .   Low       24 Cobalt Linnet  │ OVERDUE  C-2026-0035 .   Low      Written confirmation 2026-11-15 11:00  Cobalt Linnet                     │            assess    2026-11-15 letter     !
             C-2026-0015 .   Low       22 Juniper Tern   │ OVERDUE  C-2026-0039 ?   Unrated  First contact        2026-11-15 14:30  Silver Marten                     │            support   2026-08-28 letter     !
             C-2026-0008 .   Low       19 Linen Oriole   │ OVERDUE  C-2026-0036 !   Medium   Acknowledge receipt  2026-11-17 10:00  Grey Kestrel                      │            informal  2026-07-09 letter     !
             C-2026-0009 .   Low       17 Teal Pipit     │ OVERDUE  C-2026-0036 !   Medium   Written confirmation 2026-11-17 10:00  Grey Kestrel                      │            informal  2026-07-24 letter     !
                                                         │ OVERDUE  C-2026-0021 !!  High     Follow-up            2026-11-17 11:00  Ochre Sandpiper                   │
                                                         │ OVERDUE  C-2026-0037 ?   Unrated  Written confirmation 2026-11-18 12:00  Violet Crane                      │
                                                         │ OVERDUE  C-2026-0029 !!  High     Follow-up            2026-11-19 10:00  Clay Whimbrel                     │
                                                         │ OVERDUE  C-2026-0016 !!! Critical Feedback to reporter 2026-11-20 10:40  Mist Bittern                      │
                                                         │ OVERDUE  C-2026-0038 ?   Unrated  Written confirmation 2026-11-20 19:05  Hollow Finch                      │
                                                         │ OVERDUE  C-2026-0039 ?   Unrated  Acknowledge receipt  2026-11-22 14:30  Silver Marten                     │
                                                         │ OVERDUE  C-2026-0039 ?   Unrated  Written confirmation 2026-11-22 14:30  Silver Marten                     │
                                                         │ OVERDUE  C-2026-0040 !!  High     Written confirmation 2026-11-24 08:30  Rust Plover                       │
                                                         │ due soon C-2026-0042 ?   Unrated  First contact        2026-11-26 11:20  Cedar Wren                        │
                                                         │ due soon C-2026-0041 ?   Unrated  Written confirmation 2026-11-26 13:40  Pale Osprey                       │
                                                         │ due soon C-2026-0033 !   Medium   Follow-up            2026-11-26 15:00  Tawny Gull                        │
                                                         │ due soon C-2026-0043 ?   Unrated  First contact        2026-11-27 09:15  Copper Ibis                       │
                                                         │ due soon C-2026-0032 !!  High     Follow-up            2026-11-27 09:30  Indigo Swift                      │
                                                         │ due soon C-2026-0021 !!  High     Act on the review    2026-11-27 12:00  Ochre Sandpiper                   │
                                                         │                                                                                                            │
                                                         │ 30–81 of 81 · Enter opens the case · Esc dismisses · A shows them again                                    │
                                                         └────────────────────────────────────────────────────────────────────────────────────────────────────────────┘

             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc dismiss  ? help
            """, "alerts-review-200x60")
        Fixture.press(next, [.enter])
        let detail = try #require(next.stack.last as? DetailScreen)
        #expect(detail.view.item.id.description == "C-2026-0021")
        let text = DetailScreen.lines(detail.view, app: next, width: 200).map(\.text)
        #expect(text.contains { $0.contains("Supervisor's review") && $0.contains(
            "Review by supervisor: returned to the counselor (status escalated → support-advice): Offer a safety plan and meet the reporter this week — supervisor") })
        #expect(text.contains { $0.contains("Act on the review") && $0.contains("2026-11-27 12:00") })

        Fixture.press(next, [.char("j"), .enter])
        Fixture.type(next, "Safety plan agreed with the reporter")
        Fixture.press(next, [.enter, .escape, .char("A")])
        let after = try #require(next.modals.last as? AlertPanel)
        #expect(!after.alerts.contains { $0.caseID.description == "C-2026-0021" && $0.deadline.kind == .review })
    }
}

@Suite("Forms: Ctrl-C, check boxes, the narrative, the suggested power, the follow-up interval, counts")
struct FormRefinementTests {
    @Test func ctrlCInAFormWithTextAsks() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .ctrl("c")])
        #expect(app.shouldQuit, "an untouched form: Ctrl-C quits at once")

        let typed = Fixture.app(try Fixture.demoDesk())
        Fixture.press(typed, [.char("n"), .tab, .tab])
        Fixture.type(typed, "2026-11-01")
        Fixture.press(typed, [.ctrl("c")])
        #expect(!typed.shouldQuit)
        expectScreen(typed.render(width: 80, height: 24), """
             New case — intake (unsaved)
             Report
              Channel                   < Complaint >
              Received (date)           2026-11-25
            > First incident (date)     2026-11-01
              Last incident (date)

             Reporter
              Pseudonym (optional)      (made up when left empty)
              Anonymous                 [ ] no
              Name             ┌───────────────────────────────────────┐
              Contact          │ Quit and discard this new case? y/n   │
              Relationship     └───────────────────────────────────────┘
              Reporter's wishes         < not recorded >
              Language of letters       < the desk's >

             Affected person, when someone else reported (optional)
              Pseudonym (optional)      (none: the reporter is the affected person)
              Name
              Contact

             Reported person

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "intake-ctrl-c-80x24")
        expectScreen(typed.render(width: 200, height: 40), """
             New case — intake (unsaved)
             Report
              Channel                   < Complaint >
              Received (date)           2026-11-25
            > First incident (date)     2026-11-01
              Last incident (date)

             Reporter
              Pseudonym (optional)      (made up when left empty)
              Anonymous                 [ ] no
              Name
              Contact
              Relationship              < Staff >
              Reporter's wishes         < not recorded >
              Language of letters       < the desk's >

             Affected person, when someone else reported (optional)
              Pseudonym (optional)      (none: the reporter is the affected person)
              Name                                                                         ┌───────────────────────────────────────┐
              Contact                                                                      │ Quit and discard this new case? y/n   │
                                                                                           └───────────────────────────────────────┘
             Reported person
              Name
              Role
              Power                     < peer >
              Second reported person    [ ] no

             What happened
              Categories                (none — Space or Enter to choose)
              Conduct                   (none — Space or Enter to choose)
              A child is involved       [ ] no
              Consent to share identity [ ] no

             In the reporter's words
              Narrative




             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "intake-ctrl-c-200x40")
        Fixture.press(typed, [.char("n")])
        #expect(!typed.shouldQuit && (typed.stack.last as? IntakeForm)?.texts[.incidentFirst]?.text == "2026-11-01")
        Fixture.press(typed, [.ctrl("c"), .char("y")])
        #expect(typed.shouldQuit)

        let twice = Fixture.app(try Fixture.demoDesk())
        Fixture.press(twice, [.char("n"), .tab, .tab])
        Fixture.type(twice, "2")
        Fixture.press(twice, [.ctrl("c"), .ctrl("c")])
        #expect(twice.shouldQuit, "a second Ctrl-C quits")
    }

    @Test func printableKeysOnACheckBoxAreNotSwallowed() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .tab, .tab, .tab, .tab, .tab])
        let form = try #require(app.stack.last as? IntakeForm)
        #expect(form.focus == .anonymous)
        let before = form.texts
        Fixture.type(app, "x")
        #expect(app.message?.text == "'x' was not typed: Space toggles Anonymous; Tab goes to the next field.")
        #expect(form.texts == before && !form.anonymous && !form.dirty)
        Fixture.press(app, [.char(" ")])
        #expect(form.anonymous)
        Fixture.press(app, [.tab, .tab])
        #expect(form.focus == .wishes)
        Fixture.type(app, "f")
        #expect(app.message?.text == "'f' was not typed: ←/→ or Space change Reporter's wishes; Tab goes to the next field.")
        #expect(form.wishes == nil)
    }

    @Test func narrativeWrapsAtWordBoundaries() {
        #expect(TextField("the quick brown fox jumps", multiline: true).wrappedLines(columns: 12)
            == ["the quick ", "brown fox ", "jumps"])
        #expect(TextField("abcdefghijklmnop", multiline: true).wrappedLines(columns: 6) == ["abcde", "fghij", "klmno", "p"])
        #expect(TextField("one\ntwo three", multiline: true).wrappedLines(columns: 8) == ["one", "two ", "three"])
        var buffer = ScreenBuffer(width: 20, height: 2)
        TextField("Every evening he wrote", multiline: true)
            .drawMultiline(into: &buffer, row: 0, col: 0, columns: 20, rows: 2, focused: false)
        #expect(buffer.text == "Every evening he\nwrote")
    }

    @Test func helpTitlesTheFormForBothUses() {
        let lines = HelpScreen.lines(counselor: true).map(\.text)
        #expect(lines.contains("Case form: new case (n) and edit (i)"))
        #expect(lines.contains("Case form: choices, check boxes and lists"))
        #expect(!lines.contains("New case form"))
    }

    @Test func assessmentStartsFromTheSuggestedPower() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        Fixture.press(app, [.char("a")])
        let form = try #require(app.stack.last as? AssessmentForm)
        #expect(form.ratings.power == 1 && form.ratings.frequency == 0)
        let screen = app.render(width: 80, height: 24)
        #expect(screen.line(7) == "  Power differential    0 [1] 2  3  4  * peers")
        #expect(screen.line(8) == " * Power 1 suggested from the reported persons (peer): confirm or change it.")
        Fixture.press(app, [.down, .down, .down, .down, .right])
        #expect(form.ratings.power == 2 && form.suggestedPower == nil)
        #expect(!app.render(width: 80, height: 24).text.contains("suggested from the reported persons"))

        let assessed = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0030", app: assessed)
        Fixture.press(assessed, [.char("a")])
        #expect((assessed.stack.last as? AssessmentForm)?.suggestedPower == nil, "an assessed case keeps its ratings")
    }

    @Test func followUpIntervalPerCase() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0021", app: app)
        Fixture.press(app, [.char("f")])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0021 · !! High 72 · Support & advice · Ochre Sandpiper          1–21/66
            Summary
              Case          C-2026-0021   !! High 72/100   Support & advice
              Channel       Complaint
              Received      12 September 2026 10:30
              Incidents     15 June 2026 – 5 September 2026  within the six-month window
              Reporter      Ochre Sandpiper — Selin Aydın <selin.aydin@example.org>
              Relationship  Staff
              Reported      Viktor Hale, Country Director (direct supervisor / controls
              ┌─ Follow-up interval — C-2026-0021 ───────────────────────────────────────┐
              │ Days between follow-ups for this case, 1 to 365 (now the policy's 30     │
              │ days; leave empty for the policy's 30):                                  │
              │                                                                          │
              │ Enter done · Esc cancel                                                  │
              └──────────────────────────────────────────────────────────────────────────┘
            Assessment
              Ratings       Frequency 3 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 3
              Frequency: 3 (weekly or more) × 1.00 = 12.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "follow-up-interval-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0021 · !! High 72 · Support & advice · Ochre Sandpiper                                                                                                                                  1–37/50
            Summary
              Case          C-2026-0021   !! High 72/100   Support & advice
              Channel       Complaint
              Received      12 September 2026 10:30
              Incidents     15 June 2026 – 5 September 2026  within the six-month window
              Reporter      Ochre Sandpiper — Selin Aydın <selin.aydin@example.org>
              Relationship  Staff
              Reported      Viktor Hale, Country Director (direct supervisor / controls contract)
              Categories    Sexual harassment, Harassment
              Conduct       Sexual remarks
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Ratings       Frequency 3 · Severity 2 · Threat / humiliation 1 · Well-being impact 2 · Power differential 3
              Frequency: 3 (weekly or more) × 1.00 = 12.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld in┌─ Follow-up interval — C-2026-0021 ───────────────────────────────────────┐
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0│ Days between follow-ups for this case, 1 to 365 (now the policy's 30     │
              Well-being impact: 2 (affects sleep, work or health) × 1.25 │ days; leave empty for the policy's 30):                                  │
              Power differential: 3 (direct supervisor, controls contract)│                                                                          │
              Pervasiveness: reported person named in 4 other open cases +│ Enter done · Esc cancel                                                  │
              Score 72/100 → High · pervasive · escalation suggested      └──────────────────────────────────────────────────────────────────────────┘

            Deadlines
              Acknowledge receipt   2026-09-26 10:30  met 2026-09-13 09:00
              Written confirmation  2026-09-26 10:30  OVERDUE
              First contact         2026-09-15 10:30  met 2026-09-13 09:00
              Support offered       2026-09-15 10:30  OVERDUE
              Feedback to reporter  2026-12-12 10:30  met 2026-10-18 11:00
              Follow-up             2026-11-17 11:00  OVERDUE

            Due process (per reported person)
              1. Viktor Hale, Country Director
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative
              At two donor receptions the Country Director commented on my dress and told guests I was "the prettiest part of the programme". He has also asked me to sit next to him at dinners "to keep him in a

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "follow-up-interval-200x40")
        Fixture.type(app, "fortnight")
        Fixture.press(app, [.enter])
        #expect((app.modals.last as? TextPrompt)?.error
            == "The follow-up interval must be a whole number of days, not 'fortnight'.")
        Fixture.press(app, [.ctrl("u")])
        Fixture.type(app, "400")
        Fixture.press(app, [.enter])
        #expect((app.modals.last as? TextPrompt)?.error == "The follow-up interval must be 1 to 365 days, not 400.")
        Fixture.press(app, [.ctrl("u")])
        Fixture.type(app, "14")
        Fixture.press(app, [.enter])
        #expect(app.modals.isEmpty)
        #expect(app.message?.text == "C-2026-0021 is now followed up every 14 days.")
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.followUpEveryDays == 14)
        #expect(DetailScreen.lines(detail.view, app: app, width: 80).map(\.text)
            .contains("  Follow-up     every 14 days for this case (the policy's default is 30)"))
        Fixture.press(app, [.char("f"), .ctrl("u"), .enter])
        #expect(app.message?.text == "C-2026-0021 is followed up at the policy's interval (30 days) again.")
        let back = try #require(app.stack.last as? DetailScreen)
        #expect(back.view.item.followUpEveryDays == nil)
        #expect(!DetailScreen.lines(back.view, app: app, width: 80).map(\.text).contains { $0.contains("Follow-up     every") })
    }

    @Test func statusBarAndAlertPanelCountTheSameCases() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.start()
        let panel = try #require(app.modals.last as? AlertPanel)
        #expect(panel.overdueCases.count == app.counts.overdue)
        #expect(panel.dueSoonCases.count == app.counts.dueSoon)
        #expect(panel.title == "Deadline alerts: 75 overdue in 33 cases · 5 due ≤48h in 3 more cases")
        #expect(app.render(width: 80, height: 24).line(23).hasPrefix(" Cases: 33 overdue · 3 due ≤48h │"))
    }
}
