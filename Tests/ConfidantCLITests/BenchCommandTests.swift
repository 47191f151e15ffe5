import Foundation
import TestKit
import Testing

/// `confidant-bench` takes its options like the rest of Confidant (issue 16); running it is `make bench`'s business.
@Suite("The benchmark's command line")
struct BenchCommandTests {
    static let binary = TestFixtures.packageRoot.appendingPathComponent(".build/debug/confidant-bench").path

    @Test("--help lists the options, with the groups of figures")
    func help() throws {
        let run = try runProgram(Self.binary, ["--help"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.status == 0)
        // The help is wrapped to a width: compare its words.
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for option in ["--sizes <sizes>", "--runs <runs>", "--out <out>", "--cache <cache>", "--only <only>", "desk, cli, export, writers",
                       "--engine <engine>", "--postgres-url <url>", "$CONFIDANT_BENCH_POSTGRES_URL", "--writers <writers>",
                       "--duration <duration>"] {
            #expect(words.contains(option), "\(option)")
        }
    }

    @Test("A wrong option value is refused with the usage, before any database is built", arguments: [
        (["--runs", "0"], "Error: --runs must be 1 or more."),
        (["--only", "desk,typing"], "Error: The value 'desk,typing' is invalid for '--only <only>': --only takes desk, cli, export and writers, separated by commas; 'typing' is not one of them."),
        (["--engine", "postgresql"], "Error: --engine postgresql needs a server: --postgres-url URL, or $CONFIDANT_BENCH_POSTGRES_URL."),
        (["--engine", "postgresql", "--postgres-url", "/tmp/cases.db"], "Error: '/tmp/cases.db' is not a PostgreSQL URL like postgresql://USER@HOST:PORT/DATABASE."),
        (["--engine", "mysql"], "Error: The value 'mysql' is invalid for '--engine <engine>'. Please provide one of 'sqlite' and 'postgresql'."),
        (["--writers", "0"], "Error: --writers must be 1 or more."),
        (["--duration", "0"], "Error: --duration must be more than 0 seconds."),
        (["--sizes", "1k"], "Error: The value '1k' is invalid for '--sizes <sizes>': --sizes takes case counts separated by commas, like 1000,10000."),
    ])
    func refused(arguments: [String], message: String) throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-bench-\(UUID().uuidString)").path
        let run = try runProgram(Self.binary, arguments + ["--cache", cache], environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix(message + "\n"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache))
    }

    @Test("Without --postgres-url the server is $CONFIDANT_BENCH_POSTGRES_URL, checked before any database is built")
    func serverFromEnvironment() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("confidant-bench-\(UUID().uuidString)").path
        let run = try runProgram(Self.binary, ["--engine", "postgresql", "--cache", cache],
                                 environment: ["PATH": "/usr/bin:/bin", "CONFIDANT_BENCH_POSTGRES_URL": "team-server/cases"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: 'team-server/cases' is not a PostgreSQL URL like postgresql://USER@HOST:PORT/DATABASE.\n"),
                "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache))
    }
}
