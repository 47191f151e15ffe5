import BenchSupport
import Foundation

/// The figures of one database size.
struct SizeResult: Codable {
    var cases: Int
    var timings: [Timing]
    var peakRSSMegabytes: Double

    func print() {
        Swift.print("")
        Swift.print("  " + pad("figure", 52) + "  median ms     min ms     max ms   of which scrypt")
        for t in timings {
            Swift.print("  " + pad(t.name, 52) + String(format: " %10.2f %10.2f %10.2f", t.medianMs, t.minMs, t.maxMs)
                + (t.scryptMs.map { String(format: " %12.1f", $0) } ?? ""))
        }
        Swift.print("  peak RSS of the benchmark process so far: \(String(format: "%.1f", peakRSSMegabytes)) MB")
        Swift.print("")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

/// What `bench-results.json` holds.
struct Report: Codable {
    var machine: String
    var date: String
    var runsPerFigure: Int
    var results: [SizeResult]

    static var machine: String {
        var text = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
        if let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8).split(separator: "\n")
            .first(where: { $0.hasPrefix("model name") }) {
            text += ", " + cpu.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
