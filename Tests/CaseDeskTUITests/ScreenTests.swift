import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

@Suite("Queue screen")
struct QueueScreenTests {
    @Test func demoQueueAt80x24() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        expectScreen(app.render(width: 80, height: 24), """
              Confidant — triage queue · open · 38 of 46
              DEMO database (fictional cases) — passphrase: demo
              ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE
             >C-2026-0023 !!! Critical  99 Auth.abuse +1    escal.    2026-09-23 support    !
              C-2026-0012 !!! Critical  95 Sex.har. +1      formal    2026-07-29 support    !
              C-2026-0016 !!! Critical  81 SEA              formal    2026-09-03 letter     !
              C-2026-0026 !!! Critical  81 SEA              escal.    2026-10-16 letter     !
              C-2026-0010 !!! Critical  79 Victimis. +1     escal.    2026-07-16 support    !
              C-2026-0006 !!! Critical  77 Aggression       formal    2026-06-11 support    !
              C-2026-0004 !!! Critical  75 Victimis. +1     formal    2026-05-21 support    !
              C-2026-0025 !!! Critical  75 SEA              assess    2026-10-12 letter     !
              C-2026-0018 !!! Critical  69 Aggression +1    support   2026-09-13 letter     !
              C-2026-0020 !!! Critical  66 Harass. +1       support   2026-09-19 letter     !
              C-2026-0032 !!  High      74 Sex.har. +1      assess    2026-11-04 letter     !
              C-2026-0021 !!  High      72 Sex.har. +1      support   2026-09-15 support    !
              C-2026-0011 !!  High      69 Sex.har. +1      support   2026-08-05 letter     !
              C-2026-0029 !!  High      68 Sex.har. +1      support   2026-10-15 support    !
              C-2026-0030 !!  High      68 Victimisation    assess    2026-10-18 support    !
              C-2026-0040 !!  High      68 Aggression       ack'd     2026-11-13 support    !
              C-2026-0019 !!  High      59 Sex.har.         escal.    2026-09-05 support    !
              C-2026-0027 !!  High      50 Discrim. +1      support   2026-10-08 support    !
              C-2026-0039 ?   Unrated    – Vilific. +1      new       2026-11-15 contact    !

              Cases: 33 overdue · 3 due ≤48h │ Enter open  / search  n new  q quit  ? help
             """, "queue-80x24")
    }

    @Test func demoQueueAt200x60() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        expectScreen(app.render(width: 200, height: 60), """
              Confidant — triage queue · open · 38 of 46
              DEMO database (fictional cases) — passphrase: demo
              ID          BAND      SCORE  REPORTER           CATEGORIES                                                                                                            STATUS    NEXT DEADLINE
             >C-2026-0023 !!! Critical  99 Basalt Falcon      Abuse of authority, Bullying                                                                                          escal.    2026-09-23 support    !
              C-2026-0012 !!! Critical  95 Garnet Egret       Sexual harassment, Abuse of authority                                                                                 formal    2026-07-29 support    !
              C-2026-0016 !!! Critical  81 Mist Bittern       Sexual exploitation and abuse                                                                                         formal    2026-09-03 letter     !
              C-2026-0026 !!! Critical  81 Cinder Robin       Sexual exploitation and abuse                                                                                         escal.    2026-10-16 letter     !
              C-2026-0010 !!! Critical  79 Storm Gannet       Victimisation, Aggression and violence                                                                                escal.    2026-07-16 support    !
              C-2026-0006 !!! Critical  77 Walnut Curlew      Aggression and violence                                                                                               formal    2026-06-11 support    !
              C-2026-0004 !!! Critical  75 Thistle Auk        Victimisation, Bullying                                                                                               formal    2026-05-21 support    !
              C-2026-0025 !!! Critical  75 Lichen Stork       Sexual exploitation and abuse                                                                                         assess    2026-10-12 letter     !
              C-2026-0018 !!! Critical  69 Ash Lapwing        Aggression and violence, Harassment                                                                                   support   2026-09-13 letter     !
              C-2026-0020 !!! Critical  66 Ember Shrike       Harassment, Aggression and violence                                                                                   support   2026-09-19 letter     !
              C-2026-0032 !!  High      74 Indigo Swift       Sexual harassment, Harassment                                                                                         assess    2026-11-04 letter     !
              C-2026-0021 !!  High      72 Ochre Sandpiper    Sexual harassment, Harassment                                                                                         support   2026-09-15 support    !
              C-2026-0011 !!  High      69 Scarlet Avocet     Sexual harassment, Vilification                                                                                       support   2026-08-05 letter     !
              C-2026-0029 !!  High      68 Clay Whimbrel      Sexual harassment, Abuse of authority                                                                                 support   2026-10-15 support    !
              C-2026-0030 !!  High      68 Dusky Petrel       Victimisation                                                                                                         assess    2026-10-18 support    !
              C-2026-0040 !!  High      68 Rust Plover        Aggression and violence                                                                                               ack'd     2026-11-13 support    !
              C-2026-0019 !!  High      59 Coral Shearwater   Sexual harassment                                                                                                     escal.    2026-09-05 support    !
              C-2026-0027 !!  High      50 Sable Godwit       Discrimination, Harassment                                                                                            support   2026-10-08 support    !
              C-2026-0039 ?   Unrated    – Silver Marten      Vilification, Discrimination                                                                                          new       2026-11-15 contact    !
              C-2026-0037 ?   Unrated    – Violet Crane       Sexual harassment                                                                                                     ack'd     2026-11-18 letter     !
              C-2026-0038 ?   Unrated    – Hollow Finch       Vilification, Discrimination                                                                                          ack'd     2026-11-20 letter     !
              C-2026-0042 ?   Unrated    – Cedar Wren         Discrimination, Harassment                                                                                            new       2026-11-26 contact
              C-2026-0041 ?   Unrated    – Pale Osprey        Bullying                                                                                                              ack'd     2026-11-26 letter
              C-2026-0043 ?   Unrated    – Copper Ibis        Abuse of authority                                                                                                    new       2026-11-27 contact
              C-2026-0044 ?   Unrated    – Quiet Lantern      Bullying, Abuse of authority                                                                                          new       2026-11-29 contact
              C-2026-0045 ?   Unrated    – Amber Heron        Harassment, Sexual harassment                                                                                         new       2026-12-01 contact
              C-2026-0033 !   Medium    49 Tawny Gull         Bullying                                                                                                              assess    2026-11-10 letter     !
              C-2026-0014 !   Medium    48 Flint Dunlin       Discrimination, Harassment                                                                                            escal.    2026-08-22 letter     !
              C-2026-0036 !   Medium    44 Grey Kestrel       Harassment                                                                                                            new       2026-11-10 contact    !
              C-2026-0028 !   Medium    42 Moss Harrier       Discrimination                                                                                                        assess    2026-10-23 letter     !
              C-2026-0034 !   Medium    42 Birch Sparrow      Discrimination                                                                                                        ack'd     2026-11-13 letter     !
              C-2026-0022 !   Medium    34 Heather Redpoll    Discrimination                                                                                                        informal  2026-10-02 letter     !
              C-2026-0007 !   Medium    31 Fawn Dipper        Harassment                                                                                                            support   2026-07-02 letter     !
              C-2026-0013 !   Medium    25 Olive Bunting      Harassment                                                                                                            informal  2026-08-17 letter     !
              C-2026-0035 .   Low       24 Cobalt Linnet      Harassment, Discrimination                                                                                            assess    2026-11-15 letter     !
              C-2026-0015 .   Low       22 Juniper Tern       Bullying                                                                                                              support   2026-08-28 letter     !
              C-2026-0008 .   Low       19 Linen Oriole       Vilification                                                                                                          informal  2026-07-09 letter     !
              C-2026-0009 .   Low       17 Teal Pipit         Bullying                                                                                                              informal  2026-07-24 letter     !


















              Cases: 33 overdue · 3 due ≤48h │ Enter open  / search  n new  q quit  ? help
             """, "queue-200x60")
    }

    @Test func overdueRowsAreRedAndBandsCarryMarkersAndColour() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        let buffer = app.render(width: 80, height: 24)
        // Row 3 is the first case: selected (reversed), overdue, critical.
        #expect(buffer.line(3).hasPrefix(">C-2026-0023 !!! Critical"))
        #expect(buffer.style(row: 3, col: 13).role == .critical)
        #expect(buffer.style(row: 4, col: 1) == .overdue)
        // Every case on the first page is overdue; further down, C-2026-0042 is not.
        let wide = app.render(width: 200, height: 60)
        let row = try #require((0..<60).first { wide.line($0).hasPrefix(" C-2026-0042") })
        #expect(wide.style(row: row, col: 1) == .normal, "C-2026-0042 is not overdue")
        #expect(buffer.style(row: 3, col: 1).reverse)
    }

    @Test func wideCharactersAt200x60() throws {
        let app = Fixture.app(try Fixture.desk(holding: WideCases.all),
                              banner: "Учебная база — 演示数据库 — قاعدة بيانات تجريبية 🌻")
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — triage queue · open · 4 of 4
             Учебная база — 演示数据库 — قاعدة بيانات تجريبية 🌻
             ID          BAND      SCORE  REPORTER           CATEGORIES                                                                                                            STATUS    NEXT DEADLINE
            >C-2026-0003 !!! Critical  83 王小明的同事报告 … Abuse of authority, Discrimination                                                                                    assess    2026-11-21 contact    !
             C-2026-0001 !!  High      52 Ольга Соколова-Ив… Harassment                                                                                                            escal.    2026-11-23 contact    !
             C-2026-0004 ?   Unrated    – 🌻🌻 Sunflower 🌻  Vilification                                                                                                          new       2026-11-27 contact
             C-2026-0002 !   Medium    27 ليلى حداد          Bullying                                                                                                              escal.    2026-11-27 contact




















































             Cases: 2 overdue · 2 due ≤48h │ Enter open  / search  n new  q quit  ? help
            """, "wide-queue-200x60")
    }

    @Test func wideBannerTruncatedAt80x24() throws {
        let banner = "Учебная база — 演示数据库演示数据库演示数据库 — قاعدة بيانات تجريبية 🌻🌻🌻🌻🌻🌻 end"
        let app = Fixture.app(try Fixture.desk(holding: WideCases.all), banner: banner)
        let buffer = app.render(width: 80, height: 24)
        #expect(DisplayWidth.width(of: buffer.line(1)) <= 80)
        expectScreen(buffer, """
             Confidant — triage queue · open · 4 of 4
             Учебная база — 演示数据库演示数据库演示数据库 — قاعدة بيانات تجريبية 🌻🌻🌻🌻 …
             ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE
            >C-2026-0003 !!! Critical  83 Auth.abuse +1    assess    2026-11-21 contact    !
             C-2026-0001 !!  High      52 Harassment       escal.    2026-11-23 contact    !
             C-2026-0004 ?   Unrated    – Vilification     new       2026-11-27 contact
             C-2026-0002 !   Medium    27 Bullying         escal.    2026-11-27 contact
















             Cases: 2 overdue · 2 due ≤48h │ Enter open  / search  n new  q quit  ? help
            """, "wide-queue-80x24")
    }

    @Test func incrementalSearchFiltersAsYouType() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("/")])
        Fixture.type(app, "vilif")
        #expect(app.queue.visible.allSatisfy { $0.categories.contains("vilification") })
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — triage queue · open · “vilif” · 4 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE
            >C-2026-0011 !!  High      69 Sex.har. +1      support   2026-08-05 letter     !
             C-2026-0039 ?   Unrated    – Vilific. +1      new       2026-11-15 contact    !
             C-2026-0038 ?   Unrated    – Vilific. +1      ack'd     2026-11-20 letter     !
             C-2026-0008 .   Low       19 Vilification     informal  2026-07-09 letter     !















            /vilif
             Cases: 33 overdue · 3 due ≤48h │ Enter keep  Esc clear  F1 help
            """, "search-80x24")
        Fixture.press(app, [.enter])
        #expect(app.queue.filter.search == "vilif", "Enter keeps the search as a filter")
        #expect(app.queue.searchField == nil)
        Fixture.press(app, [.char("/"), .escape])
        #expect(app.queue.filter.search == "", "Esc clears it")
        #expect(app.queue.visible.count == 38)
    }

    @Test func filtersCycleAndCombine() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        #expect(app.queue.visible.count == 38, "open cases by default")
        Fixture.press(app, [.char("f")])
        #expect(app.queue.filter.status == .all)
        #expect(app.queue.visible.count == 46)
        Fixture.press(app, [.char("f")])
        #expect(app.queue.visible.allSatisfy { $0.status == .escalated })
        Fixture.press(app, [.char("f"), .char("f"), .char("b")])
        #expect(app.queue.visible.allSatisfy { $0.band == .critical && $0.status.isOpen })
        Fixture.press(app, [.char("o")])
        #expect(app.queue.visible.allSatisfy { $0.isOverdue(at: TestFixtures.now) && $0.band == .critical })
        #expect(app.render(width: 80, height: 24).line(0).contains("open · Critical · overdue"))
        Fixture.press(app, [.char("c")])
        #expect(app.queue.filter.category == "aggression-violence")
        Fixture.press(app, [.char("F")])
        #expect(app.queue.filter == QueueFilter())
    }

    @Test func movingAndOpening() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("j"), .down, .char("k")])
        #expect(app.queue.cursor.selected == 1)
        Fixture.press(app, [.char("G")])
        #expect(app.queue.cursor.selected == 37)
        Fixture.press(app, [.char("g"), .pageDown])
        #expect(app.queue.cursor.selected == 10)
        Fixture.press(app, [.char("g"), .enter])
        #expect((app.stack.last as? DetailScreen)?.view.item.id == CaseID("C-2026-0023"))
        Fixture.press(app, [.char("q")])
        #expect(app.stack.count == 1)
        #expect(!app.shouldQuit)
        Fixture.press(app, [.char("q")])
        #expect(app.shouldQuit)
    }

    @Test func tooSmallTerminal() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        expectScreen(app.render(width: 60, height: 12), """





                     Terminal too small: need 80×24, have 60×12
                      Enlarge the window, or press q to quit.





            """, "too-small-60x12")
        #expect(app.render(width: 79, height: 24).text.contains("Terminal too small: need 80×24, have 79×24"))
        #expect(app.render(width: 80, height: 23).text.contains("Terminal too small: need 80×24, have 80×23"))
        #expect(!app.render(width: 80, height: 24).text.contains("Terminal too small"))
    }
}

@Suite("Case detail")
struct DetailScreenTests {
    @Test func detailAt80x24() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0045 · ? Unrated · New · Amber Heron                            1–21/44
            Summary
              Case          C-2026-0045   ? Unrated   New
              Channel       Complaint
              Received      24 November 2026 07:45
              Incidents     15 October 2026 – 21 November 2026  within the six-month window
              Reporter      Amber Heron — Nguyễn Thị Lan <lan.nguyen@example.org, +44 7700
                            900117>
              Relationship  Staff
              Reported      Oleg Petrenko, Logistics Coordinator (peer)
              Categories    Harassment, Sexual harassment
              Conduct       Continued contact after request to stop, Online abuse, Sexual
                            remarks
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per
                  case, cap 20)
              Not yet assessed

            Deadlines

             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal
            """, "detail-80x24")
    }

    @Test func detailAt200x60() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0030", app: app)
        expectScreen(app.render(width: 200, height: 60), """
             C-2026-0030 · !! High 68 · Assessing · Dusky Petrel
            Summary
              Case          C-2026-0030   !! High 68/100   Assessing
              Channel       Whistleblowing (anonymous)
              Received      15 October 2026 21:30
              Incidents     20 July 2026 – 10 October 2026  within the six-month window
              Reporter      Dusky Petrel (anonymous)
              Relationship  Staff
              Reported      Viktor Hale, Country Director (controls livelihood, aid, residence or legal status)
              Categories    Victimisation
              Conduct       Intimidation, Exclusion / ostracism
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) × 1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts
              Well-being impact: 2 (affects sleep, work or health) × 1.25 = 10.0 pts
              Power differential: 4 (controls livelihood, aid, residence or legal status) × 1.00 = 16.0 pts
              Pervasiveness: reported person named in 4 other open cases +20 pts (10 per case, cap 20)
              Override: retaliation after a complaint → at least High
              Score 68/100 → High · pervasive · escalation suggested

            Deadlines
              Acknowledge receipt   2026-10-29 21:30  met 2026-10-16 08:00
              Written confirmation  2026-10-29 21:30  OVERDUE
              First contact         2026-10-18 21:30  met 2026-10-16 08:00
              Support offered       2026-10-18 21:30  OVERDUE
              Feedback to reporter  2027-01-15 21:30  due
              Follow-up             2026-11-15 08:00  OVERDUE

            Due process (per reported person)
              1. Viktor Hale, Country Director
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative
              Anonymous report from a colleague of a staff member who complained about the Country Director in July. The writer says that after the complaint the staff member's contract extension was put on
              hold, her travel approvals were cancelled and the director told others she was "not a team player". The writer fears the same will happen to anyone who supported her.

            Journal (5)
              2026-10-16 08:00  Contact      Acknowledged via the whistleblowing platform. — counselor
              2026-10-17 08:00  Status       Status new → acknowledged — counselor
              2026-10-22 12:00  Note         Cross-referenced with the earlier complaint about the same manager. — counselor
              2026-10-23 12:00  Status       Status acknowledged → assessing — counselor
              2026-10-23 14:00  Assessment   Assessed frequency 1, severity 2, threat 1, wellbeing 2, power 4 → score 68, high; escalation suggested — counselor












             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal  Esc back  ? help
            """, "detail-200x60")
    }

    @Test func journalAtTheEnd() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.end])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0030 · !! High 68 · Assessing · Dusky Petrel                   39–59/59
              1. Viktor Hale, Country Director
                 informed not yet · account heard not yet · interim measures none · outcome
                 communicated not yet

            Narrative
              Anonymous report from a colleague of a staff member who complained about the
              Country Director in July. The writer says that after the complaint the staff
              member's contract extension was put on hold, her travel approvals were
              cancelled and the director told others she was "not a team player". The
              writer fears the same will happen to anyone who supported her.

            Journal (5)
              2026-10-16 08:00  Contact      Acknowledged via the whistleblowing platform.
                                             — counselor
              2026-10-17 08:00  Status       Status new → acknowledged — counselor
              2026-10-22 12:00  Note         Cross-referenced with the earlier complaint
                                             about the same manager. — counselor
              2026-10-23 12:00  Status       Status acknowledged → assessing — counselor
              2026-10-23 14:00  Assessment   Assessed frequency 1, severity 2, threat 1,
                                             wellbeing 2, power 4 → score 68, high;
                                             escalation suggested — counselor

             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal
            """, "detail-journal-80x24")
    }

    @Test func supervisorSeesEscalatedCasesWithoutIdentity() throws {
        let desk = try Fixture.desk(holding: WideCases.all, role: .supervisor)
        let app = Fixture.app(desk, banner: nil)
        #expect(!app.isCounselor)
        #expect(app.queue.visible.map(\.id.number) == [1, 2])
        Fixture.press(app, [.enter])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0001 · !! High 52 · Escalated · Ольга Соколова-Иванова          1–21/52
            Summary
              Case          C-2026-0001   !! High 52/100   Escalated
              Channel       Complaint
              Received      20 November 2026 09:00
              Incidents     1 November 2026 – 18 November 2026  within the six-month window
              Reporter      Ольга Соколова-Иванова — identity withheld (no consent)
              Relationship  Staff
              Reported      Дмитрий Петров, Coordinator (direct supervisor / controls
                            contract)
              Categories    Harassment
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded
              Escalated to  Complaints team

            Escalation history
              Level         Complaints team (rung 1 of 4)
              2026-11-23 11:00  Escalation   Escalated to Complaints team (status assessing
                                             → escalated): Escalated before import —
                                             counselor

            Assessment

             Cases: 1 overdue · 1 due ≤48h │ v review  Esc back  ? help
            """, "supervisor-detail-80x24")
        for key in ["a", "e", "s", "j"] {
            Fixture.press(app, [.char(Character(key))])
            #expect(app.modals.isEmpty && app.stack.last is DetailScreen, "\(key) does nothing for a supervisor")
        }
        Fixture.press(app, [.escape, .down, .enter])
        #expect(app.render(width: 80, height: 24).text.contains("ليلى حداد — ليلى حداد"), "with consent the name shows")
        Fixture.press(app, [.escape, .char("n")])
        #expect(app.stack.count == 1, "no intake form for a supervisor")
    }

    @Test func escalateWithAReason() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("e"), .down])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0030 · !! High 68 · Assessing · Dusky Petrel                    1–21/59
            Summary
              Case          C-2026-0030   !! High 68/100   Assessing
              Channel       Whistleblowing (anonymous)
              Received      15 October 2026 21:30
              Incidents     20 July 2026 – 10 October 2026  within the six-month window
              Reporter      Dusky Petrel (anonymous)
              Relationship  Staff
              Reported      Viktor Hale, Country Director (controls livelihood, aid,
                            reside┌─ Escalate C-2026-0030 to ───────┐
              Categories    Victim│Complaints team (next rung)      │
              Conduct       Intimi│Head of department               │
              Consent       identi│Higher management                │r: no
              Wishes        not re│External complaints committee    │
                                  └─────────────────────────────────┘
            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "escalate-chooser-80x24")
        // The reporter's wishes are not recorded: the dialog asks for a duty to act, and refuses without one.
        Fixture.press(app, [.enter])
        let duty = try #require(app.modals.last as? TextPrompt)
        #expect(duty.label.hasPrefix("The reporter's wishes are not recorded: they have not asked for escalation. State the duty to act"))
        Fixture.press(app, [.enter])
        #expect(duty.error == "The reporter's wishes are not recorded: escalate only at their request (wishes formal or escalate) or state a duty to act.")
        #expect(app.modals.last === duty, "the prompt stays open")
        Fixture.type(app, "Retaliation against a complainant: legal obligation to protect")
        Fixture.press(app, [.enter, .enter])
        #expect(app.render(width: 80, height: 24).text.contains("A reason is required to escalate a case."))
        Fixture.type(app, "Retaliation by the director.")
        Fixture.press(app, [.enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.status == .escalated)
        #expect(detail.view.item.escalationLevel == .headOfDepartment)
        #expect(detail.view.item.dutyToAct == "Retaliation against a complainant: legal obligation to protect")
        #expect(app.render(width: 80, height: 24).line(22) == "C-2026-0030 escalated to Head of department under a duty to act.")
    }

    @Test func statusChoicesAreTheLegalNextOnes() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("s")])
        let chooser = try #require(app.modals.last as? Chooser)
        #expect(chooser.options == CaseStatus.new.allowedNext.map(\.label))
        Fixture.press(app, [.enter])
        Fixture.type(app, "Receipt confirmed by e-mail")
        Fixture.press(app, [.enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.status == .acknowledged)
        #expect(detail.view.item.journal.last?.text == "Status new → acknowledged: Receipt confirmed by e-mail")
        // Screening out asks for the taxonomy's reason.
        Fixture.press(app, [.char("s"), .down])
        Fixture.press(app, [.enter])
        let reasons = try #require(app.modals.last as? Chooser)
        #expect(reasons.options.first == Fixture.config.taxonomy.screeningReasons.first?.name)
        Fixture.press(app, [.escape])
        #expect(app.modals.isEmpty)
    }

    @Test func journalEntryInAnyScript() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("j"), .enter])
        Fixture.type(app, "Звонок: 通话 ✓ 🙂")
        Fixture.press(app, [.backspace, .enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.journal.last?.text == "Звонок: 通话 ✓")
        #expect(detail.view.item.journal.last?.kind == .contact)
        #expect(app.render(width: 80, height: 24).text.contains("Contact      Звонок: 通话 ✓ — counselor"))
    }
}
