import Foundation

/// The five factors the reviewing team weighs to decide whether conduct is severe or pervasive.
public enum Factor: String, CaseIterable, Codable, Sendable {
    case frequency, severity, threat, wellbeing, power

    /// In English; ``Catalogue/label(_:)`` gives it in the reader's language.
    public var label: String { Catalogue.english.label(self) }
}

/// A 0–4 rating on each factor.
public struct FactorRatings: Equatable, Sendable, Codable {
    public var frequency: Int
    public var severity: Int
    public var threat: Int
    public var wellbeing: Int
    public var power: Int

    /// Creates ratings, refusing any value outside 0–4.
    public init(frequency: Int, severity: Int, threat: Int, wellbeing: Int, power: Int) throws {
        self.frequency = frequency
        self.severity = severity
        self.threat = threat
        self.wellbeing = wellbeing
        self.power = power
        try validate()
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Factor.self)
        try self.init(
            frequency: c.decode(Int.self, forKey: .frequency),
            severity: c.decode(Int.self, forKey: .severity),
            threat: c.decode(Int.self, forKey: .threat),
            wellbeing: c.decode(Int.self, forKey: .wellbeing),
            power: c.decode(Int.self, forKey: .power))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Factor.self)
        for factor in Factor.allCases { try c.encode(self[factor], forKey: factor) }
    }

    public func validate() throws {
        for factor in Factor.allCases where !(0...4).contains(self[factor]) {
            throw CaseError.factorOutOfRange(factor: factor.rawValue, value: self[factor])
        }
    }

    public subscript(factor: Factor) -> Int {
        get {
            switch factor {
            case .frequency: frequency
            case .severity: severity
            case .threat: threat
            case .wellbeing: wellbeing
            case .power: power
            }
        }
        set {
            switch factor {
            case .frequency: frequency = newValue
            case .severity: severity = newValue
            case .threat: threat = newValue
            case .wellbeing: wellbeing = newValue
            case .power: power = newValue
            }
        }
    }

    /// All zeros: the starting point of a fresh assessment form.
    public static let zero = try! FactorRatings(frequency: 0, severity: 0, threat: 0, wellbeing: 0, power: 0)
}

extension Factor: CodingKey {}
