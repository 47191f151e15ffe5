import BenchSupport
import CaseCore
import CaseDeskTUI
import CaseStore
import Foundation

/// The figures measured on one database, a file or on a server: the same code for both engines.
struct Figures {
    var location: StoreLocation
    var config: ConfidantConfiguration
    var now: Date
    var runs: Int

    /// A desk logged in as the counselor (the key derivation included), at the database's location or `other`.
    func open(_ other: StoreLocation? = nil) throws -> CaseDesk {
        try CaseDesk.open(other ?? location, passphrase: BenchDatabase.passphrase, account: "counselor",
                          evaluator: config.evaluator(), clock: { [now] in now })
    }

    /// The desk's window on `desk`, its first screen painted at 80×24 (the queue loaded for it).
    func firstScreen(_ desk: CaseDesk) -> DeskApp {
        let app = DeskApp(launch: LaunchSettings(desk: desk, banner: nil) { _ in true }, calendar: .utc, idleLimit: nil, now: now)
        _ = app.render(width: 80, height: 24)
        return app
    }

    func scrypt() throws -> Timing {
        try Timing.measure("scrypt key derivation (N=2^17, r=8, p=1)", runs: runs) {
            _ = try KDFParameters.fresh().deriveKey(from: BenchDatabase.passphrase)
        }
    }

    /// The desk: everything between the passphrase and a usable desk, then its keys.
    func desk() throws -> [Timing] {
        var timings: [Timing] = []
        // Open the database (key derivation included), load the queue and paint the first screen. The deadline alert
        // panel follows the first paint (see Launcher).
        timings.append(try Timing.measure("open + first screen (80×24)", runs: runs) { _ = firstScreen(try open()) })
        // Without the key derivation: with "scrypt key derivation", the two parts of "open + first screen".
        let unlocked = try open()
        timings.append(Timing.measure("first screen once unlocked (80×24)", runs: runs) { _ = firstScreen(unlocked) })

        // On a team's server each person logs in under their own name, and row-level security filters every row the
        // desk reads: the same first screen, through the counselor's own login.
        if case .server(let server) = location {
            let own = try server.personalLogin("counselor", password: "the benchmark counselor's server password")
            let desk = try open(.server(own))
            timings.append(Timing.measure("first screen once unlocked, own server login (row-level security)", runs: runs) {
                _ = firstScreen(desk)
            })
        }

        var alertSamples: [Double] = []
        for _ in 0..<runs {
            let app = firstScreen(try open())
            alertSamples.append(Self.milliseconds {
                app.start()
                _ = app.render(width: 80, height: 24)
            })
        }
        timings.append(Timing.summary("deadline alert panel after the first paint", alertSamples))

        let desk = try open()
        timings.append(try Timing.measure("rank the whole queue", runs: runs) { _ = try desk.queue() })

        let app = firstScreen(desk)
        app.handle(.escape, at: now)  // dismiss the deadline alerts shown on start
        let moves = (0..<(runs * 5)).map { index in
            Self.milliseconds {
                app.handle(index % 10 < 5 ? .down : .up, at: now)
                _ = app.render(width: 80, height: 24)
            }
        }
        timings.append(Timing.summary("keystroke: move in the queue", moves))

        var searches: [Double] = []
        for _ in 0..<runs {
            app.handle(.char("/"), at: now)
            for character in "synthetic 4" {
                searches.append(Self.milliseconds {
                    app.handle(.char(character), at: now)
                    _ = app.render(width: 80, height: 24)
                })
            }
            app.handle(.escape, at: now)
        }
        timings.append(Timing.summary("keystroke: incremental search", searches))

        let firstID = try desk.queue().first!.id
        timings.append(try Timing.measure("open a case detail", runs: runs) {
            let view = try desk.open(firstID)
            _ = view.evaluation.score.explanation
        })
        timings.append(Timing.measure("detail screen: Enter and draw", runs: runs) {
            app.handle(.enter, at: now)
            _ = app.render(width: 80, height: 24)
            app.handle(.escape, at: now)
        })
        return timings
    }

    /// Whole `confidant` processes. Each run is paired with a key derivation timed here just before it, so the scrypt
    /// part of a figure is measured under the same load as the process (the machine may be shared).
    func commandLine() throws -> [Timing] {
        let commands: [(String, [String])] = [
            ("confidant list --limit 25 (process)", ["list", "--limit", "25"]),
            ("confidant list, whole queue as a table (process)", ["list"]),
            ("confidant list --json (process)", ["list", "--json"]),
            ("confidant due (process)", ["due"]),
            ("confidant report (process)", ["report"]),
            ("confidant audit verify (process)", ["audit", "verify"]),
        ]
        return try commands.map { name, arguments in
            _ = try ConfidantProcess.run(arguments, database: location)  // warm-up
            var processes: [Double] = [], derivations: [Double] = []
            for _ in 0..<runs {
                derivations.append(try Self.milliseconds { _ = try KDFParameters.fresh().deriveKey(from: BenchDatabase.passphrase) })
                processes.append(try ConfidantProcess.run(arguments, database: location))
            }
            var timing = Timing.summary(name, processes)
            timing.scryptMs = Timing.summary("scrypt", derivations).medianMs
            return timing
        }
    }

    func export() throws -> Timing {
        let desk = try open()
        let ids = Array(try desk.queue().prefix(1_000).map(\.id))
        return try Timing.measure("export \(ids.count) case summaries (Markdown)", runs: max(1, runs / 3), warmUp: false) {
            for id in ids {
                let doc = try desk.exportDocument(id, for: .counselor)
                _ = CaseExportFormat.markdown.render(doc, taxonomy: desk.taxonomy, generatedAt: now)
            }
        }
    }

    /// Several desks writing at once to the same cases for `duration` seconds, on a scratch copy of the database (the
    /// cached one stays as built), then every write looked for and the audit chain verified.
    func writers(count: Int, duration: Double) throws -> DeskWritersReport {
        let scratch = try BenchDatabase.scratchCopy(of: location)
        defer { try? BenchDatabase.discard(scratch) }
        // The copy carries the database's id: the audit head its writes leave is kept apart from the cached database's.
        let state = ProcessInfo.processInfo.environment["XDG_STATE_HOME"] ?? NSTemporaryDirectory()
        setenv("XDG_STATE_HOME", state + "/scratch", 1)
        defer { setenv("XDG_STATE_HOME", state, 1) }
        return try DeskWriters(location: scratch, config: config, writers: count, duration: duration).run()
    }

    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
