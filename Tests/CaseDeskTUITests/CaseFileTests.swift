import CaseCore
@testable import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// Mode bits of a file (permissions only).
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Suite("Export and letter from the case detail")
struct CaseFileTests {
    @Test func exportDialogAt80x24() throws {
        let desk = try Fixture.demoDesk()
        let app = Fixture.app(desk)
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("x")])
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
                            ┌─ Export C-2026-0030 as ──────────────────────┐
              Categories    │Markdown (.md)                                │
              Conduct       │HTML, self-contained and printable (.html)    │
              Consent       │JSON (.json)                                  │
              Wishes        └──────────────────────────────────────────────┘

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "export-format-80x24")
        Fixture.press(app, [.down, .enter])
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
                            residence or legal status)
              Categ┌─ Export C-2026-0030 for ──────────────────────────────────────┐
              Condu│Counselor: everything                                          │
              Conse│Supervisor: pseudonym unless consent, no contact or support    │
              Wishe└───────────────────────────────────────────────────────────────┘

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "export-audience-80x24")
        Fixture.press(app, [.enter])
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
              ┌─ Export C-2026-0030: html, counselor's version ──────────────────────────┐
              │ Write to (the file is readable by you only):                             │
              │ ~/C-2026-0030-counselor.html                                             │
              │ Enter done · Esc cancel                                                  │
              └──────────────────────────────────────────────────────────────────────────┘

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "export-path-80x24")
        Fixture.press(app, [.enter])
        let path = app.homeDirectory + "/C-2026-0030-counselor.html"
        #expect(app.render(width: 80, height: 24).line(22) == "Exported to ~/C-2026-0030-counselor.html")
        #expect(app.modals.isEmpty)
        #expect(try permissions(path) == 0o600)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("C-2026-0030"))
        #expect(html == CaseExportFormat.html.render(try desk.exportDocument(CaseID("C-2026-0030")!, for: .counselor),
                                                     taxonomy: desk.taxonomy, generatedAt: TestFixtures.now),
                "the same document as `confidant export --format html --for counselor`")
        let audit = try desk.store.auditEntries(caseId: CaseID("C-2026-0030"))
        #expect(audit.contains { $0.action == "export" && $0.detail == "html, counselor, to a file" })
    }

    @Test func exportDialogAt200x60() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0030", app: app)
        Fixture.press(app, [.char("x"), .enter, .enter])
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
              Written confirmation  2026-10-29 21:30  OVERDUE             ┌─ Export C-2026-0030: markdown, counselor's version ──────────────────────┐
              First contact         2026-10-18 21:30  met 2026-10-16 08:00│ Write to (the file is readable by you only):                             │
              Support offered       2026-10-18 21:30  OVERDUE             │ ~/C-2026-0030-counselor.md                                               │
              Feedback to reporter  2027-01-15 21:30  due                 │ Enter done · Esc cancel                                                  │
              Follow-up             2026-11-15 08:00  OVERDUE             └──────────────────────────────────────────────────────────────────────────┘

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












             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "export-path-200x60")
    }

    @Test func exportForTheSupervisorRedactsAndAsksBeforeReplacing() throws {
        let desk = try Fixture.demoDesk()
        let app = Fixture.app(desk)
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("x"), .enter, .down, .enter])
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(prompt.field.text == "~/C-2026-0045-supervisor.md")
        Fixture.press(app, [.enter])
        let path = app.homeDirectory + "/C-2026-0045-supervisor.md"
        let markdown = try String(contentsOfFile: path, encoding: .utf8)
        #expect(markdown.contains("C-2026-0045"))
        #expect(!markdown.contains("Nguyễn Thị Lan"), "the reporter did not consent: no name for the supervisor")
        // The same again: the file exists, so the desk asks first; n leaves it alone.
        Fixture.press(app, [.char("x"), .enter, .down, .enter, .enter])
        let question = try #require(app.modals.last as? CaseDeskTUI.Confirmation)
        #expect(question.question == "~/C-2026-0045-supervisor.md exists. Replace it?")
        Fixture.press(app, [.char("n")])
        #expect(app.render(width: 80, height: 24).line(22) == "Nothing was written.")
        Fixture.press(app, [.char("x"), .enter, .down, .enter, .enter, .char("y")])
        #expect(app.render(width: 80, height: 24).line(22) == "Exported to ~/C-2026-0045-supervisor.md")
    }

    @Test func exportErrorsKeepThePromptOpen() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("x"), .enter, .enter, .ctrl("u")])
        Fixture.type(app, "~/no-such-folder/out.md")
        Fixture.press(app, [.enter])
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(prompt.error == "The folder \(app.homeDirectory)/no-such-folder does not exist; nothing was written.")
        Fixture.press(app, [.ctrl("u"), .enter])
        #expect((app.modals.last as? TextPrompt)?.error == "Give a file name to write to.")
        Fixture.press(app, [.ctrl("u")])
        Fixture.type(app, "~")
        Fixture.press(app, [.enter])
        #expect((app.modals.last as? TextPrompt)?.error == "\(app.homeDirectory) is a folder; give a file name to write to.")
        Fixture.press(app, [.escape])
        #expect(app.modals.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: app.homeDirectory).isEmpty, "nothing was written")
    }

    @Test func supervisorExportsTheSupervisorVersionWithoutBeingAsked() throws {
        let database = try Fixture.demoDatabase()
        let supervisor = try Fixture.desk(as: "supervisor", role: .supervisor, on: database)
        let app = Fixture.app(supervisor, banner: nil)
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0023", app: app)
        Fixture.press(app, [.char("x"), .down, .down, .enter])
        let prompt = try #require(app.modals.last as? TextPrompt, "no audience question: straight to the path")
        #expect(prompt.field.text == "~/C-2026-0023-supervisor.json")
        Fixture.press(app, [.enter])
        let json = try String(contentsOfFile: app.homeDirectory + "/C-2026-0023-supervisor.json", encoding: .utf8)
        #expect(json.contains("\"audience\" : \"supervisor\""))
        #expect(try permissions(app.homeDirectory + "/C-2026-0023-supervisor.json") == 0o600)
    }

    @Test func pathsExpandTheHomeFolder() {
        #expect(TypedPath.shown("/home/lan/x.md", home: "/home/lan/") == "~/x.md")
        #expect(TypedPath.shown("/home/lanx/x.md", home: "/home/lan") == "/home/lanx/x.md")
        #expect(TypedPath.expand("~/a/b.md", home: "/home/lan") == "/home/lan/a/b.md")
        #expect(TypedPath.expand(" ~ ", home: "/home/lan") == "/home/lan")
        #expect(TypedPath.expand("/tmp/../tmp/x.md", home: "/home/lan") == "/tmp/x.md")
        #expect(TypedPath.expand("x.md", home: "/home/lan") == FileManager.default.currentDirectoryPath + "/x.md")
    }

    @Test func acknowledgementLetterThenMarkedAsSent() throws {
        let desk = try Fixture.demoDesk()
        let app = Fixture.app(desk, letters: Fixture.config.letters)
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("L")])
        let languages = try #require(app.modals.last as? Chooser)
        #expect(languages.options == ["en — English", "fr — French", "ar — Arabic", "es — Spanish"])
        Fixture.press(app, [.down, .enter, .enter])
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(prompt.field.text == "~/C-2026-0045-acknowledgement-fr.md")
        Fixture.press(app, [.enter])
        let path = app.homeDirectory + "/C-2026-0045-acknowledgement-fr.md"
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
              Categories    Harassm┌────────────────────────────────┐
              Conduct       Continu│ Mark the letter as sent? y/n   │Online abuse, Sexual
                            remarks└────────────────────────────────┘
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per
                  case, cap 20)
              Not yet assessed

            Deadlines
            Letter written to ~/C-2026-0045-acknowledgement-fr.md.
             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "letter-sent-question-80x24")
        #expect(try permissions(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("C-2026-0045"))
        Fixture.press(app, [.char("y")])
        let detail = try #require(app.stack.last as? DetailScreen)
        #expect(detail.view.item.status == .acknowledged)
        #expect(detail.view.evaluation.deadlines.first { $0.kind == .acknowledge }?.metAt == TestFixtures.now)
        #expect(app.message?.text
            == "Letter written to ~/C-2026-0045-acknowledgement-fr.md and marked as sent: the acknowledgement deadline of C-2026-0045 is met.")
    }

    @Test func letterNotMarkedAndWithoutTemplates() throws {
        let app = Fixture.app(try Fixture.demoDesk(), letters: Fixture.config.letters)
        app.homeDirectory = try Fixture.temporaryHome()
        ColonCommand.run("C-2026-0045", app: app)
        Fixture.press(app, [.char("L"), .enter, .down, .enter, .enter, .char("n")])
        let path = app.homeDirectory + "/C-2026-0045-acknowledgement-en.html"
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<html"))
        #expect(app.render(width: 80, height: 24).line(22) == "Letter written to ~/C-2026-0045-acknowledgement-en.html; not marked as sent.")
        #expect((app.stack.last as? DetailScreen)?.view.item.status == .new)
        let bare = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("C-2026-0045", app: bare)
        Fixture.press(bare, [.char("L")])
        #expect(bare.modals.isEmpty)
        #expect(bare.render(width: 80, height: 24).line(22).hasPrefix("No letter templates were found"))
    }
}
