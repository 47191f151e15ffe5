@testable import CaseDeskTUI
import TestKit
import Testing

/// Issue 12 (6): Ctrl-C never throws away what the counselor typed without asking, in a dialog as in the intake form.
@Suite("Ctrl-C asks before discarding typed text")
struct QuitAskingTests {
    @Test("Ctrl-C in the journal dialog with a line typed asks; n goes back to the text, y quits")
    func journalDialogAsks() throws {
        let empty = Fixture.app(try Fixture.demoDesk())
        Fixture.press(empty, [.enter, .char("j"), .enter, .ctrl("c")])
        #expect(empty.shouldQuit, "nothing typed: Ctrl-C quits at once")

        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.enter, .char("j"), .enter])
        Fixture.type(app, "Called her back; she wants to wait a week")
        Fixture.press(app, [.ctrl("c")])
        #expect(!app.shouldQuit)
        #expect((app.modals.last as? QuitConfirmation)?.question == "Quit and discard the text you typed?")
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0023 · !!! Critical 99 · Escalated · Basalt Falcon              1–21/76
            Summary
              Case          C-2026-0023   !!! Critical 99/100   Escalated
              Channel       Complaint
              Received      22 September 2026 08:00
              Incidents     1 March 2026 – 18 September 2026  within the six-month window
              Reporter      Basalt Falcon — Javier Ortega Núñez <javier.ortega@example.org,
                            +44 7700 900905>
              Relationship  Staff
              ┌─ Contact — C-2026-0023 ──────────────────────────────────────────────────┐
              │ Text of the e┌────────────────────────────────────────────┐              │
              │ Called her ba│ Quit and discard the text you typed? y/n   │              │
              │ Enter done · └────────────────────────────────────────────┘              │n
              └──────────────────────────────────────────────────────────────────────────┘
              Wishes        not recorded
              Escalated to  Higher management

            Escalation history
              Level         Higher management (rung 3 of 4)
              2026-11-11 12:00  Escalation   Escalated to Higher management (status
                                             assessing → escalated): Escalated before
                                             import — counselor

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "journal-ctrl-c-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0023 · !!! Critical 99 · Escalated · Basalt Falcon                                                                                                                                      1–37/56
            Summary
              Case          C-2026-0023   !!! Critical 99/100   Escalated
              Channel       Complaint
              Received      22 September 2026 08:00
              Incidents     1 March 2026 – 18 September 2026  within the six-month window
              Reporter      Basalt Falcon — Javier Ortega Núñez <javier.ortega@example.org, +44 7700 900905>
              Relationship  Staff
              Reported      Viktor Hale, Country Director (direct supervisor / controls contract)
              Categories    Abuse of authority, Bullying
              Conduct       Intimidation, Withholding information, Belittling / humiliation
              Consent       identity may be shared with the supervisor: yes
              Wishes        not recorded
              Escalated to  Higher management

            Escalation history
              Level         Higher management (rung 3 of 4)
              2026-11-11 12:00  Escalation   Escalated to Higher managemen┌─ Contact — C-2026-0023 ──────────────────────────────────────────────────┐
                                                                          │ Text of the e┌────────────────────────────────────────────┐              │
            Assessment                                                    │ Called her ba│ Quit and discard the text you typed? y/n   │              │
              Ratings       Frequency 4 · Severity 3 · Threat / humiliatio│ Enter done · └────────────────────────────────────────────┘              │
              Frequency: 4 (ongoing / continued after a request to stop) ×└──────────────────────────────────────────────────────────────────────────┘
              Severity: 3 (unwelcome physical contact, quid-pro-quo) × 1.50 = 18.0 pts
              Threat / humiliation: 3 (intimidation, implied threat) × 1.50 = 18.0 pts
              Well-being impact: 3 (medical help or leave) × 1.25 = 15.0 pts
              Power differential: 3 (direct supervisor, controls contract) × 1.00 = 12.0 pts
              Pervasiveness: reported person named in 4 other open cases +20 pts (10 per case, cap 20)
              Score 99/100 → Critical · severe and pervasive · escalation suggested

            Deadlines
              Acknowledge receipt   2026-10-06 08:00  met 2026-09-22 14:00
              Written confirmation  2026-10-06 08:00  OVERDUE
              First contact         2026-09-23 08:00  met 2026-09-22 14:00
              Support offered       2026-09-23 08:00  OVERDUE
              Feedback to reporter  2026-12-22 08:00  met 2026-11-10 10:00
              Follow-up             2026-12-10 10:00  due

            Due process (per reported person)

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "journal-ctrl-c-200x40")
        Fixture.press(app, [.char("n")])
        #expect(!app.shouldQuit)
        #expect((app.modals.last as? TextPrompt)?.field.text == "Called her back; she wants to wait a week")
        Fixture.press(app, [.ctrl("c"), .char("y")])
        #expect(app.shouldQuit)

        let twice = Fixture.app(try Fixture.demoDesk())
        Fixture.press(twice, [.enter, .char("j"), .enter])
        Fixture.type(twice, "x")
        Fixture.press(twice, [.ctrl("c"), .ctrl("c")])
        #expect(twice.shouldQuit, "a second Ctrl-C quits")
    }

    @Test("Every place that holds typed text asks the same question", arguments: [
        ([.enter, .char("H")], "Court order pending", "Quit and discard the text you typed?"),
        ([.char("/")], "Amber", "Quit and discard the text you typed?"),
        ([.char(":")], "open C-2026-00", "Quit and discard the text you typed?"),
        ([.enter, .char("a")], "00000", "Quit and discard the changed ratings?"),
        ([.enter, .char("H")], "", nil),
        ([.char("/")], "", nil),
    ] as [([Key], String, String?)])
    func everyTextAsks(keys: [Key], text: String, question: String?) throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, keys)
        Fixture.type(app, text)
        Fixture.press(app, [.ctrl("c")])
        #expect(app.shouldQuit == (question == nil))
        #expect((app.modals.last as? QuitConfirmation)?.question == question)
    }
}
