import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

@Suite("Intake and assessment forms")
struct FormTests {
    @Test func emptyIntakeFormAt80x24() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n")])
        expectScreen(app.render(width: 80, height: 24), """
             New case — intake
             Report
            > Channel                   < Complaint >
              Received (date)           2026-11-25
              First incident (date)
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
              Name
              Contact

             Reported person

             Cases: 33 overdue · 3 due ≤48h │ Tab next  Ctrl-S save  Esc cancel  ? help
            """, "intake-80x24")
    }

    @Test func savingAnEmptyFormShowsTheErrorNextToTheField() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .ctrl("s")])
        expectScreen(app.render(width: 80, height: 24), """
             New case — intake
             Report
              Channel                   < Complaint >
              Received (date)           2026-11-25
            > First incident (date)
                ! The first incident date '' is not a date like 2026-10-02.
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
              Name
              Contact

            Not saved: The first incident date '' is not a date like 2026-10-02.
             Cases: 33 overdue · 3 due ≤48h │ Tab next  Ctrl-S save  Esc cancel  F1 help
            """, "intake-error-80x24")
        let form = try #require(app.stack.last as? IntakeForm)
        #expect(form.focus == .incidentFirst)
    }

    @Test func newCaseThroughTheFormIsFoundWithSearch() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .right, .tab, .tab])                // channel: whistleblowing → anonymous
        Fixture.type(app, "2026-11-20")
        Fixture.press(app, [.tab, .tab])
        Fixture.type(app, "Журавль 鹤")                                       // pseudonym
        Fixture.press(app, [.tab, .tab, .tab, .right, .right, .tab])         // anonymous, relationship, wishes: informal
        Fixture.press(app, [.right, .right, .right, .tab])                   // letters: the desk's → en → fr → ar
        Fixture.type(app, "Крачка")                                          // affected person's pseudonym
        Fixture.press(app, [.tab])
        Fixture.type(app, "Anna Berg")
        Fixture.press(app, [.tab, .tab])                                     // contact → person name
        Fixture.type(app, "Ivan Orlov")
        Fixture.press(app, [.tab])
        Fixture.type(app, "Warehouse lead")
        Fixture.press(app, [.tab, .right, .right, .tab, .char(" "), .tab])   // power: supervisor; second person
        Fixture.type(app, "Second Person")
        Fixture.press(app, [.tab, .tab, .tab])                               // role, power → categories
        let form = try #require(app.stack.last as? IntakeForm)
        #expect(form.focus == .categories)
        Fixture.press(app, [.enter, .down, .down, .char(" "), .down, .char(" "), .enter])   // discrimination, harassment
        #expect(form.categories == ["discrimination", "harassment"])
        #expect(form.fields.contains(.grounds), "grounds appear once discrimination is chosen")
        Fixture.press(app, [.tab, .enter, .char(" "), .enter])               // grounds: sex/gender
        Fixture.press(app, [.tab, .tab, .tab, .char(" "), .tab])             // conduct, child, consent → narrative
        #expect(form.focus == .narrative)
        Fixture.type(app, "Первая строка.")
        Fixture.press(app, [.enter])
        Fixture.type(app, "第二行 🙂")
        expectScreen(app.render(width: 80, height: 24), """
             New case — intake (unsaved)
              Role                      Warehouse lead
              Power                     < direct supervisor / controls contract >
              Second reported person    [x] yes

             Second reported person
              Name                      Second Person
              Role
              Power                     < peer >

             What happened
              Categories                Discrimination, Harassment
              Discrimination grounds    Sex / gender
              Conduct                   (none — Space or Enter to choose)
              A child is involved       [ ] no
              Consent to share identity [x] yes

             In the reporter's words
            > Narrative                 Первая строка.
                                        第二行 🙂



             Cases: 33 overdue · 3 due ≤48h │ Tab next  Ctrl-S save  Esc cancel  F1 help
            """, "intake-filled-80x24")
        Fixture.press(app, [.ctrl("s")])
        #expect(app.stack.count == 1, "back at the queue")
        let added = try #require(app.queue.selectedCase)
        #expect(added.id == CaseID("C-2026-0046"))
        #expect(app.render(width: 80, height: 24).line(22).hasPrefix("Case C-2026-0046 added. Follow-up code for the reporter (shown once): "))
        let item = try app.desk.open(added.id).item
        #expect(item.channel == .whistleblowing && item.reporter.anonymous)
        #expect(item.reported.map(\.name) == ["Ivan Orlov", "Second Person"])
        #expect(item.reported.first?.power == .supervisor)
        #expect(item.grounds == ["sex-gender"])
        #expect(item.consentShareIdentity)
        #expect(item.narrative == "Первая строка.\n第二行 🙂")
        #expect(item.wishes == .informal)
        #expect(item.language == "ar", "letters to this reporter are written in Arabic")
        #expect(item.affected == AffectedPerson(pseudonym: "Крачка", name: "Anna Berg", contact: nil))
        Fixture.press(app, [.char("g"), .char("/")])
        Fixture.type(app, "журавль")
        #expect(app.queue.visible.map(\.id) == [added.id])
    }

    @Test func escapeWithInputAsksBeforeDiscarding() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .escape])
        #expect(app.stack.count == 1, "an untouched form closes at once")
        Fixture.press(app, [.char("n"), .tab, .tab])
        Fixture.type(app, "2026-11-01")
        Fixture.press(app, [.escape])
        expectScreen(app.render(width: 80, height: 24), """
             New case — intake (unsaved)
             Report
              Channel                   < Complaint >
              Received (date)           2026-11-25
            > First incident (date)     2026-11-01
              Last incident (date)

             Reporter
              Pseudonym (optional)      (made up when left empty)
              Anonymous                 [ ] no
              Name                  ┌──────────────────────────────┐
              Contact               │ Discard this new case? y/n   │
              Relationship          └──────────────────────────────┘
              Reporter's wishes         < not recorded >
              Language of letters       < the desk's >

             Affected person, when someone else reported (optional)
              Pseudonym (optional)      (none: the reporter is the affected person)
              Name
              Contact

             Reported person

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "intake-discard-80x24")
        Fixture.press(app, [.char("n")])
        #expect(app.stack.last is IntakeForm, "n keeps the form")
        #expect((app.stack.last as? IntakeForm)?.texts[.incidentFirst]?.text == "2026-11-01")
        Fixture.press(app, [.escape, .char("y")])
        #expect(app.stack.count == 1)
    }

    @Test func assessmentUpdatesLiveAndSaves() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("a"), .char("3"), .char("3"), .right, .right])
        expectScreen(app.render(width: 80, height: 24), """
             Assess C-2026-0045 · Amber Heron
             Rate each factor 0–4 (←/→ or 0–4). The score below updates as you rate.

              Frequency             0  1  2 [3] 4  weekly or more
              Severity              0  1  2 [3] 4  unwelcome physical contact, quid-pro-quo
            > Threat / humiliation  0  1 [2] 3  4  humiliated in public
              Well-being impact    [0] 1  2  3  4  none reported
              Power differential    0 [1] 2  3  4  * peers
             * Power 1 suggested from the reported persons (peer): confirm or change it.

             Score 56/100 → !! High
              Frequency: 3 (weekly or more) × 1.00 = 12.0 pts
              Severity: 3 (unwelcome physical contact, quid-pro-quo) × 1.50 = 18.0 pts
              Threat / humiliation: 2 (humiliated in public) × 1.50 = 12.0 pts
              Well-being impact: 0 (none reported) × 1.25 = 0.0 pts
              Power differential: 1 (peers) × 1.00 = 4.0 pts
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per
              case, cap 20)
              Score 56/100 → High · severe and pervasive




             Cases: 33 overdue · 3 due ≤48h │ ←/→ rate  Enter save  Esc cancel  ? help
            """, "assessment-80x24")
        let form = try #require(app.stack.last as? AssessmentForm)
        #expect(form.preview?.value == 56, "the power factor starts at the suggestion (peer: 1)")
        Fixture.press(app, [.left, .char("4"), .enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.assessment == (try FactorRatings(frequency: 3, severity: 3, threat: 4, wellbeing: 0, power: 1)))
        #expect(detail.view.evaluation.score.band == .critical)
        #expect(app.render(width: 80, height: 24).line(0).contains("C-2026-0045 · !!! Critical"))
    }

    @Test func assessmentAt200x60() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("a"), .down, .char("4")])
        expectScreen(app.render(width: 200, height: 60), """
             Assess C-2026-0030 · Dusky Petrel
             Rate each factor 0–4 (←/→ or 0–4). The score below updates as you rate.

              Frequency             0 [1] 2  3  4  2–3 incidents
              Severity              0  1  2  3 [4] assault, sexual exploitation or abuse
            > Threat / humiliation  0 [1] 2  3  4  humiliated in private
              Well-being impact     0  1 [2] 3  4  affects sleep, work or health
              Power differential    0  1  2  3 [4] controls livelihood, aid, residence or legal status

             Score 80/100 → !!! Critical
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 4 (assault, sexual exploitation or abuse) × 1.50 = 24.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts
              Well-being impact: 2 (affects sleep, work or health) × 1.25 = 10.0 pts
              Power differential: 4 (controls livelihood, aid, residence or legal status) × 1.00 = 16.0 pts
              Pervasiveness: reported person named in 4 other open cases +20 pts (10 per case, cap 20)
              Override: retaliation after a complaint → at least High
              Score 80/100 → Critical · severe and pervasive · escalation suggested









































             Cases: 33 overdue · 3 due ≤48h │ ←/→ rate  Enter save  Esc cancel  ? help
            """, "assessment-200x60")
        Fixture.press(app, [.escape])
        #expect(app.stack.last is DetailScreen)
        #expect((app.stack.last as? DetailScreen)?.view.item.assessment?.severity == 2, "Esc saves nothing")
    }
}

@Suite("Help, command line, lock")
struct ChromeTests {
    @Test func helpListsEveryBinding() throws {
        let lines = HelpScreen.lines(counselor: true).map(\.text)
        for binding in KeyBindings.table {
            #expect(lines.contains { $0.contains(binding.keyLabel()) && $0.contains(binding.description()) },
                    "help lacks \(binding.keyLabel()): \(binding.description())")
        }
        for context in KeyContext.allCases where !KeyBindings.bindings(in: context).isEmpty {
            #expect(lines.contains(context.title()))
        }
        let supervisor = HelpScreen.lines(counselor: false).map(\.text)
        #expect(!supervisor.contains { $0.contains("Escalate: choose the level") })
    }

    @Test func helpScreenAt80x24() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("?")])
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — keys                                                      1–21/182
             Triage queue
               j, Down           Next case
               k, Up             Previous case
               PgDn, Space       Page down
               PgUp              Page up
               g, Home           First case
               G, End            Last case
               Enter             Open the selected case
               /                 Search as you type (id, pseudonym, category, status)
               f                 Filter by status: open, all, escalated, closed
               b                 Filter by band: any, critical, high, medium, low, unrated
               c                 Filter by category (cycles through the taxonomy)
               o                 Show overdue cases only (on/off)
               F, Esc            Clear search and filters
               n                 New case (intake form)
               E                 Escalation review (escalated cases by level, then score)
               S                 Statistics: anonymised counts with bar charts
               R                 Repeat respondents: people named in more than one case
               A                 Deadline alerts: overdue and due soon
               q                 Quit


             Cases: 33 overdue · 3 due ≤48h │ Esc close  ? help
            """, "help-80x24")
        Fixture.press(app, [.escape])
        #expect(app.stack.count == 1)
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = KeyBindings.bindings(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context) binds a key twice")
        }
    }

    @Test func commandLine() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char(":")])
        Fixture.type(app, "open C-2026-0003")
        #expect(app.render(width: 80, height: 24).line(22) == ":open C-2026-0003")
        Fixture.press(app, [.enter])
        #expect((app.stack.last as? DetailScreen)?.view.item.id == CaseID("C-2026-0003"))
        Fixture.press(app, [.char(":")])
        Fixture.type(app, "filter overdue")
        Fixture.press(app, [.enter])
        #expect(app.stack.count == 1)
        #expect(app.queue.filter.overdueOnly)
        #expect(app.queue.visible.count == 33)
        Fixture.press(app, [.char(":")])
        Fixture.type(app, "frobnicate")
        Fixture.press(app, [.enter])
        #expect(app.render(width: 80, height: 24).line(22) == "Unknown command ':frobnicate' — try :help.")
        Fixture.press(app, [.char(":")])
        Fixture.type(app, "help")
        Fixture.press(app, [.enter])
        #expect(app.stack.last is HelpScreen)
        Fixture.press(app, [.char(":"), .char("q"), .enter])
        #expect(app.shouldQuit)
    }

    @Test func idleLockClearsTheScreenAndUnlocks() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0045", app: app)
        app.checkIdle(at: TestFixtures.now.addingTimeInterval(599))
        #expect(!app.isLocked)
        app.checkIdle(at: TestFixtures.now.addingTimeInterval(600))
        #expect(app.isLocked)
        Fixture.type(app, "wrong")
        Fixture.press(app, [.enter])
        expectScreen(app.render(width: 80, height: 24), """











                                       Locked — enter passphrase

                                Passphrase:

                                Wrong passphrase; the desk stays locked.








            """, "locked-80x24")
        Fixture.press(app, [.char("q"), .ctrl("s"), .enter])
        #expect(app.isLocked && !app.shouldQuit, "keys only type into the passphrase while locked")
        Fixture.type(app, "demo")
        Fixture.press(app, [.backspace])
        Fixture.type(app, "o")
        Fixture.press(app, [.enter])
        #expect(!app.isLocked)
        #expect(app.stack.count == 1 && app.stack.last === app.queue, "unlocking lands on the queue, read again from the store")
        #expect(app.queue.selectedCase?.id == CaseID("C-2026-0045"), "with the case that was open selected")
    }

    @Test func terminalProblems() {
        let env = ["TERM": "xterm", "HOME": "/nonexistent"]
        #expect(Launcher.terminalProblem(environment: env, stdinIsTTY: false, stdoutIsTTY: true)
            == "Confidant's case desk needs an interactive terminal (80×24 or larger); stdin is not a terminal. Use the subcommands (list, show, …) in scripts.")
        #expect(Launcher.terminalProblem(environment: env, stdinIsTTY: true, stdoutIsTTY: false)?.contains("stdout is not a terminal") == true)
        #expect(Launcher.terminalProblem(environment: [:], stdinIsTTY: true, stdoutIsTTY: true)?.contains("TERM is not set") == true)
        #expect(Launcher.terminalProblem(environment: ["TERM": "dumb"], stdinIsTTY: true, stdoutIsTTY: true)?.contains("'dumb'") == true)
        #expect(Launcher.terminalProblem(environment: ["TERM": "no-such-term-xyz"], stdinIsTTY: true, stdoutIsTTY: true)?
            .contains("unknown to terminfo") == true)
        #expect(Launcher.terminalProblem(environment: env, stdinIsTTY: true, stdoutIsTTY: true) == nil)
    }
}
