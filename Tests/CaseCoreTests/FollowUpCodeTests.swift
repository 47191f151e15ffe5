import CaseCore
import Testing

@Suite("Follow-up codes and neutral labels")
struct FollowUpCodeTests {
    @Test("Codes are 16 random digits shown in groups of four, and parse back however they are typed")
    func format() {
        let code = FollowUpCode.random()
        #expect(code.digits.count == 16)
        #expect(code.description.count == 19)
        #expect(code.description.split(separator: " ").map(\.count) == [4, 4, 4, 4])
        #expect(FollowUpCode(code.description) == code)
        #expect(FollowUpCode(code.digits) == code)
        #expect(FollowUpCode("1234-5678-9012-3456")?.description == "1234 5678 9012 3456")
        #expect(FollowUpCode("1234 5678 9012 345") == nil)
        #expect(FollowUpCode("1234 5678 9012 345x") == nil)
        #expect(FollowUpCode("１２３４５６７８９０１２３４５６") == nil)
    }

    @Test("Codes do not repeat")
    func unguessable() {
        let codes = Set((0..<500).map { _ in FollowUpCode.random().digits })
        #expect(codes.count == 500)
    }

    @Test("Neutral respondent labels run A…Z, then AA")
    func labels() {
        #expect(RepeatRespondent.neutralLabel(0) == "Respondent A")
        #expect(RepeatRespondent.neutralLabel(25) == "Respondent Z")
        #expect(RepeatRespondent.neutralLabel(26) == "Respondent AA")
        let french = Catalogue(language: "fr", entries: ["respondent.neutral": "Mis en cause {letters}"])
        #expect(RepeatRespondent.neutralLabel(27, in: french) == "Mis en cause AB")
    }
}
