import CaseCore
@testable import CaseDeskTUI
import Testing

/// Every list pages the same way (``ListCursor``): PgDn past the end stops on the last item, End goes there, and
/// neither Down nor PgDn wraps around to the top.
@Suite("Paging every list at 80×24")
struct ListPagingTests {
    /// The rows between the bars whose cell at `col` is reversed: the selected row of a list.
    func selectedRows(_ buffer: ScreenBuffer, col: Int) -> [Int] {
        (1..<(buffer.height - 1)).filter { buffer.style(row: $0, col: col).reverse }
    }

    /// Presses each of `keys` and checks that the screen stays as it is (the last item stays selected).
    func expectUnchanged(_ app: DeskApp, by keys: [Key], _ screen: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        for key in keys {
            Fixture.press(app, [key])
            #expect(app.render(width: 80, height: 24) == screen, "\(key.label) past the end", sourceLocation: sourceLocation)
        }
    }

    @Test func queue() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        _ = app.render(width: 80, height: 24)
        Fixture.press(app, [.pageDown, .pageDown, .pageDown])
        #expect(app.queue.cursor.selected == app.queue.visible.count - 1)
        let screen = app.render(width: 80, height: 24)
        expectScreen(screen, """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE
             C-2026-0037 ?   Unrated    – Sex.har.         ack'd     2026-11-18 letter     !
             C-2026-0038 ?   Unrated    – Vilific. +1      ack'd     2026-11-20 letter     !
             C-2026-0042 ?   Unrated    – Discrim. +1      new       2026-11-26 contact
             C-2026-0041 ?   Unrated    – Bullying         ack'd     2026-11-26 letter
             C-2026-0043 ?   Unrated    – Auth.abuse       new       2026-11-27 contact
             C-2026-0044 ?   Unrated    – Bullying +1      new       2026-11-29 contact
             C-2026-0045 ?   Unrated    – Harass. +1       new       2026-12-01 contact
             C-2026-0033 !   Medium    49 Bullying         assess    2026-11-10 letter     !
             C-2026-0014 !   Medium    48 Discrim. +1      escal.    2026-08-22 letter     !
             C-2026-0036 !   Medium    44 Harassment       new       2026-11-10 contact    !
             C-2026-0028 !   Medium    42 Discrimination   assess    2026-10-23 letter     !
             C-2026-0034 !   Medium    42 Discrimination   ack'd     2026-11-13 letter     !
             C-2026-0022 !   Medium    34 Discrimination   informal  2026-10-02 letter     !
             C-2026-0007 !   Medium    31 Harassment       support   2026-07-02 letter     !
             C-2026-0013 !   Medium    25 Harassment       informal  2026-08-17 letter     !
             C-2026-0035 .   Low       24 Harass. +1       assess    2026-11-15 letter     !
             C-2026-0015 .   Low       22 Bullying         support   2026-08-28 letter     !
             C-2026-0008 .   Low       19 Vilification     informal  2026-07-09 letter     !
            >C-2026-0009 .   Low       17 Bullying         informal  2026-07-24 letter     !

             Cases: 33 overdue · 3 due ≤48h │ Enter open  / search  n new  q quit  ? help
            """, "list-queue-paged-past-the-end")
        #expect(selectedRows(screen, col: 1) == [21])
        expectUnchanged(app, by: [.pageDown, .down, .char("j"), .end, .char("G"), .char(" ")], screen)
        Fixture.press(app, [.home])
        #expect(app.queue.cursor.selected == 0 && selectedRows(app.render(width: 80, height: 24), col: 1) == [3])
    }

    @Test func repeatRespondents() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("R")])
        _ = app.render(width: 80, height: 24)
        let respondents = try #require(app.stack.last as? RespondentsScreen)
        Fixture.press(app, [.pageDown, .pageDown])
        #expect(respondents.cursor.selected == respondents.entries.count - 1)
        let screen = app.render(width: 80, height: 24)
        expectScreen(screen, """
             Confidant — repeat respondents · 2 people named in more than one case
             Viktor Hale — Country Director · 5 cases, 5 open
               C-2026-0012  !!! Critical  Formal procedure      received 2026-07-28
               C-2026-0021  !!  High      Support & advice      received 2026-09-12
               C-2026-0023  !!! Critical  Escalated             received 2026-09-22
               C-2026-0030  !!  High      Assessing             received 2026-10-15
               C-2026-0044  ?   Unrated   New                   received 2026-11-22

             Oleg Petrenko — Logistics Coordinator · 2 cases, 2 open
               C-2026-0040  !!  High      Acknowledged          received 2026-11-10
             > C-2026-0045  ?   Unrated   New                   received 2026-11-24












             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc back  ? help
            """, "list-respondents-paged-past-the-end")
        expectUnchanged(app, by: [.pageDown, .down, .char("j"), .end, .char("G"), .char(" ")], screen)
        Fixture.press(app, [.pageUp, .pageUp])
        #expect(respondents.cursor.selected == 0)
        Fixture.press(app, [.end, .enter])
        #expect((app.stack.last as? DetailScreen)?.view.item.id == respondents.respondents.last?.cases.last?.caseID)
    }

    @Test func deadlineAlerts() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.start()
        let panel = try #require(app.modals.last as? AlertPanel)
        _ = app.render(width: 80, height: 24)
        Fixture.press(app, Array(repeating: .pageDown, count: 6))
        #expect(panel.cursor.selected == panel.alerts.count - 1)
        let screen = app.render(width: 80, height: 24)
        expectScreen(screen, """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             I┌─ Deadline alerts: 75 overdue in 33 cases · 5 due ≤48h in 3 more cases ───┐
            >C│ OVERDUE  C-2026-0039 ?   Unrated  First contact        2026-11-15 14:30  │ !
             C│ OVERDUE  C-2026-0036 !   Medium   Acknowledge receipt  2026-11-17 10:00  │ !
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
             C│                                                                          │ !
             C│ 65–80 of 80 · Enter opens the case · Esc dismisses · A shows them again  │ !
             C└──────────────────────────────────────────────────────────────────────────┘ !

             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc dismiss  ? help
            """, "list-alerts-paged-past-the-end")
        #expect(selectedRows(screen, col: 10) == [18], "the last alert, on the panel's last row")
        expectUnchanged(app, by: [.pageDown, .down, .char("j"), .end, .char("G"), .char(" ")], screen)
        Fixture.press(app, [.char("g")])
        #expect(panel.cursor.selected == 0 && selectedRows(app.render(width: 80, height: 24), col: 10) == [3])
        Fixture.press(app, [.end, .enter])
        #expect((app.stack.last as? DetailScreen)?.view.item.id == panel.alerts.last?.caseID)
    }

    @Test func chooser() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        Fixture.press(app, [.char("j")])
        let chooser = try #require(app.modals.last as? Chooser)
        _ = app.render(width: 80, height: 24)
        Fixture.press(app, [.pageDown, .pageDown])
        #expect(chooser.cursor.selected == chooser.options.count - 1)
        let screen = app.render(width: 80, height: 24)
        expectScreen(screen, """
             C-2026-0045 · ? Unrated · New · Amber Heron                            1–21/44
            Summary
              Case          C-2026-0045   ? Unrated   New
              Channel       Complaint
              Received      24 November 2026 07:45
              Incidents     1┌─ Journal entry for C-2026-0045 ───────────┐ six-month window
              Reporter      A│Contact                                    │le.org, +44 7700
                            9│Note                                       │
              Relationship  S│Support arranged                           │
              Reported      O│Support declined                           │
              Categories    H│Advice given                               │
              Conduct       C│Feedback to reporter                       │e abuse, Sexual
                            r│Decision                                   │
              Consent       i│Reporter told of disclosure                │
              Wishes        n│Reported person informed                   │
                             │Reported person's account                  │
            Assessment       │Interim measure                            │
              Pervasiveness: │Outcome communicated to reported person    │0 pts (10 per
                  case, cap 2└───────────────────────────────────────────┘
              Not yet assessed

            Deadlines

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "list-chooser-paged-past-the-end")
        let last = try #require(selectedRows(screen, col: 40).first)
        #expect(selectedRows(screen, col: 40) == [last] && screen.line(last).contains(chooser.options.last!))
        expectUnchanged(app, by: [.pageDown, .down, .char("j"), .tab, .end, .char("G")], screen)
        Fixture.press(app, [.home, .up, .backTab])
        #expect(chooser.cursor.selected == 0, "Up on the first option stays there")
        Fixture.press(app, [.char("G"), .enter])
        let kind = try #require(JournalEntry.Kind.recordable.last)
        #expect((app.modals.last as? Chooser)?.title == "\(kind.label): which reported person?", "the last kind was chosen")
    }
}
