import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

@Suite("Statistics screen")
struct StatisticsScreenTests {
    static let blocks = Set("█▏▎▍▌▋▊▉")

    @Test func statisticsAt80x24() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("S")])
        #expect(app.stack.last is StatisticsScreen)
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — statistics · cases received up to 25 November 2026         1–21/88
             Anonymised: no names, ids, pseudonyms or case text. Counts from 1 to 4 show as
             <5; x is a count withheld so that a small one cannot be worked out from a
             total. Neither has a bar.

             Overview
               Cases received      46
               Still open          38
               Open and overdue    33
               Escalated           5 (10.9% of cases)

             By triage band
               Critical            11  █████████████████████████████████████████████████████
               High                 9  ███████████████████████████████████████████▍
               Medium              11  █████████████████████████████████████████████████████
               Low                  7  █████████████████████████████████▊
               Not yet assessed     8  ██████████████████████████████████████▌

             By category
               A case can have several categories: these do not add up to the total.
               Aggression and violence           5  █████████████▍
               Bullying                          8  █████████████████████▍

             Cases: 33 overdue · 3 due ≤48h │ Esc back  ? help
            """, "statistics-80x24")
        Fixture.press(app, [.pageDown])
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — statistics · cases received up to 25 November 2026        21–41/88
               Bullying                          8  █████████████████████▍
               Discrimination                   10  ██████████████████████████▋
               Harassment                       15  ████████████████████████████████████████
               Sexual harassment                10  ██████████████████████████▋
               Sexual exploitation and abuse    <5
               Abuse of authority                5  █████████████▍
               Victimisation                    <5
               Vilification                      5  █████████████▍

             By the reporter's relationship
               Staff                              29  ██████████████████████████████████████
               Volunteer                          <5
               Intern                             <5
               Consultant                         <5
               Partner                            <5
               Grantee                            <5
               Donor                               0
               Supplier                           <5
               Beneficiary / person of concern    <5
               Other stakeholder                   0


             Cases: 33 overdue · 3 due ≤48h │ Esc back  ? help
            """, "statistics-page2-80x24")
        Fixture.press(app, [.char("G")])
        let last = app.render(width: 80, height: 24)
        #expect(last.text.contains("Escalation, by the highest level reached"))
        Fixture.press(app, [.char("q")])
        #expect(app.stack.count == 1 && !app.shouldQuit)
    }

    @Test func statisticsAt200x60UsesTwoColumns() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("S")])
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — statistics · cases received up to 25 November 2026
             Anonymised: no names, ids, pseudonyms or case text. Counts from 1 to 4 show as <5; x is a count    By month of receipt
             withheld so that a small one cannot be worked out from a total. Neither has a bar.                   2025-12         <5
                                                                                                                  2026-01         <5
             Overview                                                                                             2026-02          0
               Cases received      46                                                                             2026-03         <5
               Still open          38                                                                             2026-04          0
               Open and overdue    33                                                                             2026-05         <5
               Escalated           5 (10.9% of cases)                                                             2026-06         <5
                                                                                                                  2026-07         <5
             By triage band                                                                                       2026-08          6  █████████████████████████████████████████▌
               Critical            11  ████████████████████████████████████████████████████████████████████████   2026-09          7  ████████████████████████████████████████████████▍
               High                 9  ██████████████████████████████████████████████████████████▉                2026-10          9  ██████████████████████████████████████████████████████████████▏
               Medium              11  ████████████████████████████████████████████████████████████████████████   2026-11         11  ████████████████████████████████████████████████████████████████████████████
               Low                  7  █████████████████████████████████████████████▉
               Not yet assessed     8  ████████████████████████████████████████████████████▍                    Response times, days from receipt
                                                                                                                  Acknowledgement of receipt · 40 cases
             By category                                                                                            median                0.7  ██████████████████████████████████████████████▉
               A case can have several categories: these do not add up to the total.                                90th percentile       1.0  ███████████████████████████████████████████████████████████████████
               Aggression and violence           5  ███████████████████▋                                          First contact with the reporter · 40 cases
               Bullying                          8  ███████████████████████████████▌                                median                0.7  ██████████████████████████████████████████████▉
               Discrimination                   10  ███████████████████████████████████████▍                        90th percentile       1.0  ███████████████████████████████████████████████████████████████████
               Harassment                       15  ███████████████████████████████████████████████████████████
               Sexual harassment                10  ███████████████████████████████████████▍                    Overdue, by the earliest deadline missed
               Sexual exploitation and abuse    <5                                                                Open cases whose earliest deadline has passed: 33.
               Abuse of authority                5  ███████████████████▋                                          Acknowledge receipt             0
               Victimisation                    <5                                                                Written confirmation           20  █████████████████████████████████████████████████████████████
               Vilification                      5  ███████████████████▋                                          First contact                  <5
                                                                                                                  Support offered                 x
             By the reporter's relationship                                                                       Follow-up                       0
               Staff                              29  █████████████████████████████████████████████████████████   Feedback to reporter            0
               Volunteer                          <5                                                              Tell reporter of disclosure     0
               Intern                             <5                                                              Act on the review               0
               Consultant                         <5
               Partner                            <5                                                            Escalation, by the highest level reached
               Grantee                            <5                                                              Share: of all 46 cases received in the period.
               Donor                               0                                                              Complaints team                  <5
               Supplier                           <5                                                              Head of department               <5
               Beneficiary / person of concern    <5                                                              Higher management                <5
               Other stakeholder                   0                                                              External complaints committee    <5
                                                                                                                  Not escalated                    41   89.1%  ███████████████████████████████████████████████████
             By channel
               Complaint                     27  ██████████████████████████████████████████████████████████████
               Whistleblowing (anonymous)     9  ████████████████████▋
               Referral                       x
               Walk-in                       <5













             Cases: 33 overdue · 3 due ≤48h │ Esc back  ? help
            """, "statistics-200x60")
    }

    @Test func suppressedCellsHaveNoBarAndEveryLineFits() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        let report = try app.desk.statistics(from: nil, to: nil)
        for width in [79, 120, 199] {
            let lines = StatisticsScreen.sections(report, width: width).flatMap { $0 }.map(\.text)
            #expect(lines.allSatisfy { DisplayWidth.width(of: $0) <= width }, "width \(width)")
            let suppressed = lines.filter { $0.hasSuffix(" <5") || $0.hasSuffix(" x") }
            #expect(!suppressed.isEmpty)
            #expect(suppressed.allSatisfy { !$0.contains { Self.blocks.contains($0) } })
        }
        let band = StatisticsScreen.sections(report, width: 79).flatMap { $0 }.map(\.text)
        #expect(band.contains { $0.hasPrefix("  Critical") && $0.contains("█") })
    }

    @Test func barsAreDrawnToTheEighth() {
        #expect(StatisticsScreen.bar(10, maximum: 10, width: 4) == "████")
        #expect(StatisticsScreen.bar(5, maximum: 10, width: 3) == "█▌")
        #expect(StatisticsScreen.bar(1, maximum: 1000, width: 10) == "▏", "never less than an eighth")
        #expect(StatisticsScreen.bar(0, maximum: 10, width: 10) == "")
    }

    @Test func supervisorHasNoStatistics() throws {
        let desk = try Fixture.desk(holding: WideCases.all, role: .supervisor)
        let app = Fixture.app(desk, banner: nil)
        Fixture.press(app, [.char("S")])
        #expect(app.stack.count == 1, "S is a counselor's key")
    }
}

@Suite("Deadline alerts and the status bar")
struct AlertPanelTests {
    @Test func alertPanelOnStartAt80x24() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.start()
        let panel = try #require(app.modals.last as? AlertPanel)
        #expect(panel.alerts.first.map { $0.isOverdue(at: TestFixtures.now) } == true)
        let overdue = panel.alerts.prefix { $0.isOverdue(at: TestFixtures.now) }.count
        #expect(panel.alerts.dropFirst(overdue).allSatisfy { !$0.isOverdue(at: TestFixtures.now) }, "overdue first")
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             I┌─ Deadline alerts: 75 overdue in 33 cases · 5 due ≤48h in 3 more cases ───┐
            >C│ OVERDUE  C-2026-0004 !!! Critical Support offered      2026-05-21 20:15  │ !
             C│ OVERDUE  C-2026-0004 !!! Critical Written confirmation 2026-06-03 20:15  │ !
             C│ OVERDUE  C-2026-0006 !!! Critical Support offered      2026-06-11 12:00  │ !
             C│ OVERDUE  C-2026-0006 !!! Critical Written confirmation 2026-06-24 12:00  │ !
             C│ OVERDUE  C-2026-0007 !   Medium   Written confirmation 2026-07-02 08:40  │ !
             C│ OVERDUE  C-2026-0008 .   Low      Written confirmation 2026-07-09 09:30  │ !
             C│ OVERDUE  C-2026-0010 !!! Critical Support offered      2026-07-16 23:05  │ !
             C│ OVERDUE  C-2026-0009 .   Low      Written confirmation 2026-07-24 14:20  │ !
             C│ OVERDUE  C-2026-0012 !!! Critical Support offered      2026-07-29 07:55  │ !
             C│ OVERDUE  C-2026-0010 !!! Critical Written confirmation 2026-07-29 23:05  │ !
             C│ OVERDUE  C-2026-0011 !!  High     Written confirmation 2026-08-05 09:00  │ !
             C│ OVERDUE  C-2026-0009 .   Low      Follow-up            2026-08-10 10:00  │ !
             C│ OVERDUE  C-2026-0012 !!! Critical Written confirmation 2026-08-11 07:55  │ !
             C│ OVERDUE  C-2026-0004 !!! Critical Follow-up            2026-08-14 10:00  │ !
             C│ OVERDUE  C-2026-0013 !   Medium   Written confirmation 2026-08-17 11:45  │ !
             C│ OVERDUE  C-2026-0007 !   Medium   Follow-up            2026-08-19 10:00  │ !
             C│                                                                          │ !
             C│ 1–16 of 80 · Enter opens the case · Esc dismisses · A shows them again   │ !
             C└──────────────────────────────────────────────────────────────────────────┘ !

             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc dismiss  ? help
            """, "alerts-80x24")
        Fixture.press(app, [.down, .enter])
        #expect(app.modals.isEmpty)
        #expect((app.stack.last as? DetailScreen)?.view.item.id == panel.alerts[1].caseID)
        Fixture.press(app, [.escape, .char("A")])
        #expect(app.modals.last is AlertPanel, "A shows the panel again")
        Fixture.press(app, [.escape])
        #expect(app.modals.isEmpty && app.stack.count == 1 && !app.shouldQuit)
    }

    @Test func alertPanelAt200x60() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.start()
        expectScreen(app.render(width: 200, height: 60), """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  REPORTER       ┌─ Deadline alerts: 75 overdue in 33 cases · 5 due ≤48h in 3 more cases ─────────────────────────────────────┐            STATUS    NEXT DEADLINE
            >C-2026-0023 !!! Critical  99 Basalt Falcon  │ OVERDUE  C-2026-0004 !!! Critical Support offered      2026-05-21 20:15  Thistle Auk                       │            escal.    2026-09-23 support    !
             C-2026-0012 !!! Critical  95 Garnet Egret   │ OVERDUE  C-2026-0004 !!! Critical Written confirmation 2026-06-03 20:15  Thistle Auk                       │            formal    2026-07-29 support    !
             C-2026-0016 !!! Critical  81 Mist Bittern   │ OVERDUE  C-2026-0006 !!! Critical Support offered      2026-06-11 12:00  Walnut Curlew                     │            formal    2026-09-03 letter     !
             C-2026-0026 !!! Critical  81 Cinder Robin   │ OVERDUE  C-2026-0006 !!! Critical Written confirmation 2026-06-24 12:00  Walnut Curlew                     │            escal.    2026-10-16 letter     !
             C-2026-0010 !!! Critical  79 Storm Gannet   │ OVERDUE  C-2026-0007 !   Medium   Written confirmation 2026-07-02 08:40  Fawn Dipper                       │            escal.    2026-07-16 support    !
             C-2026-0006 !!! Critical  77 Walnut Curlew  │ OVERDUE  C-2026-0008 .   Low      Written confirmation 2026-07-09 09:30  Linen Oriole                      │            formal    2026-06-11 support    !
             C-2026-0004 !!! Critical  75 Thistle Auk    │ OVERDUE  C-2026-0010 !!! Critical Support offered      2026-07-16 23:05  Storm Gannet                      │            formal    2026-05-21 support    !
             C-2026-0025 !!! Critical  75 Lichen Stork   │ OVERDUE  C-2026-0009 .   Low      Written confirmation 2026-07-24 14:20  Teal Pipit                        │            assess    2026-10-12 letter     !
             C-2026-0018 !!! Critical  69 Ash Lapwing    │ OVERDUE  C-2026-0012 !!! Critical Support offered      2026-07-29 07:55  Garnet Egret                      │            support   2026-09-13 letter     !
             C-2026-0020 !!! Critical  66 Ember Shrike   │ OVERDUE  C-2026-0010 !!! Critical Written confirmation 2026-07-29 23:05  Storm Gannet                      │            support   2026-09-19 letter     !
             C-2026-0032 !!  High      74 Indigo Swift   │ OVERDUE  C-2026-0011 !!  High     Written confirmation 2026-08-05 09:00  Scarlet Avocet                    │            assess    2026-11-04 letter     !
             C-2026-0021 !!  High      72 Ochre Sandpiper│ OVERDUE  C-2026-0009 .   Low      Follow-up            2026-08-10 10:00  Teal Pipit                        │            support   2026-09-15 support    !
             C-2026-0011 !!  High      69 Scarlet Avocet │ OVERDUE  C-2026-0012 !!! Critical Written confirmation 2026-08-11 07:55  Garnet Egret                      │            support   2026-08-05 letter     !
             C-2026-0029 !!  High      68 Clay Whimbrel  │ OVERDUE  C-2026-0004 !!! Critical Follow-up            2026-08-14 10:00  Thistle Auk                       │            support   2026-10-15 support    !
             C-2026-0030 !!  High      68 Dusky Petrel   │ OVERDUE  C-2026-0013 !   Medium   Written confirmation 2026-08-17 11:45  Olive Bunting                     │            assess    2026-10-18 support    !
             C-2026-0040 !!  High      68 Rust Plover    │ OVERDUE  C-2026-0007 !   Medium   Follow-up            2026-08-19 10:00  Fawn Dipper                       │            ack'd     2026-11-13 support    !
             C-2026-0019 !!  High      59 Coral Shearwate│ OVERDUE  C-2026-0014 !   Medium   Written confirmation 2026-08-22 10:30  Flint Dunlin                      │            escal.    2026-09-05 support    !
             C-2026-0027 !!  High      50 Sable Godwit   │ OVERDUE  C-2026-0015 .   Low      Written confirmation 2026-08-28 13:15  Juniper Tern                      │            support   2026-10-08 support    !
             C-2026-0039 ?   Unrated    – Silver Marten  │ OVERDUE  C-2026-0008 .   Low      Follow-up            2026-08-29 10:00  Linen Oriole                      │            new       2026-11-15 contact    !
             C-2026-0037 ?   Unrated    – Violet Crane   │ OVERDUE  C-2026-0006 !!! Critical Follow-up            2026-09-02 10:00  Walnut Curlew                     │            ack'd     2026-11-18 letter     !
             C-2026-0038 ?   Unrated    – Hollow Finch   │ OVERDUE  C-2026-0016 !!! Critical Written confirmation 2026-09-03 10:40  Mist Bittern                      │            ack'd     2026-11-20 letter     !
             C-2026-0042 ?   Unrated    – Cedar Wren     │ OVERDUE  C-2026-0019 !!  High     Support offered      2026-09-05 16:45  Coral Shearwater                  │            new       2026-11-26 contact
             C-2026-0041 ?   Unrated    – Pale Osprey    │ OVERDUE  C-2026-0014 !   Medium   Follow-up            2026-09-08 09:00  Flint Dunlin                      │            ack'd     2026-11-26 letter
             C-2026-0043 ?   Unrated    – Copper Ibis    │ OVERDUE  C-2026-0011 !!  High     Follow-up            2026-09-11 09:30  Scarlet Avocet                    │            new       2026-11-27 contact
             C-2026-0044 ?   Unrated    – Quiet Lantern  │ OVERDUE  C-2026-0018 !!! Critical Written confirmation 2026-09-13 07:10  Ash Lapwing                       │            new       2026-11-29 contact
             C-2026-0045 ?   Unrated    – Amber Heron    │ OVERDUE  C-2026-0015 .   Low      Follow-up            2026-09-14 10:00  Juniper Tern                      │            new       2026-12-01 contact
             C-2026-0033 !   Medium    49 Tawny Gull     │ OVERDUE  C-2026-0021 !!  High     Support offered      2026-09-15 10:30  Ochre Sandpiper                   │            assess    2026-11-10 letter     !
             C-2026-0014 !   Medium    48 Flint Dunlin   │ OVERDUE  C-2026-0019 !!  High     Written confirmation 2026-09-16 16:45  Coral Shearwater                  │            escal.    2026-08-22 letter     !
             C-2026-0036 !   Medium    44 Grey Kestrel   │ OVERDUE  C-2026-0010 !!! Critical Follow-up            2026-09-19 10:00  Storm Gannet                      │            new       2026-11-10 contact    !
             C-2026-0028 !   Medium    42 Moss Harrier   │ OVERDUE  C-2026-0020 !!! Critical Written confirmation 2026-09-19 22:40  Ember Shrike                      │            assess    2026-10-23 letter     !
             C-2026-0034 !   Medium    42 Birch Sparrow  │ OVERDUE  C-2026-0016 !!! Critical Follow-up            2026-09-20 09:00  Mist Bittern                      │            ack'd     2026-11-13 letter     !
             C-2026-0022 !   Medium    34 Heather Redpoll│ OVERDUE  C-2026-0023 !!! Critical Support offered      2026-09-23 08:00  Basalt Falcon                     │            informal  2026-10-02 letter     !
             C-2026-0007 !   Medium    31 Fawn Dipper    │ OVERDUE  C-2026-0021 !!  High     Written confirmation 2026-09-26 10:30  Ochre Sandpiper                   │            support   2026-07-02 letter     !
             C-2026-0013 !   Medium    25 Olive Bunting  │ OVERDUE  C-2026-0022 !   Medium   Written confirmation 2026-10-02 10:00  Heather Redpoll                   │            informal  2026-08-17 letter     !
             C-2026-0035 .   Low       24 Cobalt Linnet  │ OVERDUE  C-2026-0019 !!  High     Follow-up            2026-10-03 09:00  Coral Shearwater                  │            assess    2026-11-15 letter     !
             C-2026-0015 .   Low       22 Juniper Tern   │ OVERDUE  C-2026-0023 !!! Critical Written confirmation 2026-10-06 08:00  Basalt Falcon                     │            support   2026-08-28 letter     !
             C-2026-0008 .   Low       19 Linen Oriole   │ OVERDUE  C-2026-0027 !!  High     Support offered      2026-10-08 15:00  Sable Godwit                      │            informal  2026-07-09 letter     !
             C-2026-0009 .   Low       17 Teal Pipit     │ OVERDUE  C-2026-0009 .   Low      Feedback to reporter 2026-10-10 14:20  Teal Pipit                        │            informal  2026-07-24 letter     !
                                                         │ OVERDUE  C-2026-0025 !!! Critical Written confirmation 2026-10-12 13:00  Lichen Stork                      │
                                                         │ OVERDUE  C-2026-0029 !!  High     Support offered      2026-10-15 18:25  Clay Whimbrel                     │
                                                         │ OVERDUE  C-2026-0026 !!! Critical Written confirmation 2026-10-16 09:20  Cinder Robin                      │
                                                         │ OVERDUE  C-2026-0018 !!! Critical Follow-up            2026-10-16 15:00  Ash Lapwing                       │
                                                         │ OVERDUE  C-2026-0030 !!  High     Support offered      2026-10-18 21:30  Dusky Petrel                      │
                                                         │ OVERDUE  C-2026-0022 !   Medium   Follow-up            2026-10-19 09:00  Heather Redpoll                   │
                                                         │ OVERDUE  C-2026-0027 !!  High     Written confirmation 2026-10-19 15:00  Sable Godwit                      │
                                                         │ OVERDUE  C-2026-0028 !   Medium   Written confirmation 2026-10-23 10:10  Moss Harrier                      │
                                                         │ OVERDUE  C-2026-0020 !!! Critical Follow-up            2026-10-25 10:00  Ember Shrike                      │
                                                         │ OVERDUE  C-2026-0029 !!  High     Written confirmation 2026-10-26 18:25  Clay Whimbrel                     │
                                                         │ OVERDUE  C-2026-0030 !!  High     Written confirmation 2026-10-29 21:30  Dusky Petrel                      │
                                                         │ OVERDUE  C-2026-0013 !   Medium   Follow-up            2026-10-30 10:00  Olive Bunting                     │
                                                         │ OVERDUE  C-2026-0025 !!! Critical Follow-up            2026-10-30 11:00  Lichen Stork                      │
                                                         │ OVERDUE  C-2026-0012 !!! Critical Follow-up            2026-10-31 11:00  Garnet Egret                      │
                                                         │                                                                                                            │
                                                         │ 1–52 of 80 · Enter opens the case · Esc dismisses · A shows them again                                     │
                                                         └────────────────────────────────────────────────────────────────────────────────────────────────────────────┘

             Cases: 33 overdue · 3 due ≤48h │ Enter open  Esc dismiss  ? help
            """, "alerts-200x60")
    }

    @Test func noPanelWithoutAlerts() throws {
        let app = Fixture.app(try Fixture.emptyDesk())
        app.start()
        #expect(app.modals.isEmpty)
        Fixture.press(app, [.char("A")])
        let panel = try #require(app.modals.last as? AlertPanel)
        #expect(panel.alerts.isEmpty)
        #expect(app.render(width: 80, height: 24).text.contains("No deadline is overdue or due within 48 hours."))
    }

    @Test func statusBarCountsOverdueAndDueSoon() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        let summaries = try app.desk.queue()
        let overdue = summaries.filter { $0.status.isOpen && $0.isOverdue(at: TestFixtures.now) }.count
        let soon = summaries.filter {
            $0.status.isOpen && !$0.isOverdue(at: TestFixtures.now) && ($0.nextDeadline?.isDueSoon(at: TestFixtures.now, hours: 48) ?? false)
        }.count
        #expect(app.render(width: 80, height: 24).line(23).hasPrefix(" Cases: \(overdue) overdue · \(soon) due ≤48h │"))
        for width in [80, 120, 200] {
            #expect(DisplayWidth.width(of: app.render(width: width, height: 24).line(23)) <= width)
        }
    }

    @Test func tooSmallOnlyQuits() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.start()
        _ = app.render(width: 60, height: 12)
        Fixture.press(app, [.escape, .char("n"), .enter, .char(":")])
        #expect(app.modals.last is AlertPanel, "keys do not act on a screen that cannot be seen")
        #expect(app.stack.count == 1 && app.command == nil)
        expectScreen(app.render(width: 1, height: 1), "", "too-small-1x1")
        expectScreen(app.render(width: 30, height: 5), """

                Too small: need 80×24
                 have 30×5 · q quits


            """, "too-small-30x5")
        Fixture.press(app, [.char("q")])
        #expect(app.shouldQuit)
    }
}
