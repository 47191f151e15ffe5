import CaseDeskTUI
import Foundation
import TestKit
import Testing

@Suite("README keys")
struct KeyReferenceTests {
    static let readme = TestFixtures.packageRoot.appendingPathComponent("README.md")
    static let begin = "<!-- keys: generated from KeyBindings.table -->"
    static let end = "<!-- end of keys -->"

    /// The README's key section is exactly what the key table generates. `CONFIDANT_UPDATE_README=1` rewrites it.
    @Test("The key section of README.md is generated from the key table")
    func readmeKeys() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: Self.begin), "README lacks \(Self.begin)")
        let stop = try #require(text.range(of: Self.end), "README lacks \(Self.end)")
        let current = String(text[start.upperBound..<stop.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = KeyReference.markdown()
        if ProcessInfo.processInfo.environment["CONFIDANT_UPDATE_README"] == "1" {
            try (String(text[..<start.upperBound]) + "\n" + generated + "\n" + String(text[stop.lowerBound...]))
                .write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == generated, "README keys differ from the key table; run CONFIDANT_UPDATE_README=1 swift test --filter KeyReferenceTests")
    }
}
