import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// The idle lock lets go of every case: what the store gave the desk is dropped, not just hidden, and read again after
/// the passphrase.
@Suite("Idle lock drops case data")
struct IdleLockTests {
    /// One minute past the fixture's idle limit (600 s).
    static let idle = TestFixtures.now.addingTimeInterval(660)

    /// Every value reachable from the app's stored properties (screens, dialogs, panels, the queue's rows), found by
    /// reflection, whose type is something read from the store. The desk itself (the store connection) is not walked.
    static func caseData(in app: DeskApp) -> [String] {
        var found: [String] = []
        var seen = Set<ObjectIdentifier>()
        func walk(_ value: Any, path: String, depth: Int) {
            guard depth < 14, found.count < 20 else { return }
            switch value {
            case is Case, is CaseSummary, is CaseDesk.CaseView, is CaseEvaluation, is TriageScore, is DeadlineAlert,
                 is RepeatRespondent, is StatisticsReport, is Reporter, is ReportedPerson, is JournalEntry, is Deadline:
                found.append("\(path): \(type(of: value))")
                return
            default:
                break
            }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .class {
                guard seen.insert(ObjectIdentifier(value as AnyObject)).inserted else { return }
            }
            if mirror.subjectType == ContiguousArray<UInt8>.self {
                if mirror.children.count > 0 { found.append("\(path): search text bytes") }
                return
            }
            var current: Mirror? = mirror
            while let m = current {
                for (index, child) in m.children.enumerated() {
                    walk(child.value, path: path + "." + (child.label ?? "\(index)"), depth: depth + 1)
                }
                current = m.superclassMirror
            }
        }
        for child in Mirror(reflecting: app).children where !["desk", "letters", "unlock", "calendar"].contains(child.label ?? "") {
            walk(child.value, path: "app." + (child.label ?? "?"), depth: 0)
        }
        return found
    }

    @Test func lockingDropsTheOpenCaseTheQueueAndEveryPanel() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("j"), .char("j"), .enter])
        let id = try #require((app.stack.last as? DetailScreen)?.view.item.id)
        app.showDeadlineAlerts()
        app.command = TextField("open C-2026-00")
        weak var detail: DetailScreen?
        weak var panel: AlertPanel?
        do {
            detail = app.stack.last as? DetailScreen
            panel = app.modals.last as? AlertPanel
        }
        #expect(detail != nil && panel != nil)
        #expect(!Self.caseData(in: app).isEmpty, "the reflection finds the open case before the lock")

        app.checkIdle(at: Self.idle)
        #expect(app.isLocked)
        #expect(app.stack.count == 1 && app.stack.first === app.queue, "the stack is the queue alone")
        #expect(app.modals.isEmpty && app.command == nil && app.message == nil)
        #expect(detail == nil, "no DetailScreen instance survives the lock")
        #expect(panel == nil, "nor the alert panel")
        #expect(app.queue.all.isEmpty && app.queue.visible.isEmpty && app.queue.selectedCase == nil, "the queue's rows are gone")
        #expect(app.counts == (0, 0, 0) && app.loadedVersion == nil)
        #expect(app.queue.reselect == id, "only the id of the case is kept, to select it again")
        #expect(Self.caseData(in: app) == [], "nothing read from the store is reachable from the locked desk")
        #expect(app.lock?.notice == nil, "no form was being filled in")

        // Nothing reloads the queue behind the lock.
        #expect(!app.refreshWhileIdle())
        #expect(app.queue.all.isEmpty)
    }

    @Test func statisticsRespondentsAndHelpGoToo() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("S")])
        #expect(app.stack.last is StatisticsScreen)
        Fixture.press(app, [.escape, .char("R")])
        #expect(app.stack.last is RespondentsScreen)
        Fixture.press(app, [.enter])
        #expect(app.stack.last is DetailScreen, "a case opened from the respondents view")
        let id = try #require((app.stack.last as? DetailScreen)?.view.item.id)
        Fixture.press(app, [.char("?")])
        #expect(app.stack.last is HelpScreen)
        app.checkIdle(at: Self.idle)
        #expect(app.stack.count == 1 && app.modals.isEmpty)
        #expect(Self.caseData(in: app) == [])
        Fixture.type(app, "demo")
        Fixture.press(app, [.enter])
        #expect(app.stack.count == 1 && app.stack.last === app.queue, "the desk lands on the queue")
        #expect(app.queue.selectedCase?.id == id, "on the case that was open, though the queue had another selected")
    }

    @Test func unlockingReloadsTheQueueWithTheSameSelection() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("j"), .char("j"), .char("j"), .enter])
        let id = try #require((app.stack.last as? DetailScreen)?.view.item.id)
        let rows = app.queue.all.count
        app.checkIdle(at: Self.idle)
        Fixture.type(app, "wrong")
        Fixture.press(app, [.enter])
        #expect(app.isLocked && app.discardTypeAhead, "keys typed while the wrong passphrase was checked are to be discarded")
        app.discardTypeAhead = false
        Fixture.type(app, "demo")
        Fixture.press(app, [.enter])
        #expect(!app.isLocked)
        #expect(!app.discardTypeAhead)
        #expect(app.stack.count == 1 && app.stack.last === app.queue, "unlocking lands on the queue, not on the case")
        #expect(app.queue.all.count == rows && app.loadedVersion != nil, "the queue was read again from the store")
        #expect(app.queue.selectedCase?.id == id && app.queue.cursor.selected == 3)
        #expect(app.queue.reselect == nil)
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — triage queue · open · 38 of 46
             DEMO database (fictional cases) — passphrase: demo
             ID          BAND      SCORE  CATEGORIES       STATUS    NEXT DEADLINE
             C-2026-0023 !!! Critical  99 Auth.abuse +1    escal.    2026-09-23 support    !
             C-2026-0012 !!! Critical  95 Sex.har. +1      formal    2026-07-29 support    !
             C-2026-0016 !!! Critical  81 SEA              formal    2026-09-03 letter     !
            >C-2026-0026 !!! Critical  81 SEA              escal.    2026-10-16 letter     !
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
            Unlocked.
             Cases: 33 overdue · 3 due ≤48h │ Enter open  / search  n new  q quit  ? help
            """, "unlocked-queue-80x24")
    }

    @Test func aHalfTypedIntakeFormIsDiscardedAndTheLockSaysSo() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .tab, .tab])
        Fixture.type(app, "2026-11-20")
        Fixture.press(app, [.tab, .tab])
        Fixture.type(app, "Журавль")
        weak var form: IntakeForm?
        do { form = app.stack.last as? IntakeForm }
        #expect(form?.dirty == true)
        app.checkIdle(at: Self.idle)
        #expect(form == nil, "the form and its typed text are gone")
        #expect(Self.caseData(in: app) == [])
        expectScreen(app.render(width: 80, height: 24), """











                                       Locked — enter passphrase

                                Passphrase:

               Locked after 10 minutes idle; the form you were filling in was discarded.








            """, "locked-form-discarded-80x24")
        expectScreen(app.render(width: 200, height: 60), """





























                                                                                                   Locked — enter passphrase

                                                                                            Passphrase:

                                                                           Locked after 10 minutes idle; the form you were filling in was discarded.


























            """, "locked-form-discarded-200x60")
        Fixture.type(app, "wrong")
        Fixture.press(app, [.enter])
        expectScreen(app.render(width: 80, height: 24), """











                                       Locked — enter passphrase

                                Passphrase:

               Locked after 10 minutes idle; the form you were filling in was discarded.

                                Wrong passphrase; the desk stays locked.






            """, "locked-form-discarded-wrong-80x24")
        Fixture.type(app, "demo")
        Fixture.press(app, [.enter])
        #expect(app.stack.count == 1 && app.stack.last === app.queue, "the form does not come back")
        #expect(!app.render(width: 80, height: 24).text.contains("Журавль"))
    }

    @Test func anUntouchedFormIsClosedWithoutTheNotice() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n")])
        app.checkIdle(at: Self.idle)
        #expect(app.isLocked && app.lock?.notice == nil)
        #expect(app.stack.count == 1)
    }

    @Test func aJournalTextBeingWrittenCountsAsAForm() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        JournalDialog.start(detail, app: app)
        if app.modals.last is Chooser { Fixture.press(app, [.enter]) }
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(!prompt.changed)
        Fixture.type(app, "Called the reporter")
        #expect(prompt.changed)
        app.checkIdle(at: Self.idle)
        #expect(app.lock?.notice == "Locked after 10 minutes idle; the form you were filling in was discarded.")
        #expect(app.modals.isEmpty)
    }

    @Test func idleDurations() {
        #expect(DeskApp.duration(600) == "10 minutes")
        #expect(DeskApp.duration(60) == "1 minute")
        #expect(DeskApp.duration(90) == "90 seconds")
        #expect(DeskApp.duration(2) == "2 seconds")
    }
}
