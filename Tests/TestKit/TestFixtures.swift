import CaseCore
import Foundation

/// What every test target shares: the package's folders, one fixed instant and one sample case.
public enum TestFixtures {
    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The package's `Data/` folder (the shipped configuration, demo and import files).
    public static let dataDirectory = packageRoot.appendingPathComponent("Data")

    /// The instant tests run at unless they need another: Wednesday 25 November 2026, noon UTC, the anchor day of
    /// `Data/demo-cases.json` (so demo cases are not shifted) and the day the screen pictures are drawn on.
    public static let nowText = "2026-11-25T12:00:00Z"
    public static let now = DateText.parse(nowText)!

    /// The passphrase of the databases tests create (demo databases use `demo`).
    public static let passphrase = "correct horse battery"

    /// The sample case as `confidant add --json` reads it: a complaint received five days before ``now``, a named
    /// reporter, one reported person with power over them, no wishes recorded.
    public static let sampleCaseJSON = """
        {"receivedAt":"2026-11-20T09:00:00Z","channel":"complaint","incidentFirst":"2026-11-01","incidentLast":"2026-11-18",
         "reporter":{"pseudonym":"Amber Heron","name":"Fatima Zahra Benali","contact":"fz.benali@example.org"},
         "relationship":"staff","reported":[{"name":"Viktor Hale","role":"Country Director","power":"supervisor"}],
         "categories":["harassment","abuse-of-authority"],"narrative":"He told me my contract would not be renewed unless I stayed quiet."}
        """

    /// ``sampleCaseJSON`` as an intake.
    public static var sampleIntake: CaseIntake { try! CaseIntake.decode(Data(sampleCaseJSON.utf8)) }

    /// A new, empty folder under the system's temporary folder, named `PREFIX-UUID` (left for inspection).
    public static func temporaryDirectory(_ prefix: String = "confidant-tests") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A file's permission bits.
    public static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
