import CaseCore
import Foundation

/// A case whose assessment was scored under an older version of the team policy than the one in force.
public struct OlderPolicy: Equatable, Sendable {
    /// The version the assessment was scored under.
    public var scoredWith: Int
    /// The version in force, and when and by whom it was installed.
    public var inForce: Int
    public var installedAt: Date
    public var installedBy: String

    /// "Scored under policy version 1; version 2 has been in force since 29 Nov 2026 (installed by counselor): the
    /// score above is version 2's."
    public var phrase: Phrase {
        .key("team-policy.scored-under-older", ["scored": .text(String(scoredWith)), "version": .text(String(inForce)),
                                           "day": .day(installedAt), "by": .text(installedBy)])
    }
}

// The team policy: the version in force, installing a new one, and what a case view says of it.
extension CaseDesk {
    /// The version of the team policy in force (nil while the database holds none).
    public func policyInForce() throws -> PolicyVersion? { try store.policyInForce() }

    /// Installs `policy` as the next version (counselors only, audited) and ranks every case again under it.
    @discardableResult
    public func applyPolicy(_ policy: TeamPolicy) throws -> PolicyVersion {
        try store.applyPolicy(policy, now: clock())
    }

    /// A case with everything derived from it, and whether its assessment was scored under an older policy.
    func view(of item: Case, version: Int? = nil) throws -> CaseView {
        var view = CaseView(item: item, evaluation: try store.evaluate(item), version: version)
        if item.assessment != nil, let inForce = try store.policyInForce(), let scored = try store.scoredWith(item.id),
           scored < inForce.version {
            view.olderPolicy = OlderPolicy(scoredWith: scored, inForce: inForce.version, installedAt: inForce.installedAt,
                                           installedBy: inForce.installedBy)
        }
        return view
    }
}
