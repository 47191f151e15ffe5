import Foundation

/// The median, fastest and slowest of several runs, in milliseconds.
public struct Timing: Codable, Sendable {
    public var name: String
    public var runs: Int
    public var medianMs: Double
    public var minMs: Double
    public var maxMs: Double
    /// For a whole `confidant` process: the part of the median that is the key derivation (scrypt, timed on its own
    /// just before each run), so what the command itself costs reads apart.
    public var scryptMs: Double?

    /// Runs `body` `runs` times (after one warm-up unless `warmUp` is false) and summarises the wall-clock times.
    public static func measure(_ name: String, runs: Int, warmUp: Bool = true, _ body: () throws -> Void) rethrows -> Timing {
        if warmUp { try body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return summary(name, samples)
    }

    /// Summarises samples measured elsewhere.
    public static func summary(_ name: String, _ samples: [Double]) -> Timing {
        let sorted = samples.sorted()
        let median = sorted.isEmpty ? 0 : sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        return Timing(name: name, runs: samples.count, medianMs: median, minMs: sorted.first ?? 0, maxMs: sorted.last ?? 0, scryptMs: nil)
    }
}
