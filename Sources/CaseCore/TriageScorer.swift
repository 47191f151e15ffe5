import Foundation

/// Computes the triage score of PRODUCT §3 from a case's ratings, categories and the other open cases
/// that name the same reported person.
public struct TriageScorer: Sendable {
    public let config: ScoringConfiguration
    /// The language the explanation is written in.
    public let catalogue: Catalogue

    public init(config: ScoringConfiguration, catalogue: Catalogue = .english) {
        self.config = config
        self.catalogue = catalogue
    }

    /// What the scorer needs to know about a case besides its ratings.
    public struct Context: Equatable, Sendable {
        public var categories: [String]
        public var childInvolved: Bool
        /// Other open cases naming any of this case's reported persons.
        public var otherOpenCasesWithSameRespondent: Int

        public init(categories: [String], childInvolved: Bool, otherOpenCasesWithSameRespondent: Int = 0) {
            self.categories = categories
            self.childInvolved = childInvolved
            self.otherOpenCasesWithSameRespondent = otherOpenCasesWithSameRespondent
        }
    }

    public func score(_ ratings: FactorRatings?, context: Context) -> TriageScore {
        var lines: [TriageScore.Line] = []
        let totalWeight = Factor.allCases.reduce(0) { $0 + config.weight($1) }
        var base: Int?
        if let ratings {
            var weighted = 0.0
            for factor in Factor.allCases {
                let rating = ratings[factor]
                let weight = config.weight(factor)
                let points = 100 * weight * Double(rating) / (4 * totalWeight)
                weighted += weight * Double(rating)
                let descriptor = config.descriptor(factor, rating)
                lines.append(.init(
                    kind: .factor, factor: factor, rating: rating, descriptor: descriptor, weight: weight, points: points,
                    text: catalogue["score.factor-line", values: [
                        "factor": config.spec(factor).name, "rating": String(rating), "descriptor": descriptor,
                        "weight": catalogue.decimal(weight, digits: 2), "points": catalogue.decimal(points),
                    ]]))
            }
            base = Int((100 * weighted / (4 * totalWeight)).rounded(.toNearestOrAwayFromZero))
        }

        let others = max(0, context.otherOpenCasesWithSameRespondent)
        let boost = min(config.pervasiveness.cap, config.pervasiveness.pointsPerOtherCase * others)
        if boost > 0 {
            lines.append(.init(
                kind: .booster, points: Double(boost),
                text: catalogue.count("score.pervasiveness", others, [
                    "boost": String(boost), "per": String(config.pervasiveness.pointsPerOtherCase), "cap": String(config.pervasiveness.cap),
                ])))
        }

        let value = base.map { min(100, $0 + boost) }
        if let base, base + boost > 100 {
            lines.append(.init(
                kind: .cap, points: Double(100 - base - boost),
                text: catalogue["score.capped", values: ["base": String(base), "boost": String(boost), "sum": String(base + boost)]]))
        }
        var band = value.map(config.band(forScore:))

        var reasons: [String] = []
        for rule in config.overrides where applies(rule.when, ratings: ratings, context: context) {
            reasons.append(rule.reason)
            if band == nil || rule.floor < band! { band = rule.floor }
            lines.append(.init(kind: .override, text: catalogue["score.override", values: ["reason": rule.reason, "band": catalogue.label(rule.floor)]]))
        }

        let severe = ratings.map { r in config.severeOrPervasive.severeWhen.contains { key, min in Factor(rawValue: key).map { r[$0] >= min } ?? false } } ?? false
        let pervasive = boost > 0 || (ratings.map { r in config.severeOrPervasive.pervasiveWhen.contains { key, min in Factor(rawValue: key).map { r[$0] >= min } ?? false } } ?? false)

        let suggest: Bool = {
            guard let band else { return false }
            if config.suggestEscalation.bands.contains(band) { return true }
            return band == .high && (ratings?.power ?? 0) >= config.suggestEscalation.highWithPowerAtLeast
        }()

        if let value, let band {
            var total = catalogue["score.total", values: ["value": String(value), "band": catalogue.label(band)]]
            if severe || pervasive {
                total += " · " + catalogue.list([severe ? catalogue["score.severe"] : nil, pervasive ? catalogue["score.pervasive"] : nil].compactMap { $0 })
            }
            if suggest { total += " · " + catalogue["score.escalation-suggested"] }
            lines.append(.init(kind: .total, points: Double(value), text: total))
        } else {
            lines.append(.init(kind: .total, text: band.map { catalogue["score.not-assessed-override", values: ["band": catalogue.label($0)]] }
                ?? catalogue["score.not-assessed"]))
        }

        return TriageScore(
            value: value, baseValue: base, band: band, pervasivenessPoints: boost, otherOpenCases: others,
            severe: severe, pervasive: pervasive, overrides: reasons, suggestEscalation: suggest, lines: lines)
    }

    private func applies(_ condition: ScoringConfiguration.Override.Condition, ratings: FactorRatings?, context: Context) -> Bool {
        if let factor = condition.factor {
            guard let ratings, ratings[factor] >= (condition.atLeast ?? 4) else { return false }
        }
        if let category = condition.category, !context.categories.contains(category) { return false }
        if let child = condition.childInvolved, child != context.childInvolved { return false }
        return condition.factor != nil || condition.category != nil || condition.childInvolved != nil
    }
}
