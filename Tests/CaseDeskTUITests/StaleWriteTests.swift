import CaseCore
import CaseStore
@testable import CaseDeskTUI
import Foundation
import TestKit
import Testing

/// Two counselors on one case: what one types while the other changes the case is refused, never saved over the
/// other's change, and never lost.
@Suite("A stale write at the desk")
struct StaleWriteTests {
    @Test("A journal entry typed while another counselor changed the case is refused, naming them; the prompt keeps the text")
    func staleJournalEntry() throws {
        let database = try Fixture.demoDatabase()
        let alex = try Fixture.desk(as: "alex", role: .counselor, on: database)
        let app = Fixture.app(database.desk)
        Fixture.press(app, [.enter])
        let detail = try #require(app.stack.last as? DetailScreen)
        let id = detail.view.item.id
        let kind = try #require(JournalDialog.kinds.firstIndex(of: .note))
        Fixture.press(app, [.char("j")] + Array(repeating: .down, count: kind) + [.enter])
        Fixture.type(app, "Typed while Alex wrote")
        try alex.record(id, .note, text: "Alex called the reporter")
        Fixture.press(app, [.enter])
        let prompt = try #require(app.modals.last as? TextPrompt)
        #expect(prompt.field.text == "Typed while Alex wrote")
        #expect(prompt.error == StoreError.staleCase(id.description, by: "alex", at: TestFixtures.now).description)
        #expect(try database.desk.open(id).item.journal.last?.text == "Alex called the reporter")
    }
}
