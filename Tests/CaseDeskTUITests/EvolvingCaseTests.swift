import CaseCore
@testable import CaseStore
@testable import CaseDeskTUI
import Foundation
import Testing

/// The first demo case matching a condition (ids are stable: the demo file is fixed).
private func demoCase(_ desk: CaseDesk, where test: (Case) -> Bool) throws -> CaseID {
    for summary in try desk.store.summaries() {
        let item = try desk.open(summary.id).item
        if test(item) { return item.id }
    }
    throw StoreError.caseNotFound("no demo case matches")
}

private func detail(_ app: DeskApp) throws -> DetailScreen { try #require(app.stack.last as? DetailScreen) }

@Suite("A case evolves: edit, consent, reopen, disclose")
struct EvolvingCaseTests {
    @Test func editThroughThePrefilledFormSavesOnlyTheChangedFieldsAndReScores() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0033", app: app)
        let before = try detail(app).view
        #expect(before.evaluation.score.band == .medium)
        Fixture.press(app, [.char("i")])
        let form = try #require(app.stack.last as? IntakeForm)
        #expect(form.caseEdit() == nil, "a form filled in with the case changes nothing")
        expectScreen(app.render(width: 80, height: 24), """
             Edit C-2026-0033 — intake
             Report
            > Channel                   < Complaint >
              First incident (date)     2026-07-01
              Last incident (date)      2026-10-22

             Reporter
              Pseudonym (optional)      Tawny Gull
              Anonymous                 [ ] no
              Name                      Chiara Benedetti
              Contact                   chiara.b@example.org
              Relationship              < Staff >
              Reporter's wishes         < not recorded >
              Language of letters       < the desk's >

             Affected person, when someone else reported (optional)
              Pseudonym (optional)      (none: the reporter is the affected person)
              Name
              Contact

             Reported person
              Name                      Arnaud Lefèvre

             Cases: 33 overdue · 3 due ≤48h │ Tab next  Ctrl-S save  Esc cancel  ? help
            """, "edit-form-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             Edit C-2026-0033 — intake
             Report
            > Channel                   < Complaint >
              First incident (date)     2026-07-01
              Last incident (date)      2026-10-22

             Reporter
              Pseudonym (optional)      Tawny Gull
              Anonymous                 [ ] no
              Name                      Chiara Benedetti
              Contact                   chiara.b@example.org
              Relationship              < Staff >
              Reporter's wishes         < not recorded >
              Language of letters       < the desk's >

             Affected person, when someone else reported (optional)
              Pseudonym (optional)      (none: the reporter is the affected person)
              Name
              Contact

             Reported person
              Name                      Arnaud Lefèvre
              Role                      Team Lead, Research
              Power                     < direct supervisor / controls contract >
              Second reported person    [ ] no

             What happened
              Categories                Bullying
              Conduct                   Withholding information, Exclusion / ostracism, Belittling / humiliation
              A child is involved       [ ] no
              Consent to share identity [ ] no

             In the reporter's words
              Narrative                 My team lead gives me tasks with deadlines of a few hours and then changes them without telling me. He forwards my drafts to the whole team with comments like "see how
                                        not to do it". I have not been invited to the last three planning meetings, and I feel humiliated every time a draft goes out.


              Support needs

             Cases: 33 overdue · 3 due ≤48h │ Tab next  Ctrl-S save  Esc cancel  ? help
            """, "edit-form-200x40")
        for _ in 0..<30 where form.focus != .categories { Fixture.press(app, [.tab]) }
        #expect(form.focus == .categories)
        let taxonomy = Fixture.config.taxonomy.categories
        let victimisation = try #require(taxonomy.firstIndex { $0.id == "victimisation" })
        Fixture.press(app, [.enter] + Array(repeating: Key.down, count: victimisation) + [.char(" "), .enter])
        #expect(form.caseEdit() == CaseEdit(categories: ["bullying", "victimisation"]))
        Fixture.press(app, [.ctrl("s")])
        let after = try detail(app).view
        #expect(app.stack.count == 2 && app.modals.isEmpty)
        #expect(after.item.categories == ["bullying", "victimisation"])
        let edits = after.item.journal.dropFirst(before.item.journal.count).filter { $0.kind == .edit }
        #expect(edits.map(\.text) == ["Edited categories: categories bullying → bullying, victimisation"])
        let (a, b) = (after.item, before.item)
        #expect(a.channel == b.channel && a.incidentFirst == b.incidentFirst && a.incidentLast == b.incidentLast
                && a.reporter == b.reporter && a.affected == b.affected && a.relationship == b.relationship
                && a.reported == b.reported && a.grounds == b.grounds && a.conductTags == b.conductTags
                && a.childInvolved == b.childInvolved && a.consentShareIdentity == b.consentShareIdentity
                && a.wishes == b.wishes && a.narrative == b.narrative && a.supportNeeds == b.supportNeeds
                && a.status == b.status && a.assessment == b.assessment, "nothing but the categories changed")
        let band = try #require(after.evaluation.score.band)
        #expect(band <= .high, "victimisation puts a High floor on the case")
        #expect(app.render(width: 80, height: 24).line(22) == "C-2026-0033 edited; score now \(band.label) \(after.evaluation.score.value!).")
    }

    @Test func editWithoutChangesSavesNothingAndTheAffectedPersonIsAdded() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        let count = try detail(app).view.item.journal.count
        Fixture.press(app, [.char("i"), .ctrl("s")])
        #expect(app.render(width: 80, height: 24).line(22) == "Nothing changed; C-2026-0045 is as it was.")
        #expect(try detail(app).view.item.journal.count == count)
        Fixture.press(app, [.char("i")])
        let form = try #require(app.stack.last as? IntakeForm)
        for _ in 0..<30 where form.focus != .wishes { Fixture.press(app, [.tab]) }
        Fixture.press(app, [.right, .right, .right, .tab, .tab])             // formal, letters → affected pseudonym
        Fixture.type(app, "Quiet Fern")
        Fixture.press(app, [.tab])
        Fixture.type(app, "Mira Holm")
        Fixture.press(app, [.ctrl("s")])
        let item = try detail(app).view.item
        #expect(item.wishes == .formal)
        #expect(item.affected == AffectedPerson(pseudonym: "Quiet Fern", name: "Mira Holm"))
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0045 · ? Unrated · New · Amber Heron                            1–21/48
            Summary
              Case          C-2026-0045   ? Unrated   New
              Channel       Complaint
              Received      24 November 2026 07:45
              Incidents     15 October 2026 – 21 November 2026  within the six-month window
              Reporter      Amber Heron — Nguyễn Thị Lan <lan.nguyen@example.org, +44 7700
                            900117>
              Affected      Quiet Fern — Mira Holm
              Relationship  Staff
              Reported      Oleg Petrenko, Logistics Coordinator (peer)
              Categories    Harassment, Sexual harassment
              Conduct       Continued contact after request to stop, Online abuse, Sexual
                            remarks
              Consent       affected person's identity may be shared with the supervisor:
                            no
              Wishes        Formal procedure

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per
                  case, cap 20)
              Not yet assessed
            C-2026-0045 edited; score now Unrated.
             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal
            """, "detail-affected-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0045 · ? Unrated · New · Amber Heron                                                                                                                                                    1–37/38
            Summary
              Case          C-2026-0045   ? Unrated   New
              Channel       Complaint
              Received      24 November 2026 07:45
              Incidents     15 October 2026 – 21 November 2026  within the six-month window
              Reporter      Amber Heron — Nguyễn Thị Lan <lan.nguyen@example.org, +44 7700 900117>
              Affected      Quiet Fern — Mira Holm
              Relationship  Staff
              Reported      Oleg Petrenko, Logistics Coordinator (peer)
              Categories    Harassment, Sexual harassment
              Conduct       Continued contact after request to stop, Online abuse, Sexual remarks
              Consent       affected person's identity may be shared with the supervisor: no
              Wishes        Formal procedure

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per case, cap 20)
              Not yet assessed

            Deadlines
              Acknowledge receipt   2026-12-08 07:45  due
              Written confirmation  2026-12-08 07:45  due
              First contact         2026-12-01 07:45  due
              Feedback to reporter  2027-02-24 07:45  due
              Follow-up             2026-12-24 07:45  due

            Due process (per reported person)
              1. Oleg Petrenko, Logistics Coordinator
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative
              Since mid-October a colleague from logistics has been sending me personal messages late in the evening. On 3 November I wrote to him that I only want work contact and asked him to stop. He kept
              writing, and on 21 November he sent "🙂 see you tonight" after finding out which hotel the team was using for the field visit. I now avoid the warehouse when I know he is there.

            Support needs
              Wants to know her options before deciding anything; prefers e-mail contact.

            Journal (1)
            C-2026-0045 edited; score now Unrated.
             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal  Esc back  ? help
            """, "detail-affected-200x40")
    }

    @Test func consentIsGivenAndWithdrawnAfterAQuestion() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        Fixture.press(app, [.char("c")])
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
              ┌──────────────────────────────────────────────────────────────────────────┐
              │ Record that consent is GIVEN to share the reporter's identity with the   │
              │ supervisor? y/n                                                          │
              └──────────────────────────────────────────────────────────────────────────┘
              Wishes        not recorded

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per
                  case, cap 20)
              Not yet assessed

            Deadlines

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "consent-question-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0045 · ? Unrated · New · Amber Heron
            Summary
              Case          C-2026-0045   ? Unrated   New
              Channel       Complaint
              Received      24 November 2026 07:45
              Incidents     15 October 2026 – 21 November 2026  within the six-month window
              Reporter      Amber Heron — Nguyễn Thị Lan <lan.nguyen@example.org, +44 7700 900117>
              Relationship  Staff
              Reported      Oleg Petrenko, Logistics Coordinator (peer)
              Categories    Harassment, Sexual harassment
              Conduct       Continued contact after request to stop, Online abuse, Sexual remarks
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per case, cap 20)
              Not yet assessed

            Deadlines                                                     ┌──────────────────────────────────────────────────────────────────────────┐
              Acknowledge receipt   2026-12-08 07:45  due                 │ Record that consent is GIVEN to share the reporter's identity with the   │
              Written confirmation  2026-12-08 07:45  due                 │ supervisor? y/n                                                          │
              First contact         2026-12-01 07:45  due                 └──────────────────────────────────────────────────────────────────────────┘
              Feedback to reporter  2027-02-24 07:45  due
              Follow-up             2026-12-24 07:45  due

            Due process (per reported person)
              1. Oleg Petrenko, Logistics Coordinator
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative
              Since mid-October a colleague from logistics has been sending me personal messages late in the evening. On 3 November I wrote to him that I only want work contact and asked him to stop. He kept
              writing, and on 21 November he sent "🙂 see you tonight" after finding out which hotel the team was using for the field visit. I now avoid the warehouse when I know he is there.

            Support needs
              Wants to know her options before deciding anything; prefers e-mail contact.

            Journal (0)
              no entries yet

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "consent-question-200x40")
        Fixture.press(app, [.char("n")])
        #expect(try !detail(app).view.item.consentShareIdentity)
        Fixture.press(app, [.char("c"), .char("y")])
        let item = try detail(app).view.item
        #expect(item.consentShareIdentity)
        #expect(item.journal.last?.text == "Edited consentShareIdentity: consent to share identity with the supervisor given")
        #expect(app.render(width: 80, height: 24).text.contains("Consent       identity may be shared with the supervisor: yes"))
        Fixture.press(app, [.char("c"), .char("y")])
        #expect(try !detail(app).view.item.consentShareIdentity)
        #expect(app.render(width: 80, height: 24).line(22) == "Consent to share identity withdrawn on C-2026-0045.")
    }

    @Test func closedCasesAreReopenedWithAReason() throws {
        let desk = try Fixture.demoDesk()
        let app = Fixture.app(desk)
        Fixture.press(app, [.char("r")])
        ColonCommand.run("open C-2026-0045", app: app)
        Fixture.press(app, [.char("r")])
        #expect(app.modals.isEmpty)
        #expect(app.render(width: 80, height: 24).line(22)
                == "Only a closed, withdrawn or screened-out case can be reopened; this one is new.")
        let closed = try demoCase(desk) { $0.status == .closed }
        ColonCommand.run("open \(closed)", app: app)
        Fixture.press(app, [.char("r"), .enter])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0002 · !!! Critical 81 · Closed · Wheat Nightjar                1–21/62
            Summary
              Case          C-2026-0002   !!! Critical 81/100   Closed
              Channel       Referral
              Received      20 March 2026 08:30
              Incidents     10 February 2026 – 15 March 2026  within the six-month window
              Reporter      Wheat Nightjar — Grace Achieng <via child protection officer,
                            +1 555 0100 633>
              Relationship  Beneficiary / person of concern
              ┌─ Reopen C-2026-0002 (Closed) ────────────────────────────────────────────┐
              │ Reason for reopening (journaled; the case returns to assessing):         │
              │                                                                          │
              │ Enter done · Esc cancel                                                  │
              │ A reason is required to reopen a case.                                   │
              └──────────────────────────────────────────────────────────────────────────┘
              Wishes        not recorded
              Outcome       Referred to law enforcement

            Assessment
              Ratings       Frequency 2 · Severity 4 · Threat / humiliation 3 · Well-being
                            impact 3 · Power differential 4
              Frequency: 2 (repeated over weeks) × 1.00 = 8.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "reopen-prompt-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0002 · !!! Critical 81 · Closed · Wheat Nightjar                                                                                                                                        1–37/49
            Summary
              Case          C-2026-0002   !!! Critical 81/100   Closed
              Channel       Referral
              Received      20 March 2026 08:30
              Incidents     10 February 2026 – 15 March 2026  within the six-month window
              Reporter      Wheat Nightjar — Grace Achieng <via child protection officer, +1 555 0100 633>
              Relationship  Beneficiary / person of concern
              Reported      Peter Mwangi, Teacher (partner learning centre) (controls livelihood, aid, residence or legal status)
              Categories    Sexual exploitation and abuse
              Conduct       Quid pro quo
              Child         a child is involved
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded
              Outcome       Referred to law enforcement

            Assessment
              Ratings       Frequency 2 · Severity 4 · Threat / humiliatio┌─ Reopen C-2026-0002 (Closed) ────────────────────────────────────────────┐
              Frequency: 2 (repeated over weeks) × 1.00 = 8.0 pts         │ Reason for reopening (journaled; the case returns to assessing):         │
              Severity: 4 (assault, sexual exploitation or abuse) × 1.50 =│                                                                          │
              Threat / humiliation: 3 (intimidation, implied threat) × 1.5│ Enter done · Esc cancel                                                  │
              Well-being impact: 3 (medical help or leave) × 1.25 = 15.0 p│ A reason is required to reopen a case.                                   │
              Power differential: 4 (controls livelihood, aid, residence o└──────────────────────────────────────────────────────────────────────────┘
              Override: a child is involved → at least Critical
              Override: sexual exploitation and abuse → at least Critical
              Score 81/100 → Critical · severe · escalation suggested

            Deadlines
              Acknowledge receipt   2026-04-03 08:30  met 2026-03-20 11:00
              First contact         2026-03-21 08:30  met 2026-03-20 11:00
              Support offered       2026-03-21 08:30  met 2026-03-20 11:00
              Feedback to reporter  2026-06-20 08:30  OVERDUE

            Due process (per reported person)
              1. Peter Mwangi, Teacher (partner learning centre)
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "reopen-prompt-200x40")
        Fixture.type(app, "The reporter says the conduct started again.")
        Fixture.press(app, [.enter])
        let item = try detail(app).view.item
        #expect(item.status == .assessing && item.outcome == nil && item.closedAt == nil)
        #expect(item.journal.last?.kind == .reopen)
        #expect(item.journal.last?.text.hasSuffix("): The reporter says the conduct started again.") == true)
    }

    @Test func disclosureWithoutConsentAsksToWhomTheDutyAndADeferral() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        Fixture.press(app, [.char("D"), .enter])
        #expect((app.modals.last as? TextPrompt)?.error == "The recipient of the disclosure is empty.")
        Fixture.type(app, "Child protection officer")
        Fixture.press(app, [.enter])
        Fixture.type(app, "A child at risk")
        Fixture.press(app, [.enter])
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
              ┌─ Disclosure without consent — C-2026-0045 ───────────────────────────────┐
              │ Reason to defer telling the reporter (leave empty to tell them; a        │
              │ deadline starts):                                                        │
              │                                                                          │
              │ Enter done · Esc cancel                                                  │
              └──────────────────────────────────────────────────────────────────────────┘

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per
                  case, cap 20)
              Not yet assessed

            Deadlines

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "disclose-defer-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0045 · ? Unrated · New · Amber Heron
            Summary
              Case          C-2026-0045   ? Unrated   New
              Channel       Complaint
              Received      24 November 2026 07:45
              Incidents     15 October 2026 – 21 November 2026  within the six-month window
              Reporter      Amber Heron — Nguyễn Thị Lan <lan.nguyen@example.org, +44 7700 900117>
              Relationship  Staff
              Reported      Oleg Petrenko, Logistics Coordinator (peer)
              Categories    Harassment, Sexual harassment
              Conduct       Continued contact after request to stop, Online abuse, Sexual remarks
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Pervasiveness: reported person named in 1 other open case +10 pts (10 per case, cap 20)
              Not yet assessed
                                                                          ┌─ Disclosure without consent — C-2026-0045 ───────────────────────────────┐
            Deadlines                                                     │ Reason to defer telling the reporter (leave empty to tell them; a        │
              Acknowledge receipt   2026-12-08 07:45  due                 │ deadline starts):                                                        │
              Written confirmation  2026-12-08 07:45  due                 │                                                                          │
              First contact         2026-12-01 07:45  due                 │ Enter done · Esc cancel                                                  │
              Feedback to reporter  2027-02-24 07:45  due                 └──────────────────────────────────────────────────────────────────────────┘
              Follow-up             2026-12-24 07:45  due

            Due process (per reported person)
              1. Oleg Petrenko, Logistics Coordinator
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative
              Since mid-October a colleague from logistics has been sending me personal messages late in the evening. On 3 November I wrote to him that I only want work contact and asked him to stop. He kept
              writing, and on 21 November he sent "🙂 see you tonight" after finding out which hotel the team was using for the field visit. I now avoid the warehouse when I know he is there.

            Support needs
              Wants to know her options before deciding anything; prefers e-mail contact.

            Journal (0)
              no entries yet

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "disclose-defer-200x40")
        Fixture.type(app, "Telling her now would alert the reported person")
        Fixture.press(app, [.enter])
        let item = try detail(app).view.item
        #expect(item.journal.suffix(2).map(\.kind) == [.disclosure, .tellingDeferred])
        #expect(item.journal.suffix(2).first?.text
                == "Disclosed to Child protection officer without the reporter's consent, under a duty to act: A child at risk")
        #expect(app.render(width: 80, height: 24).line(22) == "Disclosure to Child protection officer recorded on C-2026-0045.")
        Fixture.press(app, [.end])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0045 · ? Unrated · New · Amber Heron                           46–66/66
            Narrative
              Since mid-October a colleague from logistics has been sending me personal
              messages late in the evening. On 3 November I wrote to him that I only want
              work contact and asked him to stop. He kept writing, and on 21 November he
              sent "🙂 see you tonight" after finding out which hotel the team was using
              for the field visit. I now avoid the warehouse when I know he is there.

            Support needs
              Wants to know her options before deciding anything; prefers e-mail contact.

            Journal (2)
              2026-11-25 12:00  Disclosure without consent Disclosed to Child protection
                                                           officer without the reporter's
                                                           consent, under a duty to act: A
                                                           child at risk — counselor
              2026-11-25 12:00  Telling the reporter deferred Telling the reporter of the
                                                              disclosure to Child
                                                              protection officer is
                                                              deferred: Telling her now
                                                              would alert the reported
                                                              person — counselor

             Cases: 33 overdue · 3 due ≤48h │ a assess  e escalate  s status  j journal
            """, "detail-disclosures-80x24")
    }
}

@Suite("Escalation, journal and status dialogs")
struct CaseDialogTests {
    @Test func escalationOffersTheNextRungAndASkipNeedsADuty() throws {
        let desk = try Fixture.demoDesk()
        try desk.edit(CaseID("C-2026-0030")!, CaseEdit(wishes: .formal))
        let app = Fixture.app(desk)
        ColonCommand.run("open C-2026-0030", app: app)
        Fixture.press(app, [.char("e")])
        let chooser = try #require(app.modals.last as? Chooser)
        #expect(chooser.options.first == "Complaints team (next rung)" && chooser.cursor.selected == 0)
        Fixture.press(app, [.down, .down, .enter])                                  // Higher management: skips two
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0030 · !! High 68 · Assessing · Dusky Petrel                    1–21/61
            Summary
              Case          C-2026-0030   !! High 68/100   Assessing
              Channel       Whistleblowing (anonymous)
              Received      15 October 2026 21:30
              Incidents     20 July 2026 – 10 October 2026  within the six-month window
              Reporter      Dusky Petrel (anonymous)
              Relationship  Staff
              ┌─ Escalate C-2026-0030 to Higher management ──────────────────────────────┐
              │ Going to Higher management skips a rung (the next is Complaints team).   │
              │ State the duty to act (a child at risk, sexual exploitation and abuse,   │
              │ danger to life, a legal obligation):                                     │
              │                                                                          │
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
            """, "escalate-duty-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0030 · !! High 68 · Assessing · Dusky Petrel                                                                                                                                            1–37/47
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
              Wishes        Formal procedure

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts               ┌─ Escalate C-2026-0030 to Higher management ──────────────────────────────┐
              Severity: 2 (serious (sexual remarks, exclusion, withheld in│ Going to Higher management skips a rung (the next is Complaints team).   │
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0│ State the duty to act (a child at risk, sexual exploitation and abuse,   │
              Well-being impact: 2 (affects sleep, work or health) × 1.25 │ danger to life, a legal obligation):                                     │
              Power differential: 4 (controls livelihood, aid, residence o│                                                                          │
              Pervasiveness: reported person named in 4 other open cases +│ Enter done · Esc cancel                                                  │
              Override: retaliation after a complaint → at least High     └──────────────────────────────────────────────────────────────────────────┘
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

             Cases: 33 overdue · 3 due ≤48h │ Enter done  Esc cancel  F1 help
            """, "escalate-duty-200x40")
        Fixture.press(app, [.enter])
        #expect((app.modals.last as? TextPrompt)?.error
                == "The ladder is climbed one rung at a time: the next rung is complaints-team; going to higher-management needs a duty to act.")
        Fixture.press(app, [.escape, .char("e"), .enter])                          // the next rung: no duty asked
        #expect((app.modals.last as? TextPrompt)?.label == "Reason for escalating (journaled):")
        Fixture.type(app, "She asks for a formal review.")
        Fixture.press(app, [.enter])
        let item = try detail(app).view.item
        #expect(item.escalationLevel == .complaintsTeam && item.dutyToAct == nil)
        #expect(item.journal.last?.text
                == "Escalated to Complaints team (status assessing → escalated) at the reporter's request (formal): She asks for a formal review.")
    }

    @Test func dueProcessEntryRecordsTheChosenPerson() throws {
        let desk = try Fixture.demoDesk()
        let id = try demoCase(desk) { $0.reported.count == 2 && $0.status.isOpen }
        let app = Fixture.app(desk)
        ColonCommand.run("open \(id)", app: app)
        Fixture.press(app, [.char("j")])
        let kinds = try #require(app.modals.last as? Chooser)
        #expect(kinds.options == JournalEntry.Kind.recordable.map(\.label))
        let account = try #require(JournalEntry.Kind.recordable.firstIndex(of: .respondentAccount))
        Fixture.press(app, Array(repeating: Key.down, count: account) + [.enter])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0009 · . Low 17 · Informal resolution · Teal Pipit              1–21/59
            Summary
              Case          C-2026-0009   . Low 17/100   Informal resolution
              Channel       Walk-in
              Received      10 July 2026 14:20
              Incidents     15 May 2026 – 8 July 2026  within the six-month window
              Reporter      Teal Pipit — Aoife Brennan <aoife.brennan@example.org>
              Relationship  Staff
              Reported      Ruth Okonkwo, Finance Assistant (peer)
                            Paul Gerber, Finance Assistant (peer)
              Categorie┌─ Reported person's account: which reported person? ───┐
              Conduct  │1. Ruth Okonkwo, Finance Assistant                     │
              Consent  │2. Paul Gerber, Finance Assistant                      │
              Wishes   └───────────────────────────────────────────────────────┘

            Assessment
              Ratings       Frequency 2 · Severity 0 · Threat / humiliation 0 · Well-being
                            impact 1 · Power differential 1
              Frequency: 2 (repeated over weeks) × 1.00 = 8.0 pts
              Severity: 0 (offensive remark) × 1.50 = 0.0 pts
              Threat / humiliation: 0 (none) × 1.50 = 0.0 pts
              Well-being impact: 1 (distress) × 1.25 = 5.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "journal-party-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0009 · . Low 17 · Informal resolution · Teal Pipit                                                                                                                                      1–37/48
            Summary
              Case          C-2026-0009   . Low 17/100   Informal resolution
              Channel       Walk-in
              Received      10 July 2026 14:20
              Incidents     15 May 2026 – 8 July 2026  within the six-month window
              Reporter      Teal Pipit — Aoife Brennan <aoife.brennan@example.org>
              Relationship  Staff
              Reported      Ruth Okonkwo, Finance Assistant (peer)
                            Paul Gerber, Finance Assistant (peer)
              Categories    Bullying
              Conduct       Exclusion / ostracism, Withholding information
              Consent       identity may be shared with the supervisor: no
              Wishes        not recorded

            Assessment
              Ratings       Frequency 2 · Severity 0 · Threat / humiliation 0 · Well-being impact 1 · Power differential 1
              Frequency: 2 (repeated over weeks) × 1.00 = 8.0 pts
              Severity: 0 (offensive remark) × 1.50 = 0.0 pts                      ┌─ Reported person's account: which reported person? ───┐
              Threat / humiliation: 0 (none) × 1.50 = 0.0 pts                      │1. Ruth Okonkwo, Finance Assistant                     │
              Well-being impact: 1 (distress) × 1.25 = 5.0 pts                     │2. Paul Gerber, Finance Assistant                      │
              Power differential: 1 (peers) × 1.00 = 4.0 pts                       └───────────────────────────────────────────────────────┘
              Score 17/100 → Low

            Deadlines
              Acknowledge receipt   2026-07-24 14:20  met 2026-07-11 10:00
              Written confirmation  2026-07-24 14:20  OVERDUE
              First contact         2026-07-17 14:20  met 2026-07-11 10:00
              Feedback to reporter  2026-10-10 14:20  OVERDUE
              Follow-up             2026-08-10 10:00  OVERDUE

            Due process (per reported person)
              1. Ruth Okonkwo, Finance Assistant
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet
              2. Paul Gerber, Finance Assistant
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "journal-party-200x40")
        Fixture.press(app, [.down, .enter])
        Fixture.type(app, "Heard her account; she denies the remarks.")
        Fixture.press(app, [.enter])
        let item = try detail(app).view.item
        #expect(item.journal.last?.kind == .respondentAccount)
        #expect(item.journal.last?.party == 1, "the second reported person, 0-based in the store")
        let text = app.render(width: 200, height: 60).text
        #expect(text.contains("2. \(item.reported[1].name), \(item.reported[1].role)\n"
                              + "     informed not yet · account heard 2026-11-25 · interim measures none · outcome communicated not yet"))
    }

    @Test func closingNeedsAnOutcomeAndASubstantiatedCaseItsMeasures() throws {
        let desk = try Fixture.demoDesk()
        let id = try demoCase(desk) { $0.status == .formalProcedure }
        let app = Fixture.app(desk)
        ColonCommand.run("open \(id)", app: app)
        let closing = try #require(CaseStatus.formalProcedure.allowedNext.firstIndex(of: .closed))
        Fixture.press(app, [.char("s")] + Array(repeating: Key.down, count: closing) + [.enter])
        let outcomes = try #require(app.modals.last as? Chooser)
        #expect(outcomes.options == Outcome.allCases.map(\.label))
        Fixture.press(app, [.escape])
        #expect(app.modals.isEmpty, "Esc at the outcome leaves the case as it was")
        #expect(try detail(app).view.item.status == .formalProcedure)
        Fixture.press(app, [.char("s")] + Array(repeating: Key.down, count: closing) + [.enter, .enter])   // substantiated
        Fixture.press(app, [.enter])
        expectScreen(app.render(width: 80, height: 24), """
             C-2026-0012 · !!! Critical 95 · Formal procedure · Garnet Egret        1–21/70
            Summary
              Case          C-2026-0012   !!! Critical 95/100   Formal procedure
              Channel       Complaint
              Received      28 July 2026 07:55
              ┌─ Measures taken (C-2026-0012, substantiated) ────────────────────────────┐w
              │[ ] Training                                                              │
              │[ ] Counselling                                                           │4
              │[ ] Written warning                                                       │
              │[ ] Disciplinary action                                                   │
              │[ ] Dismissal                                                             │
              │[ ] Referral                                                              │
              │[ ] Other                                                                 │
              │ Space ticks · Enter done · Esc cancel                                    │
              │ A substantiated case needs the measures taken: one or more of training,  │
              │ counselling, written-warning, disciplinary-action, dismissal, referral,  │
              │ other.                                                                   │
            As└──────────────────────────────────────────────────────────────────────────┘
              Ratings       Frequency 3 · Severity 3 · Threat / humiliation 3 · Well-being
                            impact 3 · Power differential 3
              Frequency: 3 (weekly or more) × 1.00 = 12.0 pts
              Severity: 3 (unwelcome physical contact, quid-pro-quo) × 1.50 = 18.0 pts

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "close-measures-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0012 · !!! Critical 95 · Formal procedure · Garnet Egret                                                                                                                                1–37/52
            Summary
              Case          C-2026-0012   !!! Critical 95/100   Formal procedure
              Channel       Complaint
              Received      28 July 2026 07:55
              Incidents     3 November 2025 – 15 January 2026  OUTSIDE the six-month window (the counselor may still proceed)
              Reporter      Garnet Egret — Євгенія Бондаренко <yevheniia.b@example.org, +44 7700 900819>
              Relationship  Staff
              Reported      Viktor Hale, Country Director (direct supervisor / controls contract)
              Categories    Sexual harassment, Abuse of authority
              Conduct       Quid pro quo, Sexual remarks, Intimidation
              Consent       identity may be shared with the supervisor: yes
              Wishes        not recorded

            Assessment             ┌─ Measures taken (C-2026-0012, substantiated) ──────────────────────────────────────────────────────────────────────────────────────────────────────────┐
              Ratings       Frequen│[ ] Training                                                                                                                                            │
              Frequency: 3 (weekly │[ ] Counselling                                                                                                                                         │
              Severity: 3 (unwelcom│[ ] Written warning                                                                                                                                     │
              Threat / humiliation:│[ ] Disciplinary action                                                                                                                                 │
              Well-being impact: 3 │[ ] Dismissal                                                                                                                                           │
              Power differential: 3│[ ] Referral                                                                                                                                            │
              Pervasiveness: report│[ ] Other                                                                                                                                               │
              Score 95/100 → Critic│ Space ticks · Enter done · Esc cancel                                                                                                                  │
                                   │ A substantiated case needs the measures taken: one or more of training, counselling, written-warning, disciplinary-action, dismissal, referral, other. │
            Deadlines              └────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘
              Acknowledge receipt   2026-08-11 07:55  met 2026-07-28 13:00
              Written confirmation  2026-08-11 07:55  OVERDUE
              First contact         2026-07-29 07:55  met 2026-07-28 13:00
              Support offered       2026-07-29 07:55  OVERDUE
              Feedback to reporter  2026-10-28 07:55  met 2026-10-01 11:00
              Follow-up             2026-10-31 11:00  OVERDUE

            Due process (per reported person)
              1. Viktor Hale, Country Director
                 informed not yet · account heard not yet · interim measures none · outcome communicated not yet

            Narrative
              Yevheniia reports that between November and January the Country Director repeatedly invited her to private dinners and said her promotion "depends on how well we get along". When she declined, he

             Cases: 33 overdue · 3 due ≤48h │ Enter choose  Esc cancel  ? help
            """, "close-measures-200x40")
        Fixture.press(app, [.char(" "), .down, .down, .char(" "), .enter, .enter])  // training, written warning; no note
        let item = try detail(app).view.item
        #expect(item.status == .closed && item.outcome == .substantiated)
        #expect(item.measures == [.training, .writtenWarning])
        #expect(app.render(width: 200, height: 60).text.contains("  Measures      Training, Written warning\n"))
    }

    @Test func screeningOutPastAFloorAsksForConfirmationAndANote() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0030", app: app)
        let screening = try #require(CaseStatus.assessing.allowedNext.firstIndex(of: .screenedOut))
        Fixture.press(app, [.char("s")] + Array(repeating: Key.down, count: screening) + [.enter])
        let reasons = try #require(app.modals.last as? Chooser)
        #expect(reasons.options.contains("Reasonable management action") || reasons.options.count == 8)
        let management = try #require(Fixture.config.taxonomy.screeningReasons.firstIndex { $0.id == "reasonable-management-action" })
        Fixture.press(app, Array(repeating: Key.down, count: management) + [.enter])
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
              ┌──────────────────────────────────────────────────────────────────────────┐
              │ The score carries the floor 'retaliation after a complaint'. Screen      │
              │ C-2026-0030 out anyway, setting the override aside? y/n                  │
              └──────────────────────────────────────────────────────────────────────────┘

            Assessment
              Ratings       Frequency 1 · Severity 2 · Threat / humiliation 1 · Well-being
                            impact 2 · Power differential 4
              Frequency: 1 (2–3 incidents) × 1.00 = 4.0 pts
              Severity: 2 (serious (sexual remarks, exclusion, withheld information)) ×
                  1.50 = 12.0 pts
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0 pts

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "screen-out-floor-80x24")
        expectScreen(app.render(width: 200, height: 40), """
             C-2026-0030 · !! High 68 · Assessing · Dusky Petrel                                                                                                                                            1–37/46
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
              Threat / humiliation: 1 (humiliated in private) × 1.50 = 6.0┌──────────────────────────────────────────────────────────────────────────┐
              Well-being impact: 2 (affects sleep, work or health) × 1.25 │ The score carries the floor 'retaliation after a complaint'. Screen      │
              Power differential: 4 (controls livelihood, aid, residence o│ C-2026-0030 out anyway, setting the override aside? y/n                  │
              Pervasiveness: reported person named in 4 other open cases +└──────────────────────────────────────────────────────────────────────────┘
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

             Cases: 33 overdue · 3 due ≤48h │ y yes  n no  ? help
            """, "screen-out-floor-200x40")
        Fixture.press(app, [.char("y"), .enter])
        #expect((app.modals.last as? TextPrompt)?.error
                == "The case carries the floor 'retaliation after a complaint'; screening it out needs confirmation and a note saying why the override does not apply.")
        Fixture.type(app, "The contract decision predates the complaint.")
        Fixture.press(app, [.enter])
        let item = try detail(app).view.item
        #expect(item.status == .screenedOut && item.screeningReason == "reasonable-management-action")
        #expect(item.journal.last?.text.contains("(override set aside: retaliation after a complaint)") == true)
    }
}

@Suite("Help over dialogs, panels and forms")
struct HelpEverywhereTests {
    @Test func helpFromTheAlertPanelComesBackToIt() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        app.start()
        #expect(app.render(width: 80, height: 24).line(1) == " DEMO database (fictional cases) — passphrase: demo",
                "the alert panel leaves the banner visible")
        let panel = try #require(app.modals.last as? AlertPanel)
        Fixture.press(app, [.char("?")])
        #expect(app.stack.last is HelpScreen && app.modals.isEmpty)
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — keys                                                     70–90/182
             Deadline alerts (shown on start; A)
               Down, j           Next alert
               Up, k             Previous alert
               PgDn, Space       Page down
               PgUp              Page up
               Home, g           First alert
               End, G            Last alert
               Enter             Open the case of the selected alert
               Esc, q            Dismiss the alerts (A shows them again)

             Case form: new case (n) and edit (i)
               Tab, Down         Next field
               Shift-Tab, Up     Previous field
               Enter             Next field; a new line in the narrative; choose from a lis…
               Ctrl-S            Save the case (an edit saves only the changed fields)
               Esc               Leave the form (asks first when something was typed)

             Case form: choices, check boxes and lists
               Space             Toggle a yes/no box; open a list to choose from
               Left              Previous option
               Right             Next option

             Cases: 33 overdue · 3 due ≤48h │ Esc close  ? help
            """, "help-over-alerts-80x24")
        Fixture.press(app, [.escape])
        #expect(app.modals.last === panel && app.stack.count == 1)
    }

    @Test func helpFromTheIntakeFormKeepsTheTypedText() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        Fixture.press(app, [.char("n"), .tab, .tab])
        Fixture.type(app, "2026-11-20?")                                           // ? is typed in a text field
        Fixture.press(app, [.backspace, .function(1)])
        #expect(app.stack.last is HelpScreen)
        Fixture.press(app, [.escape])
        let form = try #require(app.stack.last as? IntakeForm)
        #expect(form.texts[.incidentFirst]?.text == "2026-11-20" && form.focus == .incidentFirst && form.dirty)
        Fixture.press(app, [.backTab, .backTab, .char("?")])                        // on a choice, ? is help
        #expect(app.stack.last is HelpScreen)
        expectScreen(app.render(width: 80, height: 24), """
             Confidant — keys                                                    80–100/182
             Case form: new case (n) and edit (i)
               Tab, Down         Next field
               Shift-Tab, Up     Previous field
               Enter             Next field; a new line in the narrative; choose from a lis…
               Ctrl-S            Save the case (an edit saves only the changed fields)
               Esc               Leave the form (asks first when something was typed)

             Case form: choices, check boxes and lists
               Space             Toggle a yes/no box; open a list to choose from
               Left              Previous option
               Right             Next option
               any character     Other keys: says which key changes the field

             Assessment form
               Down, j, Tab      Next factor
               Up, k, Shift-Tab  Previous factor
               Left, h, -        Lower the rating
               Right, l, +       Raise the rating
               0                 Rate 0
               1                 Rate 1
               2                 Rate 2

             Cases: 33 overdue · 3 due ≤48h │ Esc close  ? help
            """, "help-over-intake-80x24")
        Fixture.press(app, [.escape])
        #expect(app.stack.last === form && form.texts[.incidentFirst]?.text == "2026-11-20")
    }

    @Test func helpFromAPromptBringsThePromptBack() throws {
        let app = Fixture.app(try Fixture.demoDesk())
        ColonCommand.run("open C-2026-0045", app: app)
        Fixture.press(app, [.char("j"), .enter])
        Fixture.type(app, "Called her?")
        let prompt = try #require(app.modals.last as? TextPrompt)
        Fixture.press(app, [.function(1)])
        #expect(app.stack.last is HelpScreen && app.modals.isEmpty)
        Fixture.press(app, [.escape])
        #expect(app.modals.last === prompt && prompt.field.text == "Called her?")
    }
}
