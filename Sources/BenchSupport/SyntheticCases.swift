import CaseCore
import Foundation

/// Realistic, fictional cases in any number, for benchmarks: field sizes, category mix, scripts, statuses and
/// repeat respondents like a real organisation's, all from a seed.
public enum SyntheticCases {
    static let givenNames = ["Marta", "Olena", "Fatima", "Wang", "Yuki", "Kofi", "Ana", "Nguyễn", "Søren", "Ines",
                             "Олександр", "فاطمة", "王芳", "田中", "Amani", "José", "Priya", "Lena", "Omar", "Chiara"]
    static let familyNames = ["Łukasiewicz", "Коваленко", "Benali", "Li", "Tanaka", "Asante", "Ñúñez", "Thị Lan", "Ørsted",
                              "Haddad", "Петренко", "الزهراء", "王", "優子", "Diallo", "García", "Sharma", "Vogel", "Farouk", "Rossi"]
    static let roles = ["Country Director", "Logistics Coordinator", "Programme Manager", "Field Officer", "Driver",
                        "Finance Officer", "Security Adviser", "Team Leader", "Volunteer Coordinator", "Consultant"]
    static let sentences = [
        "The reporter describes repeated comments about her appearance during team meetings.",
        "He was told that his contract would not be renewed unless he dropped the matter.",
        "Messages continued late at night after she asked him to keep contact to work.",
        "In front of the whole office the manager called the reporter incompetent and lazy.",
        "The reported person withheld information the reporter needed to do her job.",
        "A beneficiary said aid was made conditional on meeting a staff member alone.",
        "Photos taken at the staff retreat were shared in a group chat without consent.",
        "The reporter was excluded from field trips after raising a concern about safety.",
        "Jokes about the reporter's religion were repeated after a request to stop.",
        "Он сказал, что никто ей не поверит.",
        "قال إنه سيتأكد من عدم تجديد عقدها.",
        "会議のたびに彼女の外見について発言があった。",
        "The reporter's sleep and work have suffered; she has taken sick leave.",
        "Colleagues confirmed the shouting took place in the open-plan office.",
    ]

    /// `count` intakes received over the five years before `now`, oldest first.
    public static func intakes(count: Int, seed: UInt64 = 2026, now: Date, taxonomy: Taxonomy) -> [CaseIntake] {
        var random = SeededGenerator(seed: seed)
        let categories = taxonomy.categories.map(\.id).filter { $0 != "sexual-exploitation-abuse" }
        let tags = taxonomy.conductTags.map(\.id)
        let respondentPool = max(1, count / 4)
        let span = 5 * 365 * 86_400.0
        let openStatuses: [CaseStatus] = [.new, .acknowledged, .assessing, .supportAdvice, .informalResolution, .formalProcedure, .escalated]
        return (0..<count).map { index in
            let received = now.addingTimeInterval(-span * Double(count - index) / Double(count))
            let last = received.addingTimeInterval(-Double(Int.random(in: 0...200, using: &random)) * 86_400)
            let first = last.addingTimeInterval(-Double(Int.random(in: 0...120, using: &random)) * 86_400)
            let anonymous = Int.random(in: 0..<10, using: &random) == 0
            let name = "\(givenNames.randomElement(using: &random)!) \(familyNames.randomElement(using: &random)!)"
            let respondent = Int.random(in: 0..<respondentPool, using: &random)
            var picked = [categories.randomElement(using: &random)!]
            if Int.random(in: 0..<3, using: &random) == 0 { picked.append(categories.randomElement(using: &random)!) }
            if Int.random(in: 0..<200, using: &random) == 0 { picked.append("sexual-exploitation-abuse") }
            picked = picked.enumerated().filter { position, id in picked.firstIndex(of: id) == position }.map(\.element)
            let narrative = (0..<Int.random(in: 3...10, using: &random)).map { _ in sentences.randomElement(using: &random)! }
                .joined(separator: " ")
            var intake = CaseIntake(
                receivedAt: DateText.timestamp(received), channel: anonymous ? .whistleblowing : [.complaint, .referral, .walkIn].randomElement(using: &random)!,
                incidentFirst: DateText.day(first), incidentLast: DateText.day(last),
                reporter: .init(pseudonym: "Synthetic \(index)", anonymous: anonymous, name: anonymous ? nil : name,
                                contact: anonymous ? nil : "reporter\(index)@example.org"),
                relationship: Relationship.allCases.randomElement(using: &random)!,
                reported: [ReportedPerson(name: "Respondent \(respondent) \(familyNames[respondent % familyNames.count])",
                                          role: roles[respondent % roles.count], power: PowerRelation.allCases.randomElement(using: &random)!)],
                categories: picked, grounds: picked.contains("discrimination") ? ["sex-gender"] : nil,
                conductTags: Int.random(in: 0..<2, using: &random) == 0 ? [tags.randomElement(using: &random)!] : nil,
                childInvolved: Int.random(in: 0..<300, using: &random) == 0, consentShareIdentity: Bool.random(using: &random),
                narrative: narrative, supportNeeds: "Prefers contact by e-mail; referred to the staff counsellor.")
            let age = now.timeIntervalSince(received)
            if age > 365 * 86_400 && Int.random(in: 0..<10, using: &random) < 8 {
                intake.status = [.closed, .withdrawn, .screenedOut].randomElement(using: &random)!
                intake.outcome = intake.status == .closed ? Outcome.allCases.randomElement(using: &random)! : nil
                intake.measures = intake.outcome == .substantiated ? [Measure.allCases.randomElement(using: &random)!] : nil
                intake.screeningReason = intake.status == .screenedOut ? "uncongenial-tone" : nil
            } else {
                intake.status = openStatuses.randomElement(using: &random)!
            }
            if intake.status != .new && intake.status != .acknowledged {
                intake.assessment = try? FactorRatings(
                    frequency: Int.random(in: 0...4, using: &random), severity: Int.random(in: 0...4, using: &random),
                    threat: Int.random(in: 0...3, using: &random), wellbeing: Int.random(in: 0...3, using: &random),
                    power: Int.random(in: 0...4, using: &random))
            }
            if intake.status == .escalated { intake.escalationLevel = EscalationLevel.allCases.randomElement(using: &random)! }
            intake.journal = (0..<Int.random(in: 0...3, using: &random)).map { n in
                .init(at: DateText.timestamp(received.addingTimeInterval(Double(n + 1) * 3 * 86_400)),
                      kind: [.contact, .note, .support, .advice].randomElement(using: &random)!,
                      text: sentences.randomElement(using: &random)!)
            }
            return intake
        }
    }
}
