import CaseCore
import CaseStore
import Foundation

/// Builds (or reuses) a synthetic database of N sealed cases for the benchmarks.
public enum BenchDatabase {
    public static let passphrase = "benchmark passphrase"
    /// Bump when the generator changes, so cached databases are rebuilt.
    public static let generatorVersion = 3

    /// Creates a database of `count` synthetic cases at `path`, imported in batches (one transaction each).
    @discardableResult
    public static func build(at path: String, count: Int, config: ConfidantConfiguration, now: Date,
                             kdfRounds: Int = KDFParameters.standardRounds, batch: Int = 5_000) throws -> SQLiteCaseStore {
        let store = try SQLiteCaseStore.create(at: path, passphrase: passphrase, evaluator: config.evaluator(),
                                               kdfRounds: kdfRounds, now: now)
        let intakes = SyntheticCases.intakes(count: count, now: now, taxonomy: config.taxonomy)
        for start in stride(from: 0, to: intakes.count, by: batch) {
            let slice = intakes[start..<min(start + batch, intakes.count)]
            _ = try store.importCases(slice.enumerated().map { ("synthetic-\(start + $0.offset)", $0.element) },
                                      source: "benchmark generator", now: now)
        }
        return store
    }

    /// A cached database of `count` cases under `directory`, built on first use.
    public static func cached(count: Int, in directory: String, config: ConfidantConfiguration, now: Date) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/cases-\(count)-v\(generatorVersion).db"
        if !FileManager.default.fileExists(atPath: path) {
            let partial = path + ".partial"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            let store = try build(at: partial, count: count, config: config, now: now)
            try store.checkpoint()
            try store.close()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        }
        return path
    }
}
