import CaseCore
import Testing

@Suite("Triage score (PRODUCT §3)")
struct TriageScorerTests {
    let scorer = Fixtures.scorer
    let plain = TriageScorer.Context(categories: ["harassment"], childInvolved: false)

    @Test("The worked example: 2,3,4,2,3 gives 72 and threat 4 forces critical")
    func workedExample() {
        let score = scorer.score(Fixtures.ratings(2, 3, 4, 2, 3), context: plain)
        #expect(score.value == 72)
        #expect(score.band == .critical)
        #expect(score.overrides == ["explicit threat of violence or harm"])
        #expect(score.severe)
        #expect(score.suggestEscalation)
    }

    @Test("Weights come from scoring.json: 1.0, 1.5, 1.5, 1.25, 1.0")
    func weightsFromData() {
        #expect(Factor.allCases.map(Fixtures.scoring.weight) == [1.0, 1.5, 1.5, 1.25, 1.0])
    }

    @Test("Weights are read, not hard-coded: doubling power's weight changes the score")
    func changedWeights() throws {
        var config = Fixtures.scoring
        let index = config.factors.firstIndex { $0.id == .power }!
        config.factors[index].weight = 2.0
        let score = TriageScorer(config: config).score(Fixtures.ratings(0, 0, 0, 0, 4), context: plain)
        // 100 × (2 × 4) / (4 × 7.25) = 27.6 → 28
        #expect(score.value == 28)
    }

    @Test("All zeros is 0 and low; all fours is 100 and critical")
    func extremes() {
        #expect(scorer.score(Fixtures.ratings(0, 0, 0, 0, 0), context: plain).value == 0)
        #expect(scorer.score(Fixtures.ratings(0, 0, 0, 0, 0), context: plain).band == .low)
        #expect(scorer.score(Fixtures.ratings(4, 4, 4, 4, 4), context: plain).value == 100)
    }

    @Test("Band edges 24/25, 49/50, 74/75", arguments: [
        (Fixtures.ratings(1, 1, 1, 0, 2), 24, Band.low),
        (Fixtures.ratings(1, 1, 1, 1, 1), 25, Band.medium),
        (Fixtures.ratings(2, 2, 2, 1, 3), 49, Band.medium),
        (Fixtures.ratings(2, 2, 2, 2, 2), 50, Band.high),
        (Fixtures.ratings(4, 3, 3, 2, 3), 74, Band.high),
        (Fixtures.ratings(3, 3, 3, 3, 3), 75, Band.critical),
    ])
    func bandEdges(ratings: FactorRatings, expected: Int, band: Band) {
        let score = scorer.score(ratings, context: plain)
        #expect(score.value == expected)
        #expect(score.band == band)
        #expect(score.overrides.isEmpty)
    }

    @Test("Band thresholds by score alone")
    func bandThresholds() {
        let config = Fixtures.scoring
        #expect([24, 25, 49, 50, 74, 75].map(config.band(forScore:)) == [.low, .medium, .medium, .high, .high, .critical])
    }

    @Test("Overrides: well-being 4, a child, sexual exploitation and abuse force critical")
    func criticalOverrides() {
        let low = Fixtures.ratings(0, 0, 0, 0, 0)
        let wellbeing = scorer.score(Fixtures.ratings(0, 0, 0, 4, 0), context: plain)
        #expect(wellbeing.band == .critical)
        #expect(wellbeing.overrides == ["crisis or risk of self-harm"])

        let child = scorer.score(low, context: .init(categories: ["harassment"], childInvolved: true))
        #expect(child.value == 0)
        #expect(child.band == .critical)
        #expect(child.overrides == ["a child is involved"])

        let sea = scorer.score(low, context: .init(categories: ["sexual-exploitation-abuse"], childInvolved: false))
        #expect(sea.band == .critical)
    }

    @Test("Retaliation after a complaint is at least high, and does not lower a critical score")
    func retaliationFloor() {
        let retaliation = TriageScorer.Context(categories: ["victimisation"], childInvolved: false)
        #expect(scorer.score(Fixtures.ratings(0, 0, 0, 0, 0), context: retaliation).band == .high)
        #expect(scorer.score(Fixtures.ratings(4, 4, 3, 3, 3), context: retaliation).band == .critical)
    }

    @Test("Overrides apply before assessment; without one an unassessed case is unrated")
    func unassessed() {
        let none = scorer.score(nil, context: plain)
        #expect(none.value == nil)
        #expect(none.band == nil)
        let child = scorer.score(nil, context: .init(categories: [], childInvolved: true))
        #expect(child.band == .critical)
    }

    @Test("Pervasiveness adds 10 per other open case, capped at 20, and shows a line")
    func pervasiveness() {
        let ratings = Fixtures.ratings(1, 1, 1, 1, 1)  // 25
        func score(_ others: Int) -> TriageScore {
            scorer.score(ratings, context: .init(categories: ["harassment"], childInvolved: false, otherOpenCasesWithSameRespondent: others))
        }
        #expect(score(0).value == 25)
        #expect(score(0).pervasive == false)
        #expect(score(1).value == 35)
        #expect(score(2).value == 45)
        #expect(score(3).value == 45)
        #expect(score(5).pervasivenessPoints == 20)
        #expect(score(1).pervasive)
        #expect(score(2).lines.contains { $0.kind == .booster && $0.text.contains("+20") })
    }

    @Test("The boosted score never exceeds 100")
    func boostCapped() {
        let score = scorer.score(Fixtures.ratings(4, 4, 4, 4, 3), context: .init(categories: [], childInvolved: false, otherOpenCasesWithSameRespondent: 2))
        #expect(score.value == 100)
    }

    @Test("Severe when severity or threat ≥ 3; pervasive when frequency ≥ 3")
    func severeOrPervasive() {
        #expect(scorer.score(Fixtures.ratings(0, 3, 0, 0, 0), context: plain).severe)
        #expect(scorer.score(Fixtures.ratings(0, 0, 3, 0, 0), context: plain).severe)
        #expect(!scorer.score(Fixtures.ratings(2, 2, 2, 4, 4), context: plain).severe)
        #expect(scorer.score(Fixtures.ratings(3, 0, 0, 0, 0), context: plain).pervasive)
        #expect(!scorer.score(Fixtures.ratings(2, 2, 2, 2, 2), context: plain).severeOrPervasive)
    }

    @Test("Escalation suggested for critical, or high with power ≥ 3")
    func escalationSuggestion() {
        #expect(scorer.score(Fixtures.ratings(2, 2, 2, 2, 3), context: plain).suggestEscalation)   // 54, high, power 3
        #expect(!scorer.score(Fixtures.ratings(2, 2, 2, 2, 2), context: plain).suggestEscalation)  // 50, high, power 2
        #expect(!scorer.score(Fixtures.ratings(1, 1, 1, 1, 4), context: plain).suggestEscalation)  // medium
    }

    @Test("The explanation has one line per factor with descriptor and weight, then the total")
    func explanation() {
        let score = scorer.score(Fixtures.ratings(2, 3, 4, 2, 3), context: plain)
        let factorLines = score.lines.filter { $0.kind == .factor }
        #expect(factorLines.map(\.factor) == Factor.allCases)
        #expect(factorLines[1].descriptor == "unwelcome physical contact, quid-pro-quo")
        #expect(factorLines[1].weight == 1.5)
        #expect(score.explanation[1] == "Severity: 3 (unwelcome physical contact, quid-pro-quo) × 1.50 = 18.0 pts")
        #expect(score.lines.contains { $0.kind == .override })
        #expect(score.explanation.last == "Score 72/100 → Critical · severe · escalation suggested")
        let sum = factorLines.compactMap(\.points).reduce(0, +)
        #expect(Int(sum.rounded()) == score.value)
    }

    @Test("Ratings outside 0–4 are refused with a clear message")
    func outOfRange() {
        #expect(throws: CaseError.factorOutOfRange(factor: "threat", value: 5)) {
            try FactorRatings(frequency: 0, severity: 0, threat: 5, wellbeing: 0, power: 0)
        }
        #expect(CaseError.factorOutOfRange(factor: "threat", value: 5).description == "The threat rating must be between 0 and 4, not 5.")
    }

    @Test("A scoring file missing a factor is refused")
    func invalidConfiguration() {
        let json = #"{"factors":[],"bands":{"critical":75,"high":50,"medium":25},"pervasiveness":{"pointsPerOtherCase":10,"cap":20},"overrides":[],"severeOrPervasive":{"severeWhen":{},"pervasiveWhen":{}},"suggestEscalation":{"bands":[],"highWithPowerAtLeast":3}}"#
        #expect(throws: ConfigurationError.invalid(file: "scoring.json", detail: .key("config.scoring.factors"))) {
            try ScoringConfiguration.load(from: Data(json.utf8))
        }
        #expect(throws: ConfigurationError.malformed(file: "scoring.json", detail: .key("config.decoding.not-json"))) {
            try ScoringConfiguration.load(from: Data("{".utf8))
        }
    }
}

import Foundation
